"""Unreadable findings: why a findings file cannot be read, said where it went wrong.

Before parsing: nesting deeper than :data:`MAX_DEPTH` (by brackets or indentation) and
characters that reorder how text is shown. After a parse fails: the bracket or quote that
was never closed, and the parser's message in an analyst's words. After the walk stops:
the alias that repeats a value without end, too deep or too often (:data:`MAX_ALIASED`).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import yaml

from ..errors import Position, Problems, line_column
from .sources import BIDI_CONTROLS

# How many values YAML aliases may repeat in all: far more than a findings file that
# names a repeated value once has use for, and few enough that walking them stays quick
# and small (a "billion laughs" file repeats values without end).
MAX_ALIASED = 100_000

# Deeper than any findings file needs, shallow enough for the parsers' recursion (the C
# parser crashes the process on 50,000 nested brackets; Python's stops at 1,000 frames).
MAX_DEPTH = 100
# Brackets, and what hides them: quoted values (a quote opens one only where a value can
# start) and comments.
_BRACKETS = re.compile(
    r"""[\[\]{}]|(?<![^\s\[{,:])(?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*')"""
    r"|(?<!\S)#[^\n]*"
)
_LINE_LEAD = re.compile(r"^[ -]*", re.MULTILINE)


def too_deep(text: str) -> tuple[int, int] | None:
    """Where the text first nests more than MAX_DEPTH levels, by brackets or by
    indentation, found without parsing it; None when it does not."""
    if (
        text.count("[") + text.count("{") <= MAX_DEPTH
        and max(map(len, _LINE_LEAD.findall(text)), default=0) < MAX_DEPTH
    ):
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


def unclosed(text: str, exc: yaml.MarkedYAMLError) -> tuple[yaml.Mark, str] | None:
    """The opening of a bracket or a quoted value that the error suggests was never closed:
    YAML reads on past the line, so the error itself shows up lines later."""
    mark = exc.problem_mark or exc.context_mark
    error_line = mark.line if mark else 0
    if "while scanning a quoted scalar" in (exc.context or "") and exc.context_mark:
        return exc.context_mark, ("this quoted value is never closed: add its closing quote mark")
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
            elif (
                isinstance(token, yaml.ScalarToken)
                and token.style in ('"', "'")
                and token.end_mark.line > token.start_mark.line
            ):
                last_quoted = token
    except yaml.YAMLError:
        pass
    finally:
        scanner.dispose()
    if opened and opened[-1].start_mark.line < error_line:
        bracket = "[" if isinstance(opened[-1], yaml.FlowSequenceStartToken) else "{"
        closer = "]" if bracket == "[" else "}"
        return opened[-1].start_mark, (
            f"the '{bracket}' opened here is never closed: add "
            f"the '{closer}' at the end of its list"
        )
    if last_quoted is not None and last_quoted.end_mark.line >= error_line - 1:
        return last_quoted.start_mark, (
            f"the quoted value that opens here runs on to line {last_quoted.end_mark.line + 1}"
            f": its closing quote mark is probably missing"
        )
    return None


def culprit_alias(text: str) -> tuple[Any, str] | None:
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


def yaml_message(exc: yaml.MarkedYAMLError) -> str:
    problem = exc.problem or ""
    mark = exc.problem_mark
    if "\t" in problem or "\\t" in problem:
        before = mark.buffer[: mark.pointer].rsplit("\n", 1)[-1] if mark and mark.buffer else ""
        if before.strip():
            return "a tab character inside a value: replace it with a space"
        return "a tab in the indentation: indent with spaces only"
    if "mapping values are not allowed" in problem:
        return (
            "unexpected ':' here: quote the value if it contains ': ', or check that this "
            "line is not indented deeper than the keys above it"
        )
    if "expected <block end>" in problem or "did not find expected key" in problem:
        return (
            "this line's indentation does not match the lines above it: align it with "
            "the other keys of the same entry"
        )
    if "found duplicate anchor" in problem or "found undefined alias" in problem:
        return f"invalid YAML: {problem}"
    if "found unexpected end of stream" in problem or "while scanning a quoted" in (
        exc.context or ""
    ):
        return "a quoted value is not closed: add the closing quote mark"
    parts = [p for p in (exc.context, problem) if p]
    return "invalid YAML: " + ", ".join(parts) + " (check the indentation and quoting here)"


def refuse_bidi_controls(text: str, shown_as: str, problems: Problems) -> None:
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
    problems.error(Position(shown_as, line, column), bidi_message(found.group()) + more)


def bidi_message(char: str) -> str:
    name = unicodedata.name(char, "a bidirectional control").lower()
    return (
        f"the invisible character U+{ord(char):04X} ({name}) changes the order in "
        "which the text around it is shown, so it would read differently from what it "
        "says: delete it"
    )
