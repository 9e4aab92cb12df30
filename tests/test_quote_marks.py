"""A quote on the page sits in quotation marks once: ours, or the source's own where the
quoted passage opens or closes with a speaker's words."""

from __future__ import annotations

from briefing.page.view_claims import in_quote_marks as _in_quote_marks


def test_a_plain_passage_gets_quotation_marks() -> None:
    assert (
        _in_quote_marks("troops were seen near the border") == "“troops were seen near the border”"
    )


def test_a_passage_that_opens_with_the_speakers_words_keeps_its_own_marks() -> None:
    quote = "“We now assess that there are some 10,000 soldiers,” the minister said"
    assert _in_quote_marks(quote) == quote
    assert not _in_quote_marks(quote).startswith("““")


def test_a_passage_that_closes_with_the_speakers_words_keeps_its_own_marks() -> None:
    quote = 'The minister said: "We expect them within days."'
    assert _in_quote_marks(quote) == quote
