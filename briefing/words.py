"""Words: how a count is put into English, in messages and on the page alike."""

from __future__ import annotations


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """The form of ``singular`` that goes with ``count``: 'claim' for one, 'claims' for any
    other count, or ``plural_form`` where adding an s is wrong (a verb: 'reports', 'report')."""
    if count == 1:
        return singular
    return singular + "s" if plural_form is None else plural_form


def counted(count: int, singular: str, plural_form: str | None = None) -> str:
    """The count and its noun: '1 claim', '3 claims'."""
    return f"{count} {plural(count, singular, plural_form)}"
