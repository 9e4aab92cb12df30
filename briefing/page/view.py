"""Assemble: everything the page shows, worked out from the findings before rendering.

Templates only lay out what this module hands them: numbering of citations, grouping by
topic and quantity, which quantities get a chart and which a sentence, labels of grades
and terms, origins in words, the highlighted source texts. Nothing here names an id in
visible text: ids become anchors, and references read as the words they stand for.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, NamedTuple

from markupsafe import Markup, escape

from ..findings import coverage, model, vocab
from ..findings.lint import CODES, Accepted
from ..findings.markdown import inline_words, opening_words, plain, shown_words
from ..findings.markdown import render as render_markdown
from ..findings.markdown import render_inline as render_markdown_inline
from ..findings.numbers import shown
from ..findings.origins import (
    OriginRef,
    count_originators,
    originators,
    passage_origin,
    resting_on,
    titles,
)
from ..findings.quotes import Passage
from ..findings.references import targets
from ..findings.sources import SourceText, shown_controls
from ..output import changes
from . import chart
from .highlight import Mark, render_source
from .render import reader_date

_LINK = re.compile(r'href="#([a-z0-9-]+)"')


class Markdown:
    """The analyst's Markdown as HTML, with ``[text](#id)`` links led to the element the id
    names (a claim, a source, an origin)."""

    def __init__(self, anchors: dict[str, str]) -> None:
        self.anchors = anchors

    def block(self, text: str | None) -> Markup:
        body = (text or "").removesuffix("\n")  # a YAML block scalar ends with one
        if body and plain(body):
            return Markup(f"<p>{_escape(body)}</p>\n")
        return Markup(self._linked(render_markdown(text or "")))

    def inline(self, text: str | None) -> Markup:
        if text and plain(text):
            return Markup(_escape(text))
        return Markup(self._linked(render_markdown_inline(text or "")))

    def _linked(self, html: str) -> str:
        if 'href="#' not in html:
            return html
        return _LINK.sub(lambda m: f'href="#{self.anchors.get(m[1], m[1])}"', html)


def _escape(text: str) -> str:
    return text.replace('"', "&quot;")  # '&', '<' and '>' are not in plain text


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


@dataclass(eq=False)
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
    origin: str
    """The origin it relays, in words, or '' when it is its own."""
    origin_anchor: str
    text_html: Markup = field(default_factory=Markup)
    split_passages: list[Mark] = field(default_factory=list)
    """Passages shown in several pieces (an ellipsis, an overlap): lit up whole by CSS."""

    @cached_property
    def card(self) -> Markup:
        """What a citation's hover card says of its source: the same for every citation
        of the source, so made once."""
        source = self.model
        published = reader_date(source.published) if source.published else "date not known"
        return Markup(
            f'<span class="cite-title">{escape(source.title)}.</span> <span class="cite-meta">'
            f'{escape(source.publisher or "Publisher not known")}, {escape(published)}.</span> '
            f'<span class="cite-grade">Source reliability {escape(source.reliability)}: '
            f'{escape(self.reliability_label.lower())}.</span> ')


class Citation(NamedTuple):
    """A link from a claim (or an estimate row) to one highlighted passage."""

    number: int
    anchor: str
    """Element id of the citation itself, for the link back."""
    target: str
    """Element id of the passage."""
    source: SourceView
    """The cited source's view."""
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
        source, n, s = self.source, self.number, self.source.number
        where = 'class="cite cite-plain"' if in_table else \
            f'class="cite" id="{escape(self.anchor)}"'
        return Markup(
            f'<a {where} href="#{escape(self.target)}" aria-label="[{n}] '
            f'{escape(source.model.title)}">[{n}<span class="print-only"> in S{s}</span>]'
            f'<span class="cite-card">{source.card}<span class="cite-where">Passage {n} of '
            f'source S{s}{escape(", " + self.page_words if self.page else "")}.</span>'
            '</span></a>')


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
    based_on: list[tuple[str, str, str]] = field(default_factory=list)
    """(anchor, statement, its opening words) of each claim a judgment rests on."""
    alternatives_html: list[Markup] = field(default_factory=list)
    indicators_html: list[Markup] = field(default_factory=list)
    revised_html: Markup = field(default_factory=Markup)

    @property
    def note_anchor(self) -> str:
        return f"note_{self.model.id}"

    @property
    def statement_text(self) -> str:
        return inline_words(self.model.statement)


