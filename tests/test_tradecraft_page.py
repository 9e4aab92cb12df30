"""What the tradecraft keys put on the page, read from the golden project (which uses every
key): the header's edition, author and marking (at the top, the bottom and on every printed
page), implications right after the bottom line, alternatives and indicators with their
judgment, What to watch gathering every indicator, a judgment's origins in words, and a
forecast told apart from a count in the table and the chart."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from markupsafe import Markup

from briefing.cli import main
from briefing.page.view import Markdown
from conftest import SAMPLE_FINDINGS
from page_parts import by_id, element

PROJECT = Path(__file__).parent / "golden" / "project" / "findings.yaml"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Any], str]:
    out = tmp_path_factory.mktemp("tradecraft") / "report"
    assert main(["--findings", str(PROJECT), "--out", str(out)]) == 0
    findings = yaml.safe_load(PROJECT.read_text(encoding="utf-8"))
    return findings, (out / "index.html").read_text(encoding="utf-8")


def shown(markdown: str) -> str:
    """A Markdown list item as the page writes its words (links dropped)."""
    return re.sub(r"<[^>]+>", "", str(Markdown({}).inline(markdown)))


def test_the_header_shows_edition_author_and_marking(built: tuple[dict[str, Any], str]) -> None:
    findings, html = built
    header = element(html, "header", class_="masthead")
    briefing = findings["briefing"]
    assert f"Edition {briefing['edition']}" in header
    assert briefing["author"] in header
    assert header.startswith(
        f'<header class="masthead">\n<p class="marking">{briefing["marking"]}</p>'
    )


def test_the_marking_is_at_the_bottom_and_on_every_printed_page(
    built: tuple[dict[str, Any], str],
) -> None:
    findings, html = built
    marking = findings["briefing"]["marking"]
    footer = element(html, "footer", class_="page-footer")
    assert f'<p class="marking">{marking}</p>' in footer
    page_rule = re.search(
        r"@page\{@top-center\{content:\"([^\"]*)\".*?"
        r"@bottom-center\{content:\"([^\"]*)\"",
        html,
    )
    assert page_rule and page_rule.groups() == (marking, marking)


def test_the_grades_annex_opens_with_how_the_briefing_applies_the_scales(
    built: tuple[dict[str, Any], str],
) -> None:
    findings, html = built
    annex = element(html, "section", id_="legends")
    rule = element(annex, "div", class_="grading-rule")
    assert (
        re.sub(r"<[^>]+>", "", rule).split()
        == re.sub(r"<[^>]+>", "", str(Markdown({}).block(findings["briefing"]["grading"]))).split()
    )
    assert annex.index(rule) < annex.index('<details class="legends-box">')


def test_the_scope_note_is_boxed_under_the_bottom_line_heading_and_the_grading_explained(
    built: tuple[dict[str, Any], str],
) -> None:
    findings, html = built
    bottom_line = by_id(html, "bottom-line")
    scope = element(bottom_line, "div", class_="scope")
    words = re.sub(r"<[^>]+>", " ", scope).split()
    assert words[0] == "Scope" and " ".join(words[1:]) == findings["briefing"]["scope"]
    summary = element(bottom_line, "div", class_="summary")
    note = element(bottom_line, "p", class_="section-note")
    assert bottom_line.index("</h2>") < bottom_line.index(scope) < bottom_line.index(summary)
    assert bottom_line.index(summary) < bottom_line.index(note)
    assert "how probable" in note and "confidence" in note


def test_implications_come_right_after_the_bottom_line(built: tuple[dict[str, Any], str]) -> None:
    _, html = built
    bottom_line = by_id(html, "bottom-line")
    summary = element(bottom_line, "div", class_="summary")
    after_summary = bottom_line[bottom_line.index(summary) + len(summary) :]
    # Only the line saying how to read the judgments' grades comes between.
    after_summary = re.sub(r'^\s*<p class="section-note">.*?</p>', "", after_summary, flags=re.S)
    assert after_summary.lstrip().startswith('<div class="implications">')


def test_each_judgment_shows_its_alternatives_and_links_its_indicators(
    built: tuple[dict[str, Any], str],
) -> None:
    """Alternatives with the judgment in Annex A; its indicators are said once, in What to
    watch, and the judgment links there."""
    findings, html = built
    judgments = [c for c in findings["claims"] if c.get("kind") == "judgment"]
    assert judgments
    for claim in judgments:
        shown_at = by_id(html, f"basis_{claim['id']}")
        for text in claim.get("alternatives", []):
            assert shown(text) in re.sub(r"<[^>]+>", "", shown_at)
        if claim.get("indicators"):
            assert f'href="#watch_{claim["id"]}"' in shown_at
            assert f'id="watch_{claim["id"]}"' in html


def test_what_to_watch_lists_each_indicator_under_its_judgments_words(
    built: tuple[dict[str, Any], str],
) -> None:
    """Each judgment with indicators leads with its own words (a link to it), and each
    indicator is an item of its own."""
    findings, html = built
    watch = by_id(html, "watch")
    items = re.findall(r'<li id="watch_[^"]+">(.*?)</ul>\n</li>', watch, re.S)
    wanted = [claim for claim in findings["claims"] if claim.get("indicators")]
    assert len(items) == len(wanted)
    for claim, item in zip(wanted, items, strict=True):
        lead = re.search(r'<p class="for"><a href="#claim_([^"]+)">(.*?)</a></p>', item, re.S)
        assert lead and lead[1] == claim["id"]
        assert lead[2] == html_text(shown(claim["statement"]))
        shown_items = re.findall(r'<li class="indicator[^"]*">(.*?)</li>', item, re.S)
        assert [
            shown(text) in got
            for text, got in zip(
                [i if isinstance(i, str) else i["text"] for i in claim["indicators"]],
                shown_items,
                strict=True,
            )
        ] == [True] * len(claim["indicators"])


def test_what_to_watch_says_which_indicators_have_been_seen(
    built: tuple[dict[str, Any], str],
) -> None:
    findings, html = built
    watch = by_id(html, "watch")
    seen = [
        i
        for c in findings["claims"]
        for i in c.get("indicators", [])
        if isinstance(i, dict) and i.get("status", "not-seen") != "not-seen"
    ]
    assert seen, "the golden project has an indicator that was seen"
    items = re.findall(r'<li class="indicator indicator-seen">(.*?)</li>', watch, re.S)
    assert len(items) == len(seen)
    for indicator, item in zip(seen, items, strict=True):
        said = "Seen" if indicator["status"] == "seen" else "Contradicted"
        assert f'<span class="indicator-status">({said}' in item


def html_text(words: str) -> str:
    """Plain words as the page escapes them."""
    return str(Markup.escape(Markup(words).unescape()))


def test_a_judgment_says_how_many_independent_origins_it_rests_on(
    built: tuple[dict[str, Any], str],
) -> None:
    _, html = built
    origins = re.findall(
        r'<p class="origins">Traced through its bases to (\d+) reported claims? in all, '
        r"from (\d+) independent origins?: ",
        html,
    )
    assert origins, "every judgment resting on reported claims says so"


def test_a_forecast_is_marked_in_its_row_and_kept_out_of_the_spread(
    built: tuple[dict[str, Any], str],
) -> None:
    """A forecast is of another time: its row says so, and the chart of where estimators
    differ now does not draw it."""
    findings, html = built
    forecasts = [
        c["id"] for c in findings["claims"] if c.get("estimate", {}).get("basis") == "forecast"
    ]
    assert forecasts
    for claim_id in forecasts:
        row = element(html, "tr", data_claim=claim_id)
        assert 'data-basis="forecast"' in row and '<span class="basis">forecast</span>' in row
        assert not re.search(rf'<g class="c-est[^"]*"[^>]*data-claim="{claim_id}"', html)


def test_a_possible_figure_is_marked_in_its_row_and_drawn_apart_in_the_chart(
    project: Callable[..., Path], tmp_path: Path
) -> None:
    """ "Could be as high as": a figure that may be there now is neither a count nor a
    forecast; the table and the chart say which it is."""
    findings = SAMPLE_FINDINGS.replace(
        "    statement: The mayor's office says up to 1,500.\n",
        "    statement: The mayor's office says up to 1,500.\n    estimate:\n"
        "      quantity: Volunteers\n      estimator: Mayor's office\n"
        "      location: Riverside\n      value: 1500\n      qualifier: up to\n"
        "      basis: possible\n",
    )
    path = project(findings)
    assert main(["--findings", str(path), "--out", str(tmp_path / "r")]) == 0
    html = (tmp_path / "r" / "index.html").read_text(encoding="utf-8")
    row = element(html, "tr", data_claim="mayor-count")
    assert 'data-basis="possible"' in row and '<span class="basis">possible</span>' in row
    mark = re.search(
        r'<g class="c-est[^"]*"[^>]*data-claim="mayor-count"[^>]*>(.*?)</g>', html, re.S
    )
    assert mark and "c-possible" in mark[0]
    assert "a possibility, not a count" in mark[1]
    csv = (tmp_path / "r" / "estimates.csv").read_text(encoding="utf-8").splitlines()
    assert csv[-1].split(",")[csv[0].split(",").index("basis")] == "possible"


def test_a_possible_figure_dated_after_the_cut_off_is_warned_about_like_a_count(
    project: Callable[..., Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    findings = SAMPLE_FINDINGS.replace(
        "      value: 1200\n      qualifier: about\n",
        "      value: 1200\n      qualifier: about\n      as_of: 2025-06-01\n"
        "      basis: possible\n",
    )
    path = project(findings)
    assert main(["--findings", str(path), "--out", str(tmp_path / "r")]) == 0
    err = capsys.readouterr().err
    assert "is after the briefing's cut-off 2025-05-01: a possible figure" in err


def test_a_flagged_claim_named_in_the_bottom_line_carries_its_flag_there(
    project: Callable[..., Path],
) -> None:
    """The bottom line and implications name claims in passing: a disputed or likely wrong
    claim's flag follows its name there, as on its own entry, and is said once under the
    bottom line; an unverified claim (one originator: the common case) and an unflagged
    one go unmarked, and the annexes' notes are left as they were."""
    findings = project(
        SAMPLE_FINDINGS.replace(
            "summary: Turnout was **high**.",
            "summary: The [mayor](#mayor-count) and the [officials](#officials-count) agree.\n"
            "  implications: '[Up to 1,500](#mayor-count) would fill the riverside.'",
        )
        .replace(
            "    credibility: 3\n",
            "    credibility: 3\n    flag: disputed\n"
            "    note: The officials' count is lower, see [theirs](#officials-count).\n",
        )
        .replace(
            "    credibility: 2\n",
            "    credibility: 2\n    flag: unverified\n    note: Only the officials say so.\n",
            1,
        )
        .replace(
            "  - id: kj-turnout\n", "  - id: kj-turnout\n    note: See [the mayor](#mayor-count).\n"
        )
    )
    assert main(["--findings", str(findings)]) == 0
    html = (findings.parent / "report" / "index.html").read_text(encoding="utf-8")
    badge = (
        '<span class="flag flag-disputed flag-medium" title="Sources or estimators '
        'disagree">disputed</span>'
    )
    summary = element(html, "div", class_="summary")
    assert f'<a href="#claim_mayor-count">mayor</a> {badge} and' in summary
    assert '<a href="#claim_officials-count">officials</a> agree' in summary
    implications = element(html, "div", class_="implications")
    assert f'<a href="#claim_mayor-count">Up to 1,500</a> {badge} would' in implications
    assert f"{badge} — sources or estimators disagree.</p>" in html
    assert "unverified</span> —" not in html
    # A judgment's note, in its annex, names the claim without the badge.
    assert '<a href="#claim_mayor-count">the mayor</a>.' in html
