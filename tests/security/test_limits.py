"""Limits on hostile or odd findings: work that grows with the input, not with its square;
aliases, ids and titles that cannot blow up the time, the memory or the page; spreadsheet
cells that cannot run; text that cannot read differently from what it says."""

from __future__ import annotations

import csv
import io
import multiprocessing
import queue
from collections.abc import Callable
from pathlib import Path
from typing import Any

from briefing.findings import lint_sources, model, origins
from briefing.findings.coverage import split_sentences
from briefing.findings.load import MAX_ALIASED, MAX_DEPTH
from briefing.output.data import render_csv
from conftest import SAMPLE_FINDINGS, SAMPLE_TEXT, Run

Project = Callable[..., Path]
Runner = Callable[..., Run]


def within(seconds: float, work: Callable[[], Any]) -> Any:
    """``work()``'s result, failing the test when it takes longer than ``seconds``. The
    work runs in a forked process, killed at the deadline: a regular expression's search
    holds the interpreter until it ends, so a thread could not be given up on."""
    context = multiprocessing.get_context("fork")
    results = context.Queue()
    child = context.Process(target=lambda: results.put(work()), daemon=True)
    child.start()
    try:
        return results.get(timeout=seconds)
    except queue.Empty:
        raise AssertionError(f"still working after {seconds} s") from None
    finally:
        child.kill()
        child.join()


def test_a_run_of_sentence_marks_is_split_in_linear_time() -> None:
    # No capital follows the run: each of its marks could have started a sentence's end.
    text = "Officials spoke" + "." * 60_000 + " and on" + "!?" * 30_000 + " Then more.\n"
    spans = within(3, lambda: split_sentences(text))
    assert [text[s:e][-10:] for s, e in spans] == ["!?!?!?!?!?", "Then more."]


def test_a_run_of_marks_then_of_spaces_is_split_in_linear_time() -> None:
    text = "It ended" + "." * 20_000 + " " * 20_000 + "and on.\n"
    assert len(within(3, lambda: split_sentences(text))) == 1


def _judgment(n: int, based_on: tuple[str, ...]) -> model.Claim:
    return model.Claim(
        id=f"j{n}",
        statement="x",
        kind="judgment",
        likelihood="likely",
        confidence="high",
        based_on=based_on,
    )


def _reported(claim_id: str, estimate: model.Estimate | None = None) -> model.Claim:
    return model.Claim(
        id=claim_id,
        statement="x",
        evidence=(model.Evidence(source="news", quote="x"),),
        estimate=estimate,
    )


def _findings(claims: list[model.Claim]) -> model.Findings:
    return model.Findings(
        briefing=model.Briefing(title="t", as_of=model.dt.date(2025, 5, 1)),
        sources=(model.Source(id="news", file="sources/news.txt", title="News"),),
        claims=tuple(claims),
    )


def test_a_long_chain_of_judgments_is_followed_once_per_claim() -> None:
    chain = [_judgment(n, (f"j{n - 1}",) if n else ("base",)) for n in range(8_000)]
    findings = _findings([_reported("base"), *chain])
    traced = within(5, lambda: origins.trace(findings))
    resting = within(5, lambda: origins.resting_on(findings))
    assert traced["j7999"] == {origins.OriginRef("source", "news")}
    assert resting["j7999"] == ["base"]


def test_judgments_resting_on_each_other_through_two_paths_count_each_origin_once() -> None:
    findings = _findings(
        [
            _reported("a"),
            _reported("b"),
            _judgment(1, ("a",)),
            _judgment(2, ("j1", "b")),
            _judgment(3, ("j2", "j1", "a")),
        ]
    )
    assert origins.resting_on(findings) == {"j1": ["a"], "j2": ["a", "b"], "j3": ["a", "b"]}


def test_many_equal_estimate_rows_are_compared_in_one_pass() -> None:
    estimate = model.Estimate(
        quantity="Volunteers", estimator="Officials", location="Riverside", value=1200
    )
    findings = _findings([_reported(f"e{n}", estimate) for n in range(20_000)])
    # Each row from its own origin but the last: no row shares one with an earlier row, so
    # each would be compared with every row before it, save the last.
    traced = {f"e{n}": frozenset({origins.OriginRef("source", f"s{n}")}) for n in range(19_999)}
    traced["e19999"] = frozenset({origins.OriginRef("source", "s7")})
    found = within(5, lambda: lint_sources.double_counted(findings, traced))
    assert [f.message.split(",")[0] for f in found] == ["'e19999' gives the same figure as 'e7'"]


def test_double_counted_names_the_first_row_sharing_an_origin() -> None:
    estimate = model.Estimate(quantity="V", estimator="O", location="R", value=1)
    findings = _findings([_reported(f"e{n}", estimate) for n in range(3)])
    one, two = origins.OriginRef("origin", "one"), origins.OriginRef("origin", "two")
    traced = {"e0": frozenset({one}), "e1": frozenset({two}), "e2": frozenset({two, one})}
    found = lint_sources.double_counted(findings, traced)
    assert [(f.subject, f.message.split(",")[0]) for f in found] == [
        (("claims", 2), "'e2' gives the same figure as 'e0'")
    ]


