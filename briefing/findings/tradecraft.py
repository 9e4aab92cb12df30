"""Tradecraft of the words: lint rules that hold the analyst's prose to the findings.

- ``wording-vs-likelihood``: a judgment (or a bottom-line sentence that links one) says
  "roughly even chance" while its likelihood is "almost no chance": the words a reader
  takes away must be the grade's (ICD 203's estimative expressions, vocab.py).
- ``unsupported-figure``: a number in the bottom line, the implications or a judgment's
  statement that no claim it links or rests on states, such as a figure left behind when
  an estimate was corrected.
- ``indicator-not-acted-on``: an indicator newly seen (or contradicted) since the previous
  edition, while its judgment's likelihood, confidence and 'revised' stayed as they were.

Each rule yields ``(code, subject, at, message, word)``, which lint.py reports like its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from . import model, vocab
from .load import KeyPath
from .markdown import links, shown_words
from .numbers import figures_in, numbers, shown
from .origins import resting_on

RawFinding = tuple[str, KeyPath, KeyPath, str, str]

_BAND_OF = {phrase: band for band, phrases in vocab.ESTIMATIVE_WORDS.items() for phrase in phrases}
_EXPRESSIONS = re.compile(
    r"(?<![\w-])("
    + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(_BAND_OF, key=len, reverse=True))
    + r")(?![\w-])",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n\s*\n|\n\s*[-*+]\s")
_DATE_WORD = re.compile(
    r"(?i)\b(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|"
    r"aug(ust)?|sep(t|tember)?|oct(ober)?|nov(ember)?|dec(ember)?)\.?\b"
)


def wording_vs_likelihood(findings: model.Findings) -> Iterator[RawFinding]:
    judgments = {c.id: c for c in findings.claims if c.likelihood is not None}
    for i, claim in enumerate(findings.claims):
        if claim.likelihood is None:
            continue
        for phrase, band in _expressions(shown_words(claim.statement)):
            if band != claim.likelihood:
                yield (
                    "wording-vs-likelihood",
                    ("claims", i),
                    ("claims", i, "statement"),
                    f"{claim.kind} '{claim.id}' says '{phrase}', ICD 203's word for "
                    f"'{band}', but its likelihood is '{claim.likelihood}': reword it, or "
                    "change the likelihood",
                    phrase,
                )
    for key in ("summary", "implications"):
        text = getattr(findings.briefing, key) or ""
        for sentence in _SENTENCE_END.split(text):
            linked = [judgments[name] for name, _ in links(sentence) if name in judgments]
            if not linked:
                continue
            bands = {j.likelihood for j in linked}
            for phrase, band in _expressions(shown_words(sentence)):
                if band not in bands:
                    names = " and ".join(f"'{j.id}' ({j.likelihood})" for j in linked)
                    yield (
                        "wording-vs-likelihood",
                        ("briefing",),
                        ("briefing", key),
                        f"the {key} says '{phrase}', ICD 203's word for '{band}', in a "
                        f"sentence that links {names}: make the words and the grade agree",
                        phrase,
                    )


def _expressions(text: str) -> Iterator[tuple[str, str]]:
    for match in _EXPRESSIONS.finditer(text):
        phrase = match.group(1)
        yield phrase, _BAND_OF[" ".join(phrase.lower().split())]


def unsupported_figures(findings: model.Findings) -> Iterator[RawFinding]:
    claims = {c.id: c for c in findings.claims}
    languages = {s.id: s.language for s in findings.sources}
    stated: dict[str, set[float]] = {}

    def support(ids: list[str]) -> set[float]:
        found: set[float] = set()
        for cid in ids:
            if cid not in stated:
                stated[cid] = _stated(claims[cid], languages)
            found |= stated[cid]
        return found

    below = resting_on(findings)

    def resting(ids: list[str]) -> list[str]:
        every = [i for i in ids if i in claims]
        return every + [r for cid in every for r in below.get(cid, ())]

    for i, claim in enumerate(findings.claims):
        if claim.kind != "judgment":
            continue
        linked = [name for name, _ in links(claim.statement)]
        backing = support(resting([*linked, *claim.based_on, claim.id]))
        yield from _unbacked(
            claim.statement,
            backing,
            ("claims", i),
            ("claims", i, "statement"),
            f"judgment '{claim.id}'",
        )
    for key in ("summary", "implications"):
        text = getattr(findings.briefing, key) or ""
        backing = support(resting([name for name, _ in links(text)]))
        yield from _unbacked(text, backing, ("briefing",), ("briefing", key), f"the {key}")


def _stated(claim: model.Claim, languages: dict[str, str]) -> set[float]:
    """The figures a claim's quotes and estimate state."""
    found = {n for ev in claim.evidence for n in numbers(ev.quote, languages.get(ev.source))}
    if claim.estimate is not None:
        found |= {
            float(v)
            for v in (claim.estimate.value, claim.estimate.low, claim.estimate.high)
            if v is not None
        }
    return found


def _unbacked(
    text: str, backing: set[float], subject: KeyPath, at: KeyPath, named: str
) -> Iterator[RawFinding]:
    words = shown_words(text)
    for figure in figures_in(words):
        if figure.ambiguous or abs(figure.value) in backing or figure.value in backing:
            continue
        if _is_date(words, figure.start, figure.end, figure.value):
            continue
        written = words[figure.start : figure.end]
        yield (
            "unsupported-figure",
            subject,
            at,
            f"{named} gives {shown(figure.value)}, which no claim it links or rests on "
            "states: link the claim that gives it, or correct the figure",
            written,
        )


def _is_date(text: str, start: int, end: int, value: float) -> bool:
    """A year, or a day beside a month's name: part of a date, not a figure to source."""
    written = text[start:end]
    if written.isdigit() and len(written) == 4 and 1900 <= value <= 2100:
        return True
    if not (written.isdigit() and 1 <= value <= 31):
        return False
    around = text[max(0, start - 12) : start] + " " + text[end : end + 12]
    return bool(_DATE_WORD.search(around))


def indicators_not_acted_on(
    findings: model.Findings, sightings: dict[str, list[str]], moved: dict[str, list[str]]
) -> Iterator[RawFinding]:
    """``sightings``: by claim id, the indicators whose status became seen or contradicted
    since the previous edition; ``moved``: by claim id, the fields that changed."""
    for i, claim in enumerate(findings.claims):
        seen = sightings.get(claim.id)
        if not seen or set(moved.get(claim.id, ())) & {"likelihood", "confidence", "revised"}:
            continue
        for j, entry in enumerate(claim.indicators):
            indicator = model.indicator(entry)
            if indicator.text in seen:
                yield (
                    "indicator-not-acted-on",
                    ("claims", i),
                    ("claims", i, "indicators", j, "status"),
                    f"an indicator of '{claim.id}' is now {indicator.status}, but its "
                    "likelihood, confidence and 'revised' are as in the previous edition: "
                    "revise the judgment, or say in 'revised' why it stands",
                    "",
                )
