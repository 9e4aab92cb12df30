"""--watch: the briefing is served on 127.0.0.1, rebuilt on every change, and pages that
are open reload; the file written stays free of scripts."""

from __future__ import annotations

import http.client
import re
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.request import urlopen

import pytest

from briefing.cli import main
from briefing.commands import watch as watch_module
from conftest import SAMPLE_FINDINGS, Run
from page_parts import element

Project = Callable[..., Path]


class Watching:
    """A ``--watch`` run in a thread, stopped at the end of the test."""

    def __init__(self, findings: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.findings = findings
        self.stop = threading.Event()
        ready = threading.Event()
        self.url = ""
        real_watch = watch_module.watch

        self.results: list[int] = []  # exit status of every build, in order

        def watch(
            findings: Path, rebuild: Callable[[], int], *args: object, **kwargs: object
        ) -> int:
            def on_ready(url: str) -> None:
                self.url = url
                ready.set()

            def recorded() -> tuple[int, list[str]]:
                outcome = rebuild()  # type: ignore[misc]
                self.results.append(outcome[0])
                return outcome  # type: ignore[no-any-return]

            return real_watch(
                findings,
                recorded,
                *args,
                stop=self.stop,  # type: ignore[arg-type]
                on_ready=on_ready,
                **kwargs,
            )

        monkeypatch.setattr(watch_module, "watch", watch)
        self.code: int | None = None
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()
        assert ready.wait(10), "the server did not start"

    def _run(self) -> None:
        self.code = main(["--findings", str(self.findings), "--watch", "--port", "0"])

    def page(self) -> str:
        with urlopen(self.url, timeout=5) as response:
            return str(response.read().decode("utf-8"))

    def written(self) -> str:
        return (self.findings.parent / "report" / "index.html").read_text(encoding="utf-8")

    def close(self) -> None:
        self.stop.set()
        self.thread.join(10)


@pytest.fixture
def watching(project: Project, monkeypatch: pytest.MonkeyPatch) -> Iterator[Watching]:
    running = Watching(project(), monkeypatch)
    yield running
    running.close()
    assert running.code == 0


def wait_for(condition: Callable[[], bool], seconds: float = 30) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def test_the_served_page_reloads_but_the_written_one_has_no_script(watching: Watching) -> None:
    served, written = watching.page(), watching.written()
    assert "<script>" in served and "EventSource" in served
    assert "script-src &#39;sha256-" in served and "connect-src &#39;self&#39;" in served
    assert "<script" not in written
    assert served.replace("<script>", "").count("Clean-up turnout") == written.count(
        "Clean-up turnout"
    )


def test_a_change_to_the_findings_rebuilds_and_tells_open_pages(watching: Watching) -> None:
    host, port = watching.url.removeprefix("http://").rstrip("/").split(":")
    stream = http.client.HTTPConnection(host, int(port), timeout=10)
    stream.request("GET", "/__reload")
    response = stream.getresponse()
    assert response.getheader("Content-Type") == "text/event-stream"
    watching.findings.write_text(
        SAMPLE_FINDINGS.replace("Turnout was **high**.", "Turnout was *modest*.")
    )
    assert wait_for(lambda: "Turnout was <em>modest</em>." in watching.written())
    assert response.readline() == b"data: reload\n"
    assert "Turnout was <em>modest</em>." in watching.page()
    stream.close()


def test_a_broken_edit_keeps_the_last_good_briefing_until_it_is_fixed(watching: Watching) -> None:
    before = watching.written()
    assert watching.results == [0]
    watching.findings.write_text(SAMPLE_FINDINGS.replace("reliability: C", "reliability: Z"))
    assert wait_for(lambda: watching.results[-1:] == [1]), "the broken edit was not rebuilt"
    assert watching.written() == before
    watching.findings.write_text(SAMPLE_FINDINGS.replace("Turnout was **high**.", "Fixed."))
    assert wait_for(lambda: "Fixed." in watching.written())


def test_templates_and_named_sources_are_watched(project: Project) -> None:
    findings = project()
    watched = watch_module.watched_files(findings)
    assert findings.parent / "sources" / "news.txt" in watched
    assert any(p.name == "page.html" for p in watched)
    assert any(p.name == "briefing.css" for p in watched)


def test_watch_and_check_do_not_go_together(project: Project, run: Callable[..., Run]) -> None:
    result = run("--findings", str(project()), "--watch", "--check")
    assert result.code == 2
    assert "--check and --watch do not go together" in result.stderr


def test_head_describes_the_page_a_get_returns(watching: Watching) -> None:
    host, port = watching.url.removeprefix("http://").rstrip("/").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=5)
    connection.request("HEAD", "/")
    head = connection.getresponse()
    head.read()
    assert int(head.getheader("Content-Length")) == len(watching.page().encode("utf-8"))
    assert head.getheader("Content-Type") == "text/html; charset=utf-8"
    connection.close()


