"""Keep the docs honest: the README shows the two commands and leads into docs/, the
generated parts of docs/ match the code, and every option is documented."""

from __future__ import annotations

import re

import pytest

from briefing.commands.build import parser
from briefing.findings import docs
from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
DOCS = ROOT / "docs"


@pytest.mark.parametrize("part", docs.PARTS, ids=lambda part: part.page)
def test_generated_docs_are_current(part: docs.Part) -> None:
    text = (ROOT / part.page).read_text(encoding="utf-8")
    assert docs.updated(text, part) == text, f"run: {docs.REFRESH}"


def test_the_key_reference_names_every_key_of_the_model() -> None:
    from briefing.findings import typed

    reference = (DOCS / "findings-format.md").read_text(encoding="utf-8")
    for _, cls in docs._SECTIONS:
        for field in typed.fields(cls):
            assert f"| `{field.name}` |" in reference


def test_every_lint_code_is_documented() -> None:
    from briefing.findings.lint import CODES

    lint = (DOCS / "lint.md").read_text(encoding="utf-8")
    assert all(f"| `{code}` |" in lint for code in CODES)


def test_a_page_without_its_markers_is_an_error_not_a_silent_skip() -> None:
    with pytest.raises(ValueError, match="lacks the markers"):
        docs.updated("# A page\n", docs.PARTS[0])


def test_every_command_line_option_is_documented() -> None:
    usage = (DOCS / "usage.md").read_text(encoding="utf-8")
    options = {
        opt
        for action in parser()._actions
        for opt in action.option_strings
        if opt.startswith("--") and opt != "--help"
    }
    missing = {opt for opt in options if f"`{opt}" not in usage}
    assert not missing


def test_readme_has_exactly_two_setup_commands() -> None:
    commands = re.findall(r"^    (python3 -m venv .*)$", README, flags=re.M)
    assert len(commands) == 2
    assert "build_report.py" in commands[0] and "pytest" in commands[1]


def test_readme_is_short_and_links_every_page_of_the_docs() -> None:
    assert len(README.encode("utf-8")) < 10_000
    pages = {path.name for path in DOCS.glob("*.md")}
    assert pages >= {
        "usage.md",
        "findings-format.md",
        "lint.md",
        "security.md",
        "performance.md",
        "architecture.md",
        "development.md",
    }
    assert {page for page in pages if f"(docs/{page})" not in README} == set()


def test_links_between_the_docs_lead_to_pages_that_exist() -> None:
    for page in [ROOT / "README.md", *DOCS.glob("*.md")]:
        for target in re.findall(r"\]\(([^)#:]+\.md)(?:#[^)]*)?\)", page.read_text("utf-8")):
            assert (page.parent / target).is_file(), f"{page.name} links {target}"


def test_changelog_follows_keep_a_changelog() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert changelog.startswith("# Changelog")
    assert "## [Unreleased]" in changelog
    for release in re.split(r"^## ", changelog, flags=re.M)[1:]:
        headings = re.findall(r"^### (.+)$", release, flags=re.M)
        assert len(headings) == len(set(headings)), f"a heading twice in {release[:20]!r}"
        assert set(headings) <= {"Added", "Changed", "Deprecated", "Removed", "Fixed", "Security"}
