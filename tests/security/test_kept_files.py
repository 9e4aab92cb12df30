"""What a build finds in the folder it replaces: a file manager's files are carried over
only as ordinary files (a link there could name any file of the builder's), a folder is
replaced only when empty or a report by its page's own say-so, never one holding an input
of the build, and what a build writes has the modes the umask gives."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from briefing.errors import UsageError
from briefing.output import write
from conftest import Run

Project = Callable[..., Path]
Runner = Callable[..., Run]

SECRET = b"-----BEGIN OPENSSH PRIVATE KEY-----\nnot for the report\n"


def tree(folder: Path) -> dict[str, tuple[str, bytes | str]]:
    """Every entry of ``folder`` as it is, links not followed."""
    found: dict[str, tuple[str, bytes | str]] = {}
    for path in sorted(folder.rglob("*")):
        key = str(path.relative_to(folder))
        if path.is_symlink():
            found[key] = ("link", os.readlink(path))
        elif path.is_file():
            found[key] = ("file", path.read_bytes())
        else:
            found[key] = ("other", b"")
    return found


def plant(report: Path, name: str, kind: str, secret: Path) -> None:
    """Put at ``report/name`` something that is not a file manager's ordinary file."""
    target = report / name
    if kind == "link to a key":
        target.symlink_to(os.path.relpath(secret, report))
    elif kind == "link to the environment":
        target.symlink_to("/proc/self/environ")
    elif kind == "hard link to a key":
        os.link(secret, target)
    elif kind == "fifo":
        os.mkfifo(target)
    else:
        target.mkdir()


KINDS = ["link to a key", "link to the environment", "hard link to a key", "fifo", "folder"]


@pytest.fixture
def built(
    project: Project, run: Runner, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, Path]:
    """A project built once, and a secret file of the builder's outside it."""
    findings = project()
    assert run("--findings", str(findings)).code == 0
    secret = tmp_path_factory.mktemp("home") / ".ssh" / "id_ed25519"
    secret.parent.mkdir(parents=True)
    secret.write_bytes(SECRET)
    return findings, secret


@pytest.mark.parametrize("name", sorted(write.OS_JUNK))
@pytest.mark.parametrize("kind", KINDS)
def test_a_file_manager_name_that_is_not_an_ordinary_file_is_refused_and_never_read(
    built: tuple[Path, Path], run: Runner, name: str, kind: str
) -> None:
    findings, secret = built
    report = findings.parent / "report"
    plant(report, name, kind, secret)
    before = tree(report)
    result = run("--findings", str(findings))
    assert result.code == 2, result.stderr
    assert f"{report / name} " in result.stderr and f"remove {name}" in result.stderr
    assert "Traceback" not in result.stderr
    assert tree(report) == before


@pytest.mark.parametrize("name", sorted(write.OS_JUNK))
@pytest.mark.parametrize("kind", KINDS)
def test_check_never_calls_a_report_with_such_a_file_up_to_date(
    built: tuple[Path, Path], run: Runner, name: str, kind: str
) -> None:
    findings, secret = built
    report = findings.parent / "report"
    plant(report, name, kind, secret)
    result = run("--findings", str(findings), "--check")
    assert result.code == 1
    assert f"build-report: {report / name} " in result.stderr
    assert "not what a build would write" in result.stderr


