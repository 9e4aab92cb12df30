"""Locator: an inline SVG map of the region the findings' places span.

Coastlines, country borders and country names come from Natural Earth (public domain),
bundled with the package in ``static/natural-earth.json`` (made by
``tools/natural_earth.py``) at two scales: 1:50m for a region, 1:110m for a continent.
The projection is equirectangular, with longitudes shortened by the cosine of the frame's
middle latitude, which keeps a region's shapes true enough for finding places. Where
places lie far apart the map is two insets side by side, each framing its own group. A few
countries in each panel are named, the largest first, in a muted style under the places,
wherever a name clears every place's mark and label. Every place is marked, labelled, and
linked to the first claim that names it (or to its entry in the list below the map); the
list says the same in words. No tiles, no requests, no scripts: the map is part of the
page, and the same places give the same bytes.
"""

from __future__ import annotations

import itertools
import json
import math
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import NamedTuple

from markupsafe import Markup, escape

from ..findings import model
from ..findings.markdown import inline_words

_DATA = Path(__file__).resolve().parent / "static" / "natural-earth.json"

WIDTH = 400
_GAP = 8.0
# Places further apart than this (degrees of longitude, or of latitude) get two insets.
_FAR_LON, _FAR_LAT = 40.0, 30.0
# A frame spanning more degrees of longitude than this uses the 1:110m outlines.
_COARSE_FROM = 25.0
# Degrees around a lone place, so that it shows among its neighbours: about 900 km, enough
# for a coast, a border or an island a reader knows it by.
_MIN_SPAN = 8.0
_KM_PER_DEGREE = 111.32
_SCALE_STEPS = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000)
_MAX_LAT = 85.0
# Country names per panel at most: the largest countries in view, enough to say where the
# map is without crowding it.
_MOST_NAMES = 4
# A country name's extent in map units, from the point it is centred on: 12px small caps
# with a little letter spacing run to about 6 units a letter in a common sans-serif, 7.5
# in a wide one; its baseline sits 4 below the point, its capitals 9 above that. Kept
# clear of the panel's edge and of the places by _CLEAR.
_NAME_LETTER, _NAME_ABOVE, _NAME_BELOW = 7.5, 6.0, 6.0
_CLEAR = 3.0


class Frame(NamedTuple):
    """The part of the world one panel shows, in degrees."""

    west: float
    south: float
    east: float
    north: float

    @property
    def width(self) -> float:
        """East-west extent in map units: degrees of longitude shortened by latitude."""
        return (self.east - self.west) * math.cos(math.radians((self.south + self.north) / 2))

    @property
    def height(self) -> float:
        return self.north - self.south

    def holds(self, lat: float, lon: float) -> bool:
        return self.west <= lon <= self.east and self.south <= lat <= self.north


class Marked(NamedTuple):
    """A place as the map marks it."""

    place: model.Place
    anchor: str
    """The element id of its entry in the map's list ("place_<id>")."""
    href: str
    """Where its mark links: the first claim naming it, else its entry in the list."""
    claims: tuple[tuple[str, str], ...]
    """(element id, words) of each claim naming the place, itself or by its estimate."""


class Locator(NamedTuple):
    """The places and the one or two frames that show them."""

    frames: tuple[Frame, ...]
    places: tuple[tuple[Marked, ...], ...]
    """The places of each frame, in the findings' order."""


def locate(findings: model.Findings) -> Locator | None:
    """The map's frames and places; None when the findings list no places."""
    if not findings.places:
        return None
    naming: dict[str, list[tuple[str, str]]] = {}
    for claim in findings.claims:
        named = {claim.place, claim.estimate.place if claim.estimate else None} - {None}
        for pid in sorted(p for p in named if p):
            naming.setdefault(pid, []).append((f"claim_{claim.id}", inline_words(claim.statement)))
    marked = [
        Marked(
            p,
            f"place_{p.id}",
            naming[p.id][0][0] if p.id in naming else f"place_{p.id}",
            tuple(naming.get(p.id, ())),
        )
        for p in findings.places
    ]
    groups = _groups(marked)
    return Locator(tuple(_frame(g) for g in groups), tuple(tuple(g) for g in groups))


