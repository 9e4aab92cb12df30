"""STIX: the briefing as a STIX 2.1 bundle, ``briefing.stix.json``, for OpenCTI and MISP.

A ``report`` lists every other object; an ``identity`` stands for each publisher, each
``said_by`` and each estimator (one per distinct name); a ``note`` carries each claim (its
statement, its quotes, and each quoted source as an external reference with the file's
SHA-256); an ``opinion`` carries each flag. The analytic grades keep their own scales in
custom properties, since STIX ``confidence`` is a different scale (0-100, the producer's
confidence in the object's correctness):

    x_briefing_icd203_likelihood       ICD 203 term, judgments (e.g. "likely")
    x_briefing_analytic_confidence     high | moderate | low, judgments
    x_briefing_admiralty_credibility   Admiralty information credibility, 1-6
    x_briefing_admiralty_reliability   {source id: Admiralty source reliability, A-F}
    x_briefing_claim_id / _kind / _flag  the claim's id, its kind, the flag of an opinion

They are declared, as STIX 2.1 asks, by an ``extension-definition`` of the
toplevel-property-extension type that the bundle carries, made by an identity standing for
this tool. Every object is dated at the briefing's as_of, so the same findings give the
same bytes.
"""

from __future__ import annotations

import uuid
from typing import Any

from ..findings import model
from ..findings.quotes import Passage
from ..findings.sources import SourceText
from .exchange import NAMESPACE, encoded, json_object, one_a_line, timestamp

# How each flag reads as a STIX opinion on the claim's note: the analyst's view of the
# claim as the source gives it. The flag itself is kept in x_briefing_flag.
OPINION_OF_FLAG = {
    "likely-error": "disagree",
    "misattributed": "disagree",
    "inconsistent": "neutral",
    "disputed": "neutral",
    "unverified": "neutral",
}


GRADE_PROPERTIES = (
    "x_briefing_claim_id",
    "x_briefing_kind",
    "x_briefing_flag",
    "x_briefing_icd203_likelihood",
    "x_briefing_analytic_confidence",
    "x_briefing_admiralty_credibility",
    "x_briefing_admiralty_reliability",
)
# The definition's text is the extension's normative schema (STIX allows plain text):
# a reader of the bundle alone learns what each property means.
GRADE_SCHEMA = (
    "Top-level properties of notes and opinions made by build-report. "
    "x_briefing_claim_id: the claim's id in findings.yaml. "
    "x_briefing_kind: reported, judgment or assumption (ICD 203 keeps facts and judgments "
    "apart). "
    "x_briefing_icd203_likelihood: the ICD 203 likelihood term of a judgment: almost no "
    "chance (1-5%), very unlikely (5-20%), unlikely (20-45%), roughly even chance "
    "(45-55%), likely (55-80%), very likely (80-95%), almost certain (95-99%). "
    "x_briefing_analytic_confidence: high, moderate or low: the analyst's confidence in the "
    "judgment's basis (ICD 203), not the STIX confidence scale. "
    "x_briefing_admiralty_credibility: Admiralty information credibility, 1 confirmed, "
    "2 probably true, 3 possibly true, 4 doubtful, 5 improbable, 6 cannot be judged. "
    "x_briefing_admiralty_reliability: for each quoted source id, its Admiralty source "
    "reliability, A completely reliable, B usually reliable, C fairly reliable, D not "
    "usually reliable, E unreliable, F cannot be judged. "
    "x_briefing_flag: the analyst's flag on the claim: likely-error, misattributed, "
    "inconsistent, disputed or unverified."
)
# What this tool is called in the bundle: the maker of the extension definition.
TOOL_NAME = "build-report"


def stix_uuid(*names: str) -> str:
    """A stable identifier for a STIX object: the tool's UUIDv5 of ``names``, with the
    version field set to 4, since STIX asks domain and meta objects for UUIDv4 (its
    validator warns at any other) and these must stay the same from build to build."""
    value = uuid.uuid5(NAMESPACE, "\n".join(names))
    return str(uuid.UUID(bytes=value.bytes, version=4))


