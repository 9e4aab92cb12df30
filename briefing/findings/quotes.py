"""Verify quotes: find each evidence quote in its source and fix its exact place.

Matching ignores only what the contract allows: whitespace, straight versus typographic
quotes, dash variants and ``...`` versus ``…``; an ellipsis in a quote may also stand for
words left out within one paragraph. A quote found nowhere gets the closest passage and
the words that differ (nearest.py); one found more than once is refused, since a citation
must point at one passage.
"""

from __future__ import annotations

import bisect
import itertools
import re
from array import array
from functools import cached_property
from typing import NamedTuple

from ..errors import Problems
from .boundaries import splits_token
from .load import Document
from .nearest import WORD, clip, comparable, not_found
from .pages import page_of
from .sources import paragraph_spans
from .validate import Validated

_ONE_FOR_ONE = {
    **dict.fromkeys("‘’‚‛′ʼ", "'"),
    **dict.fromkeys("“”„‟″", '"'),
    **dict.fromkeys("‐‑‒–—―−", "-"),
}
_RESIZED = re.compile(r"\s{2,}|[^\S ]|…")
_LETTERS = re.compile(r"[^\W_]+")
# How many places of one quote are looked for: enough to say "occurs N times" for any
# honest slip, few enough that a quote of one common word cannot keep the build busy.
MAX_HITS = 1_000
# An ellipsis stands for words left out; a quote needs few. Each piece's places are looked
# up once, so both are bounded: the search stays linear however the quote is made.
MAX_PIECES = 10
MAX_PLACES = 100_000
# From this length on, a text's words are indexed and a quote is looked up at the places of
# its rarest word: a long transcript quoted thousands of times is not read through for each.
INDEX_FROM = 1_000_000
# The closest passage to a quote not found is searched for until this many characters of
# source have been gone through in one build: a file of many mistyped quotes against a long
# transcript still ends in seconds, each quote reported, the first ones with a suggestion.
SUGGEST_BUDGET = 50_000_000


class Passage(NamedTuple):
    """Where a quote sits in its source text."""

    source: str
    """The source id."""
    start: int
    """Code-point offset of the first quoted character."""
    end: int
    """Code-point offset just past the last quoted character."""
    parts: tuple[tuple[int, int], ...]
    """The quoted stretches (more than one when an ellipsis leaves words out)."""
    page: str = ""
    """The page label of a paged source (a PDF's text), or a range like '3–4'."""


def fold(text: str) -> tuple[str, array[int]]:
    """Text with the ignorable differences folded away, and each folded character's offset."""
    out: list[str] = []
    index = array("I")  # 4 bytes a character, not a list of int objects
    done = 0
    # Only whitespace runs other than one plain space, and '…', change the length; the
    # stretches between them are copied whole, and the one-for-one folds made at the end.
    for match in _RESIZED.finditer(text):
        start = match.start()
        out.append(text[done:start])
        index.extend(range(done, start))
        if match.group() == "…":
            out.append("...")
            index.extend((start, start, start))
        else:
            out.append(" ")
            index.append(start)
        done = match.end()
    out.append(text[done:])
    index.extend(range(done, len(text)))
    return _one_for_one("".join(out)), index


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
        self.paragraph_ends = [bisect.bisect_left(self.index, end) for _, end in spans]

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


def verify_quotes(
    checked: Validated, doc: Document, problems: Problems
) -> dict[tuple[str, int], Passage]:
    """Every evidence quote's passage, keyed by (claim id, evidence index)."""
    indexed = {sid: _indexed(sid, t.text) for sid, t in checked.texts.items()}
    forget_sources(set(indexed))
    paths = {s.id: s.file for _, s in checked.sources}
    resolved: dict[tuple[str, int], Passage] = {}
    budget = SUGGEST_BUDGET
    for ci, claim in checked.claims:
        for ei, ev in enumerate(claim.evidence):
            source = indexed.get(ev.source)
            if source is None:
                continue  # its source could not be read: already reported
            where = doc.at(("claims", ci, "evidence", ei, "quote"))
            found, message = _located(ev.quote, source, paths[ev.source], budget > 0)
            if found is None:
                problems.error(where, message)
                if "closest passage at" in message or "no passage resembles" in message:
                    budget -= len(source.text)
                continue
            start, end = found[0][0], found[-1][1]
            resolved[(claim.id, ei)] = Passage(
                ev.source, start, end, tuple(found), page_of(checked.texts[ev.source], start, end)
            )
    for source in indexed.values():
        if len(source.text) >= INDEX_FROM:
            source.__dict__.pop("words", None)  # the closest-passage search's, rebuilt if asked
    return resolved


