"""``build-report pdf [--out FILE]``: the briefing on paper, printed by Chromium.

The briefing is built afresh (nothing in report/ changes) and printed with its print
stylesheet: black on white, citations that name their source, collapsed parts open, the
page number and the handling marking on every page. Chromium does the printing; this
tool writes no PDF by hand. Without Chromium, a message says how to get it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from ..errors import BadInput, InvalidFindings, printable
from ..files import UnreadableFile, read_start, write_atomically
from .arguments import ArgumentParser

BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
TIMEOUT_SECONDS = 120


def parser() -> argparse.ArgumentParser:
    p = ArgumentParser(
        prog="build-report pdf", description="Print the briefing to PDF through Chromium."
    )
    p.add_argument(
        "--findings",
        metavar="PATH",
        default="findings.yaml",
        help="the findings file (default: findings.yaml)",
    )
    p.add_argument(
        "--out",
        metavar="FILE",
        default=None,
        help="the PDF to write (default: briefing.pdf beside the findings)",
    )
    return p


def chromium() -> str:
    """The browser to print with, or BadInput saying how to get one."""
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    raise BadInput(
        "printing needs Chromium, and none was found (looked for "
        f"{', '.join(BROWSERS)}): install it, on Debian or Ubuntu with "
        "'apt-get install chromium', then run build-report pdf again"
    )


def main(argv: list[str]) -> int:
    args = parser().parse_args(argv)
    findings = Path(args.findings)
    if not findings.is_file():
        raise BadInput(f"findings file '{printable(args.findings)}' not found")
    out = Path(args.out) if args.out else findings.parent / "briefing.pdf"
    _refuse_to_replace(out)
    browser = chromium()
    from ..build import build

    try:
        files, problems = build(findings, args.findings)
    except InvalidFindings as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        raise BadInput("the findings have errors: fix them, then print") from None
    for problem in problems:
        print(problem, file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="build-report-pdf-") as tmp:
        page = Path(tmp) / "index.html"
        page.write_bytes(files["index.html"])
        printed = Path(tmp) / "briefing.pdf"
        command = [
            browser,
            "--headless",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            f"--user-data-dir={Path(tmp) / 'profile'}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={printed}",
            page.as_uri(),
        ]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            command.insert(1, "--no-sandbox")  # Chromium refuses to run as root otherwise
        try:
            subprocess.run(command, capture_output=True, timeout=TIMEOUT_SECONDS, check=False)
        except subprocess.TimeoutExpired:
            raise BadInput(f"Chromium did not finish printing in {TIMEOUT_SECONDS} s") from None
        except OSError as exc:
            raise BadInput(f"cannot run {browser} ({exc.strerror or exc})") from None
        if not printed.is_file() or not printed.read_bytes().startswith(b"%PDF"):
            raise BadInput(
                f"{browser} printed no PDF: try 'chromium --headless "
                "--print-to-pdf' by hand to see why"
            )
        try:
            out.parent.mkdir(parents=True, exist_ok=True)
            _refuse_to_replace(out)  # again: the file may have appeared while printing
            write_atomically(out, printed.read_bytes())  # the whole PDF or the old one
        except OSError as exc:
            raise BadInput(f"cannot write {printable(str(out))} ({exc.strerror or exc})") from None
    print(f"build-report: printed {printable(str(out))}", file=sys.stderr)
    return 0


def _refuse_to_replace(out: Path) -> None:
    """Refuse an --out that is anything but a PDF (or nothing): printing replaces it."""
    if not os.path.lexists(out):
        return
    try:
        is_pdf = read_start(out, 5, follow_links=False) == b"%PDF-"
    except UnreadableFile:  # a link, a folder, a pipe: nothing printing may replace
        is_pdf = False
    if not is_pdf:
        raise BadInput(
            f"{printable(str(out))} exists and is not a PDF: refusing to replace "
            "it; choose another --out"
        )
