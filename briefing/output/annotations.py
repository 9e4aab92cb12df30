"""Annotations: every evidence passage as a W3C Web Annotation, in ``annotations.jsonld``.

One annotation per quoted stretch: a quote whose ellipsis leaves words out becomes one
annotation per part, since the model's several selectors on one target are alternative
ways to find one stretch, not several stretches, and annotation tools anchor one target.
Each target is the source text, named by the SHA-256 of its bytes (an RFC 6920 ``ni:``
IRI), with a TextQuoteSelector and a TextPositionSelector for the same characters:
offsets in code points of the text as findings.json reads it (BOM dropped, line ends as
LF). The body carries the claim: its statement, its id as a tag, its grades and flag.
"""

from __future__ import annotations

import base64
from typing import Any

from ..findings import model
from ..findings.quotes import Passage
from ..findings.sources import SourceText
from .exchange import encoded, json_object, one_a_line, stable_uuid, timestamp

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
# How much of the text around a quote the TextQuoteSelector keeps, in code points: enough
# to tell apart repeats of a short quote, short enough to stay readable.
CONTEXT_CHARS = 32


def render_annotations(
    findings: model.Findings, texts: dict[str, SourceText], passages: dict[tuple[str, int], Passage]
) -> bytes:
    """The annotation collection as JSON-LD, one annotation a line."""
    title = findings.briefing.title
    created = timestamp(findings.briefing.as_of)
    sources = {s.id: _source_resource(s, texts[s.id]) for s in findings.sources}
    reliability = {s.id: s.reliability for s in findings.sources}
    items = []
    for claim in findings.claims:
        bodies = _bodies(claim, findings.briefing)
        for ei, ev in enumerate(claim.evidence):
            passage = passages[(claim.id, ei)]
            text = texts[ev.source].text
            parts = passage.parts
            for pi, (start, end) in enumerate(parts):
                name = f"{claim.id}, passage {ei + 1}" + (
                    f", part {pi + 1} of {len(parts)}" if len(parts) > 1 else ""
                )
                items.append(
                    {
                        "id": "urn:uuid:"
                        + stable_uuid(title, "annotation", claim.id, str(ei), str(pi)),
                        "type": "Annotation",
                        "label": name,
                        "motivation": "describing",
                        "created": created,
                        **_creator(findings.briefing),
                        "body": [*bodies, _grade(claim, reliability[ev.source])],
                        "target": {
                            "type": "SpecificResource",
                            "source": sources[ev.source],
                            "selector": [
                                _quote_selector(text, start, end),
                                {"type": "TextPositionSelector", "start": start, "end": end},
                            ],
                        },
                    }
                )
    page = json_object(
        [
            ("id", encoded("urn:uuid:" + stable_uuid(title, "annotation-page", "1"))),
            ("type", encoded("AnnotationPage")),
            ("startIndex", "0"),
            ("items", one_a_line(items, "    ")),
        ],
        "  ",
    )
    collection = json_object(
        [
            ("@context", encoded(CONTEXT)),
            ("id", encoded("urn:uuid:" + stable_uuid(title, "annotation-collection"))),
            ("type", encoded("AnnotationCollection")),
            ("label", encoded(title)),
            ("total", str(len(items))),
            ("first", page),
        ]
    )
    return (collection + "\n").encode("utf-8")


def ni_iri(sha256_hex: str) -> str:
    """The RFC 6920 name of the bytes with this SHA-256: ``ni:///sha-256;`` and the digest
    in unpadded base64url."""
    digest = base64.urlsafe_b64encode(bytes.fromhex(sha256_hex)).rstrip(b"=")
    return "ni:///sha-256;" + digest.decode("ascii")


def _source_resource(source: model.Source, text: SourceText) -> dict[str, Any]:
    resource: dict[str, Any] = {
        "id": ni_iri(text.sha256),
        "type": "Text",
        "format": "text/plain",
        "label": source.title,
    }
    if source.url:
        resource["via"] = source.url  # where the analyst found it: the text came from there
    return resource


def _quote_selector(text: str, start: int, end: int) -> dict[str, str]:
    selector = {"type": "TextQuoteSelector", "exact": text[start:end]}
    if start:
        selector["prefix"] = text[max(0, start - CONTEXT_CHARS) : start]
    if end < len(text):
        selector["suffix"] = text[end : end + CONTEXT_CHARS]
    return selector


def _bodies(claim: model.Claim, briefing: model.Briefing) -> list[dict[str, str]]:
    """The claim's statement, its id as a tag, and its flag with the analyst's note."""
    bodies = [
        {
            "type": "TextualBody",
            "purpose": "describing",
            "format": "text/markdown",
            "value": claim.statement,
        },
        {"type": "TextualBody", "purpose": "tagging", "value": claim.id},
    ]
    if claim.likelihood or claim.confidence:
        bodies.append(
            {"type": "TextualBody", "purpose": "classifying", "value": _judgment_words(claim)}
        )
    if claim.flag:
        bodies.append(
            {"type": "TextualBody", "purpose": "questioning", "value": f"flag: {claim.flag}"}
        )
    if claim.note:
        bodies.append(
            {
                "type": "TextualBody",
                "purpose": "commenting",
                "format": "text/markdown",
                "value": claim.note,
            }
        )
    return bodies


def _judgment_words(claim: model.Claim) -> str:
    words = [f"ICD 203 likelihood: {claim.likelihood}"] if claim.likelihood else []
    if claim.confidence:
        words.append(f"analytic confidence: {claim.confidence}")
    return "; ".join(words)


def _grade(claim: model.Claim, reliability: str) -> dict[str, str]:
    """The Admiralty grade of this passage: its source's reliability letter, then the
    claim's credibility digit when graded (C2, or C alone)."""
    grade = reliability + (str(claim.credibility) if claim.credibility else "")
    return {"type": "TextualBody", "purpose": "classifying", "value": f"Admiralty {grade}"}


def _creator(briefing: model.Briefing) -> dict[str, Any]:
    return {"creator": {"name": briefing.author}} if briefing.author else {}
