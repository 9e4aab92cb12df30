"""Changes in words: the terminal lines ``build-report diff`` prints for what moved
between two editions, and an estimate's figure as a reader says it (also the page's).

What moved is worked out in changes.py; this module only words it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..errors import printable
from ..findings.numbers import shown
from .changes import BRIEFING_FIELDS, ESTIMATE_FIELDS, indicator_moves


def figure_words(estimate: dict[str, Any] | None, date: Callable[[str], str] = str) -> str:
    """An estimate's figure as a reader says it: "about 1,200", "45–55 (forecast)";
    ``date`` writes the ISO date of ``as_of`` for the reader."""
    if not estimate:
        return "none"
    if estimate.get("value") is not None:
        amount = shown(estimate["value"])
    else:
        low, high = estimate.get("low"), estimate.get("high")
        amount = "–".join(shown(v) for v in (low, high) if v is not None) or "no figure"
    basis = estimate.get("basis") or "count"
    qualifier = estimate.get("qualifier")
    # A forecast's or a plan's date is the time it is for, never a date of fact.
    when = "for" if basis in ("forecast", "plan") else "as of"
    dated = f"{when} {date(estimate['as_of'])}" if estimate.get("as_of") else ""
    return " ".join(
        filter(None, [qualifier, amount, dated, f"({basis})" if basis != "count" else ""])
    )


def describe(changes: list[dict[str, Any]]) -> list[str]:
    """The changes as lines for the terminal, one block per claim, blocks apart."""
    lines: list[str] = []
    for change in changes:
        if lines:
            lines.append("")
        if change["claim"] is None:
            lines += _described_subject(change)
            continue
        lines.append(f"{change['change']}: {change['kind']} '{printable(change['claim'])}'")
        if change["change"] in ("added", "removed"):
            lines.append(f"    {_one_line(change['statement'])}")
            continue
        for key, move in change["fields"].items():
            if key != "revised" or not move["new"]:  # a reason given follows, as "why:"
                lines += _described(key, move["old"], move["new"])
        if change.get("revised"):
            lines.append(f"    why: {_one_line(change['revised'])}")
    return lines


def _described_subject(change: dict[str, Any]) -> list[str]:
    if change["subject"] in BRIEFING_FIELDS:
        # The lines that differ, whole: a long text clipped to one line would hide the
        # very words that moved.
        import difflib

        moved = [
            f"      {line[0]} {printable(line[2:])}"
            for line in difflib.ndiff(change["old"].splitlines(), change["new"].splitlines())
            if line[:1] in "-+" and line[2:].strip()
        ]
        return [f"changed: the briefing's {change['subject']}", *moved]
    return [
        f"{change['change']}: {change['subject']} '{printable(change['id'])}'",
        f"    {_one_line(change['title'])}",
    ]


def _described(key: str, old: Any, new: Any) -> list[str]:
    if key == "statement":
        return [f"    {key}:", f"      - {_one_line(old)}", f"      + {_one_line(new)}"]
    if key == "evidence":
        gone = [e for e in old if e not in new]
        came = [e for e in new if e not in old]
        return [
            f"    {key}: {len(old)} -> {len(new)} passage(s)",
            *(f"      - {_passage(e)}" for e in gone),
            *(f"      + {_passage(e)}" for e in came),
        ]
    if key == "estimate":
        lines = [f"    {key}: {_one_line(figure_words(old))} -> {_one_line(figure_words(new))}"]
        for part in sorted(set(old or {}) | set(new or {})):
            was, now = (old or {}).get(part), (new or {}).get(part)
            if part not in ESTIMATE_FIELDS and was != now:
                lines.append(f"      {part}: {_one_line(_none(was))} -> {_one_line(_none(now))}")
        return lines
    if key == "indicators":
        moves = indicator_moves({"fields": {"indicators": {"old": old, "new": new}}})
        texts = {i["text"] for i in old} ^ {i["text"] for i in new}
        return [
            f"    {key}:",
            *(f"      {_one_line(t, 100)}: {a} -> {b}" for t, a, b in moves),
            *(
                f"      {'+' if any(i['text'] == t for i in new) else '-'} {_one_line(t, 100)}"
                for t in sorted(texts)
            ),
        ]
    return [f"    {key}: {_one_line(_none(old))} -> {_one_line(_none(new))}"]


def _passage(evidence: dict[str, str]) -> str:
    return f"{_one_line(evidence['source'])}: «{_one_line(evidence['quote'], 100)}»"


def _none(value: Any) -> str:
    return "(none)" if value is None else str(value)


def _one_line(text: str, limit: int = 200) -> str:
    flat = printable(" ".join(str(text).split()))
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
