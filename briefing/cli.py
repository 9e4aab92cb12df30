"""Command line: parse arguments, run the build, report problems, choose the exit code.

Exit 0 when built (or up to date under --check), 1 when the findings are invalid or the
report is stale, 2 for usage errors. Problems go to stderr one per line.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import __version__
from .build import build
from .commands.watch import watch
from .errors import InvalidFindings, UsageError
from .output.write import differences, write_report


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        if "unrecognized arguments:" in message and ".y" in message:
            message += " (give the findings file as --findings PATH)"
        raise UsageError(message)


def parser() -> argparse.ArgumentParser:
    p = _Parser(prog="build-report", description="Build a sourced analytic briefing "
                "from findings.yaml: every claim cited to the exact passage of its source.")
    p.add_argument("--findings", metavar="PATH", default="findings.yaml",
                   help="the findings file to read (default: findings.yaml)")
    p.add_argument("--out", metavar="DIR", default=None,
                   help="folder to write the briefing to (default: report/ beside the findings)")
    p.add_argument("--check", action="store_true",
                   help="write nothing; fail if the findings are invalid or the report "
                   "is not what a build would write")
    p.add_argument("--strict", action="store_true", help="treat warnings as errors")
    p.add_argument("--watch", action="store_true",
                   help="rebuild on every change of the findings, sources or templates, and "
                   "serve the briefing on 127.0.0.1 with live reload")
    p.add_argument("--port", type=int, default=8000, metavar="N",
                   help="port for --watch (default: 8000; 0 picks a free one)")
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    return p


def main(argv: list[str] | None = None) -> int:
    try:
        args = parser().parse_args(argv)
        return _run(args)
    except UsageError as exc:
        print(f"build-report: error: {exc}", file=sys.stderr)
        print("usage: build-report [--findings PATH] [--out DIR] [--check] [--strict] "
              "[--watch [--port N]]", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def _run(args: argparse.Namespace) -> int:
    findings = Path(args.findings)
    if not findings.is_file():
        raise UsageError(f"findings file '{args.findings}' not found" if not findings.exists()
                         else f"'{args.findings}' is not a file")
    out = Path(args.out) if args.out else findings.parent / "report"
    if args.watch:
        if args.check:
            raise UsageError("--check and --watch do not go together")
        if not 0 <= args.port <= 65535:
            raise UsageError(f"--port {args.port} is not a port number (0 to 65535)")
        try:
            return watch(findings, lambda: _build_and_write(args, findings, out), out,
                         args.port)
        except OSError as exc:
            raise UsageError(f"cannot serve on 127.0.0.1:{args.port} ({exc.strerror or exc}):"
                             " choose another --port") from None
    return _build_and_write(args, findings, out)


def _build_and_write(args: argparse.Namespace, findings: Path, out: Path) -> int:
    try:
        files, problems = build(findings, args.findings, strict=args.strict)
    except InvalidFindings as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        count = len(exc.problems.errors)
        warnings = len(exc.problems) - count
        why = " (--strict counts warnings as errors)" if exc.strict and warnings else ""
        print(f"build-report: {count} error(s), {warnings} warning(s){why}; nothing was "
              "written", file=sys.stderr)
        return 1
    for problem in problems:
        print(problem, file=sys.stderr)
    if args.check:
        stale = differences(out, files)
        for line in stale:
            print(f"build-report: {line}", file=sys.stderr)
        if stale:
            print("build-report: the report is not what a build would write: run "
                  "build-report to rebuild it", file=sys.stderr)
            return 1
        return 0
    try:
        write_report(out, files)
    except OSError as exc:
        print(f"build-report: error: could not write {out}: {exc.strerror or exc}; "
              "the previous report is unchanged", file=sys.stderr)
        return 1
    print(f"build-report: wrote {out}/ ({', '.join(sorted(files))})", file=sys.stderr)
    return 0
