"""One estimator's figures for a quantity and place on two or more dates are one series:
points in time order, joined in order, counts told apart from forecasts; figures as
written (5.0 stays 5.0)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from context_projects import FLOOD, findings_from

from briefing.page import series

SVG = "{http://www.w3.org/2000/svg}"


def _drawn(markup: str) -> ET.Element:
    text = str(markup).replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1)
    return ET.fromstring(text)


def test_a_three_figure_series_is_one_series_in_time_order(tmp_path: Path) -> None:
    found = series.find(findings_from(tmp_path))
    shelters = [s for s in found if s.quantity == "People displaced"]
    assert len(shelters) == 1
    (one,) = shelters
    assert [p.claim_id for p in one.points] == ["shelters-tue", "shelters-wed", "shelters-fri"]
    assert [p.figure for p in one.points] == ["6,000", "9,400", "12,600"]
    assert one.location == "Riverton" and one.unit == "people"
    drawn = _drawn(series.render(one, "s1"))
    marks = drawn.findall(f"{SVG}g")
    assert [g.get("data-claim") for g in marks] == ["shelters-tue", "shelters-wed", "shelters-fri"]
    xs = [float(g.find(f"{SVG}circle").get("cx")) for g in marks]  # type: ignore[union-attr]
    assert xs == sorted(xs) and len(set(xs)) == 3


def test_counts_and_forecasts_are_told_apart(tmp_path: Path) -> None:
    (one, *_) = series.find(findings_from(tmp_path))
    drawn = _drawn(series.render(one, "s1"))
    lines = drawn.findall(f"{SVG}line[@class]")
    joins = [ln.get("class") for ln in lines if ln.get("class", "").startswith("s-line")]
    assert joins == ["s-line", "s-line s-ahead"]  # count to count, then on to the forecast
    forecast = drawn.find(f"{SVG}g[@data-claim='shelters-fri']")
    assert forecast is not None and "s-forecast" in (forecast.get("class") or "")
    assert forecast.find(f"{SVG}circle[@class='s-hollow']") is not None
    assert "for 31 Oct 2025" in (forecast.findtext(f"{SVG}title") or "")
    assert "forecast 12,600, for 31 Oct 2025" in series.describe(one)


def test_figures_keep_the_decimals_they_were_written_with(tmp_path: Path) -> None:
    findings = findings_from(
        tmp_path,
        FLOOD.replace("      stated: 2025-10-29T16:00\n", "      stated: 2025-10-29T16:00\n")
        .replace("      value: 1.50\n", "      value: 1.50\n      as_of: 2025-10-29T08:00\n")
        .replace("      estimator: Gauge watchers\n", "      estimator: Flood authority\n"),
    )
    (level,) = [s for s in series.find(findings) if s.quantity == "River level"]
    assert [p.figure for p in level.points] == ["1.50", "5.0"]
    drawn = series.render(level, "s2")
    assert 'data-low="5.0"' in drawn and ">5.0</text>" in drawn
    assert series.render(level, "s2") == drawn  # same bytes


def test_one_dated_figure_is_no_series_and_places_keep_series_apart(tmp_path: Path) -> None:
    moved = FLOOD.replace(
        "      value: 9400\n      as_of: 2025-10-29\n      place: town\n",
        "      value: 9400\n      as_of: 2025-10-29\n",
    )
    found = series.find(findings_from(tmp_path, moved))
    # Without its place, 9,400 is at "Riverton shelters", apart from the place 'town'.
    assert [[p.claim_id for p in s.points] for s in found] == [["shelters-tue", "shelters-fri"]]


def test_the_drawing_has_a_title_a_description_and_a_text_alternative(tmp_path: Path) -> None:
    (one, *_) = series.find(findings_from(tmp_path))
    drawn = _drawn(series.render(one, "s1"))
    assert drawn.get("role") == "img"
    assert drawn.get("aria-labelledby") == "s1_series-title s1_series-desc"
    assert (
        drawn.findtext(f"{SVG}title")
        == "People displaced (people) over time: Flood authority, Riverton"
    )
    listed = series.text_alternative(one)
    assert listed.count("<li>") == 3
    assert '<time datetime="2025-10-28T08:00">28 Oct 2025, 08:00</time>: 6,000 (count)' in listed
