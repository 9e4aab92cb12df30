"""Verify quotes: find each evidence quote in its source and fix its exact place.

Matching ignores only what the contract allows: whitespace, straight versus typographic
quotes, dash variants and ``...`` versus ``…``; an ellipsis in a quote may also stand for
words left out within one paragraph. A quote found nowhere gets the closest passage and
the words that differ (nearest.py); one found more than once is refused, since a citation
must point at one passage. Folding and searching a source's text is indexed_source.py's.
"""

from __future__ import annotations

import bisect
import itertools
import re
from typing import NamedTuple

from ..errors import Problems
from .indexed_source import INDEX_FROM, MAX_HITS, IndexedSource, fold
from .load import Document
from .nearest import clip, not_found
from .pages import page_of
from .validate import Validated

# An ellipsis stands for words left out; a quote needs few. Each piece's places are looked
# up once, so both are bounded: the search stays linear however the quote is made.
MAX_PIECES = 10
MAX_PLACES = 100_000
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
