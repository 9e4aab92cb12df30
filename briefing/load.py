"""Load: read findings.yaml into plain data, remembering where every node sits.

PyYAML's composer keeps a ``start_mark`` on each node; we walk the node graph ourselves
so that every value can be traced back to its line and column, and so that duplicate
keys (which ``safe_load`` silently lets the last one win) become errors.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import Position, Problems

KeyPath = tuple[str | int, ...]


@dataclass
class Document:
    """The findings as plain Python data plus the position of every node in them."""

    path: str
    """The findings file as the user named it (used in messages)."""
    data: Any
    """Mappings, lists and scalars as YAML's safe schema builds them."""
    value_positions: dict[KeyPath, Position] = field(default_factory=dict)
    key_positions: dict[KeyPath, Position] = field(default_factory=dict)

    def at(self, path: KeyPath) -> Position:
        """Where the value at ``path`` starts; falls back to its nearest present parent."""
        while path not in self.value_positions and path:
            path = path[:-1]
        return self.value_positions.get(path, Position(self.path))

    def key_at(self, path: KeyPath) -> Position:
        """Where the key of ``path`` is written (for unknown or duplicate keys)."""
        return self.key_positions.get(path) or self.at(path)


def load_findings(path: Path, shown_as: str, problems: Problems) -> Document | None:
    """Parse ``path``; on a syntax error record it and return ``None``."""
    origin = Position(shown_as)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        problems.error(origin, f"cannot read the findings file: {exc.strerror or exc}")
        return None
    except UnicodeDecodeError as exc:
        problems.error(origin, f"the file is not UTF-8 (byte {exc.start}): save it as UTF-8")
        return None
    loader = yaml.SafeLoader(text)
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        problems.error(_mark(shown_as, exc.problem_mark or exc.context_mark), _yaml_message(exc))
        return None
    finally:
        loader.dispose()
    if root is None:
        problems.error(origin, "the findings file is empty: it needs 'briefing', 'sources' "
                       "and 'claims'")
        return None
    doc = Document(shown_as, None)
    try:
        doc.data = _walk(root, (), doc, loader, problems)
    except yaml.constructor.ConstructorError as exc:
        problems.error(_mark(shown_as, exc.problem_mark), _yaml_message(exc))
        return None
    return doc


def _walk(node: yaml.Node, path: KeyPath, doc: Document, loader: yaml.SafeLoader,
          problems: Problems) -> Any:
    doc.value_positions[path] = _mark(doc.path, node.start_mark)
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                problems.error(_mark(doc.path, key_node.start_mark), "a key must be a plain word")
                continue
            key = loader.construct_object(key_node)
            if not isinstance(key, str):
                key = str(key)
            if key in result:
                first = doc.key_positions[(*path, key)]
                problems.error(_mark(doc.path, key_node.start_mark),
                               f"duplicate key '{key}' (first set on line {first.line}): "
                               "remove one of them")
                continue
            doc.key_positions[(*path, key)] = _mark(doc.path, key_node.start_mark)
            result[key] = _walk(value_node, (*path, key), doc, loader, problems)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_walk(item, (*path, i), doc, loader, problems) for i, item in enumerate(node.value)]
    return loader.construct_object(node, deep=True)


def _mark(path: str, mark: yaml.Mark | None) -> Position:
    if mark is None:
        return Position(path)
    return Position(path, mark.line + 1, mark.column + 1)


def _yaml_message(exc: yaml.MarkedYAMLError) -> str:
    parts = [p for p in (exc.context, exc.problem) if p]
    message = "invalid YAML: " + ", ".join(parts)
    if "\t" in (exc.problem or "") or "\\t" in (exc.problem or ""):
        message += " (indent with spaces, not tabs)"
    elif exc.problem and "mapping values are not allowed" in exc.problem:
        message += " (a value containing ': ' must be quoted)"
    else:
        message += " (check the indentation and quoting here)"
    return message
