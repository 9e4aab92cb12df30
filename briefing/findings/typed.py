"""Typed records: named tuples checked against their own annotations.

The model declares what a record is with ordinary annotations (``str``, ``dt.date``,
``Literal[...]``, ``tuple[X, ...]``, ``X | None``, another record) and a few markers inside
``Annotated`` (:class:`Pattern`, :class:`MinLen`,
:class:`MaxLen`, :class:`Check`). :func:`conform` builds a
record from parsed YAML, or returns every complaint it has, each a plain dict with a
``type``, the ``loc`` of the offending value and the ``input`` found there; ``conform.py``
words them. ``schema.py`` reads the same annotations for the JSON Schema and the key
reference in docs/.

Why not a validation library: the model is small, the build runs in a fresh process each
time, and a library's import and schema set-up cost more than the whole build (about
0.15 s for one). This module imports nothing beyond the standard library.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
import types
import typing
from collections.abc import Callable
from functools import cache
from typing import Any, Literal, NamedTuple, TypeVar, get_args, get_origin

T = TypeVar("T")
Issue = dict[str, Any]
Loc = tuple[str | int, ...]


# The markers are plain classes, each its own kind: typing caches ``Annotated[...]`` by
# equality, so markers that compared as equal values (named tuples would) could be taken
# for one another; and a class costs far less to make than a dataclass.


class Pattern:
    """A text must match this regular expression (searched, anchored by the pattern)."""

    __slots__ = ("regex",)

    def __init__(self, regex: str) -> None:
        self.regex = regex

    @property
    def compiled(self) -> re.Pattern[str]:
        return _compiled(self.regex)


class MinLen:
    """A text or list needs at least this many characters or entries."""

    __slots__ = ("length",)

    def __init__(self, length: int) -> None:
        self.length = length


class MaxLen:
    """A text may have at most this many characters: for values the page repeats (an id in
    every link to its entry, a source's title in every citation), so that the page's size
    follows the findings' size."""

    __slots__ = ("length",)

    def __init__(self, length: int) -> None:
        self.length = length


class Check:
    """A function run on the value before its type is checked; it raises :class:`Invalid`.
    ``json_type`` is the JSON Schema type of the values it admits, if it narrows the
    annotation's."""

    __slots__ = ("function", "json_type")

    def __init__(self, function: Callable[[Any], Any], json_type: str | None = None) -> None:
        self.function = function
        self.json_type = json_type


class Timed:
    """A date may carry a time of day to the minute, ``YYYY-MM-DDTHH:MM``: the value is
    then a ``datetime`` (a ``date`` subclass) without seconds or time zone."""

    __slots__ = ()


class Invalid(Exception):
    """Raised by a :class:`Check`: ``type`` names the complaint, ``msg`` words it."""

    def __init__(self, type: str, msg: str) -> None:
        super().__init__(msg)
        self.type = type
        self.msg = msg


@cache
def _compiled(regex: str) -> re.Pattern[str]:
    return re.compile(regex)


def is_record(annotation: Any) -> bool:
    """A record is a named tuple: immutable, and made far faster than a frozen dataclass
    (whose methods are compiled from source each time the class is made, on every run)."""
    return (
        isinstance(annotation, type)
        and issubclass(annotation, tuple)
        and hasattr(annotation, "_fields")
    )


class FieldInfo(NamedTuple):
    name: str
    annotation: Any
    required: bool


@cache
def fields(cls: type) -> tuple[FieldInfo, ...]:
    """The record's fields, in order, with their resolved annotations."""
    hints = typing.get_type_hints(cls, vars(sys.modules[cls.__module__]), include_extras=True)
    defaults = cls._field_defaults  # type: ignore[attr-defined]
    return tuple(FieldInfo(name, hints[name], name not in defaults) for name in cls._fields)  # type: ignore[attr-defined]


@cache
def field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


def conform(cls: type[T], raw: Any) -> tuple[T | None, list[Issue]]:
    """The record built from ``raw``, or None and every complaint about it."""
    issues: list[Issue] = []
    value = _record(cls, raw, (), issues)
    return (value if not issues else None), issues


def _record(cls: type, raw: Any, loc: Loc, issues: list[Issue]) -> Any:
    if not isinstance(raw, dict):
        issues.append({"type": "model_type", "loc": loc, "input": raw})
        return None
    values = {}
    before = len(issues)
    known = field_names(cls)
    for f in fields(cls):
        if f.name in raw:
            values[f.name] = _value(f.annotation, raw[f.name], (*loc, f.name), issues)
        elif f.required:
            issues.append({"type": "missing", "loc": (*loc, f.name), "input": raw})
    for key in raw:
        if key not in known:
            issues.append({"type": "extra_forbidden", "loc": (*loc, key), "input": raw[key]})
    return cls(**values) if len(issues) == before else None


@cache
def _shape(annotation: Any) -> tuple[Any, tuple[Any, ...]]:
    """An annotation's origin and arguments, worked out once (typing's are slow)."""
    return get_origin(annotation), get_args(annotation)


def _value(annotation: Any, raw: Any, loc: Loc, issues: list[Issue]) -> Any:
    """``raw`` checked against ``annotation``; complaints go to ``issues``."""
    if annotation is str and type(raw) is str:
        return raw  # the most common case first
    origin, args = _shape(annotation)
    if origin is typing.Annotated:
        inner, *marks = args
        if inner is dt.date and any(type(mark) is Timed for mark in marks):
            return _date(raw, loc, issues, timed=True)
        for mark in marks:
            if isinstance(mark, Check):
                try:
                    raw = mark.function(raw)
                except Invalid as exc:
                    issues.append({"type": exc.type, "loc": loc, "input": raw, "msg": exc.msg})
                    return None
        before = len(issues)
        value = _value(inner, raw, loc, issues)
        if len(issues) == before:
            _constrain(marks, value, loc, issues)
        return value
    if origin in (types.UnionType, typing.Union):
        members = args
        if raw is None and type(None) in members:
            return None
        rest = [m for m in members if m is not type(None)]
        if len(rest) == 1:
            return _value(rest[0], raw, loc, issues)
        for member in rest:  # the first member that takes the value wholly
            trial: list[Issue] = []
            value = _value(member, raw, loc, trial)
            if not trial:
                return value
        # Otherwise the complaints of the member the value is shaped like: a mapping's
        # are those of the record, so a wrong key inside it is named, not the mapping.
        shaped = next((m for m in rest if isinstance(raw, dict) and is_record(m)), rest[0])
        return _value(shaped, raw, loc, issues)
    if origin is Literal:
        choices = args
        if not isinstance(raw, bool) and raw in choices and isinstance(raw, type(choices[0])):
            return raw
        issues.append({"type": "literal_error", "loc": loc, "input": raw})
        return None
    if origin is tuple:
        if not isinstance(raw, list | tuple):
            issues.append({"type": "tuple_type", "loc": loc, "input": raw})
            return ()
        item = args[0]
        return tuple(_value(item, x, (*loc, i), issues) for i, x in enumerate(raw))
    if is_record(annotation):
        return _record(annotation, raw, loc, issues)
    if annotation is str:
        if isinstance(raw, str):
            return raw
        issues.append({"type": "string_type", "loc": loc, "input": raw})
        return None
    if annotation is dt.date:
        return _date(raw, loc, issues)
    if annotation is int or annotation is float:
        if isinstance(raw, int | float) and not isinstance(raw, bool):
            return raw
        issues.append({"type": "plain_number", "loc": loc, "input": raw})
        return None
    raise TypeError(f"the model uses a type typed.py does not know: {annotation!r}")


_TIMED = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")


def _date(raw: Any, loc: Loc, issues: list[Issue], timed: bool = False) -> dt.date | None:
    if isinstance(raw, dt.datetime):
        if raw.tzinfo is None and raw.second == raw.microsecond == 0 and timed:
            return raw  # YAML reads "2024-10-31 15:30:00" as a timestamp
        if raw.time() == dt.time(0) and raw.tzinfo is None:
            return raw.date()
    elif isinstance(raw, dt.date):
        return raw
    elif isinstance(raw, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw):
        try:
            return dt.date.fromisoformat(raw)
        except ValueError:
            pass
    elif timed and isinstance(raw, str) and _TIMED.fullmatch(raw):
        try:
            return dt.datetime.fromisoformat(raw)
        except ValueError:
            pass
    issues.append({"type": "datetime_type" if timed else "date_type", "loc": loc, "input": raw})
    return None


def _constrain(marks: list[Any], value: Any, loc: Loc, issues: list[Issue]) -> None:
    for mark in marks:
        if isinstance(mark, MinLen) and len(value) < mark.length:
            kind = "string_too_short" if isinstance(value, str) else "too_short"
            issues.append({"type": kind, "loc": loc, "input": value})
            return
        if isinstance(mark, MaxLen) and len(value) > mark.length:
            issues.append(
                {"type": "string_too_long", "loc": loc, "input": value, "max": mark.length}
            )
            return
        if isinstance(mark, Pattern) and not mark.compiled.search(value):
            issues.append({"type": "string_pattern_mismatch", "loc": loc, "input": value})
            return


_PLAIN = (str, int, float, bool, type(None))


def dump(value: Any) -> Any:
    """A record as JSON-ready data: every field, dates in ISO form, tuples as lists."""
    kind: type = type(value)
    if kind in _PLAIN:
        return value
    if kind is tuple or kind is list:
        return [dump(v) for v in value]
    if kind is dt.date:
        return value.isoformat()
    if kind is dt.datetime:
        return value.isoformat(timespec="minutes")
    names = _record_fields(kind)
    if names is not None:
        return {name: dump(getattr(value, name)) for name in names}
    return value


@cache
def _record_fields(kind: type) -> tuple[str, ...] | None:
    """The field names of a record type, or None for any other type (looked up once)."""
    return kind._fields if is_record(kind) else None  # type: ignore[attr-defined]
