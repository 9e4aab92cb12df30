"""The page in Chromium: it loads quietly, its links work, citations reach their passages
and come back, every citation is reachable by keyboard and shows its source on focus and
hover, and nothing is wider than a desktop or a phone screen, in light or dark."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from itertools import pairwise
from typing import Any

import pytest

from .conftest import DESKTOP, PHONE, Case, Opened


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_page_loads_with_no_console_error_and_no_request(
    open_briefing: Callable[..., Opened], scheme: str
) -> None:
    """From a file:// URL the page logs no error (a CSP refusal would be one) and asks the
    network for nothing: no fonts, images, scripts or styles from anywhere."""
    opened = open_briefing(scheme=scheme)
    page = opened.page
    page.wait_for_timeout(200)  # let any late request or error surface
    assert opened.console_errors == []
    assert opened.requests == []
    assert page.locator("script").count() == 0
    csp = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
    assert csp and "default-src 'none'" in csp
    # The inline stylesheet was admitted by its hash: a rule from it is in force.
    assert page.evaluate("getComputedStyle(document.querySelector('.skip')).position") == "absolute"


def test_landmarks_headings_and_tables_are_sound(open_briefing: Callable[..., Opened]) -> None:
    """One banner, navigation, main and footer; one h1 and no skipped heading level;
    every table has a caption and every header cell a scope."""
    page = open_briefing().page
    for role, selector in (
        ("banner", "body > header"),
        ("navigation", "nav"),
        ("main", "main"),
        ("contentinfo", "body > footer"),
    ):
        assert page.locator(selector).count() == 1, role
        assert page.get_by_role(role).count() == 1, role
    levels = page.evaluate(
        "[...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => Number(h.tagName[1]))"
    )
    assert levels[0] == 1 and levels.count(1) == 1
    jumps = [(a, b) for a, b in pairwise(levels) if b > a + 1]
    assert jumps == []
    assert page.evaluate(
        "[...document.querySelectorAll('table')]"
        ".every(t => t.caption && t.caption.textContent.trim())"
    )
    assert page.evaluate("[...document.querySelectorAll('th')].every(th => th.scope)")


def test_every_in_page_link_resolves(open_briefing: Callable[..., Opened]) -> None:
    """Every href="#..." names an element of the page; every other link is http(s)."""
    page = open_briefing().page
    hrefs: list[str] = page.evaluate(
        "[...document.querySelectorAll('a[href]')].map(a => a.getAttribute('href'))"
    )
    assert hrefs
    ids = set(page.evaluate("[...document.querySelectorAll('[id]')].map(e => e.id)"))
    missing = [h for h in hrefs if h.startswith("#") and h[1:] not in ids]
    assert missing == []
    others = [h for h in hrefs if not h.startswith("#")]
    assert all(h.startswith(("https://", "http://")) for h in others), others


CITATIONS_JS = """() => {
  const out = [];
  for (const cite of document.querySelectorAll('a.cite')) {
    const href = cite.getAttribute('href');
    cite.click();
    const target = document.querySelector(':target');
    const row = {href, hash: location.hash, target: target && target.id,
                 passage: !!(target && target.classList.contains('passage')),
                 marked: !!(target && target.querySelector('mark')),
                 lit: target && target.querySelector('mark')
                      ? getComputedStyle(target.querySelector('mark')).backgroundColor : null,
                 plain: getComputedStyle([...document.querySelectorAll('mark')]
                          .find(m => !m.closest(':target'))).backgroundColor};
    if (cite.id) {
      const back = document.querySelector(
        `.pref[data-passage="${href.slice(1)}"] a[href="#${cite.id}"]`);
      row.back = !!back;
      if (back) {
        back.click();
        row.returned = location.hash === '#' + cite.id
                       && document.querySelector(':target') === cite;
      }
    }
    out.push(row);
  }
  return out;
}"""


def test_citations_land_on_highlighted_passages_and_back(
    open_briefing: Callable[..., Opened],
) -> None:
    """Following any citation targets a passage with a highlight that the target styling
    makes stand out; the passage's own 'cited by' list links back to that citation."""
    page = open_briefing().page
    rows: list[dict[str, Any]] = page.evaluate(CITATIONS_JS)
    assert rows
    for row in rows:
        assert row["hash"] == row["href"] and row["target"] == row["href"][1:], row
        assert row["passage"] and row["marked"], row
        assert row["lit"] != row["plain"], f"the targeted passage is not set off: {row}"
        if "back" in row:
            assert row["back"], f"passage {row['href']} does not link back: {row}"
            assert row["returned"], row


