"""Changes: what moved between an earlier edition's findings.json and this build, claim by
claim (by id), so that a reader of edition 4 can see what is different from edition 3.

A changed claim lists each field that moved with its old and new value. The list is
ordered for the reader: judgments whose likelihood or confidence moved, then estimates
whose figures moved, then added, removed, re-flagged and otherwise changed claims, each
group by id. The page and ``build-report diff`` show the same list (worded for the
terminal in describe.py).
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from ..errors import BadInput, printable
from ..findings.numbers import written
from ..findings.sources import SourceReadError, read_regular

# The claim fields compared, in the order a changed entry lists them: every field a
# reader sees on the page.
FIELDS = (
    "kind",
    "statement",
    "said_by",
    "likelihood",
    "confidence",
    "credibility",
    "flag",
    "note",
    "estimate",
    "evidence",
    "independent_origins",
    "indicators",
    "alternatives",
    "revised",
    "topic",
    "date",
    "place",
)
# Fields that findings.json files written by earlier versions lack: compared only when
# both editions have them, so an old edition does not show every claim as changed.
_LATER = frozenset({"independent_origins"})
_FIGURES = ("value", "low", "high")
ESTIMATE_FIELDS = (*_FIGURES, "qualifier", "as_of", "basis")
_TEXTS = ("statement", "kind", "likelihood", "confidence", "flag", "revised", "said_by", "note")
_COUNTS = ("credibility", "independent_origins")
# The briefing's own texts a reader sees, compared like a claim's.
BRIEFING_FIELDS = ("title", "summary", "implications")

# The page's groups, in order; see group().
GROUPS = ("briefing", "judgments", "estimates", "other")


class Previous:
    """An earlier edition's findings.json, read and checked for shape."""

    def __init__(self, path: Path, data: dict[str, Any]) -> None:
        self.path = path
        self.data = data

    @property
    def edition(self) -> int | None:
        edition = (self.data.get("briefing") or {}).get("edition")
        return edition if isinstance(edition, int) and not isinstance(edition, bool) else None


def read_previous(path: Path, shown_as: str | None = None) -> Previous:
    """The findings.json at ``path``, or BadInput naming the file (as ``shown_as``, when
    given) and what is wrong."""
    shown_path = printable(shown_as or str(path))
    try:
        raw = read_regular(path)
    except SourceReadError as exc:
        why = str(exc)
        if why == "is not found":
            raise BadInput(
                f"previous findings '{shown_path}' not found: give the "
                "findings.json of an earlier build"
            ) from None
        if why.startswith("is a folder"):
            raise BadInput(
                f"previous findings '{shown_path}' is a folder: give the findings.json inside it"
            ) from None
        raise BadInput(f"previous findings '{shown_path}' {why}") from None
    try:
        data = json.loads(raw.decode("utf-8-sig"), parse_float=written)
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        where = f" (line {exc.lineno})" if isinstance(exc, json.JSONDecodeError) else ""
        raise BadInput(
            f"previous findings '{shown_path}' is not JSON{where}: give the "
            "findings.json a build wrote"
        ) from None
    problem = _shape_problem(data)
    if problem:
        raise BadInput(
            f"previous findings '{shown_path}' is not a findings.json: {printable(problem)}"
        )
    return Previous(path, data)


def remembered(project: Path, named: str, out: Path | None) -> Previous:
    """The edition ``briefing.previous`` names, relative to the findings' folder; BadInput
    says why it cannot be read. It must be inside the project (an edition is kept with
    it) and not in the report folder, which the build is about to replace."""
    path = project / named
    try:
        where, root = path.resolve(), project.resolve()
    except (OSError, RuntimeError):
        raise BadInput(f"previous edition '{printable(named)}' is a link that loops") from None
    if Path(named).is_absolute() or not (where == root or root in where.parents):
        raise BadInput(
            f"previous edition '{printable(named)}' is outside the project: keep "
            "editions beside findings.yaml, like editions/1/findings.json"
        )
    report = out.resolve() if out is not None else None
    if report is not None and (where == report or report in where.parents):
        raise BadInput(
            f"previous edition '{printable(named)}' is inside the report folder, "
            "which every build replaces: copy the edition's findings.json to "
            "editions/N/ and name that"
        )
    return read_previous(path, named)


