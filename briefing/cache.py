"""The user's cache folder: work kept between runs so that a build need not redo it.

What is kept there (compiled templates, parsed Markdown) changes how fast a build is, never
what it writes, and it is trusted the way the package's own code is: Jinja runs compiled
templates from it, and parsed Markdown goes into the page as it is. So the folder is used
only while it is the user's alone; ``--check`` reads and writes nothing there, and
``SOURCED_BRIEFING_NO_CACHE=1`` turns it off altogether.
"""

from __future__ import annotations

import contextlib
import os
import stat

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
