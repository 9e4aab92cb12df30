"""Chart: the estimates of one quantity as an inline SVG, drawn without scripts.

One row per estimate, grouped by location, each row labelled above its track so that the
chart stays readable when it is scaled down to a phone's width. The shape of a mark says
what kind of figure it is: a dot for a point value, a bar for a range, a hollow marker
with a dashed line toward zero for an upper bound ("up to"), and one with a dashed arrow
for a lower bound ("at least"). Colours come from the page's stylesheet through classes,
so the chart follows the light, dark and print schemes.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Callable, Sequence
from typing import NamedTuple

from markupsafe import Markup, escape

from ..findings import vocab
from ..findings.numbers import plain, shown

POINT, RANGE, UPPER, LOWER = "point", "range", "upper", "lower"

# How a qualifier bounds a single figure; every other qualifier (or none) is a point.
_BOUND = {
    q: {"upper bound": UPPER, "lower bound": LOWER}[meaning]
    for q, meaning in vocab.QUALIFIERS.items()
    if meaning.endswith("bound")
}

LEGEND: dict[str, str] = {
    POINT: "Point estimate (about, approximately, exactly)",
    RANGE: "Range, low to high",
    UPPER: "Upper bound (up to, as many as): anywhere below the marker",
    LOWER: "Lower bound (at least, more than): anywhere above the marker",
}
FORECAST_LEGEND = "Possibility, forecast or plan, not a count: drawn hollow with a dashed outline"

# Geometry in SVG user units; the stylesheet scales the whole drawing to the column.
WIDTH = 400
_LEFT, _RIGHT = 8.0, WIDTH - 16.0
_LINE = 19  # height of one line of label text
_TRACK = 22  # height of the row that holds a mark
_WRAP = 42  # characters per label line, conservative for wide system fonts at 15px
_TICK_CHAR = 9  # width of a tick label's character at 13px, conservative
_TICK_GAP = 24  # room between two tick labels


class Datum(NamedTuple):
    """One estimate as the chart draws it."""

    key: str
    """Unique among the chart's data (the claim id): names the mark for tests and tools."""
    group: str
    """The location: rows are grouped under it."""
    label: str
    """Who estimates."""
    figure: str
    """The figure as the table shows it, qualifier included ("up to 12,000")."""
    low: float
    high: float
    shape: str
    """point, range, upper or lower."""
    flag: str = ""
    """The claim's flag, if any, shown after the label."""
    basis: str = "count"
    """count, possible, forecast or plan: anything but a count is drawn hollow and dashed,
    and says so."""


def shape_of(qualifier: str | None, low: float, high: float) -> str:
    """What kind of figure an estimate is: a range whenever low and high differ."""
    if low != high:
        return RANGE
    return _BOUND.get(qualifier or "", POINT)


