"""The typed records the model is made of: what they take, what they refuse, how they dump."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal, NamedTuple

from briefing.findings import model, typed
from briefing.findings.schema import docstrings
from briefing.findings.typed import MinLen, Pattern


class Inner(NamedTuple):
    """A nested record."""

    name: Annotated[str, MinLen(1)]
    """Its name."""


class Outer(NamedTuple):
    """A record with one of each kind of field."""

    slug: Annotated[str, Pattern(r"^[a-z]+$")]
    """A slug."""
    grade: Literal[1, 2, 3] | None = None
    """A grade."""
    day: dt.date | None = None
    """A day."""
    items: tuple[Inner, ...] = ()
    """Inner records."""


def kinds(raw: object) -> list[tuple[str, tuple[str | int, ...]]]:
    _, issues = typed.conform(Outer, raw)
    return [(i["type"], i["loc"]) for i in issues]


def test_a_valid_mapping_becomes_a_frozen_record_with_defaults() -> None:
    built, issues = typed.conform(Outer, {"slug": "abc", "items": [{"name": "x"}]})
    assert issues == []
    assert built == Outer("abc", None, None, (Inner("x"),))


def test_every_complaint_of_a_record_is_returned_at_once() -> None:
    assert kinds({"slug": "A B", "grade": 4, "day": "soon", "items": [{}], "extra": 1}) == [
        ("string_pattern_mismatch", ("slug",)),
        ("literal_error", ("grade",)),
        ("date_type", ("day",)),
        ("missing", ("items", 0, "name")),
        ("extra_forbidden", ("extra",)),
    ]


def test_yes_no_is_not_taken_for_a_number_in_a_choice_of_numbers() -> None:
    assert kinds({"slug": "a", "grade": True}) == [("literal_error", ("grade",))]


def test_an_iso_date_in_quotes_is_a_date_and_an_impossible_one_is_not() -> None:
    built, _ = typed.conform(Outer, {"slug": "a", "day": "2024-10-31"})
    assert built is not None and built.day == dt.date(2024, 10, 31)
    assert kinds({"slug": "a", "day": "2024-02-30"}) == [("date_type", ("day",))]


def test_a_list_where_a_mapping_belongs_and_a_mapping_where_a_list_belongs() -> None:
    assert kinds([]) == [("model_type", ())]
    assert kinds({"slug": "a", "items": {"name": "x"}}) == [("tuple_type", ("items",))]


def test_an_empty_text_is_too_short() -> None:
    assert kinds({"slug": "a", "items": [{"name": ""}]}) == [
        ("string_too_short", ("items", 0, "name"))
    ]


def test_a_figure_check_words_its_own_complaint() -> None:
    _, issues = typed.conform(
        model.Estimate, {"quantity": "q", "estimator": "e", "location": "l", "value": float("inf")}
    )
    assert [(i["type"], i["loc"]) for i in issues] == [("figure_range", ("value",))]
    assert "finite figure" in issues[0]["msg"]


def test_dump_gives_json_ready_data_with_every_field() -> None:
    assert typed.dump(Outer("a", 2, dt.date(2024, 1, 2), (Inner("x"),))) == {
        "slug": "a",
        "grade": 2,
        "day": "2024-01-02",
        "items": [{"name": "x"}],
    }


def test_field_docstrings_are_read_for_the_schema_and_the_docs() -> None:
    assert docstrings(Outer) == {
        "slug": "A slug.",
        "grade": "A grade.",
        "day": "A day.",
        "items": "Inner records.",
    }
