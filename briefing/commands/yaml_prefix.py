"""Read a YAML mapping's top-level values up to one key without composing the rest of
the file.

The commands that edit findings.yaml as text (add-source) need the node of ``sources:``
with its marks; find needs the findings only as far as the end of that list. Composing
the whole file for it costs as much as the claims that follow, tens of seconds for ten
thousand of them in PyYAML's pure-Python parser; here libyaml parses, PyYAML's composer
builds the nodes, and the reading stops once the key wanted has its value.
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.composer import Composer
from yaml.resolver import Resolver

_Parser: Any
try:
    from yaml._yaml import CParser as _Parser
except ImportError:  # PyYAML built without libyaml
    _Parser = None


def _loader_class() -> Any:
    """libyaml's event parser under PyYAML's composer; the pure-Python one without it."""
    if _Parser is None:
        return yaml.SafeLoader

    class _PrefixLoader(_Parser, Composer, Resolver):  # type: ignore[misc]
        def __init__(self, text: str) -> None:
            _Parser.__init__(self, text)
            Composer.__init__(self)
            Resolver.__init__(self)

    return _PrefixLoader


_LOADER = _loader_class()


def top_level_value(text: str, key: str) -> yaml.Node | None:
    """The node of ``key`` in the document's top-level mapping, composed from the events
    up to its end; None when the document is not a mapping or has no such key. Raises
    yaml.YAMLError for text that is not YAML up to there."""
    head = top_level_through(text, key)
    return head.value[-1][1] if head is not None else None


def top_level_through(text: str, key: str) -> yaml.MappingNode | None:
    """The document's top-level mapping as far as ``key``: a mapping node of its pairs up
    to and including that key's, ending where that value ends; None when the document is
    not a mapping or has no such key. Raises yaml.YAMLError for text that is not YAML up
    to there."""
    loader = _LOADER(text)
    try:
        loader.get_event()  # stream start
        if loader.check_event(yaml.StreamEndEvent):
            return None
        loader.get_event()  # document start
        if not loader.check_event(yaml.MappingStartEvent):
            return None
        start = loader.get_event()
        pairs: list[tuple[yaml.Node, yaml.Node]] = []
        while not loader.check_event(yaml.MappingEndEvent):
            name = loader.compose_node(None, None)
            value = loader.compose_node(name, None)
            pairs.append((name, value))
            if isinstance(name, yaml.ScalarNode) and name.value == key:
                tag = start.tag if start.tag not in (None, "!") else _MAP
                return yaml.MappingNode(tag, pairs, start.start_mark, value.end_mark)
        return None
    finally:
        loader.dispose()


_MAP = "tag:yaml.org,2002:map"