class EstimateRow(NamedTuple):
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

    @property
    def said_by_other(self) -> str:
        """Who said it, when that is not the estimator (a spokesman for a ministry)."""
        said = (self.claim.model.said_by or "").strip()
        return said if said and said.casefold() != self.estimate.estimator.casefold() else ""


@dataclass(eq=False)
class EstimateTable:
    quantity: str
    anchor: str
    rows: list[EstimateRow]
    spreads: list[tuple[str, str]]
    chart: Markup = field(default_factory=Markup)
    """The inline SVG chart of the rows."""
    legend: list[tuple[Markup, str]] = field(default_factory=list)
    """(icon, words) for each kind of mark the chart uses."""


class Edition(NamedTuple):
    """What the build knows of the previous edition: its number and the changes."""

    previous: int | None
    changes: list[dict[str, Any]]


class Caveat(NamedTuple):
    """One line of the caveats: a flag or an accepted lint warning."""

    label: str
    css: str
    text: Markup
    anchor: str
    link_words: str
    links: tuple[tuple[str, str], ...] = ()
    """(anchor, words) of each claim a gathered line names instead of one link."""


def assemble(findings: model.Findings, texts: dict[str, SourceText],
             passages: dict[tuple[str, int], Passage],
             sentences: dict[str, list[coverage.Sentence]],
             origins: dict[str, frozenset[OriginRef]], accepted: list[Accepted],
             edition: Edition | None, build_date: str | None) -> dict[str, Any]:
    """The page's content as plain values for the templates."""
    md = Markdown(targets(findings))
    origin_anchor = {o.id: f"origin_{o.id}" for o in findings.origins}
    names = titles(findings)
    sources = {s.id: _source(i, s, texts[s.id], sentences[s.id], md, names, origin_anchor)
               for i, s in enumerate(findings.sources, 1)}
    numbering = _number_passages(findings, passages)
    resting = _resting_counts(findings)
    by = originators(findings)
    claims = [_claim(c, sources, passages, numbering, md, names, origins, resting, by)
              for c in findings.claims]
    by_id = {c.model.id: c for c in claims}
    for view in claims:
        # Named by their opening words, the whole statement on hover: the statement
        # itself is said once, in the findings.
        view.based_on = [(by_id[ref].anchor, by_id[ref].statement_text,
                          opening_words(by_id[ref].statement_text))
                         for ref in view.model.based_on if ref in by_id]
    _render_sources(sources, claims, passages, numbering)
    reported = [c for c in claims if c.model.kind == "reported"]
    judgments = [c for c in claims if c.model.kind != "reported"]
    tables, single = _tables(claims)
    briefing = findings.briefing
    return {
        "briefing": briefing,
        "summary_html": md.block(briefing.summary),
        "implications_html": md.block(briefing.implications) if briefing.implications else "",
        "build_date": build_date,
        "judgments": judgments,
        "tables": tables,
        "single_figures": single,
        # Gathered by judgment: an indicator reads in the light of the judgment it tests.
        "watch": [(j, j.indicators_html) for j in judgments if j.indicators_html],
        "edition": _edition_view(edition, by_id, md),
        "topics": _topics(reported),
        "caveats": _caveats(claims, accepted, by_id, sources, md),
        "sources": list(sources.values()),
        "origins": [(o, origin_anchor[o.id], md.block(o.note)) for o in findings.origins],
        # Consulted, not held: listed by references.html, never checked by the build.
        "references": [(r, f"reference_{r.id}", md.block(r.note) if r.note else Markup())
                       for r in findings.references],
        "vocab": vocab,
        "demote": demote_headings,
        "marking_css": _marking_css(briefing.marking),
    }


