"""A quote starts and ends where a reader sees a token start and end, and an estimate's
figure is a number the source states as a number of its own."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from briefing.findings.indexed_source import IndexedSource
from briefing.findings.numbers import figures_in, numbers
from briefing.findings.quotes import locate
from conftest import Run


def placed(quote: str, text: str) -> bool:
    spans, _ = locate(quote, IndexedSource("s", text), "sources/s.txt")
    return spans is not None


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("The ministry said 1,500 soldiers had crossed.", "500 soldiers had crossed"),
        ("The ministry said 1.5 million had fled.", "5 million had fled"),
        ("It sent non-lethal aid to the front.", "lethal aid to the front"),
        ("It sent non-lethal aid to the front.", "It sent non"),
        ("It sent non-lethal aid to the front.", "-lethal aid"),
        ("Some 1\u00ad2,000 troops arrived.", "2,000 troops arrived"),
        ("Some 1\u00ad2,000 troops arrived.", "Some 1"),
        ("They saw 4\u200b7 ships in port.", "7 ships in port"),
        ("El ano\u0303 pasado llegaron.", "El ano"),
        ("The count was 1,500 in all.", "The count was 1,5"),
        ("The count was 1,500 in all.", "The count was 1"),
        ("Temperatures of -3,000 degrees.", "3,000 degrees"),
        ("Temperatures of \u22123,000 degrees.", "3,000 degrees"),
        ("Between 12,000-15,000 troops came.", "15,000 troops came"),
        ("It is 5.0 m deep.", "It is 5"),
        ("Die Zahl lag bei 12.000 Soldaten.", "000 Soldaten"),
        ("Le chiffre est de 12\u202f000 soldats.", "000 soldats"),
        ("He said he didn't go.", "t go"),
        ("قال \u0661\u066c\u0665\u0660\u0660 جندي", "\u0665\u0660\u0660 جندي"),
        ("Officials said 200\u2013500 troops crossed.", "500 troops crossed"),
        ("Officials said 200/500 troops crossed.", "500 troops crossed"),
        (
            "About \uff11\uff0c\uff15\uff10\uff10 soldiers crossed.",
            "\uff15\uff10\uff10 soldiers crossed",
        ),
        ("About 1\u2007500 soldiers crossed.", "500 soldiers crossed"),
        ("About 1\u00b7500 troops came.", "500 troops came"),
        ("About 1\u060c500 troops came.", "500 troops came"),
        ("Le chiffre est de 12 000 soldats.", "000 soldats"),
        ("It fell to \u201330 degrees.", "30 degrees"),
        ("The S\u2013300 systems moved.", "300 systems moved"),
    ],
)
def test_a_quote_that_cuts_a_token_is_not_verified(text: str, quote: str) -> None:
    assert not placed(quote, text)


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("The ministry said 1,500 soldiers had crossed.", "1,500 soldiers had crossed"),
        ("They fought—and 300 were hurt.", "and 300 were hurt"),
        ("They fought — 300 were hurt.", "300 were hurt"),
        ("He said: \u201cwe will go\u201d today.", "we will go"),
        ("A 1,000-kilometre flight ended.", "1,000-kilometre flight"),
        ("Prices rose 10%. Then 20 fell.", "Then 20 fell"),
        ("El año pasado llegaron 300.", "El año pasado"),
        ("Seoul (Yonhap) 1,200 troops.", "1,200 troops"),
    ],
)
def test_a_quote_on_token_boundaries_is_verified(text: str, quote: str) -> None:
    assert placed(quote, text)


@pytest.mark.parametrize(
    ("text", "language", "figures"),
    [
        ("The ministry said 1,500 soldiers", "en", [1500]),
        ("F-16 jets and a Hwasong-19 missile", "en", []),
        ("MiG29 and A320", "en", []),
        ("articles 3,4,5 of the treaty", "en", []),
        ("about 1\u00a0500 soldiers", "en", []),
        ("about 1 500 soldiers", "en", []),
        ("about 1,50,000 soldiers", "en", []),
        ("1\u00bd million", "en", []),
        ("On 2024-10-31 soldiers crossed", "en", []),
        ("S\u2013300 systems", "en", []),
        ("fell to \u201330 degrees", "en", [-30]),
        ("from 200\u2013500 troops", "en", [200, 500]),
        ("a ratio of 200/500", "en", []),
        ("at 10:30 they left", "en", []),
        ("12.000 Soldaten", "de", [12000]),
        ("12.000 Soldaten", "en", []),
        ("2,5 Millionen", "de", [2.5]),
        ("12 000 soldats, 2,5 millions", "fr", [12000, 2.5]),
        ("-3,000 metres", "en", [-3000]),
        ("\u09ea,000 troops", "en", []),
        ("a 1,000-kilometre trajectory", "en", [1000]),
        ("1\u00ad2,000 troops", "en", []),
        ("from 10-20 soldiers", "en", [10, 20]),
        ("5.0 m and 1.5 million", "en", [5.0, 1.5]),
        ("\u0661\u0662 units", "ar", [12]),
        ("\u0661\u066c\u0665\u0660\u0660 \u0662\u066b\u0665", "ar", [1500, 2.5]),
    ],
)
def test_a_figure_is_a_number_token_of_its_own(
    text: str, language: str, figures: list[float]
) -> None:
    assert numbers(text, language) == figures


def test_a_figure_written_with_a_point_group_is_unsure_in_english() -> None:
    (figure,) = figures_in("12.000 Soldaten", "en")
    assert figure.ambiguous and "12000" in figure.ambiguous


ONE_SOURCE = """\
briefing:
  title: Crossing
  as_of: 2025-05-01
