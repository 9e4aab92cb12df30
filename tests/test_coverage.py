"""Sentence coverage: how sources are cut into sentences and what counts as covered."""

from __future__ import annotations

from briefing.findings.coverage import measure, share, split_sentences


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


def test_abbreviations_and_initials_do_not_end_a_sentence() -> None:
    text = "The U.S. and the U.N. Security Council met. Gen. Smith spoke on Monday."
    assert sentences(text) == [
        "The U.S. and the U.N. Security Council met.",
        "Gen. Smith spoke on Monday.",
    ]


def test_a_heading_is_not_a_sentence() -> None:
    """A short line of its own without a full stop is a heading: not counted, so a
    briefing need not quote a headline to cover its source."""
    assert sentences("A Headline Without a Stop\nBody text. More text.") == [
        "Body text.",
        "More text.",
    ]


def test_closing_quotes_stay_with_their_sentence() -> None:
    assert sentences("“We will go,” he said. “Soon.” Then he left.") == [
        "“We will go,” he said.",
        "“Soon.”",
        "Then he left.",
    ]


def test_numbers_with_decimal_points_do_not_split() -> None:
    assert sentences("It grew 2.5 percent. It fell.") == ["It grew 2.5 percent.", "It fell."]


def test_a_sentence_touched_by_any_quote_is_covered() -> None:
    text = "One two. Three four. Five six."
    found = measure(text, [(4, 11)])  # "two. Th" touches the first two sentences
    assert [s.covered for s in found] == [True, True, False]
    assert share(found) == 2 / 3


def test_an_empty_text_counts_as_fully_covered() -> None:
    assert share(measure("", [])) == 1.0


def test_hard_wrapped_paragraphs_are_not_cut_at_line_ends() -> None:
    text = (
        "The fire burned\nmore than 13,000 hectares by\nnoon. Crews held the line.\n\n"
        "A new paragraph.\n"
    )
    assert sentences(text) == [
        "The fire burned\nmore than 13,000 hectares by\nnoon.",
        "Crews held the line.",
        "A new paragraph.",
    ]
