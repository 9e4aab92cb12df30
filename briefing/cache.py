"""The user's cache folder: work kept between runs so that a build need not redo it.

What is kept there (compiled templates, parsed Markdown) changes how fast a build is, never
what it writes, and it is trusted the way the package's own code is: Jinja runs compiled
templates from it, and parsed Markdown goes into the page as it is. So it is used only
while nobody but the user can put anything in it:

- the folder it sits in (``$XDG_CACHE_HOME`` if that is an absolute path, else ``~/.cache``)
  is the user's or root's, and others cannot rename what is in it (not writable by them,
  or sticky like ``/tmp``);
- ``sourced-briefing/`` and each ``<kind>/`` folder in it are the user's, writable by the
  user alone, and not symbolic links; they are made so (0700) whatever the umask;
- a kept file is read only if it is an ordinary file of the user's that only the user can
  write, of sane size.

Each folder is held open and every file is reached through it, never by its path again, so
nothing renamed or linked between a check and a use can send a read or a write elsewhere.
``--check`` reads and writes nothing here; ``SOURCED_BRIEFING_NO_CACHE=1`` turns it off.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import stat
import time
from collections.abc import Iterator
from typing import Any

OFF = "SOURCED_BRIEFING_NO_CACHE"
# A kept file bigger than this was not written by a build: it is not read.
MAX_BYTES = 64_000_000
# A project's file not written or read for this long is removed when another project's
# file is made; a temporary file a killed build left, after an hour.
UNUSED_DAYS = 60
_NOT_OTHERS = stat.S_IWGRP | stat.S_IWOTH
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
_DIRECTORY = os.O_RDONLY | os.O_DIRECTORY | _CLOEXEC
_NO_LINK = getattr(os, "O_NOFOLLOW", 0)
# Reaching files through an open folder needs these (os.replace is os.rename's twin);
# where they are missing, no cache.
_SUPPORTED = _NO_LINK != 0 and {os.open, os.mkdir, os.stat, os.unlink, os.rename,
                                os.utime, os.readlink} <= os.supports_dir_fd
_KEPT_NAME = re.compile(r"[0-9a-f]{32}\.json|\.[0-9a-f]{16}\.tmp")


def turned_off() -> bool:
    return os.environ.get(OFF, "") not in ("", "0")


@contextlib.contextmanager
def opened(kind: str) -> Iterator[KeptFolder | None]:
    """``sourced-briefing/<kind>`` in the user's cache folder, made if need be and held open
    for the block; None where it is turned off, cannot be had, or is not the user's alone."""
    folder = _open(kind)
    try:
        yield folder
    finally:
        if folder is not None:
            folder.close()


def _open(kind: str) -> KeptFolder | None:
    if turned_off() or not _SUPPORTED:
        return None
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):  # as the XDG spec says: a relative path is ignored
        base = os.path.join(os.path.expanduser("~"), ".cache")
        if not os.path.isabs(base):  # no home folder to speak of
            return None
    fd = _walk(base)
    if fd is None:
        return None
    user = os.getuid()
    try:
        for name in ("sourced-briefing", kind):
            with contextlib.suppress(FileExistsError):
                os.mkdir(name, 0o700, dir_fd=fd)
            child = os.open(name, _DIRECTORY | _NO_LINK, dir_fd=fd)
            os.close(fd)
            fd = child
            info = os.fstat(fd)
            if info.st_uid != user or info.st_mode & _NOT_OTHERS:
                # Anything could have been put in it: none of it is used, and it is left
                # as it is (remove it, and a build makes it anew).
                raise PermissionError("not the user's alone")
    except OSError:
        os.close(fd)
        return None
    return KeptFolder(fd)


def _walk(path: str) -> int | None:
    """The folder at the absolute ``path``, open, reached one part at a time from ``/``;
    None if any folder on the way, or any link followed, is one that someone other than the
    user or root could have made or changed. Missing folders are made (0700).

    Links are followed only when they are the user's or root's, in a folder already found
    safe, so that nobody else could have planted them. A folder is safe when it is the
    user's or root's and others cannot write to it, or cannot rename what is in it (sticky,
    like ``/tmp``).
    """
    user = os.getuid()
    stack = [os.open("/", _DIRECTORY)]  # the folders walked, to go back up for ".."
    parts = [part for part in reversed(path.split("/")) if part]
    links = 0
    try:
        while parts:
            part = parts.pop()
            if part == ".":
                continue
            if part == "..":
                if len(stack) > 1:
                    os.close(stack.pop())
                continue
            here = stack[-1]
            try:
                info = os.stat(part, dir_fd=here, follow_symlinks=False)
            except FileNotFoundError:
                os.mkdir(part, 0o700, dir_fd=here)
                info = os.stat(part, dir_fd=here, follow_symlinks=False)
            if stat.S_ISLNK(info.st_mode):
                links += 1
                if info.st_uid not in (user, 0) or links > 40:
                    return None
                target = os.readlink(part, dir_fd=here)
                if target.startswith("/"):
                    while len(stack) > 1:
                        os.close(stack.pop())
                parts.extend(p for p in reversed(target.split("/")) if p)
                continue
            stack.append(os.open(part, _DIRECTORY | _NO_LINK, dir_fd=here))
            info = os.fstat(stack[-1])
            if info.st_uid not in (user, 0) or \
                    (info.st_mode & _NOT_OTHERS and not info.st_mode & stat.S_ISVTX):
                return None
        return stack.pop()
    except OSError:
        return None
    finally:
        for fd in stack:
            os.close(fd)


