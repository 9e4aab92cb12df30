"""The command line as users and CI call it: exit codes, --check, --strict, --out,
atomic writes and same-bytes builds."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from briefing.output import write
from conftest import SAMPLE_FINDINGS, Run

Project = Callable[..., Path]
Runner = Callable[..., Run]


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_build_writes_the_report_files(project: Project, run: Runner) -> None:
    findings = project()
    result = run("--findings", str(findings))
    assert result.code == 0, result.stderr
    assert sorted(os.listdir(findings.parent / "report")) == [
        "annotations.jsonld",
        "briefing.stix.json",
        "estimates.csv",
        "findings.json",
        "index.html",
        "sources.csl.json",
    ]


def test_findings_json_carries_resolved_offsets_hashes_and_coverage(
    project: Project, run: Runner
) -> None:
    findings = project()
    assert run("--findings", str(findings)).code == 0
    data = json.loads((findings.parent / "report" / "findings.json").read_text("utf-8"))
    text = (findings.parent / "sources" / "news.txt").read_text("utf-8")
    spans = [(ev["start"], ev["end"]) for c in data["claims"] for ev in c["evidence"]]
    assert text[spans[0][0] : spans[0][1]] == "about 1,200 volunteers joined the clean-up"
    mayor = data["claims"][1]["evidence"][0]
    assert (
        text[mayor["start"] : mayor["end"]]
        == "The mayor’s office put the number at “up to 1,500” people"
    )
    source = data["sources"][0]
    assert len(source["sha256"]) == 64
    assert source["coverage"] == round(2 / 4, 4)


def test_offsets_ignore_bom_and_crlf(project: Project, run: Runner) -> None:
    raw = (
        "\ufeffFirst line.\r\nabout 1,200 volunteers joined the clean-up\r\n"
        "The mayor’s office put the number at “up to 1,500” people\r"
    )
    findings = project(sources={"sources/news.txt": raw.encode("utf-8")})
    assert run("--findings", str(findings)).code == 0
    data = json.loads((findings.parent / "report" / "findings.json").read_text("utf-8"))
    ev = data["claims"][0]["evidence"][0]
    assert (ev["start"], ev["end"]) == (12, 12 + len("about 1,200 volunteers joined the clean-up"))


def test_estimates_csv_has_one_row_per_estimate(project: Project, run: Runner) -> None:
    findings = project()
    assert run("--findings", str(findings)).code == 0
    rows = (findings.parent / "report" / "estimates.csv").read_text("utf-8").splitlines()
    assert rows == [
        "quantity,estimator,location,qualifier,value,low,high,as_of,said_by,claim_id,"
        "source_ids,flag,basis,stated,place,unit,note",
        "Volunteers,Officials,Riverside,about,1200,,,,Officials,officials-count,news,,count,,,,",
    ]


def test_two_builds_are_byte_identical(project: Project, run: Runner, tmp_path: Path) -> None:
    findings = project()
    assert run("--findings", str(findings), "--out", str(tmp_path / "a")).code == 0
    assert run("--findings", str(findings), "--out", str(tmp_path / "b")).code == 0
    assert snapshot(tmp_path / "a") == snapshot(tmp_path / "b")


def test_build_date_comes_only_from_source_date_epoch(
    project: Project, run: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    findings = project()
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert run("--findings", str(findings)).code == 0
    assert "Built 2" not in (findings.parent / "report" / "index.html").read_text("utf-8")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert run("--findings", str(findings)).code == 0
    assert "Built 14 Nov 2023." in (findings.parent / "report" / "index.html").read_text("utf-8")


def test_failed_build_leaves_the_previous_report_untouched(project: Project, run: Runner) -> None:
    findings = project()
    assert run("--findings", str(findings)).code == 0
    before = snapshot(findings.parent / "report")
    findings.write_text(
        SAMPLE_FINDINGS.replace("joined the clean-up", "joined the cleanup"), encoding="utf-8"
    )
    result = run("--findings", str(findings))
    assert result.code == 1
    assert snapshot(findings.parent / "report") == before
    assert sorted(os.listdir(findings.parent)) == ["findings.yaml", "report", "sources"]


def test_changing_one_word_of_a_quote_fails_at_that_quotes_line(
    project: Project, run: Runner
) -> None:
    findings = project(SAMPLE_FINDINGS.replace("1,200 volunteers joined", "1,200 helpers joined"))
    result = run("--findings", str(findings))
    line = next(
        i for i, text in enumerate(findings.read_text().splitlines(), 1) if "helpers joined" in text
    )
    assert result.code == 1
    assert result.lines[0].startswith(f"{findings}:{line}:16: error: quote not found")
    assert "the quote has 'helpers' where the source has 'volunteers'" in result.lines[0]


def test_check_passes_on_a_fresh_report_and_writes_nothing(project: Project, run: Runner) -> None:
    findings = project()
    assert run("--findings", str(findings)).code == 0
    before = snapshot(findings.parent / "report")
    assert run("--findings", str(findings), "--check").code == 0
    assert snapshot(findings.parent / "report") == before


def test_check_fails_when_the_report_is_stale(project: Project, run: Runner) -> None:
    findings = project()
    assert run("--findings", str(findings)).code == 0
    findings.write_text(
        SAMPLE_FINDINGS.replace("Turnout was **high**.", "Turnout was low."), encoding="utf-8"
    )
    result = run("--findings", str(findings), "--check")
    assert result.code == 1
    assert any("index.html is out of date" in line for line in result.lines)
    assert "Turnout was **high**" not in findings.read_text()


def test_check_fails_when_there_is_no_report(project: Project, run: Runner) -> None:
    findings = project()
    result = run("--findings", str(findings), "--check")
    assert result.code == 1
    assert not (findings.parent / "report").exists()


def test_check_fails_on_invalid_findings(project: Project, run: Runner) -> None:
    findings = project(SAMPLE_FINDINGS.replace("reliability: C", "reliability: Z"))
    assert run("--findings", str(findings), "--check").code == 1


def test_warnings_pass_but_fail_under_strict(project: Project, run: Runner) -> None:
    findings = project(SAMPLE_FINDINGS.replace("    said_by: Officials\n", "", 1))
    result = run("--findings", str(findings))
    assert result.code == 0
    assert any(
        ": warning: reported claim 'officials-count' does not say who made it" in line
        for line in result.lines
    )
    strict = run("--findings", str(findings), "--strict", "--out", str(findings.parent / "s"))
    assert strict.code == 1
    assert not (findings.parent / "s").exists()


def test_unknown_option_is_a_usage_error(run: Runner) -> None:
    result = run("--bogus")
    assert result.code == 2
    assert "unrecognized arguments: --bogus" in result.stderr


def test_missing_findings_file_is_a_usage_error(run: Runner, tmp_path: Path) -> None:
    result = run("--findings", str(tmp_path / "nope.yaml"))
    assert result.code == 2
    assert "not found" in result.stderr


def test_out_refuses_to_replace_a_folder_that_is_not_a_report(
    project: Project, run: Runner, tmp_path: Path
) -> None:
    findings = project()
    precious = tmp_path / "docs"
    precious.mkdir()
    (precious / "thesis.txt").write_text("years of work")
    result = run("--findings", str(findings), "--out", str(precious))
    assert result.code == 2
    assert (precious / "thesis.txt").read_text() == "years of work"


def test_out_writes_elsewhere(project: Project, run: Runner, tmp_path: Path) -> None:
    findings = project()
    assert run("--findings", str(findings), "--out", str(tmp_path / "deep" / "out")).code == 0
    assert (tmp_path / "deep" / "out" / "index.html").is_file()
    assert not (findings.parent / "report").exists()


def test_bad_input_never_gives_a_traceback(project: Project, run: Runner) -> None:
    findings = project("briefing: [unclosed\n")
    result = run("--findings", str(findings))
    assert result.code == 1
    assert "Traceback" not in result.stderr
    assert result.lines[0] == (
        f"{findings}:1:11: error: the '[' opened here is never closed: "
        "add the ']' at the end of its list"
    )


def test_source_that_is_not_utf8_is_an_error_at_its_file_key(project: Project, run: Runner) -> None:
    findings = project(sources={"sources/news.txt": b"caf\xe9 1,200"})
    result = run("--findings", str(findings))
    assert result.code == 1
    assert result.lines[0] == (
        f"{findings}:7:11: error: source file 'sources/news.txt' is "
        "not UTF-8 text (bad byte at offset 3); convert it to UTF-8"
    )


def test_a_source_symlinked_outside_the_project_is_refused(
    project: Project, run: Runner, tmp_path_factory: pytest.TempPathFactory
) -> None:
    outside = tmp_path_factory.mktemp("elsewhere") / "secret.txt"
    outside.write_text("about 1,200 volunteers joined the clean-up")
    findings = project()
    link = findings.parent / "sources" / "link.txt"
    link.symlink_to(outside)
    findings.write_text(SAMPLE_FINDINGS.replace("sources/news.txt", "sources/link.txt"))
    result = run("--findings", str(findings))
    assert result.code == 1
    assert "is outside the project" in result.stderr


def test_an_interrupted_write_leaves_the_previous_report(
    project: Project, run: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If writing the new report fails half-way, the old one is still whole and no staging
    folder is left behind."""
    findings = project()
    assert run("--findings", str(findings)).code == 0
    before = snapshot(findings.parent / "report")
    findings.write_text(
        SAMPLE_FINDINGS.replace("Turnout was **high**.", "Turnout was low."), encoding="utf-8"
    )
    real_write = write.write_new
    calls = []

    def failing_write(path: Path, data: bytes) -> None:
        calls.append(path.name)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        real_write(path, data)

    monkeypatch.setattr(write, "write_new", failing_write)
    result = run("--findings", str(findings))
    assert result.code == 1
    assert result.lines == [
        f"build-report: error: could not write {findings.parent / 'report'}:"
        " No space left on device; the previous report is unchanged"
    ]
    assert snapshot(findings.parent / "report") == before
    assert sorted(os.listdir(findings.parent)) == ["findings.yaml", "report", "sources"]


