"""Sources as analysts receive them: PDFs with their pages, passages in other languages
with translations, references not held as texts, correcting a source in place, and find
across every source."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pdf_fixture import encrypted, make_pdf, with_roman_front_matter

from briefing.cli import main
from conftest import Run

Runner = Callable[..., Run]

PAGES = [[f"Front matter page {n}."] for n in range(1, 5)] + [
    ["The ministry said the inter-", "national observers arrived on Monday."],
    ["Officials counted the vehicles at the crossing."],
    ["The convoy of 40 trucks crossed", "the border at dawn, the ministry said."],
]

FINDINGS = """\
briefing:
  title: Border crossing
  as_of: 2025-05-01
sources:
  - id: note
    file: sources/note.txt
    title: A note
claims:
  - id: placeholder
    statement: A note exists.
    said_by: The note
    credibility: 3
    evidence:
      - source: note
        quote: A short note
"""


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "note.txt").write_text("A short note.\n", encoding="utf-8")
    (tmp_path / "findings.yaml").write_text(FINDINGS, encoding="utf-8")
    return tmp_path


def _cite(findings: Path, claim: str, source: str, quote: str, extra: str = "") -> None:
    with findings.open("a", encoding="utf-8") as f:
        f.write(
            f"  - id: {claim}\n    statement: Said.\n    said_by: Ministry\n"
            f"    credibility: 3\n    evidence:\n      - source: {source}\n"
            f"        quote: {json.dumps(quote, ensure_ascii=False)}\n{extra}"
        )


def _evidence(out: Path, claim: str) -> dict[str, object]:
    data = json.loads((out / "findings.json").read_text(encoding="utf-8"))
    (found,) = [c for c in data["claims"] if c["id"] == claim]
    return dict(found["evidence"][0])


# PDFs


def test_a_pdf_source_cites_its_own_page_labels(folder: Path, run: Runner) -> None:
    """Physical page 5 of a PDF numbered i-iv, 1, 2, 3 is 'p. 1'; a quote across the
    break from its page 2 to 3 is '2–3'; a word hyphenated across a line end matches."""
    pdf = folder / "report.pdf"
    pdf.write_bytes(with_roman_front_matter(make_pdf(PAGES), 4))
    findings = folder / "findings.yaml"
    added = run("add-source", str(pdf), "--id", "report", "--findings", str(findings))
    assert added.code == 0, added.stderr
    assert (folder / "sources" / "report.pdf").read_bytes() == pdf.read_bytes()
    _cite(findings, "observers", "report", "the international observers arrived on Monday")
    _cite(findings, "across", "report", "vehicles at the crossing. The convoy of 40 trucks")
    built = run("--findings", str(findings), "--out", str(folder / "out"))
    assert built.code == 0, built.stderr
    assert _evidence(folder / "out", "observers")["page"] == "1"
    assert _evidence(folder / "out", "across")["page"] == "2–3"
    assert "page" not in _evidence(folder / "out", "placeholder")
    page = (folder / "out" / "index.html").read_text(encoding="utf-8")
    assert "p. 1" in page and "pp. 2–3" in page


def test_a_pdf_without_page_labels_is_cited_by_physical_page(folder: Path, run: Runner) -> None:
    pdf = folder / "plain.pdf"
    pdf.write_bytes(make_pdf(PAGES))
    findings = folder / "findings.yaml"
    assert run("add-source", str(pdf), "--id", "plain", "--findings", str(findings)).code == 0
    _cite(findings, "observers", "plain", "international observers arrived")
    assert run("--findings", str(findings), "--out", str(folder / "out")).code == 0
    assert _evidence(folder / "out", "observers")["page"] == "5"


def test_a_pdf_sentence_wrapped_over_lines_is_one_paragraph(folder: Path, run: Runner) -> None:
    """Print breaks lines, not paragraphs: an ellipsis may leave out words of a sentence
    that wraps, and a short line ending a sentence ends its paragraph."""
    pdf = folder / "wrapped.pdf"
    lines = [
        "Industrial action by dock labour continues at the container terminal, where",
        "loading has stopped; tankers and bulk carriers are being handled at the oil",
        "and bulk quays as normal.",
        "The harbour master will review the position on Friday.",
    ]
    pdf.write_bytes(make_pdf([lines]))
    findings = folder / "findings.yaml"
    assert run("add-source", str(pdf), "--id", "notice", "--findings", str(findings)).code == 0
    text = (folder / "sources" / "notice.txt").read_text(encoding="utf-8")
    assert "as normal.\n\nThe harbour master" in text
    assert "where\nloading" in text  # a wrapped line stays in its paragraph
    _cite(findings, "strike", "notice", "Industrial action by dock labour ... as normal")
    built = run("--findings", str(findings), "--out", str(folder / "out"))
    assert built.code == 0, built.stderr


def _sparse(path: Path) -> bytes:
    with path.open("wb") as f:
        f.truncate(500_000_000)  # a 500 MB file that takes no room on disk
    return b""


@pytest.mark.parametrize(
    ("make", "says"),
    [
        (lambda p: p.write_bytes(encrypted(make_pdf(PAGES))), "is encrypted"),
        (lambda p: p.write_bytes(make_pdf([[], []])), "has no text to quote"),
        (
            lambda p: p.write_bytes(b"<!DOCTYPE html><html><body>Hi</body></html>"),
            "is named as a PDF but is not one (it starts like an HTML page)",
        ),
        (_sparse, "is 500,000,000 bytes, over the limit"),
    ],
)
def test_a_pdf_that_cannot_be_a_source_gets_one_error_and_changes_nothing(
    folder: Path, run: Runner, make: Callable[[Path], object], says: str
) -> None:
    pdf = folder / "bad.pdf"
    make(pdf)
    before = {p: p.read_bytes() for p in folder.rglob("*") if p.is_file() and p != pdf}
    result = run("add-source", str(pdf), "--id", "bad", "--findings", str(folder / "findings.yaml"))
    assert result.code == 1
    assert len(result.lines) == 1 and says in result.stderr
    assert {p: p.read_bytes() for p in folder.rglob("*") if p.is_file() and p != pdf} == before


def test_reading_a_file_sets_aside_memory_for_what_it_holds(tmp_path: Path) -> None:
    """Every source is read whole on every run: asked for the size limit at once, the
    reader would set aside 20 MB for each file."""
    import tracemalloc

    from briefing.files import read_regular

    small = tmp_path / "small.txt"
    small.write_bytes(b"A short text.\n")
    tracemalloc.start()
    try:
        assert read_regular(small) == b"A short text.\n"
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 1_000_000


@pytest.mark.skipif(not Path("/proc/self/stat").is_file(), reason="needs Linux /proc")
def test_a_file_that_holds_more_than_its_size_says_is_read_whole() -> None:
    """A file that grows while read, or one of /proc, which says it is empty."""
    from briefing.files import read_regular

    assert Path("/proc/self/stat").stat().st_size == 0
    assert read_regular(Path("/proc/self/stat")).startswith(str(os.getpid()).encode())


def test_a_page_map_that_does_not_fit_its_text_is_an_error(folder: Path, run: Runner) -> None:
    (folder / "sources" / "note.txt").write_text("A short note.\n\f\nPage two.\n")
    (folder / "sources" / "note.pages.json").write_text('{"labels": ["1"]}\n')
    result = run("--findings", str(folder / "findings.yaml"), "--out", str(folder / "out"))
    assert result.code == 1
    assert "has 2 pages but its page map 'note.pages.json' labels 1" in result.stderr


def test_a_page_map_is_never_read_through_a_link(folder: Path, run: Runner, tmp_path: Path) -> None:
    """A map linked to a file outside the project would put that file's words on the page."""
    outside = tmp_path / "elsewhere.json"
    outside.write_text('{"labels": ["SECRET-A", "SECRET-B"]}\n')
    (folder / "sources" / "note.txt").write_text("A short note.\n\f\nPage two.\n")
    (folder / "sources" / "note.pages.json").symlink_to(outside)
    result = run("--findings", str(folder / "findings.yaml"), "--out", str(folder / "out"))
    assert result.code == 1
    assert "page map 'note.pages.json'" in result.stderr and "link" in result.stderr
    assert not (folder / "out").exists()


