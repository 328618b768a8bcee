"""Compact SVG path data (as in data/geo/: "M x y l dx dy … z" per ring) read into
points and written back at a coarser step.

The map data keeps 0.1 map units; the page draws whole units, which on a 1000-unit
wide map is under half a pixel on a phone and nearly halves the compressed size of the
countries page (its largest part is the map)."""

from __future__ import annotations

import re

TOKEN = re.compile(r"[Mlz]|-?(?:\d+\.?\d*|\.\d+)")


def rings(path: str) -> list[list[tuple[float, float]]]:
    """Absolute points of every ring in path data made of M, l and z commands."""
    found: list[list[tuple[float, float]]] = []
    ring: list[tuple[float, float]] = []
    numbers: list[float] = []
    absolute = False
    x = y = 0.0
    for token in TOKEN.findall(path):
        if token in ("M", "l", "z"):
            absolute = token == "M"
            if token == "z" and ring:
                found.append(ring)
                ring = []
            continue
        numbers.append(float(token))
        if len(numbers) == 2:
            if absolute:
                x, y = numbers
                absolute = False
            else:
                x, y = x + numbers[0], y + numbers[1]
            ring.append((x, y))
            numbers = []
    if ring:
        found.append(ring)
    return found


def _number(value: int) -> str:
    return str(value)


def ring_path(points: list[tuple[int, int]]) -> str:
    """Integer points as "M x y l dx dy … z", with the separators SVG allows to drop."""
    out = f"M{points[0][0]} {points[0][1]}l"
    previous = ""
    for (x1, y1), (x2, y2) in zip(points, points[1:], strict=False):
        for token in (_number(x2 - x1), _number(y2 - y1)):
            out += token if not previous or token.startswith("-") else " " + token
            previous = token
    return out + "z"


def coarse(path: str) -> str:
    """The same shape at whole units; rings that shrink below a triangle are dropped,
    and a shape that would vanish altogether is kept as it was."""
    kept = []
    for ring in rings(path):
        points = [(round(x), round(y)) for x, y in ring]
        points = [points[0]] + [b for a, b in zip(points, points[1:], strict=False) if b != a]
        if len(set(points)) >= 3:
            kept.append(ring_path(points))
    return "".join(kept) or path