def test_a_real_click_scrolls_the_passage_into_view_and_back(
    open_briefing: Callable[..., Opened],
) -> None:
    """With the mouse: the first and the last citation scroll to their passage, and the
    passage's link back scrolls to the citation again."""
    page = open_briefing(height=700).page
    cites = page.locator("a.cite[id]")
    for index in (0, cites.count() - 1):
        cite = cites.nth(index)
        cite_id, href = cite.get_attribute("id"), cite.get_attribute("href")
        cite.click()
        passage = page.locator(f"[id='{href[1:]}']")
        assert passage.evaluate("e => e.matches(':target')")
        assert _in_view(page, passage)
        marker = page.locator(f".pref[data-passage='{href[1:]}']")
        marker.hover()  # the claims citing a passage show on hover (or focus)
        marker.locator(f".pcard a[href='#{cite_id}']").click()
        assert _in_view(page, page.locator(f"[id='{cite_id}']"))


def _in_view(page: Any, locator: Any) -> bool:
    box = locator.bounding_box()
    height = page.viewport_size["height"]
    return bool(box) and box["y"] >= -1 and box["y"] < height


def test_every_citation_is_reachable_by_keyboard(open_briefing: Callable[..., Opened]) -> None:
    """Tabbing from the top reaches the skip link first and every citation on the way."""
    page = open_briefing().page
    count, wanted = page.evaluate("""() => {
      const stops = [...document.querySelectorAll('a[href], summary')];
      window.seen = [];
      document.addEventListener('focusin', e => window.seen.push(stops.indexOf(e.target)));
      return [stops.length, stops.flatMap((e, i) => e.matches('a.cite') ? [i] : [])];
    }""")
    for _ in range(count + 1):
        page.keyboard.press("Tab")
    seen: list[int] = page.evaluate("window.seen")
    assert seen[0] == 0, "the skip link should be the first stop"
    assert set(wanted) - set(seen) == set()


CARDS_JS = """() => [...document.querySelectorAll('a.cite')].map(cite => {
  const passage = document.getElementById(cite.getAttribute('href').slice(1));
  cite.focus();
  const card = cite.querySelector('.cite-card');
  const box = card.getBoundingClientRect();
  const row = {source: passage.closest('article.source').id,
               focusVisible: cite.matches(':focus-visible'),
               left: box.left, right: box.right, width: box.width, height: box.height,
               text: card.innerText, label: cite.getAttribute('aria-label'),
               scrollWidth: document.documentElement.scrollWidth};
  cite.blur();
  return row;
})"""


@pytest.mark.parametrize("width", [DESKTOP, PHONE])
def test_focusing_a_citation_shows_its_source_card_on_screen(
    open_briefing: Callable[..., Opened], case: Case, width: int
) -> None:
    """On keyboard focus each citation shows the source's title, publisher, date and
    reliability grade in a card that stays inside the screen, at desktop and phone width."""
    opened = open_briefing(width=width)
    sources = {f"source_{s['id']}": s for s in case.findings["sources"]}
    rows = opened.page.evaluate(CARDS_JS)
    assert rows
    for row in rows:
        source = sources[row["source"]]
        assert row["width"] > 100 and row["height"] > 20, row
        assert row["left"] >= 0 and row["right"] <= width, row
        assert row["scrollWidth"] <= width, row
        text = " ".join(row["text"].split())
        assert " ".join(source["title"].split()) in text
        assert (source.get("publisher") or "not known") in text
        assert f"reliability {source['reliability']}" in text
        if source.get("published"):
            day = dt.date.fromisoformat(source["published"])
            assert f"{day.day} {day:%b} {day.year}" in text
        # The link's accessible name names the source, so a screen reader hears it too.
        assert " ".join(source["title"].split()) in " ".join(row["label"].split())


