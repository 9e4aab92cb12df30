"""The briefing is valid HTML by the Nu Html Checker (vnu.jar, from the npm package vnu-jar
that package.json pins; `npm ci --ignore-scripts` installs it), run with the machine's Java."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from .conftest import ROOT, Case, unavailable

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@pytest.mark.parametrize("case", ["report", "golden", "edition"], indirect=True)
def test_html_passes_the_nu_html_checker(case: Case) -> None:
    """No error from the checker, in the markup, the inline SVG or the stylesheet."""
    java = shutil.which("java")
    if java is None:
        unavailable("java is missing: apt-get install default-jre-headless")
    if not VNU.exists():
        unavailable(f"{VNU.relative_to(ROOT)} is missing: run npm ci --ignore-scripts")
    result = subprocess.run(
        [
            java,
            "-jar",
            str(VNU),
            "--errors-only",
            "--format",
            "text",
            str(case.folder / "index.html"),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
