"""The brief's estimates: a compact table per quantity with two or more figures, a
sentence for a quantity with one, and a chart only of the spreads (places where two or
more figures meet), which the table cannot show at a glance.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from markupsafe import Markup

from ..findings import model
from ..findings.numbers import shown
from . import chart
from .ids import slug, unique
from .view_claims import ClaimView


class EstimateRow(NamedTuple):
    claim: ClaimView
    estimate: model.Estimate
    figure: str
    low: float
    high: float
    shape: str = chart.POINT
    """point, range, upper or lower bound: how the chart draws it."""

    @property
    def amount(self) -> str:
        """The figure without its qualifier: "12,000" or "45–55"."""
        if self.estimate.value is not None:
            return shown(self.estimate.value)
        return f"{shown(self.low)}–{shown(self.high)}"

    @property
    def mark(self) -> str:
        """The flag a row shows in the brief: none for the quiet ones."""
        weight = self.claim.flag_weight
        return (self.claim.model.flag or "") if weight in {"strong", "medium"} else ""


@dataclass(eq=False)
class EstimateTable:
    quantity: str
    anchor: str
    rows: list[EstimateRow]
    spreads: list[tuple[str, str]]
    """(place, lowest to highest figure) for each place with two or more figures."""
    chart: Markup = field(default_factory=Markup)
    """The inline SVG chart of the spreads; empty when no place has two figures."""
    legend: list[tuple[Markup, str]] = field(default_factory=list)
    """(icon, words) for each kind of mark the chart uses."""


def tables(claims: list[ClaimView]) -> tuple[list[EstimateTable], list[EstimateRow]]:
    """A table for each quantity with two or more figures, and a sentence for each with
    one. A figure flagged likely-error is left out of both: the caveats carry it."""
    groups: dict[str, list[EstimateRow]] = {}
    for view in claims:
        est = view.model.estimate
        if est is None or view.model.flag == "likely-error":
            continue
        groups.setdefault(est.quantity, []).append(_row(view, est))
    found, single = [], []
    used: set[str] = set()
    for quantity, rows in sorted(groups.items(), key=lambda g: -len(g[1])):
        if len(rows) == 1:
            single.append(rows[0])
            continue
        places: dict[str, list[EstimateRow]] = {}
        for row in rows:
            places.setdefault(row.estimate.location, []).append(row)
        ordered = [row for group in places.values() for row in group]
        spreads = [(place, _spread(group)) for place, group in places.items()
                   if len(group) > 1]
        found.append(_with_chart(
            EstimateTable(quantity, unique(f"estimates_{slug(quantity)}", used), ordered,
                          spreads)))
    return found, single


def _row(view: ClaimView, est: model.Estimate) -> EstimateRow:
    if est.value is not None:
        figure = " ".join(filter(None, [est.qualifier, shown(est.value)]))
        low = high = float(est.value)
    else:
        assert est.low is not None and est.high is not None
        figure = " ".join(filter(None, [est.qualifier, f"{shown(est.low)}–{shown(est.high)}"]))
        low, high = float(est.low), float(est.high)
    return EstimateRow(view, est, figure, low, high, chart.shape_of(est.qualifier, low, high))


def _spread(rows: list[EstimateRow]) -> str:
    """Lowest to highest figure, saying so when an end is only a bound ("up to 60")."""
    low = min(rows, key=lambda r: r.low)
    high = max(rows, key=lambda r: r.high)
    if low.low == high.high:
        return f"all {shown(low.low)}"
    text = f"{shown(low.low)}–{shown(high.high)}"
    bounds = []
    if low.shape == chart.LOWER:
        bounds.append(f"{shown(low.low)} is a lower bound")
    if high.shape == chart.UPPER:
        bounds.append(f"{shown(high.high)} is an upper bound")
    return f"{text} ({'; '.join(bounds)})" if bounds else text


def _with_chart(table: EstimateTable) -> EstimateTable:
    """The chart draws only the places with a spread: a lone figure is said by its row."""
    spread_at = {place for place, _ in table.spreads}
    drawn = [r for r in table.rows if r.estimate.location in spread_at]
    if not drawn:
        return table
    data = [chart.Datum(key=r.claim.model.id, group=r.estimate.location,
                        label=r.estimate.estimator, figure=r.figure, low=r.low, high=r.high,
                        shape=r.shape, flag=r.mark.replace("-", " "),
                        basis=r.estimate.basis)
            for r in drawn]
    table.chart = chart.render(table.anchor, table.quantity, data, table.spreads)
    shapes = [s for s in chart.LEGEND if any(r.shape == s for r in drawn)]
    table.legend = [(chart.legend_icon(s), chart.LEGEND[s]) for s in shapes]
    if any(r.estimate.basis != "count" for r in drawn):
        table.legend.append((chart.legend_icon(chart.POINT, "forecast"),
                             chart.FORECAST_LEGEND))
    return table
