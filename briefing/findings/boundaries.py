"""Boundaries: where a reader sees a word or a number start and end.

A quote must start and end on such a place, or a verified quote could say what the source
does not: "500 soldiers" cut from "1,500 soldiers", "lethal aid" from "non-lethal aid",
"Sa" from "São" (a combining tilde after the "a"), "2,000" from "1\u00ad2,000" (a soft
hyphen a reader never sees, so the page shows 12,000). A token here is a run of letters,
digits and combining marks, joined by a hyphen between two of them, by a thousands
separator, decimal mark, slash or colon between two digits (or a space grouping thousands,
as in "12 000"), by an apostrophe between two letters, or by invisible format characters;
a number's sign belongs to it.
"""

from __future__ import annotations

import unicodedata

# A hyphen, or an en dash, joins what it stands between: "non-lethal", "S–300", "200–500".
_HYPHENS = "-\u2010\u2011\u2013"
_MINUS = "-\u2212\u2013"
# Every dash that joins a token or signs a number: a figure's edge may stand at one.
DASHES = "".join(dict.fromkeys(_HYPHENS + _MINUS))
_IN_WORDS = "'’"  # "don't", "O'Brien"
_SPACES = " \t\r\n"


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
    if left.isdigit() and right.isdigit():
        # Between two digits anything but a space joins them, whatever a language groups
        # or marks decimals with ("1,500", "1·500", "１，５００", "200/500", "10:30"); a
        # space does where it groups thousands ("12 000").
        return joiner not in _SPACES or (joiner == " " and grouped_by_space(text, at))
    return joiner in _IN_WORDS and left.isalpha() and right.isalpha()


def grouped_by_space(text: str, at: int) -> bool:
    """Whether the space at ``at`` groups thousands: one to three digits before it, and
    exactly three after it ("1 500", "12 000")."""
    left = at
    while left and text[left - 1].isdigit():
        left -= 1
    right = at + 1
    while right < len(text) and text[right].isdigit():
        right += 1
    return 1 <= at - left <= 3 and right - at - 1 == 3


def _is_sign(text: str, at: int, after: str) -> bool:
    return text[at] in _MINUS and after.isdigit()
