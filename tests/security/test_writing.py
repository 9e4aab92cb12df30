"""A build replaces only a report it wrote, removes only what it made, and swaps the new
report in so that report/ is at every instant the whole old or the whole new one."""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from briefing.cli import main
from briefing.output import write
from conftest import SAMPLE_FINDINGS, Run

Project = Callable[..., Path]
Runner = Callable[..., Run]


def test_a_build_leaves_folders_it_did_not_make_alone(project: Project, run: Runner) -> None:
    findings = project()
    decoys = [
        ".report-2024-old-backup",
        ".report-new-abc123",
        ".report-old-xyz789",
        ".report.build-report-staging-mine",
        "report-old",
        ".report-en-new-1",
    ]
    for name in decoys:
        (findings.parent / name).mkdir()
        (findings.parent / name / "thesis.txt").write_text("years of work")
    assert run("--findings", str(findings)).code == 0
    assert run("--findings", str(findings)).code == 0
    for name in decoys:
        assert (findings.parent / name / "thesis.txt").read_text() == "years of work", name
    assert sorted(os.listdir(findings.parent)) == sorted(
        ["findings.yaml", "report", "sources", *decoys]
    )


def test_a_staging_folder_left_by_a_killed_build_is_cleared(project: Project, run: Runner) -> None:
    findings = project()
    assert run("--findings", str(findings)).code == 0
    left = write.staging_folder(findings.parent / "report")
    left.mkdir()
    (left / "made-by-build-report").write_bytes(b"")
    (left / "report").mkdir()
    assert run("--findings", str(findings)).code == 0
    assert not left.exists()


def test_a_glob_in_out_is_a_plain_name(project: Project, run: Runner) -> None:
    findings = project()
    (findings.parent / "dir").mkdir()
    keep = findings.parent / "dir" / ".x-old-1"
    keep.mkdir()
    assert run("--findings", str(findings), "--out", str(findings.parent / "dir" / "*")).code == 0
    assert keep.is_dir()
    assert (findings.parent / "dir" / "*" / "index.html").is_file()


def test_two_outputs_side_by_side_leave_each_other_alone(project: Project, run: Runner) -> None:
    findings = project()
    for out in ("report", "report-en", "report", "report-en"):
        assert run("--findings", str(findings), "--out", str(findings.parent / out)).code == 0
    assert sorted(os.listdir(findings.parent)) == [
        "findings.yaml",
        "report",
        "report-en",
        "sources",
    ]


def test_a_reader_never_sees_the_report_missing_or_half_written(project: Project) -> None:
    findings = project()
    out = findings.parent / "report"
    assert main(["--findings", str(findings)]) == 0
    whole = sorted(os.listdir(out))
    seen_wrong: list[str] = []
    done = threading.Event()

    def poll() -> None:
        # Each file looked up by its path afresh, as a browser or a script would.
        while not done.is_set():
            if not out.is_dir():
                seen_wrong.append("report/ missing")
            missing = [name for name in whole if not (out / name).is_file()]
            if missing:
                seen_wrong.append(f"without {missing}")

    poller = threading.Thread(target=poll)
    poller.start()
    try:
        for i in range(30):
            findings.write_text(SAMPLE_FINDINGS.replace("Turnout was", f"Run {i}, turnout was"))
            assert main(["--findings", str(findings)]) == 0
    finally:
        done.set()
        poller.join()
    assert seen_wrong == []


