"""The argument parser every command uses: argparse that raises :class:`UsageError` instead
of printing and leaving the process, so that the command line's edge words the error and
chooses exit status 2 in one place."""

from __future__ import annotations

import argparse

from ..errors import UsageError


class ArgumentParser(argparse.ArgumentParser):
    """argparse that raises UsageError instead of printing and exiting."""

    def error(self, message: str) -> None:  # type: ignore[override]
        if "unrecognized arguments:" in message and ".y" in message:
            message += " (give the findings file as --findings PATH)"
        raise UsageError(message)
