"""What a process reuses from one build to the next (as a watcher rebuilds) lives in its
memory: an unchanged Markdown text is not parsed again, a changed one is."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from briefing.build import build
from briefing.findings import markdown
from conftest import SAMPLE_FINDINGS

Project = Callable[..., Path]


def test_a_rebuild_parses_only_the_texts_that_changed(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    findings = project(
        SAMPLE_FINDINGS.replace("Turnout was **high**.", "Turnout was **record** high.")
    )
    first, _ = build(findings, "findings.yaml")
    real = markdown._parser
    parsed: list[str] = []

    class Counting:
        """The parser, counting what it is asked to parse."""

        def __init__(self) -> None:
            self.md = real()
            self.renderer, self.options = self.md.renderer, self.md.options

        def parse(self, text: str) -> object:
            parsed.append(text)
            return self.md.parse(text)

        def parseInline(self, text: str) -> object:
            parsed.append(text)
            return self.md.parseInline(text)

    monkeypatch.setattr(markdown, "_parser", Counting)
    again, _ = build(findings, "findings.yaml")
    assert again == first and parsed == []
    findings.write_text(
        findings.read_text(encoding="utf-8").replace("**record**", "**dwindling**"),
        encoding="utf-8",
    )
    build(findings, "findings.yaml")
    assert parsed == ["Turnout was **dwindling** high."]
