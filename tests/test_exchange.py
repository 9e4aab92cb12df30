"""The files for other tools: annotations.jsonld (W3C Web Annotation), briefing.stix.json
(STIX 2.1) and sources.csl.json (CSL-JSON), checked with those formats' own tools on the
real case, the golden project and projects the code was not written against."""

from __future__ import annotations

import base64
import json
import shutil
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any

import pytest
import stix2
from pyld import jsonld
from stix2validator import ValidationOptions, validate_string

from briefing.cli import main
from conftest import ROOT, SAMPLE_FINDINGS, SAMPLE_TEXT

sys.path.insert(0, str(ROOT / "bench"))
import benchmark

FIXTURES = Path(__file__).parent / "fixtures"
ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"

# A source made to trip offsets: a BOM, CRLF line ends, characters outside the BMP
# (one code point, two UTF-16 units), a quote at the very start and one at the very end,
# a short phrase said twice, and an elided quote.
AWKWARD_TEXT = (
    "\ufeffHarbour cranes 🏗️ stood idle on Monday.\r\n"
    "The port authority said 𝟒𝟎 ships were waiting, and later said ships were "
    "waiting near the breakwater.\r\n Crews blamed the storm.\r\n"
    "Ships were waiting."
).encode("utf-8")
AWKWARD_FINDINGS = """\
briefing:
  title: Harbour standstill
  as_of: 2025-03-04
  author: Ports desk
sources:
  - id: port
    file: sources/port.txt
    title: Port authority update
    publisher: Port Authority
    published: 2025-03-03
    url: https://example.org/port
    reliability: B
claims:
  - id: cranes-idle
    statement: Cranes stood idle.
    said_by: Port Authority
    credibility: 2
    evidence:
      - source: port
        quote: Harbour cranes 🏗️ stood idle
  - id: ships-waiting
    statement: About 40 ships were waiting.
    said_by: Port Authority
    credibility: 3
    flag: unverified
    note: The count is the authority's own.
    evidence:
      - source: port
        quote: "said 𝟒𝟎 ships were waiting ... near the breakwater"
  - id: ships-at-end
    statement: Ships were waiting.
    evidence:
      - source: port
        quote: Ships were waiting.
  - id: kj-delay
    kind: judgment
    statement: Shipping is likely delayed.
    likelihood: likely
    confidence: low
    based_on: [ships-waiting]
    acknowledge:
      - warning: single-origin
        reason: One authority is all there is.
"""


def _copy(folder: Path, tmp: Path) -> Path:
    shutil.copytree(folder, tmp / "project")
    return tmp / "project" / "findings.yaml"


def _write(tmp: Path, findings: str, sources: dict[str, bytes]) -> Path:
    for name, data in sources.items():
        (tmp / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp / name).write_bytes(data)
    (tmp / "findings.yaml").write_text(findings, encoding="utf-8")
    return tmp / "findings.yaml"


PROJECTS = {
    "real case": lambda tmp: ROOT / "findings.yaml",
    "golden": lambda tmp: _copy(ROOT / "tests" / "golden" / "project", tmp),
    "starter": lambda tmp: _copy(ROOT / "briefing" / "commands" / "starter", tmp),
    "sample": lambda tmp: _write(
        tmp, SAMPLE_FINDINGS, {"sources/news.txt": SAMPLE_TEXT.encode("utf-8")}
    ),
    "awkward": lambda tmp: _write(tmp, AWKWARD_FINDINGS, {"sources/port.txt": AWKWARD_TEXT}),
    "generated": lambda tmp: benchmark.generate(tmp / "gen", claims=40, source_kb=8, sources=3),
}


@pytest.fixture(scope="module", params=sorted(PROJECTS))
def built(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, Path]:
    """A project built once for all the checks: (its findings.yaml, its report folder)."""
    tmp = tmp_path_factory.mktemp("exchange")
    findings = PROJECTS[request.param](tmp)
    out = tmp / "out"
    assert main(["--findings", str(findings), "--out", str(out)]) == 0
    return findings, out


def _load(out: Path, name: str) -> Any:
    return json.loads((out / name).read_text(encoding="utf-8"))