def render(
    anchor: str, quantity: str, data: Sequence[Datum], spreads: Sequence[tuple[str, str]]
) -> Markup:
    """The chart as an ``<svg>`` element whose title and description say it all in words."""
    lo, hi, ticks = _axis(data)

    def x(value: float) -> float:
        return _LEFT + (value - lo) / (hi - lo) * (_RIGHT - _LEFT)

    spread = dict(spreads)
    body: list[str] = []
    grid: list[str] = []
    y = 4.0
    for group in dict.fromkeys(d.group for d in data):
        for heading in _group_heading(group, spread.get(group, "")):
            body.append(f'<text class="c-group" x="4" y="{y + 14:.1f}">{heading}</text>')
            y += _LINE
        y += 2
        for d in (d for d in data if d.group == group):
            basis = "" if d.basis == "count" else f" c-{d.basis}"
            body.append(
                f'<g class="c-est c-{d.shape}{basis}" '
                f'id="{escape(anchor)}_{escape(d.key)}" '
                f'data-claim="{escape(d.key)}" data-shape="{d.shape}" '
                f'data-basis="{d.basis}" '
                f'data-low="{plain(d.low)}" data-high="{plain(d.high)}">'
            )
            body.append(f"<title>{escape(_sentence(d))}</title>")
            label = f"{d.label}: {d.figure}" + ("" if d.basis == "count" else f", {d.basis}")
            lines = _wrap(label + (f" ({d.flag})" if d.flag else ""))
            for i, text in enumerate(lines):
                body.append(_label(12, y + 14 + i * _LINE, text, d.flag))
            y += len(lines) * _LINE
            cy = y + _TRACK / 2
            # Guides at the ticks, only across the track, so they never cross a label.
            grid.extend(
                f'<line class="c-grid" x1="{x(t):.1f}" y1="{cy - 9:.1f}" '
                f'x2="{x(t):.1f}" y2="{cy + 9:.1f}"/>'
                for t in ticks
            )
            body.append(_mark(d, x, cy, x(lo), _RIGHT + 8))
            body.append("</g>")
            y += _TRACK
        y += 8
    axis_y = y + 2
    axis = [
        f'<line class="c-axis" x1="{_LEFT:.1f}" y1="{axis_y:.1f}" x2="{_RIGHT:.1f}" '
        f'y2="{axis_y:.1f}"/>'
    ]
    for t in ticks:
        anchor_ = "start" if t == ticks[0] else "end" if t == ticks[-1] else "middle"
        tx = x(t) - 2 if anchor_ == "start" else x(t) + 2 if anchor_ == "end" else x(t)
        axis.append(
            f'<line class="c-axis" x1="{x(t):.1f}" y1="{axis_y:.1f}" '
            f'x2="{x(t):.1f}" y2="{axis_y + 5:.1f}"/>'
        )
        axis.append(_text(tx, axis_y + 20, shown(t), "c-tick", anchor_))
    height = axis_y + 28
    title_id, desc_id = f"{anchor}_chart-title", f"{anchor}_chart-desc"
    return Markup(
        f'<svg class="chart-svg" viewBox="0 0 {WIDTH} {height:.0f}" width="{WIDTH}" '
        f'height="{height:.0f}" role="img" aria-labelledby="{escape(title_id)} '
        f'{escape(desc_id)}">\n'
        f'<title id="{escape(title_id)}">{escape(quantity)}: estimates by estimator and '
        f"location</title>\n"
        f'<desc id="{escape(desc_id)}">{escape(_description(data, lo, hi, spread))}</desc>\n'
        + "\n".join(grid + axis + body)
        + "\n</svg>"
    )


def legend_icon(shape: str, basis: str = "count") -> Markup:
    """A small drawing of one kind of mark, for the legend beside the chart."""

    def x(value: float) -> float:
        return 4 + value * 32

    low, high = _ICON_SPAN[shape]
    group = "" if basis == "count" else f' class="c-{basis}"'
    mark = _mark(Datum("", "", "", "", low, high, shape), x, 8.0, 4.0, 42.0)
    return Markup(
        f'<svg class="chart-key" viewBox="0 0 44 16" width="44" height="16" '
        f'aria-hidden="true" focusable="false"><g{group}>{mark}</g></svg>'
    )


# Where each kind of mark sits in its legend icon, on a scale of 0 to 1.
_ICON_SPAN = {POINT: (0.5, 0.5), RANGE: (0.25, 0.85), UPPER: (0.85, 0.85), LOWER: (0.2, 0.2)}


def _mark(d: Datum, x: Callable[[float], float], cy: float, start: float, end: float) -> str:
    if d.shape == RANGE:
        x1, x2 = x(d.low), x(d.high)
        return (
            f'<rect class="c-bar" x="{x1:.1f}" y="{cy - 5:.1f}" width="{max(x2 - x1, 2):.1f}" '
            f'height="10" rx="3"/>'
        )
    cx = x(d.high)
    if d.shape == UPPER:
        return (
            f'<line class="c-dash" x1="{start:.1f}" y1="{cy:.1f}" x2="{cx:.1f}" '
            f'y2="{cy:.1f}"/>' + _hollow(cx, cy)
        )
    if d.shape == LOWER:
        return (
            f'<line class="c-dash" x1="{cx:.1f}" y1="{cy:.1f}" x2="{end - 6:.1f}" '
            f'y2="{cy:.1f}"/><path class="c-arrow" d="M{end - 7:.1f} {cy - 5:.1f} '
            f'L{end:.1f} {cy:.1f} L{end - 7:.1f} {cy + 5:.1f} Z"/>' + _hollow(cx, cy)
        )
    return f'<circle class="c-dot" cx="{cx:.1f}" cy="{cy:.1f}" r="6"/>'


