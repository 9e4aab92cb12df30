"""The chronology lists exactly the dated claims, in time order, with the cut-off marked;
a forecast's date reads as the time it is for, never as a date of fact."""

from __future__ import annotations

import re
from pathlib import Path

from context_projects import FLOOD, findings_from

from briefing.page import chronology


def _target(claim_id: str, i: int) -> str:
    return f"passage_{claim_id}_{i}"


def test_the_chronology_lists_exactly_the_dated_claims_in_time_order(tmp_path: Path) -> None:
    findings = findings_from(tmp_path)
    chron = chronology.chronology(findings, _target)
    assert chron is not None
    dated = {c.id for c in findings.claims if c.date is not None}
    assert [e.claim_id for e in chron.events] == [
        "shelters-tue",
        "shelters-wed",
        "crest",
        "shelters-fri",
    ]
    assert {e.claim_id for e in chron.events} == dated  # 'rise' has no date
    # On one day, the day without a time (it says only the day) comes before 15:30.
    assert [e.date_words for e in chron.before] == [
        "28 Oct 2025, 08:00",
        "29 Oct 2025",
        "29 Oct 2025, 15:30",
    ]


def test_a_forecast_reads_as_the_time_it_is_for_and_falls_after_the_cut_off(tmp_path: Path) -> None:
    chron = chronology.chronology(findings_from(tmp_path), _target)
    assert chron is not None
    (friday,) = chron.after
    assert friday.claim_id == "shelters-fri" and friday.ahead
    assert friday.date_words == "for 31 Oct 2025"
    html = chronology.render(chron)
    item = re.search(
        r'<li class="chron-event chron-ahead" id="chronology_shelters-fri">.*?</li>', html
    )
    assert item is not None
    assert re.search(r">\s*31 Oct 2025", item.group()) is None  # never a bare date of fact
    assert html.index('class="chron-cutoff"') < html.index("chronology_shelters-fri")
    assert html.index("chronology_crest") < html.index('class="chron-cutoff"')


def test_each_event_links_to_its_claim_and_cites_its_passages(tmp_path: Path) -> None:
    chron = chronology.chronology(findings_from(tmp_path), _target)
    assert chron is not None
    html = chronology.render(chron)
    assert (
        '<a class="chron-when" href="#claim_crest"><time datetime="2025-10-29T15:30">'
        "29 Oct 2025, 15:30</time></a>" in html
    )
    assert '<span class="chron-words">The river crested at 5.0 m.</span>' in html
    assert '<a class="chron-cite" href="#passage_crest_0">Flood bulletin</a>' in html
    assert '<time datetime="2025-10-29T15:30">29 Oct 2025, 15:30</time>' in html
    assert chronology.render(chron) == html  # same input, same bytes


def test_fewer_than_three_dated_claims_make_no_chronology(tmp_path: Path) -> None:
    two_dated = FLOOD.replace("    date: 2025-10-29\n", "").replace("    date: 2025-10-31\n", "")
    findings = findings_from(tmp_path, two_dated)
    assert len(chronology.events(findings, _target)) == 2
    assert chronology.chronology(findings, _target) is None


def test_a_passage_the_mapping_lacks_leads_to_its_claim() -> None:
    target = chronology.passage_targets({("a", 0): "passage_x"})
    assert target("a", 0) == "passage_x" and target("a", 1) == "claim_a"
