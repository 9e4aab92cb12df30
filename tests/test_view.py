"""What the page is assembled from: ids that never collide, quotes not double-quoted,
corroboration and the bases of judgments shown in words."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import SAMPLE_FINDINGS, Run
from page_parts import before, by_id, element

Project = Callable[..., Path]
Runner = Callable[..., Run]

TWO_SOURCES = SAMPLE_FINDINGS.replace(
    """claims:
""",
    """  - id: radio
    file: sources/radio.txt
    title: Radio bulletin
claims:
""",
).replace(
    """      - source: news
        quote: about 1,200 volunteers joined the clean-up
""",
    """      - source: news
        quote: about 1,200 volunteers joined the clean-up
      - source: radio
        quote: about 1,200 volunteers
""",
)
MAYOR_FIGURE = """    estimate:
      quantity: Volunteers
      estimator: Mayor's office
      location: Riverside
      value: 1500
      qualifier: up to
"""
SOURCES = {
    "sources/news.txt": (
        "Officials said about 1,200 volunteers joined the clean-up on Saturday.\n"
        "The mayor’s office put the number at “up to 1,500” people.\n"
    ),
    "sources/radio.txt": "Organisers counted about 1,200 volunteers.\n",
}


def page(
    findings_text: str, project: Project, run: Runner, sources: dict[str, str | bytes] | None = None
) -> str:
    findings = project(findings_text, sources)
    result = run("--findings", str(findings))
    assert result.code == 0, result.stderr
    return (findings.parent / "report" / "index.html").read_text(encoding="utf-8")


def test_a_claim_cited_by_two_independent_sources_says_so(project: Project, run: Runner) -> None:
    html = page(TWO_SOURCES, project, run, SOURCES)
    claim = by_id(html, "claim_officials-count")
    assert "2 sources, 2 independent origins." in claim
    assert ", relaying" not in claim  # each outlet's own reporting relays no listed origin
    mayor = by_id(html, "claim_mayor-count")
    assert "independent origin" not in mayor


def test_two_sources_relaying_one_origin_count_as_one(project: Project, run: Runner) -> None:
    relayed = (
        TWO_SOURCES.replace(
            "    title: Radio bulletin\n",
            "    title: Radio bulletin\n    origin: council-release\n",
        ).replace(
            "    title: Volunteers clean the river\n",
            "    title: Volunteers clean the river\n    origin: council-release\n",
        )
        + "origins:\n  - id: council-release\n    title: Council press release, 3 May\n"
    )
    html = page(relayed, project, run, SOURCES)
    claim = by_id(html, "claim_officials-count")
    assert "2 sources, 1 independent origin." in claim
    assert claim.count(", relaying Council press release, 3 May</footer>") == 2


def test_an_estimate_row_cites_each_of_its_passages(project: Project, run: Runner) -> None:
    two_figures = TWO_SOURCES.replace("  - id: kj-turnout", MAYOR_FIGURE + "  - id: kj-turnout")
    html = page(two_figures, project, run, SOURCES)
    row = element(html, "tr", data_claim="officials-count")
    assert row.count('class="cite cite-plain" href="#passage_news_') == 1
    assert row.count('class="cite cite-plain" href="#passage_radio_') == 1
    assert 'href="#claim_officials-count">Officials</a>' in row


def test_a_quote_with_its_own_quotation_marks_is_not_quoted_twice(
    project: Project, run: Runner
) -> None:
    html = page(
        SAMPLE_FINDINGS.replace(
            'quote: "The mayor\'s office put the number at \\"up to 1,500\\" people"',
            "quote: '\"up to 1,500\"'",
        ),
        project,
        run,
    )
    assert "<p>&#34;up to 1,500&#34;</p>" in html
    assert "“&#34;" not in html
    assert "<p>“about 1,200 volunteers joined the clean-up”</p>" in html


def test_a_key_judgment_in_the_brief_shows_only_its_words_and_grading(
    project: Project, run: Runner
) -> None:
    """In the brief: the statement, its likelihood and confidence, and one link to the
    basis in Annex A; the bases, alternatives and indicators are not in the way."""
    html = page(SAMPLE_FINDINGS, project, run)
    judgment = by_id(html, "claim_kj-turnout")
    assert re.search(r'<span class="grading">.*<strong>Likely</strong>', judgment)
    assert 'href="#basis_kj-turnout">Basis' in judgment
    assert "Officials count" not in judgment and "<details" not in judgment


def test_annex_a_names_each_basis_by_its_whole_statement(project: Project, run: Runner) -> None:
    """A basis reads as the words of the claim it is, never cut short."""
    long = SAMPLE_FINDINGS.replace(
        "statement: Officials count about 1,200 volunteers.",
        "statement: Officials count about 1,200 volunteers along the whole river bank today.",
    )
    html = page(long, project, run)
    annex = by_id(html, "basis_kj-turnout")
    assert "<summary>Based directly on 2 claims</summary>" in annex
    assert (
        '<a href="#claim_officials-count">Officials count about 1,200 volunteers along '
        "the whole river bank today.</a>"
    ) in annex
    assert "…" not in annex


def test_annexes_are_lettered_in_page_order_and_labelled_as_annexes(
    project: Project, run: Runner
) -> None:
    html = page(SAMPLE_FINDINGS, project, run)
    headings = re.findall(r'<h2 id="[^"]+-h">(Annex [A-Z]: [^<]+)</h2>', html)
    assert [h.split(":")[0] for h in headings] == [
        f"Annex {chr(ord('A') + i)}" for i in range(len(headings))
    ]
    assert headings[:3] == [
        "Annex A: Key judgments in full",
        "Annex B: Reported findings",
        "Annex C: Caveats",
    ]
    brief = before(element(html, "main"), "annexes")
    assert 'id="bottom-line"' in brief and 'id="key-judgments"' in brief
    assert "Annex A:" not in brief


def test_flags_weigh_by_kind_and_the_brief_leaves_unverified_out(
    project: Project, run: Runner
) -> None:
    """Misattributed stands out, disputed less, unverified is quiet words in the annex
    and absent from the brief's table."""
    two_figures = TWO_SOURCES.replace(
        "  - id: kj-turnout",
        MAYOR_FIGURE + "    flag: "
        "misattributed\n    note: Said by the council.\n"
        "  - id: kj-turnout",
    )
    for flag, weight, in_brief in (
        ("misattributed", "strong", True),
        ("disputed", "medium", True),
        ("unverified", "quiet", False),
    ):
        html = page(two_figures.replace("misattributed", flag), project, run, SOURCES)
        row = element(html, "tr", data_claim="mayor-count")
        assert (f'class="flag flag-{flag} flag-{weight}"' in row) is in_brief, flag
        assert "flagged" not in row or in_brief
        finding = by_id(html, "claim_mayor-count")
        assert f'<span class="flag flag-{flag} flag-{weight}"' in finding, flag


