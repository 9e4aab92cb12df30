"""The rendered report of a small fixture project matches the committed expected files.

A change to the page shows up as a readable diff. Refresh the expected files with:

    .venv/bin/python -m pytest tests/test_golden.py --update-golden
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from briefing.cli import main

HERE = Path(__file__).parent / "golden"


def test_golden_report_matches_expected(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                        request: pytest.FixtureRequest) -> None:
    """The fixture project's index.html, findings.json and estimates.csv are byte-for-byte
    what is committed under tests/golden/expected/."""
    project = tmp_path / "project"
    shutil.copytree(HERE / "project", project)
    monkeypatch.chdir(project)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert main(["--out", str(tmp_path / "out")]) == 0
    expected = HERE / "expected"
    built = sorted(p.name for p in (tmp_path / "out").iterdir())
    if request.config.getoption("--update-golden"):
        shutil.rmtree(expected, ignore_errors=True)
        shutil.copytree(tmp_path / "out", expected)
    assert built == sorted(p.name for p in expected.iterdir())
    for name in built:
        got = (tmp_path / "out" / name).read_text(encoding="utf-8")
        want = (expected / name).read_text(encoding="utf-8")
        assert got == want, f"{name} differs from tests/golden/expected/{name}: run " \
            "pytest tests/test_golden.py --update-golden if the change is intended"
