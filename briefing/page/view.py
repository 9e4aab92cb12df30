"""Assemble: everything the page shows, worked out from the findings before rendering.

The page is in two parts: the brief a decision maker reads first (bottom line, key
judgments, main estimates, what to watch) and the annexes that hold the evidence behind
it. This module holds the typed context the templates get (:class:`Page`) and the
pipeline that fills it; each part of the page is worked out in its own module:

- ``view_claims``: key judgments and reported findings, their flags and bases;
- ``view_estimates``: the estimates tables and the chart of their spreads;
- ``view_sources``: citations, their numbers, the sources' highlighted texts;
- ``view_annexes``: findings by topic, caveats, what changed, the annexes' letters.

Templates only lay out what they are handed. Nothing here names an id in visible text:
ids become anchors, and references read as the words they stand for.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, NamedTuple

from markupsafe import Markup

from .. import incremental
from ..findings import coverage, model, vocab
from ..findings.figures import found_in
from ..findings.lint import Accepted
from ..findings.markdown import links, plain
from ..findings.markdown import render as render_markdown
from ..findings.markdown import render_inline as render_markdown_inline
from ..findings.origins import OriginRef, originators, resting_on, titles
from ..findings.quotes import Passage
from ..findings.references import targets
from ..findings.sources import SourceText
from . import chronology, series
from .dates import reader_date
from .view_annexes import (
    Annex,
    Caveat,
    Edition,
    EditionView,
    Topic,
    annexes,
    caveats,
    edition_view,
    topics,
)
from .view_claims import ClaimView, claim_view, flag_badge, link_bases
from .view_estimates import EstimateRow, EstimateTable, tables
from .view_sources import SourceView, number_passages, render_sources, source_view

__all__ = ["Edition", "Markdown", "Page", "assemble", "demote_headings"]

_LINK = re.compile(r'href="#([a-z0-9-]+)"')


_LINKED = re.compile(r'<a href="#([a-z0-9-]+)"[^>]*>.*?</a>', re.S)


class Markdown:
    """The analyst's Markdown as HTML, with ``[text](#id)`` links led to the element the id
    names (a claim, a source, an origin); ``after_link`` puts HTML after each link to
    an id it names (a flag, where the brief names a flagged claim)."""

    def __init__(self, anchors: dict[str, str], after_link: dict[str, str] | None = None) -> None:
        self.anchors = anchors
        self.after_link = after_link or {}

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
        if self.after_link:
            html = _LINKED.sub(lambda m: m[0] + self.after_link.get(m[1], ""), html)
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
    return Markup(
        re.sub(r"<(/?)h([1-6])>", lambda m: f"<{m[1]}h{min(6, int(m[2]) + shift)}>", html)
    )


class OriginView(NamedTuple):
    """An origin the sources relay, in the sources annex."""

    model: model.Origin
    anchor: str
    note_html: Markup


class Trend(NamedTuple):
    """One estimator's figures over time, drawn, with the points as a list beside it."""

    series: series.Series
    anchor: str
    svg: Markup
    points: Markup


class ReferenceView(NamedTuple):
    """Material consulted but not held as a text, in the sources annex: linked, never
    checked by the build."""

    model: model.Reference
    anchor: str
    note_html: Markup


@dataclass(frozen=True)
class Page:
    """What the templates get: the page's content, worked out, in page order."""

    briefing: model.Briefing
    summary_html: Markup
    brief_flags: list[tuple[Markup, str]]
    """The flags the bottom line and implications show after a claim's name, each with
    what it means, to say under the bottom line."""
    implications_html: Markup
    grading_html: Markup
    scope_html: Markup
    build_date: str
    """The build date in the reader's date style, or '' when the build has none."""
    judgments: list[ClaimView]
    """Judgments and assumptions, in the analyst's order: the brief's key judgments."""
    tables: list[EstimateTable]
    single_figures: list[EstimateRow]
    """Figures alone in their quantity: a sentence each, not a table."""
    trends: list[Trend]
    """Series of one estimator's figures with two or more dates, drawn over time."""
    chronology: chronology.Chronology | None
    """The dated claims in time order, once there are enough of them."""
    chronology_cites: dict[str, Markup]
    """Each dated claim's citations, by claim id, as the chronology shows them."""
    locator: Markup | None
    """The locator map with its list of places, when the findings name places."""
    watch: list[ClaimView]
    """The judgments with indicators, for What to watch."""
    edition: EditionView | None
    topics: list[Topic]
    caveats: list[Caveat]
    sources: list[SourceView]
    origins: list[OriginView]
    references: list[ReferenceView]
    annexes: dict[str, Annex]
    """The annexes present, by section id, each with its letter and heading."""
    marking_css: str

    def context(self) -> dict[str, Any]:
        """The fields as template variables (shallow: the views are shared, not copied)."""
        return {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}


