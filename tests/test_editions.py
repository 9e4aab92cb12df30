"""Editions: a build given the previous edition's findings.json records what changed,
claim by claim, shows it on the page, and `diff` prints the same in the terminal."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.cli import main
from builders import Findings, reported, sample
from conftest import SAMPLE_FINDINGS, SAMPLE_TEXT, Run
from page_parts import by_id, element, text

Project = Callable[..., Path]
Runner = Callable[..., Run]


class Built(NamedTuple):
    data: dict[str, Any]
    html: str
    findings: Path
    stderr: str


def edition(
    project: Project,
    run: Runner,
    tmp_path: Path,
    before: Findings,
    after: Findings,
    source: str | None = None,
) -> Built:
    """Build ``before`` as the previous edition, then ``after`` (with the source text
    ``source``, when given) with --previous."""
    findings = project(before.yaml())
    assert run("--findings", str(findings), "--out", str(tmp_path / "old")).code == 0
    findings.write_text(after.yaml(), encoding="utf-8")
    if source is not None:
        (findings.parent / "sources" / "news.txt").write_text(source, encoding="utf-8")
    result = run("--findings", str(findings), "--previous", str(tmp_path / "old" / "findings.json"))
    assert result.code == 0, result.stderr
    out = findings.parent / "report"
    data = json.loads((out / "findings.json").read_text(encoding="utf-8"))
    return Built(data, (out / "index.html").read_text(encoding="utf-8"), findings, result.stderr)


def section(html: str) -> str:
    """The "What changed" section of a page."""
    return by_id(html, "changes")


def diff(
    run: Runner, capsys: pytest.CaptureFixture[str], old: Path, new: Path
) -> tuple[int, str, str]:
    """``build-report diff OLD NEW``: exit code, stdout and stderr."""
    code = main(["diff", str(old), str(new)])
    out = capsys.readouterr()
    return code, out.out, out.err


def changes_of(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {c["claim"]: c for c in data["changes"]}


# Edits of the sample project, one kind each.
REASON = "The sign-up sheets were published."
MORE_TEXT = SAMPLE_TEXT.replace("1,200", "1,300")


def likelier(reason: str = REASON) -> Findings:
    """The judgment made likelier, for a reason."""
    return sample().edit("kj-turnout", likelihood="very likely", revised=reason)


def more(findings: Findings) -> Findings:
    """The officials' count moved from 1,200 to 1,300 (with MORE_TEXT as the source)."""
    count = findings.claim("officials-count")
    count["estimate"]["value"] = 1300
    count["evidence"][0]["quote"] = "about 1,300 volunteers joined the clean-up"
    return findings


def rain(
    claim_id: str = "rain",
    statement: str = "Rain may keep volunteers away.",
    quote: str = "Rain may keep some away",
) -> dict[str, Any]:
    return reported(claim_id, statement, quote)


def reworded(findings: Findings) -> Findings:
    return findings.edit("officials-count", statement="Officials now count about 1,200 volunteers.")


def test_without_previous_there_are_no_changes_and_no_section(
    project: Project, run: Runner
) -> None:
    findings = project()
    assert run("--findings", str(findings)).code == 0
    data = json.loads((findings.parent / "report" / "findings.json").read_text())
    html = (findings.parent / "report" / "index.html").read_text()
    assert "changes" not in data and 'id="changes"' not in html and "#changes" not in html


def test_previous_adds_only_the_section_its_links_and_changes(
    project: Project, run: Runner, tmp_path: Path
) -> None:
    """Built against an identical edition, the page is the page built without --previous
    plus the section and the links to it; findings.json gains only `changes`."""
    findings = project()
    plain, compared = tmp_path / "plain", tmp_path / "compared"
    assert run("--findings", str(findings), "--out", str(plain)).code == 0
    assert (
        run(
            "--findings",
            str(findings),
            "--out",
            str(compared),
            "--previous",
            str(plain / "findings.json"),
        ).code
        == 0
    )
    page = (compared / "index.html").read_text(encoding="utf-8")
    assert "Nothing in the claims, figures or judgments has changed." in section(page)
    page = re.sub(r'<section id="changes".*?</section>\n', "", page, flags=re.DOTALL)
    page = re.sub(r'<p class="changed">.*?</p>|<li><a href="#changes">.*?</a></li>\n', "", page)
    assert page == (plain / "index.html").read_text(encoding="utf-8")
    data = json.loads((compared / "findings.json").read_text(encoding="utf-8"))
    assert data.pop("changes") == []
    assert data == json.loads((plain / "findings.json").read_text(encoding="utf-8"))


