"""Editions: a build given the previous edition's findings.json records what changed,
claim by claim, shows it on the page, and `diff` prints the same in the terminal."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import SAMPLE_FINDINGS, Run

Project = Callable[..., Path]
Runner = Callable[..., Run]


def edition(project: Project, run: Runner, tmp_path: Path, before: str, after: str
            ) -> tuple[dict[str, object], str, Path]:
    """Build ``before`` as the previous edition, then ``after`` with --previous."""
    findings = project(before)
    assert run("--findings", str(findings), "--out", str(tmp_path / "old")).code == 0
    findings.write_text(after, encoding="utf-8")
    result = run("--findings", str(findings), "--previous", str(tmp_path / "old" /
                                                                  "findings.json"))
    assert result.code == 0, result.stderr
    out = findings.parent / "report"
    data = json.loads((out / "findings.json").read_text(encoding="utf-8"))
    return data, (out / "index.html").read_text(encoding="utf-8"), findings


def changes_of(data: dict[str, object]) -> dict[str, dict[str, object]]:
    return {c["claim"]: c for c in data["changes"]}  # type: ignore[attr-defined, index]


def test_without_previous_there_are_no_changes_and_no_section(project: Project,
                                                               run: Runner) -> None:
    findings = project()
    assert run("--findings", str(findings)).code == 0
    data = json.loads((findings.parent / "report" / "findings.json").read_text())
    html = (findings.parent / "report" / "index.html").read_text()
    assert "changes" not in data and 'id="changes"' not in html


def test_a_moved_likelihood_is_listed_first_with_old_and_new(
        project: Project, run: Runner, tmp_path: Path) -> None:
    after = SAMPLE_FINDINGS.replace("    likelihood: likely\n", "    likelihood: very likely\n"
                                    "    revised: The sign-up sheets were published.\n")
    data, html, _ = edition(project, run, tmp_path, SAMPLE_FINDINGS, after)
    first = data["changes"][0]  # type: ignore[index]
    assert first["claim"] == "kj-turnout" and first["change"] == "changed"
    assert first["fields"] == {"likelihood": {"old": "likely", "new": "very likely"}}
    section = html.split('id="changes"')[1].split("</section>")[0]
    assert "What changed since the previous edition" in section
    assert "likelihood: likely → very likely" in section
    assert "The sign-up sheets were published." in section
    assert 'href="#changes"' in html.split("</header>")[0]  # linked from the first screen


def test_a_moved_judgment_without_a_reason_is_a_lint_warning(
        project: Project, run: Runner, tmp_path: Path) -> None:
    findings = project()
    assert run("--findings", str(findings), "--out", str(tmp_path / "old")).code == 0
    findings.write_text(SAMPLE_FINDINGS.replace("confidence: low", "confidence: moderate"))
    result = run("--findings", str(findings), "--previous",
                 str(tmp_path / "old" / "findings.json"), "--strict")
    assert result.code == 1
    assert "(lint: unexplained-revision;" in result.stderr
    assert f"{findings}:35:17: warning: judgment 'kj-turnout'" in result.stderr


def test_figures_added_removed_and_reflagged_claims_are_recorded(
        project: Project, run: Runner, tmp_path: Path) -> None:
    after = SAMPLE_FINDINGS.replace("      value: 1200\n", "      value: 1300\n").replace(
        "about 1,200 volunteers joined the clean-up", "about 1,300 volunteers joined the clean-up")
    after = after.replace("""  - id: mayor-count
    statement: The mayor's office says up to 1,500.
""", """  - id: mayor-count
    statement: The mayor's office says up to 1,500.
    flag: disputed
    note: Organisers count fewer.
