"""On paper: black on white whatever the screen's scheme, no navigation, citations that
name their source, collapsed parts open, and an A4 PDF from Chromium's own printing."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable

import pytest

from .conftest import Case, Opened

PRINT_JS = """() => {
  const style = (sel, prop) => getComputedStyle(document.querySelector(sel))[prop];
  return {
    color: style('body', 'color'), background: style('html', 'backgroundColor'),
    bodyBackground: style('body', 'backgroundColor'),
    toc: style('nav', 'display'),
    cards: [...document.querySelectorAll('.cite-card')].every(
      c => getComputedStyle(c).display === 'none'),
    cites: [...document.querySelectorAll('a.cite, a.cite-plain')].map(a => a.innerText),
    citeSize: Math.min(...[...document.querySelectorAll('a.cite')].map(
      a => parseFloat(getComputedStyle(a).fontSize))),
    collapsed: [...document.querySelectorAll('details:not([open])')].map(d =>
      [...d.children].filter(c => c.tagName !== 'SUMMARY')
        .every(c => c.getBoundingClientRect().height > 0)),
    rows: [...document.querySelectorAll('tr')].every(
      tr => getComputedStyle(tr).breakInside === 'avoid'),
    sources: [...document.querySelectorAll('a.url')].every(a => a.textContent === a.href),
  };
}"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_print_styles(open_briefing: Callable[..., Opened], case: Case, scheme: str) -> None:
    """With print media the page is black on white, the contents list and citation cards
    are gone, each citation says which source ([3 in S1]), and details are open."""
    page = open_briefing(scheme=scheme).page
    page.emulate_media(media="print")
    got = page.evaluate(PRINT_JS)
    assert got["color"] == "rgb(0, 0, 0)"
    assert got["background"] in {"rgb(255, 255, 255)", "rgba(0, 0, 0, 0)"}
    assert got["bodyBackground"] == "rgb(255, 255, 255)"
    assert got["toc"] == "none" and got["cards"]
    numbers = len(case.findings["sources"])
    for text in got["cites"]:
        match = re.fullmatch(r"\[(\d+) in S(\d+)\]", text.strip())
        assert match and 1 <= int(match[2]) <= numbers, text
    assert got["citeSize"] >= 10
    assert all(got["collapsed"]), "a collapsed part stays hidden on paper"
    assert got["rows"]
    assert got["sources"]


def test_chromium_prints_an_a4_pdf(open_briefing: Callable[..., Opened], case: Case) -> None:
    """Headless Chromium prints the briefing to a PDF of A4 pages (left in
    test-artifacts/, with PNGs of its first pages when poppler's pdftoppm is there)."""
    page = open_briefing(scheme="dark").page
    page.emulate_media(media="print")
    path = case.artifact("print.pdf")
    page.pdf(path=str(path), prefer_css_page_size=True, outline=True, tagged=True)
    data = path.read_bytes()
    assert data.startswith(b"%PDF-")
    pages = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", data)
    assert pages, "no page in the PDF"
    assert all(abs(float(w) - 595) < 2 and abs(float(h) - 842) < 2 for w, h in pages)
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-r", "60", "-png", "-l", "3", str(path),
                        str(path.with_suffix(""))], check=True)
