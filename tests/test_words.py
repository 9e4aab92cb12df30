"""One way to put a count into English, in messages and on the page."""

from __future__ import annotations

from briefing.page.render import environment
from briefing.words import counted, plural


def test_one_takes_the_singular_and_every_other_count_the_plural() -> None:
    assert [counted(n, "claim") for n in (0, 1, 2)] == ["0 claims", "1 claim", "2 claims"]
    assert plural(1, "source text") == "source text"


def test_a_plural_that_is_not_the_word_and_an_s_is_given() -> None:
    # A verb agrees the other way round: one source reports, two report.
    assert plural(1, "reports", "report") == "reports"
    assert plural(3, "reports", "report") == "report"


def test_templates_count_with_the_same_helper() -> None:
    template = environment().from_string(
        '{{ 1 | counted("sentence") }}; {{ 2 | counted("sentence") }}; {{ 2 | plural("Quote") }}'
    )
    assert template.render() == "1 sentence; 2 sentences; Quotes"
