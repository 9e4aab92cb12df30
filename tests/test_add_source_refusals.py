"""add-source refuses findings the build cannot load, in the build's words at the build's
places, while a file that loads is told by the cheap reading alone (no full load), and
unpinned sources of another size are never read to be compared."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from test_loads_cleanly import REFUSED

from briefing.commands import add_source, sources_list
from conftest import SAMPLE_FINDINGS, SAMPLE_TEXT, Run

Runner = Callable[..., Run]

AFTER_THE_SOURCES = [
    "duplicate key after the sources",
    "syntax error after the sources",
    "alias bomb",
    "deep brackets",
    "deep past the text check",
    "impossible date",
]


@pytest.mark.parametrize("case", AFTER_THE_SOURCES)
def test_it_refuses_what_the_build_refuses_with_the_build_s_errors(
    case: str, project: Callable[..., Path], run: Runner, tmp_path: Path
) -> None:
    findings = project(REFUSED[case])
    before = findings.read_bytes()
    article = tmp_path / "note.txt"
    article.write_text("Officials counted 40 ships.\n", encoding="utf-8")
    added = run("add-source", str(article), "--id", "note", "--findings", str(findings))
    built = run("--findings", str(findings), "--out", str(tmp_path / "report"))
    assert added.code == built.code == 1
    said = [line for line in added.lines if line.startswith(f"{findings}:")]
    assert said, added.stderr
    assert all(": error: " in line for line in said)
    assert set(said) <= set(built.lines)
    assert added.lines[-1].endswith(
        "cannot be read as findings (see above): fix it first; nothing was changed"
    )
    assert findings.read_bytes() == before
    assert not (findings.parent / "sources" / "note.txt").exists()


def test_findings_that_load_are_never_loaded_in_full(
    project: Callable[..., Path], run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full_load(*args: object) -> None:
        raise AssertionError("the full load ran on findings that load cleanly")

    monkeypatch.setattr(sources_list, "load_findings", full_load)
    findings = project()
    article = tmp_path / "note.txt"
    article.write_text("Officials counted 40 ships.\n", encoding="utf-8")
    result = run("add-source", str(article), "--id", "note", "--findings", str(findings))
    assert result.code == 0, result.stderr
    assert "  - id: note\n" in findings.read_text(encoding="utf-8")


def test_an_unpinned_source_of_another_size_is_not_read_to_compare_it(
    project: Callable[..., Path], run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert "sha256" not in SAMPLE_FINDINGS  # news.txt is listed unpinned
    read: list[Path] = []
    real = add_source.read_regular

    def recording(path: Path, *args: object, **kwargs: object) -> bytes:
        read.append(Path(path))
        return real(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(add_source, "read_regular", recording)
    findings = project()
    article = tmp_path / "note.txt"
    article.write_text(SAMPLE_TEXT + "One more line.\n", encoding="utf-8")
    result = run("add-source", str(article), "--id", "note", "--findings", str(findings))
    assert result.code == 0, result.stderr
    assert findings.parent / "sources" / "news.txt" not in read
