"""Load: read findings.yaml into plain data, remembering where every node sits.

PyYAML's composer keeps a ``start_mark`` on each node; we walk the node graph ourselves
so that every value can be traced back to its line and column, and so that duplicate
keys (which ``safe_load`` silently lets the last one win) become errors.
"""

from __future__ import annotations

import contextlib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..errors import Position, Problems, line_column
from .numbers import with_decimals
from .sources import BIDI_CONTROLS, SourceReadError, read_regular

KeyPath = tuple[str | int, ...]


@dataclass(eq=False)
class Document:
    """The findings as plain Python data plus the position of every node in them."""

    path: str
    """The findings file as the user named it (used in messages)."""
    data: Any
    """Mappings, lists and scalars as YAML's safe schema builds them."""
    value_positions: dict[KeyPath, yaml.Mark] = field(default_factory=dict)
    """Where each value starts, as the parser marked it (0-based; ``at`` makes a Position)."""
    key_positions: dict[KeyPath, yaml.Mark] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)
    """The file's lines, to look at what a value's line holds besides the value."""
    unreadable: set[KeyPath] = field(default_factory=set)
    """Values already reported as unreadable (an impossible date), not to report twice."""
    commented: set[KeyPath] = field(default_factory=set)
    """Unquoted values followed by a '#' comment on the same line."""
    invalid_ids: set[tuple[str, str]] = field(default_factory=set)
    """(section, id) of entries that failed validation, so references to them still resolve."""
    walked: set[int] = field(default_factory=set, repr=False)
    """The collection nodes met so far while loading (a node met again came by an alias)."""
    aliased: int = 0
    """How many values the loading has walked through aliases."""

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


def load_findings(path: Path, shown_as: str, problems: Problems) -> Document | None:
    """Parse ``path``; on a syntax error record it and return ``None``."""
    origin = Position(shown_as)
    try:
        text = read_regular(path, advice=": split the sources' texts out of it").decode(
            "utf-8-sig")
    except SourceReadError as exc:
        problems.error(origin, f"the findings file {exc}")
        return None
    except UnicodeDecodeError as exc:
        good = exc.object[:exc.start].decode("utf-8", errors="replace")
        line, column = line_column(good, len(good))
        problems.error(Position(shown_as, line, column), "this character is not UTF-8: save "
                       "the file as UTF-8")
        return None
    _refuse_bidi_controls(text, shown_as, problems)
    too_deep = _too_deep(text)
    if too_deep:
        line, column = too_deep
        problems.error(Position(shown_as, line, column), f"the findings nest more than "
                       f"{MAX_DEPTH} levels deep here: no findings file needs that; check "
                       "for unclosed brackets or runaway indentation")
        return None
    root, loader = _compose_fast(text)
    if loader is not None:
        return _document(root, loader, shown_as, text, problems)
    try:
        # The pure-Python parser, for its messages: libyaml words errors differently.
        loader = yaml.SafeLoader(text)
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        opened = _unclosed(text, exc)
        if opened:
            mark, message = opened
            problems.error(_mark(shown_as, mark), message)
        else:
            problems.error(_mark(shown_as, exc.problem_mark or exc.context_mark),
                           _yaml_message(exc))
        return None
    except yaml.reader.ReaderError as exc:
        line, column = line_column(text, exc.position)
        code = exc.character if isinstance(exc.character, int) else ord(exc.character)
        problems.error(Position(shown_as, line, column), f"the control character U+{code:04X} "
                       "is not allowed in YAML: delete it")
        return None
    except RecursionError:
        problems.error(origin, "the findings are nested too deeply to read")
        return None
    finally:
        if loader is not None:
            loader.dispose()
    return _document(root, loader, shown_as, text, problems)


