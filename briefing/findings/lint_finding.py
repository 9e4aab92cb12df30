"""What a lint rule finds: one warning (``Finding``) before lint.py applies the analyst's
acknowledgments, and how a rule names the ids a message concerns."""

from __future__ import annotations

from typing import NamedTuple

from .load import KeyPath


class Finding(NamedTuple):
    """One warning the lint raises, before acknowledgments are applied."""

    code: str
    subject: KeyPath
    """The claim or source it concerns: ("claims", i) or ("sources", i)."""
    at: KeyPath
    """The node the warning points at."""
    message: str
    word: str = ""
    """Words in the node's text to point at, where the text runs over several lines."""


def quoted(ids: list[str]) -> str:
    """The first few ids, quoted, and how many more there are."""
    shown = ", ".join(f"'{i}'" for i in ids[:4])
    return shown + (f" and {len(ids) - 4} more" if len(ids) > 4 else "")