def test_hovering_a_citation_shows_its_card(open_briefing: Callable[..., Opened]) -> None:
    """With the mouse over a citation its card appears; away from it the card is gone."""
    page = open_briefing().page
    cite = page.locator("a.cite").first
    card = cite.locator(".cite-card")
    cite.scroll_into_view_if_needed()
    assert not card.is_visible()
    cite.hover()
    assert card.bounding_box()["width"] > 100
    page.mouse.move(1, 1)
    assert not card.is_visible()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [DESKTOP, PHONE])
def test_no_horizontal_overflow_and_screenshots(
    open_briefing: Callable[..., Opened], case: Case, width: int, scheme: str
) -> None:
    """The page fits the screen's width (no sideways scrolling) at desktop and phone
    width. Screenshots of the top of the page and of the first estimates (the whole page
    too, when it is short enough to look at) are left in test-artifacts/."""
    page = open_briefing(width=width, scheme=scheme).page
    scroll_width, inner_width, height = page.evaluate(
        "[document.documentElement.scrollWidth, innerWidth, document.documentElement.scrollHeight]"
    )
    assert scroll_width <= inner_width
    page.screenshot(path=str(case.artifact(f"{width}-{scheme}-top.png")))
    estimates = page.locator("section.estimates").first
    if estimates.count():
        estimates.screenshot(path=str(case.artifact(f"{width}-{scheme}-estimates.png")))
    if height <= 10_000:
        page.screenshot(path=str(case.artifact(f"{width}-{scheme}-page.png")), full_page=True)


def test_a_passage_in_several_pieces_lights_up_whole(open_briefing: Callable[..., Opened]) -> None:
    """A passage cut in pieces (an elided quote, or one overlapped by another) carries its
    id on its first piece; every piece must still stand out when a citation targets it."""
    page = open_briefing().page
    pieces = page.evaluate("""() => {
        const counts = {};
        for (const m of document.querySelectorAll('.source-text mark[data-passages]'))
            for (const n of m.dataset.passages.split(' ')) counts[n] = (counts[n] || 0) + 1;
        return Object.entries(counts).filter(([n, c]) => c > 1).map(([n]) => n);
    }""")
    for number in pieces:
        anchor = page.evaluate(f"""() => {{
            const first = [...document.querySelectorAll('.source-text .passage')]
                .find(p => p.querySelector('mark').dataset.passages.split(' ')
                      .includes('{number}') && p.previousElementSibling
                      && p.previousElementSibling.textContent === '[{number}]');
            return first ? first.id : null; }}""")
        if anchor is None:
            continue  # the passage starts together with another: nested spans
        # No passage targeted while the plain colour is sampled: the previous round's
        # target may overlap this passage.
        page.evaluate("location.hash = '#main'")
        plain = page.evaluate(f"""() => getComputedStyle(document.querySelector(
            'mark[data-passages~="{number}"]:not(#{anchor} mark)')).backgroundColor""")
        page.evaluate(f"location.hash = '#{anchor}'")
        lit = page.evaluate(f"""() => [...document.querySelectorAll(
            '.source-text mark[data-passages~="{number}"]')].map(
            m => getComputedStyle(m).backgroundColor)""")
        assert len(set(lit)) == 1 and lit[0] != plain, (number, lit, plain)