sources:
  - id: news
    file: sources/news.txt
    title: Crossing
    language: {language}
claims:
  - id: count
    statement: A count.
    said_by: Ministry
    credibility: 3
    evidence:
      - source: news
        quote: "{quote}"
    estimate:
      quantity: Soldiers
      estimator: Ministry
      location: Border
      value: {value}
"""


@pytest.mark.parametrize(
    ("text", "language", "quote", "value", "expected"),
    [
        (
            "The ministry said 1,500 soldiers had crossed.\n",
            "en",
            "500 soldiers had crossed",
            500,
            "quote not found",
        ),
        (
            "Pilots of F-16 jets crossed.\n",
            "en",
            "F-16 jets crossed",
            16,
            "estimate value 16 does not appear in any quote of claim 'count' "
            "(they state no figures)",
        ),
        (
            "Die Zahl: 12.000 Soldaten.\n",
            "de",
            "12.000 Soldaten",
            12,
            "estimate value 12 does not appear",
        ),
        (
            "Die Zahl: 12.000 Soldaten.\n",
            "en",
            "12.000 Soldaten",
            12,
            "give the source's language (sources[].language)",
        ),
        (
            "Under articles 3,4,5 soldiers.\n",
            "en",
            "articles 3,4,5 soldiers",
            345,
            "'3' is part of the longer number '3,4,5'",
        ),
        (
            "About 1\u00a0500 soldiers crossed.\n",
            "en",
            "About 1\u00a0500 soldiers crossed",
            500,
            "'1' is part of the longer number",
        ),
        (
            "About 1,50,000 soldiers crossed.\n",
            "en",
            "About 1,50,000 soldiers crossed",
            50000,
            "is part of the longer number '1,50,000'",
        ),
        ("A depth of -3,000 soldiers.\n", "en", "-3,000 soldiers", 3000, "they state -3,000"),
    ],
)
def test_a_build_refuses_a_figure_the_source_does_not_state(
    project: Callable[..., Path],
    run: Callable[..., Run],
    text: str,
    language: str,
    quote: str,
    value: int,
    expected: str,
) -> None:
    findings = project(
        ONE_SOURCE.format(language=language, quote=quote, value=value), {"sources/news.txt": text}
    )
    result = run("--findings", str(findings), "--out", str(findings.parent / "report"))
    assert result.code == 1
    assert expected in result.stderr
    assert not (findings.parent / "report").exists()


def test_a_figure_in_the_source_language_builds(
    project: Callable[..., Path], run: Callable[..., Run]
) -> None:
    findings = project(
        ONE_SOURCE.format(language="de", quote="12.000 Soldaten", value=12000),
        {"sources/news.txt": "Die Zahl: 12.000 Soldaten.\n"},
    )
    result = run("--findings", str(findings), "--out", str(findings.parent / "report"))
    assert result.code == 0, result.stderr


def test_outer_ellipses_are_stripped_in_linear_time() -> None:
    """120 KB of dots once took half a minute in a backtracking pattern."""
    import time

    text = "Officials said more would come.\n"
    started = time.perf_counter()
    spans, message = locate(
        "... " * 30_000 + "x" + " ..." * 30_000, IndexedSource("s", text), "sources/s.txt"
    )
    assert spans is None and "leaves words out" not in message
    assert time.perf_counter() - started < 2


def test_a_translation_does_not_state_figures_for_an_english_source(
    project: Callable[..., Path], run: Callable[..., Run]
) -> None:
    """A translation stands in for an original that writes a number otherwise; an English
    source's own words are the only ones that may state its figures."""
    findings = project(
        ONE_SOURCE.format(language="en", quote="many soldiers crossed", value=10000).replace(
            '        quote: "many soldiers crossed"\n',
            '        quote: "many soldiers crossed"\n'
            '        translation: "10,000 soldiers crossed"\n',
        ),
        {"sources/news.txt": "Officials said many soldiers crossed.\n"},
    )
    result = run("--findings", str(findings), "--out", str(findings.parent / "report"))
    assert result.code == 1
    assert "estimate value 10,000 does not appear in any quote" in result.stderr


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("The minister did not deny the report.", "The minister did ... deny the report"),
        ("They have never agreed to the plan.", "They have ... agreed to the plan"),
        ("Seoul won't send troops abroad.", "Seoul ... send troops abroad"),
    ],
)
def test_an_ellipsis_may_not_leave_out_a_negation(text: str, quote: str) -> None:
    spans, message = locate(quote, IndexedSource("s", text), "sources/s.txt")
    assert spans is None and "can turn the meaning around" in message


def test_an_ellipsis_may_leave_out_other_words() -> None:
    assert placed(
        "Officials said ... volunteers joined", "Officials said about 1,200 volunteers joined."
    )