# A process that builds again and again (--watch) finds most sources and quotes as they
# were: each is indexed and located once. Only the latest text of each source is kept, and
# a quote's place is kept on the indexed text it was found in, so an edited source frees
# its old index and every place found in it: memory follows the project, not the session.
_INDEXED: dict[str, IndexedSource] = {}
# Places kept per indexed text, at most; a quote list longer than this is located afresh.
MAX_KEPT_PLACES = 100_000


def _indexed(source_id: str, text: str) -> IndexedSource:
    kept = _INDEXED.get(source_id)
    if kept is None or kept.text != text:
        kept = _INDEXED[source_id] = IndexedSource(source_id, text)
    return kept


def _located(
    quote: str, source: IndexedSource, shown_path: str, suggest: bool
) -> tuple[list[tuple[int, int]] | None, str]:
    key = (quote, shown_path, suggest)
    found = source.located.get(key)
    if found is None:
        found = locate(quote, source, shown_path, suggest)
        if len(source.located) < MAX_KEPT_PLACES:
            source.located[key] = found
    return found


def forget_sources(kept: set[str]) -> None:
    """Drop the indexes of sources no longer in the project (called after each build)."""
    for source_id in set(_INDEXED) - kept:
        del _INDEXED[source_id]


def locate(
    quote: str, source: IndexedSource, shown_path: str, suggest: bool = True
) -> tuple[list[tuple[int, int]] | None, str]:
    """The quoted stretches as original offsets, or ``None`` and the reason."""
    needle = _without_outer_ellipses(fold(quote)[0])
    if not needle:
        return None, "quote is empty: copy the passage from the source"
    hits = source.find_all(needle)
    if len(hits) == 1:
        return [source.original_span(hits[0], hits[0] + len(needle))], ""
    if len(hits) > 1:
        places = [":".join(map(str, source.line_col(source.index[h]))) for h in hits[:5]]
        shown = ", ".join(places) + (f" and {len(hits) - 5:,} more" if len(hits) > 5 else "")
        count = f"{len(hits):,} times" if len(hits) < MAX_HITS else f"{MAX_HITS:,} times or more"
        return None, (
            f"quote occurs {count} in source '{source.id}' (at {shown}): "
            "quote more of the passage so that it points at one place"
        )
    if "..." in needle:
        pieces = [p for p in needle.split("...") if p.strip()]
        if len(pieces) > MAX_PIECES:
            return None, (
                f"quote leaves words out in {len(pieces) - 1} places: an ellipsis "
                f"may stand in at most {MAX_PIECES - 1} places of one quote; cite "
                "the passage as several evidence entries"
            )
        common = next(
            (
                p.strip()
                for p in pieces
                if len(source.find_all(p.strip(), limit=MAX_PLACES + 1)) > MAX_PLACES
            ),
            None,
        )
        if common is not None:
            return None, (
                f"the part '{clip(common, 40)}' of the quote occurs more than "
                f"{MAX_PLACES:,} times in source '{source.id}': quote more words "
                "around each '...'"
            )
        matches = _elided(needle, source)
        if len(matches) == 1:
            dropped = _negation_left_out(source.text, matches[0])
            if dropped:
                return None, (
                    f"the words the '...' leaves out include '{dropped}', which "
                    "can turn the meaning around: quote them too, or cite the "
                    "parts as separate evidence entries"
                )
            return matches[0], ""
        if len(matches) > 1:
            return None, (
                f"quote with '...' fits {len(matches)} places in source "
                f"'{source.id}': quote more words so that it points at one place"
            )
        if _elided(needle, source, across_paragraphs=True):
            return None, (
                f"the parts of the quote around '...' are in different paragraphs "
                f"of source '{source.id}': an ellipsis may leave out words only "
                "within one paragraph; cite each paragraph as its own evidence"
            )
    if not suggest:
        return None, (
            f"quote not found in source '{source.id}' (no closest passage is "
            "searched for: this build has looked through its sources for many "
            f"quotes not found already); copy the words exactly from {shown_path}"
        )
    return None, not_found(needle, source, shown_path)


