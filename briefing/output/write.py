"""Write: put the report's files in place all at once, or compare them with what is there.

The new report is written into a staging folder beside the old one and swapped in with
one atomic exchange of the two names (Linux ``renameat2`` with ``RENAME_EXCHANGE``), so at
every instant ``report/`` is the complete old report or the complete new one. Builds into
the same place take turns (a lock on the parent folder, which leaves no file behind). A
build removes only what it made: its staging folder, found by its exact name and a marker
inside it, never by a pattern.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

from ..errors import UsageError, printable

# Files a build writes; a folder holding anything else is not ours to replace.
REPORT_FILES = ("index.html", "findings.json", "estimates.csv", "annotations.jsonld",
                "briefing.stix.json", "sources.csl.json")
# What file managers leave in any folder they show; kept, never a reason to refuse.
OS_JUNK = frozenset((".DS_Store", "Thumbs.db", "desktop.ini", ".directory"))
# Every page a build writes says so; a folder whose index.html does not is not a report.
GENERATOR = '<meta name="generator" content="build-report">'
_MARKER = "made-by-build-report"
_RENAME_EXCHANGE = 2


def staging_folder(out: Path) -> Path:
    """The one staging folder of ``out``: a name no analyst would choose, used as is."""
    return out.parent / f".{out.name}.build-report-staging"


def write_report(out: Path, files: dict[str, bytes]) -> None:
    """Put ``files`` at ``out`` in one atomic step, or leave ``out`` as it was."""
    refuse_foreign(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with _turn(out.parent):
        refuse_foreign(out)  # again: another build may have changed it while we waited
        staging = staging_folder(out)
        _remove_ours(staging)  # left by a build that was killed
        staging.mkdir(mode=0o755)
        try:
            (staging / _MARKER).write_bytes(b"")
            new = staging / "report"
            new.mkdir(mode=0o755)
            for name, data in sorted(files.items()):
                (new / name).write_bytes(data)
                os.chmod(new / name, 0o644)
            if out.is_dir():
                for junk in sorted(OS_JUNK):
                    if (out / junk).is_file():
                        shutil.copy2(out / junk, new / junk)
                _exchange(new, out)  # ``new`` now holds the old report
            else:
                os.rename(new, out)
        finally:
            _remove_ours(staging)


@contextlib.contextmanager
def _turn(folder: Path) -> Iterator[None]:
    """Hold the lock of ``folder`` while writing into it: concurrent builds serialise."""
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _exchange(a: Path, b: Path) -> None:
    """Swap the folders at ``a`` and ``b`` atomically."""
    libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is not None:
        at_fdcwd = -100
        if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b),
                     _RENAME_EXCHANGE) == 0:
            return
        code = ctypes.get_errno()
        if code not in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
            raise OSError(code, os.strerror(code), str(b))
    # No atomic exchange here (an old kernel, another system, a file system without
    # it): two renames, with the old report put back if the second fails.
    aside = a.parent / "previous"
    os.rename(b, aside)
    try:
        os.rename(a, b)
    except OSError:
        os.rename(aside, b)
        raise
    os.rename(aside, a)


def _remove_ours(staging: Path) -> None:
    """Remove ``staging`` if it is a staging folder a build made (it holds the marker)."""
    if staging.is_dir() and not staging.is_symlink() and (staging / _MARKER).is_file():
        shutil.rmtree(staging, ignore_errors=True)


def differences(out: Path, files: dict[str, bytes]) -> list[str]:
    """What differs between ``out`` and the files a build would write."""
    if not out.is_dir():
        return [f"{printable(str(out))} does not exist"]
    found = []
    for name, data in sorted(files.items()):
        path = out / name
        shown = printable(str(path))
        try:
            if not path.is_file():
                found.append(f"{shown} is missing")
            elif path.read_bytes() != data:
                found.append(f"{shown} is out of date")
        except OSError as exc:
            found.append(f"{shown} cannot be read ({exc.strerror or exc})")
    try:
        extras = sorted(p.name for p in out.iterdir())
    except OSError as exc:
        return [*found, f"{printable(str(out))} cannot be listed ({exc.strerror or exc})"]
    for extra in extras:
        if extra not in files and extra not in OS_JUNK:
            found.append(f"{printable(str(out / extra))} is not part of the report")
    return found


def refuse_foreign(out: Path, inputs: tuple[Path, ...] = ()) -> None:
    """Refuse an output folder that is not a report this tool wrote, or that holds inputs."""
    shown = printable(str(out))
    resolved = out.resolve()
    for path in inputs:
        if path.resolve().is_relative_to(resolved):
            raise UsageError(f"--out {shown} holds the findings or a source "
                             f"({printable(str(path))}): a build replaces that folder "
                             "whole; choose a folder of its own, like report/")
    if out.is_symlink() or (out.exists() and not out.is_dir()):
        raise UsageError(f"{shown} is not a folder: choose another --out")
    if not out.is_dir():
        return
    try:
        entries = sorted(out.iterdir())
    except OSError as exc:
        raise UsageError(f"{shown} cannot be read ({exc.strerror or exc}): choose "
                         "another --out") from None
    unknown = [p.name for p in entries if p.name not in REPORT_FILES and p.name not in OS_JUNK]
    wrong = [p.name for p in entries if p.name in REPORT_FILES
             and (p.is_symlink() or not p.is_file())]
    if unknown or wrong:
        names = [printable(n) for n in unknown + wrong]
        listed = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
        raise UsageError(f"{shown} holds files a build does not write ({listed}): refusing "
                         "to replace it; choose an empty folder or a report folder")
    if entries and not _is_report(out):
        raise UsageError(f"{shown} holds an index.html this tool did not write: refusing to "
                         "replace it; choose an empty folder or a report folder")


def _is_report(out: Path) -> bool:
    """Whether the files in ``out`` are a report this tool wrote."""
    index, data = out / "index.html", out / "findings.json"
    try:
        if index.is_file():
            with index.open("rb") as f:
                head = f.read(4096).decode("utf-8", "replace")
            # Reports from before the generator tag carry this tool's policy and layout.
            return GENERATOR in head or ('http-equiv="Content-Security-Policy"' in head
                                         and 'class="skip" href="#main"' in
                                         index.read_text(encoding="utf-8", errors="replace"))
        if data.is_file():
            loaded = json.loads(data.read_bytes())
            return isinstance(loaded, dict) and "claims" in loaded
    except (OSError, ValueError):
        return False
    return True  # only OS junk, or nothing