def _refuse_bidi_controls(text: str, shown_as: str, problems: Problems) -> None:
    """An error at the first character that reorders how text is shown, with a count of
    the others: findings hold the analyst's words, which never need one, and on the page
    one would make the words read differently from what they are ("\u202edeined" shows
    as "denied")."""
    if text.isascii():
        return
    found = BIDI_CONTROLS.search(text)
    if found is None:
        return
    line, column = line_column(text, found.start())
    others = len(BIDI_CONTROLS.findall(text, found.end()))
    more = f" (and {others:,} more in this file)" if others else ""
    problems.error(Position(shown_as, line, column), _bidi_message(found.group()) + more)


def _bidi_message(char: str) -> str:
    name = unicodedata.name(char, "a bidirectional control").lower()
    return (f"the invisible character U+{ord(char):04X} ({name}) changes the order in "
            "which the text around it is shown, so it would read differently from what it "
            "says: delete it")


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


def _document(root: yaml.Node | None, loader: Any, shown_as: str, text: str,
              problems: Problems) -> Document | None:
    origin = Position(shown_as)
    if root is None:
        problems.error(origin, "the findings file is empty: it needs 'briefing', 'sources' "
                       "and 'claims'")
        return None
    doc = Document(shown_as, None, lines=text.splitlines())
    try:
        doc.data = _walk(root, (), doc, loader, problems)
    except yaml.constructor.ConstructorError as exc:
        problems.error(_mark(shown_as, exc.problem_mark), _yaml_message(exc))
        return None
    except _AliasTrouble as exc:
        problems.error(*_alias_problem(text, exc, shown_as))
        return None
    return doc


# How many values YAML aliases may repeat in all: far more than a findings file that
# names a repeated value once has use for, and few enough that walking them stays quick
# and small (a "billion laughs" file repeats values without end).
MAX_ALIASED = 100_000
_STANDARD = "tag:yaml.org,2002:"
# What a "\ud800" escape in a quoted value leaves: no character, and nothing UTF-8 can write.
_SURROGATE = re.compile("[\ud800-\udfff]")
_STR = _STANDARD + "str"
_FLOAT = _STANDARD + "float"
# Deeper than any findings file needs, shallow enough for the parsers' recursion (the C
# parser crashes the process on 50,000 nested brackets; Python's stops at 1,000 frames).
MAX_DEPTH = 100
# Brackets, and what hides them: quoted values (a quote opens one only where a value can
# start) and comments.
_BRACKETS = re.compile(r"""[\[\]{}]|(?<![^\s\[{,:])(?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*')"""
                       r"|(?<!\S)#[^\n]*")


_LINE_LEAD = re.compile(r"^[ -]*", re.MULTILINE)


def _too_deep(text: str) -> tuple[int, int] | None:
    """Where the text first nests more than MAX_DEPTH levels, by brackets or by
    indentation, found without parsing it; None when it does not."""
    if text.count("[") + text.count("{") <= MAX_DEPTH and \
            max(map(len, _LINE_LEAD.findall(text)), default=0) < MAX_DEPTH:
        return None  # too few brackets, and too little indentation, to nest that deep
    depth = 0
    for match in _BRACKETS.finditer(text):
        ch = match.group()
        if ch in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return line_column(text, match.start())
        elif ch in "]}":
            depth = max(0, depth - 1)
    levels: list[int] = []
    for number, line in enumerate(text.split("\n"), start=1):
        body = line.lstrip(" ")
        if body and not body.startswith("#"):
            indent = len(line) - len(body)
            # "- - - x" opens a level per dash on one line.
            dashes = len(re.match(r"(?:-[ ]+)*", body).group().split("-")) - 1  # type: ignore[union-attr]
            while levels and levels[-1] >= indent:
                levels.pop()
            levels.append(indent)
            if len(levels) + dashes > MAX_DEPTH:
                return number, indent + 1
    return None