def test_a_link_put_in_after_the_check_is_still_not_followed(
    built: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The file is opened without following a link and checked as opened: a link that
    appears between the folder's check and the copy is refused all the same."""
    findings, secret = built
    report = findings.parent / "report"
    old = tree(report)
    monkeypatch.setattr(write, "refuse_foreign", lambda out, inputs=(): None)
    (report / "Thumbs.db").symlink_to(secret)
    with pytest.raises(UsageError, match=r"Thumbs\.db is a symbolic link, not a file"):
        write.write_report(report, {"index.html": b"new"})
    assert tree(report) == {**old, "Thumbs.db": ("link", str(secret))}
    assert sorted(os.listdir(findings.parent)) == ["findings.yaml", "report", "sources"]


@pytest.mark.parametrize("link", ["index.html", "findings.json", "estimates.csv"])
def test_check_reads_the_report_s_own_files_not_what_a_link_names(
    built: tuple[Path, Path], run: Runner, tmp_path: Path, link: str
) -> None:
    """A link to a copy of the right bytes is not the report's file."""
    findings, _ = built
    report = findings.parent / "report"
    copy = tmp_path / "copy"
    copy.write_bytes((report / link).read_bytes())
    (report / link).unlink()
    (report / link).symlink_to(copy)
    result = run("--findings", str(findings), "--check")
    assert result.code == 1
    assert f"{report / link} is a symbolic link, not a file a build writes" in result.stderr


def test_check_refuses_a_report_folder_that_is_a_link(
    built: tuple[Path, Path], run: Runner, tmp_path: Path
) -> None:
    findings, _ = built
    report = findings.parent / "report"
    report.rename(tmp_path / "elsewhere")
    report.symlink_to(tmp_path / "elsewhere")
    result = run("--findings", str(findings), "--check")
    assert result.code == 1
    assert f"{report} is a symbolic link, not the report folder" in result.stderr


def test_an_ordinary_file_manager_file_is_carried_over(
    built: tuple[Path, Path], run: Runner
) -> None:
    findings, _ = built
    report = findings.parent / "report"
    (report / "desktop.ini").write_bytes(b"[.ShellClassInfo]\r\n")
    assert run("--findings", str(findings)).code == 0
    assert (report / "desktop.ini").read_bytes() == b"[.ShellClassInfo]\r\n"
    assert run("--findings", str(findings), "--check").code == 0


# What counts as a report


@pytest.mark.parametrize(
    "held", [["findings.json"], ["findings.json", "estimates.csv"], ["estimates.csv", ".DS_Store"]]
)
def test_report_files_without_the_page_are_not_a_report(
    project: Project, run: Runner, tmp_path: Path, held: list[str]
) -> None:
    """An edition kept for --previous is a findings.json alone: never replaced."""
    findings = project()
    edition = tmp_path / "editions" / "3"
    edition.mkdir(parents=True)
    for name in held:
        (edition / name).write_text('{"claims": [], "sources": []}')
    before = tree(edition)
    result = run("--findings", str(findings), "--out", str(edition))
    assert result.code == 2
    assert "holds no index.html written by build-report" in result.stderr
    assert tree(edition) == before


def test_a_folder_with_only_a_file_manager_s_file_counts_as_empty(
    project: Project, run: Runner, tmp_path: Path
) -> None:
    findings = project()
    out = tmp_path / "fresh"
    out.mkdir()
    (out / ".DS_Store").write_bytes(b"Bud1")
    assert run("--findings", str(findings), "--out", str(out)).code == 0
    assert sorted(os.listdir(out)) == sorted([".DS_Store", *write.REPORT_FILES])


@pytest.mark.parametrize("page", [False, True])
def test_the_folder_holding_the_previous_edition_is_refused(
    project: Project, run: Runner, tmp_path: Path, page: bool
) -> None:
    """Replacing it would lose the edition the build compares with, even when it is a
    whole report."""
    findings = project()
    edition = tmp_path / "editions" / "3"
    if page:
        assert run("--findings", str(findings), "--out", str(edition)).code == 0
    else:
        edition.mkdir(parents=True)
        assert run("--findings", str(findings), "--out", str(tmp_path / "first")).code == 0
        (edition / "findings.json").write_bytes((tmp_path / "first" / "findings.json").read_bytes())
    before = tree(edition)
    previous = edition / "findings.json"
    result = run("--findings", str(findings), "--previous", str(previous), "--out", str(edition))
    assert result.code == 2
    assert f"--out {edition} holds {previous}, an input of this build" in result.stderr
    assert tree(edition) == before


# Modes


@pytest.fixture
def umask_027() -> Iterator[None]:
    before = os.umask(0o027)
    try:
        yield
    finally:
        os.umask(before)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_report_has_the_modes_the_umask_gives(
    project: Project, run: Runner, umask_027: None
) -> None:
    findings = project()
    assert run("--findings", str(findings)).code == 0
    report = findings.parent / "report"
    assert mode(report) == 0o750
    assert {name: mode(report / name) for name in os.listdir(report)} == {
        name: 0o640 for name in os.listdir(report)
    }
