"""Write: put the report's files in place all at once, or compare them with what is there.

The new report is written into a staging folder beside the old one and swapped in with
one atomic exchange of the two names (Linux ``renameat2`` with ``RENAME_EXCHANGE``), so at
every instant ``report/`` is the complete old report or the complete new one. A folder
is replaced only when it is empty or holds a report whose page says a build wrote it;
what a file manager left in it is carried over only as ordinary files, never through a
link, so a shared project cannot make a build copy a file from elsewhere into its
report. Builds into the same place take turns (a lock on the parent folder, which leaves
no file behind). A build removes only what it made: its staging folder, found by its
exact name and a marker inside it, never by a pattern.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import os
import shutil
import stat
from collections.abc import Iterator
from pathlib import Path

from ..errors import UsageError, printable
from ..files import UnreadableFile, read_regular, read_start, write_new

# Files a build writes; a folder holding anything else is not ours to replace.
REPORT_FILES = (
    "index.html",
    "findings.json",
    "estimates.csv",
    "annotations.jsonld",
    "briefing.stix.json",
    "sources.csl.json",
)
# What file managers leave in any folder they show; kept, never a reason to refuse, as
# long as it is an ordinary file of its own (a link there could name any file).
OS_JUNK = frozenset((".DS_Store", "Thumbs.db", "desktop.ini", ".directory"))
# Far above what a file manager leaves in a folder of three files.
MAX_JUNK_BYTES = 16 * 1024 * 1024
# Every page a build writes says so, in its head; a folder whose index.html does not is
# not a report.
GENERATOR = '<meta name="generator" content="build-report">'
_HEAD_BYTES = 4096
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
        staging.mkdir()  # folders and files as the umask has them, like any tool's
        try:
            write_new(staging / _MARKER, b"")
            new = staging / "report"
            new.mkdir()
            for name, data in sorted(files.items()):
                write_new(new / name, data)
            if out.is_dir():
                for name, data in _kept_junk(out).items():
                    write_new(new / name, data)
                _exchange(new, out)  # ``new`` now holds the old report
            else:
                os.rename(new, out)
        finally:
            _remove_ours(staging)


def _kept_junk(out: Path) -> dict[str, bytes]:
    """The file manager's files in ``out``, to carry over: each read without following a
    link, and only when it is an ordinary file with no other name, else UsageError."""
    kept = {}
    for name in sorted(OS_JUNK):
        try:
            kept[name] = read_regular(out / name, MAX_JUNK_BYTES, follow_links=False, one_name=True)
        except UnreadableFile as exc:
            if str(exc) != "is not found":
                raise UsageError(_junk_refused(out / name, str(exc))) from None
    return kept


def _junk_refused(path: Path, why: str) -> str:
    return (
        f"{printable(str(path))} {why}: a build carries over what a file manager "
        f"leaves only as an ordinary file; remove {printable(path.name)} and build "
        "again"
    )


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
        if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), _RENAME_EXCHANGE) == 0:
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
    """What differs between ``out`` and the files a build would write. Every file is read
    without following a link: a report is its own files, not files it points to."""
    shown_out = printable(str(out))
    if out.is_symlink():
        return [f"{shown_out} is a symbolic link, not the report folder a build writes"]
    if not out.is_dir():
        return [f"{shown_out} does not exist"]
    found = []
    for name, data in sorted(files.items()):
        path = out / name
        shown = printable(str(path))
        if not os.path.lexists(path):
            found.append(f"{shown} is missing")
            continue
        why = _not_ordinary(path)
        if why:
            found.append(f"{shown} {why}, not a file a build writes")
            continue
        try:
            same = (
                path.stat().st_size == len(data)
                and read_regular(path, len(data), follow_links=False) == data
            )
        except (OSError, UnreadableFile) as exc:
            found.append(f"{shown} cannot be read ({getattr(exc, 'strerror', None) or exc})")
            continue
        if not same:
            found.append(f"{shown} is out of date")
    try:
        extras = sorted(p.name for p in out.iterdir())
    except OSError as exc:
        return [*found, f"{shown_out} cannot be listed ({exc.strerror or exc})"]
    for extra in extras:
        if extra in files:
            continue
        if extra not in OS_JUNK:
            found.append(f"{printable(str(out / extra))} is not part of the report")
            continue
        why = _not_ordinary(out / extra, junk=True)
        if why:
            found.append(
                f"{printable(str(out / extra))} {why}: a report keeps a file "
                "manager's file only as an ordinary file"
            )
    return found


def _not_ordinary(path: Path, junk: bool = False) -> str | None:
    """Why ``path`` is not an ordinary file (for a file manager's file to carry over: with
    one name and of a bounded size), or None when it is one."""
    try:
        info = os.lstat(path)
    except OSError as exc:
        return f"cannot be read ({exc.strerror or exc})"
    if stat.S_ISLNK(info.st_mode):
        return "is a symbolic link"
    if not stat.S_ISREG(info.st_mode):
        return "is not an ordinary file"
    if junk and info.st_nlink > 1:
        return "has other names (hard links)"
    if junk and info.st_size > MAX_JUNK_BYTES:
        return f"is {info.st_size:,} bytes, over the limit of {MAX_JUNK_BYTES:,}"
    return None


def refuse_foreign(out: Path, inputs: tuple[Path, ...] = ()) -> None:
    """Refuse an output folder that holds an input of the build, or that is neither empty
    nor a report this tool wrote (its index.html carries GENERATOR)."""
    shown = printable(str(out))
    resolved = out.resolve()
    for path in inputs:
        if path.resolve().is_relative_to(resolved):
            raise UsageError(
                f"--out {shown} holds {printable(str(path))}, an input of this "
                "build: a build replaces that folder whole; choose a folder of "
                "its own for --out, like report/, or move the input out of it"
            )
    if out.is_symlink() or (out.exists() and not out.is_dir()):
        raise UsageError(f"{shown} is not a folder: choose another --out")
    if not out.is_dir():
        return
    try:
        entries = sorted(out.iterdir())
    except OSError as exc:
        raise UsageError(
            f"{shown} cannot be read ({exc.strerror or exc}): choose another --out"
        ) from None
    unknown = [p.name for p in entries if p.name not in REPORT_FILES and p.name not in OS_JUNK]
    wrong = [p.name for p in entries if p.name in REPORT_FILES and _not_ordinary(p)]
    if unknown or wrong:
        names = [printable(n) for n in unknown + wrong]
        listed = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
        raise UsageError(
            f"{shown} holds files a build does not write ({listed}): refusing "
            "to replace it; choose an empty folder or a report folder"
        )
    for junk in (p for p in entries if p.name in OS_JUNK):
        why = _not_ordinary(junk, junk=True)
        if why:
            raise UsageError(_junk_refused(junk, why))
    if any(p.name in REPORT_FILES for p in entries) and not _is_report(out):
        raise UsageError(
            f"{shown} holds no index.html written by build-report (a build puts "
            f"{GENERATOR} in every page): refusing to replace it; choose an "
            "empty folder or a report folder"
        )


def _is_report(out: Path) -> bool:
    """Whether ``out/index.html`` is a page this tool wrote: an ordinary file whose head
    carries GENERATOR. Nothing else makes a folder a report: a findings.json alone may be
    an edition kept for --previous."""
    try:
        head = read_start(out / "index.html", _HEAD_BYTES, follow_links=False)
    except UnreadableFile:
        return False
    return GENERATOR.encode() in head
