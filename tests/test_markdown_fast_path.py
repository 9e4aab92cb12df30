"""Text without Markdown's marks skips the parser; what it renders must be exactly what
the parser gives for it."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.findings.markdown import _parser, plain
from briefing.page.view import Markdown

WORDS = st.sampled_from(
    [
        "North",
        "Korea's",
        "troops",
        "10,000",
        "in",
        "Russia.",
        "(about)",
        "a",
        '"quoted"',
        "-",
        "—",
        "1.",
        "2)",
        "'s",
        "e.g.",
        "U.S.",
        "%",
        "$5",
        "50/50",
        "x;",
        "?",
        "@team",
        "https://example.org/a",
    ]
)
TEXT = st.lists(
    st.one_of(WORDS, st.sampled_from([" ", "\n", "  ", " \n", "\r", "\r\n", "\x00"])),
    min_size=1,
    max_size=30,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_plain_text_renders_as_the_parser_renders_it(text: str) -> None:
    md = Markdown({})
    assert str(md.block(text)) == _parser().render(text)
    assert str(md.block(text + "\n")) == _parser().render(text + "\n")
    assert str(md.inline(text)) == _parser().renderInline(text)


# The marks as one regular expression: slow, but plainly what the fast check must decide.
MARKS = re.compile(
    r"[\\`*_\[\]<>!#&|~=+\t\r\x00]|^\s|\s$|(?:^|\n)\s*[-\d]|\s\n|\n\s|\n\n|-{2,}", re.MULTILINE
)
TRICKY = st.text(
    alphabet=st.sampled_from(
        [
            "a",
            "1",
            "-",
            " ",
            "\n",
            "\r",
            "\x00",
            "\t",
            "\u00a0",
            "\u2003",
            "\u0663",
            "\uff11",
            "*",
            ".",
            "\x0b",
            "\x0c",
            "\u2028",
            "\x85",
        ]
    ),
    max_size=12,
)


@settings(max_examples=2000, deadline=None)
@given(st.one_of(TEXT, TRICKY))
def test_the_fast_check_decides_as_the_marks_pattern_does(text: str) -> None:
    assert plain(text) == (not MARKS.search(text))


def test_marked_text_goes_to_the_parser() -> None:
    for text in ["**bold**", "[link](#x)", "- item", "1. one", "a\\nb", "# head", "a  \nb"]:
        assert not plain(text)


def test_a_figure_ending_a_sentence_is_plain_text() -> None:
    assert plain("Troops arrived in 2024.") and plain("Of 10,000 (est. 2)")
