"""Command line: the first word names the command, a module of ``briefing.commands`` with
its own ``main(argv)``, imported only when asked for; without one, ``build``
(``build-report [options]``). Problems a command raises are worded here, once: exit 1 for
bad input, 2 for usage errors, one line each on stderr.
"""

from __future__ import annotations

import contextlib
import errno
import importlib
import os
import sys
from typing import NoReturn

from .commands import COMMANDS
from .errors import BadInput, UsageError, printable

USAGE = (
    "usage: build-report [--findings PATH] [--out DIR] [--previous PATH] [--check] "
    "[--strict] [--watch [--port N]]\n       build-report {"
    + ",".join(COMMANDS)
    + "} ... (build-report COMMAND --help)"
)


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
            print(
                f"build-report: error: the output could not be written ({exc.strerror or exc})",
                file=sys.stderr,
            )
        code = 120
    if sys.getprofile() is not None or sys.gettrace() is not None or "coverage" in sys.modules:
        raise SystemExit(code)
    with contextlib.suppress(OSError, ValueError, AttributeError):
        sys.stderr.flush()
    os._exit(code)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    command = argv[0] if argv and argv[0] in COMMANDS else None
    try:
        if command is None:
            from .commands import build

            return build.main(argv)
        module = importlib.import_module(f".commands.{COMMANDS[command][0]}", __package__)
        code: int = module.main(argv[1:])
        return code
    except UsageError as exc:
        print(f"build-report: error: {printable(str(exc))}", file=sys.stderr)
        if command is not None:
            print(f"usage: see build-report {command} --help", file=sys.stderr)
        else:
            print(USAGE, file=sys.stderr)
        return 2
    except BadInput as exc:
        print(f"build-report: error: {printable(str(exc))}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
