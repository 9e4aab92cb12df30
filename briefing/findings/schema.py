"""Schema: findings.schema.json, generated from the model for editors and other tools, and
the field docstrings the key reference in docs/ is made of.

Refresh it with ``python -m briefing.findings.schema > findings.schema.json``; a test fails when
the committed file and the model disagree. Nothing here runs in a build.
"""

from __future__ import annotations

import ast
import datetime as dt
import inspect
import itertools
import json
import textwrap
import types
import typing
from typing import Any, Literal, get_args, get_origin

from . import typed
from .model import Findings

_TIMED_PATTERN = r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$"


def schema_text() -> str:
    schema = json_schema(Findings, "findings.yaml")
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def docstrings(cls: type) -> dict[str, str]:
    """Each field's docstring: the string literal right below its annotation."""
    tree = ast.parse(textwrap.dedent(inspect.getsource(cls)))
    body = tree.body[0].body  # type: ignore[attr-defined]
    found = {}
    for node, after in itertools.pairwise(body):
        if (
            isinstance(node, ast.AnnAssign)
            and isinstance(node.target, ast.Name)
            and isinstance(after, ast.Expr)
            and isinstance(after.value, ast.Constant)
            and isinstance(after.value.value, str)
        ):
            found[node.target.id] = inspect.cleandoc(after.value.value)
    return found


def json_schema(cls: type, title: str) -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) of ``cls``, with a ``$defs`` entry per nested record."""
    defs: dict[str, Any] = {}
    root = _object_schema(cls, defs)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": title,
        **root,
        "$defs": dict(sorted(defs.items())),
    }


def _object_schema(cls: type, defs: dict[str, Any]) -> dict[str, Any]:
    docs = docstrings(cls)
    defaults = cls._field_defaults  # type: ignore[attr-defined]
    properties = {}
    for f in typed.fields(cls):
        schema = _schema(f.annotation, defs)
        if f.name in docs:
            schema = {**schema, "description": docs[f.name]}
        if defaults.get(f.name) not in (None, ()):
            schema["default"] = typed.dump(defaults[f.name])
        properties[f.name] = schema
    required = [f.name for f in typed.fields(cls) if f.required]
    out: dict[str, Any] = {
        "type": "object",
        "description": inspect.cleandoc(cls.__doc__ or ""),
        "properties": properties,
        "additionalProperties": False,
    }
    if required:
        out["required"] = required
    return out


def _schema(annotation: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = get_origin(annotation)
    if origin is typing.Annotated:
        inner, *marks = get_args(annotation)
        schema = dict(_schema(inner, defs))
        for mark in marks:
            if isinstance(mark, typed.Check) and mark.json_type:
                schema["type"] = mark.json_type
            elif isinstance(mark, typed.Pattern):
                schema["pattern"] = mark.regex
            elif isinstance(mark, typed.MaxLen):
                schema["maxLength"] = mark.length
            elif isinstance(mark, typed.Timed):
                schema = {"type": "string", "pattern": _TIMED_PATTERN}
            elif isinstance(mark, typed.MinLen):
                schema["minItems" if schema.get("type") == "array" else "minLength"] = mark.length
        return schema
    if origin in (types.UnionType, typing.Union):
        members = [_schema(m, defs) for m in get_args(annotation)]
        return {"anyOf": members}
    if origin is Literal:
        return {"enum": list(get_args(annotation))}
    if origin is tuple:
        return {"type": "array", "items": _schema(get_args(annotation)[0], defs)}
    if typed.is_record(annotation):
        if annotation.__name__ not in defs:
            defs[annotation.__name__] = {}  # reserved first: a record may nest itself
            defs[annotation.__name__] = _object_schema(annotation, defs)
        return {"$ref": f"#/$defs/{annotation.__name__}"}
    if annotation is type(None):
        return {"type": "null"}
    if annotation is dt.date:
        return {"type": "string", "format": "date"}
    return {str: {"type": "string"}, int: {"type": "integer"}, float: {"type": "number"}}[
        annotation
    ]


if __name__ == "__main__":
    print(schema_text(), end="")
