"""The locator map's country names, as the browser lays them out, stay inside their panel
and clear of every place's mark and label, at desktop and at phone width."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from .conftest import DESKTOP, PHONE, Opened

# Each country name's box, the boxes of the places' marks and labels, and each panel's
# frame, all in the drawing's units (getBBox), per inset.
MEASURE = """() => [...document.querySelectorAll('.locator-svg rect.l-frame')].map(frame => {
  const box = e => { const b = e.getBBox(); return [b.x, b.y, b.x + b.width, b.y + b.height]; };
  const svg = frame.ownerSVGElement, n = frame.dataset.frame;
  const names = [...svg.querySelectorAll('.l-country text')].filter(t =>
    t.getBBox().x >= +frame.getAttribute('x') - 1
    && t.getBBox().x < +frame.getAttribute('x') + +frame.getAttribute('width'));
  const places = [...svg.querySelectorAll(`a.l-place[data-frame="${n}"] > *`)];
  return {frame: box(frame), names: names.map(box), places: places.map(box)};
})"""


@pytest.mark.parametrize("width", [DESKTOP, PHONE])
def test_country_names_lie_in_their_panel_clear_of_the_places(
    open_briefing: Callable[..., Opened], width: int
) -> None:
    panels = open_briefing(width=width).page.evaluate(MEASURE)
    assert sum(len(p["names"]) for p in panels) >= 1, "the map names no country"
    for panel in panels:
        left, top, right, bottom = panel["frame"]
        for name in panel["names"]:
            assert left <= name[0] and name[2] <= right and top <= name[1] and name[3] <= bottom
            for place in panel["places"]:
                assert not (
                    name[0] < place[2]
                    and place[0] < name[2]
                    and name[1] < place[3]
                    and place[1] < name[3]
                ), (name, place)
