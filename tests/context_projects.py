"""A three-day flood case for the context tests: findings built from YAML text through the
loader and validation, as a build reads them, so that figures and dates are as written."""

from __future__ import annotations

import textwrap
from pathlib import Path

from briefing.errors import Problems
from briefing.findings import model
from briefing.findings.load import load_findings
from briefing.findings.validate import validate

FLOOD_TEXT = (
    "By 08:00 on Tuesday the authority had registered 6,000 people at shelters.\n"
    "By Wednesday evening the count stood at 9,400 people.\n"
    "The authority expects 12,600 people in shelters by Friday.\n"
    "The river gauge read 5.0 m at 15:30, the crest; at 08:00 it had read 1.50 m less.\n"
)

FLOOD = """\
briefing:
  title: River flood
  as_of: 2025-10-30
quantities:
  - name: People displaced
    unit: people
    note: Registered at shelters only.
  - name: River level
    unit: m
places:
  - id: town
    name: Riverton
    lat: 50.1
    lon: 8.7
sources:
  - id: authority
    file: sources/authority.txt
    title: Flood bulletin
claims:
  - id: shelters-tue
    statement: The authority registered 6,000 people at shelters.
    date: 2025-10-28T08:00
    place: town
    evidence:
      - source: authority
        quote: registered 6,000 people at shelters
    estimate:
      quantity: People displaced
      estimator: Flood authority
      location: Riverton shelters
      value: 6000
      as_of: 2025-10-28T08:00
      place: town
  - id: crest
    statement: The river crested at 5.0 m.
    date: 2025-10-29T15:30
    evidence:
      - source: authority
        quote: The river gauge read 5.0 m at 15:30
    estimate:
      quantity: River level
      estimator: Flood authority
      location: Riverton gauge
      value: 5.0
      stated: 2025-10-29T16:00
      as_of: 2025-10-29T15:30
      note: The gauge's own reading.
  - id: shelters-wed
    statement: The count stood at 9,400 people.
    date: 2025-10-29
    evidence:
      - source: authority
        quote: the count stood at 9,400 people
    estimate:
      quantity: People displaced
      estimator: Flood authority
      location: Riverton shelters
      value: 9400
      as_of: 2025-10-29
      place: town
  - id: shelters-fri
    statement: The authority expects 12,600 people in shelters by Friday.
    date: 2025-10-31
    evidence:
      - source: authority
        quote: expects 12,600 people in shelters by Friday
    estimate:
      quantity: People displaced
      estimator: Flood authority
      location: Riverton shelters
      value: 12600
      as_of: 2025-10-31
      basis: forecast
      place: town
  - id: rise
    statement: The river had risen 1.50 m since the morning.
    evidence:
      - source: authority
        quote: at 08:00 it had read 1.50 m less
    estimate:
      quantity: River level
      estimator: Gauge watchers
      location: Riverton gauge
      value: 1.50
"""


def flood_project(folder: Path, findings: str = FLOOD) -> Path:
    (folder / "sources").mkdir(parents=True, exist_ok=True)
    (folder / "sources" / "authority.txt").write_text(FLOOD_TEXT, encoding="utf-8")
    path = folder / "findings.yaml"
    path.write_text(textwrap.dedent(findings), encoding="utf-8")
    return path


def findings_from(folder: Path, findings: str = FLOOD) -> model.Findings:
    """The findings as a build validates them; fails the test on any error."""
    path = flood_project(folder, findings)
    problems = Problems()
    doc = load_findings(path, "findings.yaml", problems)
    assert doc is not None, [str(p) for p in problems]
    checked = validate(doc, folder, problems)
    assert not problems.errors and checked.findings is not None, [str(p) for p in problems.errors]
    return checked.findings
