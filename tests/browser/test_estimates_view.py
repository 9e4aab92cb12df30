"""Every estimate in the findings is where it helps the reader: a quantity with two or
more figures gets a table and a chart, drawn as the kind of figure each is, with figures
right-aligned and thousands separators; a quantity with one figure gets a sentence; a
figure flagged likely-error is never drawn as data, and is in the caveats.

The expected values are read from the build's findings.json, never written down here."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .conftest import DESKTOP, PHONE, Case, Opened

UPPER = {"up to", "as many as"}
LOWER = {"at least", "more than"}


def separated(value: float) -> str:
    """A figure as a reader expects it: 12,000 and 2.5, never 12000 or 12000.0."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def all_estimates(case: Case) -> list[dict[str, Any]]:
    found = [
        {**c["estimate"], "claim": c["id"], "flag": c.get("flag")}
        for c in case.findings["claims"]
        if c.get("estimate")
    ]
    # The golden project must have some; the project's own briefing has what its analyst
    # gave it.
    assert found or case.curated, f"{case.name}: the findings have no estimates to look for"
    return found


def by_quantity(case: Case) -> dict[str, list[dict[str, Any]]]:
    """The estimates shown as data (not flagged likely-error), by quantity."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for est in all_estimates(case):
        if est["flag"] != "likely-error":
            groups.setdefault(est["quantity"], []).append(est)
    return groups


def estimates(case: Case) -> list[dict[str, Any]]:
    """The estimates of quantities with two or more figures: those get a table and chart."""
    return [e for group in by_quantity(case).values() if len(group) > 1 for e in group]


def in_spreads(case: Case) -> list[dict[str, Any]]:
    """The estimates a chart draws: at a place where two or more estimators' figures meet,
    each estimator's latest figure of what is there now (a forecast or a plan is of
    another time; an estimator's earlier figures are its own series, not a spread)."""
    latest: dict[tuple[str, str, str], dict[str, Any]] = {}
    for e in estimates(case):
        if e.get("basis") in ("forecast", "plan"):
            continue
        key = (e["quantity"], e["location"], e["estimator"].casefold())
        when = str(e.get("as_of") or e.get("stated") or "")
        kept = latest.get(key)
        if kept is None or (when and when >= str(kept.get("as_of") or kept.get("stated") or "")):
            latest[key] = e
    places = [(q, loc) for q, loc, _ in latest]
    return [e for (q, loc, _), e in latest.items() if places.count((q, loc)) > 1]


def expected_shape(est: dict[str, Any]) -> str:
    if est.get("value") is None and est["low"] != est["high"]:
        return "range"
    qualifier = est.get("qualifier") or ""
    return "upper" if qualifier in UPPER else "lower" if qualifier in LOWER else "point"


def bounds(est: dict[str, Any]) -> tuple[float, float]:
    if est.get("value") is not None:
        return float(est["value"]), float(est["value"])
    return float(est["low"]), float(est["high"])


ROWS_JS = """() => [...document.querySelectorAll('table.estimates-table tbody tr')].map(tr => ({
  claim: tr.dataset.claim,
  quantity: tr.closest('section').querySelector('h2').textContent,
  caption: tr.closest('table').caption.textContent,
  estimator: tr.querySelector('th[scope=row] a').textContent,
  cells: [...tr.querySelectorAll('td')].map(td => td.textContent),
  figure: tr.querySelector('td.num').textContent,
  align: getComputedStyle(tr.querySelector('td.num')).textAlign,
  as_of: tr.querySelector('td.date time') ? tr.querySelector('td.date time').dateTime : null,
}))"""


