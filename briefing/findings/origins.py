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

from collections.abc import Callable
from typing import NamedTuple, TypeVar

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
    return _through_based_on(
        findings,
        lambda claim: frozenset(passage_origin(ev, sources[ev.source]) for ev in claim.evidence),
    )


def resting_on(findings: model.Findings) -> dict[str, list[str]]:
    """For every judgment and assumption, the reported claims it rests on through
    based_on, in file order."""
    order = {c.id: n for n, c in enumerate(findings.claims)}
    reached = _through_based_on(findings, lambda claim: frozenset((claim.id,)))
    return {
        c.id: sorted(reached[c.id], key=order.__getitem__)
        for c in findings.claims
        if c.kind != "reported"
    }


T = TypeVar("T")


def _through_based_on(
    findings: model.Findings, own: Callable[[model.Claim], frozenset[T]]
) -> dict[str, frozenset[T]]:
    """``own(claim)`` for each reported claim; for a judgment or an assumption, the union
    of what the claims in its based_on have, followed down to reported claims.

    Each claim is worked out once, after the claims it rests on (an explicit stack, so a
    long chain cannot exhaust Python's): following each judgment's whole chain afresh
    would cost the square of a chain's length. A claim met again while its own chain is
    still open (a circle, which validation reports) adds nothing."""
    claims = {c.id: c for c in findings.claims}
    done: dict[str, frozenset[T]] = {}
    for claim in findings.claims:
        if claim.kind == "reported":
            done[claim.id] = own(claim)
    open_: set[str] = set()
    for root in findings.claims:
        stack = [root.id]
        while stack:
            current = stack[-1]
            if current in done:
                stack.pop()
                continue
            waiting = [
                ref
                for ref in claims[current].based_on
                if ref in claims and ref not in done and ref not in open_
            ]
            if current not in open_ and waiting:
                open_.add(current)
                stack.extend(waiting)
                continue
            found: set[T] = set()
            for ref in claims[current].based_on:
                found.update(done.get(ref, ()))
            done[current] = frozenset(found)
            open_.discard(current)
            stack.pop()
    return done


def titles(findings: model.Findings) -> dict[OriginRef, str]:
    """How each origin reads on the page: a listed origin by its title, a source that is
    its own origin as its publisher's own reporting, or, with no publisher, as the
    reporting of the source named by the opening words of its title (a reader knows a
    source by its title, not by a number or an id)."""
    named = {OriginRef("origin", o.id): o.title for o in findings.origins}
    for source in findings.sources:
        named[OriginRef("source", source.id)] = (
            f"{source.publisher}'s own reporting"
            if source.publisher
            else f"the own reporting of “{opening_words(source.title, 6)}”"
        )
    return named
