"""Make the locator map's outlines from Natural Earth's country boundaries.

Run once, when the outlines are to change, with the TopoJSON files of the ``world-atlas``
npm package (Natural Earth 4.1, public domain) in a folder of your choice::

    npm install --prefix /some/temp/folder world-atlas@2
    python tools/natural_earth.py /some/temp/folder/node_modules/world-atlas

(a few minutes: finding the points deep inside each country is the slow part).

It writes ``briefing/page/static/natural-earth.json``: for each scale, the coastlines (arcs
one country uses: land meets sea) and the borders (arcs two countries share), simplified
and rounded to hundredths of a degree, each line with its bounds and its points as one
string (see ``encoded``); and the countries' names, each with the points a name may sit on
(see ``label_points``). The package never reads the TopoJSON itself.
"""

from __future__ import annotations

import json
import math
import sys
from collections import Counter
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parent.parent / "briefing" / "page" / "static" / "natural-earth.json"
# How far (in degrees) a simplified line may stray from the original, per scale: about
# what one pixel is worth on a map of the region each scale is used for.
TOLERANCE = {"110m": 0.12, "50m": 0.035}
PRECISION = 100  # hundredths of a degree: about 1 km, finer than either tolerance
# Where a country's name may sit, per scale: besides the point deepest inside its largest
# polygon, the deepest point of every other polygon and the points of a lattice this many
# degrees apart (of latitude; of longitude, widened by latitude), when they lie at least
# DEPTH degrees inside. A regional map shows only a corner of a large country, so one
# point per country would leave Russia unnamed on a map of its border with Ukraine; the
# lattice is fine enough that every frame a scale is used for holds a few of its points.
LATTICE = {"110m": 6.0, "50m": 2.0}
DEPTH = {"110m": 1.5, "50m": 0.4}
# Shorter names where the map has little room; the others are Natural Earth's as given.
SHORT_NAMES = {"United States of America": "United States"}

Point = tuple[float, float]
Ring = list[Point]


def arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """The topology's arcs as lists of (lon, lat), undoing quantisation."""
    (kx, ky), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    decoded = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * kx + tx, y * ky + ty))
        decoded.append(points)
    return decoded


def uses(topology: dict[str, Any]) -> Counter[int]:
    """How many countries use each arc (a negative index is an arc run backwards)."""
    count: Counter[int] = Counter()
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = geometry.get("arcs", [])
        if geometry["type"] == "Polygon":
            polygons = [polygons]
        for polygon in polygons:
            for ring in polygon:
                for index in ring:
                    count[index if index >= 0 else ~index] += 1
    return count


