"""axe-core finds no accessibility violation (WCAG 2.0-2.2 A and AA, including colour
contrast, and axe's best practices) in the light and the dark scheme, at desktop and at
phone width, where the estimates tables are laid out as cards."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from .conftest import DESKTOP, PHONE, Opened

RULES = {
    "runOnly": {
        "type": "tag",
        "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"],
    },
    "resultTypes": ["violations"],
}


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(
    ("case", "width"),
    [
        ("report", DESKTOP),
        ("report", PHONE),
        ("golden", DESKTOP),
        ("golden", PHONE),
        ("edition", DESKTOP),
    ],
    indirect=["case"],
)  # the What changed section, at one width
def test_axe_finds_no_violations(
    open_briefing: Callable[..., Opened], width: int, scheme: str
) -> None:
    """No violation of any rule axe checks for those tags, with a passage targeted so that
    its highlight's contrast is checked too."""
    from axe_playwright_python.sync_playwright import Axe

    page = open_briefing(width=width, scheme=scheme).page
    page.evaluate("document.querySelector('a.cite').click()")
    assert page.evaluate("!!document.querySelector('.passage:target mark')")
    results = Axe().run(page, options=RULES)
    assert results.violations_count == 0, results.generate_report()
