"""The benchmark's generated project is a valid one (so the figures it gives are for real
builds); its timings themselves are measured by bench/benchmark.py, not by tests."""

from __future__ import annotations

import sys
from pathlib import Path

from briefing.cli import main
from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import benchmark


def test_generated_project_builds_strictly(tmp_path: Path) -> None:
    findings = benchmark.generate(tmp_path / "p", claims=30, source_kb=8, sources=3)
    assert main(["--findings", str(findings), "--out", str(tmp_path / "out"), "--strict"]) == 0
    csv_rows = (tmp_path / "out" / "estimates.csv").read_text(encoding="utf-8").splitlines()
    assert len(csv_rows) == 1 + 3  # header and every tenth claim's estimate
