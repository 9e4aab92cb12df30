"""Work kept between runs in the user's cache: parsed Markdown spares a fresh build the
parser, and never changes what a build makes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from briefing import cache
from briefing.page import render
from conftest import ROOT, SAMPLE_FINDINGS, Run

Project = Callable[..., Path]
Runner = Callable[..., Run]


@pytest.fixture
def user_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "user-cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    return folder


def kept_files(user_cache: Path) -> list[Path]:
    return sorted((user_cache / "sourced-briefing" / "markdown").glob("*.json"))


def fresh_build(findings: Path, user_cache: Path) -> tuple[int, bool]:
    """Build in a new process, as a user does: its exit code, and whether it imported the
    Markdown parser."""
    script = ("import sys\nfrom briefing.cli import main\n"
              f"code = main(['--findings', {str(findings)!r}])\n"
              "print(code, 'markdown_it' in sys.modules)\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          cwd=ROOT, env={**os.environ, "XDG_CACHE_HOME": str(user_cache)},
                          check=True)
    code, imported = done.stdout.split()
    return int(code), imported == "True"


def test_a_fresh_build_of_unchanged_texts_does_not_import_the_parser(
        project: Project, user_cache: Path) -> None:
    findings = project()
    assert fresh_build(findings, user_cache) == (0, True)  # parses, and keeps the parses
    page = (findings.parent / "report" / "index.html").read_bytes()
    assert fresh_build(findings, user_cache) == (0, False)
    assert (findings.parent / "report" / "index.html").read_bytes() == page
    # An edited text is parsed afresh: never an old parse for new words.
    findings.write_text(SAMPLE_FINDINGS.replace("Turnout was **high**.",
                                                "Turnout was **low**."), encoding="utf-8")
    assert fresh_build(findings, user_cache) == (0, True)
    page = (findings.parent / "report" / "index.html").read_text(encoding="utf-8")
    assert "<strong>low</strong>" in page and "<strong>high</strong>" not in page


def test_a_build_makes_the_same_bytes_with_and_without_kept_parses(
        project: Project, run: Runner, user_cache: Path) -> None:
    findings = project()
    report = findings.parent / "report"
    assert run("--findings", str(findings)).code == 0
    first = {p.name: p.read_bytes() for p in report.iterdir()}
    assert kept_files(user_cache)
    assert fresh_build(findings, user_cache) == (0, False)
    assert {p.name: p.read_bytes() for p in report.iterdir()} == first


@pytest.mark.parametrize("content", [
    b"{not json", b"[]", b'{"versions": "another parser", "blocks": {}, "inlines": {}}',
    b"\xff\xfe", b'{"versions": null}'])
def test_a_kept_file_that_makes_no_sense_is_ignored(
        project: Project, user_cache: Path, content: bytes) -> None:
    findings = project()
    assert fresh_build(findings, user_cache)[0] == 0
    page = (findings.parent / "report" / "index.html").read_bytes()
    [kept] = kept_files(user_cache)
    kept.write_bytes(content)
    assert fresh_build(findings, user_cache) == (0, True)  # parsed again
    assert (findings.parent / "report" / "index.html").read_bytes() == page


def test_a_kept_entry_of_the_wrong_shape_discards_the_whole_file(
        project: Project, user_cache: Path) -> None:
    findings = project()
    assert fresh_build(findings, user_cache)[0] == 0
    [kept] = kept_files(user_cache)
    data = json.loads(kept.read_text(encoding="utf-8"))
    text = next(iter(data["blocks"]))
    data["blocks"]["Another text."] = ["<p>forged</p>", [["x", "not a line"]], None]
    data["blocks"][text][0] = "<p>forged</p>"
    kept.write_text(json.dumps(data), encoding="utf-8")
    assert fresh_build(findings, user_cache) == (0, True)
    assert b"forged" not in (findings.parent / "report" / "index.html").read_bytes()


def test_only_the_texts_of_the_last_build_are_kept_and_a_failed_build_forgets_none(
        project: Project, run: Runner, user_cache: Path) -> None:
    findings = project()
    assert run("--findings", str(findings)).code == 0

    def kept_texts() -> set[str]:
        [kept] = kept_files(user_cache)
        return set(json.loads(kept.read_text(encoding="utf-8"))["blocks"])

    assert "Turnout was **high**." in kept_texts()
    broken = SAMPLE_FINDINGS.replace("Turnout was **high**.", "Turnout was **low**.") \
        .replace("quote: about 1,200 volunteers joined", "quote: about 9,999 volunteers joined")
    findings.write_text(broken, encoding="utf-8")
    assert run("--findings", str(findings)).code == 1  # stops before the page is made
    assert "Turnout was **high**." in kept_texts()
    findings.write_text(SAMPLE_FINDINGS.replace("Turnout was **high**.", "Turnout was high."),
                        encoding="utf-8")
    assert run("--findings", str(findings)).code == 0
    assert not {"Turnout was **high**.", "Turnout was **low**."} & kept_texts()


def test_a_cache_folder_others_can_write_to_is_not_used(
        project: Project, run: Runner, user_cache: Path) -> None:
    (user_cache / "sourced-briefing").mkdir(parents=True)
    os.chmod(user_cache / "sourced-briefing", 0o777)
    assert cache.folder("markdown") is None
    findings = project()
    render.environment.cache_clear()  # compiled templates are code: the same rule holds
    try:
        assert run("--findings", str(findings)).code == 0
    finally:
        render.environment.cache_clear()
    assert not [p for p in (user_cache / "sourced-briefing").rglob("*") if p.is_file()]
    os.chmod(user_cache / "sourced-briefing", 0o755)
    assert cache.folder("markdown") == str(user_cache / "sourced-briefing" / "markdown")


def test_a_build_works_where_nothing_can_be_kept(
        project: Project, run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    findings = project()
    assert run("--findings", str(findings)).code == 0
    assert "<strong>high</strong>" in (findings.parent / "report" / "index.html").read_text(
        encoding="utf-8")


def test_a_kept_file_nested_too_deeply_to_read_is_ignored(
        project: Project, user_cache: Path) -> None:
    findings = project()
    assert fresh_build(findings, user_cache)[0] == 0
    [kept] = kept_files(user_cache)
    kept.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    assert fresh_build(findings, user_cache) == (0, True)