def _resting_counts(findings: model.Findings) -> dict[str, int]:
    """How many reported claims each judgment rests on, through based_on."""
    return {claim_id: len(resting) for claim_id, resting in resting_on(findings).items()}


def _source(number_: int, src: model.Source, text: SourceText,
            sentences: list[coverage.Sentence], md: Markdown, names: dict[OriginRef, str],
            origin_anchor: dict[str, str]) -> SourceView:
    relays = names.get(OriginRef("origin", src.origin), "") if src.origin else ""
    return SourceView(
        model=src, number=number_, anchor=f"source_{src.id}", text=text.text,
        sha256=text.sha256,
        reliability_label=vocab.SOURCE_RELIABILITY[src.reliability],
        sentences=sentences, coverage=coverage.share(sentences),
        uncovered=[shown_controls(text.text[s.start:s.end]) for s in sentences
                   if not s.covered],
        note_html=md.block(src.note), origin=relays,
        origin_anchor=origin_anchor.get(src.origin or "", ""),
    )


def _number_passages(findings: model.Findings, passages: dict[tuple[str, int], Passage]
                     ) -> dict[tuple[str, tuple[tuple[int, int], ...]], int]:
    """Citation numbers: one per distinct passage, counted in the order the page cites
    them (key judgments first, then the findings by topic), so that a reader going down
    the page meets [1], [2], [3]..."""
    reported = [c for c in findings.claims if c.kind == "reported"]
    topics = list(dict.fromkeys(c.topic for c in reported))
    in_page_order = [c for c in findings.claims if c.kind != "reported"] + \
        sorted(reported, key=lambda c: topics.index(c.topic))
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
           numbering: dict[tuple[str, tuple[tuple[int, int], ...]], int], md: Markdown,
           names: dict[OriginRef, str], origins: dict[str, frozenset[OriginRef]],
           resting: dict[str, int], by: dict[OriginRef, str]) -> ClaimView:
    citations = []
    for ei, ev in enumerate(claim.evidence):
        passage = passages[(claim.id, ei)]
        citations.append(Citation(
            number=numbering[(passage.source, passage.parts)],
            anchor=f"cite_{claim.id}_{ei + 1}",
            target=_passage_anchor(passage.source, passage.parts),
            source=sources[ev.source], quote=ev.quote,
            relays=names[ref] if (ref := passage_origin(ev, sources[ev.source].model)).kind
            == "origin" else "", page=passage.page, lang=sources[ev.source].model.language,
            translation=ev.translation or "", translated_by=ev.translated_by or ""))
    low_high = vocab.LIKELIHOOD.get(claim.likelihood or "")
    return ClaimView(
        model=claim, anchor=f"claim_{claim.id}",
        statement_html=md.inline(claim.statement), note_html=md.block(claim.note),
        citations=citations, quotes=[(_in_quote_marks(c.quote), c) for c in citations],
        credibility_label=vocab.INFORMATION_CREDIBILITY.get(claim.credibility or 0, ""),
        flag_label=vocab.FLAGS.get(claim.flag or "", ""),
        likelihood_range=f"{low_high[0]}–{low_high[1]}%" if low_high else "",
        origins_line=_origins_line(claim, names, origins[claim.id], resting.get(claim.id, 0),
                                   by),
        alternatives_html=[md.inline(a) for a in claim.alternatives],
        indicators_html=[md.inline(model.indicator(i).text) for i in claim.indicators],
        revised_html=md.block(claim.revised) if claim.revised else Markup(),
    )


