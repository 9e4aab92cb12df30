"""Changes: what moved between an earlier edition's findings.json and this build, claim by
claim (by id), so that a reader of edition 4 can see what is different from edition 3.

A changed claim lists each field that moved with its old and new value. The list is
ordered for the reader: judgments whose likelihood or confidence moved, then estimates
whose figures moved, then the rest (added, removed, re-flagged, reworded), each by id.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..errors import BadInput, printable

# The fields compared, in the order a changed entry lists them.
FIELDS = ("kind", "statement", "likelihood", "confidence", "credibility", "flag", "estimate",
          "evidence", "independent_origins")
_ESTIMATE_FIELDS = ("value", "low", "high", "qualifier", "as_of", "basis")


class Previous:
    """An earlier edition's findings.json, read and checked for shape."""

    def __init__(self, path: Path, data: dict[str, Any]) -> None:
        self.path = path
        self.data = data

    @property
    def edition(self) -> int | None:
        edition = (self.data.get("briefing") or {}).get("edition")
        return edition if isinstance(edition, int) and not isinstance(edition, bool) else None


def read_previous(path: Path) -> Previous:
    """The findings.json at ``path``, or BadInput naming the file and what is wrong."""
    shown = printable(str(path))
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise BadInput(f"previous findings '{shown}' not found: give the findings.json of "
                         "an earlier build") from None
    except IsADirectoryError:
        raise BadInput(f"previous findings '{shown}' is a folder: give the findings.json "
                         "inside it") from None
    except OSError as exc:
        raise BadInput(f"previous findings '{shown}' cannot be read "
                         f"({exc.strerror or exc})") from None
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        where = f" (line {exc.lineno})" if isinstance(exc, json.JSONDecodeError) else ""
        raise BadInput(f"previous findings '{shown}' is not JSON{where}: give the "
                         "findings.json a build wrote") from None
    problem = _shape_problem(data)
    if problem:
        raise BadInput(f"previous findings '{shown}' is not a findings.json: {problem}")
    return Previous(path, data)


def _shape_problem(data: Any) -> str | None:
    if not isinstance(data, dict):
        return "it is not an object"
    claims = data.get("claims")
    if not isinstance(claims, list):
        return "it has no 'claims' list"
    for i, claim in enumerate(claims):
        if not isinstance(claim, dict) or not isinstance(claim.get("id"), str):
            return f"claim {i + 1} has no id"
        if not isinstance(claim.get("statement", ""), str):
            return f"claim '{claim['id']}' has a statement that is not text"
    return None


def compare(old: dict[str, Any], new: dict[str, Any]) -> list[dict[str, Any]]:
    """The changes from ``old`` to ``new``: a list of {claim, change, ...}."""
    before = {c["id"]: c for c in old["claims"]}
    after = {c["id"]: c for c in new["claims"]}
    changes = []
    for cid, claim in after.items():
        if cid not in before:
            changes.append({"claim": cid, "change": "added", "statement": claim["statement"],
                            "kind": claim.get("kind", "reported")})
            continue
        moved = {}
        for key in FIELDS:
            was, now = _comparable(key, before[cid]), _comparable(key, claim)
            if was != now:
                moved[key] = {"old": was, "new": now}
        if moved:
            entry: dict[str, Any] = {"claim": cid, "change": "changed",
                                     "kind": claim.get("kind", "reported"), "fields": moved}
            if claim.get("revised"):
                entry["revised"] = claim["revised"]
            changes.append(entry)
    for cid, claim in before.items():
        if cid not in after:
            changes.append({"claim": cid, "change": "removed",
                            "statement": claim.get("statement", ""),
                            "kind": claim.get("kind", "reported")})
    return sorted(changes, key=lambda c: (_rank(c), c["claim"]))


def moved_fields(changes: list[dict[str, Any]]) -> dict[str, list[str]]:
    """By claim id, the fields that moved."""
    return {c["claim"]: list(c["fields"]) for c in changes if c["change"] == "changed"}


def _rank(change: dict[str, Any]) -> int:
    fields = change.get("fields", {})
    if "likelihood" in fields or "confidence" in fields:
        return 0
    if "estimate" in fields:
        return 1
    return 2


def _comparable(key: str, claim: dict[str, Any]) -> Any:
    value = claim.get(key)
    if key == "kind":
        return value or "reported"
    if key == "estimate":
        if not isinstance(value, dict):
            return None
        shown = {k: value.get(k) for k in _ESTIMATE_FIELDS}
        shown["basis"] = shown["basis"] or "count"  # findings from before forecasts
        return shown
    if key == "evidence":
        if not isinstance(value, list):
            return []
        return sorted([e.get("source"), e.get("quote")] for e in value if isinstance(e, dict))
    return value


def describe(changes: list[dict[str, Any]]) -> list[str]:
    """The changes as lines for the terminal, one block per claim."""
    lines = []
    for change in changes:
        head = f"{change['change']}: {change['kind']} '{change['claim']}'"
        if change["change"] in ("added", "removed"):
            lines += [head, f"    {_one_line(change['statement'])}"]
            continue
        lines.append(head)
        for key, move in change["fields"].items():
            lines.append(f"    {key}: {_shown(key, move['old'])} -> {_shown(key, move['new'])}")
        if change.get("revised"):
            lines.append(f"    why: {_one_line(change['revised'])}")
    return lines


def _shown(key: str, value: Any) -> str:
    if value is None:
        return "(none)"
    if key == "estimate":
        parts = [f"{k} {v}" for k, v in value.items() if v is not None]
        return ", ".join(parts)
    if key == "evidence":
        return f"{len(value)} passage(s): " + "; ".join(f"{s}: «{_one_line(q, 60)}»"
                                                        for s, q in value)
    return _one_line(str(value))


def _one_line(text: str, limit: int = 200) -> str:
    flat = printable(" ".join(str(text).split()))
    return flat if len(flat) <= limit else flat[:limit - 1] + "…"
