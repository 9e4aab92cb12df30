"""Lint: the tradecraft checks, warnings at the offending line that --strict makes errors.

Each rule has a code, named in its message. An analyst who has weighed a warning and
accepts it says so on the claim or source it concerns::

    acknowledge:
      - warning: single-origin
        reason: Only one government has spoken; we say so in the bottom line.

An acknowledged warning is not raised, and its reason is shown in the briefing's
caveats, so that the acceptance stays visible to the reader. Acknowledging a warning
the lint does not raise there is itself a warning: the acknowledgment has gone stale.

This module holds the codes and applies the acknowledgments; the rules themselves are in
lint_claims.py, lint_sources.py, lint_text.py and tradecraft.py.
"""

from __future__ import annotations

from typing import NamedTuple

from ..errors import Problems
from . import lint_claims, lint_sources, lint_text, model, tradecraft
from .lint_finding import Finding
from .load import Document, KeyPath, written_at
from .origins import OriginRef


class Rule(NamedTuple):
    """What one lint code stands for."""

    catches: str
    """When the rule warns, in the words of the lint table in ``docs/lint.md``."""
    accepted_as: str
    """How an acknowledged warning of this code is labelled in the briefing's caveats."""


# Every rule by its code (an acknowledgment names one of these). A new rule is an entry
# here and a function, in one of the rule modules, whose findings ``lint`` gathers;
# ``docs/lint.md`` is generated from this table.
CODES: dict[str, Rule] = {
    "single-origin": Rule(
        "a judgment or assumption rests on claims that all come from one independent origin",
        "Single-source judgment",
    ),
    "untraced-corroboration": Rule(
        "a reported claim is cited by two or more sources and a "
        "cited passage has no `origin` (on the evidence or its "
        "source), so the outlet is assumed to report on its own "
        "and counts as an independent origin",
        "Origin not traced",
    ),
    "rests-on-doubtful": Rule(
        "a judgment rests directly on a claim flagged `likely-error` or `misattributed`",
        "Rests on a doubtful claim",
    ),
    "no-alternatives": Rule(
        "a judgment of low or moderate confidence names no `alternatives`",
        "No alternatives weighed",
    ),
    "no-indicators": Rule("a key judgment names no `indicators`", "No indicators named"),
    "uncited-source": Rule(
        "a source no claim cites (a source kept as background can say so with an acknowledgment)",
        "Listed but not cited",
    ),
    "low-coverage": Rule(
        "a source has a smaller share of its sentences quoted than `briefing.min_coverage`",
        "Source only partly used",
    ),
    "double-counted": Rule(
        "two rows of one table give the same figure, estimator and "
        "location and share an origin (a row that also cites another "
        "origin still counts that one twice)",
        "One figure in two rows",
    ),
    "unexplained-revision": Rule(
        "with `--previous`, a judgment's likelihood or confidence moved and it has no `revised`",
        "Revised without a reason",
    ),
    "bare-id": Rule(
        "a Markdown field (an origin's note and an acknowledgment's reason "
        "included) names an id (one with a hyphen or a digit) as plain text, "
        "which readers would see, instead of linking it",
        "An id shown as plain text",
    ),
    "flag-without-basis": Rule(
        "a claim flagged `likely-error` or `misattributed` whose note "
        "links no source, claim or reference",
        "Flag rests on no cited basis",
    ),
    "wording-vs-likelihood": Rule(
        "a judgment, or a bottom-line sentence that links one, uses "
        "an ICD 203 expression of another likelihood than its grade",
        "Words and grade differ",
    ),
    "unsupported-figure": Rule(
        "a figure in the bottom line, the implications or a judgment "
        "that no claim it links or rests on states",
        "A figure no claim states",
    ),
    "indicator-not-acted-on": Rule(
        "an indicator seen or contradicted since the previous "
        "edition, its judgment unchanged and unexplained",
        "Indicator seen, judgment unchanged",
    ),
    "date-after-cut-off": Rule(
        "a date of fact after the information cut-off (a forecast's or a plan's date may be later)",
        "Dated after the cut-off",
    ),
}


class Accepted(NamedTuple):
    """An acknowledged warning, shown in the caveats with its reason."""

    code: str
    subject_id: str
    subject_kind: str
    """'claim' or 'source'."""
    reason: str


def lint(
    findings: model.Findings,
    origins: dict[str, frozenset[OriginRef]],
    coverage: dict[str, float],
    doc: Document,
    problems: Problems,
    moved: dict[str, list[str]] | None = None,
    sightings: dict[str, list[str]] | None = None,
    uncovered: dict[str, list[str]] | None = None,
) -> list[Accepted]:
    """Raise every unacknowledged warning; return the acknowledged ones. ``moved`` names,
    by claim id, the fields that changed since the previous edition, and ``sightings`` the
    indicators newly seen or contradicted; ``uncovered``, by source id, the first sentences
    no quote touches."""
    found = [
        *lint_claims.judgments(findings, origins),
        *lint_sources.uncited_or_low_coverage(findings, coverage, uncovered or {}),
        *lint_sources.untraced(findings),
        *lint_sources.double_counted(findings, origins),
        *lint_claims.revisions(findings, moved or {}),
        *lint_text.bare_ids(findings),
        *(Finding(*raw) for raw in tradecraft.wording_vs_likelihood(findings)),
        *(Finding(*raw) for raw in tradecraft.unsupported_figures(findings)),
        *(
            Finding(*raw)
            for raw in tradecraft.indicators_not_acted_on(findings, sightings or {}, moved or {})
        ),
        *lint_claims.unsupported_flags(findings),
        *lint_claims.late_dates(findings),
    ]
    accepted: list[Accepted] = []
    used: set[tuple[KeyPath, int]] = set()
    for item in found:
        where = written_at(doc, item.at, item.word) if item.word else doc.at(item.at)
        if item.subject[0] not in ("claims", "sources"):  # the briefing: nothing to acknowledge
            problems.warning(where, f"{item.message} (lint: {item.code})")
            continue
        subject = _subject(findings, item.subject)
        acks = [(j, a) for j, a in enumerate(subject.acknowledge) if a.warning == item.code]
        if acks:
            j, ack = acks[0]
            used.add((item.subject, j))
            kind = "claim" if item.subject[0] == "claims" else "source"
            accepted.append(Accepted(item.code, subject.id, kind, ack.reason))
        else:
            problems.warning(
                where,
                f"{item.message} (lint: {item.code}; fix it, or acknowledge it with a reason)",
            )
    subjects: list[tuple[KeyPath, model.Claim | model.Source]] = [
        *((("sources", i), s) for i, s in enumerate(findings.sources)),
        *((("claims", i), c) for i, c in enumerate(findings.claims)),
    ]
    for at, subject in subjects:
        for j, ack in enumerate(subject.acknowledge):
            if (at, j) not in used and ack.warning in CODES:
                problems.warning(
                    doc.at((*at, "acknowledge", j, "warning")),
                    f"'{subject.id}' acknowledges '{ack.warning}', but the lint "
                    "raises no such warning here: remove the acknowledgment",
                )
    return accepted


def _subject(findings: model.Findings, subject: KeyPath) -> model.Claim | model.Source:
    index = subject[1]
    assert isinstance(index, int)
    return findings.claims[index] if subject[0] == "claims" else findings.sources[index]