def test_the_build_date_reads_like_every_other_date(
    project: Project, run: Runner, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1730419200")  # 1 Nov 2024, 00:00 UTC
    html = page(SAMPLE_FINDINGS, project, run)
    assert "Built 1 Nov 2024." in html and "2024-11-01." not in html


def test_sections_whose_names_make_the_same_id_get_different_ids(
    project: Project, run: Runner
) -> None:
    text = SAMPLE_FINDINGS.replace(
        "    said_by: Officials\n", "    said_by: Officials\n    topic: Turn-out\n", 1
    )
    text = text.replace(
        "    said_by: Mayor's office\n", "    said_by: Mayor's office\n    topic: Turn out\n"
    )
    html = page(text, project, run)
    assert 'id="topic_turn-out"' in html and 'id="topic_turn-out_2"' in html


def test_citations_are_numbered_in_the_order_the_findings_cite_them(
    project: Project, run: Runner
) -> None:
    """The mayor's passage comes later in the source but its claim comes first."""
    text = SAMPLE_FINDINGS.replace(
        "    said_by: Officials\n", "    said_by: Officials\n    topic: Later\n", 1
    )
    text = text.replace(
        "    said_by: Mayor's office\n", "    said_by: Mayor's office\n    topic: First\n"
    )
    text = text.replace(
        "  - id: officials-count",
        "  - id: mayor-first\n"
        "    statement: x\n    topic: First\n    said_by: M\n"
        "    credibility: 3\n    evidence:\n      - source: news\n"
        "        quote: put the number at\n  - id: officials-count",
    )
    html = page(text, project, run)
    findings_part = by_id(html, "findings")
    assert (
        findings_part.index(">[1]<") < findings_part.index(">[2]<") < findings_part.index(">[3]<")
    )


def test_a_spread_compares_estimators_latest_figures_of_what_is_there_now() -> None:
    """A forecast is of another time, and one estimator's earlier figures are its series:
    neither widens the spread where estimators disagree."""
    from pathlib import Path

    page = (Path(__file__).parent / "golden" / "expected" / "index.html").read_text(
        encoding="utf-8"
    )
    assert "spread 40–60" in page  # two estimators' counts off the harbour
    assert "spread 45–70" not in page  # a count and a forecast outside it


def test_a_table_says_its_unit_only_where_the_quantity_does_not() -> None:
    from briefing.page.view_estimates import _unit_words

    assert _unit_words("troops", "North Korean troops") == ""
    assert _unit_words("people", "Volunteers") == "people"
