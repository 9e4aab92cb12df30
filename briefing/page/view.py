"""Assemble: everything the page shows, worked out from the findings before rendering.

Templates only lay out what this module hands them: numbering of citations, grouping
by topic and quantity, labels of grades and terms, the highlighted source texts.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from markdown_it import MarkdownIt
from markupsafe import Markup

from ..findings import coverage, model, vocab
from ..findings.numbers import shown
from ..findings.quotes import Passage
from ..findings.sources import SourceText
from . import chart
from .highlight import Mark, render_source

_MD = MarkdownIt("commonmark", {"html": False, "typographer": False}).enable("table")
_MD.disable("image")  # an image would be an external request


def markdown(text: str | None) -> Markup:
    return Markup(_MD.render(text or ""))


def markdown_inline(text: str | None) -> Markup:
    return Markup(_MD.renderInline(text or ""))


def demote_headings(html: Markup, top: int) -> Markup:
    """Rendered Markdown with its headings shifted so the highest is ``<h{top}>``.

    An analyst's ``# Heading`` inside a section must not break the page's heading order.
    Raw HTML is off in the Markdown, so every ``<hN>`` tag here came from a heading.
    """
    levels = [int(n) for n in re.findall(r"<h([1-6])>", html)]
    if not levels:
        return html
    shift = max(0, top - min(levels))
    return Markup(re.sub(r"<(/?)h([1-6])>",
                         lambda m: f"<{m[1]}h{min(6, int(m[2]) + shift)}>", html))


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"




@dataclass
class Citation:
    """A link from a claim (or an estimate row) to one highlighted passage."""

    number: int
    anchor: str
    """Element id of the citation itself, for the link back."""
    target: str
    """Element id of the passage."""
    source: SourceView
    """The cited source's view."""
    quote: str


@dataclass
class SourceView:
    """A source in the appendix, with its details and highlighted text."""

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
    text_html: Markup = field(default_factory=Markup)
    split_passages: list[Mark] = field(default_factory=list)
    """Passages shown in several pieces (an ellipsis, an overlap): lit up whole by CSS."""


@dataclass
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
    based_on: list[tuple[str, str, Markup]] = field(default_factory=list)
    """(anchor, id, statement) of each claim a judgment rests on."""

    @property
    def citations_by_source(self) -> list[tuple[SourceView, list[Citation]]]:
        """The citations grouped under their source, sources in the order first cited."""
        groups: dict[str, tuple[SourceView, list[Citation]]] = {}
        for c in self.citations:
            groups.setdefault(c.source.model.id, (c.source, []))[1].append(c)
        return list(groups.values())

    @property
    def source_count(self) -> int:
        """How many different sources the claim cites (corroboration at a glance)."""
        return len({c.source.model.id for c in self.citations})


@dataclass
class EstimateRow:
    claim: ClaimView
    estimate: model.Estimate
    figure: str
    low: float
    high: float
    shape: str = chart.POINT
    """point, range, upper or lower bound: how the chart draws it."""

    @property
    def amount(self) -> str:
        """The figure without its qualifier: "12,000" or "45–55"."""
        if self.estimate.value is not None:
            return shown(self.estimate.value)
        return f"{shown(self.low)}–{shown(self.high)}"


@dataclass
class EstimateTable:
    quantity: str
    anchor: str
    rows: list[EstimateRow]
    spreads: list[tuple[str, str]]
    chart: Markup = field(default_factory=Markup)
    """The inline SVG chart of the rows."""
    legend: list[tuple[Markup, str]] = field(default_factory=list)
    """(icon, words) for each kind of mark the chart uses."""


