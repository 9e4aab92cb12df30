"""Watch: rebuild whenever the findings, a source they name or a template changes, and
serve the briefing with live reload until interrupted.

Changes come as file-system events (watchfiles), so a save is seen at once. The folders
holding the watched files are watched, not the files, so that an editor that saves by
writing a new file and renaming it over the old one is followed too. A failed rebuild
prints its problems, lays them over the served page, and leaves the last good report in
place underneath; the next good rebuild takes them away.
"""

from __future__ import annotations

import queue
import sys
import threading
from collections.abc import Callable
from importlib.resources import files
from pathlib import Path

import yaml

from ..errors import printable
from ..findings.sources import SourceReadError, read_regular
from ..page import render
from .serve import Server

# A rebuild's exit status and the lines it printed.
Rebuild = Callable[[], tuple[int, list[str]]]
_QUIET_MS = 20  # how long the files must stay still before a rebuild starts


def watched_files(findings: Path) -> list[Path]:
    """The findings, every source file they name, and the package's templates and styles."""
    paths = [findings]
    try:
        text = read_regular(findings).decode("utf-8")
        data = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) \
            if _shallow(text) else None
        project = findings.parent.resolve()
        for source in (data.get("sources") or []) if isinstance(data, dict) else []:
            if isinstance(source, dict) and isinstance(source.get("file"), str):
                path = findings.parent / source["file"]
                # Only inside the project (the build reads nothing else): a source named
                # '/etc/x' or '../../x' must not set a recursive watch on '/' or the home.
                if path.resolve().is_relative_to(project):
                    paths.append(path)
    except (SourceReadError, OSError, ValueError, yaml.YAMLError, AttributeError, TypeError,
            RecursionError):
        pass  # an unreadable findings file is still watched itself, for its fix
    package = Path(str(files("briefing.page")))
    for folder in ("templates", "static"):
        paths.extend(sorted((package / folder).iterdir()))
    return paths


def _shallow(text: str) -> bool:
    """Whether the text nests brackets shallowly enough for YAML's C parser to be safe."""
    depth = deepest = 0
    for ch in text:
        if ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth = max(0, depth - 1)
    return deepest <= 100


def watch(findings: Path, rebuild: Rebuild, out: Path, port: int,
          stop: threading.Event | None = None,
          on_ready: Callable[[str], None] | None = None) -> int:
    """Build, serve ``out``, and rebuild on every change until ``stop`` is set or Ctrl-C."""
    stop = stop or threading.Event()
    # Started before the first build, so that an edit made during it is not missed.
    watcher = _Watcher(findings, stop)
    watcher.start()
    server = Server(out, port)
    try:
        _apply(server, _safely(rebuild))
        print(f"build-report: serving {server.url} (Ctrl-C to stop); watching "
              f"{printable(str(findings))} and its sources", file=sys.stderr)
        if on_ready:
            on_ready(server.url)
        while not stop.is_set():
            try:
                watcher.changed.get(timeout=0.2)
            except queue.Empty:
                continue
            while not watcher.changed.empty():  # one rebuild for a burst of saves
                watcher.changed.get_nowait()
            # Templates and the stylesheet may have changed: read them afresh.
            render.environment.cache_clear()
            render.stylesheet.cache_clear()
            _apply(server, _safely(rebuild))
            server.reloads.notify()  # good or bad, open pages show the outcome
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        server.stop()
        watcher.join(5)
    return 0


def _apply(server: Server, outcome: tuple[int, list[str]]) -> None:
    code, lines = outcome
    server.show_problems(lines if code else [])


def _safely(rebuild: Rebuild) -> tuple[int, list[str]]:
    """A rebuild that cannot end the session: whatever it raises is reported as a failure."""
    try:
        return rebuild()
    except Exception as exc:  # the analyst keeps the server; the message says what broke
        line = (f"build-report: error: the rebuild stopped unexpectedly "
                f"({type(exc).__name__}: {exc}); the last good briefing is still served")
        print(printable(line), file=sys.stderr)
        return 1, [line]


class _Watcher(threading.Thread):
    """Puts an item in ``changed`` for every batch of changes to the watched files."""

    def __init__(self, findings: Path, stop: threading.Event) -> None:
        super().__init__(daemon=True, name="build-report watcher")
        self.findings = findings
        self.stop = stop
        self.changed: queue.Queue[None] = queue.Queue()

    def run(self) -> None:
        import watchfiles

        while not self.stop.is_set():
            wanted = _wanted(self.findings)
            folders = _folders(wanted)
            for _ in watchfiles.watch(*sorted(folders), stop_event=self.stop,
                                      watch_filter=_Wanted(wanted),
                                      debounce=1_000, step=_QUIET_MS, rust_timeout=500):
                self.changed.put(None)
                now = _wanted(self.findings)  # the findings may name other sources now
                if _folders(now) != folders:
                    break  # watch the new set of folders
                wanted.clear()
                wanted.update(now)


class _Wanted:
    """The filter that lets through events for the watched files only."""

    def __init__(self, paths: set[Path]) -> None:
        self.paths = paths

    def __call__(self, _change: object, path: str) -> bool:
        return Path(path) in self.paths


def _wanted(findings: Path) -> set[Path]:
    return {p.absolute() for p in watched_files(findings)}


def _folders(paths: set[Path]) -> set[str]:
    return {str(p.parent) for p in paths if p.parent.is_dir()}
