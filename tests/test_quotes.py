"""Quote matching: what counts as the same words, where a quote sits, and what an
error says when it does not fit."""

from __future__ import annotations

import pytest

from briefing.findings.indexed_source import IndexedSource, fold
from briefing.findings.quotes import locate

TEXT = (
    "Officials said “about 1,200 volunteers” joined the clean-up — the largest yet.\n"
    "The mayor’s office put the number at up to 1,500… and thanked them.\n"
    "Officials said the river was cleaner. Organisers said more would come.\n"
)


def find(quote: str, text: str = TEXT) -> tuple[list[tuple[int, int]] | None, str]:
    return locate(quote, IndexedSource("news", text), "sources/news.txt")


def quoted(quote: str, text: str = TEXT) -> list[str]:
    spans, message = find(quote, text)
    assert spans is not None, message
    return [text[s:e] for s, e in spans]


@pytest.mark.parametrize(
    "quote",
    [
        '"about 1,200 volunteers" joined',  # straight for typographic quotes
        "The mayor's office",  # straight apostrophe
        "clean-up - the largest",  # hyphen for an em dash
        "clean-up — the  largest",  # extra whitespace
        "up to 1,500... and thanked",  # three dots for an ellipsis character
        "Officials said\n“about 1,200",  # a line break inside the quote
    ],
)
def test_ignorable_differences_still_match(quote: str) -> None:
    assert len(quoted(quote)) == 1


def test_offsets_are_code_points_into_the_source_text() -> None:
    spans, _ = find("the largest yet")
    assert spans is not None
    ((start, end),) = spans
    assert TEXT[start:end] == "the largest yet"


def test_letter_case_is_not_ignored() -> None:
    spans, message = find("officials said the river")
    assert spans is None and "closest passage" in message


def test_a_quote_must_start_and_end_on_word_boundaries() -> None:
    spans, _ = find("fficials said the river")
    assert spans is None


def test_ellipsis_leaves_out_words_within_a_paragraph() -> None:
    assert quoted("The mayor’s office ... thanked them") == ["The mayor’s office", "thanked them"]


def test_ellipsis_may_not_join_two_paragraphs() -> None:
    spans, message = find("the largest yet ... The mayor’s office")
    assert spans is None and "different paragraphs" in message


def test_leading_and_trailing_ellipsis_mark_a_fragment() -> None:
    assert quoted("... the river was cleaner ...") == ["the river was cleaner"]


def test_a_quote_found_twice_is_refused_with_its_lines() -> None:
    spans, message = find("Officials said")
    assert spans is None
    assert message == (
        "quote occurs 2 times in source 'news' (at 1:1, 3:1): quote more of "
        "the passage so that it points at one place"
    )


def test_not_found_shows_the_closest_passage_and_the_words_that_differ() -> None:
    spans, message = find("Officials said the lake was cleaner")
    assert spans is None
    assert message == (
        "quote not found in source 'news'; closest passage at "
        "sources/news.txt:3:1: «Officials said the river was cleaner.» (the "
        "quote has 'lake' where the source has 'river'); copy it verbatim"
    )


def test_closest_passage_is_shown_as_the_source_writes_it() -> None:
    spans, message = find('"about 1,200 volunteers" joined the clean-up -- the biggest yet')
    assert spans is None
    assert message == (
        "quote not found in source 'news'; closest passage at sources/news.txt:1:16: "
        "«“about 1,200 volunteers” joined the clean-up — the largest yet.» (the quote has '--' "
        "where the source has '—'; the quote has 'biggest' where the source has 'largest'); "
        "copy it verbatim"
    )


def test_a_cut_word_is_explained() -> None:
    spans, message = find("fficials said the river was cleaner")
    assert spans is None
    assert "'fficials' is part of the word 'Officials'" in message


def test_no_passage_is_suggested_when_its_numbers_differ() -> None:
    spans, message = find("about 1,300 volunteers joined the clean-up")
    assert spans is None
    assert "closest passage gives different figures" in message
    assert "1,200" not in message


def test_nothing_alike_says_so() -> None:
    spans, message = find("tanks crossed the frozen lake at dawn")
    assert spans is None and "no passage resembles it" in message


def test_fold_keeps_a_map_back_to_original_offsets() -> None:
    folded, index = fold("a — “b”…")
    assert folded == 'a - "b"...'
    assert [index[i] for i in range(len(folded))] == [0, 1, 2, 3, 4, 5, 6, 7, 7, 7]


def test_blank_line_paragraphs_allow_ellipsis_across_wrapped_lines() -> None:
    text = "First line of a\nwrapped paragraph ends here.\n\nA new paragraph.\n"
    assert quoted("First line ... ends here", text) == ["First line", "ends here"]
    spans, _ = find("ends here ... A new paragraph", text)
    assert spans is None


def test_paragraphs_are_lines_or_blank_line_blocks() -> None:
    from briefing.findings.sources import paragraph_spans

    assert paragraph_spans("a\nb\n") == [(0, 1), (2, 3)]
    assert paragraph_spans("  a\nb\n\n\nc d\n") == [(2, 5), (8, 11)]


def test_an_elided_quote_that_fits_two_ways_is_refused() -> None:
    text = "About 40 ships were waiting, and more tankers were waiting too.\n"
    spans, message = find("About 40 ... were waiting", text)
    assert spans is None
    assert "fits 2 places" in message
    assert quoted("About 40 ... tankers were waiting", text) == ["About 40", "tankers were waiting"]


def test_a_typo_in_the_last_word_keeps_that_word_in_the_suggestion() -> None:
    spans, message = find("Officials said the river was cleanerzz")
    assert spans is None
    assert "«Officials said the river was cleaner.»" in message
    assert "the quote has 'cleanerzz' where the source has 'cleaner'" in message


def test_a_dropped_word_does_not_cut_the_suggestion_short() -> None:
    spans, message = find("Officials said the was cleaner")
    assert spans is None
    assert "«Officials said the river was cleaner.»" in message
    assert "the source also has 'river' here" in message


def test_a_quote_found_on_one_line_twice_lists_every_place() -> None:
    spans, message = find("said", "They said so, and he said no. She said yes.\nWe said it.\n")
    assert spans is None
    assert "occurs 4 times" in message and "(at 1:6, 1:22, 1:35, 2:4)" in message


class Counting(str):
    """A text that adds up how much of itself ``find`` is asked to look through."""

    searched = 0

    def find(self, sub: str, start: int | None = None, end: int | None = None) -> int:  # type: ignore[override]
        lo = start or 0
        hi = len(self) if end is None else end
        found = super().find(sub, start, end)
        Counting.searched += ((found if found != -1 else hi) - lo) + len(sub)
        return found


def searched(quote: str, text: str) -> int:
    source = IndexedSource("big", text)
    source.folded = Counting(source.folded)
    Counting.searched = 0
    locate(quote, source, "sources/big.txt")
    return Counting.searched


def test_a_hopeless_elided_quote_is_answered_in_one_pass() -> None:
    """'a ... zzz' in 'a b a b ...': the missing piece ends the search, not 250,000 tries."""
    text = "a b " * 250_000
    assert searched("a ... zzz", text) <= 8 * len(text)  # a few passes, not one per "a"


def test_a_long_quote_in_a_text_of_one_letter_is_answered_in_one_pass() -> None:
    text = "a" * 1_000_000
    assert searched("a" * 20_000, text) <= 4 * len(text)


def test_a_quote_of_a_common_word_stops_counting_its_places() -> None:
    spans, message = find("b", "a b " * 100_000)
    assert spans is None
    assert "occurs 1,000 times or more" in message
