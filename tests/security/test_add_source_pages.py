"""add-source and pdf against what a page or a project may hold: text a reader is never
shown does not become a source, what a page says of itself is marked as such, findings the
build refuses are refused at once, and what the commands write has the umask's modes."""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import yaml

from briefing.commands import pdf
from conftest import ROOT, Run

Runner = Callable[..., Run]

ARTICLE = (
    "<p>The port authority said on Monday that about 40 cargo ships were waiting at "
    "anchor off the harbour, up from 25 a week earlier.</p><p>Shipping agents "
    "disputed that view and said that as many as 60 vessels were waiting.</p>"
)
PLANTED = "Secret planted sentence naming the wrong culprit for the delays"


@pytest.fixture
def started(tmp_path: Path, run: Runner) -> Path:
    result = run("init", str(tmp_path / "brief"))
    assert result.code == 0, result.stderr
    return tmp_path / "brief" / "findings.yaml"


def page(body: str, head: str = "", style: str = "") -> str:
    return (
        f"<!DOCTYPE html><html><head><title>Queue grows</title>{head}"
        f"{f'<style>{style}</style>' if style else ''}</head><body><article>"
        f"<h1>Queue grows</h1>{body}</article></body></html>"
    )


HIDDEN = {
    "hidden attribute": page(f"{ARTICLE}<p hidden>{PLANTED}.</p>"),
    "template": page(f"{ARTICLE}<template><p>{PLANTED}.</p></template>"),
    "aria-hidden": page(f'{ARTICLE}<p aria-hidden="true">{PLANTED}.</p>'),
    "noscript": page(f"{ARTICLE}<noscript><p>{PLANTED}.</p></noscript>"),
    "closed dialog": page(f"{ARTICLE}<dialog><p>{PLANTED}.</p></dialog>"),
    "display none": page(f'{ARTICLE}<p style="color: red; DISPLAY:none">{PLANTED}.</p>'),
    "visibility hidden": page(f'{ARTICLE}<p style="visibility:hidden">{PLANTED}.</p>'),
    "font-size 0": page(f'{ARTICLE}<p style="font-size:0px">{PLANTED}.</p>'),
    "opacity 0": page(f'{ARTICLE}<p style="opacity: 0.0">{PLANTED}.</p>'),
    "transparent": page(f'{ARTICLE}<p style="color:transparent">{PLANTED}.</p>'),
    "off-screen": page(f'{ARTICLE}<p style="position:absolute;left:-9999px">{PLANTED}.</p>'),
    "text-indent": page(f'{ARTICLE}<p style="text-indent:-100em">{PLANTED}.</p>'),
    "clipped": page(f'{ARTICLE}<p style="position:absolute;clip:rect(0 0 0 0)">{PLANTED}.</p>'),
    "zero height": page(f'{ARTICLE}<p style="height:0;overflow:hidden">{PLANTED}.</p>'),
    "scaled to nothing": page(f'{ARTICLE}<p style="transform: scale(0)">{PLANTED}.</p>'),
    "style rule on a class": page(
        f'{ARTICLE}<p class="lead x-note">{PLANTED}.</p>',
        style="/* print */ .x-note { display: none !important }",
    ),
    "style rule on an id": page(
        f'{ARTICLE}<p id="n1">{PLANTED}.</p>', style="p#n1{visibility:hidden}"
    ),
    "alpha 0": page(f'{ARTICLE}<p style="color: rgba(0,0,0,0)">{PLANTED}.</p>'),
    "colour of the background": page(
        f'{ARTICLE}<p style="color:#fff;background:#fff">{PLANTED}.</p>'
    ),
    "faint": page(f'{ARTICLE}<p style="opacity:0.001">{PLANTED}.</p>'),
    "tiny type": page(f'{ARTICLE}<p style="font-size:0.1px">{PLANTED}.</p>'),
    "translated away": page(f'{ARTICLE}<p style="transform:translateX(-10000px)">{PLANTED}.</p>'),
    "clipped to a point": page(f'{ARTICLE}<p style="clip-path:circle(0)">{PLANTED}.</p>'),
    "filtered out": page(f'{ARTICLE}<p style="filter:opacity(0)">{PLANTED}.</p>'),
    "inside a hidden element": page(f'{ARTICLE}<div style="display:none"><p>{PLANTED}.</p></div>'),
}