def _parts(out: Path) -> list[tuple[str, str, int, int]]:
    """Every quoted stretch findings.json names: (claim id, sha256, start, end)."""
    data = _load(out, "findings.json")
    sha = {s["id"]: s["sha256"] for s in data["sources"]}
    return [
        (c["id"], sha[ev["source"]], a, b)
        for c in data["claims"]
        for ev in c["evidence"]
        for a, b in ev["parts"]
    ]


def _sha256_of(ni: str) -> str:
    digest = ni.removeprefix("ni:///sha-256;")
    return base64.urlsafe_b64decode(digest + "=" * (-len(digest) % 4)).hex()


# --- STIX ------------------------------------------------------------------------------


def test_stix_bundle_passes_the_strict_validator(built: tuple[Path, Path]) -> None:
    """stix2-validator in strict mode (warnings count as errors) finds nothing."""
    _, out = built
    results = validate_string(
        (out / "briefing.stix.json").read_text(encoding="utf-8"),
        ValidationOptions(version="2.1", strict=True),
    )
    assert [str(e) for e in [*results.errors, *(results.warnings or [])]] == []
    assert results.is_valid


def test_stix_bundle_reads_back_with_the_stix2_library(built: tuple[Path, Path]) -> None:
    """stix2.parse reads the bundle without allowing custom content; the report is
    published at as_of and lists every object of the briefing."""
    _, out = built
    bundle = stix2.parse(
        (out / "briefing.stix.json").read_text(encoding="utf-8"), allow_custom=False
    )
    report = next(o for o in bundle.objects if o.type == "report")
    as_of = _load(out, "findings.json")["briefing"]["as_of"]
    assert report.published.isoformat().startswith(as_of)
    tool = {
        o.id
        for o in bundle.objects
        if o.type == "extension-definition" or (o.type == "identity" and o.name == "build-report")
    }
    assert set(report.object_refs) == {o.id for o in bundle.objects} - tool - {report.id}


def test_every_claim_is_a_note_with_its_grades_on_their_own_scales(
    built: tuple[Path, Path],
) -> None:
    """A note per claim, carrying its id, kind, Admiralty grades and ICD 203 terms in
    the x_briefing_ properties, its sources with their SHA-256; no STIX confidence."""
    findings, out = built
    data = _load(out, "findings.json")
    objects = _load(out, "briefing.stix.json")["objects"]
    notes = {o["x_briefing_claim_id"]: o for o in objects if o["type"] == "note"}
    assert list(notes) == [c["id"] for c in data["claims"]]
    sources = {s["id"]: s for s in data["sources"]}
    for claim in data["claims"]:
        note = notes[claim["id"]]
        assert note["x_briefing_kind"] == claim["kind"]
        assert note.get("x_briefing_admiralty_credibility") == claim.get("credibility")
        assert note.get("x_briefing_icd203_likelihood") == claim.get("likelihood")
        assert note.get("x_briefing_analytic_confidence") == claim.get("confidence")
        cited = {ev["source"] for ev in claim["evidence"]}
        assert note.get("x_briefing_admiralty_reliability", {}) == {
            s: sources[s]["reliability"] for s in cited
        }
        assert {
            (r["external_id"], r["hashes"]["SHA-256"]) for r in note.get("external_references", [])
        } == {(s, sources[s]["sha256"]) for s in cited}
        for ev in claim["evidence"]:
            for a, b in ev["parts"]:
                assert _source_text(findings, sources[ev["source"]])[a:b] in note["content"]
    assert not any("confidence" in o for o in objects)


def test_every_flag_is_an_opinion_on_its_claims_note(built: tuple[Path, Path]) -> None:
    _, out = built
    objects = _load(out, "briefing.stix.json")["objects"]
    notes = {o["x_briefing_claim_id"]: o["id"] for o in objects if o["type"] == "note"}
    opinions = {o["x_briefing_claim_id"]: o for o in objects if o["type"] == "opinion"}
    flagged = {c["id"]: c["flag"] for c in _load(out, "findings.json")["claims"] if c.get("flag")}
    assert {k: o["x_briefing_flag"] for k, o in opinions.items()} == flagged
    assert all(o["object_refs"] == [notes[k]] for k, o in opinions.items())


