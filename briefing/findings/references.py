"""References: origins named by sources and passages, lint codes named by acknowledgments,
and ``[text](#id)`` cross-references in Markdown, each checked against what exists.

Every unknown name is an error at its own line, with a did-you-mean.
"""

from __future__ import annotations

from typing import Any

from ..errors import Position, Problems, did_you_mean
from . import markdown, model
from .lint import CODES
from .load import Document, KeyPath, written_at


def check(
    briefing: model.Briefing | None,
    sources: list[tuple[int, model.Source]],
    claims: list[tuple[int, model.Claim]],
    origins: list[tuple[int, model.Origin]],
    doc: Document,
    problems: Problems,
    cited: list[tuple[int, model.Reference]] | None = None,
    places: list[tuple[int, model.Place]] | None = None,
) -> None:
    cited = cited or []
    unique_ids("references", cited, doc, problems)
    origin_ids = _unique_origins(origins, doc, problems)
    known_origins = origin_ids | {oid for section, oid in doc.invalid_ids if section == "origins"}
    if "own" in origin_ids:
        at = next(i for i, o in origins if o.id == "own")
        problems.error(
            doc.at(("origins", at, "id")),
            "'own' is not an origin id: it says a "
            "source or passage is the outlet's own reporting; name the origin "
            "otherwise",
        )
    known_origins |= {"own"}
    for i, src in sources:
        if src.origin is not None and src.origin not in known_origins:
            _unknown_origin(src.origin, ("sources", i, "origin"), origin_ids, doc, problems)
    for i, claim in claims:
        for j, ev in enumerate(claim.evidence):
            if ev.origin is not None and ev.origin not in known_origins:
                _unknown_origin(
                    ev.origin, ("claims", i, "evidence", j, "origin"), origin_ids, doc, problems
                )
    for section, items in (("sources", sources), ("claims", claims)):
        for i, item in items:
            for j, ack in enumerate(item.acknowledge):
                if ack.warning not in CODES:
                    problems.error(
                        doc.at((section, i, "acknowledge", j, "warning")),
                        f"unknown lint warning '{ack.warning}'"
                        f"{did_you_mean(ack.warning, CODES)}: use one of "
                        f"{', '.join(sorted(CODES))}",
                    )
    _check_cross_references(sources, claims, origins, cited, places or [], doc, problems)
    _check_reference_ids(sources, claims, origins, cited, doc, problems)


def _check_reference_ids(
    sources: list[tuple[int, model.Source]],
    claims: list[tuple[int, model.Claim]],
    origins: list[tuple[int, model.Origin]],
    cited: list[tuple[int, model.Reference]],
    doc: Document,
    problems: Problems,
) -> None:
    """A reference exists to be linked, so its id may not be any other entry's too."""
    taken = {
        item.id: word
        for word, items in (("claim", claims), ("source", sources), ("origin", origins))
        for _, item in items
    }
    for i, ref in cited:
        if ref.id in taken:
            problems.error(
                doc.at(("references", i, "id")),
                f"reference id '{ref.id}' is "
                f"also the id of {_a(taken[ref.id])}: a link to it would be "
                "ambiguous; give the reference its own id",
            )


def unique_ids(
    section: str, items: list[tuple[int, Any]], doc: Document, problems: Problems
) -> dict[str, int]:
    """Each id of a section with the index of its first entry; a repeated id is an error
    at the repeat, naming the line of the first."""
    first: dict[str, int] = {}
    word = section.removesuffix("s")
    for i, item in items:
        if item.id in first:
            line = doc.at((section, first[item.id], "id")).line
            problems.error(
                doc.at((section, i, "id")),
                f"duplicate {word} id '{item.id}' "
                f"(first used on line {line}): give each {word} its own id",
            )
        else:
            first[item.id] = i
    return first


