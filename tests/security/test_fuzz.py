"""Mutated findings files never crash the build: each gives exit 0, or exit 1 with every
problem on a positioned line, and never a traceback."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.cli import main
from conftest import SAMPLE_FINDINGS, SAMPLE_TEXT

# Characters that mean something to YAML, and a few that mean trouble elsewhere.
SIGNIFICANT = [
    *":-[]{}#&*!|>'\"%@`,?\n \t\\",
    "\x00",
    "\x1b",
    "\u2028",
    "é",
    "…",
    "!!int ",
    "!!float ",
    "<<: ",
    "&a ",
    "*a",
]


@st.composite
def mutated(draw: st.DrawFn) -> str:
    text = SAMPLE_FINDINGS
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        kind = draw(st.sampled_from(["insert", "delete", "duplicate-line", "indent"]))
        if kind == "insert":
            text = text[:at] + draw(st.sampled_from(SIGNIFICANT)) + text[at:]
        elif kind == "delete":
            text = text[:at] + text[at + draw(st.integers(1, 8)) :]
        else:
            lines = text.split("\n")
            i = draw(st.integers(0, len(lines) - 1))
            lines.insert(i, lines[i]) if kind == "duplicate-line" else lines.__setitem__(
                i, " " * draw(st.integers(1, 3)) + lines[i]
            )
            text = "\n".join(lines)
    return text


POSITIONED = re.compile(r"^.+:\d+:\d+: (error|warning): \S")
SUMMARY = re.compile(r"^build-report: \d+ error\(s\), \d+ warning\(s\)")


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=mutated())
def test_mutated_findings_give_positioned_errors_and_no_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    (tmp_path / "sources").mkdir(exist_ok=True)
    (tmp_path / "sources" / "news.txt").write_text(SAMPLE_TEXT, encoding="utf-8")
    findings = tmp_path / "findings.yaml"
    findings.write_text(text, encoding="utf-8", errors="surrogatepass")
    code = main(["--findings", str(findings), "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert code in (0, 1), err
    if code == 1:
        lines = err.splitlines()
        assert lines and SUMMARY.match(lines[-1]), err
        assert all(POSITIONED.match(line) for line in lines[:-1]), err
        assert any(": error: " in line for line in lines[:-1]), err
