"""Parts of a built page, found with an HTML parser: an element by its id or attributes,
as its exact source (start tag to end tag), and the words a reader sees.

The source is returned unchanged, so that a test can still look for the exact markup the
page has (an escaped apostrophe, a link's attributes); the parser only says where an
element starts and where it ends, which slicing on a string cannot know.
"""

from __future__ import annotations

from html import unescape
from html.parser import HTMLParser

import lxml.html

VOID = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "source",
        "track",
        "wbr",
    }
)


class _Finder(HTMLParser):
    """Finds the first element named ``tag`` (any, when None) whose attributes include
    ``attrs``, and where it starts and ends in the source."""

    def __init__(self, source: str, tag: str | None, attrs: dict[str, str]) -> None:
        super().__init__(convert_charrefs=True)
        self.source, self.tag, self.attrs = source, tag, attrs
        # getpos() counts lines by "\n" alone, as here (splitlines would also break at
        # U+2028 and other separators a page's text may hold).
        self.line_starts = [0] + [i + 1 for i, ch in enumerate(source) if ch == "\n"]
        self.found: str | None = None
        self.start: int | None = None
        self.depth = 0
        self.end: int | None = None

    def here(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.end is not None:
            return
        if self.start is None:
            if (self.tag in (None, tag)) and self.attrs.items() <= dict(attrs).items():
                self.found, self.start, self.depth = tag, self.here(), 1
                if tag in VOID:
                    self.end = self.start + len(self.get_starttag_text() or "")
        elif tag == self.found:
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if self.start is None or self.end is not None or tag != self.found:
            return
        self.depth -= 1
        if self.depth == 0:
            self.end = self.source.index(">", self.here()) + 1


def element(html: str, tag: str | None = None, **attrs: str) -> str:
    """The source of the first element ``tag`` with these attributes (``class_`` for
    ``class``, ``data_claim`` for ``data-claim``); an AssertionError when there is none."""
    wanted = {name.rstrip("_").replace("_", "-"): value for name, value in attrs.items()}
    finder = _Finder(html, tag, wanted)
    finder.feed(html)
    finder.close()
    assert finder.start is not None and finder.end is not None, (
        f"no <{tag or '*'}> with {wanted} in the page"
    )
    return html[finder.start : finder.end]


def by_id(html: str, element_id: str) -> str:
    """The source of the element with this id."""
    return element(html, id=element_id)


def before(html: str, element_id: str) -> str:
    """The page's source up to the element with this id."""
    return html[: html.index(by_id(html, element_id))]


def text(html: str) -> str:
    """The words a reader sees in ``html``: its text without tags, entities decoded."""
    return unescape(lxml.html.fragment_fromstring(html, create_parent="div").text_content())
