"""``build-report [options]``: build the briefing from the findings and write ``report/``;
with --check, write nothing and say whether ``report/`` is current; with --watch, rebuild on
every change and serve the briefing.

Exit 0 when built (or up to date under --check), 1 when the findings are invalid, the
report is stale or cannot be written. Usage errors raise :class:`UsageError`, which the
command line's edge turns into exit 2.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import gc
import json
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from .. import __version__
from ..errors import BadInput, InvalidFindings, UsageError, printable
from . import COMMANDS
from .arguments import ArgumentParser

if TYPE_CHECKING:
    from ..build import Built
    from ..output.changes import Previous


class BuildOptions(NamedTuple):
    """What one build reads and where it goes: the same for every rebuild of a watch."""

    findings: Path
    """The findings file to read."""
    shown_as: str
    """The findings file as the user named it: problems are reported at this path."""
    out: Path
    """The folder the report is written to (or compared with, under --check)."""
    previous: Previous | None
    """An earlier edition's findings.json, read: the briefing says what changed since."""
    strict: bool
    """Warnings count as errors."""
    check: bool
    """Write nothing; compare what a build would write with ``out``."""


def parser() -> argparse.ArgumentParser:
    commands = "\n".join(f"  {name:<11} {about}" for name, (_, about) in COMMANDS.items())
    p = ArgumentParser(
        prog="build-report",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Build a sourced analytic briefing from findings.yaml: every claim "
        "cited to the exact passage of its source.",
        epilog=f"commands (build-report COMMAND --help):\n{commands}",
    )
    p.add_argument(
        "--findings",
        metavar="PATH",
        default="findings.yaml",
        help="the findings file to read (default: findings.yaml)",
    )
    p.add_argument(
        "--out",
        metavar="DIR",
        default=None,
        help="folder to write the briefing to (default: report/ beside the findings)",
    )
    p.add_argument(
        "--previous",
        metavar="PATH",
        default=None,
        help="an earlier edition's findings.json: the briefing says what changed",
    )
    p.add_argument(
        "--check",
        action="store_true",
        help="write nothing; fail if the findings are invalid or the report "
        "is not what a build would write",
    )
    p.add_argument("--strict", action="store_true", help="treat warnings as errors")
    p.add_argument(
        "--watch",
        action="store_true",
        help="rebuild on every change of the findings, sources or templates, and "
        "serve the briefing on 127.0.0.1 with live reload",
    )
    p.add_argument(
        "--port",
        type=int,
        default=None,
        metavar="N",
        help="port for --watch (default: 8000; 0 picks a free one)",
    )
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return p