def _groups(marked: list[Marked]) -> list[list[Marked]]:
    """One group, or two split at the widest gap where the places lie far apart."""
    lats = [m.place.lat for m in marked]
    lons = [m.place.lon for m in marked]
    by, far = (
        ("lon", _FAR_LON) if max(lons) - min(lons) >= max(lats) - min(lats) else ("lat", _FAR_LAT)
    )
    ordered = sorted(marked, key=lambda m: getattr(m.place, by))
    values = [getattr(m.place, by) for m in ordered]
    if values[-1] - values[0] <= far:
        return [marked]
    gaps = [(values[i + 1] - values[i], i) for i in range(len(values) - 1)]
    _, cut = max(gaps)
    first = {m.place.id for m in ordered[: cut + 1]}
    return [
        [m for m in marked if m.place.id in first],
        [m for m in marked if m.place.id not in first],
    ]


def _frame(group: Sequence[Marked]) -> Frame:
    """The places' bounds with room around them, at least _MIN_SPAN each way."""
    lats = [m.place.lat for m in group]
    lons = [m.place.lon for m in group]
    lat_pad = max((max(lats) - min(lats)) * 0.2, _MIN_SPAN / 2)
    south = max(min(lats) - lat_pad, -_MAX_LAT)
    north = min(max(lats) + lat_pad, _MAX_LAT)
    shrink = max(math.cos(math.radians((south + north) / 2)), 0.1)
    lon_pad = max((max(lons) - min(lons)) * 0.2, _MIN_SPAN / 2 / shrink)
    return Frame(max(min(lons) - lon_pad, -180.0), south, min(max(lons) + lon_pad, 180.0), north)


class _Panel(NamedTuple):
    frame: Frame
    x: float
    y: float
    width: float
    height: float

    def at(self, lat: float, lon: float) -> tuple[float, float]:
        f = self.frame
        return (
            self.x + (lon - f.west) / (f.east - f.west) * self.width,
            self.y + (f.north - lat) / (f.north - f.south) * self.height,
        )


def _panels(frames: Sequence[Frame]) -> list[_Panel]:
    """Side by side, each as wide as its share of the drawing and as tall as its frame's
    shape asks (within bounds: the frame widens to fill what the bounds leave)."""
    width = (WIDTH - _GAP * (len(frames) - 1)) / len(frames)
    panels = []
    for i, frame in enumerate(frames):
        height = min(max(width * frame.height / frame.width, width * 0.5), width * 1.2)
        panels.append(
            _Panel(_fitted(frame, width / height), i * (width + _GAP), 0.0, width, height)
        )
    return panels


def _fitted(frame: Frame, aspect: float) -> Frame:
    """The frame grown in one direction to the panel's shape, so no place moves out."""
    wanted = frame.height * aspect
    if frame.width < wanted:
        grow = (wanted - frame.width) / 2 / math.cos(math.radians((frame.south + frame.north) / 2))
        return frame._replace(west=frame.west - grow, east=frame.east + grow)
    grow = (frame.width / aspect - frame.height) / 2
    return frame._replace(south=frame.south - grow, north=frame.north + grow)


class _Box(NamedTuple):
    """A rectangle of the drawing, in map units: where a mark or a text lies."""

    left: float
    top: float
    right: float
    bottom: float

    def meets(self, other: _Box) -> bool:
        return (
            self.left < other.right
            and other.left < self.right
            and self.top < other.bottom
            and other.top < self.bottom
        )

    def within(self, panel: _Panel) -> bool:
        return (
            self.left >= panel.x
            and self.top >= panel.y
            and self.right <= panel.x + panel.width
            and self.bottom <= panel.y + panel.height
        )

    def grown(self, by: float) -> _Box:
        return _Box(self.left - by, self.top - by, self.right + by, self.bottom + by)


class _Line(NamedTuple):
    west: float
    south: float
    east: float
    north: float
    text: str
    """The points, encoded."""
    per: float
    """Units per degree of the encoded points."""

    @property
    def points(self) -> list[tuple[float, float]]:
        return _decoded(self.text, self.per)


