"""The project's own findings.yaml: it builds cleanly under --strict, covers its sources,
and puts every troop figure the sources state into the troop table."""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml

from briefing.cli import main
from conftest import ROOT

# A figure followed, within three words, by what is counted: "some 10,000 North Korean
# soldiers", "as many as 8,000 of those forces", "up to 4,500 North Korean personnel".
TROOP_FIGURE = re.compile(r"\b(\d{1,3}(?:,\d{3})+|\d+)\s+(?:\S+\s+){0,3}?"
                          r"(?:troops|soldiers|personnel|forces)\b")


def build(tmp_path: Path) -> dict[str, object]:
    assert main(["--findings", str(ROOT / "findings.yaml"), "--out", str(tmp_path / "r"),
                 "--strict"]) == 0
    return json.loads((tmp_path / "r" / "findings.json").read_text(encoding="utf-8"))


def test_findings_build_without_warnings(tmp_path: Path) -> None:
    build(tmp_path)


def test_each_source_is_at_least_ninety_percent_covered(tmp_path: Path) -> None:
    data = build(tmp_path)
    for source in data["sources"]:  # type: ignore[attr-defined]
        assert source["coverage"] >= 0.9, (source["id"], source["uncovered_sentences"])


def test_every_troop_figure_in_the_sources_is_in_the_troop_table() -> None:
    findings = yaml.safe_load((ROOT / "findings.yaml").read_text(encoding="utf-8"))
    table: set[tuple[str, float]] = set()
    for claim in findings["claims"]:
        est = claim.get("estimate")
        if est and "troops" in est["quantity"].lower():
            for ev in claim["evidence"]:
                for key in ("value", "low", "high"):
                    if est.get(key) is not None:
                        table.add((ev["source"], float(est[key])))
    stated = set()
    for source in findings["sources"]:
        text = (ROOT / source["file"]).read_text(encoding="utf-8")
        for match in TROOP_FIGURE.finditer(text):
            stated.add((source["id"], float(match.group(1).replace(",", ""))))
    assert stated, "the pattern found no troop figure at all"
    assert stated <= table, f"troop figures missing from the table: {sorted(stated - table)}"


def test_troop_table_rows_have_the_estimator_location_and_qualifier_the_articles_give(
        tmp_path: Path) -> None:
    """Read off the two articles by hand: who gave which troop figure, where, and how the
    article hedges it."""
    build(tmp_path)
    rows = (tmp_path / "r" / "estimates.csv").read_text(encoding="utf-8").splitlines()
    troops = {tuple(r.split(",")[1:5]) for r in rows[1:] if r.startswith("North Korean troops,")}
    expected = {
        ("United States", "Russia (total)", "about", "10000"),
        ("South Korea", "Russia (total)", "approximately", "11000"),
        ("Ukraine", "Russia (total)", "as many as", "12000"),
        ("United States", "Kursk region", "as many as", "8000"),
        ("Ukraine", "Near Ukraine's border", "up to", "4500"),
    }
    assert expected <= troops
    lead = [r for r in troops if r[3] == "12000" and r[0] != "Ukraine"]
    assert lead and lead[0][2] == "up to", "the lead's 'up to 12,000' deployment figure"


def test_briefing_shows_each_sources_coverage(tmp_path: Path) -> None:
    data = build(tmp_path)
    html = (tmp_path / "r" / "index.html").read_text(encoding="utf-8")
    for source in data["sources"]:  # type: ignore[attr-defined]
        shown = f"{source['coverage'] * 100:.0f}% of its {source['sentences']} sentences"
        assert shown in html


def test_flags_are_shown_at_the_claim_and_in_the_caveats(tmp_path: Path) -> None:
    data = build(tmp_path)
    html = (tmp_path / "r" / "index.html").read_text(encoding="utf-8")
    caveats = html.split('id="caveats"')[1].split("</section>")[0]
    flagged = [c for c in data["claims"] if c["flag"]]  # type: ignore[attr-defined]
    assert flagged
    for claim in flagged:
        at_claim = html.split(f'id="claim_{claim["id"]}"')[1].split("</li>")[0]
        assert f'flag-{claim["flag"]}' in at_claim
        assert f'href="#claim_{claim["id"]}"' in caveats