def _shape_problem(data: Any) -> str | None:
    """What keeps ``data`` from being compared, or None: every field the comparison reads
    has the type a build writes, so a hand-edited or foreign file fails here, in one line."""
    if not isinstance(data, dict):
        return "it is not an object"
    if not isinstance(data.get("briefing") or {}, dict):
        return "its 'briefing' is not an object"
    claims = data.get("claims")
    if not isinstance(claims, list):
        return "it has no 'claims' list"
    seen = set()
    for i, claim in enumerate(claims):
        if not isinstance(claim, dict) or not isinstance(claim.get("id"), str):
            return f"claim {i + 1} has no id"
        cid = claim["id"]
        if cid in seen:
            return f"claim '{cid}' is listed twice"
        seen.add(cid)
        problem = _claim_problem(claim)
        if problem:
            return f"claim '{cid}': {problem}"
    return None


def _claim_problem(claim: dict[str, Any]) -> str | None:
    for key in _TEXTS:
        if not isinstance(claim.get(key, ""), str | None):
            return f"'{key}' is not text"
    for key in _COUNTS:
        value = claim.get(key)
        if value is not None and (not isinstance(value, int) or isinstance(value, bool)):
            return f"'{key}' is not a whole number"
    estimate = claim.get("estimate")
    if estimate is not None:
        if not isinstance(estimate, dict):
            return "'estimate' is not an object"
        for key in ESTIMATE_FIELDS:
            value = estimate.get(key)
            if key in _FIGURES and value is not None and not _finite(value):
                return f"'estimate.{key}' is not a number"
            if key not in _FIGURES and not isinstance(value, str | None):
                return f"'estimate.{key}' is not text"
    evidence = claim.get("evidence") or []
    if not isinstance(evidence, list) or not all(
        isinstance(e, dict) and isinstance(e.get("source"), str) and isinstance(e.get("quote"), str)
        for e in evidence
    ):
        return "'evidence' is not a list of passages with 'source' and 'quote'"
    return None


def _finite(value: Any) -> bool:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    try:
        return math.isfinite(value)
    except OverflowError:  # an integer too large for a float
        return False


def compare(old: dict[str, Any], new: dict[str, Any]) -> list[dict[str, Any]]:
    """The changes from ``old`` to ``new``: a list of {claim, change, ...}. Changes to the
    briefing's texts and to the list of sources and origins have ``claim`` null and say
    their ``subject``."""
    before = {c["id"]: c for c in old["claims"]}
    after = {c["id"]: c for c in new["claims"]}
    changes = []
    for cid, claim in after.items():
        if cid not in before:
            changes.append(
                {
                    "claim": cid,
                    "change": "added",
                    "statement": claim["statement"],
                    "kind": claim.get("kind") or "reported",
                }
            )
            continue
        moved = {}
        for key in FIELDS:
            if key in _LATER and not (key in before[cid] and key in claim):
                continue
            was, now = _comparable(key, before[cid]), _comparable(key, claim)
            if was != now:
                moved[key] = {"old": was, "new": now}
        if moved:
            entry: dict[str, Any] = {
                "claim": cid,
                "change": "changed",
                "kind": claim.get("kind") or "reported",
                "fields": moved,
            }
            if claim.get("revised"):
                entry["revised"] = claim["revised"]
            changes.append(entry)
    for cid, claim in before.items():
        if cid not in after:
            changes.append(
                {
                    "claim": cid,
                    "change": "removed",
                    "statement": claim.get("statement") or "",
                    "kind": claim.get("kind") or "reported",
                }
            )
    ranked = sorted(changes, key=lambda c: (_rank(c), c["claim"]))
    return [*_briefing_changes(old, new), *ranked]


