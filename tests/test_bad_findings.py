"""Each file in tests/bad/ is a broken findings file; the .err beside it is the exact stderr
it must produce: every problem, one per line, at the offending node, and nothing written.

Refresh the expected output after a deliberate change of wording with:

    .venv/bin/python -m pytest tests/test_bad_findings.py --update-golden
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import Run

BAD = Path(__file__).parent / "bad"
CASES = sorted(p.stem for p in BAD.glob("*.yaml"))


@pytest.mark.parametrize("name", CASES)
def test_bad_findings_give_their_exact_errors(
    name: str,
    run: Callable[..., Run],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    request: pytest.FixtureRequest,
) -> None:
    monkeypatch.chdir(BAD)
    out = tmp_path / "report"
    result = run("--findings", f"{name}.yaml", "--out", str(out))
    expected = BAD / f"{name}.err"
    if request.config.getoption("--update-golden"):
        expected.write_text(result.stderr, encoding="utf-8")
    assert result.code == 1
    assert result.stderr == expected.read_text(encoding="utf-8")
    assert not out.exists(), "a failed build must write nothing"


def test_every_bad_case_has_an_error_line() -> None:
    """A case whose .err holds no error would pin nothing."""
    for name in CASES:
        text = (BAD / f"{name}.err").read_text(encoding="utf-8")
        assert f"{name}.yaml:" in text and ": error: " in text, name
