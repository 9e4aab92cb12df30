"""Conform: each record of the findings built with the model, and each complaint of
``typed.conform`` turned into one plain sentence at the YAML node it concerns.

Records are built one by one, so that one bad claim does not hide the problems of the
others, and the ids of records that fail are kept, so that references to them are not
reported as unknown as well.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, TypeVar, get_args

from ..errors import Problems, closest, did_you_mean
from . import typed
from .load import Document, KeyPath

M = TypeVar("M")

# The records each list made at the last build, by the raw entry they came from. Under
# --watch the loader hands back the very entry of a claim whose text is unchanged
# (claim_blocks.py), so its record is taken as it is; the entry is held so that its id
# cannot be another's. Only valid records are kept: building one is then pure.
_LAST_BUILT: dict[tuple[type, str], dict[int, tuple[Any, Any]]] = {}


def build_one(cls: type[M], raw: Any, path: KeyPath, doc: Document, problems: Problems) -> M | None:
    if raw is None and len(path) == 1:
        if path[0] in (doc.data or {}):
            problems.error(doc.at(path), f"'{path[0]}' is empty: give its keys")
        return None  # a missing section was reported above
    built, errors = typed.conform(cls, raw)
    if errors:
        seen: set[KeyPath] = set()
        for err in errors:
            if err["type"] == "extra_forbidden":
                # A misspelt key: "unknown key 'soruce' (did you mean 'source'?)" says it all,
                # so the "missing key 'source'" it causes is not reported again.
                owner = _owner_model(cls, _data_path(raw, err["loc"]))
                meant = closest(str(err["loc"][-1]), typed.field_names(owner) if owner else [])
                if meant:
                    seen.add(_data_path(raw, (*err["loc"][:-1], meant)))
        for err in errors:
            loc = _data_path(raw, err["loc"])
            if loc in seen or (*path, *loc) in doc.unreadable:
                continue  # a union reports once per member: one message is enough
            seen.add(loc)
            _report(err, cls, raw, path, loc, doc, problems)
    return built


def build_list(
    cls: type[M], raw: Any, key: str, doc: Document, problems: Problems
) -> list[tuple[int, M]]:
    if raw is None:
        if key in (doc.data or {}):
            problems.error(doc.at((key,)), f"'{key}' is empty: give a list of entries")
        return []
    if not isinstance(raw, list):
        problems.error(doc.at((key,)), f"'{key}' must be a list (each entry starts with '- ')")
        return []
    built = []
    last = _LAST_BUILT.get((cls, key), {})
    kept: dict[int, tuple[Any, Any]] = {}
    for i, item in enumerate(raw):
        held = last.get(id(item))
        obj = held[1] if held is not None and held[0] is item else None
        if obj is None:
            obj = build_one(cls, item, (key, i), doc, problems)
        if obj is not None:
            kept[id(item)] = (item, obj)
            built.append((i, obj))
        elif isinstance(item, dict) and isinstance(item.get("id"), str):
            # Known by its id though invalid: references to it are not "unknown".
            doc.invalid_ids.add((key, item["id"]))
    _LAST_BUILT[(cls, key)] = kept
    return built


def forget() -> None:
    """Drop the records kept from the last build."""
    _LAST_BUILT.clear()


def _data_path(raw: Any, loc: tuple[int | str, ...]) -> KeyPath:
    """The part of a complaint's location that exists in the data."""
    path: list[str | int] = []
    node = raw
    for part in loc:
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
        else:
            if isinstance(node, dict) and isinstance(part, str):
                path.append(part)  # a missing or unknown key: keep its name
            break
        path.append(part)
    return tuple(path)


