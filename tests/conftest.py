"""Shared fixtures: throwaway projects in tmp_path and a CLI runner that captures stderr."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from briefing.cli import main

ROOT = Path(__file__).resolve().parent.parent


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite the expected files of the golden tests from this build",
    )


@dataclass
class Run:
    code: int
    stderr: str

    @property
    def lines(self) -> list[str]:
        return self.stderr.splitlines()


SAMPLE_TEXT = (
    "Officials said about 1,200 volunteers joined the clean-up on Saturday.\n"
    "The mayor’s office put the number at “up to 1,500” people.\n"
    "Organisers expect more volunteers next week. Rain may keep some away.\n"
)

SAMPLE_FINDINGS = """\
briefing:
  title: Clean-up turnout
  as_of: 2025-05-01
  summary: Turnout was **high**.
sources:
  - id: news
    file: sources/news.txt
    title: Volunteers clean the river
    reliability: C
claims:
  - id: officials-count
    statement: Officials count about 1,200 volunteers.
    said_by: Officials
    credibility: 2
    evidence:
      - source: news
        quote: about 1,200 volunteers joined the clean-up
    estimate:
      quantity: Volunteers
      estimator: Officials
      location: Riverside
      value: 1200
      qualifier: about
  - id: mayor-count
    statement: The mayor's office says up to 1,500.
    said_by: Mayor's office
    credibility: 3
    evidence:
      - source: news
        quote: "The mayor's office put the number at \\"up to 1,500\\" people"
  - id: kj-turnout
    kind: judgment
    statement: Turnout was the largest yet.
    likelihood: likely
    confidence: low
    based_on: [officials-count, mayor-count]
    alternatives:
      - The mayor's office may count passers-by as volunteers.
    indicators:
      - The organisers' sign-up sheets, when published.
    acknowledge:
      - warning: single-origin
        reason: One local paper is all there is on the clean-up.
"""


@pytest.fixture
def project(tmp_path: Path) -> Callable[..., Path]:
    """Write a small project (findings.yaml plus sources) and return its findings path."""

    def make(
        findings: str = SAMPLE_FINDINGS, sources: dict[str, str | bytes] | None = None
    ) -> Path:
        for name, content in (sources or {"sources/news.txt": SAMPLE_TEXT}).items():
            path = tmp_path / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, str):
                content = content.encode("utf-8")
            path.write_bytes(content)
        findings_path = tmp_path / "findings.yaml"
        findings_path.write_text(textwrap.dedent(findings), encoding="utf-8")
        return findings_path

    return make


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Callable[..., Run]:
    """Call ``main(argv)`` the way the console script does and capture what it says."""

    def invoke(*argv: str) -> Run:
        code = main(list(argv))
        return Run(code, capsys.readouterr().err)

    return invoke
