"""Load: read findings.yaml into plain data, remembering where every node sits.

PyYAML's composer keeps a ``start_mark`` on each node; we walk the node graph ourselves
so that every value can be traced back to its line and column, and so that duplicate
keys (which ``safe_load`` silently lets the last one win) become errors. Why a file
cannot be read, and where, is worked out in ``unreadable.py``. Whatever is refused here,
loads_cleanly.py (the cheap reading add-source makes first) must refuse too, or leave to
this module.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

import yaml

from ..errors import Position, Problems, line_column
from .numbers import with_decimals
from .sources import BIDI_CONTROLS, SourceReadError, read_regular
from .unreadable import MAX_ALIASED as MAX_ALIASED
from .unreadable import MAX_DEPTH as MAX_DEPTH
from .unreadable import (
    bidi_message,
    culprit_alias,
    refuse_bidi_controls,
    too_deep,
    unclosed,
    yaml_message,
)

if TYPE_CHECKING:
    from .claim_blocks import ClaimBlocks

KeyPath = tuple[str | int, ...]


class Marked(Protocol):
    """Where a node starts, 0-based: a parser's mark, or a Spot."""

    @property
    def line(self) -> int: ...
    @property
    def column(self) -> int: ...


class Spot(NamedTuple):
    """A mark moved to where its claim now stands in the file (see claim_blocks.py)."""

    line: int
    column: int


@dataclass(eq=False)
class Document:
    """The findings as plain Python data plus the position of every node in them."""

    path: str
    """The findings file as the user named it (used in messages)."""
    data: Any
    """Mappings, lists and scalars as YAML's safe schema builds them."""
    value_positions: dict[KeyPath, Marked] = field(default_factory=dict)
    """Where each value starts, as the parser marked it (0-based; ``at`` makes a Position)."""
    key_positions: dict[KeyPath, Marked] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)
    """The file's lines, to look at what a value's line holds besides the value."""
    unreadable: set[KeyPath] = field(default_factory=set)
    """Values already reported as unreadable (an impossible date), not to report twice."""
    commented: set[KeyPath] = field(default_factory=set)
    """Unquoted values followed by a '#' comment on the same line."""
    invalid_ids: set[tuple[str, str]] = field(default_factory=set)
    """(section, id) of entries that failed validation, so references to them still resolve."""
    base_depth: int = 0
    """How deep the data starts in the whole file: 2 for one claim read on its own."""
    walked: set[int] = field(default_factory=set, repr=False)
    """The collection nodes met so far while loading (a node met again came by an alias)."""
    aliased: int = 0
    """How many values the loading has walked through aliases."""
    claim_values: list[ClaimValues] | None = None
    """For a file read claim by claim, each claim's values (see ``values_where``)."""
    head_paths: list[KeyPath] = field(default_factory=list)
    """For a file read claim by claim, the paths of the values outside the claims."""

    def at(self, path: KeyPath) -> Position:
        """Where the value at ``path`` starts; falls back to its nearest present parent."""
        while path not in self.value_positions and path:
            path = path[:-1]
        mark = self.value_positions.get(path)
        return _mark(self.path, mark)

    def key_at(self, path: KeyPath) -> Position:
        """Where the key of ``path`` is written (for unknown or duplicate keys)."""
        mark = self.key_positions.get(path)
        return _mark(self.path, mark) if mark is not None else self.at(path)

    def values(self) -> Iterator[tuple[KeyPath, Any]]:
        """Each value with a position, with its path, in the file's order."""
        return _values_at(self.data, self.value_positions)

    def values_where(
        self, name: str, keep: Callable[[KeyPath, Any], bool]
    ) -> list[tuple[KeyPath, Any]]:
        """The values with a position for which ``keep(path, value)`` holds. For a file
        read claim by claim, what each claim holds is picked once per text of the claim
        and kept with it under ``name``: ``keep`` must not look at a claim's index (it is
        given 0)."""
        if self.claim_values is None:
            return [(path, value) for path, value in self.values() if keep(path, value)]
        picked = [(p, v) for p, v in _values_at(self.data, self.head_paths) if keep(p, v)]
        for i, claim in enumerate(self.claim_values):
            mine = claim.picked.get(name)
            if mine is None:
                mine = [
                    (rel, value) for rel, value in claim.values if keep(("claims", 0, *rel), value)
                ]
                claim.picked[name] = mine
            picked += [(("claims", i, *rel), value) for rel, value in mine]
        return picked