class _Identities:
    """One identity per distinct name, the first role it is met in deciding its class."""

    def __init__(self, created: str) -> None:
        self.created = created
        self.by_name: dict[str, dict[str, Any]] = {}

    def ref(self, name: str, identity_class: str) -> str:
        if name not in self.by_name:
            self.by_name[name] = {
                **_common("identity", stix_uuid("identity", name), self.created),
                "name": name,
                "identity_class": identity_class,
            }
        return str(self.by_name[name]["id"])


def render_stix(
    findings: model.Findings, texts: dict[str, SourceText], passages: dict[tuple[str, int], Passage]
) -> bytes:
    """The bundle as JSON, one STIX object a line: the report, then the objects it lists,
    then the extension definition of the grade properties."""
    briefing = findings.briefing
    title, created = briefing.title, timestamp(briefing.as_of)
    identities = _Identities(created)
    author = identities.ref(briefing.author, "organization") if briefing.author else None
    for source in findings.sources:
        if source.publisher:
            identities.ref(source.publisher, "organization")
    sources = {s.id: s for s in findings.sources}
    note_ids = {c.id: _note_id(title, c.id) for c in findings.claims}
    report_id = "report--" + stix_uuid(title, "report")
    notes, opinions = [], []
    for claim in findings.claims:
        notes.append(
            _note(claim, note_ids, report_id, sources, texts, passages, identities, created, author)
        )
        if claim.flag:
            opinions.append(_opinion(claim, note_ids[claim.id], title, created, author))
    listed = [*sorted(identities.by_name.values(), key=lambda i: str(i["id"])), *notes, *opinions]
    report = {
        **_common("report", report_id.removeprefix("report--"), created, author),
        "name": title,
        "description": briefing.summary or title,
        "report_types": ["threat-report"],
        "published": created,
        "object_refs": [o["id"] for o in listed],
    }
    bundle = json_object(
        [
            ("type", encoded("bundle")),
            ("id", encoded("bundle--" + stix_uuid(title, "bundle", created))),
            ("objects", one_a_line([report, *listed, *_tool_objects()])),
        ]
    )
    return (bundle + "\n").encode("utf-8")


# The day version 1.0 of the grade properties was defined: the tool's own objects carry
# it, not a briefing's date, since they are the same in every bundle.
EXTENSION_DATE = "2026-12-03T00:00:00.000Z"
EXTENSION_ID = "extension-definition--" + stix_uuid(TOOL_NAME, "extension", "grades", "1.0")
_USES_EXTENSION = {"extensions": {EXTENSION_ID: {"extension_type": "toplevel-property-extension"}}}


def _tool_objects() -> list[dict[str, Any]]:
    """This tool as an identity, and its definition of the grade properties."""
    tool = {
        **_common("identity", stix_uuid(TOOL_NAME, "identity"), EXTENSION_DATE),
        "name": TOOL_NAME,
        "identity_class": "system",
    }
    definition = {
        **_common(
            "extension-definition", EXTENSION_ID.split("--")[1], EXTENSION_DATE, str(tool["id"])
        ),
        "name": "Briefing grades",
        "description": "ICD 203 likelihood and analytic confidence, Admiralty grades, the "
        "claim's id and kind, and the analyst's flag, on their own scales.",
        "schema": GRADE_SCHEMA,
        "version": "1.0.0",
        "extension_types": ["toplevel-property-extension"],
        "extension_properties": list(GRADE_PROPERTIES),
    }
    return [tool, definition]


def _common(kind: str, uuid: str, created: str, author: str | None = None) -> dict[str, Any]:
    common = {
        "type": kind,
        "spec_version": "2.1",
        "id": f"{kind}--{uuid}",
        "created": created,
        "modified": created,
    }
    if author:
        common["created_by_ref"] = author
    return common


