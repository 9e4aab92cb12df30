"""Corroboration counted by originator, ``origin: own``, an edition remembered in
``briefing.previous``, changes to every field a reader sees, and indicator statuses."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from briefing.cli import main
from conftest import SAMPLE_FINDINGS, SAMPLE_TEXT, Run

Project = Callable[..., Path]
Runner = Callable[..., Run]

BRIEFINGS = """\
briefing:
  title: Flood
  as_of: 2025-10-20
sources:
  - id: wire
    file: sources/wire.txt
    title: Wire report
  - id: radio
    file: sources/radio.txt
    title: Radio report
origins:
  - id: briefing-14
    title: Authority briefing, 14 October
    by: {by14}
  - id: briefing-15
    title: Authority briefing, 15 October
    by: {by15}
  - id: release-16
    title: Authority release, 16 October
    by: Flood Authority
claims:
  - id: shelters
    statement: Shelters are full.
    said_by: Flood Authority
    credibility: 2
    evidence:
      - source: wire
        quote: Shelters are full, the authority said on Monday.
        origin: briefing-14
      - source: wire
        quote: Shelters remained full on Tuesday.
        origin: briefing-15
      - source: radio
        quote: All shelters are full, a release said.
        origin: release-16
  - id: kj-shelters
    kind: judgment
    statement: More shelters will likely open.
    likelihood: likely
    confidence: low
    based_on: [shelters]
    alternatives: [People leave for relatives.]
    indicators: [New shelters announced.]
"""
TEXTS = {
    "sources/wire.txt": "Shelters are full, the authority said on Monday.\n"
    "Shelters remained full on Tuesday.\n",
    "sources/radio.txt": "All shelters are full, a release said.\n",
}


def built(
    project: Project,
    run: Runner,
    findings: str,
    texts: dict[str, str | bytes] | None = None,
    *argv: str,
) -> tuple[Run, Path]:
    path = project(findings, texts or TEXTS)
    return run("--findings", str(path), *argv), path.parent


def claim(folder: Path, cid: str) -> dict[str, object]:
    data = json.loads((folder / "report" / "findings.json").read_text(encoding="utf-8"))
    return next(c for c in data["claims"] if c["id"] == cid)


def test_statements_of_one_body_count_as_one_originator(project: Project, run: Runner) -> None:
    result, folder = built(
        project, run, BRIEFINGS.format(by14="Flood Authority", by15="flood  authority")
    )
    assert result.code == 0, result.stderr
    shelters = claim(folder, "shelters")
    assert (shelters["independent_origins"], shelters["origin_count"]) == (1, 3)
    assert "(lint: single-origin;" in result.stderr
    page = (folder / "report" / "index.html").read_text(encoding="utf-8")
    assert "1 independent originator (3 statements)" in page


def test_origins_without_a_shared_by_are_each_their_own_originator(
    project: Project, run: Runner
) -> None:
    result, folder = built(
        project, run, BRIEFINGS.format(by14="Flood Authority", by15="River Police")
    )
    assert result.code == 0, result.stderr
    assert claim(folder, "shelters")["independent_origins"] == 2
    assert "(lint: single-origin;" not in result.stderr


OWN = SAMPLE_FINDINGS.replace(
    """    evidence:
      - source: news
        quote: about 1,200 volunteers joined the clean-up
""",
    """    evidence:
      - source: news
        quote: about 1,200 volunteers joined the clean-up
      - source: radio
        quote: about 1,200 volunteers came
""",
).replace(
    """claims:""",
    """  - id: radio
    file: sources/radio.txt
    title: Radio bulletin