@cache
def _outlines(scale: str, kind: str) -> tuple[_Line, ...]:
    """The coastlines or borders of one scale with their bounds; each line's points are
    decoded the first time a map needs it (see tools/natural_earth.py for the format)."""
    data = json.loads(_DATA.read_text(encoding="utf-8"))
    per = float(data["precision"])
    layer = data[scale][kind]
    b = layer["bounds"]
    return tuple(
        _Line(b[i] / per, b[i + 1] / per, b[i + 2] / per, b[i + 3] / per, text, per)
        for i, text in zip(range(0, len(b), 4), layer["lines"], strict=True)
    )


@cache
def _country_names(scale: str) -> tuple[tuple[str, tuple[tuple[float, float], ...]], ...]:
    """Each country's name with the (lon, lat) points it may sit on, best first; the
    largest countries first (see tools/natural_earth.py)."""
    data = json.loads(_DATA.read_text(encoding="utf-8"))
    per = float(data["precision"])
    return tuple(
        (row[0], tuple((row[i] / per, row[i + 1] / per) for i in range(1, len(row), 2)))
        for row in data[scale]["names"]
    )


def _scale_of(frame: Frame) -> str:
    return "110m" if frame.east - frame.west > _COARSE_FROM else "50m"


def _decoded(text: str, per: float) -> list[tuple[float, float]]:
    numbers = []
    value = shift = 0
    for char in text:
        chunk = ord(char) - 63
        value |= (chunk & 0x1F) << shift
        shift += 5
        if chunk < 0x20:
            numbers.append(~(value >> 1) if value & 1 else value >> 1)
            value = shift = 0
    xs = itertools.accumulate(numbers[0::2])
    ys = itertools.accumulate(numbers[1::2])
    return [(x / per, y / per) for x, y in zip(xs, ys, strict=True)]


def _paths(panel: _Panel, kind: str) -> str:
    """One SVG path of the coastlines or the borders that cross the panel."""
    frame = panel.frame
    parts = []
    for line in _outlines(_scale_of(frame), kind):
        if (
            line.east < frame.west
            or line.west > frame.east
            or line.north < frame.south
            or line.south > frame.north
        ):
            continue
        drawn: list[str] = []
        last = (math.inf, math.inf)
        for lon, lat in line.points:
            x, y = panel.at(lat, lon)
            if abs(x - last[0]) + abs(y - last[1]) < 0.8 and drawn:
                continue  # closer than a pixel to the point before
            drawn.append(f"{'L' if drawn else 'M'}{x:.1f} {y:.1f}")
            last = (x, y)
        if len(drawn) > 1:
            parts.append("".join(drawn))
    return "".join(parts)


def svg(locator: Locator, anchor: str = "locator") -> Markup:
    """The map as an ``<svg>``: a group of panels with a title and a description, the
    places in it links."""
    panels = _panels(locator.frames)
    height = max(p.height for p in panels)
    title_id, desc_id = f"{anchor}_title", f"{anchor}_desc"
    body = []
    for n, (panel, places) in enumerate(zip(panels, locator.places, strict=True)):
        clip = f"{anchor}_clip{n + 1}"
        box = (
            f'x="{panel.x:.1f}" y="{panel.y:.1f}" width="{panel.width:.1f}" '
            f'height="{panel.height:.1f}"'
        )
        body.append(f'<clipPath id="{escape(clip)}"><rect {box}/></clipPath>')
        body.append(
            f'<g class="l-panel" data-frame="{n + 1}" clip-path="url(#{escape(clip)})">'
            f'<rect class="l-back" {box}/>'
            f'<path class="l-coast" d="{_paths(panel, "coast")}"/>'
            f'<path class="l-border" d="{_paths(panel, "border")}"/></g>'
        )
        taken = [_scale_bar_box(panel)] + [b for m in places for b in _taken(m, panel)]
        body.append(_names(panel, taken))
        body.append(f'<rect class="l-frame" data-frame="{n + 1}" {box}/>')
        body.append(_scale_bar(panel))
        body += [_mark(m, panel, n + 1) for m in places]
    return Markup(
        f'<svg class="locator-svg" viewBox="0 0 {WIDTH} {height:.0f}" width="{WIDTH}" '
        f'height="{height:.0f}" role="group" aria-labelledby="{escape(title_id)}" '
        f'aria-describedby="{escape(desc_id)}">\n'
        f'<title id="{escape(title_id)}">Locator map</title>\n'
        f'<desc id="{escape(desc_id)}">{escape(describe(locator))}</desc>\n'
        + "\n".join(body)
        + "\n</svg>"
    )


