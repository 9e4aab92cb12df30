"""The user's cache folder: work kept between runs so that a build need not redo it.

What is kept there (compiled templates, parsed Markdown) changes how fast a build is, never
what it writes, and it is trusted the way the package's own code is: Jinja runs compiled
templates from it, and parsed Markdown goes into the page as it is. So the folder is used
only while it is the user's alone; ``--check`` reads and writes nothing there, and
``SOURCED_BRIEFING_NO_CACHE=1`` turns it off altogether.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
import tempfile
import time
from pathlib import Path
from typing import Any

from .findings.sources import SourceReadError, read_regular

OFF = "SOURCED_BRIEFING_NO_CACHE"


def folder(kind: str) -> str | None:
    """``sourced-briefing/<kind>`` under ``$XDG_CACHE_HOME`` (else ``~/.cache``), made if
    need be; None where it is turned off, cannot be made, or is not the user's alone."""
    if os.environ.get(OFF):
        return None
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):  # as the XDG spec says: a relative path is ignored
        base = os.path.join(os.path.expanduser("~"), ".cache")
        if not os.path.isabs(base):  # no home folder to speak of
            return None
    top = os.path.join(base, "sourced-briefing")
    path = os.path.join(top, kind)
    try:
        os.makedirs(base, exist_ok=True)
        return path if _ours_alone(top) and _ours_alone(path) else None
    except OSError:
        return None


def _ours_alone(path: str) -> bool:
    """Make ``path`` a folder only the user can write to, or say it cannot be one.

    Made with mode 0700 whatever the umask; one of the user's own that others could write
    to (a umask of 002 makes such folders) is closed to them. One of another user's is not
    used.
    """
    with contextlib.suppress(FileExistsError):
        os.mkdir(path, 0o700)
    info = os.stat(path)
    if not stat.S_ISDIR(info.st_mode):
        return False
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        return False
    if info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        os.chmod(path, stat.S_IMODE(info.st_mode) & ~(stat.S_IWGRP | stat.S_IWOTH))
    return True


# Files kept in a cache folder ------------------------------------------------------------

# A file bigger than this was not written by a build: it is not read.
MAX_BYTES = 64_000_000
# A project's file not written for this long is removed when another project's is made.
UNUSED_DAYS = 60


def file_for(kind: str, key: str) -> str | None:
    """The path of the file kept for ``key`` (a project's findings path) in the ``kind``
    folder, or None when there is no folder to keep it in."""
    where = folder(kind)
    if where is None:
        return None
    name = hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:32]
    return os.path.join(where, f"{name}.json")


def stamp(path: str) -> int | None:
    """When the file at ``path`` was last written, or None if it is not there."""
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return None


def read_json(path: str, versions: str) -> dict[str, Any] | None:
    """The data kept at ``path`` if it was written under ``versions``; None if it cannot be
    read, is not an ordinary file of sane size (never a pipe that would hang the build),
    is not JSON, or was written by another version."""
    try:
        kept = json.loads(read_regular(Path(path), MAX_BYTES))
    except (SourceReadError, ValueError, RecursionError):
        return None
    if not isinstance(kept, dict) or not versions or kept.get("versions") != versions:
        return None
    data = kept.get("data")
    return data if isinstance(data, dict) else None


def write_json(path: str, versions: str, data: dict[str, Any]) -> int | None:
    """Write ``data`` under ``versions`` at ``path`` whole or not at all, and say when;
    None if it could not be written.

    A new private file (0600) is renamed over the old one: never a name someone else
    could have put a link at, and nothing left behind by a full disk or a Ctrl-C.
    """
    where = os.path.dirname(path)
    new = not os.path.exists(path)
    try:
        fd, temporary = tempfile.mkstemp(dir=where, prefix=".", suffix=".tmp")
    except OSError:
        return None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as file:
            json.dump({"versions": versions, "data": data}, file, ensure_ascii=True)
        os.replace(temporary, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if not isinstance(exc, OSError):
            raise
        return None
    if new:  # a project not seen before: a moment to clear out those long gone
        clear_out(where)
    return stamp(path)


def clear_out(where: str) -> None:
    """Remove the files of projects not built for ``UNUSED_DAYS`` days, and temporary
    files that a killed build left over an hour ago."""
    now = time.time()
    cutoff = {".json": now - UNUSED_DAYS * 86_400, ".tmp": now - 3_600}
    with contextlib.suppress(OSError), os.scandir(where) as entries:
        for entry in entries:
            kind = os.path.splitext(entry.name)[1]
            if kind in cutoff and entry.is_file(follow_symlinks=False):
                with contextlib.suppress(OSError):
                    if entry.stat(follow_symlinks=False).st_mtime < cutoff[kind]:
                        os.unlink(entry.path)
