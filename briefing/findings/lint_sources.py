"""Lint rules on how the sources are used: a claim whose outlets' origins are not traced
(untraced-corroboration), a source not cited or too little quoted (uncited-source,
low-coverage), and one origin's figure counted twice in a table (double-counted).
"""

from __future__ import annotations

from collections import defaultdict

from ..words import plural
from . import model
from .lint_finding import Finding, quoted
from .origins import OriginRef


def untraced(findings: model.Findings) -> list[Finding]:
    """A claim cited by two or more sources with a passage whose origin is not said.

    Such a passage counts as its outlet's own reporting, and so as independent of the
    others; two outlets rewriting one briefing would then read as corroboration. The
    analyst says where the material came from (an origin, or ``own`` for the outlet's
    own reporting), or accepts the assumption in words."""
    sources = {s.id: s for s in findings.sources}
    found = []
    for i, claim in enumerate(findings.claims):
        outlets = list(dict.fromkeys(ev.source for ev in claim.evidence))
        untraced = sorted(
            {ev.source for ev in claim.evidence if not (ev.origin or sources[ev.source].origin)}
        )
        if claim.kind != "reported" or len(outlets) < 2 or not untraced:
            continue
        found.append(
            Finding(
                "untraced-corroboration",
                ("claims", i),
                ("claims", i, "evidence"),
                f"'{claim.id}' is cited by {len(outlets)} sources, but the origin of what "
                f"{quoted(untraced)} {plural(len(untraced), 'reports', 'report')} is not "
                "traced, so it counts as independent reporting: set 'origin' on the evidence "
                "or the source where outlets relay the same material, or 'origin: own' where "
                "it is the outlet's own reporting",
            )
        )
    return found


def uncited_or_low_coverage(
    findings: model.Findings, coverage: dict[str, float], uncovered: dict[str, list[str]]
) -> list[Finding]:
    """A source no claim cites (kept, say, as background: acknowledge it so), and one
    covered less than min_coverage asks (not said again of an uncited source)."""
    cited = {ev.source for claim in findings.claims for ev in claim.evidence}
    uncited = [
        Finding(
            "uncited-source",
            ("sources", i),
            ("sources", i, "id"),
            f"source '{s.id}' is not cited by any claim: cite it, or remove it",
        )
        for i, s in enumerate(findings.sources)
        if s.id not in cited
    ]
    wanted = findings.briefing.min_coverage
    if wanted is None:
        return uncited
    return uncited + [
        Finding(
            "low-coverage",
            ("sources", i),
            ("sources", i, "id"),
            f"source '{s.id}' is {coverage[s.id]:.0%} covered, below the "
            f"min_coverage of {wanted:.0%}: quote the sentences it still has"
            + _such_as(uncovered.get(s.id, [])),
        )
        for i, s in enumerate(findings.sources)
        if s.id in cited and s.id in coverage and coverage[s.id] < wanted
    ]


def _such_as(sentences: list[str]) -> str:
    """The first sentences no quote touches, clipped, so the analyst knows where to look."""
    shown = [" ".join(text.split()) for text in sentences[:2]]
    clipped = [f"«{t if len(t) <= 60 else t[:59].rstrip() + '…'}»" for t in shown if t]
    return f", such as {' and '.join(clipped)}" if clipped else ""


def double_counted(
    findings: model.Findings, origins: dict[str, frozenset[OriginRef]]
) -> list[Finding]:
    """Two rows of one table with the same estimator, location, figure and basis that
    share an origin: that origin's figure is counted twice."""
    rows: dict[tuple[object, ...], list[int]] = defaultdict(list)
    for i, claim in enumerate(findings.claims):
        est = claim.estimate
        if est is not None and origins[claim.id]:
            rows[
                (
                    est.quantity.casefold(),
                    est.estimator.casefold(),
                    est.location.casefold(),
                    est.value,
                    est.low,
                    est.high,
                    est.basis,
                )
            ].append(i)
    found = []
    for indexes in rows.values():
        # The first row of the table to carry each origin: a row shares an origin with an
        # earlier one exactly when one of its origins was carried first by another row,
        # and the earliest such row is the least of those firsts. One pass, where
        # comparing each row with every earlier one would cost the square of a table.
        first_with: dict[OriginRef, int] = {}
        for i in indexes:
            claim = findings.claims[i]
            earlier = min(
                (first_with[o] for o in origins[claim.id] if o in first_with), default=None
            )
            for o in origins[claim.id]:
                first_with.setdefault(o, i)
            if earlier is None:
                continue
            found.append(
                Finding(
                    "double-counted",
                    ("claims", i),
                    ("claims", i, "estimate"),
                    f"'{claim.id}' gives the same figure as '{findings.claims[earlier].id}', "
                    "from the same origin, estimator and location: one figure counted twice in "
                    "the table; keep one row and cite both passages there",
                )
            )
    return found
