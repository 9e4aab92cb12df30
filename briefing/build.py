"""The pipeline: load → validate → verify quotes and figures → trace origins and lint →
assemble → render.

``build`` only computes; writing is left to the caller, so the same run serves a
build, a ``--check`` and a watcher that builds again and again in one process.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from . import incremental
from .errors import BadInput, InvalidFindings, Problems
from .findings import coverage, origins
from .findings.figures import check_figures
from .findings.lint import lint
from .findings.load import Document, load_findings
from .findings.quotes import Passage, verify_quotes
from .findings.validate import Validated, validate
from .output.annotations import render_annotations
from .output.changes import Previous, compare, moved_fields, remembered, sightings
from .output.csl import render_csl
from .output.data import findings_data, render_csv, render_json
from .output.stix import render_stix
from .page.render import render_html
from .page.view import Edition, assemble


def build(
    findings_path: Path,
    shown_as: str,
    strict: bool = False,
    out: Path | None = None,
    previous: Previous | None = None,
    keep_claims: bool = False,
) -> tuple[dict[str, bytes], Problems]:
    """The report's files as bytes, and the warnings; raises InvalidFindings on errors.

    ``out``, where the report will go, is named so that no source can be inside it;
    ``previous``, an earlier edition's findings.json, makes the briefing say what changed.
    Nothing is read or written outside the inputs: what a build reuses lives in memory.
    ``keep_claims`` (for a watch session) reads again only the claims whose text changed
    since the last build that kept them.
    """
    built, problems = build_page(findings_path, shown_as, strict, out, previous, keep_claims)
    return built.files(), problems


class Built:
    """A build's page, and what the files for other tools are made from: a watch session
    shows the page before it makes them."""

    def __init__(
        self, page: bytes, checked: Validated, passages: dict[tuple[str, int], Passage], data: Data
    ) -> None:
        self.page = page
        self._checked = checked
        self._passages = passages
        self._data = data

    def others(self) -> dict[str, bytes]:
        """The files for other tools and for the next edition."""
        findings, texts, passages = self._checked.findings, self._checked.texts, self._passages
        assert findings is not None
        return {
            "findings.json": render_json(self._data()),
            "estimates.csv": render_csv(findings),
            "annotations.jsonld": render_annotations(findings, texts, passages),
            "briefing.stix.json": render_stix(findings, texts, passages),
            "sources.csl.json": render_csl(findings, texts),
        }

    def files(self) -> dict[str, bytes]:
        return {"index.html": self.page, **self.others()}


def build_page(
    findings_path: Path,
    shown_as: str,
    strict: bool = False,
    out: Path | None = None,
    previous: Previous | None = None,
    keep_claims: bool = False,
) -> tuple[Built, Problems]:
    """What ``build`` does, up to the page; the other files are made on demand."""
    problems = Problems()
    blocks = incremental.CLAIM_BLOCKS if keep_claims else None
    doc = load_findings(findings_path, shown_as, problems, blocks)
    if doc is None:
        raise InvalidFindings(problems)
    checked = validate(doc, findings_path.parent, problems, out)
    passages = verify_quotes(checked, doc, problems)
    check_figures(checked, doc, problems, passages)
    findings = checked.findings
    if previous is None and findings is not None and findings.briefing.previous:
        previous = _remembered(findings_path, findings.briefing.previous, out, doc, problems)
    if findings is None or problems.errors:
        raise InvalidFindings(problems, strict)
    traced = origins.trace(findings)
    # Under --watch most sources are as they were: their sentences are kept in memory.
    sentences = incremental.sentences_by_source(findings, checked.texts, passages)
    # findings.json's data, made once when first asked for: an edition compares it
    # before the page is drawn; otherwise only findings.json needs it.
    data: Data = functools.cache(
        lambda: findings_data(findings, checked.texts, passages, sentences, traced)
    )
    changes = compare(previous.data, data()) if previous else None
    if changes is not None:
        data()["changes"] = changes
    accepted = lint(
        findings,
        traced,
        {sid: coverage.share(s) for sid, s in sentences.items()},
        doc,
        problems,
        moved_fields(changes) if changes else None,
        sightings(changes) if changes else None,
        {
            sid: [checked.texts[sid].text[s.start : s.end] for s in said if not s.covered][:2]
            for sid, said in sentences.items()
        },
    )
    if strict and len(problems):
        raise InvalidFindings(problems, strict)
    view = assemble(
        findings,
        checked.texts,
        passages,
        sentences,
        traced,
        accepted,
        Edition(previous.edition, changes) if previous and changes is not None else None,
        build_date(),
    )
    return Built(render_html(view), checked, passages, data), problems


Data = Callable[[], dict[str, Any]]


def _remembered(
    findings_path: Path, named: str, out: Path | None, doc: Document, problems: Problems
) -> Previous | None:
    """The edition ``briefing.previous`` names, or None with an error at its line."""
    try:
        return remembered(findings_path.parent, named, out)
    except BadInput as exc:
        problems.error(doc.at(("briefing", "previous")), str(exc))
        return None


def build_date() -> str | None:
    """The date to show as the build date: only from SOURCE_DATE_EPOCH, for same-bytes builds."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return None
    try:
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date().isoformat()
    except (ValueError, OverflowError, OSError):
        return None
