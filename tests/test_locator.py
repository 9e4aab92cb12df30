"""The locator map marks every place inside its frame, splits far-apart places into two
insets, links each mark, says it all in words, and is the same bytes every time."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET

import pytest

from briefing.findings import model
from briefing.page import locator

SVG = "{http://www.w3.org/2000/svg}"
KURSK = model.Place("kursk", "Kursk region", 51.73, 36.19)
LINE = model.Place("line", "The 50 km line", 51.3, 35.5)
OKUSHIRI = model.Place("okushiri", "Okushiri", 42.15, 139.47)


def _findings(*places: model.Place, claims: tuple[model.Claim, ...] = ()) -> model.Findings:
    return model.Findings(
        model.Briefing("Map", dt.date(2024, 11, 1)),
        (model.Source("s", "s.txt", "S"),),
        claims,
        places=places,
    )


def _drawn(loc: locator.Locator) -> ET.Element:
    text = str(locator.svg(loc))
    return ET.fromstring(text.replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1))


def _inside(drawn: ET.Element) -> dict[str, bool]:
    """Each place's mark, and whether it lies inside the frame it is drawn in."""
    frames = {
        r.get("data-frame"): [float(r.get(k) or 0) for k in ("x", "y", "width", "height")]
        for r in drawn.iter(f"{SVG}rect")
        if r.get("class") == "l-frame"
    }
    found = {}
    for link in drawn.iter(f"{SVG}a"):
        dot = link.find(f"{SVG}circle")
        assert dot is not None
        x, y, w, h = frames[link.get("data-frame")]
        cx, cy = float(dot.get("cx") or 0), float(dot.get("cy") or 0)
        found[link.get("data-place") or ""] = x <= cx <= x + w and y <= cy <= y + h
    return found


@pytest.mark.parametrize(
    "places",
    [
        (KURSK,),
        (KURSK, LINE),
        (KURSK, LINE, OKUSHIRI),
        (
            model.Place("north", "Far north", 84.5, -170.0),
            model.Place("west", "Date line", 10, 179.9),
        ),
        (
            model.Place("a", "South tip", -55.9, -67.3),
            model.Place("b", "Cape", -34.4, 18.5),
            model.Place("c", "Hobart", -42.9, 147.3),
        ),
    ],
)
def test_every_place_is_marked_inside_its_frame(places: tuple[model.Place, ...]) -> None:
    loc = locator.locate(_findings(*places))
    assert loc is not None
    assert _inside(_drawn(loc)) == {p.id: True for p in places}


def test_places_far_apart_get_two_insets_and_near_ones_one() -> None:
    near = locator.locate(_findings(KURSK, LINE))
    far = locator.locate(_findings(KURSK, LINE, OKUSHIRI))
    assert near is not None and far is not None
    assert len(near.frames) == 1
    assert [[m.place.id for m in group] for group in far.places] == [
        ["kursk", "line"],
        ["okushiri"],
    ]
    assert len(_drawn(far).findall(f"{SVG}rect[@class='l-frame']")) == 2


def test_no_places_no_map() -> None:
    assert locator.locate(_findings()) is None


def test_each_mark_links_to_what_the_briefing_says_there() -> None:
    claims = (
        model.Claim("troops", "Troops arrived in *Kursk*.", place="kursk"),
        model.Claim(
            "count",
            "About 10,000.",
            estimate=model.Estimate("Troops", "US", "Kursk", 10000, place="kursk"),
        ),
    )
    loc = locator.locate(_findings(KURSK, OKUSHIRI, claims=claims))
    assert loc is not None
    links = {a.get("data-place"): a.get("href") for a in _drawn(loc).iter(f"{SVG}a")}
    assert links == {"kursk": "#claim_troops", "okushiri": "#place_okushiri"}
    html = locator.render(loc)
    assert (
        '<li id="place_kursk"><strong>Kursk region</strong> (51.73° N, 36.19° E): '
        '<a href="#claim_troops">Troops arrived in Kursk.</a>; '
        '<a href="#claim_count">About 10,000.</a></li>'
    ) in html
    assert '<li id="place_okushiri"><strong>Okushiri</strong> (42.15° N, 139.47° E)</li>' in html