claims:""",
)
TWO_TEXTS = {"sources/news.txt": SAMPLE_TEXT, "sources/radio.txt": "about 1,200 volunteers came\n"}


def test_own_reporting_said_in_so_many_words_clears_untraced_corroboration(
    project: Project, run: Runner
) -> None:
    untraced, _ = built(project, run, OWN, TWO_TEXTS)
    assert "(lint: untraced-corroboration;" in untraced.stderr
    said = OWN.replace(
        "        quote: about 1,200 volunteers came\n",
        "        quote: about 1,200 volunteers came\n        origin: own\n",
    ).replace(
        "    title: Volunteers clean the river\n",
        "    title: Volunteers clean the river\n    origin: own\n",
    )
    result, folder = built(project, run, said, TWO_TEXTS)
    assert result.code == 0, result.stderr
    assert "untraced-corroboration" not in result.stderr
    assert claim(folder, "officials-count")["independent_origins"] == 2


def test_own_is_not_an_origin_id(project: Project, run: Runner) -> None:
    findings = SAMPLE_FINDINGS + "origins:\n  - id: own\n    title: Ours\n"
    result, _ = built(project, run, findings, {"sources/news.txt": SAMPLE_TEXT})
    assert result.code == 1
    assert "error: 'own' is not an origin id" in result.stderr


def edition_one(project: Project, run: Runner) -> Path:
    path = project(
        SAMPLE_FINDINGS.replace("  as_of: 2025-05-01\n", "  as_of: 2025-05-01\n  edition: 1\n")
    )
    assert run("--findings", str(path)).code == 0
    kept = path.parent / "editions" / "1"
    kept.mkdir(parents=True)
    (kept / "findings.json").write_bytes((path.parent / "report" / "findings.json").read_bytes())
    return path


def test_briefing_previous_is_used_by_build_and_check_without_the_option(
    project: Project, run: Runner
) -> None:
    path = edition_one(project, run)
    second = SAMPLE_FINDINGS.replace(
        "  as_of: 2025-05-01\n",
        "  as_of: 2025-05-02\n  edition: 2\n  previous: editions/1/findings.json\n",
    ).replace("Turnout was **high**.", "Turnout was **very high**.")
    path.write_text(second, encoding="utf-8")
    assert run("--findings", str(path)).code == 0
    data = json.loads((path.parent / "report" / "findings.json").read_text(encoding="utf-8"))
    assert {
        "claim": None,
        "subject": "summary",
        "change": "changed",
        "old": "Turnout was **high**.",
        "new": "Turnout was **very high**.",
    } in data["changes"]
    page = (path.parent / "report" / "index.html").read_text(encoding="utf-8")
    assert "What changed since edition 1" in page and "Bottom line reworded" in page
    check = run("--findings", str(path), "--check")
    assert check.code == 0, check.stderr


def test_check_of_a_report_built_with_previous_does_not_advise_dropping_it(
    project: Project, run: Runner
) -> None:
    path = edition_one(project, run)
    kept = path.parent / "editions" / "1" / "findings.json"
    assert run("--findings", str(path), "--previous", str(kept)).code == 0
    check = run("--findings", str(path), "--check")
    assert check.code == 1
    assert "give the same --previous, or name the edition in briefing.previous" in check.stderr
    assert "run build-report to rebuild it" not in check.stderr


@pytest.mark.parametrize(
    ("named", "message"),
    [
        ("editions/9/findings.json", "previous findings 'editions/9/findings.json' not found"),
        ("../outside.json", "is outside the project"),
        ("report/findings.json", "is inside the report folder"),
    ],
)
def test_a_bad_briefing_previous_is_an_error_at_its_line(
    project: Project, run: Runner, named: str, message: str
) -> None:
    path = edition_one(project, run)
    before = (path.parent / "report" / "index.html").read_bytes()
    path.write_text(
        SAMPLE_FINDINGS.replace(
            "  as_of: 2025-05-01\n", f"  as_of: 2025-05-01\n  previous: {named}\n"
        ),
        encoding="utf-8",
    )
    result = run("--findings", str(path))
    assert result.code == 1
    assert result.stderr.split(": error: ")[0].endswith("findings.yaml:4:13")
    assert message in result.stderr
    assert (path.parent / "report" / "index.html").read_bytes() == before


def test_diff_lists_an_estimator_change_said_by_and_sources_added(
    project: Project, run: Runner, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = project()
    assert run("--findings", str(path), "--out", str(tmp_path / "one")).code == 0
    moved = (
        SAMPLE_FINDINGS.replace("      estimator: Officials\n", "      estimator: Council\n")
        .replace("    said_by: Mayor's office\n", "    said_by: The mayor\n")
        .replace(
            "claims:",
            "  - id: radio\n    file: sources/radio.txt\n    title: Radio bulletin\nclaims:",
        )
    )
    (path.parent / "sources" / "radio.txt").write_text("Radio.\n", encoding="utf-8")
    path.write_text(moved, encoding="utf-8")
    assert run("--findings", str(path), "--out", str(tmp_path / "two")).code == 0
    capsys.readouterr()
    assert (
        main(
            [
                "diff",
                str(tmp_path / "one" / "findings.json"),
                str(tmp_path / "two" / "findings.json"),
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "      estimator: Officials -> Council\n" in out
    assert "    said_by: Mayor's office -> The mayor\n" in out
    assert "added: source 'radio'\n    Radio bulletin\n" in out


SEEN = SAMPLE_FINDINGS.replace(
    "    indicators:\n      - The organisers' sign-up sheets, when published.\n",
    "    indicators:\n      - text: The organisers' sign-up sheets, when published.\n"
    "        status: seen\n        as_of: 2025-05-02\n        note: Published on Friday.\n",
)


def test_an_indicator_seen_since_the_last_edition_with_the_judgment_unchanged_is_a_warning(
    project: Project, run: Runner, tmp_path: Path
) -> None:
    path = project()
    assert run("--findings", str(path), "--out", str(tmp_path / "one")).code == 0
    path.write_text(SEEN, encoding="utf-8")
    result = run("--findings", str(path), "--previous", str(tmp_path / "one" / "findings.json"))
    assert result.code == 0, result.stderr
    assert "now seen" in result.stderr and "(lint: indicator-not-acted-on;" in result.stderr
    page = (path.parent / "report" / "index.html").read_text(encoding="utf-8")
    assert "not seen → seen" in page
    revised = SEEN.replace(
        "    likelihood: likely\n",
        "    likelihood: very likely\n    revised: The sheets show more names.\n",
    )
    path.write_text(revised, encoding="utf-8")
    again = run("--findings", str(path), "--previous", str(tmp_path / "one" / "findings.json"))
    assert again.code == 0 and "indicator-not-acted-on" not in again.stderr


def test_an_indicator_status_must_be_one_of_three(project: Project, run: Runner) -> None:
    path = project(SEEN.replace("status: seen", "status: spotted"))
    result = run("--findings", str(path))
    assert result.code == 1
    assert "spotted" in result.stderr and "not-seen" in result.stderr


def test_a_reason_dropped_for_the_next_edition_is_said(
    project: Project, run: Runner, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A change of nothing but the reason would otherwise list the judgment with no words."""
    given = SAMPLE_FINDINGS.replace(
        "    likelihood: likely\n", "    likelihood: likely\n    revised: Sheets published.\n"
    )
    path = project(given)
    assert run("--findings", str(path), "--out", str(tmp_path / "one")).code == 0
    path.write_text(SAMPLE_FINDINGS, encoding="utf-8")
    assert (
        run("--findings", str(path), "--previous", str(tmp_path / "one" / "findings.json")).code
        == 0
    )
    page = (path.parent / "report" / "index.html").read_text(encoding="utf-8")
    assert "reason for the revision dropped" in page
    capsys.readouterr()
    main(
        [
            "diff",
            str(tmp_path / "one" / "findings.json"),
            str(path.parent / "report" / "findings.json"),
        ]
    )
    assert "    revised: Sheets published. -> (none)\n" in capsys.readouterr().out


def test_a_reworded_bottom_line_is_counted_in_the_header_and_shown_whole_by_diff(
    project: Project, run: Runner, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    long_tail = " and " + "a very long clause " * 20 + "that ends with probably."
    path = project()
    assert run("--findings", str(path), "--out", str(tmp_path / "one")).code == 0
    path.write_text(
        SAMPLE_FINDINGS.replace(
            "  summary: Turnout was **high**.\n",
            f"  summary: Turnout was **high**{long_tail}\n",
        ),
        encoding="utf-8",
    )
    old = str(tmp_path / "one" / "findings.json")
    assert run("--findings", str(path), "--previous", old).code == 0
    page = (path.parent / "report" / "index.html").read_text(encoding="utf-8")
    assert "1 other change" in page
    capsys.readouterr()
    main(["diff", old, str(path.parent / "report" / "findings.json")])
    out = capsys.readouterr().out
    assert "that ends with probably." in out and "…" not in out
