"""Validate: turn the loaded document into the model, checking every rule a claim obeys.

Types and allowed values are the model's (built record by record in :mod:`.conform`).
The rules that span several fields or records (unique ids, references, what each kind of
claim needs, the source files themselves, in source_files.py) are checked here, so one run
reports them all.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import Problems, did_you_mean
from . import context, model, references, source_files, vocab
from .conform import build_list, build_one
from .load import Document, KeyPath
from .sections import check_sections, check_some_sources
from .sources import SourceText


@dataclass(eq=False)
class Validated:
    """What validation made of the document, including the parts that are valid when
    others are not, so that later checks (quotes) still run and report in the same go."""

    findings: model.Findings | None
    """The whole findings, or ``None`` when any error was found."""
    sources: list[tuple[int, model.Source]]
    """Each valid source with its index in the file."""
    claims: list[tuple[int, model.Claim]]
    """Each valid claim with its index in the file."""
    texts: dict[str, SourceText]
    """The text of every source that could be read, by source id."""


def validate(
    doc: Document, project: Path, problems: Problems, out: Path | None = None
) -> Validated:
    """Check the document against the model and every rule across records; ``out`` is
    the folder the report goes to, which no source may be in."""
    data = doc.data
    if not isinstance(data, dict):
        problems.error(
            doc.at(()),
            "the findings file must be a mapping with the keys 'briefing', 'sources' and 'claims'",
        )
        return Validated(None, [], [], {})
    check_sections(data, doc, problems, required=True)

    briefing = build_one(model.Briefing, data.get("briefing"), ("briefing",), doc, problems)
    sources = build_list(model.Source, data.get("sources"), "sources", doc, problems)
    claims = build_list(model.Claim, data.get("claims"), "claims", doc, problems)
    origins = (
        build_list(model.Origin, data.get("origins"), "origins", doc, problems)
        if "origins" in data
        else []
    )
    cited = (
        build_list(model.Reference, data.get("references"), "references", doc, problems)
        if "references" in data
        else []
    )
    quantities = (
        build_list(model.Quantity, data.get("quantities"), "quantities", doc, problems)
        if "quantities" in data
        else []
    )
    places = (
        build_list(model.Place, data.get("places"), "places", doc, problems)
        if "places" in data
        else []
    )
    check_some_sources(data, doc, problems)

    texts = source_files.check_sources(sources, doc, project, problems, out)
    if briefing is not None:
        source_files.check_published(briefing, sources, doc, problems)
    _check_claims(claims, sources, doc, problems)
    references.check(briefing, sources, claims, origins, doc, problems, cited, places)
    context.check(quantities, places, claims, "quantities" in data, doc, problems)
    _check_spelling(claims, doc, problems)
    _check_writing(doc, problems)

    findings = None
    if not problems.errors and briefing is not None:
        findings = model.Findings(
            briefing=briefing,
            sources=tuple(s for _, s in sources),
            claims=tuple(c for _, c in claims),
            origins=tuple(o for _, o in origins),
            references=tuple(r for _, r in cited),
            quantities=tuple(q for _, q in quantities),
            places=tuple(p for _, p in places),
        )
    return Validated(findings, sources, claims, texts)


def _check_claims(
    claims: list[tuple[int, model.Claim]],
    sources: list[tuple[int, model.Source]],
    doc: Document,
    problems: Problems,
) -> None:
    ids = references.unique_ids("claims", claims, doc, problems)
    source_ids = {s.id for _, s in sources}
    for i, claim in claims:
        at = ("claims", i)
        _check_kind(claim, at, doc, problems)
        for j, ev in enumerate(claim.evidence):
            if (
                ev.source not in source_ids
                and ("sources", ev.source) not in doc.invalid_ids
                and sources
            ):
                problems.error(
                    doc.at((*at, "evidence", j, "source")),
                    f"unknown source "
                    f"'{ev.source}'{did_you_mean(ev.source, source_ids)}: cite the id "
                    "of an entry under 'sources'",
                )
        for j, ev in enumerate(claim.evidence):
            if ev.translated_by and not ev.translation:
                problems.error(
                    doc.key_at((*at, "evidence", j, "translated_by")),
                    "translated_by names who translated the passage, but it has "
                    "no translation: add 'translation:' or remove translated_by",
                )
        for j, ref in enumerate(claim.based_on):
            if ref == claim.id:
                problems.error(
                    doc.at((*at, "based_on", j)),
                    f"claim '{claim.id}' cannot rest on itself: name the claims it is based on",
                )
            elif ref not in ids and ("claims", ref) not in doc.invalid_ids:
                problems.error(
                    doc.at((*at, "based_on", j)),
                    f"unknown claim '{ref}'{did_you_mean(ref, ids)} in based_on",
                )
            elif ref in claim.based_on[:j]:
                problems.warning(
                    doc.at((*at, "based_on", j)), f"based_on names '{ref}' twice: remove the repeat"
                )
        if claim.flag and not (claim.note or "").strip():
            problems.error(
                doc.at((*at, "flag")),
                f"flag '{claim.flag}' needs a note saying why: add 'note:' to this claim",
            )
        if claim.estimate:
            _check_estimate(claim.estimate, (*at, "estimate"), doc, problems)
    _check_cycles(claims, doc, problems)


def _check_kind(claim: model.Claim, at: KeyPath, doc: Document, problems: Problems) -> None:
    if claim.kind == "reported":
        if not claim.evidence:
            problems.error(
                doc.at((*at, "evidence") if claim.evidence == () else at),
                f"reported claim '{claim.id}' needs evidence: add at least one "
                "'evidence' entry with a source and a verbatim quote",
            )
        for key in ("likelihood", "confidence"):
            if getattr(claim, key) is not None:
                problems.error(
                    doc.key_at((*at, key)),
                    f"{key} applies only to judgments and "
                    f"assumptions: remove it, or set 'kind: judgment'",
                )
        if claim.based_on:
            problems.error(
                doc.key_at((*at, "based_on")),
                "based_on applies only to judgments "
                "and assumptions: a reported claim rests on its evidence",
            )
        for key in ("alternatives", "indicators", "revised"):
            if getattr(claim, key):
                problems.error(
                    doc.key_at((*at, key)),
                    f"{key} applies only to judgments and "
                    "assumptions: move it to the judgment that weighs this claim",
                )
        if not claim.said_by:
            problems.warning(
                doc.at(at), f"reported claim '{claim.id}' does not say who made it: add 'said_by'"
            )
        if claim.credibility is None:
            problems.warning(
                doc.at(at),
                f"reported claim '{claim.id}' has no credibility "
                "grade: add 'credibility: 1' to 'credibility: 6'",
            )
    elif claim.kind == "judgment":
        for key, terms in (("likelihood", vocab.LIKELIHOOD), ("confidence", vocab.CONFIDENCE)):
            if getattr(claim, key) is None:
                problems.error(
                    doc.at(at),
                    f"judgment '{claim.id}' needs a {key}: add "
                    f"'{key}:' with one of {' | '.join(terms)}",
                )
        if not claim.based_on:
            problems.warning(
                doc.at(at), f"judgment '{claim.id}' names no claims it rests on: add 'based_on'"
            )


def _check_estimate(est: model.Estimate, at: KeyPath, doc: Document, problems: Problems) -> None:
    has_range = est.low is not None or est.high is not None
    if est.value is None and not has_range:
        problems.error(doc.at(at), "an estimate needs 'value', or 'low' and 'high' for a range")
    elif est.value is not None and has_range:
        problems.error(
            doc.key_at((*at, "low" if est.low is not None else "high")),
            "give either 'value' or 'low' and 'high', not both",
        )
    elif has_range and (est.low is None or est.high is None):
        missing = "high" if est.high is None else "low"
        problems.error(
            doc.at(at),
            f"a range needs both 'low' and 'high': add '{missing}', or "
            "use 'value' with a qualifier such as 'up to' or 'at least'",
        )
    elif est.low is not None and est.high is not None and est.low > est.high:
        problems.error(doc.at((*at, "low")), f"low {est.low} is above high {est.high}: swap them")
    for key in ("value", "low", "high"):
        number = getattr(est, key)
        if number is not None and number < 0:
            problems.error(doc.at((*at, key)), f"{key} {number} is negative")


def _check_cycles(claims: list[tuple[int, model.Claim]], doc: Document, problems: Problems) -> None:
    """Report each circle in based_on once, at the claim that closes it. Iterative, so a
    long chain of judgments cannot exhaust the stack."""
    by_id = {c.id: (i, c) for i, c in claims}
    done: set[str] = set()
    for root in by_id:
        if root in done:
            continue
        path: list[str] = [root]
        on_path = {root: 0}
        stack = [iter(by_id[root][1].based_on)]
        while stack:
            ref = next(stack[-1], None)
            if ref is None:
                stack.pop()
                finished = path.pop()
                done.add(finished)
                del on_path[finished]
                continue
            here = path[-1]
            if ref not in by_id or ref == here or ref in done:
                continue
            if ref in on_path:
                loop = " -> ".join([*path[on_path[ref] :], ref])
                problems.error(
                    doc.at(("claims", by_id[here][0], "based_on")),
                    f"based_on goes round in a circle ({loop}): a judgment cannot rest on itself",
                )
                continue
            on_path[ref] = len(path)
            path.append(ref)
            stack.append(iter(by_id[ref][1].based_on))


def _check_spelling(
    claims: list[tuple[int, model.Claim]], doc: Document, problems: Problems
) -> None:
    """Quantities and topics that differ only in case or spacing would split a table or a
    section in two."""
    for key in ("quantity", "topic"):
        first: dict[str, tuple[str, int]] = {}
        for i, claim in claims:
            value = (
                claim.estimate.quantity
                if key == "quantity" and claim.estimate
                else claim.topic
                if key == "topic"
                else None
            )
            if value is None:
                continue
            path = ("claims", i, "estimate", key) if key == "quantity" else ("claims", i, key)
            folded = " ".join(value.lower().split())
            if folded not in first:
                first[folded] = (value, doc.at(path).line)
            elif first[folded][0] != value:
                spelt, line = first[folded]
                problems.warning(
                    doc.at(path),
                    f"{key} '{value}' is spelt differently from "
                    f"'{spelt}' on line {line}: use one spelling, or they are "
                    f"shown apart",
                )


_TEXT_KEYS = frozenset(
    (
        "title",
        "summary",
        "statement",
        "note",
        "said_by",
        "quote",
        "publisher",
        "topic",
        "quantity",
        "estimator",
        "location",
        "name",
        "unit",
    )
)


def _blank(path: KeyPath, value: object) -> bool:
    """A keyed value that is missing or empty text."""
    if value is not None and (not isinstance(value, str) or value.strip()):
        return False
    return len(path) >= 2 and isinstance(path[-1], str)


def _check_writing(doc: Document, problems: Problems) -> None:
    """Slips YAML accepts silently: an empty value, and a '#' that cuts text short."""
    for path in sorted(doc.commented, key=lambda p: doc.at(p)):
        if path and path[-1] in _TEXT_KEYS:
            problems.warning(
                doc.at(path),
                f"the '#' after {path[-1]} starts a YAML comment, "
                "which is not part of the text: put the value in quotes if the "
                "'#' belongs to it",
            )
    reported = {(p.position.line, p.position.column) for p in problems.errors}
    for path, value in doc.values_where("blank", _blank):
        mark = doc.value_positions[path]
        if (mark.line + 1, mark.column + 1) in reported:
            continue
        if value is None:
            problems.warning(
                doc.key_at(path), f"'{path[-1]}' has no value: give one or remove the key"
            )
        elif isinstance(value, str) and not value.strip():
            problems.warning(
                doc.key_at(path), f"'{path[-1]}' is empty text: write it or remove the key"
            )