def test_every_estimate_is_a_row_of_its_table(
    open_briefing: Callable[..., Opened], case: Case
) -> None:
    """One row per estimate, in the table of its quantity, with estimator, location and
    the figure in words and digits; figures are right-aligned on a desktop screen."""
    page = open_briefing().page
    rows = {row["claim"]: row for row in page.evaluate(ROWS_JS)}
    wanted = estimates(case)
    assert sorted(rows) == sorted(e["claim"] for e in wanted)
    for est in wanted:
        row = rows[est["claim"]]
        assert row["quantity"] == est["quantity"]
        assert row["caption"].startswith(est["quantity"])
        assert row["estimator"] == est["estimator"]
        assert est["location"] in row["cells"]
        low, high = bounds(est)
        digits = separated(low) if low == high else f"{separated(low)}–{separated(high)}"
        basis = est.get("basis", "count")
        words = " ".join(
            filter(None, [basis if basis != "count" else "", est.get("qualifier"), digits])
        )
        assert " ".join(row["figure"].split()) == words  # a forecast or plan says so
        assert row["align"] == "right"
        if est.get("as_of"):
            assert est["as_of"] == row["as_of"]  # ISO in the attribute, words in the text
            assert est["as_of"] not in " ".join(row["cells"])


def test_a_spread_is_stated_only_where_two_or_more_figures_meet(
    open_briefing: Callable[..., Opened], case: Case
) -> None:
    """In each chart, the lowest and highest of the figures a spread compares at each
    location (see in_spreads), said once (beside the location, and in the chart's
    description); a lone figure has no spread."""
    page = open_briefing().page
    spreads = page.evaluate(
        "[...document.querySelectorAll('section.estimates')].map(s => "
        "[s.querySelector('h2').textContent, "
        "s.querySelector('svg.chart-svg desc').textContent])"
    )
    shown = page.evaluate(
        "[...document.querySelectorAll('section.estimates')].map(s => "
        "s.innerText.split('spread ').length - 1)"
    )
    text = {heading: " ".join(spread.split()) for heading, spread in spreads}
    by_place: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for est in in_spreads(case):
        by_place.setdefault((est["quantity"], est["location"]), []).append(bounds(est))
    for (quantity, location), spans in by_place.items():
        low, high = min(s[0] for s in spans), max(s[1] for s in spans)
        spread = text.get(quantity, "")
        if len(spans) < 2:
            assert f"{location} (spread" not in spread, spread
            continue
        said = f"all {separated(low)}" if low == high else f"{separated(low)}–{separated(high)}"
        assert f"{location} (spread {said}" in spread, spread
    places = {(q, loc) for (q, loc), spans in by_place.items() if len(spans) > 1}
    assert sum(shown) == len(places), "each spread is written once on the page"
    assert (
        "spread"
        not in page.evaluate(
            "document.querySelector('#other-figures') ? "
            "document.querySelector('#other-figures').innerText"
            " : ''"
        ).lower()
    )


def test_a_quantity_with_one_figure_is_a_sentence_not_a_chart(
    open_briefing: Callable[..., Opened], case: Case
) -> None:
    page = open_briefing().page
    charted = page.evaluate(
        "[...document.querySelectorAll('section.estimates h2')].map(h => h.textContent)"
    )
    contents = page.evaluate("document.querySelector('nav.toc').innerText")
    sentences = page.evaluate(
        "[...document.querySelectorAll('#other-figures li')].map(li => li.innerText)"
    )
    for quantity, group in by_quantity(case).items():
        if len(group) == 1:
            assert quantity not in charted and quantity not in contents
            assert any(s.startswith(f"{quantity}:") for s in sentences), quantity
        else:
            assert quantity in charted


def test_a_likely_error_is_never_drawn_and_is_in_the_caveats(
    open_briefing: Callable[..., Opened], case: Case
) -> None:
    page = open_briefing().page
    drawn = page.evaluate(
        "[...document.querySelectorAll('[data-claim]')].map(e => e.dataset.claim)"
    )
    caveats = page.evaluate(
        "[...document.querySelectorAll('#caveats a')].map(a => a.getAttribute('href'))"
    )
    for est in all_estimates(case):
        if est["flag"] == "likely-error":
            assert est["claim"] not in drawn
            assert f"#note_{est['claim']}" in caveats