def test_without_an_atomic_exchange_the_old_report_is_put_back_on_failure(
    project: Project, run: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    findings = project()
    assert run("--findings", str(findings)).code == 0
    before = (findings.parent / "report" / "index.html").read_bytes()
    monkeypatch.setattr(write.ctypes, "CDLL", lambda *a, **k: object())  # no renameat2
    real_rename = os.rename
    calls: list[str] = []

    def rename(a: os.PathLike[str] | str, b: os.PathLike[str] | str) -> None:
        calls.append(str(b))
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        real_rename(a, b)

    monkeypatch.setattr(write.os, "rename", rename)
    findings.write_text(SAMPLE_FINDINGS.replace("Turnout was", "Changed, turnout was"))
    result = run("--findings", str(findings))
    assert result.code == 1
    assert (findings.parent / "report" / "index.html").read_bytes() == before
    assert sorted(os.listdir(findings.parent)) == ["findings.yaml", "report", "sources"]


def _build(findings: str, results: multiprocessing.Queue[int]) -> None:
    results.put(main(["--findings", findings]))


def test_concurrent_builds_take_turns_and_leave_nothing_behind(project: Project) -> None:
    findings = project()
    context = multiprocessing.get_context("fork")
    results: multiprocessing.Queue[int] = context.Queue()
    builds = [context.Process(target=_build, args=(str(findings), results)) for _ in range(5)]
    for process in builds:
        process.start()
    for process in builds:
        process.join(60)
    assert sorted(results.get(timeout=5) for _ in builds) == [0] * 5
    assert sorted(os.listdir(findings.parent)) == ["findings.yaml", "report", "sources"]
    assert sorted(os.listdir(findings.parent / "report")) == sorted(write.REPORT_FILES)


@pytest.mark.parametrize("make", ["hand-written index", "index folder", "other files"])
def test_a_folder_that_is_not_a_report_is_never_replaced(
    project: Project, run: Runner, tmp_path: Path, make: str
) -> None:
    findings = project()
    out = tmp_path / "site"
    out.mkdir()
    if make == "hand-written index":
        (out / "index.html").write_text("<!DOCTYPE html><title>My site</title>")
    elif make == "index folder":
        (out / "index.html").mkdir()
        (out / "index.html" / "notes.txt").write_text("mine")
    else:
        (out / "thesis.txt").write_text("mine")
    before = sorted(p.name for p in out.rglob("*"))
    result = run("--findings", str(findings), "--out", str(out))
    assert result.code == 2
    assert "refusing to replace it" in result.stderr
    assert sorted(p.name for p in out.rglob("*")) == before


def test_the_project_folder_itself_cannot_be_the_output(project: Project, run: Runner) -> None:
    findings = project()
    result = run("--findings", str(findings), "--out", str(findings.parent))
    assert result.code == 2
    assert f"holds {findings}, an input of this build" in result.stderr
    assert findings.is_file()


def test_a_stray_file_manager_file_in_the_report_is_no_obstacle(
    project: Project, run: Runner
) -> None:
    findings = project()
    assert run("--findings", str(findings)).code == 0
    (findings.parent / "report" / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    assert run("--findings", str(findings)).code == 0
    assert run("--findings", str(findings), "--check").code == 0
    assert (findings.parent / "report" / ".DS_Store").read_bytes() == b"\x00\x00\x00\x01Bud1"


def test_a_page_without_the_generator_tag_is_not_taken_for_a_report(
    project: Project, run: Runner
) -> None:
    """The page's own say-so is the one sign of a report: a page that merely looks like
    one (the same policy and layout, copied by hand) is refused like any other."""
    findings = project()
    assert run("--findings", str(findings)).code == 0
    index = findings.parent / "report" / "index.html"
    index.write_text(index.read_text().replace(write.GENERATOR + "\n", ""))
    before = index.read_bytes()
    result = run("--findings", str(findings))
    assert result.code == 2
    assert "holds no index.html written by build-report" in result.stderr
    assert index.read_bytes() == before


@pytest.mark.parametrize("name", ["findings.yaml", "sources", "notes.pdf"])
def test_printing_never_replaces_a_file_that_is_not_a_pdf(
    project: Project, run: Runner, name: str
) -> None:
    findings = project()
    target = findings.parent / name
    if name == "notes.pdf":
        target.write_text("my notes, not a PDF")
    before = sorted(p.name for p in target.iterdir()) if target.is_dir() else target.read_bytes()
    result = run("pdf", "--findings", str(findings), "--out", str(target))
    assert result.code == 1, result.stderr
    assert "exists and is not a PDF: refusing to replace it" in result.stderr
    after = sorted(p.name for p in target.iterdir()) if target.is_dir() else target.read_bytes()
    assert after == before