def assemble(
    findings: model.Findings,
    texts: dict[str, SourceText],
    passages: dict[tuple[str, int], Passage],
    sentences: dict[str, list[coverage.Sentence]],
    origins: dict[str, frozenset[OriginRef]],
    accepted: list[Accepted],
    edition: Edition | None,
    build_date: str | None,
) -> Page:
    """The page's content, worked out for the templates."""
    md = Markdown(targets(findings))
    origin_anchor = {o.id: f"origin_{o.id}" for o in findings.origins}
    names = titles(findings)
    sources = {
        s.id: source_view(i, s, texts[s.id], sentences[s.id], md, names, origin_anchor)
        for i, s in enumerate(findings.sources, 1)
    }
    numbering = number_passages(findings, passages)
    below = resting_on(findings)
    by = originators(findings)

    def inputs(c: model.Claim) -> tuple[object, ...]:
        """What a claim's own view is drawn from."""
        cited = tuple(passages[(c.id, ei)] for ei in range(len(c.evidence)))
        numbers = tuple(numbering[(p.source, p.parts)] for p in cited)
        return (c, cited, numbers, origins[c.id], len(below.get(c.id, ())))

    claims = incremental.CLAIM_VIEWS.views(
        findings.claims,
        # What every view reads besides its own claim's inputs.
        (md.anchors, names, by, [(s.model, s.card) for s in sources.values()]),
        inputs,
        lambda c: claim_view(
            c, sources, passages, numbering, md, names, origins[c.id], len(below.get(c.id, ())), by
        ),
    )
    link_bases(claims)
    by_id = {c.model.id: c for c in claims}
    render_sources(sources, claims, passages, numbering)
    reported = [c for c in claims if c.model.kind == "reported"]
    judgments = [c for c in claims if c.model.kind != "reported"]
    languages = {s.id: s.language for s in findings.sources}
    translated = {
        c.id
        for c in findings.claims
        if c.estimate is not None and found_in(c, texts, passages, languages) == "translation"
    }
    estimate_tables, single = tables(claims, findings.quantities, md, translated)
    briefing = findings.briefing
    brief_md, brief_flags = _brief_prose(briefing, claims, md)
    return Page(
        briefing=briefing,
        summary_html=brief_md.block(briefing.summary),
        brief_flags=brief_flags,
        implications_html=(
            brief_md.block(briefing.implications) if briefing.implications else Markup()
        ),
        grading_html=md.block(briefing.grading) if briefing.grading else Markup(),
        scope_html=md.block(briefing.scope) if briefing.scope else Markup(),
        build_date=_reader_day(build_date),
        judgments=judgments,
        tables=estimate_tables,
        single_figures=single,
        trends=_trends(findings),
        chronology=chronology.chronology(findings, lambda cid, i: _passage_target(by_id, cid, i)),
        chronology_cites={
            c.model.id: Markup("".join(cite.html(in_table=True) for cite in c.citations))
            for c in claims
            if c.model.date is not None
        },
        locator=_locator(findings),
        # Gathered by judgment: an indicator reads in the light of the judgment it tests.
        watch=[j for j in judgments if j.indicators_html],
        edition=edition_view(edition, by_id, md, {p.id: p.name for p in findings.places}),
        topics=topics(reported),
        caveats=caveats(claims, accepted, by_id, sources, md),
        sources=list(sources.values()),
        origins=[OriginView(o, origin_anchor[o.id], md.block(o.note)) for o in findings.origins],
        references=[
            ReferenceView(r, f"reference_{r.id}", md.block(r.note) if r.note else Markup())
            for r in findings.references
        ],
        annexes=annexes(bool(judgments), bool(reported), edition is not None),
        marking_css=_marking_css(briefing.marking),
    )


def _brief_prose(
    briefing: model.Briefing, claims: list[ClaimView], md: Markdown
) -> tuple[Markdown, list[tuple[Markup, str]]]:
    """How the bottom line and implications are drawn, and the flags they show.

    They name claims in passing: a flagged claim's flag goes with its name there, so that
    doubtful material does not read as plain fact, and each flag shown is said once under
    the bottom line. As elsewhere in the brief, one originator alone (unverified) is the
    common case and goes unmarked."""
    weighed = {c.model.id: c.model.flag for c in claims if c.flag_weight in ("strong", "medium")}
    named = {
        name
        for text in (briefing.summary or "", briefing.implications or "")
        for name, _ in links(text)
    }
    shown = {flag for cid, flag in weighed.items() if cid in named}
    after = {cid: f" {flag_badge(flag)}" for cid, flag in weighed.items() if flag}
    flags = [(flag_badge(f), vocab.FLAGS[f]) for f in vocab.FLAGS if f in shown]
    return Markdown(md.anchors, after), flags


def _passage_target(by_id: dict[str, ClaimView], claim_id: str, index: int) -> str:
    citations = by_id[claim_id].citations
    return citations[index].target if index < len(citations) else by_id[claim_id].anchor


def _trends(findings: model.Findings) -> list[Trend]:
    found = []
    for number, each in enumerate(series.find(findings), 1):
        anchor = f"trend_{number}"
        found.append(
            Trend(each, anchor, series.render(each, anchor), series.text_alternative(each))
        )
    return found


def _locator(findings: model.Findings) -> Markup | None:
    if not findings.places:
        return None  # the map's outlines are not even read
    from . import locator

    found = locator.locate(findings)
    if found is None:
        return None
    # Drawing the outlines is the dearest part of a rebuild, and the places seldom move
    # between saves: a watcher keeps the last few maps, by everything a map shows.
    key = repr(found)
    if key not in _MAPS:
        if len(_MAPS) >= 4:
            _MAPS.pop(next(iter(_MAPS)))
        _MAPS[key] = locator.render(found)
    return _MAPS[key]


_MAPS: dict[str, Markup] = {}


def _reader_day(iso: str | None) -> str:
    """An ISO date in the one date style readers see ('' for none)."""
    return reader_date(dt.date.fromisoformat(iso)) if iso else ""


def _marking_css(marking: str | None) -> str:
    """A print rule that puts the marking at the top and bottom of every printed page."""
    if not marking:
        return ""
    text = (
        '"'
        + "".join(c if c.isalnum() or c in " .,;:/()-" else f"\\{ord(c):x} " for c in marking)
        + '"'
    )
    box = f"content:{text};font:bold 9pt system-ui,sans-serif;letter-spacing:.05em"
    return f"@page{{@top-center{{{box}}}@bottom-center{{{box}}}}}"