def _hollow(cx: float, cy: float) -> str:
    return f'<circle class="c-hollow" cx="{cx:.1f}" cy="{cy:.1f}" r="5.5"/>'


def _axis(data: Sequence[Datum]) -> tuple[float, float, list[float]]:
    """Domain and ticks: from zero (or below, for negative figures) to a round number."""
    lows = [d.low for d in data] or [0.0]
    highs = [d.high for d in data] or [1.0]
    lo, hi = min(0.0, *lows), max(*highs, 0.0)
    if hi == lo:
        hi = lo + 1
    # As many ticks as their labels fit side by side, a gap between each: a tick label
    # is up to _TICK_CHAR units a character, and the outer ones hang inward from the ends.
    widest = max(len(shown(v)) for v in (lo, hi))
    most = max(1, min(5, int((_RIGHT - _LEFT) // (widest * _TICK_CHAR + _TICK_GAP)) - 1))
    step = _step((hi - lo) / most)
    lo = math.floor(lo / step) * step
    top = math.ceil(hi / step) * step
    # Room for a lower bound's arrow, or a mark that would sit on the frame.
    if top == hi and any(d.shape == LOWER for d in data):
        top += step
    count = round((top - lo) / step)
    ticks = [round(lo + i * step, 10) for i in range(count + 1)]
    return lo, top, ticks


def _step(rough: float) -> float:
    magnitude = 10 ** math.floor(math.log10(rough))
    for factor in (1, 2, 2.5, 5, 10):
        if factor * magnitude >= rough:
            return float(factor * magnitude)
    return float(10 * magnitude)  # pragma: no cover - the loop always returns


def _wrap(text: str) -> list[str]:
    return textwrap.wrap(text, _WRAP, break_long_words=True) or [""]


def _group_heading(group: str, span: str) -> list[Markup]:
    """The location in bold and its spread in muted type, on one line if they fit."""
    lines = [escape(line) for line in _wrap(group)]
    spread = f"spread {span}" if span else ""
    if not spread:
        return lines
    tail = Markup('<tspan class="c-spread">{}</tspan>').format(spread)
    if len(_wrap(group)[-1]) + 3 + len(spread) <= _WRAP:
        lines[-1] = lines[-1] + Markup(" · ") + tail
    else:
        lines.append(tail)
    return lines


def _text(x: float, y: float, text: str, cls: str, anchor: str = "start") -> str:
    anchor_attr = "" if anchor == "start" else f' text-anchor="{anchor}"'
    return f'<text class="{cls}" x="{x:.1f}" y="{y:.1f}"{anchor_attr}>{escape(text)}</text>'


def _label(x: float, y: float, line: str, flag: str) -> str:
    """A label line; the flag in parentheses at its end gets the flag colour."""
    suffix = f"({flag})"
    if flag and line.endswith(suffix):
        head = line[: -len(suffix)]
        return (
            f'<text class="c-label" x="{x:.1f}" y="{y:.1f}">{escape(head)}'
            f'<tspan class="c-flag">{escape(suffix)}</tspan></text>'
        )
    return _text(x, y, line, "c-label")


def _sentence(d: Datum) -> str:
    kind = {POINT: "point estimate", RANGE: "range", UPPER: "upper bound", LOWER: "lower bound"}[
        d.shape
    ]
    flag = f", flagged {d.flag}" if d.flag else ""
    basis = "" if d.basis == "count" else f", {vocab.BASIS[d.basis]}, not a count"
    return f"{d.label}, {d.group}: {d.figure} ({kind}{basis}{flag})"


def _description(data: Sequence[Datum], lo: float, hi: float, spread: dict[str, str]) -> str:
    parts = [f"Scale from {shown(lo)} to {shown(hi)}."]
    for group in dict.fromkeys(d.group for d in data):
        rows = "; ".join(
            f"{d.label}: {d.figure}"
            + ("" if d.basis == "count" else f" ({d.basis})")
            + (f" ({d.flag})" if d.flag else "")
            for d in data
            if d.group == group
        )
        span = f" (spread {spread[group]})" if spread.get(group) else ""
        parts.append(f"{group}{span}: {rows}.")
    return " ".join(parts)
