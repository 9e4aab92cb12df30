"""The tradecraft lint: each file in tests/lint/ is a findings file with the exact stderr
it gives (.err beside it): every rule fires at its line and names the claims involved;
acknowledged warnings are not raised; warnings become errors under --strict.

Refresh the expected output after a deliberate change of wording with:

    .venv/bin/python -m pytest tests/test_lint.py --update-golden
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

import pytest

from briefing.findings.lint import CODES
from conftest import Run
from page_parts import by_id

LINT = Path(__file__).parent / "lint"
CASES = sorted(p.stem for p in LINT.glob("*.yaml"))


@pytest.mark.parametrize("name", CASES)
def test_lint_cases_give_their_exact_warnings(
    name: str,
    run: Callable[..., Run],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    request: pytest.FixtureRequest,
) -> None:
    monkeypatch.chdir(LINT)
    result = run("--findings", f"{name}.yaml", "--out", str(tmp_path / "report"))
    expected = LINT / f"{name}.err"
    shown = result.stderr.replace(str(tmp_path), "OUT")
    if request.config.getoption("--update-golden"):
        expected.write_text(shown, encoding="utf-8")
    assert shown == expected.read_text(encoding="utf-8")
    if result.code == 0 and ": warning: " in result.stderr:
        strict = run("--findings", f"{name}.yaml", "--out", str(tmp_path / "strict"), "--strict")
        assert strict.code == 1 and not (tmp_path / "strict").exists()


def test_every_rule_has_a_case_that_fires_it() -> None:
    fired = "".join((LINT / f"{name}.err").read_text(encoding="utf-8") for name in CASES)
    # These two need a previous edition: test_editions fires them.
    later = ("unexplained-revision", "indicator-not-acted-on")
    untested = [code for code in CODES if f"(lint: {code};" not in fired and code not in later]
    assert untested == []


def test_an_acknowledged_warning_is_not_raised_and_its_reason_is_in_the_caveats(
    run: Callable[..., Run], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(LINT)
    result = run("--findings", "acknowledged.yaml", "--out", str(tmp_path / "r"))
    assert result.code == 0
    assert "(lint: no-indicators;" not in result.stderr
    assert "source 'news' is" not in result.stderr
    caveats = by_id((tmp_path / "r" / "index.html").read_text(), "caveats")
    assert "Nothing more will be published." in caveats
    assert "Only the count matters here." in caveats


def test_a_forecast_may_be_dated_after_the_cut_off(
    run: Callable[..., Run], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(LINT)
    result = run("--findings", "forecast-after-cut-off.yaml", "--out", str(tmp_path / "r"))
    late = [line for line in result.lines if "after the briefing's cut-off" in line]
    assert len(late) == 1 and ":40:" in late[0]  # the count, not the forecast
    rows = list(csv.DictReader(io.StringIO((tmp_path / "r" / "estimates.csv").read_text())))
    assert rows[0]["basis"] == "forecast"
