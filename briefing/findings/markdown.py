"""Markdown as the build reads it: the page's HTML, the ``#id`` links a text makes and the
words a reader sees.

All three come from one markdown-it parse, made the way the page renders it, so that what
is checked is what is shown: a link in a code span is not a link, a reference-style link
(``[text][ref]`` with ``[ref]: #id``) or a link with a title is one.

Parsing is the slowest part of a fresh build, and importing the parser is a large share of
a cold one. So text with none of Markdown's marks skips the parser (most statements and
notes are such text), and each parse is kept in memory, so that a watcher rebuilding after
a save parses only the texts that changed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, lru_cache
from typing import TYPE_CHECKING, NamedTuple
from urllib.parse import unquote

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

# Text with none of Markdown's marks renders as itself in one paragraph; most notes and
# statements are such text, and the parser costs far more than this check. The marks: a
# character that can start markup, "--" (a rule or a heading's underline), whitespace at
# either end or beside a line break, and a line that opens with "-" or a digit (a list
# item; a figure ending a sentence, "in 2024.", is plain). A carriage return (a line break
# to the parser) and NUL (which the parser replaces) go to the parser too.
_MARK_CHARACTERS = re.compile(r"[\\`*_\[\]<>!#&|~=+\t\r\x00]")


def plain(text: str) -> bool:
    """True when ``text`` renders as itself, escaped, with no Markdown in it.

    Written with string methods around one character class: a single regular expression
    for all the marks tries each alternative at every position, and cost more than the
    rest of a warm build's checks of Markdown together.
    """
    if not text:
        return True
    if _MARK_CHARACTERS.search(text) or "--" in text or text[0].isspace() or text[-1].isspace():
        return False
    if "\n" not in text:
        return not _opens_item(text)
    for line in text.split("\n"):
        if not line or line[0].isspace() or line[-1].isspace() or _opens_item(line):
            return False
    return True


def _opens_item(line: str) -> bool:
    return line[0] == "-" or line[0].isdecimal()


class Parsed(NamedTuple):
    """What the page and the checks need of one text."""

    html: str
    links: tuple[tuple[str, int], ...]
    """Each in-page link: the id it names (after the ``#``) and its line, from 0."""
    words: str | None
    """The words a reader sees, when they differ from the text."""


@cache
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    # The page's settings: CommonMark, no raw HTML, tables, no images.
    md = MarkdownIt("commonmark", {"html": False, "typographer": False}).enable("table")
    md.disable("image")
    return md


# Parses kept for the life of the process: room for every marked text of a very large
# case, so that a watcher's rebuilds find them all, and a bound on what a long session of
# edits leaves behind.
_KEPT_PARSES = 100_000


@lru_cache(maxsize=_KEPT_PARSES)
def _parsed(text: str) -> Parsed:
    md = _parser()
    tokens = md.parse(text)
    links: list[tuple[str, int]] = []
    words = _words(tokens, links)
    return Parsed(
        str(md.renderer.render(tokens, md.options, {})),
        tuple(links),
        None if words == text else words,
    )


def _words(tokens: list[Token], links: list[tuple[str, int]]) -> str:
    """The words a reader sees in ``tokens``, a line break after each block; the in-page
    links found on the way go to ``links``."""
    parts = []
    for token in tokens:
        if token.type in ("code_block", "fence"):
            parts.append(token.content)
        line = token.map[0] if token.map else 0
        for child in token.children or ():
            if child.type in ("text", "code_inline"):
                parts.append(child.content)
            elif child.type in ("softbreak", "hardbreak"):
                parts.append("\n")
                line += 1
            elif child.type == "link_open":
                href = child.attrGet("href")
                if isinstance(href, str) and href.startswith("#"):
                    links.append((unquote(href[1:]), line))
        parts.append("\n")
    return "".join(parts)


def render(text: str) -> str:
    """The text as the page's HTML (block Markdown)."""
    return _parsed(text).html


@lru_cache(maxsize=_KEPT_PARSES)
def _parsed_inline(text: str) -> tuple[str, str]:
    md = _parser()
    tokens = md.parseInline(text)
    words = " ".join(_words(tokens, []).split())
    return str(md.renderer.render(tokens, md.options, {})), words


def render_inline(text: str) -> str:
    """The text as HTML inside a paragraph (inline Markdown)."""
    return _parsed_inline(text)[0]


def inline_words(text: str) -> str:
    """What a reader sees of inline Markdown, as plain words with single spaces: for a
    title or a name where no markup can go."""
    return " ".join(text.split()) if plain(text) else _parsed_inline(text)[1]


def _may_link(text: str) -> bool:
    return "[" in text and "#" in text


def links(text: str) -> Iterator[tuple[str, int]]:
    """Each in-page link of ``text``: the id it names (after the ``#``) and the line of
    the text, counted from 0, where the link starts."""
    if _may_link(text):
        yield from _parsed(text).links


def shown_words(text: str) -> str:
    """The words a reader sees: text, code and link text, but not where links lead."""
    if not _may_link(text):
        return text
    words = _parsed(text).words
    return text if words is None else words


def opening_words(text: str, most: int = 9) -> str:
    """The opening words of a statement or a title, to name it without saying it again:
    the whole of a short one (without its full stop), else its first words and '…'."""
    words = text.split()
    if len(words) <= most:
        return " ".join(words).rstrip(".")
    return " ".join(words[:most]).rstrip(",;:") + "…"
