"""Numbers: how figures are found in text and how they are written out, in one place."""

from __future__ import annotations

import re
from collections.abc import Iterator

# A figure as news copy writes it: 12, 12,000 or 2.5 (a comma groups thousands).
FIGURE = re.compile(r"\d(?:[\d,]*\d)?(?:\.\d+)?")


def figures_in(text: str) -> Iterator[tuple[re.Match[str], float]]:
    """Each figure in ``text`` with its value, thousands separators dropped."""
    for match in FIGURE.finditer(text):
        yield match, float(match.group().replace(",", ""))


def numbers(text: str) -> list[float]:
    """The values of the figures ``text`` states, in order."""
    return [value for _, value in figures_in(text)]


def shown(value: float) -> str:
    """A figure for readers: thousands separators, no needless '.0'."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def plain(value: float | None) -> str:
    """A figure for programs (CSV, data attributes): no separators; '' for none."""
    return "" if value is None else shown(value).replace(",", "")