# Words whose absence turns a statement around: an ellipsis may not leave them out.
_NEGATION = re.compile(
    r"(?i)\b(?:not|no|never|nor|neither|none|nothing|nobody|without|"
    r"cannot|denied|denies|deny)\b|n['’]t\b"
)


def _negation_left_out(text: str, parts: list[tuple[int, int]]) -> str:
    """A negating word in the stretches between the quoted parts, or ''."""
    for (_, end), (start, _) in itertools.pairwise(parts):
        found = _NEGATION.search(text, end, start)
        if found:
            return found.group()
    return ""


def _without_outer_ellipses(text: str) -> str:
    """The quote without the '...' that open or close it (they leave nothing out of the
    passage itself); one pass from each end, so a quote of dots costs no more than its
    length."""
    start, end = 0, len(text)
    while True:
        while start < end and text[start].isspace():
            start += 1
        if not text.startswith("...", start, end):
            break
        start += 3
    while True:
        while end > start and text[end - 1].isspace():
            end -= 1
        if end - start < 3 or not text.endswith("...", start, end):
            break
        end -= 3
    return text[start:end]


def _elided(
    needle: str, source: IndexedSource, across_paragraphs: bool = False
) -> list[list[tuple[int, int]]]:
    """The ways the pieces between '...' fit, in order, within one paragraph (two at most:
    a second one already makes the quote ambiguous).

    Each first piece is followed by the nearest fit of the rest; when the pieces could also
    fit further on in that paragraph, that is a second way. Each piece's places are found
    once and looked up by bisection, so the search stays linear in the text: a piece found
    nowhere ends it at once.
    """
    pieces = [p.strip() for p in needle.split("...") if p.strip()]
    if any(piece not in source.folded for piece in pieces):
        return []  # a piece found nowhere: no need to look for the others
    places = [source.find_all(piece, limit=None) for piece in pieces]
    if not all(places):
        return []
    matches: list[list[tuple[int, int]]] = []
    for first in places[0]:
        end = (
            len(source.folded)
            if across_paragraphs
            else source.paragraph_ends[source.paragraph_of(first)]
        )
        nearest = _fit(pieces, places, first, end)
        if nearest is None:
            continue
        matches.append([source.original_span(s, e) for s, e in nearest])
        if len(pieces) > 1 and not across_paragraphs:
            furthest = _fit_backwards(pieces, places, first, end)
            if furthest is not None and furthest != nearest:
                matches.append([source.original_span(s, e) for s, e in furthest])
        if len(matches) > 1:
            break
    return matches


def _fit(
    pieces: list[str], places: list[list[int]], first: int, end: int
) -> list[tuple[int, int]] | None:
    stretches = [(first, first + len(pieces[0]))]
    for piece, at in zip(pieces[1:], places[1:], strict=True):
        i = bisect.bisect_left(at, stretches[-1][1])
        if i == len(at) or at[i] + len(piece) > end:
            return None
        stretches.append((at[i], at[i] + len(piece)))
    return stretches


def _fit_backwards(
    pieces: list[str], places: list[list[int]], first: int, end: int
) -> list[tuple[int, int]] | None:
    stretches: list[tuple[int, int]] = []
    hi = end
    for piece, at in zip(reversed(pieces[1:]), reversed(places[1:]), strict=True):
        i = bisect.bisect_right(at, hi - len(piece)) - 1
        if i < 0 or at[i] < first + len(pieces[0]):
            return None
        stretches.insert(0, (at[i], at[i] + len(piece)))
        hi = at[i]
    return [(first, first + len(pieces[0])), *stretches]
