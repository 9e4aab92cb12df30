"""A source text prepared for searching: folded once, its paragraphs located, its words
indexed when it is long.

Folding removes only what the contract lets a quote differ in: whitespace, straight
versus typographic quotes, dash variants and ``...`` versus ``…``. A stretch is found only
where it starts and ends on token boundaries (boundaries.py). Matching quotes against it is
quotes.py's.
"""

from __future__ import annotations

import bisect
import re
from array import array
from functools import cached_property

from .boundaries import splits_token
from .nearest import WORD, comparable
from .sources import paragraph_spans

_ONE_FOR_ONE = {
    **dict.fromkeys("‘’‚‛′ʼ", "'"),
    **dict.fromkeys("“”„‟″", '"'),
    **dict.fromkeys("‐‑‒–—―−", "-"),
}
# Only whitespace runs other than one plain space, and '…', change the length; a single
# tab or line break becomes a space in place.
_RESIZED = re.compile(r"\s{2,}|…")
_ONE_SPACE = re.compile(r"[^\S ]")
_LETTERS = re.compile(r"[^\W_]+")
# How many places of one quote are looked for: enough to say "occurs N times" for any
# honest slip, few enough that a quote of one common word cannot keep the build busy.
MAX_HITS = 1_000
# From this length on, a text's words are indexed and a quote is looked up at the places of
# its rarest word: a long transcript quoted thousands of times is not read through for each.
INDEX_FROM = 1_000_000


class Offsets:
    """Where each character of a folded text stands in the original, kept as runs: from
    each run's start the folded text follows the original one for one. Most of a text is
    a few long runs, so a long source costs a few lists, not four bytes a character."""

    def __init__(self, folded_starts: list[int], original_starts: list[int], length: int):
        self._folded = folded_starts
        self._original = original_starts
        self._length = length

    def __len__(self) -> int:
        return self._length

    def __getitem__(self, i: int) -> int:
        if i < 0:
            i += self._length
        if not 0 <= i < self._length:
            raise IndexError(i)
        run = bisect.bisect_right(self._folded, i) - 1
        return self._original[run] + (i - self._folded[run])

    def first_at_or_after(self, original: int) -> int:
        """The first folded position standing at or after ``original`` (``bisect_left``
        over the offsets, without reading them one by one)."""
        run = bisect.bisect_left(self._original, original)
        if run:
            before = run - 1
            i = self._folded[before] + (original - self._original[before])
            if i < self._end_of(before):
                return i
        return self._folded[run] if run < len(self._folded) else self._length

    def _end_of(self, run: int) -> int:
        return self._folded[run + 1] if run + 1 < len(self._folded) else self._length


def fold(text: str) -> tuple[str, Offsets]:
    """Text with the ignorable differences folded away, and each folded character's offset."""
    out: list[str] = []
    folded_starts, original_starts = [0], [0]
    done = folded = 0
    # The stretches between the spots that change the length are copied whole; each spot
    # is a run of its own (the three dots of a '…' all stand at the '…').
    for match in _RESIZED.finditer(text):
        start = match.start()
        out.append(text[done:start])
        folded += start - done
        if match.group() == "…":
            out.append("...")
            runs = 3
        else:
            out.append(" ")
            runs = 1
        for k in range(runs):
            folded_starts.append(folded + k)
            original_starts.append(start)
        folded += runs
        done = match.end()
        folded_starts.append(folded)
        original_starts.append(done)
    out.append(text[done:])
    folded += len(text) - done
    joined = _ONE_SPACE.sub(" ", "".join(out))
    return _one_for_one(joined), Offsets(folded_starts, original_starts, folded)


def _one_for_one(text: str) -> str:
    # One fast scan per character that folds, where str.translate looks up every character
    # of the text: several times quicker on a source, and linear whatever it holds.
    for old, new in _ONE_FOR_ONE.items():
        if old in text:
            text = text.replace(old, new)
    return text


