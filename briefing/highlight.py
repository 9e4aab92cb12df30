"""Highlight: a source's full text as HTML, each cited passage marked and linked back.

Passages may overlap, so the text is cut at every passage and paragraph boundary and
each piece is marked with the passages that cover it. Built here rather than in a
template because a template's whitespace would change the source's words.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from markupsafe import Markup, escape

from .sources import paragraph_spans


@dataclass(frozen=True)
class Mark:
    """One cited passage of a source, as the source text shows it."""

    anchor: str
    """Element id of the passage; citations link here."""
    number: int
    """The passage's citation number."""
    parts: tuple[tuple[int, int], ...]
    """Quoted stretches, as code-point offsets."""
    cited_by: tuple[tuple[str, str], ...]
    """(element id, label) of every citation of this passage, for the links back."""


def render_source(text: str, marks: Sequence[Mark]) -> Markup:
    """The text as ``<p>`` elements with ``<mark>`` around every quoted stretch."""
    starts: dict[int, list[Mark]] = defaultdict(list)
    ends: dict[int, list[Mark]] = defaultdict(list)
    cuts: set[int] = set()
    for mark in marks:
        starts[mark.parts[0][0]].append(mark)
        ends[mark.parts[-1][1]].append(mark)
        for s, e in mark.parts:
            cuts.update((s, e))
    html: list[str] = []
    for p_start, p_end in paragraph_spans(text):
        bounds = sorted({p_start, p_end, *(c for c in cuts if p_start < c < p_end)})
        html.append("<p>")
        for a, b in pairwise(bounds):
            html.append(_piece(text[a:b], a, b, marks, starts.get(a, [])))
            html.extend(_backlinks(m) for m in ends.get(b, []))
        html.append("</p>\n")
    return Markup("".join(html))


def _piece(words: str, a: int, b: int, marks: Sequence[Mark], opening: list[Mark]) -> str:
    covering = [m for m in marks if any(s <= a and b <= e for s, e in m.parts)]
    if not covering:
        return str(escape(words))
    numbers = " ".join(str(m.number) for m in covering)
    body = f'<mark data-passages="{numbers}">{escape(words)}</mark>'
    label = "".join(f'<span class="pnum">[{m.number}]</span>' for m in opening)
    if opening:
        # Every passage needs an id; when several start at the same place they nest.
        for mark in opening:
            body = f'<span class="passage" id="{mark.anchor}">{body}</span>'
        body = label + body
    return body


def _backlinks(mark: Mark) -> str:
    links = ", ".join(f'<a href="#{escape(anchor)}">{escape(label)}</a>'
                      for anchor, label in mark.cited_by)
    return (f'<span class="backlinks" data-passage="{escape(mark.anchor)}">'
            f'(cited by {links})</span>')
