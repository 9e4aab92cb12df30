"""Cross-references: ``[text](#id)`` in any Markdown field leads to the element the id
names, whatever form the link takes; what is not a link (code) is left alone. The errors
for unknown ids are pinned in tests/bad/cross-references.yaml."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import SAMPLE_FINDINGS, Run
from page_parts import by_id

Project = Callable[..., Path]
Runner = Callable[..., Run]

LINKED = SAMPLE_FINDINGS.replace(
    "  summary: Turnout was **high**.\n",
    "  summary: |\n"
    '    By [the count][c] and [the mayor](#mayor-count "the mayor\'s figure").\n\n'
    "    [c]: #officials-count\n"
    "  implications: See [the paper](#news) and [the release](#council-release).\n",
).replace(
    "        reason: One local paper is all there is on the clean-up.\n",
    "        reason: Only [the paper](#news) has reported it.\n",
).replace(
    "      - The organisers' sign-up sheets, when published.\n",
    "      - The organisers' sign-up sheets, when published; `[x](#not-a-link)` is code.\n",
) + (
    "origins:\n  - id: council-release\n    title: Council release\n"
    "    note: Relayed by [the paper](#news).\n"
)


def built(project: Project, run: Runner) -> str:
    findings = project(LINKED)
    result = run("--findings", str(findings))
    assert result.code == 0, result.stderr
    return (findings.parent / "report" / "index.html").read_text(encoding="utf-8")


def test_every_form_of_cross_reference_leads_to_an_element_of_the_page(
    project: Project, run: Runner
) -> None:
    """Reference-style links, links with a title, and links in an origin's note or an
    acknowledgment's reason all lead to the element's anchor, never to a bare id."""
    html = built(project, run)
    ids = set(re.findall(r' id="([^"]+)"', html))
    hrefs = set(re.findall(r' href="#([^"]*)"', html))
    assert hrefs - ids == set()
    for anchor in (
        "claim_officials-count",
        "claim_mayor-count",
        "source_news",
        "origin_council-release",
    ):
        assert f'href="#{anchor}"' in html
    caveats = by_id(html, "caveats")
    assert 'Only <a href="#source_news">the paper</a> has reported it.' in caveats


def test_a_link_in_a_code_span_is_code_not_a_cross_reference(project: Project, run: Runner) -> None:
    html = built(project, run)
    assert "<code>[x](#not-a-link)</code>" in html


def test_a_link_in_a_revision_reason_leads_to_its_element_in_what_changed(
    project: Project, run: Runner, tmp_path: Path
) -> None:
    findings = project(LINKED)
    assert run("--findings", str(findings), "--out", str(tmp_path / "old")).code == 0
    findings.write_text(
        LINKED.replace(
            "    likelihood: likely\n",
            "    likelihood: very likely\n"
            "    revised: The [mayor's figure](#mayor-count) was confirmed.\n",
        ),
        encoding="utf-8",
    )
    result = run("--findings", str(findings), "--previous", str(tmp_path / "old" / "findings.json"))
    assert result.code == 0, result.stderr
    html = (findings.parent / "report" / "index.html").read_text(encoding="utf-8")
    changes = by_id(html, "changes")
    assert '<a href="#claim_mayor-count">mayor\'s figure</a>' in changes


def test_a_link_to_an_id_two_claims_share_says_so_in_plain_words(
    project: Project, run: Runner
) -> None:
    twice = SAMPLE_FINDINGS.replace("  - id: mayor-count\n", "  - id: officials-count\n").replace(
        "  summary: Turnout was **high**.\n",
        "  summary: Turnout was high, by [the count](#officials-count).\n",
    )
    result = run("--findings", str(project(twice)))
    assert result.code == 1
    assert "'officials-count' is the id of 2 claims; give them different ids" in result.stderr


@pytest.mark.parametrize(
    ("old", "new", "warning"),
    [
        (
            "based_on: [officials-count, mayor-count]",
            "based_on: [officials-count, mayor-count, officials-count]",
            "based_on names 'officials-count' twice",
        ),
        (
            "    reliability: C\n",
            "    reliability: C\n    published: 2025-05-03\n",
            "source 'news' was published on 2025-05-03, after the briefing's cut-off 2025-05-01",
        ),
    ],
    ids=["a claim named twice in based_on", "a source published after the cut-off"],
)
def test_a_doubtful_edit_is_a_warning_at_its_line(
    project: Project, run: Runner, old: str, new: str, warning: str
) -> None:
    result = run("--findings", str(project(SAMPLE_FINDINGS.replace(old, new))))
    assert result.code == 0
    assert re.search(r"findings\.yaml:\d+:\d+: warning: " + re.escape(warning), result.stderr)