class IndexedSource:
    """A source text prepared for searching: folded once, paragraphs located."""

    def __init__(self, source_id: str, text: str) -> None:
        self.id = source_id
        self.text = text
        self.located: dict[tuple[str, str, bool], tuple[list[tuple[int, int]] | None, str]] = {}
        self.folded, self.index = fold(text)
        spans = paragraph_spans(text) or [(0, len(text))]
        self.paragraph_starts = [start for start, _ in spans]
        # Where each paragraph ends in the folded text, to keep an elision inside one.
        self.paragraph_ends = [self.index.first_at_or_after(end) for _, end in spans]

    @cached_property
    def line_starts(self) -> list[int]:
        """Where each line starts: needed only to say where a passage is."""
        return [0] + [m.end() for m in re.finditer("\n", self.text)]

    def paragraph_of(self, folded_pos: int) -> int:
        return max(0, bisect.bisect_right(self.paragraph_starts, self.index[folded_pos]) - 1)

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        return self.index[start], self.index[end - 1] + 1

    def original_text(self, start: int, end: int) -> str:
        """The source's own characters behind a stretch of the folded text."""
        o_start, o_end = self.original_span(start, end)
        return self.text[o_start:o_end]

    def line_col(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.line_starts, offset)
        return line, offset - self.line_starts[line - 1] + 1

    @cached_property
    def words(self) -> list[tuple[int, int, str]]:
        """(start, end, comparable form) of each word of the folded text."""
        # A long text repeats its words: each distinct form is kept once.
        forms: dict[str, str] = {}
        return [
            (m.start(), m.end(), forms.setdefault(form, form))
            for m in WORD.finditer(self.folded)
            for form in (comparable(m.group()),)
        ]

    def find_all(
        self, needle: str, lo: int = 0, hi: int | None = None, limit: int | None = MAX_HITS
    ) -> list[int]:
        """Starts of ``needle`` in the folded text that begin and end where a token does
        (the first ``limit`` of them).

        Linear in the text: a candidate that starts inside a word makes the search jump
        past that word, since no bounded match can start within it.
        """
        hi = len(self.folded) if hi is None else hi
        if len(self.folded) >= INDEX_FROM:
            anchored = self._find_by_word(needle, lo, hi, limit)
            if anchored is not None:
                return anchored
        hits: list[int] = []
        folded = self.folded
        word_first = needle[0].isalnum()
        pos = folded.find(needle, lo, hi)
        while pos != -1 and (limit is None or len(hits) < limit):
            if word_first and pos and folded[pos - 1].isalnum():
                inside = _LETTERS.match(folded, pos)
                pos = folded.find(needle, inside.end() if inside else pos + 1, hi)
                continue
            if self._bounded(pos, pos + len(needle)):
                hits.append(pos)
            pos = folded.find(needle, pos + 1, hi)
        return hits

    @cached_property
    def _word_places(self) -> dict[str, array[int]]:
        """Where each word of the folded text starts, for a long text quoted many times."""
        places: dict[str, array[int]] = {}
        for match in _LETTERS.finditer(self.folded):
            word = match.group()
            at = places.get(word)
            if at is None:
                at = places[word] = array("I")
            at.append(match.start())
        return places

    def _find_by_word(self, needle: str, lo: int, hi: int, limit: int | None) -> list[int] | None:
        """``find_all`` through the places of the needle's rarest whole word, or ``None``
        when the needle has no word that is whole within it (a word at its very end may
        continue in the source).

        A match the boundary check accepts has each of its inner words whole in the
        source too, so every such match is found at a place of any of them.
        """
        words = [(m.group(), m.start()) for m in _LETTERS.finditer(needle) if m.end() < len(needle)]
        if not words:
            return None
        places = self._word_places
        word, offset = min(words, key=lambda w: len(places.get(w[0], ())))
        hits: list[int] = []
        for place in places.get(word, ()):
            start = place - offset
            if start < lo or start + len(needle) > hi:
                continue
            if self.folded.startswith(needle, start) and self._bounded(start, start + len(needle)):
                hits.append(start)
                if limit is not None and len(hits) >= limit:
                    break
        return hits

    def _bounded(self, start: int, end: int) -> bool:
        """Whether the folded stretch starts and ends where a reader sees a token start
        and end (see boundaries.py), judged on the source's own characters."""
        o_start, o_end = self.original_span(start, end)
        return not (splits_token(self.text, o_start) or splits_token(self.text, o_end))
