"""The locator map marks every place inside its frame, splits far-apart places into two
insets, names the countries in view clear of the places, links each mark, says it all in
words, and is the same bytes every time."""

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
    locator._country_names.cache_clear()
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


TOKYO = model.Place("tokyo", "Tokyo", 35.68, 139.69)


def _country_names(drawn: ET.Element) -> list[str]:
    return [t.text or "" for g in drawn.iter(f"{SVG}g") if g.get("class") == "l-country" for t in g]


def _boxes(drawn: ET.Element) -> tuple[list[tuple[float, ...]], list[tuple[float, ...]]]:
    """The country names' boxes and the places' (mark and label) boxes, measured from the
    drawing: a bold 13px letter is at most 8 units wide, a 12px small capital 7.5."""
    names = []
    for g in drawn.iter(f"{SVG}g"):
        if g.get("class") == "l-country":
            for t in g:
                x, y, half = (
                    float(t.get("x") or 0),
                    float(t.get("y") or 0),
                    3.75 * len(t.text or ""),
                )
                names.append((x - half, y - 10, x + half, y + 2))
    places = []
    for link in drawn.iter(f"{SVG}a"):
        dot, label = link.find(f"{SVG}circle"), link.find(f"{SVG}text")
        assert dot is not None and label is not None
        cx, cy = float(dot.get("cx") or 0), float(dot.get("cy") or 0)
        places.append((cx - 5.5, cy - 5.5, cx + 5.5, cy + 5.5))
        lines = [s.text or "" for s in label] or [label.text or ""]
        wide = 8 * max(map(len, lines))
        x, y = float(label.get("x") or 0), float(label.get("y") or 0)
        left = {"end": x - wide, "middle": x - wide / 2}.get(label.get("text-anchor") or "", x)
        places.append((left, y - 11, left + wide, y + 15 * (len(lines) - 1) + 4))
    return names, places


def _meet(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def test_a_map_of_a_region_names_the_countries_in_it_and_none_out_of_it() -> None:
    kursk = locator.locate(_findings(KURSK))
    tokyo = locator.locate(_findings(TOKYO))
    assert kursk is not None and tokyo is not None
    near_kursk, near_tokyo = set(_country_names(_drawn(kursk))), set(_country_names(_drawn(tokyo)))
    assert {"Russia", "Ukraine"} <= near_kursk and "Japan" not in near_kursk
    assert "Japan" in near_tokyo and not {"Russia", "Ukraine"} & near_tokyo


def test_a_name_is_drawn_at_a_point_in_its_frame(monkeypatch: pytest.MonkeyPatch) -> None:
    frame = locator.Frame(30.0, 40.0, 40.0, 50.0)
    panel = locator._Panel(frame, 0.0, 0.0, 200.0, 200.0)
    countries = (("Outland", ((20.0, 45.0),)), ("Inland", ((50.0, 45.0), (35.0, 45.0))))
    monkeypatch.setattr(locator, "_country_names", lambda scale: countries)
    drawn = locator._names(panel, [])
    assert "Outland" not in drawn
    assert '<text x="100.0" y="104.0" text-anchor="middle">Inland</text>' in drawn


@pytest.mark.parametrize(
    "places",
    [
        (KURSK, LINE),
        (TOKYO, model.Place("fuji", "Mount Fuji area", 35.36, 138.73)),
        # A place on Ukraine's own label point, with a long name, and one on Russia's side.
        (
            model.Place("kyiv", "Central Ukraine (approx.)", 49.39, 32.37),
            model.Place("bryansk", "Bryansk oblast", 53.24, 34.36),
            KURSK,
        ),
        (KURSK, LINE, OKUSHIRI),
    ],
)
def test_country_names_clear_every_place_and_stay_in_their_panel(
    places: tuple[model.Place, ...],
) -> None:
    loc = locator.locate(_findings(*places))
    assert loc is not None
    drawn = _drawn(loc)
    names, taken = _boxes(drawn)
    assert names, "the map names no country"
    assert len(names) <= locator._MOST_NAMES * len(loc.frames)
    frames = [
        [float(r.get(k) or 0) for k in ("x", "y", "width", "height")]
        for r in drawn.iter(f"{SVG}rect")
        if r.get("class") == "l-frame"
    ]
    for name in names:
        assert not any(_meet(name, box) for box in taken), name
        assert any(
            x <= name[0] and name[2] <= x + w and y <= name[1] and name[3] <= y + h
            for x, y, w, h in frames
        ), name
    assert not any(_meet(a, b) for i, a in enumerate(names) for b in names[i + 1 :])


def test_country_names_are_hidden_from_screen_readers_and_drawn_under_the_places() -> None:
    loc = locator.locate(_findings(KURSK))
    assert loc is not None
    drawn = _drawn(loc)
    children = list(drawn)
    group = next(i for i, e in enumerate(children) if e.get("class") == "l-country")
    assert children[group].get("aria-hidden") == "true"
    assert group < min(i for i, e in enumerate(children) if e.tag == f"{SVG}a")
