"""Structure: the units of a source text that are not run-on prose.

A paragraph of prose is read as sentences, but a text also has headings, list items and
datelines, written a line each. Each is a unit of its own, never merged with the lines
around it into one long "sentence"; headings and datelines are not sentences at all (a
reader does not quote a headline as a finding), and a list item is read without its
marker.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .sources import paragraph_spans

PROSE, ITEM, HEADING, DATELINE = "prose", "item", "heading", "dateline"
NOT_SENTENCES = frozenset((HEADING, DATELINE))

_ITEM = re.compile(r"[ \t]*(?:[-*•‣◦▪–—]|\(?(?:\d{1,3}|[a-zA-Z])[.)])[ \t]+(?=\S)")
_MARKDOWN_HEADING = re.compile(r"[ \t]*#{1,6}[ \t]+\S")
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATELINE = re.compile(
    rf"[ \t]*(?:(?:Updated|Published|Posted)[: ]+)?(?:[A-Z][a-z]+day,? )?"
    rf"(?:{_MONTH} \d{{1,2}},? \d{{4}}|\d{{1,2}} {_MONTH},? \d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})"
    rf"(?:[ ,]+\d{{1,2}}[:.]\d{{2}}(?: ?[AaPp]\.?[Mm]\.?)?(?: [A-Z]{{2,4}})?)?[ \t]*$"
)
# A line that ends a sentence: its last mark is a stop, maybe inside quotes or brackets.
_ENDS_SENTENCE = re.compile(r"[.!?…:;][\"'”’)\]]*\s*$|[\"”]\s*$")
# A line without a full stop is a heading only when short: a long one is prose cut off.
HEADING_WORDS = 20


class Unit(NamedTuple):
    """A stretch of a source read as one: a paragraph of prose, a list item, a heading or
    a dateline."""

    start: int
    end: int
    kind: str


def units(text: str) -> list[Unit]:
    """The text's units in order: each heading, dateline and list item a line of its own
    (a list item with the lines that continue it), the rest prose as paragraphs."""
    return [
        unit for start, end in paragraph_spans(text) for unit in paragraph_units(text, start, end)
    ]


def paragraph_units(text: str, start: int, end: int) -> list[Unit]:
    """The units of the paragraph text[start:end] (one of paragraph_spans(text)): no
    unit reaches beyond its paragraph, so a paragraph is read without the rest."""
    lines = _lines(text, start, end)
    if len(lines) == 1:
        first, last = lines[0]
        kind = _kind_of_line(text, first, last, alone=True)
        return [Unit(*_after_marker(text, first, last), kind)]
    return _within(text, lines)


def _within(text: str, lines: list[tuple[int, int]]) -> list[Unit]:
    """The units of a paragraph of several lines: structured lines apart, the lines
    between them joined as prose (a hard-wrapped paragraph, or an item's continuation)."""
    found: list[Unit] = []
    open_unit: list[int] | None = None  # [start, end, is_item]
    for start, end in lines:
        kind = _kind_of_line(text, start, end, alone=False)
        if kind in (HEADING, DATELINE):
            if open_unit:
                found.append(_closed(text, open_unit))
            found.append(Unit(start, end, kind))
            open_unit = None
        elif kind == ITEM or open_unit is None:
            if open_unit:
                found.append(_closed(text, open_unit))
            open_unit = [start, end, kind == ITEM]
        else:
            open_unit[1] = end
    if open_unit:
        found.append(_closed(text, open_unit))
    return found


def _closed(text: str, unit: list[int]) -> Unit:
    start, end, is_item = unit
    if is_item:
        return Unit(*_after_marker(text, start, end), ITEM)
    return Unit(start, end, PROSE)


def _kind_of_line(text: str, start: int, end: int, alone: bool) -> str:
    line = text[start:end]
    if _MARKDOWN_HEADING.match(line):
        return HEADING
    if _DATELINE.match(line):
        return DATELINE
    if _ITEM.match(line):
        return ITEM
    if alone and not _ENDS_SENTENCE.search(line) and len(line.split()) <= HEADING_WORDS:
        return HEADING
    return PROSE


def _after_marker(text: str, start: int, end: int) -> tuple[int, int]:
    """An item's span without its list marker ('- ', '1. ', '•')."""
    marker = _ITEM.match(text, start, end)
    return (marker.end(), end) if marker else (start, end)


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The non-empty lines of text[start:end], without their surrounding blanks."""
    spans = []
    for match in re.finditer(r"[^\n]+", text[start:end]):
        line = match.group()
        if line.strip():
            lead = len(line) - len(line.lstrip())
            spans.append((start + match.start() + lead, start + match.start() + len(line.rstrip())))
    return spans
