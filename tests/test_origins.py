"""Independent origins: a passage's origin is its evidence ``origin``, else its source's,
else the source itself; a judgment's are those of every reported claim it rests on,
followed through ``based_on``. Unknown origin ids are errors (tests/bad/unknown-origins.yaml
pins the did-you-mean); a findings file with none of the newer keys builds as before."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from conftest import Run

Project = Callable[..., Path]
Runner = Callable[..., Run]

SOURCES = {
    "sources/paper.txt": "The council said 300 boats took part. Our reporter counted 280 boats.\n",
    "sources/radio.txt": "The council said 300 boats took part in the regatta.\n",
    "sources/blog.txt": "I counted about 250 boats from the pier.\n",
}

FINDINGS = """\
briefing:
  title: Regatta
  as_of: 2025-06-01
origins:
  - id: council-release
    title: Council release
sources:
  - id: paper
    file: sources/paper.txt
    title: Regatta report
  - id: radio
    file: sources/radio.txt
    title: Radio bulletin
    origin: council-release
  - id: blog
    file: sources/blog.txt
    title: A sailor's blog
claims:
  - id: council-figure
    statement: The council says 300 boats.
    evidence:
      - source: paper
        quote: The council said 300 boats took part
        origin: council-release
      - source: radio
        quote: The council said 300 boats took part in the regatta
  - id: paper-count
    statement: The paper counted 280 boats.
    evidence:
      - source: paper
        quote: Our reporter counted 280 boats
  - id: blog-count
    statement: A blogger counted about 250 boats.
    evidence:
      - source: blog
        quote: I counted about 250 boats
  - id: big-turnout
    kind: assumption
    statement: Turnout was large.
    based_on: [council-figure, paper-count]
  - id: record
    kind: judgment
    statement: It was a record year.
    likelihood: likely
    confidence: high
    based_on: [big-turnout, blog-count]
"""


def origins_of(project: Project, run: Runner, findings: str = FINDINGS) -> dict[str, object]:
    path = project(findings, SOURCES)
    result = run("--findings", str(path))
    assert result.code == 0, result.stderr
    data = json.loads((path.parent / "report" / "findings.json").read_text(encoding="utf-8"))
    return {c["id"]: (c["independent_origins"], c["origin_ids"]) for c in data["claims"]}


def test_two_outlets_relaying_one_release_are_one_origin(project: Project, run: Runner) -> None:
    """One passage names the origin itself, the other inherits its source's."""
    got = origins_of(project, run)
    assert got["council-figure"] == (1, ["origin:council-release"])


def test_a_source_without_an_origin_is_its_own_origin(project: Project, run: Runner) -> None:
    got = origins_of(project, run)
    assert got["paper-count"] == (1, ["source:paper"])


def test_a_judgment_counts_the_origins_of_what_it_rests_on_through_based_on(
    project: Project, run: Runner
) -> None:
    """The judgment rests on an assumption (itself on two claims) and a reported claim:
    three passages' origins, two of them the same release, through two steps."""
    got = origins_of(project, run)
    assert got["big-turnout"] == (2, ["origin:council-release", "source:paper"])
    assert got["record"] == (3, ["origin:council-release", "source:blog", "source:paper"])


def test_an_unknown_origin_without_an_origins_list_says_to_add_one(
    project: Project, run: Runner
) -> None:
    findings = FINDINGS.replace(
        "origins:\n  - id: council-release\n    title: Council release\n", ""
    )
    path = project(findings, SOURCES)
    result = run("--findings", str(path))
    assert result.code == 1
    assert (
        ":11:13: error: unknown origin 'council-release'; add a top-level 'origins:' list "
        "with an entry of that id and a title" in result.stderr
    )


def test_a_findings_file_without_the_newer_keys_builds_as_before(
    project: Project, run: Runner
) -> None:
    """No origins, basis, alternatives, indicators, acknowledgments or min_coverage: the
    build raises no lint beyond what the file's judgments lack and the untraced origins
    of a claim two outlets carry, every figure is a count, and each outlet is its own
    origin."""
    old = (
        FINDINGS.replace("origins:\n  - id: council-release\n    title: Council release\n", "")
        .replace("        origin: council-release\n", "")
        .replace("    origin: council-release\n", "")
        .replace(
            "    statement: A blogger counted about 250 boats.\n",
            "    statement: A blogger counted about 250 boats.\n    estimate:\n"
            "      quantity: Boats\n      estimator: A blogger\n      location: The bay\n"
            "      value: 250\n      qualifier: about\n",
        )
    )
    path = project(old, SOURCES)
    result = run("--findings", str(path))
    assert result.code == 0
    assert [
        line for line in result.lines if "(lint: " in line and "(lint: no-indicators" not in line
    ] == [
        line
        for line in result.lines
        if "'council-figure' is cited by 2 sources" in line
        and "(lint: untraced-corroboration;" in line
    ]
    csv = (path.parent / "report" / "estimates.csv").read_text(encoding="utf-8").splitlines()
    header, first = csv[0].split(","), csv[1].split(",")
    assert first[header.index("basis")] == "count"
    data = json.loads((path.parent / "report" / "findings.json").read_text(encoding="utf-8"))
    counted = {c["id"]: c["independent_origins"] for c in data["claims"]}
    assert counted["council-figure"] == 2


def test_an_outlet_without_a_publisher_is_named_by_its_title_not_by_a_number_alone() -> None:
    from types import SimpleNamespace

    from briefing.findings.model import Source
    from briefing.findings.origins import OriginRef, titles

    findings = SimpleNamespace(
        origins=[],
        sources=[  # only what titles() reads
            Source(
                id="talks",
                file="sources/a.txt",
                reliability="F",
                title="Talks on a troop deployment to Russia, late October",
            ),
            Source(
                id="wire",
                file="sources/b.txt",
                reliability="F",
                title="Wire",
                publisher="Coastal Wire",
            ),
        ],
    )
    named = titles(findings)  # type: ignore[arg-type]
    assert named[OriginRef("source", "wire")] == "Coastal Wire's own reporting"
    talks = named[OriginRef("source", "talks")]
    assert talks == "the own reporting of “Talks on a troop deployment to…”"
