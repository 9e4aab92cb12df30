"""Command line: parse arguments, run the build or one of the analyst's commands, report
problems, choose the exit code.

``build-report [options]`` builds, as it always has. ``build-report COMMAND ...`` runs one
of the commands in :data:`COMMANDS`, each a module of ``briefing.commands`` with its own
``main(argv)``, imported only when asked for. Exit 0 when built (or up to date under
--check), 1 when the findings are invalid or the report is stale, 2 for usage errors.
Problems go to stderr one per line.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import errno
import gc
import importlib
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from . import __version__
from .errors import BadInput, InvalidFindings, UsageError, printable

if TYPE_CHECKING:
    from .output.changes import Previous

# The analyst's commands beside the build: name → (module, one line of help).
COMMANDS: dict[str, tuple[str, str]] = {
    "init": ("init", "start a new briefing project in a folder"),
    "add-source": ("add_source", "copy a source text into sources/ and list it, pinned"),
    "find": ("find", "find the passages of a source closest to words you remember"),
    "pdf": ("pdf", "print the briefing to PDF through Chromium"),
    "diff": ("diff", "show what changed between two builds' findings.json"),
}
USAGE = ("usage: build-report [--findings PATH] [--out DIR] [--previous PATH] [--check] "
         "[--strict] [--watch [--port N]]\n       build-report {" + ",".join(COMMANDS)
         + "} ... (build-report COMMAND --help)")


class ArgumentParser(argparse.ArgumentParser):
    """argparse that raises UsageError instead of printing and exiting."""

    def error(self, message: str) -> None:  # type: ignore[override]
        if "unrecognized arguments:" in message and ".y" in message:
            message += " (give the findings file as --findings PATH)"
        raise UsageError(message)


def parser() -> argparse.ArgumentParser:
    commands = "\n".join(f"  {name:<11} {about}" for name, (_, about) in COMMANDS.items())
    p = ArgumentParser(
        prog="build-report", formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Build a sourced analytic briefing from findings.yaml: every claim "
        "cited to the exact passage of its source.",
        epilog=f"commands (build-report COMMAND --help):\n{commands}")
    p.add_argument("--findings", metavar="PATH", default="findings.yaml",
                   help="the findings file to read (default: findings.yaml)")
    p.add_argument("--out", metavar="DIR", default=None,
                   help="folder to write the briefing to (default: report/ beside the findings)")
    p.add_argument("--previous", metavar="PATH", default=None,
                   help="an earlier edition's findings.json: the briefing says what changed")
    p.add_argument("--check", action="store_true",
                   help="write nothing; fail if the findings are invalid or the report "
                   "is not what a build would write")
    p.add_argument("--strict", action="store_true", help="treat warnings as errors")
    p.add_argument("--watch", action="store_true",
                   help="rebuild on every change of the findings, sources or templates, and "
                   "serve the briefing on 127.0.0.1 with live reload")
    p.add_argument("--port", type=int, default=None, metavar="N",
                   help="port for --watch (default: 8000; 0 picks a free one)")
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return p


def run() -> NoReturn:
    """The command line's entry point: :func:`main`, then leave the process at once.

    By then every file is written and closed; the output is flushed here. What a normal
    exit would still do is take the interpreter apart object by object, which costs a
    fresh build about a tenth of its time and changes nothing (mypy leaves the same way).
    Under a profiler, a tracer or coverage, whose results are written at exit, the process
    ends the normal way.
    """
    try:
        code = main()
        if sys.stdout is not None:
            sys.stdout.flush()
    except OSError as exc:  # a full disk, a reader gone: say so, and fail as Python does
        if exc.errno not in (errno.EPIPE, errno.ENOSPC):
            raise
        with contextlib.suppress(OSError, ValueError, AttributeError):
            print(f"build-report: error: the output could not be written "
                  f"({exc.strerror or exc})", file=sys.stderr)
        code = 120
    if sys.getprofile() is not None or sys.gettrace() is not None or "coverage" in sys.modules:
        raise SystemExit(code)
    with contextlib.suppress(OSError, ValueError, AttributeError):
        sys.stderr.flush()
    os._exit(code)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    try:
        if argv and argv[0] in COMMANDS:
            module = importlib.import_module(f".commands.{COMMANDS[argv[0]][0]}", __package__)
            code: int = module.main(argv[1:])
            return code
        return _run(parser().parse_args(argv))
    except UsageError as exc:
        print(f"build-report: error: {printable(str(exc))}", file=sys.stderr)
        if argv and argv[0] in COMMANDS:
            print(f"usage: see build-report {argv[0]} --help", file=sys.stderr)
        else:
            print(USAGE, file=sys.stderr)
        return 2
    except BadInput as exc:
        print(f"build-report: error: {printable(str(exc))}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def _run(args: argparse.Namespace) -> int:
    findings = Path(args.findings)
    if not findings.is_file():
        raise UsageError(f"findings file '{args.findings}' not found" if not findings.exists()
                         else f"'{args.findings}' is not a file")
    out = Path(args.out) if args.out else findings.parent / "report"
    from .output.write import refuse_foreign

    # Before anything is built or served: a folder that is not a report is never touched.
    if not args.check:
        inputs = (findings,) if args.previous is None else (findings, Path(args.previous))
        refuse_foreign(out, inputs=inputs)
    previous = None
    if args.previous is not None:
        from .output.changes import read_previous

        previous = read_previous(Path(args.previous))
    if not args.watch:
        if args.port is not None:
            raise UsageError("--port is for --watch: add --watch, or leave --port out")
        return _build_and_write(args, findings, out, previous)
    if args.check:
        raise UsageError("--check and --watch do not go together")
    port = 8000 if args.port is None else args.port
    if not 0 <= port <= 65535:
        raise UsageError(f"--port {port} is not a port number (0 to 65535)")
    from .commands.watch import watch

    builds = [0]

    def rebuild() -> tuple[int, list[str]]:
        builds[0] += 1
        lines: list[str] = []
        started = time.perf_counter()
        code = _build_and_write(args, findings, out, previous, lines.append, quiet=True)
        took = (time.perf_counter() - started) * 1000
        stamp = dt.datetime.now().strftime("%H:%M:%S")
        for line in lines:
            print(line, file=sys.stderr)
        done = ("built" if builds[0] == 1 else "rebuilt") if code == 0 else \
            ("build failed" if builds[0] == 1 else "rebuild failed")
        print(f"[{stamp}] build-report: {done} in {took:.0f} ms", file=sys.stderr)
        return code, lines

    try:
        return watch(findings, rebuild, out, port)
    except OSError as exc:
        # Not a mistake on the command line: the port is taken, or not ours to use.
        raise BadInput(f"cannot serve on 127.0.0.1:{port} ({exc.strerror or exc}): "
                       "choose another --port") from None


def _build_and_write(args: argparse.Namespace, findings: Path, out: Path,
                     previous: Previous | None,
                     say: Callable[[str], None] | None = None, quiet: bool = False) -> int:
    # A build is one burst of allocation that makes few reference cycles: the cycle
    # collector's passes over every new object cost a fresh build several milliseconds,
    # and 10,000 claims a third of their time, to free a few hundred objects. It is paused
    # for the build and let run again after, in a watcher that lives on as much as here.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _build_and_write_paused(args, findings, out, previous, say, quiet)
    finally:
        if collecting:
            gc.enable()


def _build_and_write_paused(args: argparse.Namespace, findings: Path, out: Path,
                            previous: Previous | None, say: Callable[[str], None] | None,
                            quiet: bool) -> int:
    from .build import build
    from .output.write import differences, write_report

    def tell(line: str) -> None:
        (say or (lambda text: print(text, file=sys.stderr)))(line)

    try:
        files, problems = build(findings, args.findings, strict=args.strict, out=out,
                                previous=previous)
    except InvalidFindings as exc:
        for problem in exc.problems:
            tell(str(problem))
        count = len(exc.problems.errors)
        warnings = len(exc.problems) - count
        why = " (--strict counts warnings as errors)" if exc.strict and warnings else ""
        tell(f"build-report: {count} error(s), {warnings} warning(s){why}; nothing was "
             "written")
        return 1
    for problem in problems:
        tell(str(problem))
    if args.check:
        stale = differences(out, files)
        for line in stale:
            tell(f"build-report: {line}")
        if stale:
            tell(_stale_advice(out, files))
            return 1
        return 0
    try:
        write_report(out, files)
    except OSError as exc:
        tell(f"build-report: error: could not write {printable(str(out))}: "
             f"{exc.strerror or exc}; the previous report is unchanged")
        return 1
    except UsageError as exc:
        tell(f"build-report: error: {printable(str(exc))}; nothing was written")
        return 1
    if not quiet:
        tell(f"build-report: wrote {printable(str(out))}/ ({', '.join(sorted(files))})")
    return 0


def _stale_advice(out: Path, files: dict[str, bytes]) -> str:
    """What to do about a stale report; a report built with --previous is not to be
    rebuilt without it, which would drop its "What changed"."""
    try:
        kept = json.loads((out / "findings.json").read_bytes())
    except (OSError, ValueError):
        kept = None
    if isinstance(kept, dict) and "changes" in kept and b'\n  "changes": ' not in \
            files["findings.json"]:
        return ("build-report: the report says what changed since a previous edition, and "
                "this check compared with none: give the same --previous, or name the "
                "edition in briefing.previous so that every build and check uses it")
    return ("build-report: the report is not what a build would write: run build-report "
            "to rebuild it")
