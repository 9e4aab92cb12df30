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


def usable(kind: str = "markdown") -> bool:
    with cache.opened(kind) as folder:
        return folder is not None


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
                          check=True, timeout=120)
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
    b"{not json", b"[]", b'{"versions": "another parser", "data": {"blocks": {}}}',
    b"\xff\xfe", b'{"versions": null}', b'{"data": []}'])
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
    blocks = data["data"]["blocks"]
    text = next(iter(blocks))
    blocks["Another text."] = ["<p>forged</p>", [["x", "not a line"]], None]
    blocks[text][0] = "<p>forged</p>"
    kept.write_text(json.dumps(data), encoding="utf-8")
    assert fresh_build(findings, user_cache) == (0, True)
    assert b"forged" not in (findings.parent / "report" / "index.html").read_bytes()


def test_only_the_texts_of_the_last_build_are_kept_and_a_failed_build_forgets_none(
        project: Project, run: Runner, user_cache: Path) -> None:
    findings = project()
    assert run("--findings", str(findings)).code == 0

    def kept_texts() -> set[str]:
        [kept] = kept_files(user_cache)
        return set(json.loads(kept.read_text(encoding="utf-8"))["data"]["blocks"])

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


def test_the_cache_folder_is_made_for_the_user_alone_whatever_the_umask(
        project: Project, run: Runner, user_cache: Path) -> None:
    old = os.umask(0o002)  # as many systems set it: new folders group-writable
    try:
        findings = project()
        assert run("--findings", str(findings)).code == 0
    finally:
        os.umask(old)
    for folder in (user_cache / "sourced-briefing", user_cache / "sourced-briefing" / "markdown"):
        assert folder.stat().st_mode & 0o777 == 0o700
    assert kept_files(user_cache)


@pytest.mark.parametrize("which", ["sourced-briefing", "sourced-briefing/markdown"])
def test_a_cache_folder_others_can_write_to_is_not_used_and_left_as_it_is(
        project: Project, run: Runner, user_cache: Path, which: str) -> None:
    (user_cache / "sourced-briefing" / "markdown").mkdir(parents=True)
    os.chmod(user_cache / which, 0o777)  # anything may have been put in it
    assert not usable()
    assert run("--findings", str(project())).code == 0
    assert (user_cache / which).stat().st_mode & 0o777 == 0o777
    assert not [p for p in (user_cache / which).rglob("*") if p.is_file()]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0,
                    reason="making a folder another user's needs root")
@pytest.mark.parametrize("whose", ["sourced-briefing", "sourced-briefing/markdown"])
def test_a_cache_folder_of_another_user_is_not_used(
        project: Project, run: Runner, user_cache: Path, whose: str) -> None:
    (user_cache / "sourced-briefing" / "markdown").mkdir(parents=True)
    os.chown(user_cache / whose, 65534, 65534)
    assert not usable()
    findings = project()
    render.environment.cache_clear()  # compiled templates are code: the same rule holds
    try:
        assert run("--findings", str(findings)).code == 0
    finally:
        render.environment.cache_clear()
    # Nothing kept under the other user's folder (the templates may go beside it).
    assert not [p for p in (user_cache / whose).rglob("*") if p.is_file()]


