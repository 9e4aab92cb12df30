"""Watch: rebuild whenever the findings, a source they name or a template changes, and
serve the briefing with live reload until interrupted.

Changes are found by polling modification times and sizes: no extra dependency, and the
same on every platform. A failed rebuild prints its problems and leaves the last good
report in place (and on screen).
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from importlib.resources import files
from pathlib import Path

import yaml

from ..page import render
from .serve import Server

Snapshot = dict[Path, tuple[int, int] | None]


def watched_files(findings: Path) -> list[Path]:
    """The findings, every source file they name, and the package's templates and styles."""
    paths = [findings]
    try:
        data = yaml.safe_load(findings.read_text(encoding="utf-8"))
        for source in data.get("sources") or []:
            if isinstance(source, dict) and isinstance(source.get("file"), str):
                paths.append(findings.parent / source["file"])
    except (OSError, ValueError, yaml.YAMLError, AttributeError, TypeError):
        pass  # an unreadable findings file is still watched itself, for its fix
    package = Path(str(files("briefing.page")))
    for folder in ("templates", "static"):
        paths.extend(sorted((package / folder).iterdir()))
    return paths


def snapshot(paths: list[Path]) -> Snapshot:
    state: Snapshot = {}
    for path in paths:
        try:
            stat = path.stat()
            state[path] = (stat.st_mtime_ns, stat.st_size)
        except (OSError, ValueError):
            state[path] = None
    return state


def watch(findings: Path, rebuild: Callable[[], int], out: Path, port: int,
          stop: threading.Event | None = None, interval: float = 0.3,
          on_ready: Callable[[str], None] | None = None) -> int:
    """Build, serve ``out``, and rebuild on every change until ``stop`` is set or Ctrl-C."""
    stop = stop or threading.Event()
    # Taken before building, so that an edit made during the first build is not missed.
    last = snapshot(watched_files(findings))
    rebuild()
    out.mkdir(parents=True, exist_ok=True)
    server = Server(out, port)
    print(f"build-report: serving {server.url} (Ctrl-C to stop); watching "
          f"{findings} and its sources", file=sys.stderr)
    if on_ready:
        on_ready(server.url)
    try:
        while not stop.wait(interval):
            now = snapshot(watched_files(findings))
            if now == last:
                continue
            last = now
            # Templates and the stylesheet may have changed: read them afresh.
            render.environment.cache_clear()
            render.stylesheet.cache_clear()
            if rebuild() == 0:
                server.reloads.notify()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return 0
