"""The project's own findings.yaml, whatever it holds today: it builds, and the page keeps
the promises the tool makes for any findings (flags at the claim and in the caveats, each
source's coverage). Content policy (coverage wanted, lint) is the analyst's, in
findings.yaml and --strict, not the test suite's."""

from __future__ import annotations

import json
from pathlib import Path

from briefing.cli import main
from conftest import ROOT
from page_parts import by_id


def build(tmp_path: Path) -> tuple[dict[str, list[dict[str, object]]], str]:
    assert main(["--findings", str(ROOT / "findings.yaml"), "--out", str(tmp_path / "r")]) == 0
    data = json.loads((tmp_path / "r" / "findings.json").read_text(encoding="utf-8"))
    return data, (tmp_path / "r" / "index.html").read_text(encoding="utf-8")


def test_the_projects_findings_build(tmp_path: Path) -> None:
    data, html = build(tmp_path)
    assert data["claims"] and html.startswith("<!DOCTYPE html>")


def test_briefing_shows_each_sources_coverage(tmp_path: Path) -> None:
    data, html = build(tmp_path)
    for source in data["sources"]:
        count = source["sentences"]
        noun = "sentence" if count == 1 else "sentences"
        shown = f"{float(source['coverage']) * 100:.0f}% of its {count} {noun}"  # type: ignore[arg-type]
        assert shown in html


def test_flags_are_shown_at_the_claim_and_in_the_caveats(tmp_path: Path) -> None:
    data, html = build(tmp_path)
    caveats = by_id(html, "caveats")
    for claim in (c for c in data["claims"] if c["flag"]):
        at_claim = by_id(html, f"claim_{claim['id']}")
        assert f"flag-{claim['flag']}" in at_claim
        assert f'id="note_{claim["id"]}"' in at_claim
        assert f'href="#note_{claim["id"]}"' in caveats
