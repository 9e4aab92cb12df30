"""The estimates chart as drawn by briefing/chart.py, checked without a browser: the kind
of each mark, the axis, escaping, the words for screen readers, same input same bytes.
(Kept with the browser tests because it pins what the browser tests then see.)"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from markupsafe import Markup

from briefing.findings.numbers import shown
from briefing.page import chart
from briefing.page.view import demote_headings


def datum(
    key: str,
    low: float,
    high: float,
    shape: str,
    group: str = "North",
    label: str = "Officials",
    flag: str = "",
) -> chart.Datum:
    figure = shown(low) if low == high else f"{shown(low)}–{shown(high)}"
    return chart.Datum(key, group, label, figure, low, high, shape, flag)


ALL_SHAPES = [
    datum("a", 1200, 1200, chart.POINT),
    datum("b", 900, 1500, chart.RANGE),
    datum("c", 2500, 2500, chart.UPPER, group="South"),
    datum("d", 300, 300, chart.LOWER, group="South", flag="disputed"),
]


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def test_a_qualifier_decides_the_kind_of_mark() -> None:
    """Ranges whenever low and high differ; 'up to' and 'as many as' are upper bounds,
    'at least' and 'more than' lower bounds, anything else a point."""
    assert chart.shape_of(None, 45, 55) == chart.RANGE
    assert chart.shape_of("about", 45, 55) == chart.RANGE
    assert chart.shape_of("up to", 12, 12) == chart.UPPER
    assert chart.shape_of("as many as", 12, 12) == chart.UPPER
    assert chart.shape_of("at least", 12, 12) == chart.LOWER
    assert chart.shape_of("more than", 12, 12) == chart.LOWER
    for qualifier in (None, "about", "approximately", "exactly"):
        assert chart.shape_of(qualifier, 12, 12) == chart.POINT


def test_each_kind_is_drawn_its_own_way() -> None:
    """Point: filled dot. Range: bar from low to high. Bounds: hollow marker with a dashed
    line, toward zero for an upper bound and to an arrow for a lower one."""
    svg = parse(chart.render("t", "People", ALL_SHAPES, [("North", "900–1,500")]))
    marks = {g.get("data-claim"): g for g in svg.iter("g")}
    assert [c.tag for c in marks["a"] if c.tag not in {"title", "text"}] == ["circle"]
    assert marks["a"].find("circle").get("class") == "c-dot"  # type: ignore[union-attr]
    assert marks["b"].find("rect").get("class") == "c-bar"  # type: ignore[union-attr]
    assert marks["c"].find("path") is None and marks["d"].find("path") is not None
    for key in "cd":
        assert marks[key].find("line").get("class") == "c-dash"  # type: ignore[union-attr]
        assert marks[key].find("circle").get("class") == "c-hollow"  # type: ignore[union-attr]
    upper = marks["c"].find("line")
    assert upper is not None and float(upper.get("x1", "0")) < float(upper.get("x2", "0"))


def test_positions_follow_values_on_an_axis_from_zero() -> None:
    """The axis starts at zero, ends on a round number above every figure, and a larger
    figure sits further right."""
    svg = chart.render("t", "People", ALL_SHAPES, [])
    ticks = [t.text for t in parse(svg).iter("text") if t.get("class") == "c-tick"]
    assert ticks[0] == "0" and ticks[-1] in {"2,500", "3,000"}
    x = {g.get("data-claim"): g for g in parse(svg).iter("g")}
    dot = float(x["a"].find("circle").get("cx", "0"))  # type: ignore[union-attr]
    hollow_low = float(x["d"].find("circle").get("cx", "0"))  # type: ignore[union-attr]
    hollow_high = float(x["c"].find("circle").get("cx", "0"))  # type: ignore[union-attr]
    assert hollow_low < dot < hollow_high


def test_negative_figures_extend_the_axis_below_zero() -> None:
    svg = chart.render(
        "t", "Change", [datum("a", -40, -40, chart.POINT), datum("b", 25, 25, chart.POINT)], []
    )
    ticks = [t.text for t in parse(svg).iter("text") if t.get("class") == "c-tick"]
    assert ticks[0].startswith("-") and "0" in ticks


def test_the_chart_is_an_image_with_words_for_screen_readers() -> None:
    """role=img, labelled by a title and a description that gives every figure."""
    svg = parse(chart.render("t", "People", ALL_SHAPES, [("North", "900–1,500")]))
    assert svg.get("role") == "img"
    title_id, desc_id = (svg.get("aria-labelledby") or "").split()
    title = next(e for e in svg if e.get("id") == title_id)
    desc = next(e for e in svg if e.get("id") == desc_id)
    assert title.tag == "title" and title.text and title.text.startswith("People")
    assert desc.tag == "desc" and desc.text
    for d in ALL_SHAPES:
        assert d.figure in desc.text
    assert "(disputed)" in desc.text


def test_labels_are_escaped_and_wrapped() -> None:
    """A label's < and & stay text, and a long label wraps onto more lines."""
    long_label = "An estimator <with> a name & a very long description of who it is"
    svg = chart.render("t", "People", [datum("a", 1, 1, chart.POINT, label=long_label)], [])
    assert "<with>" not in svg and "&lt;with&gt;" in svg
    lines = [t for t in parse(svg).iter("text") if t.get("class") == "c-label"]
    assert len(lines) >= 2


def test_same_input_same_bytes() -> None:
    one = chart.render("t", "People", ALL_SHAPES, [("North", "900–1,500")])
    assert one == chart.render("t", "People", ALL_SHAPES, [("North", "900–1,500")])
    assert not re.search(r"\d\.\d{2,}", one), "coordinates are rounded to one decimal"


def test_a_legend_icon_for_every_kind() -> None:
    for shape in chart.LEGEND:
        icon = parse(chart.legend_icon(shape))
        assert icon.get("aria-hidden") == "true" and len(icon) >= 1


def test_markdown_headings_are_demoted_below_their_section() -> None:
    """An analyst's '# Heading' in the summary comes out as h3 under the section's h2."""
    html = Markup("<h1>One</h1>\n<p>x</p>\n<h2>Two</h2>\n")
    assert demote_headings(html, 3) == "<h3>One</h3>\n<p>x</p>\n<h4>Two</h4>\n"
    assert demote_headings(Markup("<p>none</p>"), 3) == "<p>none</p>"