def test_identities_stand_for_publishers_speakers_and_estimators(built: tuple[Path, Path]) -> None:
    _, out = built
    data = _load(out, "findings.json")
    names = {
        o["name"] for o in _load(out, "briefing.stix.json")["objects"] if o["type"] == "identity"
    }
    wanted = (
        {s["publisher"] for s in data["sources"] if s.get("publisher")}
        | {c["said_by"] for c in data["claims"] if c.get("said_by")}
        | {c["estimate"]["estimator"] for c in data["claims"] if c.get("estimate")}
        | ({data["briefing"]["author"]} if data["briefing"].get("author") else set())
        | {"build-report"}
    )
    assert names == wanted


# --- W3C Web Annotation -----------------------------------------------------------------


def _source_text(findings: Path, source: dict[str, Any]) -> str:
    """The source's text as findings.json counts it (BOM dropped, line ends as LF)."""
    data = (findings.parent / source["file"]).read_bytes()
    return data.decode("utf-8-sig").replace("\r\n", "\n").replace("\r", "\n")


def test_each_quoted_stretch_is_one_annotation_whose_selectors_agree(
    built: tuple[Path, Path],
) -> None:
    """Every part of every passage is an annotation; its TextPositionSelector's slice of
    the source is its exact, and prefix and suffix are the 32 characters around it."""
    findings, out = built
    items = _load(out, "annotations.jsonld")["first"]["items"]
    sources = {s["sha256"]: s for s in _load(out, "findings.json")["sources"]}
    seen = []
    for item in items:
        target = item["target"]
        source = sources[_sha256_of(target["source"]["id"])]
        text = _source_text(findings, source)
        quote, position = target["selector"]
        assert (quote["type"], position["type"]) == ("TextQuoteSelector", "TextPositionSelector")
        start, end = position["start"], position["end"]
        assert text[start:end] == quote["exact"]
        assert quote.get("prefix", "") == text[max(0, start - 32) : start]
        assert quote.get("suffix", "") == text[end : end + 32]
        tag = next(b["value"] for b in item["body"] if b["purpose"] == "tagging")
        seen.append((tag, source["sha256"], start, end))
    assert seen == _parts(out)


def test_annotations_expand_with_the_w3c_context(built: tuple[Path, Path]) -> None:
    """The JSON-LD expands with the W3C anno.jsonld context (a copy kept here: nothing is
    fetched), and every key written is a term of that context, so none is dropped."""
    _, out = built
    doc = _load(out, "annotations.jsonld")
    context = json.loads((FIXTURES / "anno.jsonld").read_text(encoding="utf-8"))

    def local_only(url: str, options: Any = None) -> dict[str, Any]:
        assert url == ANNO_CONTEXT, f"would fetch {url}"
        return {"contextUrl": None, "documentUrl": url, "document": context}

    expanded = jsonld.expand(doc, {"documentLoader": local_only})
    oa = "http://www.w3.org/ns/oa#"
    page = expanded[0]["http://www.w3.org/ns/activitystreams#first"][0]
    annotations = page["http://www.w3.org/ns/activitystreams#items"][0]["@list"]
    assert len(annotations) == len(doc["first"]["items"]) == doc["total"]
    for compact, full in zip(doc["first"]["items"], annotations, strict=True):
        assert full["@type"] == [oa + "Annotation"]
        selectors = full[oa + "hasTarget"][0][oa + "hasSelector"]
        assert selectors[0][oa + "exact"][0]["@value"] == compact["target"]["selector"][0]["exact"]
        assert (
            int(selectors[1][oa + "start"][0]["@value"])
            == compact["target"]["selector"][1]["start"]
        )
    terms = set(context["@context"])
    assert _keys(doc) - {"@context"} <= terms


def _keys(value: Any) -> set[str]:
    if isinstance(value, dict):
        return set(value).union(*(_keys(v) for v in value.values()))
    if isinstance(value, list):
        return set().union(*(_keys(v) for v in value))
    return set()


