"""Coverage: which sentences of each source some quote touches.

A briefing is only as complete as its curation; the share of a source's sentences that
no claim uses tells the reader (and the analyst) how much of it was left aside.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from itertools import accumulate
from typing import TYPE_CHECKING, NamedTuple

from . import structure

if TYPE_CHECKING:  # named in annotations only: splitting sentences needs none of them
    from . import model
    from .quotes import Passage
    from .sources import SourceText

# Words that end in a period without ending the sentence.
_ABBREVIATIONS = frozenset(
    (
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "sgt",
        "adm",
        "gov",
        "sen",
        "rep",
        "st",
        "jr",
        "sr",
        "inc",
        "ltd",
        "co",
        "corp",
        "no",
        "vs",
        "etc",
        "e.g",
        "i.e",
        "approx",
        "dept",
        "est",
        "fig",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
    )
)
# A sentence ends at a run of marks (and closing quotes) before a space and a capital or
# a digit. A match starts only where a run starts, and the runs are taken possessively:
# otherwise a run of n marks not followed by a capital is tried from each of its n
# positions, and a long "......." costs n squared steps.
_END = re.compile(r"(?<![.!?])[.!?]++[\"'”’)\]]*+(?=\s++[\"'“‘(\[]?[A-Z0-9])")


class Sentence(NamedTuple):
    """One sentence of a source and whether any quote touches it."""

    start: int
    """Code-point offset of its first character."""
    end: int
    """Offset just past its last character."""
    covered: bool
    """True when some quote overlaps it."""


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of ``text``; a paragraph's or a list item's end always ends a
    sentence, and headings and datelines are none (see structure.py)."""
    return sentences_of(text, structure.units(text))


def sentences_of(text: str, units: Iterable[structure.Unit]) -> list[tuple[int, int]]:
    """Sentence spans of the given units of ``text``, in order: each unit is split on
    its own, so those of one paragraph are split without the rest of the text."""
    spans = []
    for p_start, p_end, kind in units:
        if kind in structure.NOT_SENTENCES:
            continue
        start = p_start
        for stop in _END.finditer(text, p_start, p_end):
            before = text[max(start, stop.start() - 40) : stop.start()].split()
            if before and _is_abbreviation(before[-1]):
                continue
            spans.append(_trim(text, start, stop.end()))
            start = stop.end()
        if text[start:p_end].strip():
            spans.append(_trim(text, start, p_end))
    return [s for s in spans if s[0] < s[1]]


def _is_abbreviation(word: str) -> bool:
    bare = word.lstrip("\"'“‘([").lower()
    # "U.S." and "U.N." : initials with inner periods
    return bare in _ABBREVIATIONS or bool(re.fullmatch(r"(?:[a-z]\.)*[a-z]", bare))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def measure(text: str, quoted: Iterable[tuple[int, int]]) -> list[Sentence]:
    """Each sentence of ``text``, marked covered when a quoted stretch overlaps it."""
    stretches = sorted(quoted)
    starts = [s for s, _ in stretches]
    reach = list(accumulate((e for _, e in stretches), max))  # furthest end so far
    sentences = []
    for start, end in split_sentences(text):
        # The stretches that begin before the sentence ends; one of them reaches into it?
        before = bisect.bisect_left(starts, end)
        covered = before > 0 and reach[before - 1] > start
        sentences.append(Sentence(start, end, covered))
    return sentences


def share(sentences: list[Sentence]) -> float:
    """Covered sentences over all sentences (1.0 for an empty text)."""
    if not sentences:
        return 1.0
    return sum(s.covered for s in sentences) / len(sentences)


def by_source(
    findings: model.Findings, texts: dict[str, SourceText], passages: dict[tuple[str, int], Passage]
) -> dict[str, list[Sentence]]:
    """Each source's sentences, marked covered where some quoted stretch touches them."""
    quoted: dict[str, list[tuple[int, int]]] = {s.id: [] for s in findings.sources}
    for passage in passages.values():
        quoted[passage.source].extend(passage.parts)
    return {s.id: measure(texts[s.id].text, quoted[s.id]) for s in findings.sources}
