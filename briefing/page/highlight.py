"""Highlight: a source's full text as HTML, each cited passage marked and linked back.

Passages may overlap, so the text is cut at every passage and paragraph boundary and
each piece is marked with the passages that cover it. Built here rather than in a
template because a template's whitespace would change the source's words.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Sequence
from itertools import pairwise
from typing import NamedTuple

from markupsafe import Markup, escape

from ..findings.sources import paragraph_spans, shown_controls
from ..words import counted


class Mark(NamedTuple):
    """One cited passage of a source, as the source text shows it."""

    anchor: str
    """Element id of the passage; citations link here."""
    number: int
    """The passage's citation number."""
    parts: tuple[tuple[int, int], ...]
    """Quoted stretches, as code-point offsets."""
    cited_by: tuple[tuple[str, str], ...]
    """(element id, claim in words) of every citation of this passage, for the links back."""


def render_source(text: str, marks: Sequence[Mark]) -> tuple[Markup, list[Mark]]:
    """The text as ``<p>`` elements with ``<mark>`` around every quoted stretch, and the
    passages that came out in more than one piece (so that their whole can be lit up)."""
    opens: dict[int, list[Mark]] = defaultdict(list)
    closes: dict[int, list[Mark]] = defaultdict(list)
    for mark in marks:
        for s, e in mark.parts:
            opens[s].append(mark)
            closes[e].append(mark)
    cuts = sorted(opens.keys() | closes.keys())
    starts: dict[int, list[Mark]] = defaultdict(list)
    ends: dict[int, list[Mark]] = defaultdict(list)
    for mark in marks:
        starts[mark.parts[0][0]].append(mark)
        ends[mark.parts[-1][1]].append(mark)
    # One sweep over the cut points: the passages open at a point cover the piece after it.
    active: dict[str, Mark] = {}
    pieces: dict[str, int] = defaultdict(int)
    done = 0
    html: list[str] = []
    for p_start, p_end in paragraph_spans(text):
        inner = cuts[bisect.bisect_right(cuts, p_start) : bisect.bisect_left(cuts, p_end)]
        html.append("<p>")
        for a, b in pairwise([p_start, *inner, p_end]):
            while done < len(cuts) and cuts[done] <= a:
                for mark in closes[cuts[done]]:
                    active.pop(mark.anchor, None)
                for mark in opens[cuts[done]]:
                    active[mark.anchor] = mark
                done += 1
            covering = sorted(active.values(), key=lambda m: m.number)
            for mark in covering:
                pieces[mark.anchor] += 1
            html.append(_piece(text[a:b], covering, starts.get(a, [])))
            html.extend(_marker(m) for m in ends.get(b, []))
        html.append("</p>\n")
    split = [m for m in marks if pieces[m.anchor] > 1]
    return Markup("".join(html)), split


def _piece(words: str, covering: list[Mark], opening: list[Mark]) -> str:
    shown = escape(shown_controls(words))
    if not covering:
        return str(shown)
    numbers = " ".join(str(m.number) for m in covering)
    body = f'<mark data-passages="{numbers}">{shown}</mark>'
    # Every passage needs an id; when several start at the same place they nest.
    for mark in opening:
        body = f'<span class="passage" id="{mark.anchor}">{body}</span>'
    return body


def _marker(mark: Mark) -> str:
    """The passage's number as a small marker after it, like a footnote reference; on
    hover or keyboard focus it shows the claims that cite the passage, each a link back."""
    if not mark.cited_by:
        return ""
    first = mark.cited_by[0][0]
    links = "".join(
        f'<span class="pcard-item"><a href="#{escape(anchor)}">{escape(label)}</a></span>'
        for anchor, label in mark.cited_by
    )
    count = len(mark.cited_by)
    return (
        f'<span class="pref" data-passage="{escape(mark.anchor)}">'
        f'<a class="pnum" href="#{escape(first)}" aria-label="Passage [{mark.number}], '
        f'cited by {counted(count, "claim")}">{mark.number}</a>'
        f'<span class="pcard"><span class="pcard-head">[{mark.number}] is cited for:</span>'
        f"{links}</span></span>"
    )