def test_a_cache_folder_that_is_a_link_is_not_followed(
        project: Project, run: Runner, user_cache: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir(mode=0o700)
    user_cache.mkdir()
    (user_cache / "sourced-briefing").symlink_to(elsewhere)
    assert not usable()
    render.environment.cache_clear()
    try:
        assert run("--findings", str(project())).code == 0
    finally:
        render.environment.cache_clear()
    assert list(elsewhere.iterdir()) == [] and elsewhere.stat().st_mode & 0o777 == 0o700


@pytest.mark.parametrize(("mode", "used"), [(0o777, False), (0o1777, True), (0o755, True)])
def test_the_folder_the_cache_sits_in_must_not_let_others_rename_what_is_in_it(
        user_cache: Path, mode: int, used: bool) -> None:
    user_cache.mkdir()
    os.chmod(user_cache, mode)
    assert usable() is used


def test_a_relative_cache_home_is_ignored(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A project could carry a cache folder of its own making, with code in it.
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", ".cache")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert usable()
    assert (tmp_path / "home" / ".cache" / "sourced-briefing" / "markdown").is_dir()
    assert not (tmp_path / ".cache").exists()


def test_check_reads_and_writes_nothing_kept_and_the_cache_can_be_turned_off(
        project: Project, run: Runner, user_cache: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    findings = project()
    render.environment.cache_clear()
    try:
        assert run("--findings", str(findings)).code == 0
        [kept] = kept_files(user_cache)
        data = json.loads(kept.read_text(encoding="utf-8"))
        data["data"]["blocks"]["Turnout was **high**."][0] = "<p>Turnout was tampered.</p>\n"
        kept.write_text(json.dumps(data), encoding="utf-8")
        stamp = kept.stat().st_mtime_ns
        # --check trusts only the inputs: the tampered parse is not used, so the report
        # (written before the tampering) is what a build makes.
        assert fresh_build_check(findings, user_cache) == 0
        assert kept.stat().st_mtime_ns == stamp
        monkeypatch.setenv(cache.OFF, "1")
        assert not usable()
        monkeypatch.setenv(cache.OFF, "0")
        assert usable()
    finally:
        render.environment.cache_clear()


def fresh_build_check(findings: Path, user_cache: Path) -> int:
    return subprocess.run([sys.executable, str(ROOT / "build_report.py"), "--findings",
                           str(findings), "--check"], capture_output=True, cwd=ROOT,
                          env={**os.environ, "XDG_CACHE_HOME": str(user_cache)}).returncode


@pytest.mark.parametrize("plant", ["fifo", "device", "folder"])
def test_a_kept_file_that_is_not_an_ordinary_file_is_never_read(
        project: Project, user_cache: Path, plant: str) -> None:
    findings = project()
    assert fresh_build(findings, user_cache)[0] == 0
    [kept] = kept_files(user_cache)
    kept.unlink()
    if plant == "fifo":
        os.mkfifo(kept)  # would hang a build that opened it to read
    elif plant == "device":
        kept.symlink_to("/dev/zero")  # would fill memory
    else:
        kept.mkdir()
    assert fresh_build(findings, user_cache) == (0, True)


def test_the_kept_file_is_the_users_alone_and_no_temporary_file_is_left(
        project: Project, run: Runner, user_cache: Path) -> None:
    findings = project()
    assert run("--findings", str(findings)).code == 0
    [kept] = kept_files(user_cache)
    assert kept.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in kept.parent.iterdir()] == [kept.name]


def test_files_of_projects_long_gone_and_old_leftovers_are_cleared_out(
        project: Project, run: Runner, user_cache: Path, tmp_path: Path) -> None:
    findings = project()
    assert run("--findings", str(findings)).code == 0  # this project's file
    [ours] = kept_files(user_cache)
    folder = ours.parent
    gone, recent = folder / ("0" * 32 + ".json"), folder / ("1" * 32 + ".json")
    leftover, notes = folder / ".0123456789abcdef.tmp", folder / "notes.json"
    for path in (gone, recent, leftover, notes):
        path.write_text("{}")
    old = 1_000_000_000  # 2001
    for path in (gone, leftover, notes, ours):
        os.utime(path, (old, old))
    assert run("--findings", str(findings)).code == 0  # read: marked as used
    other = tmp_path / "other"
    other.mkdir()
    (other / "sources").mkdir()
    (other / "sources" / "news.txt").write_text((findings.parent / "sources" / "news.txt")
                                                .read_text(encoding="utf-8"), encoding="utf-8")
    (other / "findings.yaml").write_text(SAMPLE_FINDINGS, encoding="utf-8")
    assert run("--findings", str(other / "findings.yaml")).code == 0  # a new project's file
    assert not gone.exists() and not leftover.exists()
    assert recent.exists() and notes.exists() and ours.exists()  # not a build's, or in use


@pytest.mark.parametrize("kind", ["markdown", "templates"])
def test_a_kept_file_others_could_have_written_is_not_read(
        project: Project, user_cache: Path, kind: str) -> None:
    findings = project()
    assert fresh_build(findings, user_cache)[0] == 0
    folder = user_cache / "sourced-briefing"
    files = kept_files(user_cache) if kind == "markdown" else \
        sorted(next(folder.glob("jinja-*")).iterdir())
    for path in files:
        os.chmod(path, 0o666)
    assert fresh_build(findings, user_cache)[0] == 0
    # Not read, so made again: each file is a new one, the user's alone.
    assert all(path.stat().st_mode & 0o777 == 0o600 for path in files)


def test_a_pipe_among_the_compiled_templates_does_not_hang_the_build(
        project: Project, user_cache: Path) -> None:
    findings = project()
    assert fresh_build(findings, user_cache)[0] == 0
    compiled = sorted(next((user_cache / "sourced-briefing").glob("jinja-*")).iterdir())
    for path in compiled:
        path.unlink()
        os.mkfifo(path)
    assert fresh_build(findings, user_cache)[0] == 0  # run with a timeout: a hang fails


def test_what_a_watcher_keeps_in_memory_follows_the_file(
        project: Project, run: Runner, user_cache: Path) -> None:
    findings = project()
    page = findings.parent / "report" / "index.html"
    assert run("--findings", str(findings)).code == 0
    [kept] = kept_files(user_cache)
    data = json.loads(kept.read_text(encoding="utf-8"))
    data["data"]["blocks"]["Turnout was **high**."][0] = "<p>Edited in the cache.</p>\n"
    kept.write_text(json.dumps(data), encoding="utf-8")
    assert run("--findings", str(findings)).code == 0
    assert "Edited in the cache." in page.read_text(encoding="utf-8")  # the user's own file
    kept.unlink()  # the cache cleared: nothing of it may live on in memory
    assert run("--findings", str(findings)).code == 0
    assert "Edited in the cache." not in page.read_text(encoding="utf-8")
    assert "Edited in the cache." not in kept.read_text(encoding="utf-8")


@pytest.mark.parametrize("change", ["this module", "unicode tables"])
def test_the_fingerprint_changes_with_what_a_parse_depends_on(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change: str) -> None:
    from briefing.findings import markdown

    markdown._versions.cache_clear()
    ours = markdown._versions()
    if change == "this module":
        changed = tmp_path / "markdown.py"
        changed.write_text(Path(markdown.__file__).read_text(encoding="utf-8") + "\n# changed\n",
                           encoding="utf-8")
        monkeypatch.setattr(markdown, "__file__", str(changed))
    else:  # another Python: what counts as punctuation may differ
        monkeypatch.setattr(markdown, "unidata_version", "0.0.0")
    markdown._versions.cache_clear()
    try:
        assert markdown._versions() not in ("", ours)
    finally:
        monkeypatch.undo()
        markdown._versions.cache_clear()


def test_inline_parses_no_longer_used_are_forgotten_too(
        project: Project, run: Runner, user_cache: Path) -> None:
    marked = SAMPLE_FINDINGS.replace("- The organisers' sign-up sheets, when published.",
                                     "- The organisers' **sign-up sheets**, when published.")
    findings = project(marked)
    assert run("--findings", str(findings)).code == 0

    def inline_texts() -> set[str]:
        [kept] = kept_files(user_cache)
        return set(json.loads(kept.read_text(encoding="utf-8"))["data"]["inlines"])

    assert "The organisers' **sign-up sheets**, when published." in inline_texts()
    findings.write_text(SAMPLE_FINDINGS, encoding="utf-8")
    assert run("--findings", str(findings)).code == 0
    assert "The organisers' **sign-up sheets**, when published." not in inline_texts()


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


needs_root = pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0,
                                reason="acting as another user needs root")


def test_a_cache_home_others_could_have_made_or_redirected_is_not_used(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o777)  # anyone may rename or replace what is in it
    monkeypatch.setenv("XDG_CACHE_HOME", str(shared / "me" / "cache"))
    assert not usable()
    os.chmod(shared, 0o1777)  # sticky, like /tmp: what is the user's stays the user's
    assert usable()


def test_links_on_the_way_are_followed_only_when_nobody_else_could_have_made_them(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = tmp_path / "real"
    real.mkdir(mode=0o700)
    (tmp_path / "link").symlink_to(real)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "link" / "cache"))
    assert usable()  # the user's own link, in the user's own folder
    assert (real / "cache" / "sourced-briefing" / "markdown").is_dir()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "link" / ".." / "real" / "cache"))
    assert usable()