def _unclosed(text: str, exc: yaml.MarkedYAMLError) -> tuple[yaml.Mark, str] | None:
    """The opening of a bracket or a quoted value that the error suggests was never closed:
    YAML reads on past the line, so the error itself shows up lines later."""
    mark = exc.problem_mark or exc.context_mark
    error_line = mark.line if mark else 0
    if "while scanning a quoted scalar" in (exc.context or "") and exc.context_mark:
        return exc.context_mark, ("this quoted value is never closed: add its closing quote "
                                  "mark")
    opened: list[yaml.Token] = []
    last_quoted: yaml.ScalarToken | None = None
    scanner = yaml.SafeLoader(text)
    try:
        while True:
            token = scanner.get_token()  # type: ignore[no-untyped-call]
            if token is None or isinstance(token, yaml.StreamEndToken):
                break
            if isinstance(token, yaml.FlowSequenceStartToken | yaml.FlowMappingStartToken):
                opened.append(token)
            elif isinstance(token, yaml.FlowSequenceEndToken | yaml.FlowMappingEndToken):
                if opened:
                    opened.pop()
            elif (isinstance(token, yaml.ScalarToken) and token.style in ('"', "'")
                  and token.end_mark.line > token.start_mark.line):
                last_quoted = token
    except yaml.YAMLError:
        pass
    finally:
        scanner.dispose()
    if opened and opened[-1].start_mark.line < error_line:
        bracket = "[" if isinstance(opened[-1], yaml.FlowSequenceStartToken) else "{"
        closer = "]" if bracket == "[" else "}"
        return opened[-1].start_mark, (f"the '{bracket}' opened here is never closed: add "
                                       f"the '{closer}' at the end of its list")
    if last_quoted is not None and last_quoted.end_mark.line >= error_line - 1:
        return last_quoted.start_mark, (
            f"the quoted value that opens here runs on to line {last_quoted.end_mark.line + 1}"
            f": its closing quote mark is probably missing")
    return None


class _AliasTrouble(Exception):
    """The walk went deeper than MAX_DEPTH, or repeated more than MAX_ALIASED values
    through aliases; ``node`` is where it noticed."""

    def __init__(self, node: yaml.Node) -> None:
        super().__init__()
        self.node = node


def _walk(node: yaml.Node, path: KeyPath, doc: Document, loader: yaml.SafeLoader,
          problems: Problems, aliased: bool = False) -> Any:
    # The text was checked for nesting before parsing, but an alias repeats a whole value
    # wherever it stands: depth and size are counted again here, through aliases.
    if len(path) > MAX_DEPTH:
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
                problems.error(_mark(doc.path, key_node.start_mark), "a key must be a plain "
                               "word, not a list or a mapping: write the key as a word")
                continue
            if key_node.tag.endswith(":merge"):
                problems.error(_mark(doc.path, key_node.start_mark), "a key must be a plain "
                               "word (merge keys '<<' are not supported: write the keys out)")
                continue
            if _SURROGATE.search(key_node.value):
                problems.error(_mark(doc.path, key_node.start_mark), "a key must be a plain "
                               "word: this one holds half of a surrogate pair")
                continue
            key = key_node.value  # as written: "null" or "2024-01-01" as a key stays text
            if key in result:
                first = doc.key_at((*path, key))
                problems.error(_mark(doc.path, key_node.start_mark),
                               f"duplicate key '{key}' (first set on line {first.line}): "
                               "remove one of them")
                continue
            doc.key_positions[(*path, key)] = key_node.start_mark
            result[key] = _walk(value_node, (*path, key), doc, loader, problems, aliased)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_walk(item, (*path, i), doc, loader, problems, aliased)
                for i, item in enumerate(node.value)]
    half = None if node.value.isascii() else _SURROGATE.search(node.value)
    if half:
        with contextlib.suppress(UnicodeError):  # "\ud83d\ude00", as JSON writes 😀
            node.value = node.value.encode("utf-16-le", "surrogatepass").decode("utf-16-le")
            half = None
    if half:
        problems.error(_mark(doc.path, node.start_mark), f"the escape "
                       f"'\\u{ord(half.group()):04x}' is half of a surrogate pair, not a "
                       "character: write the character itself, or its '\\U' escape")
        doc.unreadable.add(path)
        return node.value.encode("utf-8", "replace").decode("utf-8")
    control = None if node.value.isascii() else BIDI_CONTROLS.search(node.value)
    if control and getattr(node, "style", None) == '"' and not _written_in(node, doc):
        # Made by an escape such as "\u202e": the text itself holds none to point at.
        problems.error(_mark(doc.path, node.start_mark), _bidi_message(control.group()))
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
    culprit = _culprit_alias(text)
    if culprit is None:
        return _mark(shown_as, trouble.node.start_mark), (
            f"the findings nest more than {MAX_DEPTH} levels deep here: no findings file "
            "needs that; check for unclosed brackets or runaway indentation")
    mark, why = culprit
    return _mark(shown_as, mark), {
        "inside": "this alias repeats the value it stands in, which would repeat itself "
                  "without end: write the value out plainly",
        "deep": f"through this alias the findings nest more than {MAX_DEPTH} levels deep "
                "(the value it repeats holds aliases in turn): write the values out plainly",
        "large": f"with this alias, YAML aliases repeat more than {MAX_ALIASED:,} values in "
                 "all: write the values out plainly",
    }[why]


