"""``build-report init DIR``: a new briefing project that builds as it is.

It holds ``findings.yaml`` with a commented example of every key, one example source, the
JSON Schema for editors, a short README for the analyst and a ``.gitignore``. A folder
that already holds a project, or anything but hidden files, is refused: nothing in it is
touched.
"""

from __future__ import annotations

import argparse
import os
import sys
from importlib.resources import files
from pathlib import Path

from ..errors import BadInput, printable
from ..files import write_new
from ..findings.schema import schema_text
from .arguments import ArgumentParser

STARTER = ("findings.yaml", "README.md", ".gitignore", "sources/example.txt")


def parser() -> argparse.ArgumentParser:
    p = ArgumentParser(
        prog="build-report init",
        description="Start a new briefing project in DIR (made if missing).",
    )
    p.add_argument("dir", metavar="DIR", help="the folder for the new project")
    return p


def main(argv: list[str]) -> int:
    folder = Path(parser().parse_args(argv).dir)
    shown = printable(str(folder))
    if folder.exists() and not folder.is_dir():
        raise BadInput(f"{shown} is a file: give a folder for the new project")
    if folder.is_dir():
        if (folder / "findings.yaml").exists():
            raise BadInput(
                f"{shown} already holds a project (findings.yaml): nothing was "
                "changed; edit it, or choose another folder"
            )
        present = sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))
        if present:
            raise BadInput(
                f"{shown} is not empty ({', '.join(present[:3])}"
                f"{' ...' if len(present) > 3 else ''}): nothing was changed; "
                "choose an empty or new folder"
            )
    starter = files("briefing.commands") / "starter"
    written = []
    try:
        for name in STARTER:
            target = folder / name
            target.parent.mkdir(parents=True, exist_ok=True)
            write_new(target, (starter / name).read_bytes())  # never over what appeared
            written.append(target)
        schema = folder / "findings.schema.json"
        write_new(schema, schema_text().encode("utf-8"))
        written.append(schema)
    except OSError as exc:
        for path in written:
            path.unlink(missing_ok=True)
        raise BadInput(f"cannot write the project in {shown} ({exc.strerror or exc})") from None
    print(
        f"build-report: new project in {shown}{os.sep}: edit findings.yaml, then run "
        f"'build-report --findings {shown}{os.sep}findings.yaml --watch'",
        file=sys.stderr,
    )
    return 0