def _origins_line(claim: model.Claim, titled: dict[OriginRef, str],
                  traced: frozenset[OriginRef], resting: int, by: dict[OriginRef, str]) -> str:
    """Corroboration in plain words: outlets are counted apart from independent origins,
    so two outlets relaying one briefing read as one origin, and origins apart from their
    originators, so three briefings by one ministry read as one body's word."""
    count, bodies = len(traced), count_originators(traced, by)
    origin_words = f"{count} independent origin{'' if count == 1 else 's'}" \
        if count == bodies else \
        f"{count} statements from {bodies} originator{'' if bodies == 1 else 's'}"
    if claim.kind != "reported":
        if not resting:
            return ""
        names = "; ".join(titled[ref] for ref in sorted(traced))
        return (f"Rests on {resting} reported claim{'' if resting == 1 else 's'}, drawn "
                f"from {origin_words} in all: {names}.")
    # A reported claim's quotes each say what they relay; the line only counts, and only
    # where several outlets carry the claim (the corroboration question).
    outlets = len({ev.source for ev in claim.evidence})
    if outlets < 2:
        return ""
    return f"{outlets} sources, {origin_words}."


def _render_sources(sources: dict[str, SourceView], claims: list[ClaimView],
                    passages: dict[tuple[str, int], Passage],
                    numbering: dict[tuple[str, tuple[tuple[int, int], ...]], int]) -> None:
    cited_by: dict[tuple[str, tuple[tuple[int, int], ...]], list[tuple[str, str]]] = \
        defaultdict(list)
    for claim in claims:
        for ei, citation in enumerate(claim.citations):
            passage = passages[(claim.model.id, ei)]
            cited_by[(passage.source, passage.parts)].append((citation.anchor,
                                                              claim.statement_text))
    marks: dict[str, list[Mark]] = defaultdict(list)
    for (sid, parts), n in numbering.items():
        marks[sid].append(Mark(_passage_anchor(sid, parts), n, parts,
                               tuple(cited_by[(sid, parts)])))
    for source_id, source in sources.items():
        source.text_html, source.split_passages = render_source(source.text,
                                                                marks[source_id])


def _in_quote_marks(quote: str) -> str:
    """The quote inside quotation marks, unless it opens or closes with the source's own
    (a speaker's words quoted by the article): marks of ours would double them."""
    text = quote.strip()
    if text[:1] in "\"“'‘" or text[-1:] in "\"”'’":
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


def _tables(claims: list[ClaimView]) -> tuple[list[EstimateTable], list[EstimateRow]]:
    """A table and chart for each quantity with two or more figures, and a sentence for
    each with one. A figure flagged likely-error is left out of both: the caveats carry it."""
    groups: dict[str, list[EstimateRow]] = {}
    for view in claims:
        est = view.model.estimate
        if est is None or view.model.flag == "likely-error":
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
    tables, single = [], []
    used: set[str] = set()
    for quantity, rows in sorted(groups.items(), key=lambda g: -len(g[1])):
        if len(rows) == 1:
            single.append(rows[0])
            continue
        locations: dict[str, list[EstimateRow]] = {}
        for row in rows:
            locations.setdefault(row.estimate.location, []).append(row)
        ordered = [row for group in locations.values() for row in group]
        spreads = [(location, _spread(group)) for location, group in locations.items()
                   if len(group) > 1]
        tables.append(_with_chart(
            EstimateTable(quantity, _unique(f"estimates_{slug(quantity)}", used), ordered,
                          spreads)))
    return tables, single


def _spread(rows: list[EstimateRow]) -> str:
    """Lowest to highest figure, saying so when an end is only a bound ("up to 60")."""
    low = min(rows, key=lambda r: r.low)
    high = max(rows, key=lambda r: r.high)
    if low.low == high.high:
        return f"all {shown(low.low)}"
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
                        shape=r.shape, flag=(r.claim.model.flag or "").replace("-", " "),
                        basis=r.estimate.basis)
            for r in table.rows]
    table.chart = chart.render(table.anchor, table.quantity, data, table.spreads)
    shapes = [s for s in chart.LEGEND if any(r.shape == s for r in table.rows)]
    table.legend = [(chart.legend_icon(s), chart.LEGEND[s]) for s in shapes]
    if any(r.estimate.basis != "count" for r in table.rows):
        table.legend.append((chart.legend_icon(chart.POINT, "forecast"),
                             chart.FORECAST_LEGEND))
    return table


