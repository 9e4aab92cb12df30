"""Loads cleanly: whether findings.yaml certainly loads without a problem, decided from
libyaml's parse events alone, without composing nodes or walking them.

load.py builds a node for every value and walks them all to record where each one sits:
for ten thousand claims that takes seconds, and a command that only needs to know that
the file loads (add-source, which refuses what the build refuses) has no use for the
positions. This module reads the same text with the same parser and says True only
when nothing load.py refuses can be there; False means "not
certain", never "broken": the caller then loads the file in full, which says what is
wrong and where.

Whatever load.py refuses is either looked for here or makes the answer False:
characters that reorder text, nesting past MAX_DEPTH (counted on the events, which
libyaml gives without recursing, so no depth of brackets can crash it here, unlike the
composing that load.py guards with a look at the text first), any syntax error, any anchor,
alias or explicit tag (so the alias limits of load.py apply, in load.py), more than one
document, a key that is not a plain word or is written twice, a merge key, half of a
surrogate pair, and a value its implicit type cannot build (a 31st of November, a
number too long to read).
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.resolver import Resolver

from .sources import BIDI_CONTROLS
from .unreadable import MAX_DEPTH, too_deep

_Parser: Any
try:
    from yaml._yaml import CParser as _Parser
except ImportError:  # PyYAML built without libyaml: the full load is the only reading
    _Parser = None

_STR = "tag:yaml.org,2002:str"
# The first characters of a plain value that some implicit type other than text may
# claim (a date, a number, a boolean, null); any other plain value is text.
_TYPED_FIRST = frozenset(Resolver.yaml_implicit_resolvers)


def loads_cleanly(text: str) -> bool:
    """True when load.py would load ``text`` (as read: libyaml skips a BOM as load.py's
    decoding does) without an error; False when it would not, or when this reading
    cannot tell."""
    if _Parser is None:
        return False
    if not text.isascii() and BIDI_CONTROLS.search(text):
        return False
    # load.py refuses, before parsing, text whose brackets or indentation look nested
    # too deep, though inside a value they nest nothing: the same text is refused here.
    if too_deep(text) is not None:
        return False
    parser = _Parser(text)
    try:
        return _events_clean(parser)
    except (yaml.YAMLError, RecursionError):
        return False
    finally:
        parser.dispose()


class _Values:
    """The implicit types of plain values, resolved and built as load.py's loader does;
    each value is built once however often it is written (a credibility of 3, ten
    thousand times)."""

    def __init__(self) -> None:
        self.resolver = Resolver()
        self.constructor = SafeConstructor()
        self.verdicts: dict[str, bool] = {}

    def build(self, value: str) -> bool:
        """Whether the plain scalar ``value``, whose first character some type other than
        text may claim, builds as the type it resolves to."""
        verdict = self.verdicts.get(value)
        if verdict is None:
            verdict = self.verdicts[value] = self._builds(value)
        return verdict

    def _builds(self, value: str) -> bool:
        tag = self.resolver.resolve(yaml.ScalarNode, value, (True, False))  # type: ignore[no-untyped-call]
        if tag == _STR:
            return True
        node = yaml.ScalarNode(tag, value)
        try:
            self.constructor.construct_object(node, deep=True)
        except Exception:  # what PyYAML raises for an unbuildable value varies by type
            return False
        finally:
            self.constructor.constructed_objects.pop(node, None)
        return True


def _events_clean(parser: Any) -> bool:
    """Whether the event stream is one document, a mapping at its root, holding nothing
    load.py refuses (see the module's docstring)."""
    get = parser.get_event
    get()  # stream start
    if type(get()) is not yaml.DocumentStartEvent or type(parser.peek_event()) is not _MAP:
        return False  # an empty file, or findings that are not a mapping
    build = _Values().build
    # Of the innermost collection: the keys met so far (None in a list), and whether its
    # next node is a key; the same of the collections around it, on the stack.
    seen: set[str] | None = None
    expect_key = False
    stack: list[tuple[set[str] | None, bool]] = []
    while True:
        event = get()
        kind = type(event)
        if kind is _SCALAR:
            if event.anchor is not None or event.tag is not None:
                return False
            value = event.value
            if not value.isascii() and not _plain_text(value):
                return False
            if expect_key:
                if value in seen or (value == "<<" and event.implicit[0]):  # type: ignore[operator]
                    return False
                seen.add(value)  # type: ignore[union-attr]
                expect_key = False
            else:
                if value[:1] in _TYPED_FIRST and event.implicit[0] and not build(value):
                    return False
                expect_key = seen is not None
        elif kind is _MAP or kind is _SEQ:
            if event.anchor is not None or event.tag is not None or expect_key:
                return False  # an anchor, a tag, or a list or a mapping as a key
            if len(stack) >= MAX_DEPTH:
                return False
            stack.append((seen, seen is not None))
            seen, expect_key = (set(), True) if kind is _MAP else (None, False)
        elif kind is _MAP_END or kind is _SEQ_END:
            seen, expect_key = stack.pop()
        elif kind is yaml.DocumentEndEvent:
            return type(get()) is yaml.StreamEndEvent  # not a second document
        else:  # an alias: its repetitions are counted by load.py's walk
            return False


_SCALAR = yaml.ScalarEvent
_MAP, _MAP_END = yaml.MappingStartEvent, yaml.MappingEndEvent
_SEQ, _SEQ_END = yaml.SequenceStartEvent, yaml.SequenceEndEvent


def _plain_text(value: str) -> bool:
    """Whether a value holding more than ASCII holds neither half of a surrogate pair
    (a lone "\\ud800" escape) nor, from an escape, a character that reorders text."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return not BIDI_CONTROLS.search(value)
