"""--watch in a hostile project folder, or out of resources: links are never followed into
the rest of the machine, the watches stay few, a watcher that fails tries again, and one
that cannot start says so and ends the command instead of claiming to watch."""

from __future__ import annotations

import errno
import glob
import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import watchfiles
from test_watch import Watching, wait_for

from briefing.cli import main
from briefing.commands import watch as watch_module
from conftest import SAMPLE_FINDINGS

Project = Callable[..., Path]
linux_only = pytest.mark.skipif(
    not os.path.isdir("/proc/self/fdinfo"), reason="counts inotify watches in /proc"
)


def inotify_watches() -> int:
    """How many inotify watches this process holds."""
    count = 0
    for info in glob.glob("/proc/self/fdinfo/*"):
        try:
            with open(info) as f:
                count += f.read().count("inotify wd:")
        except OSError:
            pass  # a descriptor closed while we looked
    return count


def edit(findings: Path, words: str) -> None:
    findings.write_text(SAMPLE_FINDINGS.replace("Turnout was **high**.", words))


@linux_only
@pytest.mark.parametrize("name, target", [("root", "/"), ("usr", "/usr")])
def test_a_link_out_of_the_project_is_not_followed(
    project: Project, monkeypatch: pytest.MonkeyPatch, name: str, target: str
) -> None:
    findings = project()
    (findings.parent / "sources" / name).symlink_to(target)
    before = inotify_watches()
    running = Watching(findings, monkeypatch)
    try:
        # The findings' folder, sources/, and the package's templates and styles.
        assert inotify_watches() - before <= 4
        edit(findings, "Still watched.")
        assert wait_for(lambda: "Still watched." in running.written()), "the save was missed"
    finally:
        running.close()
    assert running.code == 0


@linux_only
def test_the_watches_are_bounded_by_the_folders_of_the_files_read(
    project: Project, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(watch_module, "MOST_FOLDERS", 2)
    findings = project()
    before = inotify_watches()
    running = Watching(findings, monkeypatch)
    try:
        assert inotify_watches() - before <= 2
        edit(findings, "Findings still watched.")
        assert wait_for(lambda: "Findings still watched." in running.written())
    finally:
        running.close()
    assert "only changes in the first 2 are seen" in capsys.readouterr().err


def test_a_source_link_that_loops_leaves_the_other_files_watched(project: Project) -> None:
    findings = project(
        SAMPLE_FINDINGS.replace(
            "sources:\n",
            "sources:\n  - id: loop\n    file: sources/loop\n    title: L\n    reliability: F\n",
            1,
        )
    )
    (findings.parent / "sources" / "loop").symlink_to("loop")
    watched = watch_module.watched_files(findings)
    assert findings.parent / "sources" / "news.txt" in watched
    assert findings.parent / "sources" / "loop" not in watched


def test_a_source_reached_through_a_link_inside_the_project_is_watched(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    findings = project(
        SAMPLE_FINDINGS.replace("file: sources/news.txt", "file: sources/linked.txt")
    )
    real = findings.parent / "texts" / "news.txt"
    real.parent.mkdir()
    (findings.parent / "sources" / "news.txt").rename(real)
    (findings.parent / "sources" / "linked.txt").symlink_to("../texts/news.txt")
    running = Watching(findings, monkeypatch)
    try:
        assert running.results == [0]
        real.write_text("Nothing of what was quoted is left.\n")
        assert wait_for(lambda: running.results[-1:] == [1]), "the edit was not seen"
    finally:
        running.close()


class _Stoppable:
    """``build-report --watch`` in a thread that a test can always stop."""

    def __init__(self, findings: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.stop = threading.Event()
        self.ready = threading.Event()
        real = watch_module.watch

        def watch(*args: Any, **kwargs: Any) -> int:
            return real(*args, stop=self.stop, on_ready=lambda _url: self.ready.set(), **kwargs)

        monkeypatch.setattr(watch_module, "watch", watch)
        self.code: int | None = None
        argv = ["--findings", str(findings), "--watch", "--port", "0"]
        self.thread = threading.Thread(target=self._run, args=(argv,), daemon=True)
        self.thread.start()

    def _run(self, argv: list[str]) -> None:
        self.code = main(argv)

    def finish(self, seconds: float) -> bool:
        self.thread.join(seconds)
        self.stop.set()
        self.thread.join(10)
        return self.code is not None


def test_a_watcher_that_cannot_start_ends_the_command(
    project: Project, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def cannot(*_args: object, **_kwargs: object) -> Iterator[set[Any]]:
        raise OSError(errno.EMFILE, "Too many open files")
        yield set()  # a generator, as watchfiles' is

    monkeypatch.setattr(watchfiles, "watch", cannot)
    findings = project()
    running = _Stoppable(findings, monkeypatch)
    assert running.finish(15), "the command went on without a watcher"
    assert running.code == 1
    assert not running.ready.is_set()
    err = capsys.readouterr().err
    assert (
        f"build-report: error: cannot watch {findings} and its sources (Too many open files)" in err
    )
    assert "watching" not in err and "serving" not in err


def test_a_watcher_that_fails_later_tries_again_and_rebuilds(
    project: Project, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    real = watchfiles.watch
    sessions = []

    def fails_after_one_change(*args: Any, **kwargs: Any) -> Iterator[set[Any]]:
        sessions.append(1)
        first = len(sessions) == 1
        for changes in real(*args, **kwargs):
            yield changes
            if changes and first:
                raise OSError(errno.EMFILE, "Too many open files")

    monkeypatch.setattr(watchfiles, "watch", fails_after_one_change)
    running = Watching(project(), monkeypatch)
    try:
        edit(running.findings, "First save.")
        assert wait_for(lambda: "First save." in running.written())
        assert wait_for(lambda: len(sessions) == 2), "the watcher did not try again"
        edit(running.findings, "Second save.")
        assert wait_for(lambda: "Second save." in running.written()), "the save was missed"
    finally:
        running.close()
    assert running.code == 0
    err = capsys.readouterr().err
    assert "build-report: warning: watching stopped (Too many open files); trying again" in err
    assert "build-report: watching again" in err


def test_a_rebuild_that_runs_out_of_descriptors_is_not_the_last(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing.commands import build

    real = build.build_and_write
    calls = []

    def out_of_descriptors_once(*args: Any, **kwargs: Any) -> int:
        calls.append(1)
        if len(calls) == 2:
            raise OSError(errno.EMFILE, "Too many open files")
        return real(*args, **kwargs)

    monkeypatch.setattr(build, "build_and_write", out_of_descriptors_once)
    running = Watching(project(), monkeypatch)
    try:
        edit(running.findings, "Lost save.")
        assert wait_for(lambda: "Too many open files" in running.page()), (
            "the failure was not laid over the page"
        )
        edit(running.findings, "Later save.")
        assert wait_for(lambda: "Later save." in running.written()), "the save was missed"
    finally:
        running.close()
    assert running.code == 0
