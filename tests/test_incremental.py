"""A build in a long-lived process (as --watch rebuilds) writes the bytes of a fresh full
build, whatever was edited between builds: random edits to a generated project, each
rebuilt in one process and compared with a build in a fresh process."""

from __future__ import annotations

import itertools
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing import incremental
from briefing.build import build
from briefing.errors import InvalidFindings
from briefing.page import highlight
from conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import benchmark

CLAIMS, SOURCES = 24, 3


def _fresh_build(findings: Path, out: Path) -> dict[str, bytes]:
    """The report a new process writes for these findings: nothing kept from before."""
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "build_report.py"),
            "--findings",
            str(findings),
            "--out",
            str(out),
        ],
        check=True,
        capture_output=True,
    )
    return {p.name: p.read_bytes() for p in out.iterdir()}


def _fresh_failure(project: Path) -> list[str]:
    """The problems a new process reports for the project's findings, which it refuses."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "build_report.py"), "--out", "fresh"],
        capture_output=True,
        text=True,
        cwd=project,
    )
    assert done.returncode == 1
    return [line for line in done.stderr.splitlines() if not line.startswith("build-report:")]


# Inserted claims are numbered for the whole run: the project is shared by the examples,
# and a claim inserted by one may outlive a drop that removed others.
_INSERTED = itertools.count()


def _edit(folder: Path, kind: str, n: int) -> None:
    findings = folder / "findings.yaml"
    text = findings.read_text(encoding="utf-8")
    claim = n % CLAIMS
    if kind == "statement":
        text = text.replace(f"statement: Claim {claim}.", f"statement: Claim {claim} ed{n}.")
    elif kind == "quote":  # a quote cut short by its last word: another passage
        lines = text.splitlines(keepends=True)
        quotes = [i for i, line in enumerate(lines) if line.count(" ") > 12 and "quote: '" in line]
        if quotes:
            i = quotes[claim % len(quotes)]
            lines[i] = lines[i].rstrip("\n").rsplit(" ", 1)[0] + "'\n"
        text = "".join(lines)
    elif kind == "source":  # a source gains a sentence nobody quotes
        source = folder / "sources" / f"s{n % SOURCES}.txt"
        source.write_text(
            source.read_text(encoding="utf-8") + f"An added line {n}.\n", encoding="utf-8"
        )
    elif kind == "grow":  # a claim's statement takes two lines: the claims below move down
        text = text.replace(
            f"statement: Claim {claim}.", f"statement: >-\n      Claim {claim}.\n      More {n}."
        )
    elif kind == "insert":  # a new claim in the middle, quoting what another quotes
        at = text.find(f"\n  - id: c{claim}\n")
        if at >= 0:
            end = text.find("\n  - id: ", at + 1)
            copy = text[at : end if end >= 0 else len(text)]
            inserted = f"id: new{next(_INSERTED)}\n"
            text = text[:at] + copy.replace(f"id: c{claim}\n", inserted, 1) + text[at:]
    elif kind == "title":  # a source is retitled: every citation of it shows the new title
        k = n % SOURCES
        text = text.replace(f"title: Source {k}\n", f"title: Source {k} ed{n}\n")
    elif kind == "drop":  # the last claim goes
        head, sep, _ = text.rpartition("\n  - id: c")
        text = head + "\n" if sep and head.count("\n  - id: c") > 2 else text
    findings.write_text(text, encoding="utf-8")


EDITS = st.lists(
    st.tuples(
        st.sampled_from(
            ["statement", "quote", "source", "title", "drop", "grow", "insert", "break"]
        ),
        st.integers(0, 10_000),
    ),
    min_size=1,
    max_size=4,
)


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("incremental") / "p"
    benchmark.generate(folder, CLAIMS, source_kb=6, sources=SOURCES)
    return folder


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(edits=EDITS)
def test_every_rebuild_in_one_process_is_byte_identical_to_a_fresh_build(
    project: Path, edits: list[tuple[str, int]]
) -> None:
    findings = project / "findings.yaml"
    for kind, n in edits:
        if kind == "break":  # a misspelt key, then put right: the same errors as afresh
            good = findings.read_text(encoding="utf-8")
            findings.write_text(good.replace("said_by:", "sayd_by:", 1), encoding="utf-8")
            try:
                with pytest.raises(InvalidFindings) as kept_errors:
                    build(findings, "findings.yaml", out=project / "report", keep_claims=True)
                fresh = _fresh_failure(project)
            finally:
                findings.write_text(good, encoding="utf-8")
            assert [str(p) for p in kept_errors.value.problems] == fresh
        else:
            _edit(project, kind, n)
        try:
            kept, _ = build(findings, "findings.yaml", out=project / "report", keep_claims=True)
        except InvalidFindings as exc:
            pytest.fail("\n".join(map(str, exc.problems)))
        assert kept == _fresh_build(findings, project / "fresh"), (kind, n)


def test_a_source_whose_text_and_passages_stay_is_not_highlighted_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only the source that changed is rendered again on a rebuild."""
    incremental.forget()
    findings = benchmark.generate(tmp_path / "p", CLAIMS, source_kb=6, sources=SOURCES)
    first, _ = build(findings, "findings.yaml")
    rendered: list[str] = []
    real = highlight.render_source

    def counting(text: str, marks: list[highlight.Mark]) -> object:
        rendered.append(text)
        return real(text, marks)

    monkeypatch.setattr(highlight, "render_source", counting)
    assert build(findings, "findings.yaml")[0] == first and rendered == []
    _edit(tmp_path / "p", "source", 1)
    build(findings, "findings.yaml")
    assert len(rendered) == 1 and rendered[0].endswith("An added line 1.\n")


def test_only_the_reported_findings_whose_entry_changed_are_drawn_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing.page import render

    findings = benchmark.generate(tmp_path / "p", CLAIMS, source_kb=6, sources=SOURCES)
    first, _ = build(findings, "findings.yaml", keep_claims=True)
    drawer = render.environment().globals["claim_entry"]
    assert isinstance(drawer, render.EntryDrawer)
    drawn: list[str] = []
    real = drawer.template

    class Counting:
        def render(self, **context: object) -> str:
            drawn.append(str(context["e"].anchor))  # type: ignore[attr-defined]
            return real.render(**context)

    monkeypatch.setattr(drawer, "template", Counting())
    assert build(findings, "findings.yaml", keep_claims=True)[0] == first and drawn == []
    _edit(tmp_path / "p", "statement", 3)
    build(findings, "findings.yaml", keep_claims=True)
    assert drawn == ["claim_c3"]


def test_only_the_edited_claims_view_is_made_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from briefing.page import view as page_view

    incremental.forget()
    findings = benchmark.generate(tmp_path / "p", CLAIMS, source_kb=6, sources=SOURCES)
    build(findings, "findings.yaml", keep_claims=True)
    made: list[str] = []
    real = page_view.claim_view

    def counting(claim: object, *args: object) -> object:
        made.append(claim.id)  # type: ignore[attr-defined]
        return real(claim, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(page_view, "claim_view", counting)
    _edit(tmp_path / "p", "statement", 3)
    build(findings, "findings.yaml", keep_claims=True)
    assert made == ["c3"]
    _edit(tmp_path / "p", "title", 1)  # what every view reads: all are made again
    made.clear()
    build(findings, "findings.yaml", keep_claims=True)
    assert len(made) == CLAIMS