MARKS_JS = """() => [...document.querySelectorAll('svg.chart-svg')].map(svg => {
  const title = document.getElementById(svg.getAttribute('aria-labelledby').split(' ')[0]);
  const desc = document.getElementById(svg.getAttribute('aria-labelledby').split(' ')[1]);
  return {
    role: svg.getAttribute('role'),
    title: title && title.textContent, desc: desc && desc.textContent,
    quantity: svg.closest('section').querySelector('h2').textContent,
    legend: [...svg.closest('figure').querySelectorAll('.chart-legend li')]
            .map(li => li.textContent),
    marks: [...svg.querySelectorAll('g.c-est')].map(g => {
      const shape = g.querySelector('circle.c-dot, rect.c-bar, circle.c-hollow');
      const box = shape.getBBox();
      return {claim: g.dataset.claim, shape: g.dataset.shape,
              low: Number(g.dataset.low), high: Number(g.dataset.high),
              drawn: shape.tagName + '.' + shape.getAttribute('class'),
              dashed: !!g.querySelector('line.c-dash'),
              outline: getComputedStyle(shape).strokeDasharray,
              left: box.x, right: box.x + box.width, centre: box.x + box.width / 2,
              visible: shape.getBoundingClientRect().width > 0};
    }),
  };
})"""

DRAWN = {
    "point": "circle.c-dot",
    "range": "rect.c-bar",
    "upper": "circle.c-hollow",
    "lower": "circle.c-hollow",
}


def test_every_estimate_is_a_mark_of_its_chart(
    open_briefing: Callable[..., Opened], case: Case
) -> None:
    """Each chart is an accessible image (role, title, description naming every figure)
    whose marks are the estimates where two or more meet (a spread): a dot for a point,
    a bar for a range, a hollow marker with a dashed line for a bound; further right
    means a larger figure."""
    page = open_briefing().page
    charts = page.evaluate(MARKS_JS)
    wanted = {e["claim"]: e for e in in_spreads(case)}
    seen = [m["claim"] for chart in charts for m in chart["marks"]]
    assert sorted(seen) == sorted(wanted)
    for chart in charts:
        assert chart["role"] == "img" and chart["title"] and chart["desc"]
        assert chart["title"].startswith(chart["quantity"])
        for mark in chart["marks"]:
            est = wanted[mark["claim"]]
            assert chart["quantity"].startswith(est["quantity"])
            assert (mark["low"], mark["high"]) == bounds(est)
            assert mark["shape"] == expected_shape(est)
            assert mark["drawn"] == DRAWN[mark["shape"]]
            assert mark["dashed"] == (mark["shape"] in {"upper", "lower"})
            assert mark["visible"]
            # The legend says a forecast or plan has a dashed outline, whatever its shape.
            assert (mark["outline"] != "none") == (est.get("basis", "count") != "count")
            low, high = bounds(est)
            assert separated(high) in chart["desc"] and est["estimator"] in chart["desc"]
            if low != high:
                assert separated(low) in chart["desc"]
        shapes = {m["shape"] for m in chart["marks"]}
        bases = {wanted[m["claim"]].get("basis", "count") for m in chart["marks"]}
        assert len(chart["legend"]) == len(shapes) + (bases != {"count"})
        # Position follows value: sort by value, and the drawn positions come out sorted.
        by_value = sorted(chart["marks"], key=lambda m: (m["low"] + m["high"]) / 2)
        centres = [m["centre"] for m in by_value]
        assert centres == sorted(centres), chart["quantity"]
        for m in chart["marks"]:
            if m["shape"] == "range":
                assert m["right"] - m["left"] > 0


def test_the_charts_axis_labels_never_touch(
    open_briefing: Callable[..., Opened], case: Case
) -> None:
    """Each tick label of a chart's axis keeps clear of the next, as drawn by the browser
    at desktop and phone width."""
    if not in_spreads(case):
        assert case.curated, f"{case.name}: no chart to look at"
        return
    for width in (DESKTOP, PHONE):
        page = open_briefing(width=width).page
        gaps = page.evaluate("""() => [...document.querySelectorAll('svg.chart-svg')]
          .flatMap(svg => { const boxes = [...svg.querySelectorAll('text.c-tick')]
            .map(t => t.getBoundingClientRect());
            return boxes.slice(1).map((b, i) => b.left - boxes[i].right); })""")
        assert gaps and min(gaps) >= 4, (width, gaps)
