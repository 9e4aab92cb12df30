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


def test_golden_report_matches_expected(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> None:
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
        assert got == want, (
            f"{name} differs from tests/golden/expected/{name}: run "
            "pytest tests/test_golden.py --update-golden if the change is intended"
        )


def test_the_golden_project_builds_strictly(tmp_path: Path) -> None:
    """The second project is clean under --strict: every lint warning fixed or
    acknowledged, as an analyst would leave it."""
    assert (
        main(
            [
                "--findings",
                str(HERE / "project" / "findings.yaml"),
                "--out",
                str(tmp_path / "out"),
                "--strict",
            ]
        )
        == 0
    )


# Keys the golden project leaves out, and why.
NOT_IN_GOLDEN = {
    ("claims[]", "revised"): "a reason for a moved judgment needs a previous edition",
    ("sources[]", "sha256"): "pins are exercised by the project's own findings",
    ("origins[]", "url"): "optional detail",
    ("origins[]", "note"): "optional detail",
}


def test_the_golden_project_uses_every_key_of_the_model() -> None:
    import yaml

    from briefing.findings import model, typed

    data = yaml.safe_load((HERE / "project" / "findings.yaml").read_text(encoding="utf-8"))
    sections = {
        "briefing": (model.Briefing, [data["briefing"]]),
        "sources[]": (model.Source, data["sources"]),
        "claims[]": (model.Claim, data["claims"]),
        "origins[]": (model.Origin, data.get("origins", [])),
        "references[]": (model.Reference, data.get("references", [])),
        "quantities[]": (model.Quantity, data.get("quantities", [])),
        "places[]": (model.Place, data.get("places", [])),
        "claims[].evidence[]": (
            model.Evidence,
            [e for c in data["claims"] for e in c.get("evidence", [])],
        ),
        "claims[].estimate": (
            model.Estimate,
            [c["estimate"] for c in data["claims"] if "estimate" in c],
        ),
        "acknowledge[]": (
            model.Acknowledgment,
            [a for x in data["claims"] + data["sources"] for a in x.get("acknowledge", [])],
        ),
    }
    missing = [
        (name, f.name)
        for name, (cls, items) in sections.items()
        for f in typed.fields(cls)
        if not any(f.name in item for item in items) and (name, f.name) not in NOT_IN_GOLDEN
    ]
    assert missing == []