def simplified(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas-Peucker, iteratively."""
    if len(points) < 3:
        return points
    keep = {0, len(points) - 1}
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        norm = (dx * dx + dy * dy) ** 0.5
        far, at = 0.0, -1
        for i in range(first + 1, last):
            px, py = points[i]
            distance = (
                abs(dy * (px - x1) - dx * (py - y1)) / norm
                if norm
                else ((px - x1) ** 2 + (py - y1) ** 2) ** 0.5
            )
            if distance > far:
                far, at = distance, i
        if far > tolerance:
            keep.add(at)
            stack += [(first, at), (at, last)]
    return [points[i] for i in sorted(keep)]


def encoded(points: list[tuple[float, float]]) -> tuple[list[int], str]:
    """A line's bounds [west, south, east, north] and its points as text, both in
    hundredths of a degree: each step from the point before (the first from 0, 0) as a
    polyline code (zigzag, then five bits a character from '?'), the way map services
    write lines. One string a line parses far faster than a list of numbers, and only the
    lines a map needs are decoded."""
    whole = []
    for lon, lat in points:
        here = (round(lon * PRECISION), round(lat * PRECISION))
        if not whole or here != whole[-1]:
            whole.append(here)
    if len(whole) < 2:
        return [], ""
    xs, ys = [x for x, _ in whole], [y for _, y in whole]
    text = []
    last = (0, 0)
    for here in whole:
        for step in (here[0] - last[0], here[1] - last[1]):
            text.append(_code(step))
        last = here
    return [min(xs), min(ys), max(xs), max(ys)], "".join(text)


def _code(number: int) -> str:
    value = ~(number << 1) if number < 0 else number << 1
    out = []
    while value >= 0x20:
        out.append(chr((0x20 | (value & 0x1F)) + 63))
        value >>= 5
    out.append(chr(value + 63))
    return "".join(out)


def layer(topology: dict[str, Any], tolerance: float) -> dict[str, Any]:
    count = uses(topology)
    lines: dict[str, Any] = {kind: {"bounds": [], "lines": []} for kind in ("coast", "border")}
    for index, points in enumerate(arcs(topology)):
        kind = "border" if count[index] > 1 else "coast"
        bounds, text = encoded(simplified(points, tolerance))
        if text:
            lines[kind]["bounds"] += bounds
            lines[kind]["lines"].append(text)
    return lines


def rings(topology: dict[str, Any], tolerance: float) -> list[tuple[str, list[list[Ring]]]]:
    """Each country's name and polygons (outer ring first, then its holes), from the arcs
    simplified as the map draws them."""
    lines = [simplified(points, tolerance) for points in arcs(topology)]
    countries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = geometry.get("arcs", [])
        if geometry["type"] == "Polygon":
            polygons = [polygons]
        shapes = []
        for polygon in polygons:
            shape = []
            for ring in polygon:
                points: Ring = []
                for index in ring:
                    arc = lines[index] if index >= 0 else lines[~index][::-1]
                    points += arc[1:] if points else arc
                shape.append(unwrapped(points))
            shapes.append(shape)
        countries.append((geometry["properties"]["name"], shapes))
    return countries


def unwrapped(ring: Ring) -> Ring:
    """The ring with no step across the antimeridian: the TopoJSON is spherical, so a ring
    that crosses it (Russia's, Fiji's) jumps from 180 to -180 and would cut the map in two;
    here it runs on past 180 instead. A ring around a pole (Antarctica's) is closed along
    the pole's latitude."""
    out: Ring = []
    shift = 0.0
    for x, y in ring:
        if out and x + shift - out[-1][0] > 180:
            shift -= 360
        elif out and x + shift - out[-1][0] < -180:
            shift += 360
        out.append((x + shift, y))
    if out and abs(out[-1][0] - out[0][0]) > 180:
        pole_lat = 90.0 if sum(y for _, y in out) > 0 else -90.0
        out += [(out[-1][0], pole_lat), (out[0][0], pole_lat)]
    return out


def area(ring: Ring) -> float:
    """The ring's area in square degrees, in the sinusoidal projection (equal-area), so
    that a country far north does not outweigh one nearer the equator."""
    flat = [(x * math.cos(math.radians(y)), y) for x, y in ring]
    twice = sum(
        x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(flat, flat[1:] + flat[:1], strict=True)
    )
    return abs(twice) / 2


def depth(point: Point, polygon: list[Ring]) -> float:
    """How far inside the polygon the point lies, in degrees (longitudes shortened by the
    point's latitude); negative outside."""
    px, py = point
    shrink = math.cos(math.radians(py))
    inside = False
    nearest = math.inf
    for ring in polygon:
        for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
            if (y1 > py) != (y2 > py) and px < x1 + (py - y1) / (y2 - y1) * (x2 - x1):
                inside = not inside
            ax, ay = (x1 - px) * shrink, y1 - py
            bx, by = (x2 - px) * shrink, y2 - py
            dx, dy = bx - ax, by - ay
            along = dx * dx + dy * dy
            t = min(max(-(ax * dx + ay * dy) / along, 0.0), 1.0) if along else 0.0
            nearest = min(nearest, math.hypot(ax + t * dx, ay + t * dy))
    return nearest if inside else -nearest


def pole(polygon: list[Ring]) -> tuple[float, Point]:
    """The polygon's point furthest from its edges (its pole of inaccessibility), found by
    a grid over its bounds refined four times around the best point; the centroid of its
    points when the grid misses a polygon too thin for it."""
    outer = polygon[0]
    west, east = min(x for x, _ in outer), max(x for x, _ in outer)
    south, north = min(y for _, y in outer), max(y for _, y in outer)
    best = (
        -math.inf,
        (sum(x for x, _ in outer) / len(outer), sum(y for _, y in outer) / len(outer)),
    )
    cx, cy, half_x, half_y = (
        (west + east) / 2,
        (south + north) / 2,
        (east - west) / 2,
        (north - south) / 2,
    )
    for _ in range(5):
        steps = 16
        for i in range(steps + 1):
            for j in range(steps + 1):
                here = (cx - half_x + 2 * half_x * i / steps, cy - half_y + 2 * half_y * j / steps)
                best = max(best, (depth(here, polygon), here))
        (cx, cy), half_x, half_y = best[1], half_x / 4, half_y / 4
    return best


def lattice(polygon: list[Ring], spacing: float) -> list[Point]:
    """The points of the scale's lattice within the polygon's bounds: rows ``spacing``
    degrees apart, points along a row as far apart on the map."""
    outer = polygon[0]
    west, east = min(x for x, _ in outer), max(x for x, _ in outer)
    south, north = min(y for _, y in outer), max(y for _, y in outer)
    found = []
    for row in range(math.ceil(south / spacing), math.floor(north / spacing) + 1):
        lat = row * spacing
        step = spacing / max(math.cos(math.radians(lat)), 0.1)
        for column in range(math.ceil(west / step), math.floor(east / step) + 1):
            found.append((column * step, lat))
    return found


def label_points(polygons: list[list[Ring]], spacing: float, least: float) -> list[Point]:
    """Where the country's name may sit: the pole of its largest polygon first, then the
    poles of its other polygons and its lattice points that lie at least ``least`` degrees
    inside, deepest first."""
    largest, *others = sorted(polygons, key=lambda p: -area(p[0]))
    deep = [pole(polygon) for polygon in others]
    for polygon in (largest, *others):
        deep += [(depth(point, polygon), point) for point in lattice(polygon, spacing)]
    points = [_rounded(pole(largest)[1])]
    for inside, point in sorted(deep, key=lambda dp: (-dp[0], dp[1])):
        if inside >= least and _rounded(point) not in points:
            points.append(_rounded(point))
    return points


def _rounded(point: Point) -> Point:
    return (round(point[0], 2), round(point[1], 2))


def labels(topology: dict[str, Any], scale: str) -> list[list[Any]]:
    """Each country as ``[name, lon, lat, lon, lat, ...]`` in hundredths of a degree, its
    label points in order of preference; the largest countries (by area) first, which is
    the order a crowded map names them in."""
    countries = rings(topology, TOLERANCE[scale])
    countries.sort(key=lambda c: (-sum(area(p[0]) for p in c[1]), c[0]))
    out: list[list[Any]] = []
    for name, polygons in countries:
        if not polygons:
            continue
        row: list[Any] = [SHORT_NAMES.get(name, name)]
        for x, y in label_points(polygons, LATTICE[scale], DEPTH[scale]):
            row += [round(((x + 180) % 360 - 180) * PRECISION), round(y * PRECISION)]
        out.append(row)
    return out


def main(folder: str) -> None:
    data: dict[str, Any] = {
        "about": "Coastlines, country borders and country names from Natural Earth 4.1 "
        "(public domain), by way of the world-atlas package's TopoJSON; simplified by "
        "tools/natural_earth.py.",
        "precision": PRECISION,
    }
    for scale, tolerance in TOLERANCE.items():
        topology = json.loads((Path(folder) / f"countries-{scale}.json").read_text())
        data[scale] = layer(topology, tolerance)
        data[scale]["names"] = labels(topology, scale)
    OUT.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {OUT.name}: {OUT.stat().st_size:,} bytes")


if __name__ == "__main__":
    main(sys.argv[1])
