"""Lint: the tradecraft checks, warnings at the offending line that --strict makes errors.

Each rule has a code, named in its message. An analyst who has weighed a warning and
accepts it says so on the claim or source it concerns::

    acknowledge:
      - warning: single-origin
        reason: Only one government has spoken; we say so in the bottom line.

An acknowledged warning is not raised, and its reason is shown in the briefing's
caveats, so that the acceptance stays visible to the reader. Acknowledging a warning
the lint does not raise there is itself a warning: the acknowledgment has gone stale.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import NamedTuple

from ..errors import Problems
from ..words import plural
from . import markdown, model, tradecraft, when
from .load import Document, KeyPath, written_at
from .origins import OriginRef, count_originators, originators, resting_on


class Rule(NamedTuple):
    """What one lint code stands for."""

    catches: str
    """When the rule warns, in the words of the lint table in ``docs/lint.md``."""
    accepted_as: str
    """How an acknowledged warning of this code is labelled in the briefing's caveats."""


# Every rule by its code (an acknowledgment names one of these). A new rule is an entry
# here and a function whose findings ``lint`` gathers; ``docs/lint.md`` is generated from
# this table.
CODES: dict[str, Rule] = {
    "single-origin": Rule(
        "a judgment or assumption rests on claims that all come from one independent origin",
        "Rests on one independent origin",
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
        *_judgments(findings, origins),
        *_coverage(findings, coverage, uncovered or {}),
        *_untraced(findings),
        *_double_counted(findings, origins),
        *_revisions(findings, moved or {}),
        *_bare_ids(findings),
        *(Finding(*raw) for raw in tradecraft.wording_vs_likelihood(findings)),
        *(Finding(*raw) for raw in tradecraft.unsupported_figures(findings)),
        *(
            Finding(*raw)
            for raw in tradecraft.indicators_not_acted_on(findings, sightings or {}, moved or {})
        ),
        *_unsupported_flags(findings),
        *_late_dates(findings),
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


def _quoted(ids: list[str]) -> str:
    shown = ", ".join(f"'{i}'" for i in ids[:4])
    return shown + (f" and {len(ids) - 4} more" if len(ids) > 4 else "")


def _judgments(findings: model.Findings, origins: dict[str, frozenset[OriginRef]]) -> list[Finding]:
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
            named = _quoted([f"{ref.kind} '{ref.id}'" for ref in only]).replace("''", "'")
            found.append(
                Finding(
                    "single-origin",
                    at,
                    (*at, "based_on"),
                    f"{claim.kind} '{claim.id}' rests on one independent originator only "
                    f"({named}), through {_quoted(resting)}: relayed copies, and statements of "
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
                    f"{claim.kind} '{claim.id}' rests on {_quoted(doubtful)}, flagged "
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


def _untraced(findings: model.Findings) -> list[Finding]:
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
                f"{_quoted(untraced)} {plural(len(untraced), 'reports', 'report')} is not "
                "traced, so it counts as independent reporting: set 'origin' on the evidence "
                "or the source where outlets relay the same material, or 'origin: own' where "
                "it is the outlet's own reporting",
            )
        )
    return found


def _coverage(
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


def _double_counted(
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


def _revisions(findings: model.Findings, moved: dict[str, list[str]]) -> list[Finding]:
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


# A whole run of word characters and hyphens, not right after a '#': an id (letters,
# digits, hyphens) written as a word, and not part of a longer word or a link's target.
# Looking each run up in the set of ids is linear in the text, where one alternation of
# every id would cost a long compile and a slow search on a large project.
_WORDS = re.compile(r"(?<![\w#-])[\w-]+")


def _bare_ids(findings: model.Findings) -> list[Finding]:
    """Ids written as plain words in Markdown: the page shows them to readers as they are.
    Only ids with a hyphen or a digit count; a one-word id may well be an ordinary word."""
    every = (
        [c.id for c in findings.claims]
        + [s.id for s in findings.sources]
        + [o.id for o in findings.origins]
        + [r.id for r in findings.references]
    )
    ids = {i for i in every if re.search(r"[-\d]", i)}
    if not ids:
        return []
    texts: list[tuple[KeyPath, KeyPath, str | None]] = [
        (("briefing",), ("briefing", "summary"), findings.briefing.summary),
        (("briefing",), ("briefing", "implications"), findings.briefing.implications),
    ]
    for i, origin in enumerate(findings.origins):
        texts.append((("origins", i), ("origins", i, "note"), origin.note))
    for i, source in enumerate(findings.sources):
        texts.append((("sources", i), ("sources", i, "note"), source.note))
        texts += [
            (("sources", i), ("sources", i, "acknowledge", j, "reason"), ack.reason)
            for j, ack in enumerate(source.acknowledge)
        ]
    for i, claim in enumerate(findings.claims):
        at: KeyPath = ("claims", i)
        texts += [
            (at, (*at, "statement"), claim.statement),
            (at, (*at, "note"), claim.note),
            (at, (*at, "revised"), claim.revised),
        ]
        texts += [(at, (*at, "alternatives", j), text) for j, text in enumerate(claim.alternatives)]
        for j, entry in enumerate(claim.indicators):
            if isinstance(entry, str):
                texts.append((at, (*at, "indicators", j), entry))
            else:
                texts += [
                    (at, (*at, "indicators", j, "text"), entry.text),
                    (at, (*at, "indicators", j, "note"), entry.note),
                ]
        texts += [
            (at, (*at, "acknowledge", j, "reason"), ack.reason)
            for j, ack in enumerate(claim.acknowledge)
        ]
    found = []
    for subject, path, text in texts:
        hits = sorted(ids.intersection(_WORDS.findall(markdown.shown_words(text or ""))))
        if hits:
            shown = ", ".join(f"'{h}'" for h in hits)
            found.append(
                Finding(
                    "bare-id",
                    subject,
                    path,
                    f"{path[-1] if isinstance(path[-1], str) else path[-2]} names {shown} as "
                    f"plain text, which readers would see: link it, like [the words](#{hits[0]})",
                    hits[0],
                )
            )
    return found


def _unsupported_flags(findings: model.Findings) -> list[Finding]:
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


def _late_dates(findings: model.Findings) -> list[Finding]:
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
