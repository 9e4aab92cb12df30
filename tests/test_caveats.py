"""The caveats: one line per flag saying what is wrong (the note's first sentence) and
linking to the whole note; accepted warnings gathered per claim with the reasons. A line
names its claim by its opening words and never repeats the statement whole."""

from __future__ import annotations

import html
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from conftest import Run
from page_parts import by_id

GOLDEN = Path(__file__).parent / "golden" / "project"


def _caveat_lines(page: str) -> list[str]:
    section = by_id(page, "caveats")
    return [
        html.unescape(re.sub(r"<[^>]+>", "", li))
        for li in re.findall(r"<li>(.*?)</li>", section, re.S)
    ]


def _golden_copy(tmp_path: Path) -> tuple[Path, Path, dict[str, Any]]:
    """A copy of the golden project to edit: its folder, findings file and parsed data."""
    project = tmp_path / "project"
    shutil.copytree(GOLDEN, project)
    findings = project / "findings.yaml"
    return project, findings, yaml.safe_load(findings.read_text(encoding="utf-8"))


def test_a_flag_line_says_what_is_wrong_and_names_its_claim_in_a_few_words(
    run: Callable[..., Run], tmp_path: Path
) -> None:
    project = tmp_path / "project"
    shutil.copytree(GOLDEN, project)
    assert run("--findings", str(project / "findings.yaml")).code == 0
    lines = _caveat_lines((project / "report" / "index.html").read_text(encoding="utf-8"))
    claims = yaml.safe_load((project / "findings.yaml").read_text(encoding="utf-8"))["claims"]
    flagged = [c for c in claims if c.get("flag")]
    assert flagged and len(lines) >= len(flagged)
    for claim, line in zip(flagged, lines, strict=False):
        words = re.sub(r"\[([^\]]*)\]\(#[^)]*\)", r"\1", claim["note"])  # link text only
        first = " ".join(words.split()).split(". ")[0].rstrip(".")
        assert first in line, (first, line)
        assert line.rstrip().endswith("the note")
        if len(claim["statement"].split()) > 9:
            assert claim["statement"].rstrip(".") not in line


def test_accepted_warnings_on_one_claim_make_one_line_with_every_reason(
    run: Callable[..., Run], tmp_path: Path
) -> None:
    project, findings, data = _golden_copy(tmp_path)
    judgment = next(c for c in data["claims"] if c.get("kind") == "judgment")
    judgment["based_on"] = judgment["based_on"][:1]
    judgment.pop("alternatives", None)
    judgment["confidence"] = "low"
    judgment["acknowledge"] = [
        {"warning": "single-origin", "reason": "Only one agency counts."},
        {"warning": "no-alternatives", "reason": "None comes to mind yet."},
    ]
    findings.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    result = run("--findings", str(findings))
    assert result.code == 0, result.stderr
    lines = _caveat_lines((project / "report" / "index.html").read_text(encoding="utf-8"))
    accepted = [line for line in lines if "Only one agency counts." in line]
    assert len(accepted) == 1
    assert "None comes to mind yet." in accepted[0]
    assert accepted[0].startswith("Single-source judgment; no alternatives weighed")


def test_unverified_claims_are_gathered_in_one_line_each_linked_to_its_note(
    run: Callable[..., Run], tmp_path: Path
) -> None:
    project, findings, data = _golden_copy(tmp_path)
    plain = [
        c for c in data["claims"] if c.get("kind", "reported") == "reported" and not c.get("flag")
    ][:2]
    for claim in plain:
        claim["flag"], claim["note"] = "unverified", f"Only one source has {claim['id']}."
    findings.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    assert run("--findings", str(findings)).code == 0
    page = (project / "report" / "index.html").read_text(encoding="utf-8")
    lines = [line for line in _caveat_lines(page) if line.startswith("Unverified")]
    assert len(lines) == 1
    section = by_id(page, "caveats")
    for claim in plain:
        assert f'href="#note_{claim["id"]}"' in section