# Correcting a source


def test_replace_keeps_the_id_and_notes_repins_and_lists_the_quotes_that_fail(
    folder: Path, run: Runner
) -> None:
    findings = folder / "findings.yaml"
    findings.write_text(
        FINDINGS.replace(
            "    title: A note\n", "    title: A note\n    note: Kept by the analyst.\n"
        )
    )
    fixed = folder / "fixed.txt"
    fixed.write_text("A longer note, corrected.\n", encoding="utf-8")
    result = run(
        "add-source",
        str(fixed),
        "--id",
        "note",
        "--replace",
        "--title",
        "The corrected note",
        "--findings",
        str(findings),
    )
    assert result.code == 0, result.stderr
    assert "findings.yaml:17:16: error: quote not found in source 'note'" in result.stderr
    assert "1 quote(s) of 'note' no longer verify" in result.stderr
    text = findings.read_text(encoding="utf-8")
    assert "file: sources/fixed.txt" in text and "title: The corrected note" in text
    assert "note: Kept by the analyst." in text and text.count("- id: note") == 1
    back = folder / "note-again.txt"
    back.write_text("A short note.\n", encoding="utf-8")
    again = run(
        "add-source",
        str(back),
        "--id",
        "note",
        "--replace",
        "--name",
        "note.txt",
        "--findings",
        str(findings),
    )
    assert again.code == 0, again.stderr
    assert "every quote of 'note' still verifies" in again.stderr
    assert run("--findings", str(findings), "--out", str(folder / "out")).code == 0