def _note_id(title: str, claim_id: str) -> str:
    return "note--" + stix_uuid(title, "claim", claim_id)


def _note(
    claim: model.Claim,
    note_ids: dict[str, str],
    report_id: str,
    sources: dict[str, model.Source],
    texts: dict[str, SourceText],
    passages: dict[tuple[str, int], Passage],
    identities: _Identities,
    created: str,
    author: str | None,
) -> dict[str, Any]:
    """The claim as a note on the report, on whoever made it, and on what it rests on."""
    refs = [report_id]
    if claim.said_by:
        refs.append(identities.ref(claim.said_by, "unknown"))
    if claim.estimate:
        refs.append(identities.ref(claim.estimate.estimator, "unknown"))
    refs += [note_ids[b] for b in claim.based_on if b in note_ids]
    cited = list(dict.fromkeys(ev.source for ev in claim.evidence))
    note: dict[str, Any] = {
        **_common("note", note_ids[claim.id].removeprefix("note--"), created, author),
        "abstract": claim.statement,
        "content": _content(claim, sources, texts, passages),
        "object_refs": list(dict.fromkeys(refs)),
        "x_briefing_claim_id": claim.id,
        "x_briefing_kind": claim.kind,
        **_USES_EXTENSION,
    }
    if cited:
        note["external_references"] = [_reference(sources[s], texts[s]) for s in cited]
        note["x_briefing_admiralty_reliability"] = {s: sources[s].reliability for s in cited}
    if claim.credibility:
        note["x_briefing_admiralty_credibility"] = claim.credibility
    if claim.likelihood:
        note["x_briefing_icd203_likelihood"] = claim.likelihood
    if claim.confidence:
        note["x_briefing_analytic_confidence"] = claim.confidence
    return note


def _content(
    claim: model.Claim,
    sources: dict[str, model.Source],
    texts: dict[str, SourceText],
    passages: dict[tuple[str, int], Passage],
) -> str:
    """The note as a reader sees it: statement, grades, then each quote with its source."""
    lines = [claim.statement.strip(), ""]
    if claim.likelihood or claim.confidence:
        lines.append(
            f"Likelihood (ICD 203): {claim.likelihood or 'not given'}; "
            f"analytic confidence: {claim.confidence or 'not given'}."
        )
    if claim.said_by:
        lines.append(f"Said by: {claim.said_by}.")
    for ei, ev in enumerate(claim.evidence):
        source = sources[ev.source]
        grade = source.reliability + (str(claim.credibility) if claim.credibility else "")
        quote = " […] ".join(texts[ev.source].text[a:b] for a, b in passages[(claim.id, ei)].parts)
        lines += ["", f"> {quote}", f"— {source.title} (Admiralty {grade})"]
    if claim.note:
        lines += ["", f"Analyst's note: {claim.note.strip()}"]
    return "\n".join(lines).strip()


def _reference(source: model.Source, text: SourceText) -> dict[str, Any]:
    reference: dict[str, Any] = {
        "source_name": source.title,
        "external_id": source.id,
        "hashes": {"SHA-256": text.sha256},
    }
    if source.url:
        reference["url"] = source.url
    if source.published:
        reference["description"] = f"Published {source.published.isoformat()}"
    return reference


def _opinion(
    claim: model.Claim, note_id: str, title: str, created: str, author: str | None
) -> dict[str, Any]:
    flag = claim.flag or ""
    return {
        **_common("opinion", stix_uuid(title, "flag", claim.id), created, author),
        "explanation": f"Flagged {flag}" + (f": {claim.note.strip()}" if claim.note else "."),
        "opinion": OPINION_OF_FLAG[flag],
        "object_refs": [note_id],
        "x_briefing_flag": flag,
        "x_briefing_claim_id": claim.id,
        **_USES_EXTENSION,
    }