def test_a_moved_likelihood_is_listed_first_with_old_and_new(
    project: Project, run: Runner, tmp_path: Path
) -> None:
    data, html, _, stderr = edition(project, run, tmp_path, sample(), likelier())
    first = data["changes"][0]
    assert first["claim"] == "kj-turnout" and first["change"] == "changed"
    assert first["fields"] == {
        "likelihood": {"old": "likely", "new": "very likely"},
        "revised": {"old": None, "new": "The sign-up sheets were published."},
    }
    assert first["revised"] == "The sign-up sheets were published."
    assert "What changed since the previous edition" in section(html)
    assert "likelihood: likely → very likely" in section(html)
    assert "Why: The sign-up sheets were published." in text(section(html))
    assert 'href="#changes"' in element(html, "header")  # linked from the first screen
    assert "unexplained-revision" not in stderr


def test_a_moved_judgment_without_a_reason_is_a_lint_warning(
    project: Project, run: Runner, tmp_path: Path
) -> None:
    findings = project()
    assert run("--findings", str(findings), "--out", str(tmp_path / "old")).code == 0
    findings.write_text(SAMPLE_FINDINGS.replace("confidence: low", "confidence: moderate"))
    result = run(
        "--findings",
        str(findings),
        "--previous",
        str(tmp_path / "old" / "findings.json"),
        "--strict",
    )
    assert result.code == 1
    assert "(lint: unexplained-revision;" in result.stderr
    assert f"{findings}:35:17: warning: judgment 'kj-turnout'" in result.stderr


def test_the_reasons_cross_references_lead_to_the_claims_not_their_ids(
    project: Project, run: Runner, tmp_path: Path
) -> None:
    after = likelier("The [official count](#officials-count) rose.")
    _, html, _, _ = edition(project, run, tmp_path, sample(), after)
    assert '<a href="#claim_officials-count">official count</a>' in section(html)
    assert all(f'id="{target}"' in html for target in re.findall(r'href="#([^"]+)"', section(html)))
    assert "officials-count" not in text(section(html))


def test_a_reworded_statement_is_recorded_old_and_new(
    project: Project, run: Runner, tmp_path: Path
) -> None:
    data, html, _, _ = edition(project, run, tmp_path, sample(), reworded(sample()))
    assert data["changes"] == [
        {
            "claim": "officials-count",
            "change": "changed",
            "kind": "reported",
            "fields": {
                "statement": {
                    "old": "Officials count about 1,200 volunteers.",
                    "new": "Officials now count about 1,200 volunteers.",
                }
            },
        }
    ]
    assert ">Officials now count about 1,200 volunteers.</a>: reworded." in section(html)


def test_a_moved_figure_is_recorded_with_every_figure_field(
    project: Project, run: Runner, tmp_path: Path
) -> None:
    data, html, _, _ = edition(project, run, tmp_path, sample(), more(sample()), MORE_TEXT)
    moved = changes_of(data)["officials-count"]["fields"]
    row = {
        "low": None,
        "high": None,
        "qualifier": "about",
        "as_of": None,
        "basis": "count",
        "estimator": "Officials",
        "location": "Riverside",
        "quantity": "Volunteers",
        "note": None,
        "place": None,
        "stated": None,
    }
    assert moved["estimate"] == {"old": {"value": 1200, **row}, "new": {"value": 1300, **row}}
    assert "statement" not in moved
    assert "figure: about 1,200 → about 1,300; quote changed." in section(html)
    assert section(html).index("Figures that moved") < section(html).index("officials-count")


def test_a_new_basis_and_date_move_the_estimate(
    project: Project, run: Runner, tmp_path: Path
) -> None:
    after = sample()
    after.claim("officials-count")["estimate"].update(basis="forecast", as_of=dt.date(2025, 4, 30))
    data, html, _, _ = edition(project, run, tmp_path, sample(), after)
    estimate = changes_of(data)["officials-count"]["fields"]["estimate"]
    assert (estimate["old"]["basis"], estimate["new"]["basis"]) == ("count", "forecast")
    assert (estimate["old"]["as_of"], estimate["new"]["as_of"]) == (None, "2025-04-30")
    # A forecast's date is the time it is for, never a date of fact.
    assert "figure: about 1,200 → about 1,200 for 30 Apr 2025 (forecast)" in section(html)


