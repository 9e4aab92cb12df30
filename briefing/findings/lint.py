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
from . import markdown, model, when
from .load import Document, KeyPath, written_at
from .origins import OriginRef, resting_on


class Rule(NamedTuple):
    """What one lint code stands for."""

    catches: str
    """What the rule catches, for readers of the code."""
    accepted_as: str
    """How an acknowledged warning of this code is labelled in the briefing's caveats."""


# Every rule by its code (an acknowledgment names one of these). A new rule is an entry
# here and a function whose findings ``lint`` gathers.
CODES: dict[str, Rule] = {
    "single-origin": Rule("a judgment rests on claims from one independent origin only",
                          "Rests on one independent origin"),
    "untraced-corroboration": Rule("a claim is cited by several sources and some of its "
                                   "passages have no traced origin, so outlets are assumed "
                                   "to report independently", "Origin not traced"),
    "rests-on-doubtful": Rule("a judgment rests on a claim flagged likely-error or "
                              "misattributed", "Rests on a doubtful claim"),
    "no-alternatives": Rule("a judgment of low or moderate confidence names no alternatives",
                            "No alternatives weighed"),
    "no-indicators": Rule("a key judgment names no indicators to watch", "No indicators named"),
    "uncited-source": Rule("a source no claim cites", "Listed but not cited"),
    "low-coverage": Rule("a source is covered less than briefing.min_coverage asks",
                         "Source only partly used"),
    "double-counted": Rule("one origin's figure counted twice in one estimates table",
                           "One figure in two rows"),
    "unexplained-revision": Rule("a judgment's likelihood or confidence moved with no "
                                 "'revised' note", "Revised without a reason"),
    "bare-id": Rule("Markdown names an id as plain text, which readers would see",
                    "An id shown as plain text"),
    "date-after-cut-off": Rule("a date of fact after the information cut-off (a forecast's "
                               "or a plan's date may be later)", "Dated after the cut-off"),
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


def lint(findings: model.Findings, origins: dict[str, frozenset[OriginRef]],
         coverage: dict[str, float], doc: Document, problems: Problems,
         moved: dict[str, list[str]] | None = None) -> list[Accepted]:
    """Raise every unacknowledged warning; return the acknowledged ones. ``moved`` names,
    by claim id, the judgment fields that changed since the previous edition."""
    found = [*_judgments(findings, origins), *_coverage(findings, coverage),
             *_untraced(findings, origins), *_double_counted(findings, origins),
             *_revisions(findings, moved or {}), *_bare_ids(findings),
             *_late_dates(findings)]
    accepted: list[Accepted] = []
    used: set[tuple[KeyPath, int]] = set()
    for item in found:
        where = written_at(doc, item.at, item.word) if item.word else doc.at(item.at)
        if item.subject[0] not in ("claims", "sources"):
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
            problems.warning(where, f"{item.message} (lint: {item.code}; fix it, or "
                             "acknowledge it with a reason)")
    subjects: list[tuple[KeyPath, model.Claim | model.Source]] = [
        *((("sources", i), s) for i, s in enumerate(findings.sources)),
        *((("claims", i), c) for i, c in enumerate(findings.claims))]
    for at, subject in subjects:
        for j, ack in enumerate(subject.acknowledge):
            if (at, j) not in used and ack.warning in CODES:
                problems.warning(doc.at((*at, "acknowledge", j, "warning")),
                                 f"'{subject.id}' acknowledges '{ack.warning}', but the lint "
                                 "raises no such warning here: remove the acknowledgment")
    return accepted


def _subject(findings: model.Findings, subject: KeyPath) -> model.Claim | model.Source:
    index = subject[1]
    assert isinstance(index, int)
    return findings.claims[index] if subject[0] == "claims" else findings.sources[index]


def _quoted(ids: list[str]) -> str:
    shown = ", ".join(f"'{i}'" for i in ids[:4])
    return shown + (f" and {len(ids) - 4} more" if len(ids) > 4 else "")


def _judgments(findings: model.Findings, origins: dict[str, frozenset[OriginRef]]
               ) -> list[Finding]:
    flagged = {c.id: c.flag for c in findings.claims
               if c.flag in ("likely-error", "misattributed")}
    found = []
    for i, claim in enumerate(findings.claims):
        if claim.kind == "reported":
            continue
        at: KeyPath = ("claims", i)
        resting = resting_on(findings, claim.id)
        if claim.based_on and len(origins[claim.id]) == 1:
            (only,) = origins[claim.id]
            found.append(Finding(
                "single-origin", at, (*at, "based_on"),
                f"{claim.kind} '{claim.id}' rests on one independent origin only "
                f"({only.kind} '{only.id}'), through {_quoted(resting)}: relayed copies are "
                "not corroboration"))
        doubtful = [ref for ref in claim.based_on if ref in flagged]
        if doubtful:
            found.append(Finding(
                "rests-on-doubtful", at, (*at, "based_on"),
                f"{claim.kind} '{claim.id}' rests on {_quoted(doubtful)}, flagged "
                f"{' / '.join(sorted({flagged[d] or '' for d in doubtful}))}"))
        if claim.kind != "judgment":
            continue
        if claim.confidence in ("low", "moderate") and not claim.alternatives:
            found.append(Finding(
                "no-alternatives", at, at,
                f"judgment '{claim.id}' has {claim.confidence} confidence but names no "
                "alternatives: add 'alternatives' with the other explanations weighed"))
        if not claim.indicators:
            found.append(Finding(
                "no-indicators", at, at,
                f"key judgment '{claim.id}' names no indicators: add 'indicators' saying what "
                "would confirm or overturn it"))
    return found


def _untraced(findings: model.Findings, origins: dict[str, frozenset[OriginRef]]
              ) -> list[Finding]:
    """A claim cited by two or more sources with a passage whose origin is not traced.

    Such a passage counts as its outlet's own reporting, and so as independent of the
    others; two outlets rewriting one briefing would then read as corroboration. The
    analyst says where the material came from, or accepts the assumption in words."""
    found = []
    for i, claim in enumerate(findings.claims):
        outlets = list(dict.fromkeys(ev.source for ev in claim.evidence))
        untraced = [ref.id for ref in sorted(origins[claim.id]) if ref.kind == "source"]
        if claim.kind != "reported" or len(outlets) < 2 or not untraced:
            continue
        found.append(Finding(
            "untraced-corroboration", ("claims", i), ("claims", i, "evidence"),
            f"'{claim.id}' is cited by {len(outlets)} sources, but the origin of what "
            f"{_quoted(untraced)} report{'s' if len(untraced) == 1 else ''} is not traced, so "
            "it counts as independent reporting: set 'origin' on the evidence or the source "
            "where outlets relay the same material"))
    return found


def _coverage(findings: model.Findings, coverage: dict[str, float]) -> list[Finding]:
    """A source no claim cites (kept, say, as background: acknowledge it so), and one
    covered less than min_coverage asks (not said again of an uncited source)."""
    cited = {ev.source for claim in findings.claims for ev in claim.evidence}
    uncited = [Finding("uncited-source", ("sources", i), ("sources", i, "id"),
                       f"source '{s.id}' is not cited by any claim: cite it, or remove it")
               for i, s in enumerate(findings.sources) if s.id not in cited]
    wanted = findings.briefing.min_coverage
    if wanted is None:
        return uncited
    return uncited + [
        Finding("low-coverage", ("sources", i), ("sources", i, "id"),
                f"source '{s.id}' is {coverage[s.id]:.0%} covered, below the "
                f"min_coverage of {wanted:.0%}: quote the sentences it still has")
        for i, s in enumerate(findings.sources)
        if s.id in cited and s.id in coverage and coverage[s.id] < wanted]


def _double_counted(findings: model.Findings, origins: dict[str, frozenset[OriginRef]]
                    ) -> list[Finding]:
    """Two rows of one table with the same estimator, location, figure and basis that
    share an origin: that origin's figure is counted twice."""
    rows: dict[tuple[object, ...], list[int]] = defaultdict(list)
    for i, claim in enumerate(findings.claims):
        est = claim.estimate
        if est is not None and origins[claim.id]:
            rows[(est.quantity.casefold(), est.estimator.casefold(), est.location.casefold(),
                  est.value, est.low, est.high, est.basis)].append(i)
    found = []
    for indexes in rows.values():
        for n, i in enumerate(indexes):
            claim = findings.claims[i]
            earlier = next((findings.claims[j] for j in indexes[:n]
                            if origins[findings.claims[j].id] & origins[claim.id]), None)
            if earlier is None:
                continue
            found.append(Finding(
                "double-counted", ("claims", i), ("claims", i, "estimate"),
                f"'{claim.id}' gives the same figure as '{earlier.id}', from the same origin, "
                "estimator and location: one figure counted twice in the table; keep one row "
                "and cite both passages there"))
    return found


def _revisions(findings: model.Findings, moved: dict[str, list[str]]) -> list[Finding]:
    found = []
    for i, claim in enumerate(findings.claims):
        fields = [f for f in moved.get(claim.id, []) if f in ("likelihood", "confidence")]
        if fields and not (claim.revised or "").strip():
            found.append(Finding(
                "unexplained-revision", ("claims", i), ("claims", i, fields[0]),
                f"judgment '{claim.id}': its {' and '.join(fields)} moved since the previous "
                "edition; say why in 'revised'"))
    return found


# A whole run of word characters and hyphens, not right after a '#': an id (letters,
# digits, hyphens) written as a word, and not part of a longer word or a link's target.
# Looking each run up in the set of ids is linear in the text, where one alternation of
# every id would cost a long compile and a slow search on a large project.
_WORDS = re.compile(r"(?<![\w#-])[\w-]+")


def _bare_ids(findings: model.Findings) -> list[Finding]:
    """Ids written as plain words in Markdown: the page shows them to readers as they are.
    Only ids with a hyphen or a digit count; a one-word id may well be an ordinary word."""
    every = [c.id for c in findings.claims] + [s.id for s in findings.sources] + \
        [o.id for o in findings.origins]
    ids = {i for i in every if re.search(r"[-\d]", i)}
    if not ids:
        return []
    texts: list[tuple[KeyPath, KeyPath, str | None]] = [
        (("briefing",), ("briefing", "summary"), findings.briefing.summary),
        (("briefing",), ("briefing", "implications"), findings.briefing.implications)]
    for i, origin in enumerate(findings.origins):
        texts.append((("origins", i), ("origins", i, "note"), origin.note))
    for i, source in enumerate(findings.sources):
        texts.append((("sources", i), ("sources", i, "note"), source.note))
        texts += [(("sources", i), ("sources", i, "acknowledge", j, "reason"), ack.reason)
                  for j, ack in enumerate(source.acknowledge)]
    for i, claim in enumerate(findings.claims):
        at: KeyPath = ("claims", i)
        texts += [(at, (*at, "statement"), claim.statement), (at, (*at, "note"), claim.note),
                  (at, (*at, "revised"), claim.revised)]
        texts += [(at, (*at, key, j), text) for key in ("alternatives", "indicators")
                  for j, text in enumerate(getattr(claim, key))]
        texts += [(at, (*at, "acknowledge", j, "reason"), ack.reason)
                  for j, ack in enumerate(claim.acknowledge)]
    found = []
    for subject, path, text in texts:
        hits = sorted(ids.intersection(_WORDS.findall(markdown.shown_words(text or ""))))
        if hits:
            shown = ", ".join(f"'{h}'" for h in hits)
            found.append(Finding(
                "bare-id", subject, path,
                f"{path[-1] if isinstance(path[-1], str) else path[-2]} names {shown} as "
                f"plain text, which readers would see: link it, like [the words](#{hits[0]})",
                hits[0]))
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
            found.append(Finding(
                "date-after-cut-off", at, (*at, "date"),
                f"claim '{claim.id}' is dated {when.iso(claim.date)}, after the briefing's "
                f"cut-off {cut_off}: check the date, or move the cut-off"))
        if est is None:
            continue
        if est.stated and when.after(est.stated, cut_off):
            found.append(Finding(
                "date-after-cut-off", at, (*at, "estimate", "stated"),
                f"estimate stated {when.iso(est.stated)} is after the briefing's cut-off "
                f"{cut_off}: a figure given later was not considered; check the date"))
        if est.as_of and when.after(est.as_of, cut_off) and not ahead:
            found.append(Finding(
                "date-after-cut-off", at, (*at, "estimate", "as_of"),
                f"estimate as_of {when.iso(est.as_of)} is after the briefing's cut-off "
                f"{cut_off}: a {est.basis} figure, of what is there now, cannot come later; "
                "if it is expected or intended, say 'basis: forecast' or 'basis: plan', "
                "otherwise check the date"))
    return found