def test_replace_needs_a_listed_source(folder: Path, run: Runner) -> None:
    new = folder / "new.txt"
    new.write_text("Text.\n")
    result = run(
        "add-source",
        str(new),
        "--id",
        "other",
        "--replace",
        "--findings",
        str(folder / "findings.yaml"),
    )
    assert result.code == 1 and "no source with id 'other' is listed" in result.stderr


def test_name_chooses_the_stored_file_name(folder: Path, run: Runner) -> None:
    new = folder / "download (3).txt"
    new.write_text("Some text.\n")
    result = run(
        "add-source",
        str(new),
        "--id",
        "other",
        "--name",
        "ministry.txt",
        "--findings",
        str(folder / "findings.yaml"),
    )
    assert result.code == 0, result.stderr
    assert (folder / "sources" / "ministry.txt").read_text() == "Some text.\n"
    assert "file: sources/ministry.txt" in (folder / "findings.yaml").read_text()


# Find

REPORT = """\
Ministry update
October 31, 2024

- Troops moved north of the river.
- Supplies were delayed at the border.

The ministry said troops were moving along the river while supplies waited. Officials \
added that the border crossing near the river was busy, and troops on leave were recalled.
"""
WIRE = "Troops crossed the river at dawn near the border, the wire said.\n"


def test_find_ranks_the_passage_with_all_the_words_first_and_labels_its_source(
    folder: Path, run: Runner, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "sources" / "report.txt").write_text(REPORT, encoding="utf-8")
    (folder / "sources" / "wire.txt").write_text(WIRE, encoding="utf-8")
    findings = folder / "findings.yaml"
    findings.write_text(
        FINDINGS.replace(
            "claims:",
            "  - id: report\n    file: sources/"
            "report.txt\n    title: Update\n  - id: wire\n"
            "    file: sources/wire.txt\n    title: Wire\n"
            "claims:",
        )
    )
    from briefing.cli import main

    capsys.readouterr()
    assert main(["find", "troops", "river", "border", "dawn", "--findings", str(findings)]) == 0
    headers = [line for line in capsys.readouterr().out.splitlines() if line.startswith("#")]
    assert headers[0].endswith("source 'wire' (4 of 4 words found)")
    assert len(headers) == 3 and all("of 4 words found" in h for h in headers)


