"""Claims as the page shows them: a key judgment in the brief and in full in Annex A, a
reported finding with its quotes in Annex B; their flags weighed, their corroboration
and bases in words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from markupsafe import Markup, escape

from ..findings import model, vocab
from ..findings.markdown import inline_words
from ..findings.origins import OriginRef, count_originators, passage_origin
from ..findings.quotes import Passage
from ..words import counted
from .dates import reader_date
from .view_sources import Citation, PassageKey, SourceView, passage_anchor

if TYPE_CHECKING:
    from .view import Markdown

# How loudly a flag speaks: a figure that is likely wrong, or words given to the wrong
# person, must stand out; a disagreement less; one source alone is the common case, so it
# stays quiet, and the brief does not show it at all (a mark on every row is no signal).
FLAG_WEIGHT = {
    "likely-error": "strong",
    "misattributed": "strong",
    "disputed": "medium",
    "inconsistent": "medium",
    "unverified": "quiet",
}


class Basis(NamedTuple):
    """A claim a judgment rests on, named by its whole statement in plain words."""

    anchor: str
    words: str


@dataclass(eq=False)
class ClaimView:
    model: model.Claim
    anchor: str
    statement_html: Markup
    note_html: Markup
    citations: list[Citation]
    quotes: list[tuple[str, Citation]]
    credibility_label: str
    flag_label: str
    likelihood_range: str
    origins_line: str = ""
    """How many sources and independent origins, in words; '' when that says nothing."""
    based_on: list[Basis] = field(default_factory=list)
    alternatives_html: list[Markup] = field(default_factory=list)
    indicators_html: list[Markup] = field(default_factory=list)
    indicator_status: list[str] = field(default_factory=list)
    """Each indicator's status in words ('Seen as of 2 May 2025'), '' while not seen."""
    revised_html: Markup = field(default_factory=Markup)

    @property
    def note_anchor(self) -> str:
        return f"note_{self.model.id}"

    @property
    def basis_anchor(self) -> str:
        """Where a judgment's basis, alternatives and note are, in Annex A."""
        return f"basis_{self.model.id}"

    @property
    def statement_text(self) -> str:
        return inline_words(self.model.statement)

    @property
    def flag_weight(self) -> str:
        """strong, medium or quiet ('' when not flagged): how much the flag stands out."""
        return FLAG_WEIGHT.get(self.model.flag or "", "")

    @property
    def has_reasoning(self) -> bool:
        """Whether Annex A has more to say of this judgment than the brief does."""
        return bool(
            self.based_on
            or self.alternatives_html
            or self.indicators_html
            or self.model.note
            or self.citations
            or self.origins_line
        )


class QuoteShown(NamedTuple):
    """One quote of a reported finding, with what its footer shows."""

    quote: str
    lang: str
    translation: str
    translated_by: str
    target: str
    number: int
    title: str
    page: str
    page_words: str
    relays: str


class ClaimEntry(NamedTuple):
    """Everything a reported finding's entry in its annex shows, and nothing else: the
    entry's HTML is made from this record alone (templates/claim_entry.html), so a watch
    session draws again only the entries whose record changed."""

    model: model.Claim
    anchor: str
    flag_weight: str
    flag_label: str
    statement_html: Markup
    citations: tuple[tuple[int, str, str, str, str, str], ...]
    """What each citation's link shows: number, anchor, target, source title, the
    source's card and page (see Citation.html)."""
    credibility_label: str
    quotes: tuple[QuoteShown, ...]
    origins_line: str
    note_anchor: str
    note_html: Markup


def entry(v: ClaimView) -> ClaimEntry:
    """The record a reported finding's entry is drawn from."""
    return ClaimEntry(
        model=v.model,
        anchor=v.anchor,
        flag_weight=v.flag_weight,
        flag_label=v.flag_label,
        statement_html=v.statement_html,
        citations=tuple(
            (c.number, c.anchor, c.target, c.source_title, c.card, c.page) for c in v.citations
        ),
        credibility_label=v.credibility_label,
        quotes=tuple(
            QuoteShown(
                quote,
                c.lang,
                c.translation,
                c.translated_by,
                c.target,
                c.number,
                c.source_title,
                c.page,
                c.page_words,
                c.relays,
            )
            for quote, c in v.quotes
        ),
        origins_line=v.origins_line,
        note_anchor=v.note_anchor,
        note_html=v.note_html,
    )