def test_an_edition_without_basis_reads_as_counts(
    project: Project, run: Runner, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """findings.json files from before `basis` existed: a missing basis is a count."""
    _, _, findings, _ = edition(project, run, tmp_path, sample(), sample())
    old = tmp_path / "old" / "findings.json"
    old.write_text(old.read_text(encoding="utf-8").replace(', "basis": "count"', ""))
    code, out, _ = diff(run, capsys, old, findings.parent / "report" / "findings.json")
    assert (code, out) == (0, "no claim, figure or judgment changed\n")


def test_a_changed_quote_is_recorded_with_its_passages(
    project: Project, run: Runner, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    after = sample()
    after.claim("officials-count")["evidence"][0]["quote"] = "Officials said about 1,200 volunteers"
    data, html, findings, _ = edition(project, run, tmp_path, sample(), after)
    assert changes_of(data)["officials-count"]["fields"] == {
        "evidence": {
            "old": [{"source": "news", "quote": "about 1,200 volunteers joined the clean-up"}],
            "new": [{"source": "news", "quote": "Officials said about 1,200 volunteers"}],
        }
    }
    assert ">Officials count about 1,200 volunteers.</a>: quote changed." in section(html)
    _, out, _ = diff(
        run,
        capsys,
        tmp_path / "old" / "findings.json",
        findings.parent / "report" / "findings.json",
    )
    assert (
        "    evidence: 1 -> 1 passage(s)\n"
        "      - news: «about 1,200 volunteers joined the clean-up»\n"
        "      + news: «Officials said about 1,200 volunteers»\n" in out
    )


def test_independent_origins_are_compared_only_when_both_editions_count_them(
    project: Project, run: Runner, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, _, findings, _ = edition(project, run, tmp_path, sample(), sample())
    old, new = tmp_path / "old" / "findings.json", findings.parent / "report" / "findings.json"
    text = old.read_text(encoding="utf-8")
    old.write_text(text.replace(', "independent_origins": 1', ""), encoding="utf-8")
    assert diff(run, capsys, old, new)[1] == "no claim, figure or judgment changed\n"
    old.write_text(
        text.replace(
            '"id": "officials-count"', '"id": "officials-count", "independent_origins": 2', 1
        ).replace(
            ', "independent_origins": 1, "origin_count": 1, "origin_ids": ["source:news"]}', "}", 1
        )
    )
    result = run("--findings", str(findings), "--previous", str(old))
    assert result.code == 0
    data = json.loads(new.read_text(encoding="utf-8"))
    assert data["changes"] == [
        {
            "claim": "officials-count",
            "change": "changed",
            "kind": "reported",
            "fields": {"independent_origins": {"old": 2, "new": 1}},
        }
    ]


@pytest.mark.parametrize(
    ("before", "after", "words"),
    [
        (None, "disputed", "flagged: disputed; note added"),
        ("disputed", None, "flag lifted: disputed; note removed"),
        ("disputed", "likely-error", "flag: disputed → likely error"),
    ],
)
def test_a_reflagged_claim_says_how_its_flag_moved(
    project: Project, run: Runner, tmp_path: Path, before: str | None, after: str | None, words: str
) -> None:
    old = sample().flag("mayor-count", before) if before else sample()
    new = sample().flag("mayor-count", after) if after else sample()
    data, html, _, _ = edition(project, run, tmp_path, old, new)
    assert changes_of(data)["mayor-count"]["fields"]["flag"] == {"old": before, "new": after}
    assert f"says up to 1,500.</a>: {words}." in section(html)


def test_a_removed_claim_is_shown_with_its_old_statement_in_plain_words(
    project: Project, run: Runner, tmp_path: Path
) -> None:
    before = sample().edit(
        "mayor-count", statement="The [mayor's office](#mayor-count) says **up to** 1,500."
    )
    data, html, _, _ = edition(project, run, tmp_path, before, sample().without("mayor-count"))
    assert changes_of(data)["mayor-count"] == {
        "claim": "mayor-count",
        "change": "removed",
        "kind": "reported",
        "statement": "The [mayor's office](#mayor-count) says **up to** 1,500.",
    }
    assert "Removed The mayor's office says up to 1,500." in text(section(html))
    assert "mayor-count" not in section(html)


def test_changes_come_judgments_figures_then_added_removed_reflagged(
    project: Project, run: Runner, tmp_path: Path
) -> None:
    before = sample().add(rain(), before="kj-turnout")
    after = more(likelier().add(rain(), before="kj-turnout")).flag("rain", "unverified")
    after.without("mayor-count").add(
        rain("next-week", "More volunteers are expected.", "Organisers expect more volunteers"),
        before="kj-turnout",
    )
    data, html, _, _ = edition(project, run, tmp_path, before, after, MORE_TEXT)
    order = ["kj-turnout", "officials-count", "next-week", "mayor-count", "rain"]
    assert [(c["claim"], c["change"]) for c in data["changes"]] == list(
        zip(order, ["changed", "changed", "added", "removed", "changed"], strict=True)
    )
    shown = text(section(html))
    places = [
        shown.index(words)
        for words in (
            "Judgments revised",
            "Turnout was the largest yet",
            "Figures that moved",
            "figure: about 1,200 → about 1,300",
            "New, removed and other changed claims",
            "New More volunteers are expected",
            "Removed The mayor's office",
            "Rain may keep volunteers away.: flagged: unverified",
        )
    ]
    assert places == sorted(places)


def test_the_previous_editions_number_names_the_section(
    project: Project, run: Runner, tmp_path: Path
) -> None:
    before = sample().briefing(edition=3)
    after = reworded(sample().briefing(edition=4))
    html = edition(project, run, tmp_path, before, after).html
    assert "What changed since edition 3" in html
    assert '<a href="#changes">What changed since edition 3</a>' in element(html, "header")


def test_check_with_previous_compares_the_same_way(
    project: Project, run: Runner, tmp_path: Path
) -> None:
    findings = edition(project, run, tmp_path, sample(), likelier()).findings
    previous = str(tmp_path / "old" / "findings.json")
    assert run("--findings", str(findings), "--check", "--previous", previous).code == 0
    stale = run("--findings", str(findings), "--check")
    assert stale.code == 1 and "findings.json" in stale.stderr
    findings.write_text(
        sample().edit("kj-turnout", statement="Turnout was surely the largest yet.").yaml()
    )
    assert run("--findings", str(findings), "--check", "--previous", previous).code == 1


FOLDER = object()


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (None, "not found"),
        (FOLDER, "is a folder"),
        ("{not json", "is not JSON (line 1)"),
        (b'{"claims": ["\xff"]}', "is not JSON"),
        ('{"claims": "none"}', "has no 'claims' list"),
        ("[1, 2]", "is not an object"),
        ('{"briefing": [3], "claims": []}', "its 'briefing' is not an object"),
        ('{"claims": [{"statement": "x"}]}', "claim 1 has no id"),
        ('{"claims": [{"id": "a"}, {"id": "a"}]}', "claim 'a' is listed twice"),
        ('{"claims": [{"id": "a", "statement": 3}]}', "claim 'a': 'statement' is not text"),
        ('{"claims": [{"id": "a", "credibility": true}]}', "'credibility' is not a whole number"),
        ('{"claims": [{"id": "a", "estimate": [1]}]}', "'estimate' is not an object"),
        ('{"claims": [{"id": "a", "estimate": {"value": "12"}}]}', "'estimate.value' is not a"),
        ('{"claims": [{"id": "a", "estimate": {"low": NaN}}]}', "'estimate.low' is not a number"),
        (
            '{"claims": [{"id": "a", "estimate": {"high": 1' + "0" * 400 + "}}]}",
            "'estimate.high' is not a number",
        ),
        ('{"claims": [{"id": "a", "estimate": {"basis": 1}}]}', "'estimate.basis' is not text"),
        (
            '{"claims": [{"id": "a", "evidence": [{"source": null, "quote": "q"}]}]}',
            "'evidence' is not a list of passages",
        ),
    ],
)
def test_a_bad_previous_file_is_one_line_naming_it(
    project: Project, run: Runner, tmp_path: Path, content: object, says: str
) -> None:
    previous = tmp_path / "old.json"
    if content is FOLDER:
        previous.mkdir()
    elif isinstance(content, str | bytes):
        previous.write_bytes(content.encode() if isinstance(content, str) else content)
    result = run("--findings", str(project()), "--previous", str(previous))
    assert result.code == 1
    assert len(result.lines) == 1 and says in result.stderr
    assert result.stderr.startswith(f"build-report: error: previous findings '{previous}' ")
    assert not (tmp_path / "report").exists()


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=6),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=6,
)
PLACES = [
    "id",
    "statement",
    "kind",
    "likelihood",
    "confidence",
    "credibility",
    "flag",
    "estimate",
    "estimate.value",
    "estimate.as_of",
    "evidence",
    "evidence.0",
    "evidence.0.quote",
    "independent_origins",
    "revised",
    "/briefing",
    "/claims",
]