@pytest.mark.parametrize("kind", sorted(HIDDEN))
def test_text_a_reader_never_sees_does_not_become_the_source(
    started: Path, run: Runner, tmp_path: Path, kind: str
) -> None:
    saved = tmp_path / "saved.html"
    saved.write_text(HIDDEN[kind], encoding="utf-8")
    result = run("add-source", str(saved), "--id", "gazette", "--findings", str(started))
    assert result.code == 0, result.stderr
    text = (started.parent / "sources" / "gazette.txt").read_text(encoding="utf-8")
    assert "about 40 cargo ships" in text and "as many as 60 vessels" in text
    assert "planted" not in text
    found = run("find", "gazette", "planted wrong culprit", "--findings", str(started))
    assert PLANTED not in found.stderr


@pytest.mark.parametrize(
    "style",
    ["", "position:relative;left:20px", "font-size:0.9em", "margin-left:-10px", "opacity:0.8"],
)
def test_text_shown_with_ordinary_styling_is_kept(
    started: Path, run: Runner, tmp_path: Path, style: str
) -> None:
    saved = tmp_path / "saved.html"
    saved.write_text(
        page(
            f'{ARTICLE}<p style="{style}">Harbour pilots worked double shifts '
            "through the weekend to clear the queue.</p>",
            style="@media print { p { display: none } }",
        ),
        encoding="utf-8",
    )
    assert run("add-source", str(saved), "--id", "gazette", "--findings", str(started)).code == 0
    text = (started.parent / "sources" / "gazette.txt").read_text(encoding="utf-8")
    assert "pilots worked double shifts" in text and "about 40 cargo ships" in text


LOOK_ALIKE = page(
    ARTICLE,
    head=(
        '<meta property="og:site_name" content="Reuters">'
        '<meta property="article:published_time" content="2025-03-03T08:00:00Z">'
        '<link rel="canonical" href="https://www.reuters.com/world/queue-grows">'
    ),
)


def test_what_a_page_says_of_itself_is_marked_as_unchecked(
    started: Path, run: Runner, tmp_path: Path
) -> None:
    saved = tmp_path / "saved.html"
    saved.write_text(LOOK_ALIKE, encoding="utf-8")
    result = run("add-source", str(saved), "--id", "gazette", "--findings", str(started))
    assert result.code == 0, result.stderr
    assert "publisher 'Reuters' (from the page's og:site_name: check it)" in result.stderr
    assert (
        "published '2025-03-03' (from the page's article:published_time: check it)" in result.stderr
    )
    assert (
        "url 'https://www.reuters.com/world/queue-grows' (from the page's canonical link: check it)"
    ) in result.stderr
    lines = started.read_text(encoding="utf-8").splitlines()
    assert '    publisher: "Reuters"  # from the page\'s og:site_name, not checked' in lines
    assert (
        "    published: 2025-03-03  # from the page's article:published_time, not checked" in lines
    )
    assert (
        '    url: "https://www.reuters.com/world/queue-grows"  # from the page\'s '
        "canonical link, not checked"
    ) in lines
    entry = yaml.safe_load(started.read_text(encoding="utf-8"))["sources"][-1]
    assert entry["publisher"] == "Reuters"
    built = run("--findings", str(started))
    assert built.code == 0, built.stderr
    assert "starts a YAML comment" not in built.stderr  # quoted: the '#' is plainly one


def test_values_given_on_the_command_line_carry_no_mark(
    started: Path, run: Runner, tmp_path: Path
) -> None:
    saved = tmp_path / "saved.html"
    saved.write_text(LOOK_ALIKE, encoding="utf-8")
    result = run(
        "add-source",
        str(saved),
        "--id",
        "gazette",
        "--findings",
        str(started),
        "--publisher",
        "Harbour Gazette",
        "--url",
        "https://gazette.example/q",
    )
    assert result.code == 0, result.stderr
    assert "Reuters" not in result.stderr
    text = started.read_text(encoding="utf-8")
    assert "    publisher: Harbour Gazette\n" in text and "reuters.com" not in text


@pytest.mark.parametrize(
    "canonical",
    [
        "javascript:alert(1)",
        "/world/queue-grows",
        "file:///etc/passwd",
        "https://a.example/two words",
    ],
)
def test_a_canonical_address_is_kept_only_when_it_is_http(
    started: Path, run: Runner, tmp_path: Path, canonical: str
) -> None:
    saved = tmp_path / "saved.html"
    saved.write_text(
        page(ARTICLE, head=f'<link rel="canonical" href="{canonical}">'), encoding="utf-8"
    )
    result = run("add-source", str(saved), "--id", "gazette", "--findings", str(started))
    assert result.code == 0, result.stderr
    entry = yaml.safe_load(started.read_text(encoding="utf-8"))["sources"][-1]
    assert "url" not in entry


