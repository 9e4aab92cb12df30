"""CSL: the sources as CSL-JSON items, ``sources.csl.json``, for Zotero and other
reference managers.

Each source is a ``document`` item (Zotero keeps its publisher), keyed by the source's
id; what CSL has no field for (the file's SHA-256, the Admiralty grade) goes in ``note``,
which Zotero shows as Extra. A source's access date is not known to the findings, so no
``accessed`` is written rather than a made-up one.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..findings import model
from ..findings.sources import SourceText
from .exchange import one_a_line


def render_csl(findings: model.Findings, texts: dict[str, SourceText]) -> bytes:
    """The sources as a CSL-JSON array, one item a line, in the findings' order."""
    items = [_item(source, texts[source.id]) for source in findings.sources]
    return (one_a_line(items) + "\n").encode("utf-8")


def _item(source: model.Source, text: SourceText) -> dict[str, Any]:
    item: dict[str, Any] = {"id": source.id, "type": "document", "title": source.title}
    if source.publisher:
        item["publisher"] = source.publisher
    if source.published:
        item["issued"] = date_parts(source.published)
    if source.url:
        item["URL"] = source.url
    item["note"] = f"SHA-256: {text.sha256}\nAdmiralty source reliability: {source.reliability}"
    return item


def date_parts(day: dt.date) -> dict[str, list[list[int]]]:
    """A date in CSL's form: ``{"date-parts": [[year, month, day]]}``."""
    return {"date-parts": [[day.year, day.month, day.day]]}