def _scale_bar(panel: _Panel) -> str:
    """A bar of a round number of kilometres, about a quarter of the panel wide, at its
    foot: how far apart the places are is part of what a locator map tells."""
    f = panel.frame
    middle = math.cos(math.radians((f.south + f.north) / 2))
    across = (f.east - f.west) * _KM_PER_DEGREE * max(middle, 0.01)
    km = max((k for k in _SCALE_STEPS if k <= across / 4), default=_SCALE_STEPS[0])
    length = km / across * panel.width
    x, y = panel.x + 8, panel.y + panel.height - 10
    return (
        f'<g class="l-scale"><path d="M{x:.1f} {y - 4:.1f}V{y:.1f}H{x + length:.1f}'
        f'V{y - 4:.1f}"/><text x="{x + length + 4:.1f}" y="{y:.1f}">{km:,} km</text></g>'
    )


def _scale_bar_box(panel: _Panel) -> _Box:
    """Where the scale bar and its words (at most "5,000 km", 12px) lie."""
    x, y = panel.x + 8, panel.y + panel.height - 10
    return _Box(x, y - 12, x + panel.width / 4 + 4 + 8 * 7.0, y + 3)


def _names(panel: _Panel, taken: list[_Box]) -> str:
    """The names of the largest countries in view, each centred on the first of its points
    where the whole name lies inside the panel and clear of everything ``taken`` (the
    places, the scale bar, the names placed before it); a country with no such point goes
    unnamed. Hidden from assistive technology: the list of places says where they are."""
    frame = panel.frame
    placed: list[_Box] = []
    texts = []
    for name, points in _country_names(_scale_of(frame)):
        for lon, lat in points:
            if not frame.holds(lat, lon):
                continue
            x, y = panel.at(lat, lon)
            box = _name_box(name, x, y)
            if not box.grown(_CLEAR).within(panel) or any(
                box.meets(other.grown(_CLEAR)) for other in taken + placed
            ):
                continue
            placed.append(box)
            texts.append(
                f'<text x="{x:.1f}" y="{y + 4:.1f}" text-anchor="middle">{escape(name)}</text>'
            )
            break
        if len(placed) == _MOST_NAMES:
            break
    return f'<g class="l-country" aria-hidden="true">{"".join(texts)}</g>' if texts else ""


def _name_box(name: str, x: float, y: float) -> _Box:
    half = _NAME_LETTER * len(name) / 2
    return _Box(x - half, y - _NAME_ABOVE, x + half, y + _NAME_BELOW)


def _taken(marked: Marked, panel: _Panel) -> list[_Box]:
    """Where a place's mark and label lie, as _mark draws them."""
    x, y = panel.at(marked.place.lat, marked.place.lon)
    return [_Box(x - 6, y - 6, x + 6, y + 6), _Label.of(marked.place.name, x, y, panel).box]


def _mark(marked: Marked, panel: _Panel, frame: int) -> str:
    x, y = panel.at(marked.place.lat, marked.place.lon)
    return (
        f'<a class="l-place" href="#{escape(marked.href)}" '
        f'data-place="{escape(marked.place.id)}" data-frame="{frame}">'
        f'<circle class="l-dot" cx="{x:.1f}" cy="{y:.1f}" r="4.5"/>'
        f"{_label(marked.place.name, x, y, panel)}</a>"
    )