def _briefing_changes(old: dict[str, Any], new: dict[str, Any]) -> list[dict[str, Any]]:
    """The briefing's texts that moved, then sources and origins added or removed."""
    found: list[dict[str, Any]] = []
    was, now = old.get("briefing") or {}, new.get("briefing") or {}
    for key in BRIEFING_FIELDS:
        if (was.get(key) or "") != (now.get(key) or ""):
            found.append(
                {
                    "claim": None,
                    "subject": key,
                    "change": "changed",
                    "old": was.get(key) or "",
                    "new": now.get(key) or "",
                }
            )
    for section in ("sources", "origins"):
        earlier = {e["id"]: e for e in _entries(old, section)}
        later = {e["id"]: e for e in _entries(new, section)}
        subject = section.removesuffix("s")
        for eid in sorted(later.keys() - earlier.keys()):
            found.append(
                {
                    "claim": None,
                    "subject": subject,
                    "id": eid,
                    "change": "added",
                    "title": str(later[eid].get("title") or ""),
                }
            )
        for eid in sorted(earlier.keys() - later.keys()):
            found.append(
                {
                    "claim": None,
                    "subject": subject,
                    "id": eid,
                    "change": "removed",
                    "title": str(earlier[eid].get("title") or ""),
                }
            )
    return found


def _entries(data: dict[str, Any], section: str) -> list[dict[str, Any]]:
    """A section's entries that have an id; a hand-made file may lack the section."""
    entries = data.get(section)
    if not isinstance(entries, list):
        return []
    return [e for e in entries if isinstance(e, dict) and isinstance(e.get("id"), str)]


def moved_fields(changes: list[dict[str, Any]]) -> dict[str, list[str]]:
    """By claim id, the fields that moved."""
    return {
        c["claim"]: list(c["fields"])
        for c in changes
        if c["claim"] is not None and c["change"] == "changed"
    }


def sightings(changes: list[dict[str, Any]]) -> dict[str, list[str]]:
    """By claim id, the indicators newly seen or contradicted since the previous edition."""
    found: dict[str, list[str]] = {}
    for change in changes:
        seen = [text for text, _, now in indicator_moves(change) if now in ("seen", "contradicted")]
        if seen:
            found[change["claim"]] = seen
    return found


def group(change: dict[str, Any]) -> str:
    """Which of GROUPS a change is shown in: a judgment whose likelihood or confidence
    moved, an estimate whose figures moved, or any other change (the briefing's texts
    and its sources among them)."""
    if change["claim"] is None:
        return "briefing"
    fields = change.get("fields", {})
    if "likelihood" in fields or "confidence" in fields:
        return "judgments"
    if "estimate" in fields:
        return "estimates"
    return "other"


def _rank(change: dict[str, Any]) -> tuple[int, int]:
    """Groups in order; within the last, added, removed, re-flagged, then the rest."""
    within = {"added": 0, "removed": 1}.get(
        change["change"], 2 if "flag" in change.get("fields", {}) else 3
    )
    return GROUPS.index(group(change)), within


def _comparable(key: str, claim: dict[str, Any]) -> Any:
    value = claim.get(key)
    if key == "kind":
        return value or "reported"
    if key == "estimate":
        if not isinstance(value, dict):
            return None
        # Every field of the row, in a fixed order; one an older edition lacks is none.
        figures = {
            k: value.get(k)
            for k in (*ESTIMATE_FIELDS, *sorted(k for k in value if k not in ESTIMATE_FIELDS))
        }
        figures["basis"] = figures["basis"] or "count"  # findings from before forecasts
        return figures
    if key == "evidence":
        passages = {(e["source"], e["quote"]) for e in value or []}
        return [{"source": s, "quote": q} for s, q in sorted(passages)]
    if key == "indicators":
        return [_indicator(i) for i in value or []]
    if key == "alternatives":
        return list(value or [])
    return value


def _indicator(entry: Any) -> dict[str, Any]:
    """An indicator as text and status, however it was written."""
    if isinstance(entry, dict):
        return {"text": entry.get("text"), "status": entry.get("status") or "not-seen"}
    return {"text": entry, "status": "not-seen"}


def indicator_moves(change: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(text, old status, new status) of each indicator of a changed claim whose status
    moved; an indicator that is new in this edition was not seen before."""
    move = change.get("fields", {}).get("indicators")
    if not move:
        return []
    old = {i["text"]: i["status"] for i in move["old"]}
    return [
        (i["text"], old.get(i["text"], "not-seen"), i["status"])
        for i in move["new"]
        if old.get(i["text"], "not-seen") != i["status"]
    ]
