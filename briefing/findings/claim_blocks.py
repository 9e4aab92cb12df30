"""Claim blocks: findings.yaml read claim by claim, so that a process that builds again
and again (``--watch``) reads again only the claims whose text changed.

A findings file in the block style that ``init`` writes and the format's examples use has
one top-level ``claims:`` key, then one ``- `` item per claim at one indentation. Such a
file is cut into the blocks of lines of its claims and the rest (the head). Each block is
parsed on its own; a block whose text is as it was at the last load is taken as it was
then, moved to where it now stands. The result is the Document a whole-file parse makes:
the same data, and the same line and column for every value.

Anything else is left to the whole-file parse, whose messages are the ones a user sees:
another layout (a flow list, document markers, a line break YAML and Python count
differently), an alias to an anchor in another block, too many values repeated through
aliases, and any problem at all in the head or a block.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

import yaml

from ..errors import Problems
from .load import (
    MAX_ALIASED,
    ClaimValues,
    Document,
    KeyPath,
    Marked,
    Spot,
    _AliasTrouble,
    _compose_fast,
    _walk,
)

_CLAIMS_KEY = re.compile(r"^claims:[ \t]*(?:#.*)?\r?$", re.M)
_CLAIMS_LINE = re.compile(r"\nclaims:")
# A document marker or directive at the start of a line (after the first), a line break
# that Python's splitlines and YAML do not both count, or a "\r" that is not a "\r\n".
# Looked for apart: one pattern with the three as alternatives is tried at every character
# and costs ten times as much on a large file.
_MARKER = re.compile(r"\n(?:---|\.\.\.|%)")
_ODD_BREAKS = "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_LONE_CR = re.compile(r"\r(?!\n)")
# An anchor ('&name' where a value may start): the whole file refuses one name given twice,
# which blocks read apart would not see.
_AMPERSAND = re.compile(r"&[^ \t\r\n,\[\]{}]")
_BEFORE_ANCHOR = " \t[{,\n"
_FIRST_ITEM = re.compile(r"^( *)-(?: |\r?$)", re.M)
# Where a claim is put: depth 2, under the top-level mapping and the claims list.
_CLAIM_DEPTH = 2


class Block(NamedTuple):
    """The lines of one claim."""

    first: int
    """The 0-based line it starts on in the file."""
    text: str


class Layout(NamedTuple):
    key: int
    """The 0-based line of the ``claims:`` key."""
    head: str
    """The file with the claims left out: ``claims: []`` on the key's line and the
    claims' lines empty, so that every other value keeps its line."""
    blocks: list[Block]
    indent: int
    """The column of each claim's ``-``."""


class _Parsed(NamedTuple):
    """One claim read on its own: its data and positions as if it started on line 0."""

    data: Any
    values: dict[KeyPath, Marked]
    keys: dict[KeyPath, Marked]
    commented: frozenset[KeyPath]
    aliased: int
    claim_values: ClaimValues


class _Placed(NamedTuple):
    """One claim's positions where it stands in the file."""

    values: dict[KeyPath, Marked]
    keys: dict[KeyPath, Marked]
    commented: set[KeyPath]


def layout(text: str) -> Layout | None:
    """The head and the claims' blocks, or None when the file is laid out otherwise."""
    if _other_layout(text) or _anchored(text):
        return None
    keys = _claims_keys(text)
    if len(keys) != 1:
        return None
    key = keys[0]
    body = text.find("\n", key.end()) + 1
    first = _FIRST_ITEM.search(text, body) if body else None
    if first is None or not _all_aside(text[body : first.start()]):
        return None
    indent = len(first.group(1))
    # The next top-level key ends the claims: a line starting with anything but a space,
    # a comment or (for a list written at the margin) a '-'.
    # (The first item's own line starts with a space or its '-', so it is not the stop.)
    stop = re.compile(r"\n[^ #\r\n]" if indent else r"\n[^ #\r\n-]").search(text, first.start())
    end = stop.start() + 1 if stop else len(text)
    # Each item's line, found by the line break before it (a search for a literal runs
    # far faster than one for a line start).
    item = re.compile(rf"\n {{{indent}}}-(?: |\r?$)", re.M)
    starts = [m.start() + 1 for m in item.finditer(text, first.start() - 1, end)]
    line = text.count("\n", 0, first.start())
    blocks = []
    for start, after in zip(starts, [*starts[1:], end], strict=True):
        blocks.append(Block(line, text[start:after]))
        line += text.count("\n", start, after)
    key_line = text.count("\n", 0, key.start())
    head = text[: key.start()] + "claims: []" + "\n" * text.count("\n", key.end(), end) + text[end:]
    return Layout(key_line, head, blocks, indent)