class ClaimValues:
    """One claim's values, with their paths inside the claim, as its block was read; and
    what checks picked out of them, kept with them while the claim's text stays."""

    __slots__ = ("picked", "values")

    def __init__(self, values: list[tuple[KeyPath, Any]]) -> None:
        self.values = values
        self.picked: dict[str, list[tuple[KeyPath, Any]]] = {}


def _values_at(data: Any, paths: Iterable[KeyPath]) -> Iterator[tuple[KeyPath, Any]]:
    """The value at each path, in order. A value's parent comes before it, so each is
    found from its parent, not from the top."""
    found: dict[KeyPath, Any] = {(): data}
    for path in paths:
        if not path:
            continue
        parent = found.get(path[:-1])
        if parent is None:  # not written in the file (a parent read from an alias)
            parent = data
            for part in path[:-1]:
                parent = parent[part]
        value = parent[path[-1]]
        if isinstance(value, (dict, list)):
            found[path] = value
        yield path, value


def load_findings(
    path: Path, shown_as: str, problems: Problems, blocks: ClaimBlocks | None = None
) -> Document | None:
    """Parse ``path``; on a syntax error record it and return ``None``. ``blocks``, kept
    from one build to the next, reads only the claims whose text changed."""
    origin = Position(shown_as)
    try:
        text = read_regular(path, advice=": split the sources' texts out of it").decode("utf-8-sig")
    except SourceReadError as exc:
        problems.error(origin, f"the findings file {exc}")
        return None
    except UnicodeDecodeError as exc:
        good = exc.object[: exc.start].decode("utf-8", errors="replace")
        line, column = line_column(good, len(good))
        problems.error(
            Position(shown_as, line, column), "this character is not UTF-8: save the file as UTF-8"
        )
        return None
    refuse_bidi_controls(text, shown_as, problems)
    nested = too_deep(text)
    if nested:
        line, column = nested
        problems.error(
            Position(shown_as, line, column),
            f"the findings nest more than "
            f"{MAX_DEPTH} levels deep here: no findings file needs that; check "
            "for unclosed brackets or runaway indentation",
        )
        return None
    if blocks is not None:
        kept = blocks.load(text, shown_as)
        if kept is not None:
            return kept
    return parse(text, shown_as, problems)


def parse(text: str, shown_as: str, problems: Problems) -> Document | None:
    """The whole text parsed at once; on a syntax error record it and return ``None``."""
    origin = Position(shown_as)
    root, loader = _compose_fast(text)
    if loader is not None:
        return _document(root, loader, shown_as, text, problems)
    try:
        # The pure-Python parser, for its messages: libyaml words errors differently.
        loader = yaml.SafeLoader(text)
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        opened = unclosed(text, exc)
        if opened:
            mark, message = opened
            problems.error(_mark(shown_as, mark), message)
        else:
            problems.error(_mark(shown_as, exc.problem_mark or exc.context_mark), yaml_message(exc))
        return None
    except yaml.reader.ReaderError as exc:
        line, column = line_column(text, exc.position)
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        problems.error(
            Position(shown_as, line, column),
            f"the control character U+{code:04X} is not allowed in YAML: delete it",
        )
        return None
    except RecursionError:
        problems.error(origin, "the findings are nested too deeply to read")
        return None
    finally:
        if loader is not None:
            loader.dispose()
    return _document(root, loader, shown_as, text, problems)


