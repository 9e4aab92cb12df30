"""Boundaries: where a reader sees a word or a number start and end.

A quote must start and end on such a place, or a verified quote could say what the source
does not: "500 soldiers" cut from "1,500 soldiers", "lethal aid" from "non-lethal aid",
"Sa" from "São" (a combining tilde after the "a"), "2,000" from "1\u00ad2,000" (a soft
hyphen a reader never sees, so the page shows 12,000). A token here is a run of letters,
digits and combining marks, joined by a hyphen between two of them, by a thousands
separator or decimal mark between two digits, by an apostrophe between two letters, or by
invisible format characters; a number's sign belongs to it.
"""

from __future__ import annotations

import unicodedata

_HYPHENS = "-\u2010\u2011"
_MINUS = "-\u2212"
# Between two digits these group thousands or mark decimals: "1,500", "2.5", "12 000".
_IN_NUMBERS = ".,'’\u00a0\u202f\u2009\u066b\u066c"  # with the Arabic decimal and group marks
_IN_WORDS = "'’"  # "don't", "O'Brien"


def is_word(char: str) -> bool:
    """A letter, a digit or a combining mark."""
    return char.isalnum() or unicodedata.category(char).startswith("M")


def invisible(char: str) -> bool:
    """A format character a reader never sees: soft hyphen, zero-width space, joiners."""
    return unicodedata.category(char) == "Cf"


def visible_before(text: str, pos: int) -> int:
    """``pos`` moved back over invisible characters."""
    while pos and invisible(text[pos - 1]):
        pos -= 1
    return pos


def visible_after(text: str, pos: int) -> int:
    """``pos`` moved on over invisible characters."""
    while pos < len(text) and invisible(text[pos]):
        pos += 1
    return pos


def splits_token(text: str, pos: int) -> bool:
    """Whether a quote starting or ending at offset ``pos`` of ``text`` would cut a token."""
    if pos <= 0 or pos >= len(text):
        return False
    if unicodedata.category(text[pos]).startswith("M"):
        return True  # a mark belongs to the letter before it
    left, right = visible_before(text, pos), visible_after(text, pos)
    if left == 0 or right == len(text):
        return False
    before, after = text[left - 1], text[right]
    if is_word(before) and is_word(after):
        return True
    return _joined(text, left - 1, after_joiner=after) or _joined(text, right, before)


def _joined(text: str, at: int, before_joiner: str = "", after_joiner: str = "") -> bool:
    """Whether the character at ``at`` joins the token characters on both its sides.

    One side is given (the character on the other side of the place being cut); the other
    is read from the text.
    """
    joiner = text[at]
    if before_joiner:
        far = visible_after(text, at + 1)
        if far == len(text):
            return False
        left, right = before_joiner, text[far]
    else:
        near = visible_before(text, at)
        if near == 0:
            return _is_sign(text, at, after_joiner)
        left, right = text[near - 1], after_joiner
        if joiner in _MINUS and right.isdigit() and not is_word(left):
            return True  # "-3,000": the sign is the number's
    if joiner in _HYPHENS:
        return is_word(left) and is_word(right)
    if joiner in _IN_NUMBERS and left.isdigit() and right.isdigit():
        return True
    return joiner in _IN_WORDS and left.isalpha() and right.isalpha()


def _is_sign(text: str, at: int, after: str) -> bool:
    return text[at] in _MINUS and after.isdigit()
