"""Sections: the top-level keys a findings file may have, and those it must have."""

from __future__ import annotations

from typing import Any

from ..errors import Problems, closest, did_you_mean
from .load import Document

SECTIONS = ("briefing", "sources", "claims", "origins", "references", "quantities", "places")
REQUIRED = ("briefing", "sources", "claims")


def check_sections(data: dict[Any, Any], doc: Document, problems: Problems, required: bool) -> None:
    """Report each unknown top-level key (with the section it may be a slip for) and,
    when ``required``, each required section missing that no slip stands for."""
    for key in data:
        if key not in SECTIONS:
            problems.error(
                doc.key_at((key,)),
                f"unknown top-level key '{key}'"
                f"{did_you_mean(key, SECTIONS)}; allowed: {', '.join(SECTIONS)}",
            )
    if not required:
        return
    misspelt = {closest(str(key), SECTIONS) for key in data if key not in SECTIONS}
    for key in REQUIRED:
        if key not in data and key not in misspelt:
            problems.error(doc.at(()), f"missing required top-level key '{key}'")


def check_some_sources(data: dict[Any, Any], doc: Document, problems: Problems) -> None:
    """An empty list of sources (an absent or null one is reported where it is read)."""
    if "sources" in data and isinstance(data["sources"], list) and not data["sources"]:
        problems.error(doc.at(("sources",)), "at least one source is needed")