def assemble(findings: model.Findings, texts: dict[str, SourceText],
             passages: dict[tuple[str, int], Passage], build_date: str | None) -> dict[str, Any]:
    """The page's content as plain values for the templates."""
    sources = {s.id: _source(i, s, texts[s.id], passages)
               for i, s in enumerate(findings.sources, 1)}
    numbering = _number_passages(findings, passages)
    claims = [_claim(c, sources, passages, numbering) for c in findings.claims]
    by_id = {c.model.id: c for c in claims}
    for view in claims:
        view.based_on = [(by_id[ref].anchor, ref, by_id[ref].statement_html)
                         for ref in view.model.based_on if ref in by_id]
    _render_sources(sources, claims, passages, numbering)
    reported = [c for c in claims if c.model.kind == "reported"]
    return {
        "briefing": findings.briefing,
        "summary_html": markdown(findings.briefing.summary),
        "build_date": build_date,
        "judgments": [c for c in claims if c.model.kind != "reported"],
        "tables": _tables(claims),
        "topics": _topics(reported),
        "caveats": [c for c in claims if c.model.flag],
        "sources": list(sources.values()),
        "vocab": vocab,
        "demote": demote_headings,
    }


def _source(number_: int, src: model.Source, text: SourceText,
            passages: dict[tuple[str, int], Passage]) -> SourceView:
    quoted = [part for p in passages.values() if p.source == src.id for part in p.parts]
    sentences = coverage.measure(text.text, quoted)
    return SourceView(
        model=src, number=number_, anchor=f"source_{src.id}", text=text.text,
        sha256=text.sha256,
        reliability_label=vocab.SOURCE_RELIABILITY[src.reliability],
        sentences=sentences, coverage=coverage.share(sentences),
        uncovered=[text.text[s.start:s.end] for s in sentences if not s.covered],
        note_html=markdown(src.note),
    )


def _number_passages(findings: model.Findings, passages: dict[tuple[str, int], Passage]
                     ) -> dict[tuple[str, tuple[tuple[int, int], ...]], int]:
    """Citation numbers: one per distinct passage, counted in the order the findings section
    cites them (claims grouped by topic), then the judgments' own citations, so that a
    reader going down the findings meets [1], [2], [3]..."""
    reported = [c for c in findings.claims if c.kind == "reported"]
    topics = list(dict.fromkeys(c.topic for c in reported))
    in_page_order = sorted(reported, key=lambda c: topics.index(c.topic)) + \
        [c for c in findings.claims if c.kind != "reported"]
    numbers: dict[tuple[str, tuple[tuple[int, int], ...]], int] = {}
    for claim in in_page_order:
        for ei in range(len(claim.evidence)):
            passage = passages[(claim.id, ei)]
            numbers.setdefault((passage.source, passage.parts), len(numbers) + 1)
    return numbers


def _passage_anchor(source: str, parts: tuple[tuple[int, int], ...]) -> str:
    # Every part counts: a full quote and an elided one can share their two ends.
    return f"passage_{source}_" + "_".join(f"{s}-{e}" for s, e in parts)


def _claim(claim: model.Claim, sources: dict[str, SourceView],
           passages: dict[tuple[str, int], Passage],
           numbering: dict[tuple[str, tuple[tuple[int, int], ...]], int]) -> ClaimView:
    citations = []
    for ei, ev in enumerate(claim.evidence):
        passage = passages[(claim.id, ei)]
        citations.append(Citation(
            number=numbering[(passage.source, passage.parts)],
            anchor=f"cite_{claim.id}_{ei + 1}",
            target=_passage_anchor(passage.source, passage.parts),
            source=sources[ev.source], quote=ev.quote))
    low_high = vocab.LIKELIHOOD.get(claim.likelihood or "")
    return ClaimView(
        model=claim, anchor=f"claim_{claim.id}",
        statement_html=markdown_inline(claim.statement), note_html=markdown(claim.note),
        citations=citations, quotes=[(_in_quote_marks(c.quote), c) for c in citations],
        credibility_label=vocab.INFORMATION_CREDIBILITY.get(claim.credibility or 0, ""),
        flag_label=vocab.FLAGS.get(claim.flag or "", ""),
        likelihood_range=f"{low_high[0]}–{low_high[1]}%" if low_high else "",
    )


