"""Series: one estimator's figures for one quantity and place over time, drawn as a line.

Where an estimator gives figures for a quantity at one place (its ``place``, else its
location's words) on two or more dates, the figures are one series: points in time order,
joined in that order. A figure's date is the time it describes (``as_of``), else when it
was stated. Counts are filled marks joined by a solid line; possibilities, forecasts and
plans are hollow marks reached by a dashed line, so that what is expected never reads as
what was counted. The drawing is an inline SVG with a title and a description, and
:func:`text_alternative` says the same as a list.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import re
from collections.abc import Callable, Sequence
from typing import NamedTuple

from markupsafe import Markup, escape

from ..findings import model, vocab, when
from ..findings.numbers import plain, shown

# The chart's shape of a figure: a range when low and high differ, else what its
# qualifier bounds.
POINT, RANGE, UPPER, LOWER = "point", "range", "upper", "lower"
_BOUND = {
    q: {"upper bound": UPPER, "lower bound": LOWER}[meaning]
    for q, meaning in vocab.QUALIFIERS.items()
    if meaning.endswith("bound")
}

# Geometry in SVG user units; a stylesheet may scale the drawing to its column.
WIDTH, HEIGHT = 400, 220
_LEFT, _RIGHT, _TOP, _BOTTOM = 56.0, WIDTH - 24.0, 24.0, HEIGHT - 44.0
# Beyond this many points, figures are not written beside the marks: they would collide.
_LABELLED = 6


class Point(NamedTuple):
    """One figure of a series."""

    claim_id: str
    moment: dt.date
    """The time the figure describes (as_of), else when it was stated."""
    iso: str
    date_words: str
    """"31 Oct 2024, 15:30", or "for 3 Nov 2024" for a forecast or a plan."""
    figure: str
    """The figure as written, qualifier included: "about 5.0", "45–55"."""
    low: float
    high: float
    basis: str
    shape: str


class Series(NamedTuple):
    """One estimator's figures for one quantity at one place, in time order."""

    quantity: str
    estimator: str
    location: str
    """The place's name where the figures name a place, else the location's words."""
    unit: str
    points: tuple[Point, ...]

    @property
    def key(self) -> str:
        """A slug naming the series, for element ids."""
        words = f"{self.quantity} {self.estimator} {self.location}".lower()
        return re.sub(r"[^a-z0-9]+", "-", words).strip("-") or "series"


def find(findings: model.Findings) -> list[Series]:
    """Every series: the figures of one estimator, quantity and place that carry two or
    more dates. Figures flagged likely-error are left out, as the tables leave them out.
    In the order of ``quantities``, then of the findings."""
    places = {p.id: p.name for p in findings.places}
    units = {q.name: q.unit or "" for q in findings.quantities}
    groups: dict[tuple[str, str, str], list[Point]] = {}
    words: dict[tuple[str, str, str], tuple[str, str, str]] = {}
    for claim in findings.claims:
        est = claim.estimate
        moment = (est.as_of or est.stated) if est else None
        if est is None or moment is None or claim.flag == "likely-error":
            continue
        where = est.place or " ".join(est.location.casefold().split())
        key = (est.quantity, est.estimator.casefold(), where)
        words.setdefault(
            key, (est.quantity, est.estimator, places.get(est.place or "", est.location))
        )
        groups.setdefault(key, []).append(_point(claim.id, est, moment))
    rank = {q.name: i for i, q in enumerate(findings.quantities)}
    found = []
    for key, points in groups.items():
        if len({when.order(p.moment) for p in points}) < 2:
            continue
        quantity, estimator, location = words[key]
        ordered = sorted(points, key=lambda p: when.order(p.moment))  # stable: ties keep order
        found.append(Series(quantity, estimator, location, units.get(quantity, ""), tuple(ordered)))
    return sorted(found, key=lambda s: rank.get(s.quantity, len(rank)))


def _point(claim_id: str, est: model.Estimate, moment: dt.date) -> Point:
    if est.value is not None:
        low = high = est.value  # as written: 5.0 stays 5.0
        amount = shown(est.value)
    else:
        assert est.low is not None and est.high is not None
        low, high = est.low, est.high
        amount = f"{shown(low)}–{shown(high)}"
    shape = RANGE if low != high else _BOUND.get(est.qualifier or "", POINT)
    return Point(
        claim_id,
        moment,
        when.iso(moment),
        when.described(moment, est.basis),
        " ".join(filter(None, [est.qualifier, amount])),
        low,
        high,
        est.basis,
        shape,
    )