@needs_root
def test_a_link_or_a_folder_on_the_way_that_another_user_made_is_not_used(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o1777)
    os.chmod(shared, 0o1777)
    mine = tmp_path / "mine"  # a copy the user made of someone's files: looks safe
    (mine / "sourced-briefing" / "markdown").mkdir(parents=True)
    (shared / "planted").symlink_to(mine)
    os.lchown(shared / "planted", 1600, 1600)
    monkeypatch.setenv("XDG_CACHE_HOME", str(shared / "planted"))
    assert not usable()
    (shared / "theirs").mkdir()
    os.chown(shared / "theirs", 1600, 1600)
    monkeypatch.setenv("XDG_CACHE_HOME", str(shared / "theirs" / "cache"))
    assert not usable()
    assert not (shared / "theirs" / "cache").exists()  # nothing made in their folder


def test_compiled_templates_are_kept_apart_for_each_version_of_the_settings(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = render._bytecode_cache()
    changed = tmp_path / "render.py"
    changed.write_text(Path(render.__file__).read_text(encoding="utf-8").replace(
        "trim_blocks=True", "trim_blocks=False"), encoding="utf-8")
    monkeypatch.setattr(render, "__file__", str(changed))
    after = render._bytecode_cache()
    assert isinstance(before, render._KeptTemplates) and isinstance(after, render._KeptTemplates)
    assert before.kind != after.kind