def test_find_keeps_list_items_headings_and_datelines_apart(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (folder / "sources" / "report.txt").write_text(REPORT, encoding="utf-8")
    findings = folder / "findings.yaml"
    findings.write_text(
        FINDINGS.replace(
            "claims:", "  - id: report\n    file: sources/report.txt\n    title: Update\nclaims:"
        )
    )
    from briefing.cli import main

    capsys.readouterr()
    assert (
        main(
            [
                "find",
                "--source",
                "report",
                "supplies",
                "delayed",
                "--findings",
                str(findings),
                "--max",
                "1",
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert 'quote: "Supplies were delayed at the border."' in out  # the item, no marker
    capsys.readouterr()
    assert main(["find", "report", "October", "2024", "--findings", str(findings)]) == 0
    assert 'quote: "October 31, 2024"' in capsys.readouterr().out


# Other languages

KOREAN = "국방부 발표\n국방부는 병력 1만 2천 명이 이동했다고 밝혔다.\n"


def _korean(folder: Path, extra: str) -> Path:
    (folder / "sources" / "ko.txt").write_text(KOREAN, encoding="utf-8")
    findings = folder / "findings.yaml"
    findings.write_text(
        FINDINGS.replace(
            "claims:",
            "  - id: ko\n    file: sources/ko.txt\n"
            "    title: Ministry statement\n    language: ko\n"
            "claims:",
        )
    )
    _cite(findings, "moved", "ko", "병력 1만 2천 명이 이동했다고", extra)
    return findings


ESTIMATE = (
    "    estimate:\n      quantity: Troops\n      estimator: Ministry\n"
    "      location: North\n      value: 12000\n"
)
TRANSLATION = "        translation: 12,000 troops moved\n        translated_by: Desk translator\n"


def test_a_figure_written_otherwise_in_the_original_is_found_in_the_translation(
    folder: Path, run: Runner
) -> None:
    findings = _korean(folder, TRANSLATION + ESTIMATE)
    built = run("--findings", str(findings), "--out", str(folder / "out"))
    assert built.code == 0, built.stderr
    data = json.loads((folder / "out" / "findings.json").read_text(encoding="utf-8"))
    (moved,) = [c for c in data["claims"] if c["id"] == "moved"]
    assert moved["figure_found_in"] == "translation"
    assert moved["evidence"][0]["translation"] == "12,000 troops moved"
    page = (folder / "out" / "index.html").read_text(encoding="utf-8")
    assert (
        '<p lang="ko">“병력 1만 2천 명이 이동했다고”</p><p class="translation" lang="en">' in page
        and "Translation by Desk translator:" in page
    )


def test_without_a_translation_the_figure_must_be_in_the_original(
    folder: Path, run: Runner
) -> None:
    result = run("--findings", str(_korean(folder, ESTIMATE)), "--out", str(folder / "out"))
    assert result.code == 1 and "estimate value 12,000 does not appear" in result.stderr


def test_a_changed_letter_in_an_original_language_quote_names_the_closest_passage(
    folder: Path, run: Runner
) -> None:
    findings = _korean(folder, TRANSLATION)
    findings.write_text(
        findings.read_text(encoding="utf-8").replace("이동했다고", "이동했다구"), encoding="utf-8"
    )
    result = run("--findings", str(findings), "--out", str(folder / "out"))
    assert result.code == 1
    assert (
        "quote not found in source 'ko'; closest passage at sources/ko.txt:2:" in result.stderr
        and "이동했다고" in result.stderr
    )


def test_translated_by_needs_a_translation(folder: Path, run: Runner) -> None:
    findings = _korean(folder, "        translated_by: Desk translator\n")
    result = run("--findings", str(findings), "--out", str(folder / "out"))
    assert (
        result.code == 1
        and "translated_by names who translated the passage, but it has no translation"
        in result.stderr
    )


# References


def test_a_reference_is_linked_listed_and_its_id_is_its_own(folder: Path, run: Runner) -> None:
    findings = folder / "findings.yaml"
    findings.write_text(
        FINDINGS.replace(
            "claims:",
            "references:\n  - id: atlas\n    title: Road atlas\n    accessed: 2025-04-01\nclaims:",
        )
        + "    note: See [the atlas](#atlas).\n"
    )
    built = run("--findings", str(findings), "--out", str(folder / "out"))
    assert built.code == 0, built.stderr
    data = json.loads((folder / "out" / "findings.json").read_text(encoding="utf-8"))
    assert data["references"] == [
        {
            "id": "atlas",
            "title": "Road atlas",
            "publisher": None,
            "published": None,
            "url": None,
            "accessed": "2025-04-01",
            "note": None,
        }
    ]
    assert 'href="#reference_atlas"' in (folder / "out" / "index.html").read_text()
    findings.write_text(findings.read_text().replace("id: atlas", "id: note"))
    clash = run("--findings", str(findings), "--out", str(folder / "out2"))
    assert clash.code == 1
    assert "reference id 'note' is also the id of a source" in clash.stderr


def test_find_writes_a_control_that_reorders_text_as_its_escape(
    folder: Path, run: Runner, capsys: Any
) -> None:
    (folder / "sources" / "note.txt").write_text("The minister \u202edeined\u202c the report.\n")
    capsys.readouterr()
    code = main(
        [
            "find",
            "minister",
            "report",
            "--source",
            "note",
            "--findings",
            str(folder / "findings.yaml"),
        ]
    )
    out = capsys.readouterr().out
    assert code == 0 and "\u202e" not in out and "\\u202e" in out
