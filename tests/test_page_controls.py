"""Characters HTML does not allow (controls, noncharacters) never reach the page raw; the
page is searched for them in full only when a pass over its bytes says it may hold one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.page.render import _controls, _may_hold_controls
from conftest import SAMPLE_FINDINGS, SAMPLE_TEXT, Run

Project = Callable[..., Path]
Runner = Callable[..., Run]

# One of each kind the page may not hold, and neighbours it may.
NOT_ALLOWED = ["\x00", "\x07", "\x1b", "\x7f", "\x85", "\x9f", "\ufdd0", "\ufdef", "\ufffe"]
NOT_ALLOWED += ["\uffff", "\U0001fffe", "\U0010ffff"]
ALLOWED = ["\t", "\xa0", "\xbf", "\ufdcf", "\ufdf0", "\ufffd", "\U0001f600", "é—“"]


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=60))
def test_the_byte_pass_never_misses_what_the_search_finds(text: str) -> None:
    if _controls().search(text):
        assert _may_hold_controls(text.encode("utf-8"))


@pytest.mark.parametrize("character", NOT_ALLOWED)
def test_each_character_not_allowed_is_flagged(character: str) -> None:
    assert _may_hold_controls(f"plain {character} text".encode())


def test_ordinary_text_is_cleared_without_a_search() -> None:
    assert not _may_hold_controls("Plain text, “quoted” — with dashes & accents é.".encode())


@pytest.mark.parametrize("character", NOT_ALLOWED)
def test_a_source_holding_one_shows_it_replaced(
    character: str, project: Project, run: Runner
) -> None:
    findings = project(
        SAMPLE_FINDINGS, sources={"sources/news.txt": SAMPLE_TEXT + f"Odd{character}end.\n"}
    )
    result = run("--findings", str(findings))
    assert result.code == 0, result.stderr
    page = (findings.parent / "report" / "index.html").read_text(encoding="utf-8")
    assert character not in page and "Odd\ufffdend." in page


@pytest.mark.parametrize("character", ALLOWED)
def test_allowed_characters_stay(character: str, project: Project, run: Runner) -> None:
    findings = project(
        SAMPLE_FINDINGS, sources={"sources/news.txt": SAMPLE_TEXT + f"Odd{character}end.\n"}
    )
    result = run("--findings", str(findings))
    assert result.code == 0, result.stderr
    page = (findings.parent / "report" / "index.html").read_text(encoding="utf-8")
    assert f"Odd{character}end." in page