def main(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    options = _options(args)
    if not args.watch:
        if args.port is not None:
            raise UsageError("--port is for --watch: add --watch, or leave --port out")
        return build_and_write(options)
    if args.check:
        raise UsageError("--check and --watch do not go together")
    port = 8000 if args.port is None else args.port
    if not 0 <= port <= 65535:
        raise UsageError(f"--port {port} is not a port number (0 to 65535)")
    return _watch(options, port)


def _options(args: argparse.Namespace) -> BuildOptions:
    """The options of the command line, checked, with the previous edition read."""
    findings = Path(args.findings)
    if not findings.is_file():
        raise UsageError(
            f"findings file '{args.findings}' not found"
            if not findings.exists()
            else f"'{args.findings}' is not a file"
        )
    out = Path(args.out) if args.out else findings.parent / "report"
    from ..output.write import refuse_foreign

    # Before anything is built or served: a folder that is not a report is never touched.
    if not args.check:
        inputs = (findings,) if args.previous is None else (findings, Path(args.previous))
        refuse_foreign(out, inputs=inputs)
    previous = None
    if args.previous is not None:
        from ..output.changes import read_previous

        previous = read_previous(Path(args.previous))
    return BuildOptions(findings, args.findings, out, previous, args.strict, args.check)


def _watch(options: BuildOptions, port: int) -> int:
    """Serve the briefing on ``port`` and rebuild it on every change until interrupted."""
    from .watch import watch

    builds = [0]
    writes = PageFirst()

    def rebuild() -> tuple[int, list[str]]:
        builds[0] += 1
        lines: list[str] = []
        started = time.perf_counter()
        code = build_and_write(options, lines.append, quiet=True, session=writes)
        took = (time.perf_counter() - started) * 1000
        stamp = dt.datetime.now().strftime("%H:%M:%S")
        for line in lines:
            print(line, file=sys.stderr)
        done = (
            ("built" if builds[0] == 1 else "rebuilt")
            if code == 0
            else ("build failed" if builds[0] == 1 else "rebuild failed")
        )
        print(f"[{stamp}] build-report: {done} in {took:.0f} ms", file=sys.stderr)
        return code, lines

    try:
        return watch(options.findings, rebuild, options.out, port, follow_up=writes.follow_up)
    except OSError as exc:
        # Not a mistake on the command line: the port is taken, or not ours to use.
        raise BadInput(
            f"cannot serve on 127.0.0.1:{port} ({exc.strerror or exc}): choose another --port"
        ) from None


class PageFirst:
    """A watch session's writes. The page is written as soon as it is drawn, beside the
    other files of the last build; the new other files (findings.json, the exchange
    files), which on a large case take as long again to make, follow once open pages have
    been told to reload, unless another save is already waiting, in which case the next
    build writes them. Either way the folder is whole again as soon as the saves stop."""

    def __init__(self) -> None:
        self.written: dict[str, bytes] | None = None
        self.pending: tuple[Path, Built] | None = None

    def write(self, out: Path, built: Built) -> None:
        from ..output.write import write_report

        if self.written is None:
            self._write_all(out, built)
            return
        write_report(out, {**self.written, "index.html": built.page})
        self.pending = (out, built)

    def follow_up(self) -> list[str]:
        """Write the files the last page came with; the lines to show if that fails."""
        if self.pending is None:
            return []
        out, built = self.pending
        self.pending = None
        try:
            self._write_all(out, built)
        except (OSError, UsageError) as exc:
            return [_unwritten(out, exc)]
        return []

    def _write_all(self, out: Path, built: Built) -> None:
        from ..output.write import write_report

        files = built.files()
        write_report(out, files)
        self.written = files


def _unwritten(out: Path, exc: OSError | UsageError) -> str:
    if isinstance(exc, OSError):
        return (
            f"build-report: error: could not write {printable(str(out))}: "
            f"{exc.strerror or exc}; the previous report is unchanged"
        )
    return f"build-report: error: {printable(str(exc))}; nothing was written"


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """The cycle collector off while the decorated function runs, then as it was.

    A build is one burst of allocation that makes few reference cycles: the collector's
    passes over every new object cost a fresh build several milliseconds, and 10,000 claims
    a third of their time, to free a few hundred objects. In a watcher, which lives on, it
    runs again between builds.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


@_collector_paused()
def build_and_write(
    options: BuildOptions,
    say: Callable[[str], None] | None = None,
    quiet: bool = False,
    session: PageFirst | None = None,
) -> int:
    """Build; print the problems through ``say`` (stderr by default); then write the report,
    or under --check compare it. The exit status: 0 done, 1 not. A watch ``session``
    keeps each claim's reading from one build to the next and writes the page first."""
    from ..build import build_page
    from ..output.write import differences, write_report

    def tell(line: str) -> None:
        (say or (lambda text: print(text, file=sys.stderr)))(line)

    try:
        built, problems = build_page(
            options.findings,
            options.shown_as,
            strict=options.strict,
            out=options.out,
            previous=options.previous,
            keep_claims=session is not None,
        )
    except InvalidFindings as exc:
        for problem in exc.problems:
            tell(str(problem))
        count = len(exc.problems.errors)
        warnings = len(exc.problems) - count
        why = " (--strict counts warnings as errors)" if exc.strict and warnings else ""
        tell(f"build-report: {count} error(s), {warnings} warning(s){why}; nothing was written")
        return 1
    for problem in problems:
        tell(str(problem))
    if options.check:
        files = built.files()
        stale = differences(options.out, files)
        for line in stale:
            tell(f"build-report: {line}")
        if stale:
            tell(_stale_advice(options.out, files))
            return 1
        return 0
    try:
        if session is not None:
            session.write(options.out, built)
            return 0
        files = built.files()
        write_report(options.out, files)
    except (OSError, UsageError) as exc:
        tell(_unwritten(options.out, exc))
        return 1
    if not quiet:
        tell(f"build-report: wrote {printable(str(options.out))}/ ({', '.join(sorted(files))})")
    return 0


def _stale_advice(out: Path, files: dict[str, bytes]) -> str:
    """What to do about a stale report; a report built with --previous is not to be
    rebuilt without it, which would drop its "What changed"."""
    try:
        kept = json.loads((out / "findings.json").read_bytes())
    except (OSError, ValueError):
        kept = None
    if (
        isinstance(kept, dict)
        and "changes" in kept
        and b'\n  "changes": ' not in files["findings.json"]
    ):
        return (
            "build-report: the report says what changed since a previous edition, and "
            "this check compared with none: give the same --previous, or name the "
            "edition in briefing.previous so that every build and check uses it"
        )
    return (
        "build-report: the report is not what a build would write: run build-report to rebuild it"
    )