def test_a_failed_rebuild_lays_its_errors_over_the_served_page_until_fixed(
    watching: Watching,
) -> None:
    good = watching.page()
    assert "build-problems" not in good
    watching.findings.write_text(SAMPLE_FINDINGS.replace("reliability: C", "reliability: Z"))
    assert wait_for(lambda: "build-problems" in watching.page()), "no overlay after a failure"
    page = watching.page()
    overlay = element(page, "aside", class_="build-problems")
    assert f"{watching.findings}:9:18: error: reliability &#x27;Z&#x27; is not allowed" in overlay
    assert "Clean-up turnout" in page  # the last good briefing stays underneath
    policy = page.split('http-equiv="Content-Security-Policy" content="')[1].split('"')[0]
    assert policy.count("sha256-") == 3  # the stylesheet, the overlay's style, the script
    watching.findings.write_text(SAMPLE_FINDINGS)
    assert wait_for(lambda: "build-problems" not in watching.page()), "overlay stayed"


def test_an_editor_that_saves_by_renaming_is_followed(watching: Watching) -> None:
    """Write a new file and rename it over the findings, as many editors do."""
    for i in range(2):
        fresh = watching.findings.with_name(f".findings.yaml.swp{i}")
        fresh.write_text(SAMPLE_FINDINGS.replace("Turnout was **high**.", f"Saved {i}."))
        fresh.replace(watching.findings)
        assert wait_for(lambda i=i: f"Saved {i}." in watching.written()), f"save {i} missed"


