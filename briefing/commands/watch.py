"""Watch: rebuild whenever the findings, a source they name or a template changes, and
serve the briefing with live reload until interrupted.

Changes come as file-system events (watchfiles), so a save is seen at once. The folders
holding the watched files are watched, not the files, so that an editor that saves by
writing a new file and renaming it over the old one is followed too. Each folder is watched
by itself, never with what is below it: a project folder may hold a link to ``/`` or to
``/usr``, and following it would cost a watch per folder out there or stop the watcher.
At most ``MOST_FOLDERS`` folders are watched.

A failed rebuild prints its problems, lays them over the served page, and leaves the last
good report in place underneath; the next good rebuild takes them away. Nothing a rebuild or
the watcher meets (out of file descriptors, a folder gone) ends the session: the watcher
tries again, and rebuilds once it watches again. Only a watcher that cannot start at all
ends the command, with exit status 1, before anything is served.
"""

from __future__ import annotations

import gc
import queue
import re
import sys
import threading
import time
from collections.abc import Callable, Iterator
from importlib.resources import files
from pathlib import Path

import yaml

from ..errors import printable
from ..findings.load import MAX_DEPTH
from ..findings.sources import SourceReadError, read_regular
from ..page import render
from .serve import Server
from .yaml_prefix import top_level_value

# A rebuild's exit status and the lines it printed.
Rebuild = Callable[[], tuple[int, list[str]]]
# How long the files must stay still before a rebuild starts. Editors write a file in one
# go; a save caught half-written fails to build, and its last write starts another rebuild.
_QUIET_MS = 10
_TICK_MS = 250  # how often the watcher looks up from waiting (to know it is watching)
_RETRY_SECONDS = 1.0  # the pause before watching again after the watcher failed
_START_SECONDS = 30  # how long setting up the watches may take before the command gives up
# How long a follow-up waits for open pages to fetch the new briefing: it would otherwise
# compete with their fetch for the one interpreter.
_RELOAD_WAIT_SECONDS = 2.0
_LOOK_AGAIN_SECONDS = 5.0  # the longest the watcher waits for a rebuild before its look
MOST_FOLDERS = 500  # a bound on inotify watches, far above what a project needs


def watched_files(findings: Path, folders: dict[Path, Path] | None = None) -> list[Path]:
    """The findings, every source file they name, and the package's templates and styles.
    ``folders`` keeps the folders resolved on the way, for the caller to resolve again."""
    folders = {} if folders is None else folders
    paths = [findings]
    try:
        text = read_regular(findings).decode("utf-8")
        project = findings.parent.resolve()
        for named in _source_files(text) if _shallow(text) else []:
            path = findings.parent / named
            # Only inside the project (the build reads nothing else): a source named
            # '/etc/x' or '../../x' must not have the watcher look at '/etc' or home.
            if _inside(path, project, folders):
                paths.append(path)
    except (
        SourceReadError,
        OSError,
        ValueError,
        yaml.YAMLError,
        AttributeError,
        TypeError,
        RecursionError,
    ):
        pass  # an unreadable findings file is still watched itself, for its fix
    package = Path(str(files("briefing.page")))
    for folder in ("templates", "static"):
        paths.extend(sorted((package / folder).iterdir()))
    return paths


def _source_files(text: str) -> list[str]:
    """The files the sources list names, read without the rest of the file: the watcher
    does this on every save, beside the rebuild, and the claims can be most of the file."""
    sources = top_level_value(text, "sources")
    if not isinstance(sources, yaml.SequenceNode):
        return []
    return [
        value.value
        for item in sources.value
        if isinstance(item, yaml.MappingNode)
        for key, value in item.value
        if isinstance(key, yaml.ScalarNode) and key.value == "file"
        if isinstance(value, yaml.ScalarNode) and value.tag.endswith(":str")
    ]


def _inside(path: Path, project: Path, folders: dict[Path, Path]) -> bool:
    try:
        return _resolve(path, folders).is_relative_to(project)
    except (OSError, RuntimeError, ValueError):  # a link that loops, a name with a NUL
        return False


def _resolve(path: Path, folders: dict[Path, Path]) -> Path:
    """``path.resolve()``, with each folder resolved once per look at the files (kept in
    ``folders``): the watcher resolves every source's name beside every rebuild, and
    hundreds of sources share a folder or two. Only a name that is itself a link, or "."
    or "..", is resolved in full."""
    if path.name in ("", ".", "..") or path.is_symlink():
        return path.resolve()
    folder = folders.get(path.parent)
    if folder is None:
        folder = folders[path.parent] = path.parent.resolve()
    return folder / path.name


