"""Element ids: slugs of readers' names, made unique on the page.

Ids and slugs are letters, digits and hyphens; every id made from them joins its parts
with '_', which they never hold, and fixed section ids have no '_' at all, so ids made
here cannot collide with each other or with the page's own.
"""

from __future__ import annotations

import re


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


def unique(anchor: str, used: set[str]) -> str:
    """``anchor``, numbered when another part already took it (slugs can collide)."""
    candidate, n = anchor, 1
    while candidate in used:
        n += 1
        candidate = f"{anchor}_{n}"
    used.add(candidate)
    return candidate