def document_of(root: yaml.Node, text: str, shown_as: str, problems: Problems) -> Document | None:
    """The document of ``root``, composed elsewhere from ``text`` (the findings read only
    as far as one key: see commands/findings_head.py), walked as load_findings walks the
    whole file."""
    return _document(root, yaml.SafeLoader(""), shown_as, text, problems)


def _compose_fast(text: str) -> tuple[yaml.Node | None, Any]:
    """The node graph by libyaml when it is there and the text is valid, else (None, None)."""
    fast = getattr(yaml, "CSafeLoader", None)
    if fast is None:
        return None, None
    loader = fast(text)
    try:
        return loader.get_single_node(), loader
    except (yaml.YAMLError, RecursionError):
        return None, None
    finally:
        loader.dispose()


def _document(
    root: yaml.Node | None, loader: Any, shown_as: str, text: str, problems: Problems
) -> Document | None:
    origin = Position(shown_as)
    if root is None:
        problems.error(
            origin, "the findings file is empty: it needs 'briefing', 'sources' and 'claims'"
        )
        return None
    doc = Document(shown_as, None, lines=text.splitlines())
    try:
        doc.data = _walk(root, (), doc, loader, problems)
    except yaml.constructor.ConstructorError as exc:
        problems.error(_mark(shown_as, exc.problem_mark), yaml_message(exc))
        return None
    except _AliasTrouble as exc:
        problems.error(*_alias_problem(text, exc, shown_as))
        return None
    return doc


_STANDARD = "tag:yaml.org,2002:"
# What a "\ud800" escape in a quoted value leaves: no character, and nothing UTF-8 can write.
_SURROGATE = re.compile("[\ud800-\udfff]")
_STR = _STANDARD + "str"
_FLOAT = _STANDARD + "float"


class _AliasTrouble(Exception):
    """The walk went deeper than MAX_DEPTH, or repeated more than MAX_ALIASED values
    through aliases; ``node`` is where it noticed."""

    def __init__(self, node: yaml.Node) -> None:
        super().__init__()
        self.node = node


