"""Markdown as the build reads it: the ``#id`` links a text makes and the words a reader sees.

Read from markdown-it's token stream, parsed the way the page renders it, so that what is
checked is what is shown: a link in a code span is not a link, a reference-style link
(``[text][ref]`` with ``[ref]: #id``) or a link with a title is one.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from urllib.parse import unquote

from markdown_it import MarkdownIt
from markdown_it.token import Token

# The page's settings (briefing/page/view.py): CommonMark, no raw HTML, tables, no images.
_MD = MarkdownIt("commonmark", {"html": False, "typographer": False}).enable("table")
_MD.disable("image")


@lru_cache(maxsize=20_000)
def _tokens(text: str) -> tuple[Token, ...]:
    return tuple(_MD.parse(text))


def render(text: str) -> str:
    """The text as the page's HTML, from the same parse the checks read: a text with links
    is parsed once for both."""
    return str(_MD.renderer.render(list(_tokens(text)), _MD.options, {}))


def render_inline(text: str) -> str:
    return str(_MD.renderInline(text))


def _may_link(text: str) -> bool:
    return "[" in text and "#" in text


def links(text: str) -> Iterator[tuple[str, int]]:
    """Each in-page link of ``text``: the id it names (after the ``#``) and the line of
    the text, counted from 0, where the link starts."""
    if not _may_link(text):
        return
    for token in _tokens(text):
        if token.type != "inline" or not token.children:
            continue
        line = token.map[0] if token.map else 0
        for child in token.children:
            if child.type in ("softbreak", "hardbreak"):
                line += 1
            elif child.type == "link_open":
                href = child.attrGet("href")
                if isinstance(href, str) and href.startswith("#"):
                    yield unquote(href[1:]), line


def shown_words(text: str) -> str:
    """The words a reader sees: text, code and link text, but not where links lead."""
    if not _may_link(text):
        return text
    parts: list[str] = []
    for token in _tokens(text):
        if token.type in ("code_block", "fence"):
            parts.append(token.content)
        for child in token.children or ():
            if child.type in ("text", "code_inline"):
                parts.append(child.content)
            elif child.type in ("softbreak", "hardbreak"):
                parts.append("\n")
        parts.append("\n")
    return "".join(parts)


def opening_words(text: str, most: int = 9) -> str:
    """The opening words of a statement or a title, to name it without saying it again:
    the whole of a short one (without its full stop), else its first words and '…'."""
    words = text.split()
    if len(words) <= most:
        return " ".join(words).rstrip(".")
    return " ".join(words[:most]).rstrip(",;:") + "…"