def _unique_origins(
    origins: list[tuple[int, model.Origin]], doc: Document, problems: Problems
) -> set[str]:
    return set(unique_ids("origins", origins, doc, problems))


def _unknown_origin(
    name: str, path: KeyPath, known: set[str], doc: Document, problems: Problems
) -> None:
    hint = did_you_mean(name, known) or (
        "; list it under 'origins:' with an id and a title"
        if known
        else "; add a top-level 'origins:' list with an entry of that id and a title"
    )
    problems.error(doc.at(path), f"unknown origin '{name}'{hint}")


def targets(findings: model.Findings) -> dict[str, str]:
    """Each id a cross-reference may name, with the page anchor it leads to."""
    found = {r.id: f"reference_{r.id}" for r in findings.references}
    found.update({p.id: f"place_{p.id}" for p in findings.places})
    found.update({o.id: f"origin_{o.id}" for o in findings.origins})
    found.update({s.id: f"source_{s.id}" for s in findings.sources})
    found.update({c.id: f"claim_{c.id}" for c in findings.claims})
    return found


def _check_cross_references(
    sources: list[tuple[int, model.Source]],
    claims: list[tuple[int, model.Claim]],
    origins: list[tuple[int, model.Origin]],
    cited: list[tuple[int, model.Reference]],
    places: list[tuple[int, model.Place]],
    doc: Document,
    problems: Problems,
) -> None:
    kinds: dict[str, list[str]] = {}
    sections: tuple[tuple[str, list[tuple[int, Any]]], ...] = (
        ("claim", claims),
        ("source", sources),
        ("origin", origins),
        ("reference", cited),
        ("place", places),
    )
    for section, items in sections:
        for _, item in items:
            kinds.setdefault(item.id, []).append(section)
    invalid = {oid for _, oid in doc.invalid_ids}
    for path, text in _markdown_fields(doc):
        for name, line in markdown.links(text):
            if name in invalid:
                continue
            if name not in kinds:
                problems.error(
                    _line_in(doc, path, name, line),
                    f"the link '#{name}' names no claim, source, origin, "
                    "reference or place"
                    f"{did_you_mean(name, kinds)}: link to an id the findings have",
                )
            elif len(kinds[name]) > 1:
                problems.error(
                    _line_in(doc, path, name, line),
                    f"the link '#{name}' is ambiguous: '{name}' is the id of "
                    f"{_several(kinds[name])}; give them different ids",
                )


def _several(kinds: list[str]) -> str:
    """'a claim and a source', or '2 claims' when they are of one kind."""
    if len(set(kinds)) == 1:
        return f"{len(kinds)} {kinds[0]}s"
    return " and ".join(map(_a, kinds))


def _a(word: str) -> str:
    return f"{'an' if word[0] in 'aeiou' else 'a'} {word}"


_MARKDOWN_KEYS = {
    "summary",
    "implications",
    "grading",
    "scope",
    "statement",
    "note",
    "alternatives",
    "indicators",
    "revised",
    "reason",
}


def _markdown_fields(doc: Document) -> list[tuple[KeyPath, str]]:
    """Every Markdown text of the findings, with where it is."""
    return doc.values_where(
        "markdown", lambda path, value: isinstance(value, str) and _is_markdown(path)
    )


def _is_markdown(path: KeyPath) -> bool:
    """Whether the value at ``path`` is Markdown, by its key (or its list's key)."""
    if not path:
        return False
    last = path[-1]
    if isinstance(last, str):
        if last in _MARKDOWN_KEYS:
            return True
        if last != "text":
            return False
    keys = [p for p in reversed(path) if isinstance(p, str)][:2]
    return bool(keys) and (keys[0] in _MARKDOWN_KEYS or keys == ["text", "indicators"])


def _line_in(doc: Document, path: KeyPath, name: str, line: int) -> Position:
    """Where the link to ``#name`` on ``line`` of a value's text is written."""
    return written_at(doc, path, "#" + name, line)
