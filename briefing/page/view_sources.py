"""The sources annex: each source's details and its full text with every cited passage
highlighted, and the citations that link a claim to a passage.

Citation numbers are counted here, one per distinct passage, in the order a reader going
down the page meets them.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, NamedTuple

from markupsafe import Markup, escape

from ..findings import coverage, model, vocab
from ..findings.origins import OriginRef
from ..findings.quotes import Passage
from ..findings.sources import SourceText, shown_controls
from ..incremental import highlighted
from .dates import reader_date
from .highlight import Mark

if TYPE_CHECKING:
    from .view import Markdown
    from .view_claims import ClaimView

PassageKey = tuple[str, tuple[tuple[int, int], ...]]
"""A passage as (source id, its quoted stretches): two quotes of one stretch share it."""


@dataclass(eq=False)
class SourceView:
    """A source in the annex, with its details and highlighted text."""

    model: model.Source
    number: int
    anchor: str
    text: str
    sha256: str
    reliability_label: str
    sentences: list[coverage.Sentence]
    coverage: float
    uncovered: list[str]
    note_html: Markup
    origin: str
    """The origin it relays, in words, or '' when it is its own."""
    origin_anchor: str
    text_html: Markup = field(default_factory=Markup)
    split_passages: list[Mark] = field(default_factory=list)
    """Passages shown in several pieces (an ellipsis, an overlap): lit up whole by CSS."""
    cited: str = ""
    """The citation numbers of its passages, in words ("1–3, 7"), so a reader on paper
    knows which source holds [7]."""

    @cached_property
    def card(self) -> Markup:
        """What a citation's hover card says of its source: the same for every citation
        of the source, so made once."""
        source = self.model
        published = reader_date(source.published) if source.published else "date not known"
        return Markup(
            f'<span class="cite-title">{escape(source.title)}.</span> <span class="cite-meta">'
            f"{escape(source.publisher or 'Publisher not known')}, {escape(published)}.</span> "
            f'<span class="cite-grade">Source reliability {escape(source.reliability)}: '
            f"{escape(self.reliability_label.lower())}.</span>"
        )


class Citation(NamedTuple):
    """A link from a claim (or an estimate row) to one highlighted passage."""

    number: int
    anchor: str
    """Element id of the citation itself, for the link back."""
    target: str
    """Element id of the passage."""
    source_title: str
    card: Markup
    """What the citation's hover card says of the source (``SourceView.card``): a citation
    holds the source's words, not its view, so that a claim's view kept from one page to
    the next keeps nothing of that page's sources."""
    quote: str
    relays: str = ""
    """The listed origin the passage relays, in words ('' for the outlet's own)."""
    page: str = ""
    """The page label of a passage of a PDF ('3', or '3–4' across a break); '' if unpaged."""
    lang: str = "en"
    """The BCP 47 tag of the quote's language, for its ``lang`` attribute."""
    translation: str = ""
    """The analyst's or a translator's English for a quote in another language."""
    translated_by: str = ""
    """Who translated it, when not the analyst."""

    @property
    def page_words(self) -> str:
        """'p. 3' or 'pp. 3–4', as a citation shows the page; '' if unpaged."""
        if not self.page:
            return ""
        return f"{'pp' if '–' in self.page else 'p'}. {self.page}"

    def html(self, in_table: bool = False) -> Markup:
        """The citation: its number links to the passage, and the card inside shows the
        source on hover and focus. Only the claim's own citation carries the id that the
        passage links back to. (Written here, not as a template macro: a page cites
        thousands of times on a large project, and a macro call costs far more.)"""
        # f-strings with escape(): Markup.format escapes through a formatter object and
        # costs several times more.
        n = self.number
        where = (
            'class="cite cite-plain"' if in_table else f'class="cite" id="{escape(self.anchor)}"'
        )
        return Markup(
            f'<a {where} href="#{escape(self.target)}" aria-label="[{n}] '
            f'{escape(self.source_title)}">[{n}]'
            f'<span class="cite-card">{self.card}'
            f"{escape(' (' + self.page_words + ')') if self.page else ''}</span></a>"
        )


def source_view(
    number: int,
    src: model.Source,
    text: SourceText,
    sentences: list[coverage.Sentence],
    md: Markdown,
    names: dict[OriginRef, str],
    origin_anchor: dict[str, str],
) -> SourceView:
    relays = names.get(OriginRef("origin", src.origin), "") if src.origin else ""
    return SourceView(
        model=src,
        number=number,
        anchor=f"source_{src.id}",
        text=text.text,
        sha256=text.sha256,
        reliability_label=vocab.SOURCE_RELIABILITY[src.reliability],
        sentences=sentences,
        coverage=coverage.share(sentences),
        uncovered=[shown_controls(text.text[s.start : s.end]) for s in sentences if not s.covered],
        note_html=md.block(src.note),
        origin=relays,
        origin_anchor=origin_anchor.get(src.origin or "", ""),
    )


def number_passages(
    findings: model.Findings, passages: dict[tuple[str, int], Passage]
) -> dict[PassageKey, int]:
    """Citation numbers: one per distinct passage, counted in the order the page cites
    them (key judgments first, then the findings by topic), so that a reader going down
    the page meets [1], [2], [3]..."""
    reported = [c for c in findings.claims if c.kind == "reported"]
    topics = list(dict.fromkeys(c.topic for c in reported))
    in_page_order = [c for c in findings.claims if c.kind != "reported"] + sorted(
        reported, key=lambda c: topics.index(c.topic)
    )
    numbers: dict[PassageKey, int] = {}
    for claim in in_page_order:
        for ei in range(len(claim.evidence)):
            passage = passages[(claim.id, ei)]
            numbers.setdefault((passage.source, passage.parts), len(numbers) + 1)
    return numbers


def passage_anchor(source: str, parts: tuple[tuple[int, int], ...]) -> str:
    # Every part counts: a full quote and an elided one can share their two ends.
    return f"passage_{source}_" + "_".join(f"{s}-{e}" for s, e in parts)


def render_sources(
    sources: dict[str, SourceView],
    claims: list[ClaimView],
    passages: dict[tuple[str, int], Passage],
    numbering: dict[PassageKey, int],
) -> None:
    """Each source's text with its passages marked, each linking back to its citations."""
    cited_by: dict[PassageKey, list[tuple[str, str]]] = defaultdict(list)
    for claim in claims:
        for ei, citation in enumerate(claim.citations):
            passage = passages[(claim.model.id, ei)]
            cited_by[(passage.source, passage.parts)].append(
                (citation.anchor, claim.statement_text)
            )
    marks: dict[str, list[Mark]] = defaultdict(list)
    for (sid, parts), n in numbering.items():
        marks[sid].append(Mark(passage_anchor(sid, parts), n, parts, tuple(cited_by[(sid, parts)])))
    for source_id, source in sources.items():
        source.text_html, source.split_passages = highlighted(
            source_id, source.text, marks[source_id]
        )
        source.cited = number_runs(sorted(m.number for m in marks[source_id]))


def number_runs(numbers: list[int]) -> str:
    """Sorted numbers as runs: [1, 2, 3, 7] reads "1–3, 7"."""
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return ", ".join(str(r[0]) if len(r) == 1 else f"{r[0]}–{r[-1]}" for r in runs)