def _shallow(text: str) -> bool:
    """Whether the text nests brackets shallowly enough for YAML's C parser to be safe.
    Only the brackets are looked at: this runs beside every rebuild, and a findings file
    is mostly text without any."""
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return True
    depth = deepest = 0
    for bracket in _BRACKETS.findall(text):
        if bracket in "[{":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth = max(0, depth - 1)
    return deepest <= MAX_DEPTH


_BRACKETS = re.compile(r"[\[\]{}]")


def watch(
    findings: Path,
    rebuild: Rebuild,
    out: Path,
    port: int,
    stop: threading.Event | None = None,
    on_ready: Callable[[str], None] | None = None,
    follow_up: Callable[[], list[str]] | None = None,
) -> int:
    """Build, serve ``out``, and rebuild on every change until ``stop`` is set or Ctrl-C.
    1 when the files cannot be watched at all, else 0. ``follow_up`` is what a build
    leaves for after open pages have reloaded, done unless another change is waiting; it
    returns the lines of a failure to show."""
    stop = stop or threading.Event()
    # The cycle collector runs only when the session is idle: run by itself after a
    # rebuild, its pass over everything the session keeps held up the page for longer
    # than most of the rebuild took (half a second at 10,000 claims).
    collecting = gc.isenabled()
    gc.disable()
    # Started before the first build, so that an edit made during it is not missed.
    watcher = _Watcher(findings, stop)
    watcher.start()
    server = Server(out, port)
    try:
        if not watcher.wait_started(_START_SECONDS):
            print(
                printable(
                    f"build-report: error: cannot watch {findings} and its sources "
                    f"({watcher.failure}); nothing is served: free some file "
                    "descriptors or inotify watches and run it again"
                ),
                file=sys.stderr,
            )
            return 1
        rebuild_fresh = _fresh(rebuild)  # the templates as the first build finds them
        _apply(server, _safely(rebuild))
        print(
            f"build-report: serving {server.url} (Ctrl-C to stop); watching "
            f"{printable(str(findings))} and its sources",
            file=sys.stderr,
        )
        if on_ready:
            on_ready(server.url)
        _tidy()
        while not stop.is_set():
            try:
                watcher.changed.get(timeout=0.2)
            except queue.Empty:
                continue
            while not watcher.changed.empty():  # one rebuild for a burst of saves
                watcher.changed.get_nowait()
            _apply(server, _safely(rebuild_fresh))
            watcher.rebuilt.set()
            server.reloads.notify()  # good or bad, open pages show the outcome
            if follow_up is not None and _pages_reloaded(server, watcher.changed):
                _follow(server, follow_up)
            if watcher.changed.empty():
                _tidy()
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        server.stop()
        watcher.join(5)
        gc.unfreeze()
        if collecting:
            gc.enable()
    return 0


def _tidy() -> None:
    """Collect the cycles a rebuild left, then set what survives aside from later
    collections: what a session keeps from one build to the next is not looked through
    again on every rebuild."""
    gc.collect()
    gc.freeze()


def _pages_reloaded(server: Server, changed: queue.Queue[None]) -> bool:
    """Wait until open pages have fetched the briefing just rebuilt (at most
    ``_RELOAD_WAIT_SECONDS``); False, at once, when another change is waiting: the next
    rebuild comes first."""
    generation = server.reloads.generation
    deadline = time.monotonic() + _RELOAD_WAIT_SECONDS
    while changed.empty():
        if not server.reloads.streams or time.monotonic() >= deadline:
            return True
        if server.wait_page_sent(generation, 0.05):
            return changed.empty()
    return False


def _follow(server: Server, follow_up: Callable[[], list[str]]) -> None:
    """The follow-up; a failure is printed and shown on the page, as a build's is."""

    def followed() -> tuple[int, list[str]]:
        failed = follow_up()
        for line in failed:
            print(printable(line), file=sys.stderr)
        return (1 if failed else 0), failed

    code, lines = _safely(followed)
    if code:
        server.show_problems(lines)
        server.reloads.notify()


def _fresh(rebuild: Rebuild) -> Rebuild:
    """The rebuild, after dropping the templates and stylesheet kept from the last one if
    either changed since (with them goes what was drawn with them)."""
    last = [render.stamp()]

    def fresh() -> tuple[int, list[str]]:
        now = render.stamp()
        if now != last[0]:
            render.environment.cache_clear()
            render.stylesheet.cache_clear()
            last[0] = now
        return rebuild()

    return fresh


def _apply(server: Server, outcome: tuple[int, list[str]]) -> None:
    code, lines = outcome
    server.show_problems(lines if code else [])


def _safely(rebuild: Rebuild) -> tuple[int, list[str]]:
    """A rebuild that cannot end the session: whatever it raises is reported as a failure."""
    try:
        return rebuild()
    except Exception as exc:  # the analyst keeps the server; the message says what broke
        line = (
            f"build-report: error: the rebuild stopped unexpectedly "
            f"({type(exc).__name__}: {exc}); the last good briefing is still served"
        )
        print(printable(line), file=sys.stderr)
        return 1, [line]


