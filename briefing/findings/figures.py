"""Figures: an estimate must give the numbers its quotes state, hedged as they hedge them.

The number guard is an error (a figure no quote gives is unsourced); a qualifier that
contradicts the source's own hedging ("about" where the source says "as many as") is a
warning, since the analyst may have reasons the words do not show.
"""

from __future__ import annotations

from ..errors import Problems
from . import model, vocab
from .indexed_source import fold
from .load import Document
from .numbers import Figure, figures_in, shown
from .quotes import Passage
from .sources import SourceText
from .validate import Validated

# How sources hedge a figure, by what the hedge means.
_HEDGES: dict[str, tuple[str, ...]] = {
    "approximate": (
        "about",
        "approximately",
        "around",
        "roughly",
        "some",
        "nearly",
        "almost",
        "an estimated",
        "estimated",
        "close to",
    ),
    "upper bound": ("up to", "as many as", "as high as", "no more than", "at most"),
    "lower bound": ("at least", "more than", "over", "upwards of", "no fewer than", "in excess of"),
    "exact": ("exactly", "precisely"),
}
_QUALIFIER_MEANS = vocab.QUALIFIERS


def check_figures(
    checked: Validated, doc: Document, problems: Problems, passages: dict[tuple[str, int], Passage]
) -> None:
    languages = {source.id: source.language for _, source in checked.sources}
    for ci, claim in checked.claims:
        if claim.estimate is not None:
            stated = _stated(claim, checked.texts, passages, languages)
            stated += [f for f in _translated(claim, languages) if not f.ambiguous]
            _check_numbers(claim, ci, stated, doc, problems)
            _check_hedging(claim, ci, languages, doc, problems)


def found_in(
    claim: model.Claim,
    texts: dict[str, SourceText],
    passages: dict[tuple[str, int], Passage],
    languages: dict[str, str],
) -> str:
    """Where an estimate's figures are given: 'original' when every one is in the quotes
    as the source writes them, 'translation' when some is only in a passage's translation
    (an original that writes the number otherwise, like 1만 2천)."""
    est = claim.estimate
    if est is None:
        return ""
    original = {f.value for f in _stated(claim, texts, passages, languages) if not f.ambiguous}
    wanted = [float(n) for n in (est.value, est.low, est.high) if n is not None]
    return "original" if all(n in original for n in wanted) else "translation"


def _translated(claim: model.Claim, languages: dict[str, str]) -> list[Figure]:
    """The figures the English translations of passages in another language state: a
    translation stands in for an original that writes a number otherwise (1만 2천), never
    for an English source's own words."""
    return [
        f
        for ev in claim.evidence
        if ev.translation and not _english(languages.get(ev.source))
        for f in figures_in(fold(ev.translation)[0], "en")
    ]


def _english(language: str | None) -> bool:
    return (language or "en").lower().split("-")[0] == "en"


def _stated(
    claim: model.Claim,
    texts: dict[str, SourceText],
    passages: dict[tuple[str, int], Passage],
    languages: dict[str, str],
) -> list[Figure]:
    """The figures the claim's passages state, read in the source's own text and language
    (a quote that could not be placed is read on its own)."""
    found: list[Figure] = []
    for ei, ev in enumerate(claim.evidence):
        language = languages.get(ev.source)
        passage = passages.get((claim.id, ei))
        source = texts.get(ev.source)
        if passage is None or source is None:
            found.extend(figures_in(fold(ev.quote)[0], language))
            continue
        for start, end in passage.parts:
            found.extend(figures_in(source.text, language, start, end))
    return found


def _check_numbers(
    claim: model.Claim, ci: int, figures: list[Figure], doc: Document, problems: Problems
) -> None:
    assert claim.estimate is not None
    stated = {f.value for f in figures if not f.ambiguous}
    for key in ("value", "low", "high"):
        number = getattr(claim.estimate, key)
        if number is None or float(number) in stated or number < 0:
            continue  # a negative figure is already an error of its own
        where = doc.at(("claims", ci, "estimate", key))
        if not claim.evidence:
            problems.error(
                where,
                f"estimate {key} {number:,} is not sourced: claim "
                f"'{claim.id}' has no evidence; quote the passage that gives it",
            )
            continue
        listed = ", ".join(f"{n:,g}" for n in sorted(stated)) or "no figures"
        advice = "quote the passage that gives it, or correct the figure"
        unsure = next((f.ambiguous for f in figures if f.ambiguous), "")
        if unsure:
            advice = f"{unsure}: give the source's language (sources[].language)"
        elif isinstance(number, float) and number * 1000 in stated:
            # 1.200 meant as twelve hundred, the European way
            advice = (
                f"YAML reads the point as a decimal point; for {number * 1000:,.0f} "
                f"write {number * 1000:.0f}"
            )
        problems.error(
            where,
            f"estimate {key} {number:,} does not appear in any quote of "
            f"claim '{claim.id}' (they state {listed}): {advice}",
        )


def _check_hedging(
    claim: model.Claim, ci: int, languages: dict[str, str], doc: Document, problems: Problems
) -> None:
    est = claim.estimate
    assert est is not None
    if est.value is None:
        return  # a range states its own bounds
    for ev in claim.evidence:
        hedge = _hedge_before(fold(ev.quote)[0], float(est.value), languages.get(ev.source))
        if hedge is None:
            continue
        phrase, meaning = hedge
        chosen = _QUALIFIER_MEANS.get(est.qualifier or "")
        if chosen != meaning:
            key = "qualifier" if est.qualifier else "value"
            problems.warning(
                doc.at(("claims", ci, "estimate", key)),
                f"the quote says "
                f"'{phrase} {shown(est.value)}' but the qualifier is "
                f"{repr(est.qualifier) if est.qualifier else 'not set'}: use one "
                f"that means the same ({_suggest(meaning)})",
            )
        return


def _hedge_before(text: str, value: float, language: str | None) -> tuple[str, str] | None:
    """The hedge word or phrase right before ``value`` in ``text``, if any."""
    for figure in figures_in(text, language):
        if figure.value != value or figure.ambiguous:
            continue
        before = " ".join(text[: figure.start].lower().split()[-3:])
        for meaning, phrases in _HEDGES.items():
            for phrase in sorted(phrases, key=len, reverse=True):
                if before == phrase or before.endswith(" " + phrase):
                    return phrase, meaning
        return None
    return None


def _suggest(meaning: str) -> str:
    return " or ".join(f"'{q}'" for q, m in _QUALIFIER_MEANS.items() if m == meaning)