class _Label(NamedTuple):
    """Where a place's name goes: one or two lines, anchored at (x, y)."""

    lines: tuple[str, ...]
    x: float
    y: float
    anchor: str
    """start, end or middle, as SVG's text-anchor."""

    @classmethod
    def of(cls, name: str, x: float, y: float, panel: _Panel) -> _Label:
        """The place's name on the side of its mark where it fits (a bold 13px letter is
        about 8 units wide); a name too long for either side goes under the mark in two
        lines."""
        wide = _LABEL_LETTER * len(name) + 8
        room_right, room_left = panel.x + panel.width - x, x - panel.x
        if room_right >= wide:
            return cls((name,), x + 8, y + 4, "start")
        if room_left >= wide:
            return cls((name,), x - 8, y + 4, "end")
        words = name.split()
        half = max(1, len(words) // 2)
        lines = [" ".join(words[:half]), " ".join(words[half:])] if len(words) > 1 else [name]
        longest = _LABEL_LETTER / 2 * max(map(len, lines))
        middle = min(max(x, panel.x + longest + 4), panel.x + panel.width - longest - 4)
        return cls(tuple(lines), middle, y + 18, "middle")

    @property
    def box(self) -> _Box:
        """Its extent: capitals 11 units above the first baseline, descenders 4 below the
        last, lines 15 apart."""
        wide = _LABEL_LETTER * max(map(len, self.lines))
        left = {"start": self.x, "end": self.x - wide, "middle": self.x - wide / 2}[self.anchor]
        bottom = self.y + _LINE_GAP * (len(self.lines) - 1) + 4
        return _Box(left, self.y - 11, left + wide, bottom)

    def svg(self) -> str:
        anchor = "" if self.anchor == "start" else f' text-anchor="{self.anchor}"'
        if len(self.lines) == 1 and self.anchor != "middle":
            words = escape(self.lines[0])
        else:
            words = Markup("").join(
                Markup(
                    f'<tspan x="{self.x:.1f}" dy="{_LINE_GAP if i else 0}">{escape(line)}</tspan>'
                )
                for i, line in enumerate(self.lines)
            )
        return f'<text class="l-label" x="{self.x:.1f}" y="{self.y:.1f}"{anchor}>{words}</text>'


_LABEL_LETTER = 8.0
_LINE_GAP = 15


def _label(name: str, x: float, y: float, panel: _Panel) -> str:
    return _Label.of(name, x, y, panel).svg()


def _degrees(lat: float, lon: float) -> str:
    return f"{abs(lat):.2f}° {'N' if lat >= 0 else 'S'}, {abs(lon):.2f}° {'E' if lon >= 0 else 'W'}"


def describe(locator: Locator) -> str:
    """The map in words: which places, where, and in which inset."""
    parts = []
    for n, places in enumerate(locator.places, 1):
        named = "; ".join(f"{m.place.name} ({_degrees(m.place.lat, m.place.lon)})" for m in places)
        inset = f"Inset {n} of {len(locator.places)}: " if len(locator.places) > 1 else ""
        parts.append(f"{inset}{named}.")
    return "Coastlines and borders with the places marked. " + " ".join(parts)


def render(locator: Locator, anchor: str = "locator") -> Markup:
    """The map and, as its text alternative, the list of places with the claims that
    name them; each entry is the place's anchor ("place_<id>") for links to it."""
    items = []
    for places in locator.places:
        for m in places:
            said = "; ".join(f'<a href="#{escape(a)}">{escape(words)}</a>' for a, words in m.claims)
            items.append(
                f'<li id="{escape(m.anchor)}"><strong>{escape(m.place.name)}</strong>'
                f" ({_degrees(m.place.lat, m.place.lon)}){': ' + said if said else ''}"
                "</li>"
            )
    return Markup(
        f'<figure class="locator" id="{escape(anchor)}">\n{svg(locator, anchor)}\n'
        f"<figcaption><p>Places the briefing names. Outlines: Natural Earth (public domain)."
        f'</p><ul class="locator-places">{"".join(items)}</ul></figcaption>\n</figure>'
    )