class _Watcher(threading.Thread):
    """Puts an item in ``changed`` for every batch of changes to the watched files."""

    def __init__(self, findings: Path, stop: threading.Event) -> None:
        super().__init__(daemon=True, name="build-report watcher")
        self.findings = findings
        self.stop = stop
        self.changed: queue.Queue[None] = queue.Queue()
        self.failure = ""  # why the watches could not be set, when they could not
        self._settled = threading.Event()  # set once watching, or once that failed
        # Set by the session once it has rebuilt after a change: the watcher looks at the
        # findings again (for sources named anew) only then, not beside the rebuild.
        self.rebuilt = threading.Event()

    def wait_started(self, seconds: float) -> bool:
        """Whether the first watches are in place (False: see ``failure``)."""
        if not self._settled.wait(seconds):
            self.failure = self.failure or f"still not watching after {seconds:.0f} s"
        return self._settled.is_set() and not self.failure

    def run(self) -> None:
        lost = False
        while not self.stop.is_set():
            try:
                for changes in self._batches():
                    self._settled.set()
                    if lost:  # saves made while not watching were missed: rebuild now
                        print("build-report: watching again", file=sys.stderr)
                        lost = False
                        self.changed.put(None)
                    elif changes:
                        self.rebuilt.clear()
                        self.changed.put(None)
            except Exception as exc:  # the session outlives its watcher: it tries again
                reason = _reason(exc)
                if not self._settled.is_set():
                    self.failure = reason
                    self._settled.set()
                    return
                if not lost:
                    print(
                        printable(
                            f"build-report: warning: watching stopped ({reason}); "
                            "trying again every second"
                        ),
                        file=sys.stderr,
                    )
                lost = True
                self.stop.wait(_RETRY_SECONDS)

    def _after_the_rebuild(self) -> None:
        """Wait (at most ``_LOOK_AGAIN_SECONDS``) until the session has rebuilt after the
        change just reported. The watches stay in place meanwhile: changes made during
        the rebuild come in the next batch."""
        deadline = time.monotonic() + _LOOK_AGAIN_SECONDS
        while not self.rebuilt.wait(0.05):
            if self.stop.is_set() or time.monotonic() >= deadline:
                return

    def _batches(self) -> Iterator[set[object]]:
        """Every batch of changes to the watched files, and an empty one every
        ``_TICK_MS`` of quiet (the first says the watches are in place); ends when the
        folders to watch change, or at ``stop``."""
        import watchfiles

        wanted = _wanted(self.findings)
        folders = _folders(wanted, self.findings)
        if len(folders) > MOST_FOLDERS:
            print(
                f"build-report: warning: the findings and sources sit in {len(folders)} "
                f"folders; only changes in the first {MOST_FOLDERS} are seen: keep the "
                "sources in fewer folders",
                file=sys.stderr,
            )
        for changes in watchfiles.watch(
            *folders[:MOST_FOLDERS],
            stop_event=self.stop,
            watch_filter=_Wanted(wanted),
            recursive=False,
            debounce=1_000,
            step=_QUIET_MS,
            rust_timeout=_TICK_MS,
            yield_on_timeout=True,
        ):
            yield set(changes)
            if changes:
                self._after_the_rebuild()
                now = _wanted(self.findings)  # the findings may name other sources now
                if _folders(now, self.findings) != folders:
                    return  # watch the new set of folders
                wanted.clear()
                wanted.update(now)


def _reason(exc: Exception) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return f"{type(exc).__name__}: {exc}"


class _Wanted:
    """The filter that lets through events for the watched files only."""

    def __init__(self, paths: set[Path]) -> None:
        self.paths = paths

    def __call__(self, _change: object, path: str) -> bool:
        return Path(path) in self.paths


def _wanted(findings: Path) -> set[Path]:
    """The watched files by the names the build opens them by and, for a link, by the
    file it leads to (an edit there changes what the build reads)."""
    folders: dict[Path, Path] = {}
    named = watched_files(findings, folders)
    return {p.absolute() for p in named} | {_target(p, folders) for p in named}


def _target(path: Path, folders: dict[Path, Path]) -> Path:
    try:
        return _resolve(path, folders)
    except (OSError, RuntimeError, ValueError):  # a link that loops leads nowhere
        return path.absolute()


def _folders(paths: set[Path], findings: Path) -> list[str]:
    """The folders holding these files: the findings' own first, the others in order."""
    own = str(findings.absolute().parent)
    others = sorted({str(p.parent) for p in paths if p.parent.is_dir()} - {own})
    return [own, *others]
