"""findings.json, estimates.csv and the changes carry the context keys, dates with their
times, and figures as the analyst wrote them (5.0 stays 5.0, 1.50 stays 1.50)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from context_projects import flood_project

from briefing.findings import model, numbers, typed
from briefing.output import changes, describe
from conftest import Run


def _rows(out: Path) -> dict[str, dict[str, str]]:
    text = (out / "estimates.csv").read_text(encoding="utf-8")
    return {row["claim_id"]: row for row in csv.DictReader(io.StringIO(text))}


def test_the_csv_keeps_figures_as_written_and_dates_with_their_times(
    run: Callable[..., Run], tmp_path: Path
) -> None:
    findings = flood_project(tmp_path / "p")
    assert run("--findings", str(findings), "--out", str(tmp_path / "r")).code == 0
    rows = _rows(tmp_path / "r")
    assert rows["crest"]["value"] == "5.0" and rows["rise"]["value"] == "1.50"
    assert rows["shelters-tue"]["value"] == "6000"
    assert rows["crest"]["as_of"] == "2025-10-29T15:30"
    assert rows["crest"]["stated"] == "2025-10-29T16:00"
    assert rows["crest"]["unit"] == "m" and rows["crest"]["note"] == "The gauge's own reading."
    assert rows["shelters-fri"]["place"] == "town" and rows["shelters-fri"]["basis"] == "forecast"


def test_findings_json_carries_the_new_keys(run: Callable[..., Run], tmp_path: Path) -> None:
    findings = flood_project(tmp_path / "p")
    assert run("--findings", str(findings), "--out", str(tmp_path / "r")).code == 0
    text = (tmp_path / "r" / "findings.json").read_text(encoding="utf-8")
    data = json.loads(text)
    assert data["places"] == [{"id": "town", "name": "Riverton", "lat": 50.1, "lon": 8.7}]
    assert data["quantities"][0] == {
        "name": "People displaced",
        "unit": "people",
        "note": "Registered at shelters only.",
    }
    crest = next(c for c in data["claims"] if c["id"] == "crest")
    assert crest["date"] == "2025-10-29T15:30"
    assert crest["estimate"]["stated"] == "2025-10-29T16:00"
    assert '"value": 5.0,' in text  # not 5


def test_a_changed_figure_reads_as_written_and_a_forecast_as_the_time_it_is_for(
    run: Callable[..., Run], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    findings = flood_project(tmp_path / "p")
    assert run("--findings", str(findings), "--out", str(tmp_path / "old")).code == 0
    text = findings.read_text(encoding="utf-8").replace("value: 5.0\n", "value: 4.0\n")
    findings.write_text(text.replace("read 5.0 m", "read 4.0 m"), encoding="utf-8")
    (tmp_path / "p" / "sources" / "authority.txt").write_text(
        (tmp_path / "p" / "sources" / "authority.txt").read_text().replace("5.0 m", "4.0 m")
    )
    assert run("--findings", str(findings), "--out", str(tmp_path / "new")).code == 0
    old = changes.read_previous(tmp_path / "old" / "findings.json").data
    new = changes.read_previous(tmp_path / "new" / "findings.json").data
    lines = describe.describe(changes.compare(old, new))
    assert "    estimate: 5.0 as of 2025-10-29T15:30 -> 4.0 as of 2025-10-29T15:30" in lines
    forecast = {"value": 12600, "as_of": "2025-10-31", "basis": "forecast"}
    assert describe.figure_words(forecast) == "12,600 for 2025-10-31 (forecast)"


@pytest.mark.parametrize(
    ("written", "shown"),
    [
        ("5.0", "5.0"),
        ("1.50", "1.50"),
        ("12000.5", "12,000.5"),
        ("1_000.25", "1,000.25"),
        ("1e3", "1,000"),
        ("0.10", "0.10"),
    ],
)
def test_a_written_figure_shows_its_own_decimals(written: str, shown: str) -> None:
    figure = numbers.with_decimals(written, float(written.replace("_", "")))
    assert numbers.shown(figure) == shown
    assert numbers.plain(figure) == shown.replace(",", "")
    assert figure == float(written.replace("_", ""))  # compares as the number it is


@pytest.mark.parametrize(
    ("raw", "kept"),
    [
        ("2024-10-31T15:30", dt.datetime(2024, 10, 31, 15, 30)),
        (dt.datetime(2024, 10, 31, 15, 30), dt.datetime(2024, 10, 31, 15, 30)),  # YAML timestamp
        (dt.date(2024, 10, 31), dt.date(2024, 10, 31)),
        ("2024-10-31", dt.date(2024, 10, 31)),
        ("2024-10-31T15:30:10", None),
        ("2024-10-31T24:00", None),
        ("31 Oct", None),
        (dt.datetime(2024, 10, 31, 15, 30, 10), None),
        (dt.datetime(2024, 10, 31, 15, 30, tzinfo=dt.UTC), None),
    ],
)
def test_a_date_may_carry_a_time_to_the_minute_where_the_model_allows_it(
    raw: object, kept: dt.date | None
) -> None:
    est, issues = typed.conform(
        model.Estimate,
        {"quantity": "q", "estimator": "e", "location": "l", "value": 1, "stated": raw},
    )
    assert (est.stated if est else None) == kept
    assert type(est.stated if est else None) is type(kept)
    assert [i["type"] for i in issues] == ([] if kept else ["datetime_type"])


def test_the_cut_off_date_takes_no_time() -> None:
    _, issues = typed.conform(model.Briefing, {"title": "t", "as_of": "2024-10-31T15:30"})
    assert [i["type"] for i in issues] == ["date_type"]
