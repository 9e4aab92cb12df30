"""Small typographic details a reader notices: a figure read as one unit, passage markers
that neither open up the line nor stand apart from the punctuation after them, and one rule
(not two) between the contents and the first section on a phone."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from .conftest import DESKTOP, PHONE, Opened

FIGURES_JS = """() => [...document.querySelectorAll('td.num')].flatMap(td => {
  const qualifier = td.querySelector('.qualifier'), amount = td.querySelector('.amount');
  if (!qualifier || !amount) return [];
  const q = qualifier.getClientRects(), a = amount.getClientRects();
  return [{text: td.innerText, qualifierLines: q.length,
           sameLine: q.length === 1 && Math.abs(q[0].bottom - a[0].bottom) < 4}];
})"""


def test_a_figure_keeps_its_qualifier_on_the_numbers_line(
    open_briefing: Callable[..., Opened],
) -> None:
    """In the estimates tables at desktop width, 'about 10,000' is on one line, not 'about'
    above '10,000'."""
    figures = open_briefing(width=DESKTOP).page.evaluate(FIGURES_JS)
    assert all(f["sameLine"] for f in figures), [f["text"] for f in figures if not f["sameLine"]]


MARKERS_JS = r"""() => {
  const glyphs = (node, start, end) => {
    const range = document.createRange();
    range.setStart(node, start); range.setEnd(node, end);
    return range.getBoundingClientRect();
  };
  const gaps = [], spaced = [], uneven = [];
  for (const marker of document.querySelectorAll('.source-text .pref')) {
    const next = marker.nextSibling;
    if (!next || next.nodeType !== Node.TEXT_NODE) continue;
    // In the source's own text, punctuation right after a passage stays right after it.
    if (/^\s+[.,;:!?)\]\u201d\u2019]/.test(next.data)) spaced.push(next.data.slice(0, 12));
    if (!/^[.,;:!?)\]\u201d\u2019]/.test(next.data)) continue;
    const digits = marker.querySelector('.pnum').firstChild;
    const after = glyphs(digits, 0, digits.data.length).right;
    gaps.push({marker: digits.data, gap: glyphs(next, 0, 1).left - after});
  }
  // Every line of a source's paragraph is as far below the last as any other.
  for (const p of document.querySelectorAll('.source-text p')) {
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    const tops = new Set();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement.closest('.pref') || !node.data.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const r of range.getClientRects()) if (r.width > 0) tops.add(Math.round(r.top));
    }
    const sorted = [...tops].sort((a, b) => a - b);
    const steps = sorted.slice(1).map((top, i) => top - sorted[i]);
    if (steps.length && Math.max(...steps) - Math.min(...steps) > 2)
      uneven.push({text: p.textContent.slice(0, 40), steps});
  }
  return {gaps, spaced, uneven};
}"""


@pytest.mark.parametrize("width", [DESKTOP, PHONE])
def test_passage_markers_sit_tight_and_keep_lines_even(
    open_briefing: Callable[..., Opened], width: int
) -> None:
    """A passage's number in a source's text is set like a footnote mark: the full stop or
    comma after it follows at once ('Russia¹.', never 'Russia ¹ .'), and a line with a
    marker is spaced like any other line."""
    got = open_briefing(width=width).page.evaluate(MARKERS_JS)
    assert got["spaced"] == [], "whitespace added between a passage and its punctuation"
    wide = [g for g in got["gaps"] if g["gap"] > 2]
    assert wide == [], f"a gap before the punctuation after a marker: {wide}"
    assert got["uneven"] == [], f"lines with a marker are spaced wider: {got['uneven']}"


RULES_JS = """() => {
  const toc = document.querySelector('.toc');
  const first = document.querySelector('main h2');
  const rule = (e, side) => parseFloat(getComputedStyle(e)[`border${side}Width`]) > 0
    && getComputedStyle(e)[`border${side}Style`] !== 'none';
  return {toc: rule(toc, 'Bottom'), section: rule(first, 'Top'),
          tocShown: getComputedStyle(toc).display !== 'none'};
}"""


def test_one_rule_between_the_contents_and_the_first_section_on_a_phone(
    open_briefing: Callable[..., Opened],
) -> None:
    """On a phone the contents sit above the first section: a rule under the contents and
    the section's own rule would draw a double line, so only one is drawn."""
    got = open_briefing(width=PHONE).page.evaluate(RULES_JS)
    assert got["tocShown"]
    assert not (got["toc"] and got["section"]), "two rules between contents and first section"


def test_a_cross_reference_in_the_bottom_line_reads_as_its_sentence_underlined(
    open_briefing: Callable[..., Opened],
) -> None:
    """The words of a link to the evidence keep the text's size and colour (smaller grey
    words read as footnotes or slips), and an underline says they lead somewhere."""
    page = open_briefing().page
    got = page.evaluate("""() => [...document.querySelectorAll(
        '#bottom-line .summary a[href^="#"], #bottom-line .implications a[href^="#"]')].map(a => {
      const own = getComputedStyle(a), around = getComputedStyle(a.parentElement);
      return [own.fontSize === around.fontSize, own.color === around.color,
              own.textDecorationLine.includes('underline')];
    })""")
    assert got, "no cross-reference in the bottom line"
    assert all(all(checks) for checks in got), got