def _claims_keys(text: str) -> list[re.Match[str]]:
    """Each line that is the top-level key ``claims:``."""
    lines = [0] if text.startswith("claims:") else []
    lines += [m.start() + 1 for m in _CLAIMS_LINE.finditer(text)]
    return [m for at in lines if (m := _CLAIMS_KEY.match(text, at))]


def _other_layout(text: str) -> bool:
    """Whether the file has a document marker or a line break the blocks cannot follow."""
    return (
        text.startswith(("---", "...", "%"))
        or _MARKER.search(text) is not None
        or any(odd in text for odd in _ODD_BREAKS)
        or ("\r" in text and _LONE_CR.search(text) is not None)
    )


def _anchored(text: str) -> bool:
    """Whether the file may name an anchor: an '&' where a value may start."""
    return any(
        m.start() == 0 or text[m.start() - 1] in _BEFORE_ANCHOR for m in _AMPERSAND.finditer(text)
    )


def _all_aside(lines: str) -> bool:
    """Whether every line holds nothing for the parser: empty, spaces or a comment (a tab
    is something: YAML may refuse it)."""
    return all(
        not line.strip(" \r") or line.lstrip(" ").startswith("#") for line in lines.splitlines()
    )


class ClaimBlocks:
    """The claims read at the last load, by their text, and where each stood."""

    def __init__(self) -> None:
        self.parsed: dict[str, _Parsed] = {}
        self.placed: dict[tuple[str, int, int], _Placed] = {}

    def load(self, text: str, shown_as: str) -> Document | None:
        """The document, reading only the claims not met at the last load; None when the
        whole file is to be parsed instead."""
        from .load import parse  # at call time: load.py names this class for its callers

        laid = layout(text)
        if laid is None:
            return None
        quiet = Problems()
        doc = parse(laid.head, shown_as, quiet)
        if (
            doc is None
            or len(quiet)
            or not isinstance(doc.data, dict)
            or doc.data.get("claims") != []
            or doc.key_positions[("claims",)].line != laid.key
        ):
            return None  # the key's line was not the key (inside a quoted value, say)
        head_values = list(doc.value_positions.items())
        cut = next(n for n, (path, _) in enumerate(head_values) if path == ("claims",))
        first = laid.blocks[0]
        # In the order of the file, as a whole-file parse records them: some checks
        # report in this order.
        doc.value_positions = dict(head_values[:cut])
        doc.value_positions[("claims",)] = Spot(first.first, laid.indent)
        parsed, placed = {}, {}
        claims, claim_values = [], []
        for i, block in enumerate(laid.blocks):
            one = self.parsed.get(block.text) or _parse(block.text, shown_as)
            if one is None:
                return None
            parsed[block.text] = one
            where = (block.text, i, block.first)
            at = self.placed.get(where) or _place(one, i, block.first)
            placed[where] = at
            claims.append(one.data)
            claim_values.append(one.claim_values)
            doc.value_positions.update(at.values)
            doc.key_positions.update(at.keys)
            doc.commented.update(at.commented)
            doc.aliased += one.aliased
        if doc.aliased > MAX_ALIASED:
            return None
        doc.value_positions.update(head_values[cut + 1 :])
        doc.data["claims"] = claims
        doc.claim_values = claim_values
        doc.head_paths = [path for path, _ in head_values]
        doc.lines = text.splitlines()
        self.parsed, self.placed = parsed, placed
        return doc

    def forget(self) -> None:
        self.parsed.clear()
        self.placed.clear()


def _parse(block: str, shown_as: str) -> _Parsed | None:
    """One claim's block read on its own, or None if it holds any problem."""
    root, loader = _compose_fast(block)
    if not isinstance(root, yaml.SequenceNode) or len(root.value) != 1:
        return None
    quiet = Problems()
    doc = Document(shown_as, None, lines=block.splitlines(), base_depth=_CLAIM_DEPTH)
    try:
        data = _walk(root.value[0], (), doc, loader, quiet)
    except (yaml.YAMLError, _AliasTrouble, RecursionError):
        return None
    if len(quiet) or doc.unreadable:
        return None
    doc.data = data
    return _Parsed(
        data,
        doc.value_positions,
        doc.key_positions,
        frozenset(doc.commented),
        doc.aliased,
        ClaimValues(list(doc.values())),
    )


def _place(one: _Parsed, index: int, first: int) -> _Placed:
    at: KeyPath = ("claims", index)
    return _Placed(
        {(*at, *path): Spot(m.line + first, m.column) for path, m in one.values.items()},
        {(*at, *path): Spot(m.line + first, m.column) for path, m in one.keys.items()},
        {(*at, *path) for path in one.commented},
    )
