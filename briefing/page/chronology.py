"""Chronology: the dated claims in time order, with the information cut-off marked.

A claim with a ``date`` is an event. Events are listed by day and time (a day without a
time before the timed events of that day), each with its date, the claim in the analyst's
words, and the passages it cites; the cut-off falls between what was known and what lies
ahead. A forecast's or a plan's date reads as the time it is for ("for 3 Nov 2024"), never
as a date of fact. The brief shows the chronology once there are :data:`MIN_EVENTS`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from typing import NamedTuple

from markupsafe import Markup

from ..findings import model, when
from ..findings.markdown import inline_words

# Fewer dated events than this are a sentence, not a timeline.
MIN_EVENTS = 3


class Cited(NamedTuple):
    """One passage an event's claim cites."""

    target: str
    """The element id of the passage in the page."""
    source_title: str
    """The cited source's title, as the link's words."""


class Event(NamedTuple):
    """One dated claim."""

    claim_id: str
    anchor: str
    """The element id of the claim's card ("claim_<id>")."""
    moment: dt.date
    """The claim's date: a ``date``, or a ``datetime`` when a time was given."""
    iso: str
    """The date as a ``<time datetime>`` value: 2024-10-31 or 2024-10-31T15:30."""
    date_words: str
    """The date for readers: "31 Oct 2024, 15:30", or "for 3 Nov 2024" for a forecast or a
    plan."""
    words: str
    """The claim's statement as plain words."""
    cited: tuple[Cited, ...]
    ahead: bool
    """A forecast or a plan: its date is the time it is for."""
    place: str = ""
    """The name of the claim's place, if it names one."""


class Chronology(NamedTuple):
    """The events on either side of the information cut-off."""

    before: tuple[Event, ...]
    """Events on or before the cut-off day, in time order."""
    after: tuple[Event, ...]
    """Events after it, in time order: forecasts and plans, or dates to check."""
    cut_off: dt.date
    cut_off_words: str
    """The cut-off for readers, like "1 Nov 2024"."""

    @property
    def events(self) -> tuple[Event, ...]:
        return self.before + self.after


def events(findings: model.Findings, target: Callable[[str, int], str]) -> list[Event]:
    """Every claim with a date, in time order (claims of one moment in the findings'
    order). ``target(claim_id, i)`` is the element id of the claim's i-th passage."""
    titles = {s.id: s.title for s in findings.sources}
    places = {p.id: p.name for p in findings.places}
    dated = [c for c in findings.claims if c.date is not None]
    found = []
    for claim in sorted(dated, key=lambda c: when.order(c.date)):  # type: ignore[arg-type]
        assert claim.date is not None
        basis = claim.estimate.basis if claim.estimate else "count"
        found.append(
            Event(
                claim_id=claim.id,
                anchor=f"claim_{claim.id}",
                moment=claim.date,
                iso=when.iso(claim.date),
                date_words=when.described(claim.date, basis),
                words=inline_words(claim.statement),
                cited=tuple(
                    Cited(target(claim.id, i), titles.get(ev.source, ev.source))
                    for i, ev in enumerate(claim.evidence)
                ),
                ahead=basis in when.AHEAD,
                place=places.get(claim.place or "", ""),
            )
        )
    return found


def chronology(findings: model.Findings, target: Callable[[str, int], str]) -> Chronology | None:
    """The chronology, or None when fewer than :data:`MIN_EVENTS` claims are dated."""
    found = events(findings, target)
    if len(found) < MIN_EVENTS:
        return None
    cut_off = findings.briefing.as_of
    return Chronology(
        before=tuple(e for e in found if not when.after(e.moment, cut_off)),
        after=tuple(e for e in found if when.after(e.moment, cut_off)),
        cut_off=cut_off,
        cut_off_words=when.words(cut_off),
    )


def passage_targets(anchors: Mapping[tuple[str, int], str]) -> Callable[[str, int], str]:
    """A ``target`` from a mapping of (claim id, passage index) to element ids; a passage
    missing from it leads to its claim's card."""
    return lambda claim_id, i: anchors.get((claim_id, i), f"claim_{claim_id}")


def render(chron: Chronology) -> Markup:
    """The chronology as HTML, from the ``chronology.html`` template."""
    from .render import environment

    return Markup(environment().get_template("chronology.html").render(chronology=chron))
