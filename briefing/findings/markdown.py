"""Markdown as the build reads it: the page's HTML, the ``#id`` links a text makes and the
words a reader sees.

All three come from one markdown-it parse, made the way the page renders it, so that what
is checked is what is shown: a link in a code span is not a link, a reference-style link
(``[text][ref]`` with ``[ref]: #id``) or a link with a title is one.

Parsing is the slowest part of a fresh build, and importing the parser costs more than a
whole build in a warm process. So text with none of Markdown's marks skips the parser, and
what the parser made of each text is kept between runs (:func:`kept_between_runs`): a build
whose marked texts are all unchanged does not import the parser at all.
"""

from __future__ import annotations

import hashlib
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from functools import cache
from importlib.machinery import PathFinder
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple
from unicodedata import unidata_version
from urllib.parse import unquote

from .. import cache as user_cache

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
    if _MARK_CHARACTERS.search(text) or "--" in text or text[0].isspace() \
            or text[-1].isspace():
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


# What was parsed, in this process and (under kept_between_runs) in earlier ones; the texts
# used since the last kept_between_runs began, so that only those are kept.
_blocks: dict[str, Parsed] = {}
_inlines: dict[str, tuple[str, str]] = {}
_used: set[str] = set()
_used_inline: set[str] = set()


def _parsed(text: str) -> Parsed:
    _used.add(text)
    found = _blocks.get(text)
    if found is None:
        found = _blocks[text] = _parse(text)
    return found


def _parse(text: str) -> Parsed:
    md = _parser()
    tokens = md.parse(text)
    links: list[tuple[str, int]] = []
    words = _words(tokens, links)
    return Parsed(str(md.renderer.render(tokens, md.options, {})), tuple(links),
                  None if words == text else words)


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


def _parsed_inline(text: str) -> tuple[str, str]:
    _used_inline.add(text)
    found = _inlines.get(text)
    if found is None:
        md = _parser()
        tokens = md.parseInline(text)
        words = " ".join(_words(tokens, []).split())
        found = _inlines[text] = (str(md.renderer.render(tokens, md.options, {})), words)
    return found


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


# Keeping parses between runs --------------------------------------------------------------

_FORMAT = 3
# The file last read or written (its name), and its stamp, so that a watcher does not read
# back what it has just written.
_synced: tuple[str, int] | None = None


@contextmanager
def kept_between_runs(findings: Path) -> Iterator[None]:
    """Parses of this project's texts read from the user's cache before a build and
    written back after it, only those the build used (so the file follows the project).

    The file names the parser's and this module's versions: after an upgrade it is not
    read. A file that cannot be read or makes no sense is ignored, and one that cannot be
    written is left as it was: the cache changes how fast a build is, never what it makes.
    """
    try:
        name = user_cache.file_name(str(findings.resolve()))
    except (OSError, RuntimeError):
        name = None
    with user_cache.opened("markdown") if name else nullcontext() as folder:
        if folder is not None and name is not None:
            _read(folder, name)
        _used.clear()
        _used_inline.clear()
        before = (len(_blocks), len(_inlines))
        completed = False
        try:
            yield
            completed = True
        finally:
            changed = (len(_blocks), len(_inlines)) != before
            if completed:  # a build that stopped early did not use every text
                changed |= _forget_unused()
            # Written when it holds less than this process knows: new parses, texts no
            # longer used, or a file that is missing or was not read.
            if folder is not None and name is not None and \
                    (changed or _synced is None or _synced[0] != name):
                _write(folder, name)


def _forget_unused() -> bool:
    unused = _blocks.keys() - _used, _inlines.keys() - _used_inline
    for text in unused[0]:
        del _blocks[text]
    for text in unused[1]:
        del _inlines[text]
    return bool(unused[0] or unused[1])


@cache
def _versions() -> str:
    """What a parse depends on besides its text: the parser, its URL helper and this file,
    read from their files (importing the parser is what the cache is there to spare), and
    Python's Unicode tables (which say what is punctuation to the parser)."""
    digest = hashlib.sha256(f"{_FORMAT} {sys.version_info[:2]} {unidata_version}".encode())
    try:
        for package in ("markdown_it", "mdurl"):
            spec = PathFinder.find_spec(package)
            if spec is None or spec.origin is None:
                return ""
            digest.update(Path(spec.origin).read_bytes())
        digest.update(Path(__file__).read_bytes())
    except OSError:  # installed in a way that cannot be read as files (a zip): no cache
        return ""
    return digest.hexdigest()


def _read(folder: user_cache.KeptFolder, name: str) -> None:
    global _synced
    stamp = folder.stamp(name)
    if stamp is not None and _synced == (name, stamp):
        return  # what this process last wrote or read: already in memory
    # Changed or gone since: what is in memory came from it, and goes with it.
    _synced = None
    _blocks.clear()
    _inlines.clear()
    kept = None if stamp is None else user_cache.read_json(folder, name, _versions())
    if kept is None:
        return
    blocks, inlines = kept.get("blocks"), kept.get("inlines")
    if not (isinstance(blocks, dict) and isinstance(inlines, dict)):
        return
    read_blocks = {}
    for text, entry in blocks.items():
        parsed = _entry(entry)
        if parsed is None:
            return  # not written by this module: none of it is trusted
        read_blocks[text] = parsed
    if not all(isinstance(entry, list) and len(entry) == 2
               and all(isinstance(part, str) for part in entry) for entry in inlines.values()):
        return
    _blocks.update(read_blocks)
    _inlines.update((text, (html, words)) for text, (html, words) in inlines.items())
    stamp = folder.stamp(name)  # marked used as it was read
    _synced = None if stamp is None else (name, stamp)


def _entry(entry: Any) -> Parsed | None:
    if not (isinstance(entry, list) and len(entry) == 3):
        return None
    html, links, words = entry
    if not (isinstance(html, str) and isinstance(links, list)
            and (words is None or isinstance(words, str))):
        return None
    pairs = []
    for link in links:
        if not (isinstance(link, list) and len(link) == 2 and isinstance(link[0], str)
                and isinstance(link[1], int) and not isinstance(link[1], bool)):
            return None
        pairs.append((link[0], link[1]))
    return Parsed(html, tuple(pairs), words)


def _write(folder: user_cache.KeptFolder, name: str) -> None:
    global _synced
    _synced = None
    versions = _versions()
    if versions and user_cache.write_json(folder, name, versions, {
            "blocks": {text: [p.html, [list(link) for link in p.links], p.words]
                       for text, p in _blocks.items()},
            "inlines": {text: list(entry) for text, entry in _inlines.items()}}):
        stamp = folder.stamp(name)
        _synced = None if stamp is None else (name, stamp)