def child(node: Any, step: str) -> Any:
    """The item ``step`` names in a JSON object or array, or None."""
    if isinstance(node, dict):
        return node.get(step)
    if isinstance(node, list) and step.isdigit() and int(step) < len(node):
        return node[int(step)]
    return None


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    edits=st.lists(
        st.tuples(st.integers(0, 2), st.sampled_from(PLACES), JSON), min_size=1, max_size=3
    )
)
def test_any_edit_of_the_previous_file_builds_or_is_one_line(
    project: Project,
    run: Runner,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    edits: list[tuple[int, str, object]],
) -> None:
    """Whatever an earlier findings.json holds, the build and diff compare it or name it
    in one line; never a traceback."""
    findings, old = tmp_path / "findings.yaml", tmp_path / "old" / "findings.json"
    if not old.exists():
        assert run("--findings", str(project()), "--out", str(old.parent)).code == 0
    data = json.loads(old.read_text(encoding="utf-8"))
    for index, place, value in edits:
        steps = (
            place[1:].split(".")
            if place.startswith("/")
            else ["claims", str(index), *place.split(".")]
        )
        node: Any = data
        for step in steps[:-1]:
            node = child(node, step)
        if isinstance(node, dict):
            node[steps[-1]] = value
        elif child(node, steps[-1]) is not None:
            node[int(steps[-1])] = value
    previous = tmp_path / "previous.json"
    previous.write_text(json.dumps(data), encoding="utf-8")
    for argv in (
        ["--findings", str(findings), "--previous", str(previous)],
        ["diff", str(previous), str(old)],
    ):
        code = main(argv)
        err = capsys.readouterr().err
        assert code in (0, 1), err
        if code == 1:
            assert (
                err.startswith(
                    f"build-report: error: previous findings '{previous}' is not a findings.json: "
                )
                and err.count("\n") == 1
            ), err