def test_annotations_re_anchor_in_a_fresh_process(built: tuple[Path, Path]) -> None:
    """Imported back by another process that has only annotations.jsonld and the source
    files, every quote anchors, by its text and context alone, to the offsets
    findings.json gives."""
    findings, out = built
    sources_folder = findings.parent / "sources"
    done = subprocess.run(
        [
            sys.executable,
            str(Path(__file__).parent / "reanchor.py"),
            str(out / "annotations.jsonld"),
            str(sources_folder),
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    rows = json.loads(done.stdout)
    sha = {s["sha256"] for s in _load(out, "findings.json")["sources"]}
    assert {_sha256_of(r[1]) for r in rows} <= sha
    assert [(r[0], _sha256_of(r[1]), r[2], r[3]) for r in rows] == _parts(out)


# --- CSL-JSON -------------------------------------------------------------------------


def test_sources_are_csl_items(built: tuple[Path, Path]) -> None:
    """One CSL-JSON item per source with its title, publisher, issued date and URL, and
    the file's SHA-256 in the note; nothing made up for what the findings do not say."""
    _, out = built
    items = _load(out, "sources.csl.json")
    sources = _load(out, "findings.json")["sources"]
    assert [i["id"] for i in items] == [s["id"] for s in sources]
    for item, source in zip(items, sources, strict=True):
        assert item["type"] == "document" and item["title"] == source["title"]
        assert item.get("publisher") == source.get("publisher")
        assert item.get("URL") == source.get("url")
        issued = item.get("issued", {}).get("date-parts", [[]])[0]
        assert "-".join(f"{n:02d}" for n in issued) == (source.get("published") or "")
        assert source["sha256"] in item["note"]
        assert set(item) <= {"id", "type", "title", "publisher", "issued", "URL", "note"}


# --- identifiers and the report folder --------------------------------------------------


def _ids(out: Path) -> dict[str, str]:
    objects = _load(out, "briefing.stix.json")["objects"]
    return {
        (o["name"] if o["type"] == "identity" else o.get("x_briefing_claim_id", ""))
        + "/"
        + o["type"]: o["id"]
        for o in objects
    }


def test_identifiers_stay_when_a_claim_is_reworded_and_differ_between_briefings(
    project: Any, tmp_path: Path
) -> None:
    """Ids come from the briefing's title and the claim ids: an edition that rewords a
    claim keeps every id; another briefing reusing the claim ids shares none but the
    identities of the same names and the tool's own objects."""
    first = project()
    assert main(["--findings", str(first), "--out", str(tmp_path / "a")]) == 0
    first.write_text(
        first.read_text(encoding="utf-8").replace(
            "Turnout was the largest yet.", "Turnout was the largest in years."
        ),
        encoding="utf-8",
    )
    assert main(["--findings", str(first), "--out", str(tmp_path / "b")]) == 0
    first.write_text(
        first.read_text(encoding="utf-8").replace(
            "title: Clean-up turnout", "title: Another briefing"
        ),
        encoding="utf-8",
    )
    assert main(["--findings", str(first), "--out", str(tmp_path / "c")]) == 0
    a, b, c = (_ids(tmp_path / n) for n in "abc")
    assert a == b
    shared = {k for k in a if a[k] == c[k]}
    assert shared == {k for k in a if k.endswith(("/identity", "/extension-definition"))}
    assert all(uuid.UUID(v.split("--")[1]).version == 4 for v in a.values())
    annotations = (tmp_path / "a" / "annotations.jsonld").read_bytes()
    assert annotations == (tmp_path / "b" / "annotations.jsonld").read_bytes().replace(
        b"largest in years", b"largest yet"
    )


def test_a_report_folder_with_the_new_files_is_rebuilt_and_checked(
    project: Any, run: Any, tmp_path: Path
) -> None:
    """--out accepts a folder holding the exchange files (they are the report's), and
    --check notices when one of them is stale."""
    findings = project()
    out = tmp_path / "out"
    assert run("--findings", str(findings), "--out", str(out)).code == 0
    assert run("--findings", str(findings), "--out", str(out)).code == 0
    assert run("--findings", str(findings), "--out", str(out), "--check").code == 0
    stale = out / "briefing.stix.json"
    stale.write_bytes(stale.read_bytes().replace(b"Clean-up", b"Clean up"))
    checked = run("--findings", str(findings), "--out", str(out), "--check")
    assert checked.code == 1
    assert "briefing.stix.json is out of date" in checked.stderr
