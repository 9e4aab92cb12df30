"""Lint rules on claims: how a judgment rests on its claims (single-origin,
rests-on-doubtful, no-alternatives, no-indicators), whether a revision says why
(unexplained-revision), whether a flag cites its grounds (flag-without-basis), and dates
past the cut-off (date-after-cut-off).
"""

from __future__ import annotations

from . import markdown, model, when
from .lint_finding import Finding, quoted
from .load import KeyPath
from .origins import OriginRef, count_originators, originators, resting_on


def judgments(findings: model.Findings, origins: dict[str, frozenset[OriginRef]]) -> list[Finding]:
    flagged = {c.id: c.flag for c in findings.claims if c.flag in ("likely-error", "misattributed")}
    by = originators(findings)
    below = resting_on(findings)
    found = []
    for i, claim in enumerate(findings.claims):
        if claim.kind == "reported":
            continue
        at: KeyPath = ("claims", i)
        resting = below[claim.id]
        if claim.based_on and count_originators(origins[claim.id], by) == 1:
            only = sorted(origins[claim.id])
            named = quoted([f"{ref.kind} '{ref.id}'" for ref in only]).replace("''", "'")
            found.append(
                Finding(
                    "single-origin",
                    at,
                    (*at, "based_on"),
                    f"{claim.kind} '{claim.id}' rests on one independent originator only "
                    f"({named}), through {quoted(resting)}: relayed copies, and statements of "
                    "one body, are not corroboration",
                )
            )
        doubtful = [ref for ref in claim.based_on if ref in flagged]
        if doubtful:
            found.append(
                Finding(
                    "rests-on-doubtful",
                    at,
                    (*at, "based_on"),
                    f"{claim.kind} '{claim.id}' rests on {quoted(doubtful)}, flagged "
                    f"{' / '.join(sorted({flagged[d] or '' for d in doubtful}))}",
                )
            )
        if claim.kind != "judgment":
            continue
        if claim.confidence in ("low", "moderate") and not claim.alternatives:
            found.append(
                Finding(
                    "no-alternatives",
                    at,
                    at,
                    f"judgment '{claim.id}' has {claim.confidence} confidence but names no "
                    "alternatives: add 'alternatives' with the other explanations weighed",
                )
            )
        if not claim.indicators:
            found.append(
                Finding(
                    "no-indicators",
                    at,
                    at,
                    f"key judgment '{claim.id}' names no indicators: add 'indicators' saying what "
                    "would confirm or overturn it",
                )
            )
    return found


def revisions(findings: model.Findings, moved: dict[str, list[str]]) -> list[Finding]:
    found = []
    for i, claim in enumerate(findings.claims):
        fields = [f for f in moved.get(claim.id, []) if f in ("likelihood", "confidence")]
        if fields and not (claim.revised or "").strip():
            found.append(
                Finding(
                    "unexplained-revision",
                    ("claims", i),
                    ("claims", i, fields[0]),
                    f"judgment '{claim.id}': its {' and '.join(fields)} moved since the previous "
                    "edition; say why in 'revised'",
                )
            )
    return found


def unsupported_flags(findings: model.Findings) -> list[Finding]:
    """A claim called wrong or misattributed on grounds the note does not cite: every
    source must be cited (ICD 206), outside knowledge as a listed reference."""
    basis = (
        {c.id for c in findings.claims}
        | {s.id for s in findings.sources}
        | {r.id for r in findings.references}
    )
    found = []
    for i, claim in enumerate(findings.claims):
        if claim.flag not in ("likely-error", "misattributed"):
            continue
        if any(name in basis for name, _ in markdown.links(claim.note or "")):
            continue
        found.append(
            Finding(
                "flag-without-basis",
                ("claims", i),
                ("claims", i, "flag"),
                f"'{claim.id}' is flagged {claim.flag}, but its note links no source, claim or "
                "reference: cite what the flag rests on, like [the report](#some-id), listing "
                "material not held under 'references:'",
            )
        )
    return found


def late_dates(findings: model.Findings) -> list[Finding]:
    """Dates after the information cut-off: nothing later was considered, so a date of
    fact there is a slip. A forecast's or a plan's time may lie ahead; when a figure was
    stated may not."""
    cut_off = findings.briefing.as_of
    found = []
    for i, claim in enumerate(findings.claims):
        at: KeyPath = ("claims", i)
        est = claim.estimate
        ahead = est is not None and est.basis in when.AHEAD
        if claim.date and when.after(claim.date, cut_off) and not ahead:
            found.append(
                Finding(
                    "date-after-cut-off",
                    at,
                    (*at, "date"),
                    f"claim '{claim.id}' is dated {when.iso(claim.date)}, after the briefing's "
                    f"cut-off {cut_off}: check the date, or move the cut-off",
                )
            )
        if est is None:
            continue
        if est.stated and when.after(est.stated, cut_off):
            found.append(
                Finding(
                    "date-after-cut-off",
                    at,
                    (*at, "estimate", "stated"),
                    f"estimate stated {when.iso(est.stated)} is after the briefing's cut-off "
                    f"{cut_off}: a figure given later was not considered; check the date",
                )
            )
        if est.as_of and when.after(est.as_of, cut_off) and not ahead:
            found.append(
                Finding(
                    "date-after-cut-off",
                    at,
                    (*at, "estimate", "as_of"),
                    f"estimate as_of {when.iso(est.as_of)} is after the briefing's cut-off "
                    f"{cut_off}: a {est.basis} figure, of what is there now, cannot come later; "
                    "if it is expected or intended, say 'basis: forecast' or 'basis: plan', "
                    "otherwise check the date",
                )
            )
    return found