def describe(series: Series) -> str:
    """The series in words, point by point: the drawing's description."""
    unit = f" ({series.unit})" if series.unit else ""
    parts = [
        f"{series.estimator}'s figures for {series.quantity}{unit}, {series.location}, "
        f"in time order:"
    ]
    parts += [
        f"{_kind(p)} {p.figure}, {p.date_words}{';' if i < len(series.points) else '.'}"
        for i, p in enumerate(series.points, 1)
    ]
    return " ".join(parts)


def _kind(point: Point) -> str:
    return "count" if point.basis == "count" else vocab.BASIS[point.basis].split(" ", 1)[1]


def text_alternative(series: Series) -> Markup:
    """The series as an ordered list, for readers who do not see the drawing."""
    items = "".join(
        f'<li><time datetime="{escape(p.iso)}">{escape(p.date_words)}</time>: '
        f"{escape(p.figure)} ({escape(_kind(p))})</li>"
        for p in series.points
    )
    return Markup(f'<ol class="series-points">{items}</ol>')


def render(series: Series, anchor: str) -> Markup:
    """The series as an ``<svg>`` whose title and description say it all in words;
    ``anchor`` prefixes its element ids."""
    points = series.points
    start, span = _time_span(points)
    lo, hi, ticks = _value_axis(points)

    def x(moment: dt.date) -> float:
        return _LEFT + (_minutes(moment) - start) / span * (_RIGHT - _LEFT)

    def y(value: float) -> float:
        return _BOTTOM - (value - lo) / (hi - lo) * (_BOTTOM - _TOP)

    parts = [_grid(ticks, y), _line(points, x, y), *_date_labels(points, x)]
    for p in points:
        parts.append(_mark(p, x(p.moment), y, anchor, len(points) <= _LABELLED))
    title_id, desc_id = f"{anchor}_series-title", f"{anchor}_series-desc"
    unit = f" ({series.unit})" if series.unit else ""
    return Markup(
        f'<svg class="series-svg" viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" '
        f'height="{HEIGHT}" role="img" aria-labelledby="{escape(title_id)} '
        f'{escape(desc_id)}">\n'
        f'<title id="{escape(title_id)}">{escape(series.quantity)}{escape(unit)} over time: '
        f"{escape(series.estimator)}, {escape(series.location)}</title>\n"
        f'<desc id="{escape(desc_id)}">{escape(describe(series))}</desc>\n'
        + "\n".join(part for part in parts if part)
        + "\n</svg>"
    )


def _minutes(moment: dt.date) -> float:
    """Minutes since year 1; a day without a time counts from its midnight."""
    day = when.day(moment).toordinal() * 1440.0
    if isinstance(moment, dt.datetime):
        return day + moment.hour * 60 + moment.minute
    return day


def _time_span(points: Sequence[Point]) -> tuple[float, float]:
    times = [_minutes(p.moment) for p in points]
    return min(times), max(max(times) - min(times), 1.0)


def _value_axis(points: Sequence[Point]) -> tuple[float, float, list[float]]:
    """From zero (or below, for negative figures) to a round number above the highest."""
    lo = min(0.0, *(float(p.low) for p in points))
    hi = max(0.0, *(float(p.high) for p in points))
    if hi == lo:
        hi = lo + 1
    step = _step((hi - lo) / 4)
    lo, top = math.floor(lo / step) * step, math.ceil(hi / step) * step
    if top == hi:
        top += step  # room above the highest mark for its figure
    ticks = [round(lo + i * step, 10) for i in range(round((top - lo) / step) + 1)]
    return lo, top, ticks


def _step(rough: float) -> float:
    magnitude = 10 ** math.floor(math.log10(rough))
    return float(next(f * magnitude for f in (1, 2, 2.5, 5, 10) if f * magnitude >= rough))


XAt = Callable[[dt.date], float]
YAt = Callable[[float], float]