def _render_sources(sources: dict[str, SourceView], claims: list[ClaimView],
                    passages: dict[tuple[str, int], Passage],
                    numbering: dict[tuple[str, tuple[tuple[int, int], ...]], int]) -> None:
    cited_by: dict[tuple[str, tuple[tuple[int, int], ...]], list[tuple[str, str]]] = \
        defaultdict(list)
    for claim in claims:
        for ei, citation in enumerate(claim.citations):
            passage = passages[(claim.model.id, ei)]
            cited_by[(passage.source, passage.parts)].append((citation.anchor, claim.model.id))
    for source_id, source in sources.items():
        marks = [Mark(_passage_anchor(sid, parts), n, parts, tuple(cited_by[(sid, parts)]))
                 for (sid, parts), n in numbering.items() if sid == source_id]
        source.text_html, source.split_passages = render_source(source.text, marks)


def _in_quote_marks(quote: str) -> str:
    """The quote inside quotation marks, unless the analyst quoted them already."""
    text = quote.strip()
    if text[:1] in "\"“'‘" and text[-1:] in "\"”'’":
        return text
    return f"“{text}”"


def _unique(anchor: str, used: set[str]) -> str:
    """``anchor``, numbered when another part already took it (slugs can collide).

    Element ids are made unique by construction: ids and slugs are letters, digits and
    hyphens, and every id made from them joins its parts with '_', which they never hold;
    fixed section ids have no '_' at all."""
    candidate, n = anchor, 1
    while candidate in used:
        n += 1
        candidate = f"{anchor}_{n}"
    used.add(candidate)
    return candidate


def _tables(claims: list[ClaimView]) -> list[EstimateTable]:
    groups: dict[str, list[EstimateRow]] = {}
    for view in claims:
        est = view.model.estimate
        if est is None:
            continue
        if est.value is not None:
            figure = " ".join(filter(None, [est.qualifier, shown(est.value)]))
            low = high = float(est.value)
        else:
            assert est.low is not None and est.high is not None
            figure = " ".join(filter(None, [est.qualifier,
                                            f"{shown(est.low)}–{shown(est.high)}"]))
            low, high = float(est.low), float(est.high)
        groups.setdefault(est.quantity, []).append(EstimateRow(
            view, est, figure, low, high, chart.shape_of(est.qualifier, low, high)))
    tables = []
    used: set[str] = set()
    for quantity, rows in groups.items():
        locations: dict[str, list[EstimateRow]] = {}
        for row in rows:
            locations.setdefault(row.estimate.location, []).append(row)
        ordered = [row for group in locations.values() for row in group]
        spreads = [(location, _spread(group)) for location, group in locations.items()]
        tables.append(_with_chart(
            EstimateTable(quantity, _unique(f"estimates_{slug(quantity)}", used), ordered,
                          spreads)))
    return tables


def _spread(rows: list[EstimateRow]) -> str:
    """Lowest to highest figure, saying so when an end is only a bound ("up to 60")."""
    low = min(rows, key=lambda r: r.low)
    high = max(rows, key=lambda r: r.high)
    if low.low == high.high:
        return shown(low.low)
    text = f"{shown(low.low)}–{shown(high.high)}"
    bounds = []
    if low.shape == chart.LOWER:
        bounds.append(f"{shown(low.low)} is a lower bound")
    if high.shape == chart.UPPER:
        bounds.append(f"{shown(high.high)} is an upper bound")
    return f"{text} ({'; '.join(bounds)})" if bounds else text


def _with_chart(table: EstimateTable) -> EstimateTable:
    data = [chart.Datum(key=r.claim.model.id, group=r.estimate.location,
                        label=r.estimate.estimator, figure=r.figure, low=r.low, high=r.high,
                        shape=r.shape, flag=(r.claim.model.flag or "").replace("-", " "))
            for r in table.rows]
    table.chart = chart.render(table.anchor, table.quantity, data, table.spreads)
    shapes = [s for s in chart.LEGEND if any(r.shape == s for r in table.rows)]
    table.legend = [(chart.legend_icon(s), chart.LEGEND[s]) for s in shapes]
    return table


def _topics(claims: list[ClaimView]) -> list[tuple[str, str, list[ClaimView]]]:
    groups: dict[str, list[ClaimView]] = {}
    for view in claims:
        groups.setdefault(view.model.topic or "Other findings", []).append(view)
    used: set[str] = set()
    return [(topic, _unique(f"topic_{slug(topic)}", used), views)
            for topic, views in groups.items()]
