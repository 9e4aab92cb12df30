"""What a process that builds again and again (``--watch``) keeps from one build to the
next, so that a save costs what it changed: per source, the work that depends only on the
source's text and the passages quoted from it.

Each kept result is stored under its source id with the whole of its inputs as the key,
and used only when the inputs are equal, so a build that reuses it writes the bytes a
fresh build writes. Only the latest result per source is kept: memory follows the
project, not the session. ``forget`` drops everything (a fresh state, for tests).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from functools import partial
from typing import TYPE_CHECKING, Generic, TypeVar

from markupsafe import Markup

from .findings import conform, coverage, model
from .findings.claim_blocks import ClaimBlocks
from .findings.coverage import Sentence
from .findings.quotes import Passage
from .findings.sources import SourceText
from .page import highlight

if TYPE_CHECKING:  # the views' modules use this one's kept highlighting
    from .page.view_claims import ClaimView

Value = TypeVar("Value")


class PerSource(Generic[Value]):
    """The latest result of one computation for each source, with the inputs it came from."""

    def __init__(self) -> None:
        self.kept: dict[str, tuple[Hashable, Value]] = {}

    def get(self, source_id: str, inputs: Hashable, compute: Callable[[], Value]) -> Value:
        """The result for these inputs: kept when they are the last ones, else computed."""
        held = self.kept.get(source_id)
        if held is not None and held[0] == inputs:
            return held[1]
        value = compute()
        self.kept[source_id] = (inputs, value)
        return value

    def keep_only(self, source_ids: set[str]) -> None:
        for gone in set(self.kept) - source_ids:
            del self.kept[gone]


# Each claim as read at the last load, by its text: used by the builds of a watch session,
# where it makes a save cost the claims it changed (a one-off build reads the file whole,
# which is quicker once).
CLAIM_BLOCKS = ClaimBlocks()
_SENTENCES: PerSource[list[Sentence]] = PerSource()
_HIGHLIGHTED: PerSource[tuple[Markup, list[highlight.Mark]]] = PerSource()


def sentences_by_source(
    findings: model.Findings, texts: dict[str, SourceText], passages: dict[tuple[str, int], Passage]
) -> dict[str, list[Sentence]]:
    """coverage.by_source, reusing each source's sentences while its text and its quoted
    stretches stay as they were."""
    quoted: dict[str, list[tuple[int, int]]] = {s.id: [] for s in findings.sources}
    for passage in passages.values():
        quoted[passage.source].extend(passage.parts)
    result = {}
    for source in findings.sources:
        text, stretches = texts[source.id].text, tuple(sorted(quoted[source.id]))
        result[source.id] = _SENTENCES.get(
            source.id, (text, stretches), partial(coverage.measure, text, stretches)
        )
    _SENTENCES.keep_only(set(result))
    _HIGHLIGHTED.keep_only(set(result))
    return result


def highlighted(
    source_id: str, text: str, marks: Sequence[highlight.Mark]
) -> tuple[Markup, list[highlight.Mark]]:
    """highlight.render_source, reusing the source's HTML while its text and the passages
    marked in it (with their numbers and the citations linking back) stay as they were.
    The list is copied: the page's view may change its own."""
    inputs = (text, tuple(marks))
    html, split = _HIGHLIGHTED.get(source_id, inputs, lambda: highlight.render_source(text, marks))
    return html, list(split)


class ClaimViews:
    """Each claim's view on the last page, reused while the claim, its passages and their
    numbers, its origins and everything else the view is made from are as they were.

    What every view depends on (the ids links lead to, the origins' names, each source's
    title and card) is the ``context``: when it changes, no view is reused. A view holds
    no other view (its citations hold the source's words), so nothing of an older page is
    kept alive through it."""

    def __init__(self) -> None:
        self.context: object = None
        self.kept: PerSource[ClaimView] = PerSource()

    def forget(self) -> None:
        self.context, self.kept = None, PerSource()

    def views(
        self,
        claims: Sequence[model.Claim],
        context: object,
        inputs: Callable[[model.Claim], Hashable],
        make: Callable[[model.Claim], ClaimView],
    ) -> list[ClaimView]:
        if context != self.context:
            self.kept = PerSource()
            self.context = context
        made = [self.kept.get(c.id, inputs(c), partial(make, c)) for c in claims]
        self.kept.keep_only({c.id for c in claims})
        return made


CLAIM_VIEWS = ClaimViews()


def forget() -> None:
    """Drop everything kept: the next build starts from a fresh state."""
    _SENTENCES.kept.clear()
    _HIGHLIGHTED.kept.clear()
    CLAIM_VIEWS.forget()
    CLAIM_BLOCKS.forget()
    conform.forget()
