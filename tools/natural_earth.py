"""Make the locator map's outlines from Natural Earth's country boundaries.

Run once, when the outlines are to change, with the TopoJSON files of the ``world-atlas``
npm package (Natural Earth 4.1, public domain) in a folder of your choice::

    npm install --prefix /some/temp/folder world-atlas@2
    python tools/natural_earth.py /some/temp/folder/node_modules/world-atlas

It writes ``briefing/page/static/natural-earth.json``: for each scale, the coastlines (arcs
one country uses: land meets sea) and the borders (arcs two countries share), simplified
and rounded to hundredths of a degree, each line with its bounds and its points as one
string (see ``encoded``). The package never reads the TopoJSON itself.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parent.parent / "briefing" / "page" / "static" / "natural-earth.json"
# How far (in degrees) a simplified line may stray from the original, per scale: about
# what one pixel is worth on a map of the region each scale is used for.
TOLERANCE = {"110m": 0.12, "50m": 0.035}
PRECISION = 100  # hundredths of a degree: about 1 km, finer than either tolerance


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


def main(folder: str) -> None:
    data: dict[str, Any] = {
        "about": "Coastlines and country borders from Natural Earth 4.1 (public domain), "
        "by way of the world-atlas package's TopoJSON; simplified by "
        "tools/natural_earth.py.",
        "precision": PRECISION,
    }
    for scale, tolerance in TOLERANCE.items():
        topology = json.loads((Path(folder) / f"countries-{scale}.json").read_text())
        data[scale] = layer(topology, tolerance)
    OUT.write_text(json.dumps(data, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {OUT.name}: {OUT.stat().st_size:,} bytes")


if __name__ == "__main__":
    main(sys.argv[1])
