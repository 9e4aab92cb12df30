"""A build keeps no state between runs: it writes the report and nothing else, nowhere
else (no cache in the user's home, no temporary files left behind)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import ROOT

Project = Callable[..., Path]

# Every place a program keeps per-user state, by the XDG base-directory spec and by habit.
USER_FOLDERS = (
    "HOME",
    "XDG_CACHE_HOME",
    "XDG_CONFIG_HOME",
    "XDG_DATA_HOME",
    "XDG_STATE_HOME",
    "TMPDIR",
)


def files_under(folder: Path) -> set[str]:
    return {str(path.relative_to(folder)) for path in folder.rglob("*")}


@pytest.mark.parametrize("check", [False, True], ids=["build", "check"])
def test_a_build_writes_nothing_outside_the_project_and_its_report(
    project: Project, tmp_path_factory: pytest.TempPathFactory, check: bool
) -> None:
    findings = project()
    if check:  # a check of a report that is up to date
        assert (
            subprocess.run(
                [sys.executable, str(ROOT / "build_report.py"), "--findings", str(findings)],
                capture_output=True,
            ).returncode
            == 0
        )
    folders = {name: tmp_path_factory.mktemp(name.lower()) for name in USER_FOLDERS}
    before = files_under(findings.parent)
    # A fresh process, as a user runs it: whatever a cold start might keep, it would keep.
    built = subprocess.run(
        [
            sys.executable,
            str(ROOT / "build_report.py"),
            "--findings",
            str(findings),
            *(["--check"] if check else []),
        ],
        capture_output=True,
        text=True,
        env={**os.environ, **{name: str(folder) for name, folder in folders.items()}},
    )
    assert built.returncode == 0, built.stderr
    assert {name: files_under(folder) for name, folder in folders.items()} == {
        name: set() for name in USER_FOLDERS
    }
    made = files_under(findings.parent) - before
    if check:
        assert made == set()
    else:
        assert "report/index.html" in made
        assert {path.split("/")[0] for path in made} == {"report"}
