"""The brief's estimates: a compact table per quantity with two or more figures, a
sentence for a quantity with one, and a chart only of the spreads (places where two or
more figures meet), which the table cannot show at a glance.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from markupsafe import Markup

from ..findings import model, when
from ..findings.numbers import shown
from . import chart
from .ids import slug, unique
from .view_claims import ClaimView

if TYPE_CHECKING:
    from .view import Markdown


class EstimateRow(NamedTuple):
    claim: ClaimView
    estimate: model.Estimate
    figure: str
    low: float
    high: float
    shape: str = chart.POINT
    """point, range, upper or lower bound: how the chart draws it."""
    note_html: Markup = Markup()
    """The analyst's note on this row (Markdown), shown with it."""
    translated: bool = False
    """Whether the figure is given only in a passage's translation (the original writes
    it otherwise): the row says so."""

    @property
    def when(self) -> str:
        """The time the figure describes: a count's "31 Oct 2024", a forecast's or a plan's
        "for 3 Nov 2024" (never read as a date of fact); '' when the source gives none."""
        est = self.estimate
        return when.described(est.as_of, est.basis) if est.as_of else ""

    @property
    def stated(self) -> str:
        """When the estimator gave the figure, where the findings say and it adds to the
        figure's own date: "31 Oct 2024, 15:30"."""
        est = self.estimate
        same = (
            est.as_of is not None
            and est.stated is not None
            and when.iso(est.as_of) == when.iso(est.stated)
        )
        if not est.stated or same:
            return ""
        return when.words(est.stated)

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
    unit: str
    """What the figures count, shown with the table's heading ('' when not given)."""
    note_html: Markup
    """The quantity's note: what is counted and what is not."""
    spreads: list[tuple[str, str]]
    """(place, lowest to highest figure) for each place with two or more figures."""
    chart: Markup = field(default_factory=Markup)
    """The inline SVG chart of the spreads; empty when no place has two figures."""
    legend: list[tuple[Markup, str]] = field(default_factory=list)
    """(icon, words) for each kind of mark the chart uses."""


def tables(
    claims: list[ClaimView],
    quantities: tuple[model.Quantity, ...],
    md: Markdown,
    translated: set[str],
) -> tuple[list[EstimateTable], list[EstimateRow]]:
    """A table for each quantity with two or more figures, and a sentence for each with
    one, in the order of ``quantities`` (else the largest table first). A figure flagged
    likely-error is left out of both: the caveats carry it."""
    groups: dict[str, list[EstimateRow]] = {}
    for view in claims:
        est = view.model.estimate
        if est is None or view.model.flag == "likely-error":
            continue
        groups.setdefault(est.quantity, []).append(_row(view, est, md, view.model.id in translated))
    listed = {q.name: (i, q) for i, q in enumerate(quantities)}
    found, single = [], []
    used: set[str] = set()
    for quantity, rows in sorted(
        groups.items(),
        key=lambda g: (listed[g[0]][0] if g[0] in listed else len(listed), -len(g[1])),
    ):
        if len(rows) == 1:
            single.append(rows[0])
            continue
        places: dict[str, list[EstimateRow]] = {}
        for row in rows:
            places.setdefault(row.estimate.location, []).append(row)
        ordered = [row for group in places.values() for row in _series_together(group)]
        compared = {place: _compared(group) for place, group in places.items()}
        spreads = [(place, _spread(rows)) for place, rows in compared.items() if len(rows) > 1]
        about = listed[quantity][1] if quantity in listed else None
        found.append(
            _with_chart(
                EstimateTable(
                    quantity,
                    unique(f"estimates_{slug(quantity)}", used),
                    ordered,
                    _unit_words(about.unit or "", quantity) if about else "",
                    md.block(about.note) if about and about.note else Markup(),
                    spreads,
                )
            )
        )
    return found, single


def _unit_words(unit: str, quantity: str) -> str:
    """The unit, when it tells the reader something the quantity's name does not
    ("North Korean troops" are counted in troops: nothing to add)."""
    return "" if unit.casefold() in quantity.casefold() else unit


def _series_together(rows: list[EstimateRow]) -> list[EstimateRow]:
    """One estimator's figures at one place as one group of rows, in time order (undated
    figures first, as the findings give them), estimators in the order they first come."""
    first: dict[str, int] = {}
    for n, row in enumerate(rows):
        first.setdefault(row.estimate.estimator.casefold(), n)

    def key(item: tuple[int, EstimateRow]) -> tuple[int, int, tuple[object, ...], int]:
        n, row = item
        moment = row.estimate.as_of or row.estimate.stated
        return (
            first[row.estimate.estimator.casefold()],
            moment is not None,
            when.order(moment) if moment else (),
            n,
        )

    return [row for _, row in sorted(enumerate(rows), key=key)]


def _row(view: ClaimView, est: model.Estimate, md: Markdown, translated: bool) -> EstimateRow:
    # The figures as written (5.0 stays 5.0): the table and the chart show them so.
    if est.value is not None:
        figure = " ".join(filter(None, [est.qualifier, shown(est.value)]))
        low = high = est.value
    else:
        assert est.low is not None and est.high is not None
        figure = " ".join(filter(None, [est.qualifier, f"{shown(est.low)}–{shown(est.high)}"]))
        low, high = est.low, est.high
    return EstimateRow(
        view,
        est,
        figure,
        low,
        high,
        chart.shape_of(est.qualifier, low, high),
        md.inline(est.note) if est.note else Markup(),
        translated,
    )


def _compared(rows: list[EstimateRow]) -> list[EstimateRow]:
    """The figures a spread compares at one place: each estimator's latest figure of what
    is there now. A forecast or a plan is of another time, and one estimator's earlier
    figures are its own series, not a disagreement."""
    latest: dict[str, EstimateRow] = {}
    for row in rows:
        if row.estimate.basis in when.AHEAD:
            continue
        who = row.estimate.estimator.casefold()
        moment = row.estimate.as_of or row.estimate.stated
        kept = latest.get(who)
        if kept is None:
            latest[who] = row
            continue
        was = kept.estimate.as_of or kept.estimate.stated
        if moment is not None and (was is None or when.order(moment) >= when.order(was)):
            latest[who] = row
    return [row for row in rows if row in latest.values()]


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
    """The chart draws only the figures a spread compares: a lone figure is said by its row,
    and a series over time is drawn as one, apart."""
    spread_at = {place for place, _ in table.spreads}
    places: dict[str, list[EstimateRow]] = {}
    for row in table.rows:
        places.setdefault(row.estimate.location, []).append(row)
    drawn = [r for place, rows in places.items() if place in spread_at for r in _compared(rows)]
    if not drawn:
        return table
    data = [
        chart.Datum(
            key=r.claim.model.id,
            group=r.estimate.location,
            label=r.estimate.estimator,
            figure=r.figure,
            low=r.low,
            high=r.high,
            shape=r.shape,
            flag=r.mark.replace("-", " "),
            basis=r.estimate.basis,
        )
        for r in drawn
    ]
    table.chart = chart.render(table.anchor, table.quantity, data, table.spreads)
    shapes = [s for s in chart.LEGEND if any(r.shape == s for r in drawn)]
    table.legend = [(chart.legend_icon(s), chart.LEGEND[s]) for s in shapes]
    if any(r.estimate.basis != "count" for r in drawn):
        table.legend.append((chart.legend_icon(chart.POINT, "forecast"), chart.FORECAST_LEGEND))
    return table
