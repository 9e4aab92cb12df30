"""The findings as far as the end of their sources list, for a command that needs only
the sources (find): that part read and checked as the build reads and checks it, the
rest of the file left unread. Composing ten thousand claims takes seconds; the sources
listed before them, milliseconds.

What follows the sources list is not read, so its mistakes are not reported here, nor
those only the whole file shows (a required section missing, a reference to another
record); the build reports them.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from ..errors import Problems
from ..files import UnreadableFile, read_regular
from ..findings import model, source_files
from ..findings.conform import build_list, build_one
from ..findings.load import Document, document_of
from ..findings.sections import check_sections, check_some_sources
from ..findings.sources import SourceText
from ..findings.unreadable import refuse_bidi_controls, too_deep
from .yaml_prefix import top_level_through

# The sections other than the sources that may come before them, each checked record by
# record as validate.py checks them.
_RECORDS = (
    ("origins", model.Origin),
    ("references", model.Reference),
    ("quantities", model.Quantity),
    ("places", model.Place),
)


def load_head(path: Path, shown: str, problems: Problems) -> Document | None:
    """The findings' top-level keys up to and including ``sources``, read as
    load_findings reads the whole file; None when that part cannot stand for the file:
    it cannot be read, is not a mapping listing its sources before its claims, or does
    not load as far as that. The caller then loads the whole file, which says what is
    wrong as the build would."""
    try:
        text = read_regular(path).decode("utf-8-sig")
    except (UnreadableFile, UnicodeDecodeError):
        return None
    try:
        head = top_level_through(text, "sources")
    except (yaml.YAMLError, RecursionError):
        return None
    if head is None or any(
        isinstance(key, yaml.ScalarNode) and key.value == "claims" for key, _ in head.value
    ):
        return None
    part = text[: head.end_mark.index]
    if too_deep(part) is not None:
        return None
    found = Problems()
    refuse_bidi_controls(part, shown, found)
    doc = document_of(head, part, shown, found)
    if doc is None:
        return None
    problems.items.extend(found.items)
    return doc


def check_head(
    doc: Document, project: Path, problems: Problems, out: Path | None = None
) -> tuple[list[tuple[int, model.Source]], dict[str, SourceText]]:
    """The valid sources, with their indexes, and the texts of those whose files pass
    every check, the head checked as validate.py checks those sections (in its order);
    ``out``, the report's folder, may hold no source."""
    data = doc.data
    check_sections(data, doc, problems, required=False)
    build_one(model.Briefing, data.get("briefing"), ("briefing",), doc, problems)
    sources = build_list(model.Source, data.get("sources"), "sources", doc, problems)
    for key, record in _RECORDS:
        build_list(record, data.get(key), key, doc, problems)
    check_some_sources(data, doc, problems)
    return sources, source_files.check_sources(sources, doc, project, problems, out)