def _walk(
    node: yaml.Node,
    path: KeyPath,
    doc: Document,
    loader: yaml.SafeLoader,
    problems: Problems,
    aliased: bool = False,
) -> Any:
    # The text was checked for nesting before parsing, but an alias repeats a whole value
    # wherever it stands: depth and size are counted again here, through aliases.
    if len(path) + doc.base_depth > MAX_DEPTH:
        raise _AliasTrouble(node)
    if isinstance(node, yaml.CollectionNode):
        # The composer gives every use of an anchor the one node: met again, it is an alias.
        aliased = aliased or id(node) in doc.walked
        doc.walked.add(id(node))
    if aliased:
        doc.aliased += 1
        if doc.aliased > MAX_ALIASED:
            raise _AliasTrouble(node)
    doc.value_positions[path] = node.start_mark
    if isinstance(node, yaml.CollectionNode) and node.tag not in _PLAIN_COLLECTIONS:
        problems.error(_mark(doc.path, node.start_mark), _tag_refused(node.tag))
        doc.unreadable.add(path)
        return None
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                problems.error(
                    _mark(doc.path, key_node.start_mark),
                    "a key must be a plain word, not a list or a mapping: write the key as a word",
                )
                continue
            if key_node.tag.endswith(":merge"):
                problems.error(
                    _mark(doc.path, key_node.start_mark),
                    "a key must be a plain "
                    "word (merge keys '<<' are not supported: write the keys out)",
                )
                continue
            if _SURROGATE.search(key_node.value):
                problems.error(
                    _mark(doc.path, key_node.start_mark),
                    "a key must be a plain word: this one holds half of a surrogate pair",
                )
                continue
            key = key_node.value  # as written: "null" or "2024-01-01" as a key stays text
            if key in result:
                first = doc.key_at((*path, key))
                problems.error(
                    _mark(doc.path, key_node.start_mark),
                    f"duplicate key '{key}' (first set on line {first.line}): remove one of them",
                )
                continue
            doc.key_positions[(*path, key)] = key_node.start_mark
            result[key] = _walk(value_node, (*path, key), doc, loader, problems, aliased)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [
            _walk(item, (*path, i), doc, loader, problems, aliased)
            for i, item in enumerate(node.value)
        ]
    half = None if node.value.isascii() else _SURROGATE.search(node.value)
    if half:
        with contextlib.suppress(UnicodeError):  # "\ud83d\ude00", as JSON writes 😀
            node.value = node.value.encode("utf-16-le", "surrogatepass").decode("utf-16-le")
            half = None
    if half:
        problems.error(
            _mark(doc.path, node.start_mark),
            f"the escape "
            f"'\\u{ord(half.group()):04x}' is half of a surrogate pair, not a "
            "character: write the character itself, or its '\\U' escape",
        )
        doc.unreadable.add(path)
        return node.value.encode("utf-8", "replace").decode("utf-8")
    control = None if node.value.isascii() else BIDI_CONTROLS.search(node.value)
    if control and getattr(node, "style", None) == '"' and not _written_in(node, doc):
        # Made by an escape such as "\u202e": the text itself holds none to point at.
        problems.error(_mark(doc.path, node.start_mark), bidi_message(control.group()))
        doc.unreadable.add(path)
    if not getattr(node, "style", None) and _comment_follows(node, doc.lines):  # plain
        doc.commented.add(path)
    if node.tag == _STR:
        return node.value  # the common case, without the constructor's machinery
    try:
        value = loader.construct_object(node, deep=True)
    except Exception:
        value = _UNBUILT
    if isinstance(value, bytes):  # '!!binary': no text to show or check
        problems.error(_mark(doc.path, node.start_mark), _tag_refused(node.tag))
        doc.unreadable.add(path)
        return None
    if value is not _UNBUILT:
        if node.tag == _FLOAT and type(value) is float:
            return with_decimals(node.value, value)  # 5.0 as written, not 5
        return value
    problems.error(_mark(doc.path, node.start_mark), _unbuilt_message(node, loader))
    doc.unreadable.add(path)
    return node.value


def _alias_problem(text: str, trouble: _AliasTrouble, shown_as: str) -> tuple[Position, str]:
    """Where and why the walk stopped: at the alias that made the findings too deep or too
    large, found by going over the parser's events again (only when the walk stopped, so
    a sound file costs nothing more); or, with no alias to blame, where the nesting went
    past the limit."""
    culprit = culprit_alias(text)
    if culprit is None:
        return _mark(shown_as, trouble.node.start_mark), (
            f"the findings nest more than {MAX_DEPTH} levels deep here: no findings file "
            "needs that; check for unclosed brackets or runaway indentation"
        )
    mark, why = culprit
    return _mark(shown_as, mark), {
        "inside": "this alias repeats the value it stands in, which would repeat itself "
        "without end: write the value out plainly",
        "deep": f"through this alias the findings nest more than {MAX_DEPTH} levels deep "
        "(the value it repeats holds aliases in turn): write the values out plainly",
        "large": f"with this alias, YAML aliases repeat more than {MAX_ALIASED:,} values in "
        "all: write the values out plainly",
    }[why]