def _culprit_alias(text: str) -> tuple[Any, str] | None:
    """The first alias, in the order written, that repeats the value it stands in, takes
    the nesting past MAX_DEPTH, or the values repeated through aliases past MAX_ALIASED;
    None when no alias does. Works from the parser's events, keeping for each anchor the
    depth and the number of values of what it names, so nothing is expanded."""
    parser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(text)
    named: dict[str, tuple[int, int]] = {}  # anchor -> (levels below it, values in it)
    open_: list[list[Any]] = []  # per open collection: [anchor, levels below, values]
    repeated = 0
    try:
        while True:
            event = parser.get_event()
            if event is None or isinstance(event, yaml.StreamEndEvent):
                return None
            if isinstance(event, yaml.CollectionStartEvent):
                open_.append([event.anchor, 0, 1])
                continue
            if isinstance(event, yaml.CollectionEndEvent):
                anchor, below, values = open_.pop()
                levels = below + 1 if values > 1 else 0
            elif isinstance(event, yaml.ScalarEvent):
                anchor, levels, values = event.anchor, 0, 1
            elif isinstance(event, yaml.AliasEvent):
                if event.anchor not in named:
                    return event.start_mark, "inside"
                anchor = None
                levels, values = named[event.anchor]
                if len(open_) + levels > MAX_DEPTH:
                    return event.start_mark, "deep"
                repeated += values
                if repeated > MAX_ALIASED:
                    return event.start_mark, "large"
            else:
                continue
            if anchor is not None:
                named[anchor] = (levels, min(values, MAX_ALIASED + 1))
            if open_:
                open_[-1][1] = max(open_[-1][1], levels)
                open_[-1][2] = min(open_[-1][2] + values, MAX_ALIASED + 1)
    except yaml.YAMLError:
        return None
    finally:
        parser.dispose()


def _unbuilt_message(node: yaml.Node, loader: Any) -> str:
    """Why a tagged value could not be built, and what to do about it."""
    # A value its tag cannot build: 2024-11-31 (no such day), '!!int two', '!!bool
    # maybe', '!!float ""' (PyYAML fails on these in many ways), a 5,000-digit number.
    kind = node.tag.rsplit(":", 1)[-1]
    tag = "!!" + node.tag.removeprefix(_STANDARD) if node.tag.startswith(_STANDARD) \
        else node.tag
    implicit = loader.resolve(yaml.ScalarNode, node.value, (True, False)) == node.tag
    shown = node.value if len(node.value) <= 40 else node.value[:37] + "..."
    if node.tag.endswith(":timestamp"):
        return (f"'{shown}' is not a real date: check the day and the month "
                   "(YYYY-MM-DD)")
    elif implicit and kind in ("int", "float"):
        return (f"'{shown}' is too long a number ({len(node.value):,} characters): "
                   "write a figure of at most 15 digits")
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
    made = _TAGS_REFUSED.get(tag.removeprefix(_STANDARD)) if tag.startswith(_STANDARD) \
        else None
    if made is None:
        return f"the tag '{shown}' is not one this file may use: remove it"
    what, instead = made
    return (f"the tag '{shown}' makes {what}, which a findings file has no use for: remove "
            f"it and write {instead}")