def test_diff_prints_one_block_per_claim_and_exits_zero(
    project: Project, run: Runner, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    after = (
        sample().without("mayor-count").edit("kj-turnout", confidence="moderate", revised=REASON)
    )
    after = reworded(after.add(rain(), before="kj-turnout"))
    findings = edition(project, run, tmp_path, sample(), after).findings
    code, out, err = diff(
        run,
        capsys,
        tmp_path / "old" / "findings.json",
        findings.parent / "report" / "findings.json",
    )
    assert code == 0
    assert (
        out
        == """\
changed: judgment 'kj-turnout'
    confidence: low -> moderate
    why: The sign-up sheets were published.

added: reported 'rain'
    Rain may keep volunteers away.

removed: reported 'mayor-count'
    The mayor's office says up to 1,500.

changed: reported 'officials-count'
    statement:
      - Officials count about 1,200 volunteers.
      + Officials now count about 1,200 volunteers.
"""
    )
    assert err == "2 changed, 1 added, 1 removed\n"


def test_diff_of_identical_editions_says_nothing_changed(
    project: Project, run: Runner, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    findings = project()
    assert run("--findings", str(findings)).code == 0
    report = findings.parent / "report" / "findings.json"
    assert diff(run, capsys, report, report) == (0, "no claim, figure or judgment changed\n", "")


def test_diff_of_a_missing_or_wrong_shaped_file_is_one_line_naming_it(
    run: Runner, tmp_path: Path
) -> None:
    result = run("diff", str(tmp_path / "a.json"), str(tmp_path / "b.json"))
    assert result.code == 1 and len(result.lines) == 1
    assert f"'{tmp_path / 'a.json'}' not found" in result.stderr
    (tmp_path / "a.json").write_text('{"claims": []}')
    (tmp_path / "b.json").write_text('{"claims": {}}')
    result = run("diff", str(tmp_path / "a.json"), str(tmp_path / "b.json"))
    assert result.code == 1 and len(result.lines) == 1
    assert f"'{tmp_path / 'b.json'}' is not a findings.json" in result.stderr


def test_diff_without_two_files_is_a_usage_error(run: Runner, tmp_path: Path) -> None:
    result = run("diff", str(tmp_path / "a.json"))
    assert result.code == 2 and "the following arguments are required: NEW.json" in result.stderr
