"""Origins: where each passage's material first came from, and how many independent
origins each claim rests on.

Two outlets relaying one press briefing are one origin, not two: counting outlets as
corroboration is circular reporting. A passage's origin is its evidence ``origin``, else
its source's ``origin``, else the source itself (the outlet's own reporting, also said
with ``origin: own``). A judgment's origins are those of every reported claim it rests on,
followed through ``based_on``.

Corroboration is counted by originator: three briefings by one ministry are three origins
but one originator, since none of them can confirm the others. An origin's originator is
its ``by``; an origin without one, and an outlet's own reporting, is its own.
"""

from __future__ import annotations

from typing import NamedTuple

from . import model
from .markdown import opening_words


class OriginRef(NamedTuple):
    """One origin: a listed origin, or a source that is its own origin."""

    kind: str
    """'origin' for an entry of ``origins``, 'source' for an outlet's own reporting."""
    id: str
    """The origin's or the source's id."""


# Said on a source or a passage: the outlet's own reporting, not a relayed origin.
OWN = "own"


def passage_origin(evidence: model.Evidence, source: model.Source) -> OriginRef:
    named = evidence.origin or source.origin
    if named and named != OWN:
        return OriginRef("origin", named)
    return OriginRef("source", source.id)


def originators(findings: model.Findings) -> dict[OriginRef, str]:
    """Each origin's originator, as a key that is equal for origins of one body: a listed
    origin's ``by`` (compared without regard to case and spacing), else the origin itself."""
    found: dict[OriginRef, str] = {}
    for origin in findings.origins:
        by = " ".join((origin.by or "").split()).casefold()
        found[OriginRef("origin", origin.id)] = f"by:{by}" if by else f"origin:{origin.id}"
    for source in findings.sources:
        found[OriginRef("source", source.id)] = f"source:{source.id}"
    return found


def count_originators(refs: frozenset[OriginRef], by: dict[OriginRef, str]) -> int:
    """How many originators stand behind ``refs``."""
    return len({by.get(ref, f"{ref.kind}:{ref.id}") for ref in refs})


def trace(findings: model.Findings) -> dict[str, frozenset[OriginRef]]:
    """The independent origins of every claim, by claim id."""
    sources = {s.id: s for s in findings.sources}
    claims = {c.id: c for c in findings.claims}
    own = {c.id: frozenset(passage_origin(ev, sources[ev.source]) for ev in c.evidence)
           for c in findings.claims}
    traced: dict[str, frozenset[OriginRef]] = {}
    for claim in findings.claims:
        if claim.kind == "reported":
            traced[claim.id] = own[claim.id]
            continue
        # Iterative, so a long chain of judgments cannot exhaust the stack.
        found: set[OriginRef] = set()
        seen: set[str] = set()
        stack = list(claim.based_on)
        while stack:
            ref = stack.pop()
            if ref in seen or ref not in claims:
                continue
            seen.add(ref)
            if claims[ref].kind == "reported":
                found |= own[ref]
            else:
                stack.extend(claims[ref].based_on)
        traced[claim.id] = frozenset(found)
    return traced


def resting_on(findings: model.Findings, claim_id: str) -> list[str]:
    """The reported claims a judgment rests on, through based_on, in file order."""
    claims = {c.id: c for c in findings.claims}
    seen: set[str] = set()
    stack = list(claims[claim_id].based_on)
    while stack:
        ref = stack.pop()
        if ref in seen or ref not in claims:
            continue
        seen.add(ref)
        stack.extend(claims[ref].based_on)
    return [c.id for c in findings.claims if c.id in seen and c.kind == "reported"]


def titles(findings: model.Findings) -> dict[OriginRef, str]:
    """How each origin reads on the page: a listed origin by its title, a source that is
    its own origin as its publisher's own reporting, or, with no publisher, as the
    reporting of the source named by the opening words of its title (a reader knows a
    source by its title, not by a number or an id)."""
    named = {OriginRef("origin", o.id): o.title for o in findings.origins}
    for number, source in enumerate(findings.sources, 1):
        named[OriginRef("source", source.id)] = \
            f"{source.publisher}'s own reporting" if source.publisher else \
            f"the source’s own reporting (“{opening_words(source.title, 6)}” [S{number}])"
    return named
