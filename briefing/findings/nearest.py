"""Nearest: the passages of a source closest to words that are not quoted exactly.

Used for a quote not found (the error names the closest passage and the words that
differ) and by the find command. Words are compared case-blind without the punctuation
around them; windows of the source are ranked by the words they share, then the best few
aligned word by word.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, NamedTuple

from .numbers import numbers

if TYPE_CHECKING:
    from .indexed_source import IndexedSource

WORD = re.compile(r"\S+")
# The closest passage to a quote not found is worked out word by word over at most this
# many of its words (the comparison grows with the square of its length); for a longer
# quote, those around the first word that departs from the source.
SUGGEST_WORDS = 60
# A word the find command looks for stands for another with a different ending ("troop",
# "troops") when the shorter has at least STEM_LETTERS letters and the longer at most
# ENDING_LETTERS more.
STEM_LETTERS, ENDING_LETTERS = 4, 3


def not_found(needle: str, source: IndexedSource, shown_path: str) -> str:
    head = f"quote not found in source '{source.id}'"
    quoted = needle.replace("...", " ... ").split()
    if len(quoted) > SUGGEST_WORDS:
        # The longest opening of the quote the source has, by halving: a few linear passes.
        lo, hi = 0, len(quoted)
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if " ".join(quoted[:mid]) in source.folded:
                lo = mid
            else:
                hi = mid - 1
        first = max(0, min(lo - SUGGEST_WORDS // 4, len(quoted) - SUGGEST_WORDS))
        quoted = quoted[first : first + SUGGEST_WORDS]
        if lo:
            head += (
                f" (its first {lo:,} of {len(needle.split()):,} words match the "
                "source; shown is where it departs)"
            )
        needle = " ".join(quoted)
    want = [comparable(w) for w in quoted if w != "..."]
    words = source.words
    best = _closest_window(want, words)
    if best is None:
        return f"{head}: no passage resembles it; copy the words exactly from {shown_path}"
    start, end = words[best[0]][0], words[best[1] - 1][1]
    if numbers(source.folded[start:end]) != numbers(needle):
        return (
            f"{head}: the closest passage gives different figures, so none is suggested; "
            f"check the numbers against {shown_path}"
        )
    o_start, o_end = source.original_span(start, end)
    line, col = source.line_col(o_start)
    verbatim = " ".join(source.text[o_start:o_end].split())
    shown = [(w[2], source.original_text(w[0], w[1])) for w in words[best[0] : best[1]]]
    diffs = _differences(quoted, shown)
    return (
        f"{head}; closest passage at {shown_path}:{line}:{col}: «{clip(verbatim)}» "
        f"({diffs}); copy it verbatim"
    )


def _closest_window(want: list[str], words: list[tuple[int, int, str]]) -> tuple[int, int] | None:
    """Word range of the source most like ``want``: rank by shared words, then by diff."""
    ranked = closest_windows(want, words, 1)
    return ranked[0][1:] if ranked and ranked[0][0] >= 0.5 else None


def closest_windows(
    want: list[str], words: list[tuple[int, int, str]], count: int
) -> list[tuple[float, int, int]]:
    """Up to ``count`` word ranges of the source most like ``want``, best first, as
    (likeness 0-1, first word, end word), none overlapping another.

    Windows of the quote's length are ranked by the words they share with it (one pass);
    the best few are then compared word by word, and each widened or trimmed to the run
    that lines up with the whole of ``want``.
    """
    import heapq  # these two only for a quote not found, or for the find command
    from difflib import SequenceMatcher

    n = len(want)
    if not n or not words:
        return []
    wanted = set(want)
    flags = bytes(1 if w[2] in wanted else 0 for w in words)
    size = min(n, len(words))
    best_windows = heapq.nsmallest(
        25 * count, _window_scores(flags, size), key=lambda r: (-r[0], r[1])
    )
    scored: list[tuple[float, int, int]] = []
    ratios: dict[tuple[str, ...], float] = {}  # a repetitive text repeats its windows
    for _, i in best_windows:
        best: tuple[float, int, int] | None = None
        for lo, hi in ((i, i + size), (max(0, i - 2), min(len(words), i + size + 2))):
            window = tuple(w[2] for w in words[lo:hi])
            if window not in ratios:
                ratios[window] = SequenceMatcher(None, want, window, autojunk=False).ratio()
            ratio = ratios[window]
            if best is None or ratio > best[0]:
                best = (ratio, lo, hi)
        assert best is not None
        scored.append(best)
    chosen: list[tuple[float, int, int]] = []
    for ratio, lo, hi in sorted(scored, key=lambda r: (-r[0], r[1])):
        lo, hi = _covering(want, words, lo, hi)
        if all(hi <= c_lo or lo >= c_hi for _, c_lo, c_hi in chosen):
            chosen.append((ratio, lo, hi))
        if len(chosen) == count:
            break
    return chosen


def _window_scores(flags: bytes, size: int) -> Iterator[tuple[int, int]]:
    """(words shared with the quote, first word) of each window of ``size`` words, made one
    at a time so that a long source never holds them all."""
    score = sum(flags[:size])
    yield score, 0
    for i in range(1, len(flags) - size + 1):
        score += flags[i + size - 1] - flags[i - 1]
        yield score, i


def _covering(
    want: list[str], words: list[tuple[int, int, str]], lo: int, hi: int
) -> tuple[int, int]:
    """The run of source words that lines up with the whole quote, found around [lo, hi).

    The quote is aligned with a window a few words wider on each side; the run goes from
    the first to the last source word that matches or replaces a quoted word, so a typo in
    the last word, or a word the quote dropped, never cuts the suggested passage short,
    and source words beyond the quote's ends are left out.
    """
    from difflib import SequenceMatcher  # only for a quote not found

    lo, hi = max(0, lo - 3), min(len(words), hi + 3)
    ops = SequenceMatcher(None, want, [w[2] for w in words[lo:hi]], autojunk=False).get_opcodes()
    kept = [
        (a2 - a1, b1, b2) for tag, a1, a2, b1, b2 in ops if tag in ("equal", "replace") and b2 > b1
    ]
    if not kept:
        return lo, hi
    # A replaced run at either end stands for as many source words as quoted ones, those
    # nearest the rest of the quote.
    first_quoted, first_start, first_end = kept[0]
    last_quoted, last_start, last_end = kept[-1]
    start = max(first_start, first_end - max(1, first_quoted))
    end = min(last_end, last_start + max(1, last_quoted))
    return lo + start, lo + max(end, start + 1)


def _differences(quoted: list[str], source: list[tuple[str, str]]) -> str:
    """The words that differ, the source's shown as written there."""
    from difflib import SequenceMatcher  # only for a quote not found

    ops = SequenceMatcher(
        None, [comparable(w) for w in quoted], [w[0] for w in source], autojunk=False
    )
    said = []
    for tag, a1, a2, b1, b2 in ops.get_opcodes():
        q, s = " ".join(quoted[a1:a2]), " ".join(w[1] for w in source[b1:b2])
        if tag == "replace" and a2 - a1 == 1 and q.lower() in s.lower() and q != s:
            said.append(f"'{q}' is part of the word '{s}': a quote starts and ends on whole words")
        elif tag == "replace":
            if q[-1:] not in ".,;:!?":
                s = s.rstrip(".,;:!?")  # the word, not the sentence's full stop after it
            said.append(f"the quote has '{q}' where the source has '{s}'")
        elif tag == "delete" and q != "...":
            said.append(f"the source does not have '{q}' here")
        elif tag == "insert":
            said.append(f"the source also has '{s}' here")
    if not said:
        return "it differs only in letter case or punctuation"
    more = f", and {len(said) - 3} more difference(s)" if len(said) > 3 else ""
    return "; ".join(said[:3]) + more