def test_two_pages_in_a_row_are_listed_one_after_the_other(
    started: Path, run: Runner, tmp_path: Path
) -> None:
    """An entry ending in a comment is no obstacle to the next one."""
    for number in (1, 2):
        saved = tmp_path / f"saved{number}.html"
        saved.write_text(LOOK_ALIKE.replace("40 cargo", f"4{number} cargo"), encoding="utf-8")
        assert (
            run("add-source", str(saved), "--id", f"page-{number}", "--findings", str(started)).code
            == 0
        )
    listed = yaml.safe_load(started.read_text(encoding="utf-8"))["sources"]
    assert [s["id"] for s in listed[-2:]] == ["page-1", "page-2"]


# Findings the build refuses


def _aliased_levels(levels: int) -> str:
    """A source entry whose values reach 9**levels values through block-style aliases."""
    lines = [
        "  - id: laughs",
        "    file: sources/laughs.txt",
        "    title: Laughs",
        "    l0: &l0",
        "      k: lol",
    ]
    for level in range(1, levels + 1):
        lines.append(f"    l{level}: &l{level}")
        lines += [f"      k{j}: *l{level - 1}" for j in range(9)]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("trap", ["aliases", "alias loop"])
def test_findings_the_build_refuses_are_refused_at_once(
    started: Path, tmp_path: Path, trap: str
) -> None:
    text = started.read_text(encoding="utf-8")
    entry = _aliased_levels(11) if trap == "aliases" else "  - &loop\n    - *loop\n"
    cut = text.index("\nclaims:") + 1
    started.write_text(text[:cut] + entry + text[cut:], encoding="utf-8")
    before = started.read_bytes()
    article = tmp_path / "note.txt"
    article.write_text("Officials counted 40 ships.\n", encoding="utf-8")
    began = time.monotonic()
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "build_report.py"),
            "add-source",
            str(article),
            "--id",
            "note",
            "--findings",
            str(started),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert time.monotonic() - began < 60
    assert done.returncode == 1
    assert re.search(r"findings\.yaml:\d+:\d+: error: ", done.stderr)
    assert "cannot be read as findings (see above): fix it first" in done.stderr
    assert "Traceback" not in done.stderr
    assert started.read_bytes() == before
    assert not (started.parent / "sources" / "note.txt").exists()


# Modes


@pytest.fixture
def umask_027() -> Iterator[None]:
    before = os.umask(0o027)
    try:
        yield
    finally:
        os.umask(before)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_add_source_gives_new_files_the_umask_s_modes_and_keeps_the_findings_mode(
    started: Path, run: Runner, tmp_path: Path, umask_027: None
) -> None:
    started.chmod(0o600)
    saved = tmp_path / "saved.html"
    saved.write_text(page(ARTICLE), encoding="utf-8")
    assert run("add-source", str(saved), "--id", "gazette", "--findings", str(started)).code == 0
    sources = started.parent / "sources"
    assert mode(sources / "gazette.txt") == mode(sources / "gazette.html") == 0o640
    assert mode(started) == 0o600


def test_pdf_gives_the_file_the_umask_s_mode(
    started: Path, run: Runner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, umask_027: None
) -> None:
    def printer(command: list[str], **_: object) -> subprocess.CompletedProcess[bytes]:
        target = next(a for a in command if a.startswith("--print-to-pdf="))
        Path(target.partition("=")[2]).write_bytes(b"%PDF-1.7\n%%EOF\n")
        return subprocess.CompletedProcess(command, 0)

    monkeypatch.setattr(pdf, "chromium", lambda: "chromium")
    monkeypatch.setattr(pdf.subprocess, "run", printer)
    out = tmp_path / "paper" / "briefing.pdf"
    result = run("pdf", "--findings", str(started), "--out", str(out))
    assert result.code == 0, result.stderr
    assert out.read_bytes() == b"%PDF-1.7\n%%EOF\n" and mode(out) == 0o640
    assert sorted(os.listdir(out.parent)) == ["briefing.pdf"]