def _private_file(info: os.stat_result) -> bool:
    return stat.S_ISREG(info.st_mode) and info.st_uid == os.getuid() and \
        not info.st_mode & _NOT_OTHERS


class KeptFolder:
    """A cache folder held open; its files are named relative to it."""

    def __init__(self, fd: int) -> None:
        self.fd = fd

    def close(self) -> None:
        os.close(self.fd)

    def read(self, name: str, limit: int = MAX_BYTES) -> bytes | None:
        """The bytes of the file ``name``, if it is private to the user and at most
        ``limit`` bytes; never a pipe (it would hang the build) or a link."""
        try:
            fd = os.open(name, os.O_RDONLY | os.O_NONBLOCK | _NO_LINK | _CLOEXEC,
                         dir_fd=self.fd)
        except OSError:
            return None
        with os.fdopen(fd, "rb") as file:
            info = os.fstat(file.fileno())
            if not _private_file(info) or info.st_size > limit:
                return None
            try:
                data = file.read(limit + 1)
            except OSError:
                return None
        return data if len(data) <= limit else None

    def stamp(self, name: str) -> int | None:
        """When the file ``name`` was last written or read, if it is one to read."""
        try:
            info = os.stat(name, dir_fd=self.fd, follow_symlinks=False)
        except OSError:
            return None
        return info.st_mtime_ns if _private_file(info) else None

    def mark_used(self, name: str) -> None:
        """Note that a build used the file, so that clearing out spares it."""
        with contextlib.suppress(OSError):
            os.utime(name, dir_fd=self.fd, follow_symlinks=False)

    def write(self, name: str, data: bytes) -> bool:
        """Write the file ``name`` whole or not at all: a new private file (0600), made
        where no file was, renamed over the old one; nothing is left by a full disk or a
        Ctrl-C."""
        temporary = f".{os.urandom(8).hex()}.tmp"
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NO_LINK | _CLOEXEC
        try:
            fd = os.open(temporary, flags, 0o600, dir_fd=self.fd)
        except OSError:
            return False
        try:
            with os.fdopen(fd, "wb") as file:
                file.write(data)
            os.replace(temporary, name, src_dir_fd=self.fd, dst_dir_fd=self.fd)
        except BaseException as exc:
            with contextlib.suppress(OSError):
                os.unlink(temporary, dir_fd=self.fd)
            if not isinstance(exc, OSError):
                raise
            return False
        return True

    def clear_out(self) -> None:
        """Remove the files of projects not built for ``UNUSED_DAYS`` days, and temporary
        files left over an hour ago; only files of the names builds give them."""
        now = time.time()
        with contextlib.suppress(OSError), os.scandir(self.fd) as entries:
            for entry in entries:
                if not _KEPT_NAME.fullmatch(entry.name):
                    continue
                age = 3_600 if entry.name.endswith(".tmp") else UNUSED_DAYS * 86_400
                with contextlib.suppress(OSError):
                    info = entry.stat(follow_symlinks=False)
                    if stat.S_ISREG(info.st_mode) and info.st_mtime < now - age:
                        os.unlink(entry.name, dir_fd=self.fd)


def file_name(key: str) -> str:
    """The name of the file kept for ``key`` (a project's findings path)."""
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:32] + ".json"


def read_json(folder: KeptFolder, name: str, versions: str) -> dict[str, Any] | None:
    """The data kept in ``name`` if it was written under ``versions``, and mark it used;
    None if it cannot be read, is not JSON, or was written by another version."""
    raw = folder.read(name)
    if raw is None or not versions:
        return None
    try:
        kept = json.loads(raw)
    except (ValueError, RecursionError):
        return None
    if not isinstance(kept, dict) or kept.get("versions") != versions:
        return None
    data = kept.get("data")
    if not isinstance(data, dict):
        return None
    folder.mark_used(name)
    return data


def write_json(folder: KeptFolder, name: str, versions: str, data: dict[str, Any]) -> bool:
    """Keep ``data`` in ``name`` under ``versions``; when the file is new, clear out the
    files of projects long gone."""
    new = folder.stamp(name) is None
    written = folder.write(name, json.dumps({"versions": versions, "data": data},
                                            ensure_ascii=True).encode("ascii"))
    if written and new:
        folder.clear_out()
    return written