def _topics(claims: list[ClaimView]) -> list[tuple[str, str, list[ClaimView]]]:
    groups: dict[str, list[ClaimView]] = {}
    for view in claims:
        groups.setdefault(view.model.topic or "Other findings", []).append(view)
    used: set[str] = set()
    return [(topic, _unique(f"topic_{slug(topic)}", used), views)
            for topic, views in groups.items()]


def _caveats(claims: list[ClaimView], accepted: list[Accepted], by_id: dict[str, ClaimView],
             sources: dict[str, SourceView], md: Markdown) -> list[Caveat]:
    """One line per flagged claim: what it is, in a few words, and what is wrong with it
    (the note's first sentence), linking to the whole note; then one line per claim or
    source with accepted lint warnings, with the analyst's reasons. No line repeats a
    statement whole: the statement is said where the claim is."""
    lines = [Caveat(v.model.flag.replace("-", " ").capitalize() if v.model.flag else "",
                    f"flag flag-{v.model.flag}",
                    Markup("{}: {}").format(opening_words(v.statement_text),
                                            _first_sentence(v.model.note)),
                    v.note_anchor, "the note")
             for v in claims if v.model.flag and v.model.flag != "unverified"]
    # The mildest flag, often on many claims: one line naming them, each linked to its
    # note, so that the serious caveats are not lost in a long list.
    unverified = [v for v in claims if v.model.flag == "unverified"]
    if unverified:
        lines.append(Caveat("Unverified", "flag flag-unverified",
                            Markup(escape(vocab.FLAGS["unverified"].rstrip(".") + ":")), "",
                            "", tuple((v.note_anchor if v.model.note else v.anchor,
                                       opening_words(v.statement_text, 6))
                                      for v in unverified)))
    grouped: dict[tuple[str, str], list[Accepted]] = defaultdict(list)
    for item in accepted:
        grouped[(item.subject_kind, item.subject_id)].append(item)
    for (kind, subject_id), items in grouped.items():
        if kind == "claim":
            subject = by_id[subject_id]
            what, anchor = opening_words(subject.statement_text), subject.anchor
            link = "the judgment" if subject.model.kind != "reported" else "the finding"
        else:
            source = sources[subject_id]
            what, anchor, link = opening_words(source.model.title), source.anchor, "the source"
        reasons = Markup(" ").join(md.inline(item.reason) for item in items)
        labels = "; ".join(label if n == 0 else label[:1].lower() + label[1:] for n, label
                           in enumerate(dict.fromkeys(CODES[i.code].accepted_as for i in items)))
        lines.append(Caveat(labels, "accepted",
                            Markup("{}: <span class=\"reason\">Accepted: {}</span>")
                            .format(what, reasons), anchor, link))
    return lines


def _first_sentence(note: str | None) -> str:
    """The note's first sentence as plain words: what is wrong, in one line."""
    if not note:
        return "see the note"
    paragraph = re.split(r"\n\s*\n", shown_words(note).strip(), maxsplit=1)[0]
    text = " ".join(paragraph.split())
    spans = coverage.split_sentences(text)
    return text[spans[0][0]:spans[0][1]] if spans else text


