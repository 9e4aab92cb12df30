"""Write: put the report's files in place all at once, or compare them with what is there.

The new report is written beside the old one and swapped in with renames, so a failed or
interrupted build never leaves a half-written report: readers see the old one or the new.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from ..errors import UsageError

# Files a build writes; a folder holding anything else is not ours to replace.
REPORT_FILES = ("index.html", "findings.json", "estimates.csv")


def write_report(out: Path, files: dict[str, bytes]) -> None:
    _refuse_foreign(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    for stale in out.parent.glob(f".{out.name}-*-*"):
        # Left by a build that was killed between its renames.
        if stale.is_dir() and stale.name.split("-")[-2] in ("new", "old"):
            shutil.rmtree(stale, ignore_errors=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-new-", dir=out.parent))
    try:
        for name, data in sorted(files.items()):
            (staging / name).write_bytes(data)
            os.chmod(staging / name, 0o644)
        os.chmod(staging, 0o755)
        if out.exists():
            old = Path(tempfile.mkdtemp(prefix=f".{out.name}-old-", dir=out.parent))
            old.rmdir()
            out.rename(old)
            try:
                staging.rename(out)
            except OSError:
                old.rename(out)  # put the previous report back before giving up
                raise
            shutil.rmtree(old, ignore_errors=True)
        else:
            staging.rename(out)
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)


def differences(out: Path, files: dict[str, bytes]) -> list[str]:
    """What differs between ``out`` and the files a build would write."""
    if not out.is_dir():
        return [f"{out} does not exist"]
    found = []
    for name, data in sorted(files.items()):
        path = out / name
        if not path.is_file():
            found.append(f"{path} is missing")
        elif path.read_bytes() != data:
            found.append(f"{path} is out of date")
    for extra in sorted(p.name for p in out.iterdir()):
        if extra not in files:
            found.append(f"{out / extra} is not part of the report")
    return found


def _refuse_foreign(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise UsageError(f"{out} is a file, not a folder: choose another --out")
    if out.is_dir():
        unknown = [p.name for p in out.iterdir() if p.name not in REPORT_FILES]
        if unknown:
            shown = ", ".join(sorted(unknown)[:3])
            if len(unknown) > 3:
                shown += f" and {len(unknown) - 3} more"
            raise UsageError(f"{out} holds files a build does not write ({shown}): refusing "
                             "to replace it; choose an empty folder or a report folder")