def _written_in(node: yaml.Node, doc: Document) -> bool:
    """Whether the scalar's own lines hold a bidirectional control as written (reported,
    at its place, before parsing)."""
    first, last = node.start_mark.line, node.end_mark.line
    return any(BIDI_CONTROLS.search(line) for line in doc.lines[first:last + 1])


def _comment_follows(node: yaml.Node, lines: list[str]) -> bool:
    end = node.end_mark
    if end.line >= len(lines) or node.start_mark.line != end.line:
        return False
    # Matched in place: slicing the rest of the line for each value would cost the
    # square of a long line of values ("[a, b, c, ...]").
    return _COMMENT_NEXT.match(lines[end.line], end.column) is not None


_COMMENT_NEXT = re.compile(r"\s*#")


def _mark(path: str, mark: yaml.Mark | None) -> Position:
    if mark is None:
        return Position(path)
    return Position(path, mark.line + 1, mark.column + 1)


def _yaml_message(exc: yaml.MarkedYAMLError) -> str:
    problem = exc.problem or ""
    mark = exc.problem_mark
    if "\t" in problem or "\\t" in problem:
        before = mark.buffer[:mark.pointer].rsplit("\n", 1)[-1] if mark and mark.buffer else ""
        if before.strip():
            return "a tab character inside a value: replace it with a space"
        return "a tab in the indentation: indent with spaces only"
    if "mapping values are not allowed" in problem:
        return ("unexpected ':' here: quote the value if it contains ': ', or check that this "
                "line is not indented deeper than the keys above it")
    if "expected <block end>" in problem or "did not find expected key" in problem:
        return ("this line's indentation does not match the lines above it: align it with "
                "the other keys of the same entry")
    if "found duplicate anchor" in problem or "found undefined alias" in problem:
        return f"invalid YAML: {problem}"
    if "found unexpected end of stream" in problem or "while scanning a quoted" in (
            exc.context or ""):
        return "a quoted value is not closed: add the closing quote mark"
    parts = [p for p in (exc.context, problem) if p]
    return "invalid YAML: " + ", ".join(parts) + " (check the indentation and quoting here)"


def written_at(doc: Document, path: KeyPath, target: str, line: int = 0) -> Position:
    """Where ``target`` on ``line`` of a value's text is written. In a block scalar ('|'
    or '>') that line is counted from the line after its indicator (a folded scalar may
    have joined lines, so the search goes on down the block); elsewhere ``target`` is
    looked for on the value's first line."""
    start = doc.at(path)
    if not 0 < start.line <= len(doc.lines):
        return start
    first = doc.lines[start.line - 1]
    if first[start.column - 1:start.column] not in ("|", ">"):
        column = first.find(target, start.column - 1)
        return start if column < 0 else Position(start.path, start.line, column + 1)
    body = start.line + 1  # 1-based line of the block's first line of text
    indent = next((len(text) - len(text.lstrip(" ")) for text in doc.lines[body - 1:]
                   if text.strip()), 0)
    for number in range(body + line, len(doc.lines) + 1):
        text = doc.lines[number - 1]
        if text.strip() and len(text) - len(text.lstrip(" ")) < indent:
            break
        column = text.find(target)
        if column >= 0:
            return Position(start.path, number, column + 1)
    return Position(start.path, min(body + line, len(doc.lines)), indent + 1)