def _edition_view(edition: Edition | None, by_id: dict[str, ClaimView], md: Markdown
                  ) -> dict[str, Any] | None:
    """The "What changed" section: each change with the claim it links to, in words."""
    if edition is None:
        return None
    groups: dict[str, list[dict[str, Any]]] = {name: [] for name in changes.GROUPS}
    for change in edition.changes:
        if change["claim"] is None:
            groups["briefing"].append({"change": change, "anchor": "", "statement":
                                       _subject_words(change), "moves": [], "why": Markup()})
            continue
        view = by_id.get(change["claim"])
        # A removed claim has no card to link to: its old statement as plain words, so a
        # cross-reference to a claim that is gone shows neither its id nor Markdown.
        words = view.statement_text if view else inline_words(change["statement"])
        groups[changes.group(change)].append(
            {"change": change, "anchor": view.anchor if view else "", "statement": words,
             "moves": _moves(change),
             "why": md.inline(change["revised"]) if change.get("revised") else Markup()})
    heading = (f"What changed since edition {edition.previous}" if edition.previous
               else "What changed since the previous edition")
    return {"heading": heading, "groups": groups, "count": len(edition.changes)}


def _subject_words(change: dict[str, Any]) -> str:
    """A change to the briefing itself, in words: 'Bottom line reworded'."""
    named = {"title": "Title", "summary": "Bottom line", "implications": "Implications"}
    if change["subject"] in named:
        return f"{named[change['subject']]} reworded"
    kind = "Source" if change["subject"] == "source" else "Origin"
    done = "added" if change["change"] == "added" else "removed"
    return f"{kind} {done}: {inline_words(change['title'])}"


# Moved fields said in a few words, where old and new would not help a reader.
_REWORDED = {"statement": "reworded", "alternatives": "alternatives changed"}


def _moves(change: dict[str, Any]) -> list[str]:
    """Each moved field in words: 'likelihood: likely → very likely'."""
    words = []
    for key, move in change.get("fields", {}).items():
        old, new = move["old"], move["new"]
        if key == "revised":
            continue  # the reason itself follows, as "Why: ..."
        if key in _REWORDED:
            words.append(_REWORDED[key])
        elif key == "note":
            words.append("note added" if not old else "note removed" if not new
                         else "note reworded")
        elif key == "indicators":
            words += [f"indicator “{opening_words(inline_words(text), 6)}”: "
                      f"{_flag(was)} → {_flag(now)}"
                      for text, was, now in changes.indicator_moves(change)] or \
                ["indicators changed"]
        elif key == "estimate":
            if changes.figure_words(old, _day) != changes.figure_words(new, _day):
                words.append(f"figure: {changes.figure_words(old, _day)} → "
                             f"{changes.figure_words(new, _day)}")
            words += [f"{part.replace('_', ' ')}: {(old or {}).get(part) or 'none'} → "
                      f"{(new or {}).get(part) or 'none'}"
                      for part in ("estimator", "location", "quantity")
                      if (old or {}).get(part) != (new or {}).get(part)]
        elif key == "evidence":
            words.append(f"passages cited: {len(old)} → {len(new)}" if len(old) != len(new)
                         else "quotes changed" if len(old) > 1 else "quote changed")
        elif key == "flag":
            words.append(f"flagged: {_flag(new)}" if old is None else
                         f"flag lifted: {_flag(old)}" if new is None else
                         f"flag: {_flag(old)} → {_flag(new)}")
        elif key == "independent_origins":
            words.append(f"independent originators: {old} → {new}")
        elif key == "said_by":
            words.append(f"said by: {old or 'none'} → {new or 'none'}")
        else:
            words.append(f"{key}: {old or 'none'} → {new or 'none'}")
    return words


def _day(iso: str) -> str:
    try:
        return reader_date(dt.date.fromisoformat(iso))
    except ValueError:  # an earlier edition's file, edited by hand
        return iso


def _flag(flag: str) -> str:
    return flag.replace("-", " ")


def _marking_css(marking: str | None) -> str:
    """A print rule that puts the marking at the top and bottom of every printed page."""
    if not marking:
        return ""
    text = '"' + "".join(c if c.isalnum() or c in " .,;:/()-" else f"\\{ord(c):x} "
                         for c in marking) + '"'
    box = f"content:{text};font:bold 9pt system-ui,sans-serif;letter-spacing:.05em"
    return f"@page{{@top-center{{{box}}}@bottom-center{{{box}}}}}"