def _report(
    err: Any, cls: type, raw: Any, base: KeyPath, loc: KeyPath, doc: Document, problems: Problems
) -> None:
    kind = err["type"]
    full = (*base, *loc)
    last = full[-1]
    name = str(last) if isinstance(last, str) else f"entry {last + 1}{_in(full[:-1], doc)}"
    value = err.get("input")
    owner = _owner_model(cls, loc)
    if kind == "missing":
        where = doc.at(full[:-1])
        problems.error(where, f"missing required key '{name}'{_in(full[:-1], doc)}")
    elif kind == "extra_forbidden":
        allowed = list(typed.field_names(owner)) if owner else []
        nested = _nested_owner(owner, str(name))
        if nested:
            hint = f"; it belongs under '{nested}:', indented below it"
        else:
            hint = did_you_mean(str(name), allowed) or "; allowed: " + ", ".join(allowed)
        problems.error(doc.key_at(full), f"unknown key '{name}'{_in(full[:-1], doc)}{hint}")
    elif kind == "literal_error":
        choices = _choices(owner, str(name))
        options = " | ".join(map(str, choices))
        if isinstance(value, str) and value in map(str, choices):
            problems.error(
                doc.at(full),
                f"{name} must be the number {value}, not the text '{value}': remove the quotes",
            )
        else:
            problems.error(
                doc.at(full),
                f"{name} {_show(value)} is not allowed: use one of "
                f"{options}{did_you_mean(str(value), map(str, choices))}",
            )
    elif kind == "string_pattern_mismatch":
        hint = {
            "url": "an address starting with http:// or https://",
            "file": "a path on one line, without control characters",
            "sha256": "64 lowercase hexadecimal digits",
        }.get(
            str(name),
            "lowercase letters, digits and hyphens only, starting with a "
            "letter or a digit, like 'us-estimate'",
        )
        problems.error(doc.at(full), f"{name} {_show(value)} is not valid: use {hint}")
    elif kind == "string_too_long":
        problems.error(
            doc.at(full),
            f"{name} is {len(value):,} characters long, over the "
            f"limit of {err['max']}: shorten it (the page repeats it wherever it "
            "is cited)",
        )
    elif kind in ("string_type", "string_too_short"):
        if kind == "string_too_short" or value is None:
            problems.error(doc.at(full), f"{name} is empty: write a value")
        elif isinstance(value, (bool, int, float, dt.date)):
            # Words YAML read as another type: in quotes they stay as written.
            problems.error(
                doc.at(full),
                f"{name} must be text, not {_type_name(value)} {_show(value)}: put it in quotes",
            )
        else:
            problems.error(doc.at(full), f"{name} must be text, not {_type_name(value)}")
    elif kind == "datetime_type":
        problems.error(
            doc.at(full),
            f"{name} must be a date written YYYY-MM-DD, or a date "
            f"and time YYYY-MM-DDTHH:MM (like 2024-10-31T15:30), not {_show(value)}",
        )
    elif kind.startswith(("date_", "datetime_")):
        problems.error(
            doc.at(full), f"{name} must be a date written YYYY-MM-DD, not {_show(value)}"
        )
    elif kind == "degrees":
        problems.error(doc.at(full), f"{name} {_show(value)} is not valid: {err['msg']}")
    elif kind == "figure_range":
        problems.error(doc.at(full), f"{name} {_show(value)} is out of range: {err['msg']}")
    elif kind == "plain_number":
        hint = ": write it without separators, like 10000" if isinstance(value, str) else ""
        problems.error(doc.at(full), f"{name} must be a number, not {_show(value)}{hint}")
    elif kind == "tuple_type":
        problems.error(doc.at(full), f"{name} must be a list (each entry starts with '- ')")
    elif kind == "model_type":
        problems.error(doc.at(full), f"{name} must be a mapping of keys, not {_type_name(value)}")
    elif kind == "too_short":
        problems.error(doc.at(full), f"{name} needs at least one entry")
    else:
        problems.error(doc.at(full), f"{name}: {err['msg']}")


def _nested_owner(owner: type | None, key: str) -> str | None:
    """The field of ``owner`` whose own model has ``key`` (estimate fields put one level
    too high), if exactly one has."""
    if owner is None:
        return None
    homes = [
        f.name
        for f in typed.fields(owner)
        if (inner := _model_in(f.annotation)) and key in typed.field_names(inner)
    ]
    return homes[0] if len(homes) == 1 else None


def _owner_model(cls: type, loc: KeyPath) -> type | None:
    """The model class whose field the last element of ``loc`` names."""
    owner: type | None = cls
    for part in loc[:-1]:
        if owner is None or isinstance(part, int):
            continue
        field = _field(owner, part)
        owner = _model_in(field.annotation) if field else None
    return owner


def _field(owner: type, name: str) -> typed.FieldInfo | None:
    return next((f for f in typed.fields(owner) if f.name == name), None)


def _model_in(annotation: Any) -> type | None:
    if typed.is_record(annotation):
        return annotation  # type: ignore[no-any-return]
    for arg in get_args(annotation):
        found = _model_in(arg)
        if found:
            return found
    return None


def _choices(owner: type | None, name: str) -> list[Any]:
    field = _field(owner, name) if owner else None
    return list(_literals(field.annotation)) if field else []


def _literals(annotation: Any) -> list[Any]:
    args = get_args(annotation)
    if args and all(not isinstance(a, type) and a is not None and not get_args(a) for a in args):
        return list(args)
    out: list[Any] = []
    for arg in args:
        out.extend(_literals(arg))
    return out


def _in(path: KeyPath, doc: Document) -> str:
    """Where in the findings, in words: " in claim 'us-estimate'.evidence[1]"."""
    if not path:
        return ""
    if len(path) >= 2 and isinstance(path[1], int):
        section = {"sources": "source", "claims": "claim"}.get(str(path[0]), str(path[0]))
        entry = doc.data[path[0]][path[1]]
        ident = entry.get("id") if isinstance(entry, dict) else None
        name = f"'{ident}'" if isinstance(ident, str) else f"#{path[1] + 1}"
        rest = "".join(f".{p}" if isinstance(p, str) else f"[{p + 1}]" for p in path[2:])
        return f" in {section} {name}{rest}"
    return " in " + ".".join(map(str, path))


def _show(value: Any) -> str:
    if isinstance(value, bool):
        return f"{str(value).lower()} (YAML reads yes/no/on/off/true/false as a yes-or-no)"
    if isinstance(value, (dt.date, int, float)):
        return str(value)
    return repr(value) if isinstance(value, str) else _type_name(value)


def _type_name(value: Any) -> str:
    return {
        bool: "a yes-or-no",
        int: "a number",
        float: "a number",
        dict: "a mapping",
        list: "a list",
        dt.date: "a date",
        dt.datetime: "a date and time",
        type(None): "nothing",
    }.get(type(value), "a value of another kind")