def test_each_rebuild_says_when_and_how_long_it_took(
    project: Project, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    running = Watching(project(), monkeypatch)
    try:
        running.findings.write_text(SAMPLE_FINDINGS.replace("Turnout was **high**.", "Later."))
        assert wait_for(lambda: "Later." in running.written())
        assert wait_for(lambda: len(running.results) >= 2)
    finally:
        running.close()
    lines = [line for line in capsys.readouterr().err.splitlines() if "rebuilt in" in line]
    assert lines and all(
        re.fullmatch(r"\[\d\d:\d\d:\d\d\] build-report: rebuilt in \d+ ms", line) for line in lines
    ), lines


def test_a_stray_file_in_the_report_does_not_end_the_session(watching: Watching) -> None:
    (watching.findings.parent / "report" / ".DS_Store").write_bytes(b"\x00")
    watching.findings.write_text(SAMPLE_FINDINGS.replace("Turnout was **high**.", "Again."))
    assert wait_for(lambda: "Again." in watching.written())
    assert watching.thread.is_alive()


def test_deeply_nested_findings_fail_the_rebuild_not_the_session(watching: Watching) -> None:
    watching.findings.write_text("briefing: " + "[" * 500 + "\n")
    assert wait_for(lambda: watching.results[-1:] == [1])
    assert watching.thread.is_alive()
    assert "nest more than 100 levels" in watching.page()
    watching.findings.write_text(SAMPLE_FINDINGS)
    assert wait_for(lambda: watching.results[-1:] == [0])


def test_a_busy_port_is_an_error_without_the_usage_text(
    project: Callable[..., Path], run: Callable[..., Run]
) -> None:
    import socket

    findings = project()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run("--findings", str(findings), "--watch", "--port", str(port))
    assert result.code == 1
    assert f"cannot serve on 127.0.0.1:{port}" in result.stderr
    assert "usage:" not in result.stderr


def test_a_rebuild_writes_the_page_first_and_the_other_files_after(watching: Watching) -> None:
    """The page is written before findings.json and the exchange files, which follow once
    open pages are told to reload: after a save the folder is a fresh build's."""
    data = watching.findings.parent / "report" / "findings.json"
    watching.findings.write_text(
        SAMPLE_FINDINGS.replace("Turnout was **high**.", "Turnout was *modest*.")
    )
    assert wait_for(lambda: "Turnout was *modest*." in data.read_text(encoding="utf-8"))
    assert "Turnout was <em>modest</em>." in watching.written()


def _saved_with_a_page_open(watching: Watching) -> http.client.HTTPConnection:
    """A reload stream opened, as an open page holds one; then a save, rebuilt and
    announced on the stream. The stream is returned, to close."""
    host, port = watching.url.removeprefix("http://").rstrip("/").split(":")
    stream = http.client.HTTPConnection(host, int(port), timeout=10)
    stream.request("GET", "/__reload")
    events = stream.getresponse()
    watching.findings.write_text(
        SAMPLE_FINDINGS.replace("Turnout was **high**.", "Turnout was *modest*.")
    )
    assert events.readline() == b"data: reload\n"
    return stream


def test_the_other_files_wait_until_open_pages_have_fetched_the_new_page(
    watching: Watching, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While a page is open, findings.json and the exchange files are made only after it
    has fetched the rebuilt page (they would compete with that fetch), or after a while."""
    monkeypatch.setattr(watch_module, "_RELOAD_WAIT_SECONDS", 30)
    data = watching.findings.parent / "report" / "findings.json"
    stream = _saved_with_a_page_open(watching)
    assert "Turnout was <em>modest</em>." in watching.written()
    time.sleep(1)
    assert "Turnout was *modest*." not in data.read_text(encoding="utf-8")
    assert "Turnout was <em>modest</em>." in watching.page()
    assert wait_for(lambda: "Turnout was *modest*." in data.read_text(encoding="utf-8"), 10)
    stream.close()


def test_the_other_files_do_not_wait_for_a_page_that_never_fetches(
    watching: Watching, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(watch_module, "_RELOAD_WAIT_SECONDS", 0.5)
    data = watching.findings.parent / "report" / "findings.json"
    stream = _saved_with_a_page_open(watching)
    assert wait_for(lambda: "Turnout was *modest*." in data.read_text(encoding="utf-8"), 10)
    stream.close()


def test_page_first_writes_the_page_beside_the_last_files_then_the_new_ones(
    project: Project,
) -> None:
    from briefing.build import build_page
    from briefing.commands.build import PageFirst

    findings = project()
    out = findings.parent / "report"
    writes = PageFirst()
    first, _ = build_page(findings, "findings.yaml", out=out, keep_claims=True)
    writes.write(out, first)
    assert writes.follow_up() == []  # the first build wrote everything
    assert (out / "findings.json").read_bytes() == first.files()["findings.json"]
    findings.write_text(SAMPLE_FINDINGS.replace("Turnout was **high**.", "Turnout was *modest*."))
    second, _ = build_page(findings, "findings.yaml", out=out, keep_claims=True)
    writes.write(out, second)
    assert (out / "index.html").read_bytes() == second.page
    assert (out / "findings.json").read_bytes() == first.files()["findings.json"]
    assert writes.follow_up() == []
    assert {p.name: p.read_bytes() for p in out.iterdir()} == second.files()
    assert writes.follow_up() == []  # nothing left to do


def test_a_rebuild_keeps_the_templates_until_one_changes(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The templates (and what was drawn with them) are kept from one rebuild to the next,
    and dropped when a template or the stylesheet changes."""
    from briefing.page import render

    stamps = iter([(("page.html", 1, 10),)] * 3 + [(("page.html", 2, 11),)] * 2)
    monkeypatch.setattr(render, "stamp", lambda: next(stamps))
    environments = []
    rebuild = watch_module._fresh(lambda: (environments.append(render.environment()), (0, []))[1])
    for _ in range(4):
        rebuild()
    first, second, third, fourth = environments
    assert first is second and third is fourth and third is not second


def test_the_sources_stay_watched_while_a_claim_is_broken(project: Project) -> None:
    """The watcher reads the sources list alone: a claim left half-typed below it (the
    file no longer YAML) does not drop the sources from the watch."""
    findings = project()
    findings.write_text(SAMPLE_FINDINGS + "  - id: [unclosed\n", encoding="utf-8")
    assert findings.parent / "sources" / "news.txt" in watch_module.watched_files(findings)


def test_the_watchers_resolving_matches_pathlibs(tmp_path: Path) -> None:
    """The watcher resolves each folder once; what it gets is what Path.resolve gives,
    through links to folders, links as names, '..' and names not there."""
    import os

    (tmp_path / "project" / "sources").mkdir(parents=True)
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "x.txt").write_text("x")
    (tmp_path / "project" / "sources" / "real.txt").write_text("r")
    os.symlink(tmp_path / "elsewhere", tmp_path / "project" / "linked-folder")
    os.symlink(tmp_path / "elsewhere" / "x.txt", tmp_path / "project" / "sources" / "link.txt")
    os.symlink("loop", tmp_path / "project" / "loop")
    base = tmp_path / "project"
    for name in [
        "sources/real.txt",
        "sources/link.txt",
        "linked-folder/x.txt",
        "sources/../sources/real.txt",
        "sources/..",
        "../elsewhere/x.txt",
        "sources/missing.txt",
        "missing-folder/y.txt",
        "loop/z.txt",
    ]:
        try:
            expected = (base / name).resolve()
        except RuntimeError:
            continue
        assert watch_module._resolve(base / name, {}) == expected, name
    folders: dict[Path, Path] = {}  # one look at the files: each folder resolved once
    assert (
        watch_module._resolve(base / "sources" / "real.txt", folders)
        == (tmp_path / "project" / "sources" / "real.txt").resolve()
    )
    assert folders == {base / "sources": (base / "sources").resolve()}


def test_the_watcher_reads_the_sources_list_only_of_shallow_text() -> None:
    from briefing.findings.load import MAX_DEPTH

    deep = "x: " + "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1)
    assert not watch_module._shallow(deep)
    assert not watch_module._shallow("note: text\n" * 50 + deep)
    wide = "x: " + "[a], {b: c}, " * (MAX_DEPTH * 3)  # many brackets, none nested
    assert watch_module._shallow(wide)
    assert watch_module._shallow("]]]" + "[" * MAX_DEPTH)  # a close before any open
    assert watch_module._shallow("claims: []\n")


def test_the_watcher_looks_at_the_findings_again_only_after_the_rebuild(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After a change the watcher reads the findings again (for sources named anew), but
    only once the session has rebuilt: beside the rebuild it would slow it down."""
    real = watch_module._wanted
    seen: list[int] = []
    running = Watching(project(), monkeypatch)
    try:
        monkeypatch.setattr(
            watch_module, "_wanted", lambda f: (seen.append(len(running.results)), real(f))[1]
        )
        running.findings.write_text(SAMPLE_FINDINGS.replace("Turnout was **high**.", "Low."))
        assert wait_for(lambda: bool(seen))
        assert seen[0] == 2  # the first build and the rebuild after the save
    finally:
        running.close()


def test_the_cycle_collector_runs_only_when_the_session_is_idle(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Off for the whole session, so that no collection holds up a rebuilt page; run
    when nothing waits (after the first build and after each rebuild); on again after."""
    import gc

    tidied: list[bool] = []
    monkeypatch.setattr(watch_module, "_tidy", lambda: tidied.append(gc.isenabled()))
    gc.enable()
    running = Watching(project(), monkeypatch)
    try:
        assert wait_for(lambda: len(tidied) == 1)
        running.findings.write_text(SAMPLE_FINDINGS.replace("Turnout was **high**.", "Low."))
        assert wait_for(lambda: len(tidied) == 2)
        assert tidied == [False, False]
    finally:
        running.close()
    assert gc.isenabled()