def test_the_map_has_outlines_a_name_a_description_and_no_scripts() -> None:
    loc = locator.locate(_findings(KURSK, LINE, OKUSHIRI))
    assert loc is not None
    drawn = _drawn(loc)
    coast = drawn.findall(f".//{SVG}path[@class='l-coast']")
    assert len(coast) == 2 and all(len(p.get("d") or "") > 100 for p in coast)  # Japan's coast
    assert drawn.get("aria-labelledby") == "locator_title"
    desc = drawn.findtext(f"{SVG}desc") or ""
    assert "Inset 2 of 2: Okushiri (42.15° N, 139.47° E)." in desc
    html = str(locator.render(loc))
    assert "<script" not in html and "http" not in html.replace(
        'xmlns="http://www.w3.org/2000/svg"', ""
    )


def test_the_same_places_give_the_same_bytes() -> None:
    first = locator.render(locator.locate(_findings(KURSK, OKUSHIRI)))  # type: ignore[arg-type]
    locator._outlines.cache_clear()
    assert locator.render(locator.locate(_findings(KURSK, OKUSHIRI))) == first  # type: ignore[arg-type]


def test_the_bundled_outlines_stay_small() -> None:
    assert locator._DATA.stat().st_size < 300_000


def test_a_rebuild_with_the_same_places_draws_the_map_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Under --watch the outlines are the dearest part of a rebuild: an unchanged map is
    kept, and a moved place draws it afresh."""
    from pathlib import Path

    from briefing.build import build

    golden = Path(__file__).parent / "golden" / "project" / "findings.yaml"
    drawn: list[object] = []
    real = locator.render
    monkeypatch.setattr(locator, "render", lambda found, *a: drawn.append(found) or real(found))
    first, _ = build(golden, "findings.yaml")
    again, _ = build(golden, "findings.yaml")
    assert first["index.html"] == again["index.html"]
    assert len(drawn) <= 1


def test_each_panel_has_a_scale_bar_of_a_round_length() -> None:
    loc = locator.locate(_findings(KURSK, OKUSHIRI))
    assert loc is not None
    drawn = _drawn(loc)
    scales = [g for g in drawn.iter(f"{SVG}g") if g.get("class") == "l-scale"]
    assert len(scales) == len(loc.frames) == 2
    for scale in scales:
        label = scale.find(f"{SVG}text")
        assert label is not None and label.text is not None
        km = int(label.text.removesuffix(" km").replace(",", ""))
        assert km in locator._SCALE_STEPS


def test_a_label_goes_on_the_side_where_it_fits() -> None:
    panel = locator._Panel(locator.Frame(30.0, 40.0, 40.0, 50.0), 0.0, 0.0, 200.0, 200.0)
    near_right = locator.Marked(model.Place("p", "Ten letter", 45.0, 39.0), "place_p", "x", ())
    near_left = locator.Marked(model.Place("q", "Ten letter", 45.0, 31.0), "place_q", "x", ())
    assert 'text-anchor="end"' in locator._mark(near_right, panel, 1)
    assert 'text-anchor="end"' not in locator._mark(near_left, panel, 1)


def test_a_name_too_long_for_either_side_goes_under_its_mark_in_two_lines() -> None:
    panel = locator._Panel(locator.Frame(30.0, 40.0, 40.0, 50.0), 0.0, 0.0, 200.0, 200.0)
    long = locator.Marked(
        model.Place("p", "Kursk border area (approx.)", 45.0, 35.0), "place_p", "x", ()
    )
    drawn = locator._mark(long, panel, 1)
    assert 'text-anchor="middle"' in drawn and drawn.count("<tspan") == 2
    xs = [float(v) for v in re.findall(r'<tspan x="([\d.]+)"', drawn)]
    assert all(0 <= x <= 200 for x in xs)