def _unbuilt_message(node: yaml.Node, loader: Any) -> str:
    """Why a tagged value could not be built, and what to do about it."""
    # A value its tag cannot build: 2024-11-31 (no such day), '!!int two', '!!bool
    # maybe', '!!float ""' (PyYAML fails on these in many ways), a 5,000-digit number.
    kind = node.tag.rsplit(":", 1)[-1]
    tag = "!!" + node.tag.removeprefix(_STANDARD) if node.tag.startswith(_STANDARD) else node.tag
    implicit = loader.resolve(yaml.ScalarNode, node.value, (True, False)) == node.tag
    shown = node.value if len(node.value) <= 40 else node.value[:37] + "..."
    if node.tag.endswith(":timestamp"):
        return f"'{shown}' is not a real date: check the day and the month (YYYY-MM-DD)"
    elif implicit and kind in ("int", "float"):
        return (
            f"'{shown}' is too long a number ({len(node.value):,} characters): "
            "write a figure of at most 15 digits"
        )
    elif node.tag not in loader.yaml_constructors:
        return f"the tag '{tag}' is not one this file may use: remove it"
    else:
        return f"'{shown}' cannot be read as {kind}: remove the '{tag}' tag"


_UNBUILT = object()
_PLAIN_COLLECTIONS = frozenset((_STANDARD + "map", _STANDARD + "seq"))
# What the standard tags that findings have no use for make, and what to write instead.
_TAGS_REFUSED = {
    "binary": ("binary data", "the text itself"),
    "set": ("a set", "a list, each entry starting with '- '"),
    "omap": ("an ordered mapping", "the keys as an ordinary mapping"),
    "pairs": ("a list of pairs", "the keys as an ordinary mapping"),
}


def _tag_refused(tag: str) -> str:
    shown = "!!" + tag.removeprefix(_STANDARD) if tag.startswith(_STANDARD) else tag
    made = _TAGS_REFUSED.get(tag.removeprefix(_STANDARD)) if tag.startswith(_STANDARD) else None
    if made is None:
        return f"the tag '{shown}' is not one this file may use: remove it"
    what, instead = made
    return (
        f"the tag '{shown}' makes {what}, which a findings file has no use for: remove "
        f"it and write {instead}"
    )


def _written_in(node: yaml.Node, doc: Document) -> bool:
    """Whether the scalar's own lines hold a bidirectional control as written (reported,
    at its place, before parsing)."""
    first, last = node.start_mark.line, node.end_mark.line
    return any(BIDI_CONTROLS.search(line) for line in doc.lines[first : last + 1])


def _comment_follows(node: yaml.Node, lines: list[str]) -> bool:
    end = node.end_mark
    if end.line >= len(lines) or node.start_mark.line != end.line:
        return False
    # Matched in place: slicing the rest of the line for each value would cost the
    # square of a long line of values ("[a, b, c, ...]").
    return _COMMENT_NEXT.match(lines[end.line], end.column) is not None


_COMMENT_NEXT = re.compile(r"\s*#")


def _mark(path: str, mark: Marked | None) -> Position:
    if mark is None:
        return Position(path)
    return Position(path, mark.line + 1, mark.column + 1)


def written_at(doc: Document, path: KeyPath, target: str, line: int = 0) -> Position:
    """Where ``target`` on ``line`` of a value's text is written. In a block scalar ('|'
    or '>') that line is counted from the line after its indicator (a folded scalar may
    have joined lines, so the search goes on down the block); elsewhere ``target`` is
    looked for on the value's first line."""
    start = doc.at(path)
    if not 0 < start.line <= len(doc.lines):
        return start
    first = doc.lines[start.line - 1]
    if first[start.column - 1 : start.column] not in ("|", ">"):
        column = first.find(target, start.column - 1)
        return start if column < 0 else Position(start.path, start.line, column + 1)
    body = start.line + 1  # 1-based line of the block's first line of text
    indent = next(
        (len(text) - len(text.lstrip(" ")) for text in doc.lines[body - 1 :] if text.strip()), 0
    )
    for number in range(body + line, len(doc.lines) + 1):
        text = doc.lines[number - 1]
        if text.strip() and len(text) - len(text.lstrip(" ")) < indent:
            break
        column = text.find(target)
        if column >= 0:
            return Position(start.path, number, column + 1)
    return Position(start.path, min(body + line, len(doc.lines)), indent + 1)