def _grid(ticks: list[float], y: YAt) -> str:
    lines = []
    for t in ticks:
        ty = y(t)
        lines.append(
            f'<line class="s-grid" x1="{_LEFT:.1f}" y1="{ty:.1f}" x2="{_RIGHT:.1f}" y2="{ty:.1f}"/>'
        )
        lines.append(
            f'<text class="s-tick" x="{_LEFT - 6:.1f}" y="{ty + 4:.1f}" '
            f'text-anchor="end">{escape(shown(t))}</text>'
        )
    return "\n".join(lines)


def _middle(p: Point) -> float:
    return (float(p.low) + float(p.high)) / 2


def _line(points: Sequence[Point], x: XAt, y: YAt) -> str:
    """The marks joined in time order: solid from count to count, dashed where either end
    is a possibility, a forecast or a plan."""
    segments = []
    for a, b in itertools.pairwise(points):
        ahead = "" if a.basis == b.basis == "count" else " s-ahead"
        segments.append(
            f'<line class="s-line{ahead}" x1="{x(a.moment):.1f}" '
            f'y1="{y(_middle(a)):.1f}" x2="{x(b.moment):.1f}" '
            f'y2="{y(_middle(b)):.1f}"/>'
        )
    return "\n".join(segments)


def _date_labels(points: Sequence[Point], x: XAt) -> list[str]:
    """The first and last dates under the axis; the ones between where there is room."""
    shown_at: list[float] = []
    labels = []
    ends = {0, len(points) - 1}
    for i in sorted(range(len(points)), key=lambda i: (i not in ends, i)):
        p = points[i]
        px = x(p.moment)
        if any(abs(px - other) < 90 for other in shown_at):
            continue
        shown_at.append(px)
        anchor = "start" if i == 0 else "end" if i == len(points) - 1 else "middle"
        labels.append(
            f'<text class="s-date" x="{px:.1f}" y="{_BOTTOM + 20:.1f}" '
            f'text-anchor="{anchor}">{escape(when.words(p.moment, year=False))}'
            f"</text>"
        )
    return [
        f'<line class="s-axis" x1="{_LEFT:.1f}" y1="{_BOTTOM:.1f}" x2="{_RIGHT:.1f}" '
        f'y2="{_BOTTOM:.1f}"/>',
        *labels,
    ]


def _mark(p: Point, px: float, y: YAt, anchor: str, labelled: bool) -> str:
    basis = "" if p.basis == "count" else f" s-{p.basis}"
    head = (
        f'<g class="s-point s-{p.shape}{basis}" id="{escape(anchor)}_{escape(p.claim_id)}" '
        f'data-claim="{escape(p.claim_id)}" data-basis="{p.basis}" '
        f'data-when="{escape(p.iso)}" data-low="{plain(p.low)}" '
        f'data-high="{plain(p.high)}">'
        f"<title>{escape(f'{_kind(p)} {p.figure}, {p.date_words}')}</title>"
    )
    cy = y(_middle(p))
    if p.shape == RANGE:
        top, bottom = y(float(p.high)), y(float(p.low))
        body = (
            f'<rect class="s-bar" x="{px - 4:.1f}" y="{top:.1f}" width="8" '
            f'height="{max(bottom - top, 2):.1f}" rx="3"/>'
        )
    elif p.shape in (UPPER, LOWER):
        end = _BOTTOM if p.shape == UPPER else _TOP
        body = (
            f'<line class="s-dash" x1="{px:.1f}" y1="{cy:.1f}" x2="{px:.1f}" '
            f'y2="{end:.1f}"/><circle class="s-hollow" cx="{px:.1f}" cy="{cy:.1f}" '
            'r="5.5"/>'
        )
    elif p.basis == "count":
        body = f'<circle class="s-dot" cx="{px:.1f}" cy="{cy:.1f}" r="5.5"/>'
    else:
        body = f'<circle class="s-hollow" cx="{px:.1f}" cy="{cy:.1f}" r="5.5"/>'
    label = ""
    if labelled:
        ly = y(float(p.high)) - 10
        label = (
            f'<text class="s-figure" x="{px:.1f}" y="{ly:.1f}" '
            f'text-anchor="middle">{escape(p.figure)}</text>'
        )
    return head + body + label + "</g>"
