"""Keep the docs honest: README shows two commands, every option and every key."""

from __future__ import annotations

import re

from briefing.cli import parser
from briefing.findings import docs
from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_key_reference_is_generated_from_the_model() -> None:
    assert docs.updated(README) == README, "run: python -m briefing.findings.docs --write"


def test_every_command_line_option_is_documented() -> None:
    options = {opt for action in parser()._actions for opt in action.option_strings
               if opt.startswith("--") and opt != "--help"}
    missing = {opt for opt in options if f"`{opt}" not in README}
    assert not missing


def test_readme_has_exactly_two_setup_commands() -> None:
    commands = re.findall(r"^    (python3 -m venv .*)$", README, flags=re.M)
    assert len(commands) == 2
    assert "build_report.py" in commands[0] and "pytest" in commands[1]


def test_changelog_follows_keep_a_changelog() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert changelog.startswith("# Changelog")
    assert "## [Unreleased]" in changelog