def clip(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def comparable(word: str) -> str:
    return word.strip(".,;:!?\"'()[]").lower()


class Hit(NamedTuple):
    """A unit of a source (a sentence, a list item, a heading) holding some of the words
    looked for."""

    held: int
    """How many of the distinct words looked for it holds."""
    spread: int
    """How many words it takes, in the unit, to hold them all: fewer is closer together."""
    source: str
    start: int
    end: int


class Wanted(dict[str, int]):
    """The words looked for, and for each source word met, as written, the index of the
    one it counts as (-1 for none): worked out once for each spelling.

    A word counts when it is the same, or the same word with another ending ("troop",
    "troops"): words are remembered loosely."""

    def __init__(self, want: list[str]) -> None:
        super().__init__()
        self.words = list(dict.fromkeys(want))
        """The distinct words looked for, in the order given."""
        self._whole = frozenset(self.words)
        # Words that count as one another share their first letters (see _which).
        self._openings = frozenset(w[:STEM_LETTERS] for w in self.words if len(w) >= STEM_LETTERS)

    def __missing__(self, word: str) -> int:
        form = comparable(word)
        maybe = form in self._whole or form[:STEM_LETTERS] in self._openings
        index = self[word] = _which(form, self.words) if maybe else -1
        return index


def ranked_units(
    wanted: Wanted, source_id: str, text: str, spans: list[tuple[int, int]]
) -> list[Hit]:
    """Every unit of ``text`` holding at least one of the words wanted, unranked."""
    hits = []
    for start, end in spans:
        # str.split's whitespace is WORD's: the same words, without a match object each.
        found = list(map(wanted.__getitem__, text[start:end].split()))
        if max(found, default=-1) < 0:
            continue
        places = [(n, w) for n, w in enumerate(found) if w >= 0]  # (position, wanted index)
        held = len({w for _, w in places})
        hits.append(Hit(held, _spread(places, held), source_id, start, end))
    return hits


def best(hits: list[Hit], count: int) -> list[Hit]:
    """The ``count`` best: most words held, then closest together, then first in order."""
    return sorted(hits, key=lambda h: (-h.held, h.spread))[:count]


def _which(form: str, wanted: list[str]) -> int:
    for i, word in enumerate(wanted):
        if form == word:
            return i
    for i, word in enumerate(wanted):
        short, long_ = sorted((form, word), key=len)
        if (
            len(short) >= STEM_LETTERS
            and long_.startswith(short)
            and len(long_) - len(short) <= ENDING_LETTERS
        ):
            return i
    return -1


def _spread(places: list[tuple[int, int]], held: int) -> int:
    """The fewest consecutive words of the unit holding every word it holds (a sliding
    window: linear in its words)."""
    counts: dict[int, int] = {}
    best_width = places[-1][0] - places[0][0] + 1
    lo = 0
    for position, which in places:
        counts[which] = counts.get(which, 0) + 1
        while len(counts) == held:
            best_width = min(best_width, position - places[lo][0] + 1)
            first = places[lo][1]
            counts[first] -= 1
            if not counts[first]:
                del counts[first]
            lo += 1
    return best_width
