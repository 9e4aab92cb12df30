"""Compiled templates are kept between runs, and a build works where they cannot be kept."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from briefing.page import render
from conftest import Run


@pytest.fixture(autouse=True)
def fresh_environment() -> Iterator[None]:
    render.environment.cache_clear()
    yield
    render.environment.cache_clear()


def test_compiled_templates_are_kept_in_the_user_cache_and_reused(
        project: Callable[..., Path], run: Callable[..., Run], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    findings = project()
    assert run("--findings", str(findings)).code == 0
    kept = sorted((tmp_path / "cache" / "sourced-briefing").rglob("*.cache"))
    assert kept, "no compiled template was kept"
    stamps = [p.stat().st_mtime_ns for p in kept]
    page = (findings.parent / "report" / "index.html").read_bytes()
    render.environment.cache_clear()
    assert run("--findings", str(findings)).code == 0
    assert [p.stat().st_mtime_ns for p in kept] == stamps  # read back, not written again
    assert (findings.parent / "report" / "index.html").read_bytes() == page


def test_a_build_works_when_no_cache_folder_can_be_made(
        project: Callable[..., Path], run: Callable[..., Run], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would go")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    findings = project()
    assert run("--findings", str(findings)).code == 0
    assert (findings.parent / "report" / "index.html").is_file()