def _only_error(result: Run) -> str:
    assert result.code == 1, result.stderr
    errors = [line for line in result.lines if ": error: " in line]
    assert len(errors) == 1, result.stderr
    return errors[0]


def _alias_lines(per_level: str) -> str:
    lines = ["- &a0 [x]", *(f"- &a{n} [{per_level.format(n - 1)}]" for n in range(1, 450))]
    return SAMPLE_FINDINGS + "spare:\n" + "".join(f"  {line}\n" for line in lines)


def _pointed_at(findings: Path, error: str) -> str:
    """What the file holds where the error points."""
    line, column = map(int, error.split(": error: ")[0].split(":")[-2:])
    return findings.read_text().splitlines()[line - 1][column - 1 :]


def test_aliases_that_double_at_every_level_stop_at_an_alias_quickly(
    project: Project, run: Runner
) -> None:
    findings = project(_alias_lines("*a{0}, *a{0}"))
    error = _only_error(within(20, lambda: run("--findings", str(findings))))
    assert (
        f"with this alias, YAML aliases repeat more than {MAX_ALIASED:,} values in all: "
        "write the values out plainly" in error
    )
    assert _pointed_at(findings, error).startswith("*a")


def test_aliases_nesting_past_the_depth_limit_are_an_error_at_the_alias(
    project: Project, run: Runner
) -> None:
    findings = project(_alias_lines("*a{0}"))
    error = _only_error(within(20, lambda: run("--findings", str(findings))))
    assert f"through this alias the findings nest more than {MAX_DEPTH} levels deep" in error
    # Three collections hold each alias (the file's mapping, 'spare', the entry) and what
    # '*aN' repeats nests N + 1 deep: '*a97' is the first to reach past 100.
    assert _pointed_at(findings, error) == f"*a{MAX_DEPTH - 3}]"


def test_estimates_csv_neutralises_formulas_in_every_text_column() -> None:
    estimate = model.Estimate(quantity="=HYPERLINK(1)", estimator="+cmd", location="@sum", value=5)
    claim = model.Claim(
        id="-1-1",
        statement="x",
        said_by="\t=1+1",
        evidence=(model.Evidence(source="-src", quote="x"),),
        estimate=estimate,
    )
    rows = list(csv.DictReader(io.StringIO(render_csv(_findings([claim])).decode())))
    assert {
        k: rows[0][k]
        for k in ("quantity", "estimator", "location", "said_by", "claim_id", "source_ids", "value")
    } == {
        "quantity": "'=HYPERLINK(1)",
        "estimator": "'+cmd",
        "location": "'@sum",
        "said_by": "'\t=1+1",
        "claim_id": "'-1-1",
        "source_ids": "'-src",
        "value": "5",
    }


def test_estimates_csv_neutralises_full_width_formula_signs() -> None:
    estimate = model.Estimate(
        quantity="\uff1d1+1", estimator="\uff0bcmd", location="\uff20sum", value=5
    )
    claim = model.Claim(
        id="c",
        statement="x",
        said_by="\uff0d2",
        evidence=(model.Evidence(source="src", quote="x"),),
        estimate=estimate,
    )
    rows = list(csv.DictReader(io.StringIO(render_csv(_findings([claim])).decode())))
    assert [rows[0][k][:1] for k in ("quantity", "estimator", "location", "said_by")] == ["'"] * 4


def test_a_source_s_bidirectional_controls_are_shown_as_codes_on_the_page(
    project: Project, run: Runner
) -> None:
    text = SAMPLE_TEXT + "The council \u202edeined\u202c it.\n"
    findings = project(sources={"sources/news.txt": text})
    assert run("--findings", str(findings)).code == 0
    page = (findings.parent / "report" / "index.html").read_text(encoding="utf-8")
    assert "The council [U+202E]deined[U+202C] it." in page
    assert "\u202e" not in page and "\u202c" not in page


def test_the_page_grows_with_the_findings_not_with_their_square(
    project: Project, run: Runner
) -> None:
    """Ids and titles are repeated in every link and citation, so they are bounded: the
    longest allowed, cited many times, gives a page a fixed multiple of the findings."""
    source_id, claim_id = "s" * 64, "c" * 64
    judgments = "".join(
        f"  - id: j{n}-{'x' * 58}\n    kind: judgment\n    statement: See [it](#{claim_id}).\n"
        f"    likelihood: likely\n    confidence: high\n    based_on: [{claim_id}]\n"
        for n in range(300)
    )
    findings = project(
        SAMPLE_FINDINGS.replace("id: news", f"id: {source_id}")
        .replace("source: news", f"source: {source_id}")
        .replace("title: Volunteers clean the river", "title: " + "T" * 300)
        .replace("id: officials-count", f"id: {claim_id}")
        .replace("officials-count", claim_id)
        + judgments
    )
    assert run("--findings", str(findings)).code == 0
    page = (findings.parent / "report" / "index.html").stat().st_size
    assert page < 40 * findings.stat().st_size