def claim_view(
    claim: model.Claim,
    sources: dict[str, SourceView],
    passages: dict[tuple[str, int], Passage],
    numbering: dict[PassageKey, int],
    md: Markdown,
    names: dict[OriginRef, str],
    origins: frozenset[OriginRef],
    resting: int,
    by: dict[OriginRef, str],
) -> ClaimView:
    citations = []
    for ei, ev in enumerate(claim.evidence):
        passage = passages[(claim.id, ei)]
        source = sources[ev.source]
        relayed = passage_origin(ev, source.model)
        citations.append(
            Citation(
                number=numbering[(passage.source, passage.parts)],
                anchor=f"cite_{claim.id}_{ei + 1}",
                target=passage_anchor(passage.source, passage.parts),
                source_title=source.model.title,
                card=source.card,
                quote=ev.quote,
                relays=names[relayed] if relayed.kind == "origin" else "",
                page=passage.page,
                lang=source.model.language,
                translation=ev.translation or "",
                translated_by=ev.translated_by or "",
            )
        )
    low_high = vocab.LIKELIHOOD.get(claim.likelihood or "")
    return ClaimView(
        model=claim,
        anchor=f"claim_{claim.id}",
        statement_html=md.inline(claim.statement),
        note_html=md.block(claim.note),
        citations=citations,
        quotes=[(in_quote_marks(c.quote), c) for c in citations],
        credibility_label=vocab.INFORMATION_CREDIBILITY.get(claim.credibility or 0, ""),
        flag_label=vocab.FLAGS.get(claim.flag or "", ""),
        likelihood_range=f"{low_high[0]}–{low_high[1]}%" if low_high else "",
        origins_line=origins_line(claim, names, origins, resting, by),
        alternatives_html=[md.inline(a) for a in claim.alternatives],
        indicators_html=[md.inline(model.indicator(i).text) for i in claim.indicators],
        indicator_status=[_seen(model.indicator(i)) for i in claim.indicators],
        revised_html=md.block(claim.revised) if claim.revised else Markup(),
    )


def flag_badge(flag: str) -> Markup:
    """A flag as a badge: its words, weighted by class, with what it means on hover."""
    return Markup(
        f'<span class="flag flag-{escape(flag)} flag-{FLAG_WEIGHT.get(flag, "")}" '
        f'title="{escape(vocab.FLAGS.get(flag, ""))}">{escape(flag.replace("-", " "))}</span>'
    )


def link_bases(claims: list[ClaimView]) -> None:
    """Each judgment's bases, named by their whole statements: a reader sees what the
    judgment rests on without following the links (the links lead to the quotes)."""
    by_id = {c.model.id: c for c in claims}
    for view in claims:
        view.based_on = [
            Basis(by_id[ref].anchor, by_id[ref].statement_text)
            for ref in view.model.based_on
            if ref in by_id
        ]


def _seen(indicator: model.Indicator) -> str:
    """An indicator's status as a reader says it: '' while not yet seen."""
    if indicator.status == "not-seen":
        return ""
    words = "Seen" if indicator.status == "seen" else "Contradicted"
    return f"{words} as of {reader_date(indicator.as_of)}" if indicator.as_of else words


def origins_line(
    claim: model.Claim,
    titled: dict[OriginRef, str],
    traced: frozenset[OriginRef],
    resting: int,
    by: dict[OriginRef, str],
) -> str:
    """Corroboration in plain words: outlets are counted apart from independent origins,
    so two outlets relaying one briefing read as one origin, and origins apart from their
    originators, so three briefings by one ministry read as one body's word."""
    count, bodies = len(traced), count_originators(traced, by)
    origin_words = (
        counted(count, "independent origin")
        if count == bodies
        else f"{counted(bodies, 'independent originator')} ({count} statements)"
    )
    if claim.kind != "reported":
        if not resting:
            return ""
        names = "; ".join(titled[ref] for ref in sorted(traced))
        # Counted through the judgments and assumptions it rests on, so it can exceed
        # the bases listed under it: the words say so.
        return (
            f"Traced through its bases to {counted(resting, 'reported claim')} in all, "
            f"from {origin_words}: {names}."
        )
    # A reported claim's quotes each say what they relay; the line only counts, and only
    # where several outlets carry the claim (the corroboration question).
    outlets = len({ev.source for ev in claim.evidence})
    if outlets < 2:
        return ""
    return f"{outlets} sources, {origin_words}."


def in_quote_marks(quote: str) -> str:
    """The quote inside quotation marks, unless it opens or closes with the source's own
    (a speaker's words quoted by the article): marks of ours would double them."""
    text = quote.strip()
    if text[:1] in "\"“'‘" or text[-1:] in "\"”'’":
        return text
    return f"“{text}”"
