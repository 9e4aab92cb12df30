"""The pipeline: load → validate → verify quotes and figures → assemble → render.

``build`` only computes; writing is left to the caller, so the same run serves a
build, a ``--check`` and (later) a watcher that builds again and again in one process.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from .errors import InvalidFindings, Problems
from .findings.figures import check_figures
from .findings.load import load_findings
from .findings.quotes import verify_quotes
from .findings.validate import validate
from .page.render import render_csv, render_html, render_json
from .page.view import assemble


def build(findings_path: Path, shown_as: str, strict: bool = False, out: Path | None = None
          ) -> tuple[dict[str, bytes], Problems]:
    """The report's files as bytes, and the warnings; raises InvalidFindings on errors.
    ``out``, where the report will go, is named so that no source can be inside it."""
    problems = Problems()
    doc = load_findings(findings_path, shown_as, problems)
    if doc is None:
        raise InvalidFindings(problems)
    checked = validate(doc, findings_path.parent, problems, out)
    passages = verify_quotes(checked, doc, problems)
    check_figures(checked, doc, problems)
    findings = checked.findings
    if findings is None or problems.errors or (strict and len(problems)):
        raise InvalidFindings(problems, strict)
    view = assemble(findings, checked.texts, passages, build_date())
    files = {
        "index.html": render_html(view),
        "findings.json": render_json(findings, passages, view),
        "estimates.csv": render_csv(findings),
    }
    return files, problems


def build_date() -> str | None:
    """The date to show as the build date: only from SOURCE_DATE_EPOCH, for same-bytes builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return None
    try:
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date().isoformat()
    except (ValueError, OverflowError, OSError):
        return None
