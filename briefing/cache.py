"""The user's cache folder: work kept between runs so that a build need not redo it.

What is kept there (compiled templates, parsed Markdown) changes how fast a build is, never
what it writes. Jinja loads compiled templates from it as code, so a folder that anyone but
the user could write to is not used: the build then does the work afresh.
"""

from __future__ import annotations

import os
import stat


def folder(kind: str) -> str | None:
    """``sourced-briefing/<kind>`` under ``$XDG_CACHE_HOME`` (else ``~/.cache``), made if
    need be; None where it cannot be made or is not the user's alone."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    path = os.path.join(base, "sourced-briefing", kind)
    try:
        os.makedirs(path, mode=0o700, exist_ok=True)
        info = os.stat(path)
        top = os.stat(os.path.dirname(path))
    except OSError:
        return None
    user = os.getuid() if hasattr(os, "getuid") else None
    for entry in (info, top):
        if (not stat.S_ISDIR(entry.st_mode) or (user is not None and entry.st_uid != user)
                or entry.st_mode & (stat.S_IWGRP | stat.S_IWOTH)):
            return None
    return path
