"""add-source never takes a hidden file as a source, however it is reached: named so, in a
hidden folder, or through a link to one; nor a stored name that the kept page would take."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import Run


@pytest.fixture
def started(tmp_path: Path, run: Callable[..., Run]) -> Path:
    assert run("init", str(tmp_path / "brief")).code == 0
    return tmp_path / "brief"


def _secret(tmp_path: Path) -> Path:
    downloads = tmp_path / "dl"
    (downloads / ".private").mkdir(parents=True)
    (downloads / ".env").write_text("TOKEN=abc\n", encoding="utf-8")
    (downloads / ".private" / "creds.txt").write_text("password\n", encoding="utf-8")
    return downloads


@pytest.mark.parametrize("how", ["named", "in a hidden folder", "linked", "linked up"])
def test_a_hidden_file_is_refused_however_reached(
    started: Path,
    tmp_path: Path,
    run: Callable[..., Run],
    how: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    downloads = _secret(tmp_path)
    given = {
        "named": downloads / ".env",
        "in a hidden folder": downloads / ".private" / "creds.txt",
    }.get(how)
    if how == "linked":
        given = downloads / "article.txt"
        given.symlink_to(downloads / ".env")
    elif how == "linked up":
        (downloads / "sub").mkdir()
        given = downloads / "sub" / "article.txt"
        given.symlink_to(Path("..") / ".private" / "creds.txt")
    assert given is not None
    before = (started / "findings.yaml").read_bytes()
    monkeypatch.chdir(started)
    result = run("add-source", str(given), "--id", "art", "--name", "art.txt")
    assert result.code == 1
    assert "starts with a dot" in result.stderr
    assert (started / "findings.yaml").read_bytes() == before
    assert not (started / "sources" / "art.txt").exists()


def test_an_ordinary_file_reached_through_a_link_is_still_taken(
    started: Path, tmp_path: Path, run: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "dl").mkdir()
    (tmp_path / "dl" / "real.txt").write_text("Officials counted 40 ships.\n", encoding="utf-8")
    os.symlink(tmp_path / "dl" / "real.txt", tmp_path / "dl" / "article.txt")
    monkeypatch.chdir(started)
    assert run("add-source", str(tmp_path / "dl" / "article.txt"), "--id", "art").code == 0


def test_a_stored_name_may_not_be_the_kept_pages(
    started: Path, tmp_path: Path, run: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><body><article><p>Officials counted 40 ships.</p></article></body></html>",
        encoding="utf-8",
    )
    monkeypatch.chdir(started)
    result = run("add-source", str(page), "--id", "art", "--name", "art.html")
    assert result.code == 2 and "would be the name of the page or PDF" in result.stderr
