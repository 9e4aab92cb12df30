"""The lint rule on the Markdown a reader sees: an id written as a plain word
(bare-id), where a link was meant."""

from __future__ import annotations

import re

from . import markdown, model
from .lint_finding import Finding
from .load import KeyPath

# A whole run of word characters and hyphens, not right after a '#': an id (letters,
# digits, hyphens) written as a word, and not part of a longer word or a link's target.
# Looking each run up in the set of ids is linear in the text, where one alternation of
# every id would cost a long compile and a slow search on a large project.
_WORDS = re.compile(r"(?<![\w#-])[\w-]+")


def bare_ids(findings: model.Findings) -> list[Finding]:
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
        (("briefing",), ("briefing", "grading"), findings.briefing.grading),
        (("briefing",), ("briefing", "scope"), findings.briefing.scope),
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
