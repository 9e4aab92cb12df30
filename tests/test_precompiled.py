"""The compiled templates shipped in the package are what the templates compile to, and a
build uses them only while they are current."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import jinja2
import pytest

from briefing.build import build
from briefing.page import precompiled, render
from conftest import ROOT


@pytest.fixture(autouse=True)
def fresh_environment() -> Iterator[None]:
    render.environment.cache_clear()
    yield
    render.environment.cache_clear()


def test_the_shipped_compiled_templates_are_current(tmp_path: Path) -> None:
    settings = render.settings_fingerprint()
    made = tmp_path / "compiled"
    precompiled.write(render.compiling_environment(), render.TEMPLATES, made, settings)
    shipped = {path.name: path.read_bytes() for path in render.COMPILED.iterdir() if path.is_file()}
    fresh = {path.name: path.read_bytes() for path in made.iterdir()}
    assert shipped == fresh, f"run: {precompiled.REFRESH}"


def test_a_build_loads_the_shipped_templates_instead_of_compiling_them() -> None:
    assert isinstance(render.environment().loader, jinja2.ModuleLoader)


def copies(tmp_path: Path) -> tuple[Path, Path]:
    templates, compiled = tmp_path / "templates", tmp_path / "compiled"
    shutil.copytree(render.TEMPLATES, templates)
    shutil.copytree(render.COMPILED, compiled, ignore=shutil.ignore_patterns("__pycache__"))
    return templates, compiled


def test_an_edited_template_makes_the_shipped_ones_stale(tmp_path: Path) -> None:
    templates, compiled = copies(tmp_path)
    settings = render.settings_fingerprint()
    assert precompiled.current(templates, compiled, settings)
    page = templates / "page.html"
    page.write_text(page.read_text(encoding="utf-8") + "<!-- edited -->\n", encoding="utf-8")
    assert not precompiled.current(templates, compiled, settings)


@pytest.mark.parametrize("change", ["jinja", "settings", "a template added", "no manifest"])
def test_another_jinja_other_settings_or_templates_make_them_stale(
    tmp_path: Path, change: str
) -> None:
    templates, compiled = copies(tmp_path)
    settings = render.settings_fingerprint()
    manifest = compiled / precompiled.MANIFEST
    kept = json.loads(manifest.read_text(encoding="utf-8"))
    if change == "jinja":
        manifest.write_text(json.dumps({**kept, "jinja": "0.0"}), encoding="utf-8")
    elif change == "settings":
        settings = settings.replace("('trim_blocks', True)", "('trim_blocks', False)")
    elif change == "a template added":
        (templates / "new.html").write_text("<p>new</p>\n", encoding="utf-8")
    else:
        manifest.unlink()
    assert not precompiled.current(templates, compiled, settings)


def test_stale_compiled_templates_are_not_used_and_the_page_is_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shipped, _ = build(ROOT / "findings.yaml", "findings.yaml")
    monkeypatch.setattr(render, "COMPILED", tmp_path / "none")
    render.environment.cache_clear()
    assert isinstance(render.environment().loader, jinja2.FileSystemLoader)
    compiled_here, _ = build(ROOT / "findings.yaml", "findings.yaml")
    assert compiled_here["index.html"] == shipped["index.html"]


def test_the_refresh_command_says_when_they_are_stale(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert precompiled.main([]) == 0
    monkeypatch.setattr(render, "COMPILED", tmp_path / "compiled")
    assert precompiled.main([]) == 1
    assert precompiled.REFRESH in capsys.readouterr().err
    assert precompiled.main(["--write"]) == 0 and precompiled.main([]) == 0
