"""--watch in a real browser: an open page reloads by itself after a rebuild, and the
served page's script is allowed by its Content-Security-Policy (no console error)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from test_watch import Watching

from conftest import SAMPLE_FINDINGS


def test_an_open_page_reloads_after_a_rebuild(
    browser: Any, project: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    watching = Watching(project(), monkeypatch)
    context = browser.new_context()
    try:
        page = context.new_page()
        errors: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.goto(watching.url)
        assert "Turnout was <strong>high</strong>." in page.content()
        page.wait_for_timeout(300)  # let the reload stream connect
        watching.findings.write_text(
            SAMPLE_FINDINGS.replace("Turnout was **high**.", "Turnout was *modest*.")
        )
        page.wait_for_function(
            "() => document.body.innerHTML.includes('Turnout was <em>modest</em>.')", timeout=10_000
        )
        assert errors == []
    finally:
        context.close()
        watching.close()