def test_a_long_chain_of_judgments_is_checked_without_running_out_of_stack(
    project: Project, run: Runner
) -> None:
    chain = "".join(
        f"""  - id: kj-{i}
    kind: judgment
    statement: Step {i}.
    likelihood: likely
    confidence: low
    based_on: [{f"kj-{i + 1}" if i < 2999 else "officials-count"}]
"""
        for i in range(3000)
    )
    findings = project(SAMPLE_FINDINGS + chain)
    result = run("--findings", str(findings), "--out", str(findings.parent / "out"))
    assert result.code == 0, result.stderr[-500:]


def test_findings_given_without_the_option_get_a_hint(run: Runner) -> None:
    result = run("my-findings.yaml")
    assert result.code == 2
    assert "(give the findings file as --findings PATH)" in result.stderr


def test_a_build_runs_without_the_cycle_collector_and_gives_it_back(
    project: Project, run: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gc

    from briefing import build as build_module

    seen = []
    real = build_module.build_page

    def watching(*args: object, **kwargs: object) -> object:
        seen.append(gc.isenabled())
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(build_module, "build_page", watching)
    assert gc.isenabled()
    assert run("--findings", str(project())).code == 0
    assert seen == [False] and gc.isenabled()
    assert run("--findings", "missing.yaml").code == 2 and gc.isenabled()
    # The watcher rebuilds through the same path: paused for each build, running between.
    from briefing.commands.build import BuildOptions, build_and_write

    findings = project()
    options = BuildOptions(
        findings, str(findings), findings.parent / "report", None, strict=False, check=False
    )
    for _ in range(2):
        assert build_and_write(options, quiet=True) == 0
        assert gc.isenabled()
    assert seen == [False, False, False]


def test_the_script_leaves_at_once_with_its_exit_code_and_all_it_printed(project: Project) -> None:
    import subprocess
    import sys

    from conftest import ROOT

    findings = project()
    script = str(ROOT / "build_report.py")
    # Buffered output, as a pipe normally gets: what is left in the buffer at the end must
    # be flushed before the process leaves.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}

    def call(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, script, *argv],
            capture_output=True,
            text=True,
            cwd=findings.parent,
            env=env,
        )

    built = call()
    assert built.returncode == 0 and "wrote report/" in built.stderr
    found = call("find", "news", "volunteers joined the clean-up")
    assert found.returncode == 0 and "about 1,200 volunteers joined the clean-up" in found.stdout
    findings.write_text(
        SAMPLE_FINDINGS.replace("quote: about 1,200", "quote: about 9,999"), encoding="utf-8"
    )
    failed = call()
    assert failed.returncode == 1 and "nothing was written" in failed.stderr
    assert call("--version").returncode == 0


@pytest.mark.parametrize("buffered", [True, False])
def test_output_that_cannot_be_written_is_an_error_not_a_silent_success(
    project: Project, buffered: bool
) -> None:
    import subprocess
    import sys

    from conftest import ROOT

    findings = project()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    if not buffered:  # each print writes at once, and fails there
        env["PYTHONUNBUFFERED"] = "1"
    with open("/dev/full", "w") as full:  # every write fails: no space left
        done = subprocess.run(
            [sys.executable, str(ROOT / "build_report.py"), "find", "news", "volunteers joined"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            cwd=findings.parent,
            env=env,
        )
    assert done.returncode == 120 and "could not be written" in done.stderr
    assert "Traceback" not in done.stderr


def test_under_a_profiler_the_script_ends_the_normal_way(project: Project, tmp_path: Path) -> None:
    import subprocess
    import sys

    from conftest import ROOT

    findings = project()
    profile = tmp_path / "build.prof"
    done = subprocess.run(
        [sys.executable, "-m", "cProfile", "-o", str(profile), str(ROOT / "build_report.py")],
        capture_output=True,
        text=True,
        cwd=findings.parent,
    )
    assert done.returncode == 0 and profile.stat().st_size > 0  # written at exit
