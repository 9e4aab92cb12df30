"""Warnings: slips YAML or the model accept, that an analyst would still want to hear of.
They do not stop a build, except under --strict."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from conftest import SAMPLE_FINDINGS, Run

Project = Callable[..., Path]
Runner = Callable[..., Run]


def warnings_for(findings_text: str, project: Project, run: Runner) -> list[str]:
    findings = project(findings_text)
    result = run("--findings", str(findings), "--out", str(findings.parent / "out"))
    assert result.code == 0, result.stderr
    prefix = f"{findings}:"
    return [line.removeprefix(prefix) for line in result.lines if ": warning: " in line]


def test_a_hash_that_cuts_text_short_is_pointed_out(project: Project, run: Runner) -> None:
    text = SAMPLE_FINDINGS.replace(
        "statement: Officials count about 1,200 volunteers.",
        "statement: Officials count #1 about 1,200 volunteers.",
    )
    assert warnings_for(text, project, run) == [
        "12:16: warning: the '#' after statement starts a YAML comment, which is not part of "
        "the text: put the value in quotes if the '#' belongs to it"
    ]


def test_a_comment_after_a_grade_is_fine(project: Project, run: Runner) -> None:
    text = SAMPLE_FINDINGS.replace("reliability: C", "reliability: C  # a local paper")
    assert warnings_for(text, project, run) == []


def test_an_empty_value_is_pointed_out(project: Project, run: Runner) -> None:
    text = SAMPLE_FINDINGS.replace("    reliability: C\n", "    reliability: C\n    publisher:\n")
    assert warnings_for(text, project, run) == [
        "10:5: warning: 'publisher' has no value: give one or remove the key"
    ]


def with_mayor_estimate(quantity: str) -> str:
    """The sample findings with the mayor's "up to 1,500" as an estimate of ``quantity``."""
    return SAMPLE_FINDINGS.replace(
        """    credibility: 3
    evidence:
      - source: news
        quote: "The mayor's""",
        f"""    credibility: 3
    estimate:
      quantity: {quantity}
      estimator: Mayor
      location: Riverside
      value: 1500
      qualifier: up to
    evidence:
      - source: news
        quote: "The mayor's""",
    )


def test_quantities_spelt_two_ways_are_pointed_out(project: Project, run: Runner) -> None:
    text = with_mayor_estimate("volunteers")
    assert warnings_for(text, project, run) == [
        "29:17: warning: quantity 'volunteers' is spelt differently from 'Volunteers' on line "
        "19: use one spelling, or they are shown apart"
    ]


def test_a_qualifier_that_contradicts_the_quote_is_pointed_out(
    project: Project, run: Runner
) -> None:
    text = SAMPLE_FINDINGS.replace("qualifier: about", "qualifier: at least")
    assert warnings_for(text, project, run) == [
        "23:18: warning: the quote says 'about 1,200' but the qualifier is 'at least': use one "
        "that means the same ('about' or 'approximately')"
    ]


def test_strict_says_why_it_failed(project: Project, run: Runner) -> None:
    findings = project(SAMPLE_FINDINGS.replace("qualifier: about", "qualifier: at least"))
    result = run("--findings", str(findings), "--strict")
    assert result.code == 1
    assert result.lines[-1] == (
        "build-report: 0 error(s), 1 warning(s) (--strict counts "
        "warnings as errors); nothing was written"
    )


def test_a_european_thousands_point_is_explained(project: Project, run: Runner) -> None:
    findings = project(SAMPLE_FINDINGS.replace("value: 1200", "value: 1.200"))
    result = run("--findings", str(findings))
    assert result.code == 1
    assert result.lines[0].endswith(
        "error: estimate value 1.2 does not appear in any quote of claim 'officials-count' "
        "(they state 1,200): YAML reads the point as a decimal point; for 1,200 write 1200"
    )


def test_a_spread_says_when_its_top_is_only_an_upper_bound(project: Project, run: Runner) -> None:
    text = with_mayor_estimate("Volunteers")
    findings = project(text)
    assert run("--findings", str(findings)).code == 0
    html = (findings.parent / "report" / "index.html").read_text(encoding="utf-8")
    assert "1,200–1,500 (1,500 is an upper bound)" in html


def test_a_judgment_without_grades_is_told_the_terms(project: Project, run: Runner) -> None:
    findings = project(SAMPLE_FINDINGS.replace("    confidence: low\n", ""))
    result = run("--findings", str(findings))
    assert (
        "judgment 'kj-turnout' needs a confidence: add 'confidence:' with one of "
        "high | moderate | low" in result.stderr
    )
