"""Files: one home for reading and writing files.

Reading: only a regular file is read, of bounded size, opened without blocking (a named
pipe cannot hang the reader) and, where asked, without following a symbolic link; what
is checked is the file that was opened, so nothing renamed in between slips through.

Writing: a file is created the way ordinary tools create one, with mode 0666 less the
umask (a file replaced keeps the mode it had), never through a link, and put in place
whole: a reader sees the old file or the new one, never half of one.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

# The largest file read: far above any article or transcript, far below what would
# take the machine's memory or minutes of searching (the contract's limit).
MAX_FILE_BYTES = 20_000_000

_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
# Created here and nowhere else: a link or a file already at the name makes it fail.
_NEW_FILE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | _CLOEXEC


class UnreadableFile(Exception):
    """The file cannot be read; the message says why, worded to follow the file's name
    ("is ...", "cannot be read ...")."""


def read_regular(
    path: Path,
    limit: int = MAX_FILE_BYTES,
    advice: str = "",
    *,
    follow_links: bool = True,
    one_name: bool = False,
) -> bytes:
    """The bytes of the regular file at ``path``, of at most ``limit`` bytes, or
    UnreadableFile saying why not: a pipe, a device or a socket is never read, nor a file
    over the limit (``advice`` says what to do instead). With ``follow_links=False`` a
    symbolic link at ``path`` is refused, never followed; with ``one_name=True`` so is a
    file with other names (hard links), which may be a file of anywhere on the disk."""
    with _open_regular(path, follow_links, one_name) as (f, size):
        if size > limit:
            raise UnreadableFile(f"is {size:,} bytes, over the limit of {limit:,}{advice}")
        # As much as the file holds and a byte more, which shows it grew: asked for the
        # limit at once, the reader would set aside that much memory for every file.
        raw = _read(f, size + 1)
        if len(raw) > size:
            raw += _read(f, limit + 1 - len(raw))
    if len(raw) > limit:  # it grew while being read
        raise UnreadableFile(f"is over the limit of {limit:,} bytes{advice}")
    return raw


def read_start(path: Path, size: int, *, follow_links: bool = True) -> bytes:
    """The first ``size`` bytes (or fewer) of the regular file at ``path``, under the
    rules of read_regular."""
    with _open_regular(path, follow_links, one_name=False) as (f, _):
        return _read(f, size)


@contextlib.contextmanager
def _open_regular(path: Path, follow_links: bool, one_name: bool) -> Iterator[tuple[BinaryIO, int]]:
    """The regular file at ``path`` opened for reading, and its size; the checks are made
    on the file opened, so nothing renamed after them can slip in."""
    flags = os.O_RDONLY | os.O_NONBLOCK | _CLOEXEC
    if not follow_links:
        flags |= os.O_NOFOLLOW
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise UnreadableFile("is not found") from None
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise UnreadableFile(
                "is a symbolic link that loops"
                if follow_links
                else "is a symbolic link, not a file"
            ) from None
        if exc.errno == errno.EISDIR:
            raise UnreadableFile("is a folder, not a file") from None
        raise UnreadableFile(f"cannot be read ({exc.strerror or exc})") from None
    info = os.fstat(fd)
    if stat.S_ISDIR(info.st_mode):  # before fdopen, which refuses a folder with its own error
        os.close(fd)
        raise UnreadableFile("is a folder, not a file")
    with os.fdopen(fd, "rb") as f:
        if not stat.S_ISREG(info.st_mode):
            raise UnreadableFile(
                "is not a regular file (a pipe, device or socket): "
                "save the text as an ordinary file"
            )
        if one_name and info.st_nlink > 1:
            raise UnreadableFile(
                "has other names (hard links), so it may be any file of the same disk"
            )
        yield f, info.st_size


def _read(f: BinaryIO, size: int) -> bytes:
    try:
        return f.read(size)
    except OSError as exc:
        raise UnreadableFile(f"cannot be read ({exc.strerror or exc})") from None


def write_new(path: Path, data: bytes) -> None:
    """Create ``path`` holding ``data``, mode 0666 less the umask; if anything (a file,
    a link) is already there, FileExistsError and nothing is touched."""
    fd = os.open(path, _NEW_FILE, 0o666)
    try:
        _write_all(fd, data)
    finally:
        os.close(fd)


def write_atomically(path: Path, data: bytes) -> None:
    """Put ``data`` at ``path`` whole: written beside it under a fresh name, flushed to
    disk and renamed over it. A new file gets 0666 less the umask; a file replaced keeps
    its mode. A symbolic link at ``path`` is replaced by the file, never written through."""
    tmp, fd = _fresh_beside(path)
    try:
        try:
            _write_all(fd, data)
            kept = _mode_of_regular(path)
            if kept is not None:
                os.fchmod(fd, kept)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _fresh_beside(path: Path) -> tuple[Path, int]:
    """A new, empty file in ``path``'s folder under a name nobody else uses, opened."""
    for _ in range(100):
        tmp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.part")
        try:
            return tmp, os.open(tmp, _NEW_FILE, 0o666)
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(path.parent))


def _mode_of_regular(path: Path) -> int | None:
    """The permission bits of the regular file at ``path``; None for nothing or a link."""
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return None
    return stat.S_IMODE(info.st_mode) if stat.S_ISREG(info.st_mode) else None


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]