""")
    after = after.replace("  - id: kj-turnout", """  - id: rain
    statement: Rain may keep volunteers away.
    said_by: Organisers
    credibility: 3
    evidence:
      - source: news
        quote: Rain may keep some away
  - id: kj-turnout""")
    text = "Officials said about 1,300 volunteers joined the clean-up on Saturday.\n" \
        "The mayor’s office put the number at “up to 1,500” people.\n" \
        "Organisers expect more volunteers next week. Rain may keep some away.\n"
    findings = project(SAMPLE_FINDINGS)
    assert run("--findings", str(findings), "--out", str(tmp_path / "old")).code == 0
    findings.write_text(after)
    (findings.parent / "sources" / "news.txt").write_text(text)
    assert run("--findings", str(findings), "--previous",
               str(tmp_path / "old" / "findings.json")).code == 0
    data = json.loads((findings.parent / "report" / "findings.json").read_text())
    changes = changes_of(data)
    figure = changes["officials-count"]["fields"]
    assert figure["estimate"]["old"]["value"] == 1200  # type: ignore[index]
    assert figure["estimate"]["new"]["value"] == 1300  # type: ignore[index]
    assert "evidence" in figure and "statement" not in figure  # type: ignore[operator]
    assert changes["mayor-count"]["fields"] == {"flag": {"old": None, "new": "disputed"}}
    assert changes["rain"]["change"] == "added"
    order = [c["claim"] for c in data["changes"]]
    assert order.index("officials-count") < order.index("mayor-count")


def test_a_removed_claim_is_shown_with_its_old_statement(
        project: Project, run: Runner, tmp_path: Path) -> None:
    after = SAMPLE_FINDINGS.replace("mayor-count]", "officials-count]")
    start = after.index("  - id: mayor-count")
    after = after[:start] + after[after.index("  - id: kj-turnout"):]
    after = after.replace("based_on: [officials-count, officials-count]",
                          "based_on: [officials-count]")
    data, html, _ = edition(project, run, tmp_path, SAMPLE_FINDINGS, after)
    removed = changes_of(data)["mayor-count"]
    assert removed["change"] == "removed"
    section = html.split('id="changes"')[1].split("</section>")[0]
    assert "Removed" in section and "The mayor&#39;s office says up to 1,500." in section


def test_the_previous_editions_number_names_the_section(
        project: Project, run: Runner, tmp_path: Path) -> None:
    before = SAMPLE_FINDINGS.replace("  as_of: 2025-05-01\n", "  as_of: 2025-05-01\n"
                                     "  edition: 3\n")
    after = before.replace("edition: 3", "edition: 4").replace("Officials count about",
                                                               "Officials now count about")
    _, html, _ = edition(project, run, tmp_path, before, after)
    assert "What changed since edition 3" in html


@pytest.mark.parametrize(("content", "says"), [
    (None, "not found"),
    ("{not json", "is not JSON"),
    ('{"claims": "none"}', "has no 'claims' list"),
    ('[1, 2]', "is not an object"),
    ('{"claims": [{"statement": "x"}]}', "claim 1 has no id"),
])
def test_a_bad_previous_file_is_one_line_naming_it(
        project: Project, run: Runner, tmp_path: Path, content: str | None, says: str) -> None:
    previous = tmp_path / "old.json"
    if content is not None:
        previous.write_text(content)
    result = run("--findings", str(project()), "--previous", str(previous))
    assert result.code == 1
    assert len(result.lines) == 1 and str(previous) in result.lines[0] and says in result.stderr
    assert "Traceback" not in result.stderr


def test_diff_prints_the_changes_and_exits_zero(
        project: Project, run: Runner, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    after = SAMPLE_FINDINGS.replace("confidence: low", "confidence: moderate")
    _, _, findings = edition(project, run, tmp_path, SAMPLE_FINDINGS, after)
    from briefing.cli import main

    code = main(["diff", str(tmp_path / "old" / "findings.json"),
                 str(findings.parent / "report" / "findings.json")])
    out = capsys.readouterr()
    assert code == 0
    assert "changed: judgment 'kj-turnout'" in out.out
    assert "    confidence: low -> moderate" in out.out
    assert "1 changed, 0 added, 0 removed" in out.err


def test_diff_of_a_missing_file_is_an_error(run: Runner, tmp_path: Path) -> None:
    result = run("diff", str(tmp_path / "a.json"), str(tmp_path / "b.json"))
    assert result.code == 1 and "a.json" in result.stderr and "not found" in result.stderr
