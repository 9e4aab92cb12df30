"""``build-report diff OLD.json NEW.json``: what changed between two builds, in the terminal.

The same comparison a build makes with --previous, printed one block per claim for review
before a new edition goes out. Exit 0 whether or not anything changed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..errors import printable
from ..output.changes import compare, read_previous
from ..output.describe import describe
from .arguments import ArgumentParser


def parser() -> argparse.ArgumentParser:
    p = ArgumentParser(
        prog="build-report diff",
        description="Show what changed between two builds' findings.json, claim by claim.",
    )
    p.add_argument("old", metavar="OLD.json", help="the earlier edition's findings.json")
    p.add_argument("new", metavar="NEW.json", help="the later edition's findings.json")
    return p


def main(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    old, new = read_previous(Path(args.old)), read_previous(Path(args.new))
    changes = compare(old.data, new.data)
    if not changes:
        print("no claim, figure or judgment changed")
        return 0
    for line in describe(changes):
        print(printable(line))  # the files may have been edited by hand: no raw escapes
    counts = {
        kind: sum(c["change"] == kind for c in changes) for kind in ("added", "removed", "changed")
    }
    print(
        f"{counts['changed']} changed, {counts['added']} added, {counts['removed']} removed",
        file=sys.stderr,
    )
    return 0
