"""Make data/geo/countries-110m.json, the shapes of the risk map, from the
countries-110m.json TopoJSON file of the world-atlas npm package (Natural Earth
1:110m Admin 0 countries). Pure Python: no geo library.

Usage: python scripts/prepare_map_data.py PATH/TO/world-atlas/countries-110m.json [OUT]
  OUT defaults to data/geo/countries-110m.json. data/geo/README.md has the exact
  command, the licences, and what this script changes in the source data.

What it does:
1. decodes the arcs (quantized, delta-encoded) into longitude/latitude;
2. gives each shape an ISO 3166-1 alpha-2 code (numeric id -> pycountry), with the
   few shapes that have no ISO id handled in SPECIAL below;
3. draws Crimea as part of Ukraine, as the UN does (Natural Earth draws it in Russia);
4. dissolves each country's shapes along shared borders (so a moved piece leaves no
   seam), simplifies each arc in projected space (Douglas-Peucker, so a shared border
   stays identical on both sides), cuts rings that cross the antimeridian (world-atlas
   keeps them whole), projects with atlas.render.map.project (Robinson), clips to latitudes
   -58..84, rounds to 0.1 map units, and writes compact relative SVG path data.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pycountry  # noqa: E402

from atlas.render.map import HEIGHT, LAT_BOTTOM, LAT_TOP, PROJECTION, WIDTH, project  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "data" / "geo" / "countries-110m.json"

# Shapes with no ISO 3166-1 numeric id in world-atlas 2.0.2, by their `name`.
# N. Cyprus and Somaliland are drawn as part of the UN member state that the UN
# recognises there; Kosovo keeps its own shape under the user-assigned code XK
# (its status is left open by UN Security Council resolution 1244, and Serbia's
# risk level says nothing about Kosovo's own police and courts).
SPECIAL = {"N. Cyprus": "CY", "Somaliland": "SO", "Kosovo": "XK"}

# A point in Crimea (lon, lat): the polygon holding it goes to Ukraine.
CRIMEA = (34.1, 44.95)

TOLERANCE = 0.25  # map units (the map is 1000 wide)
PRECISION = 10  # coordinates are kept in tenths of a map unit


def decode_arcs(topology: dict) -> tuple[list[list[tuple[int, int]]], list[list[tuple[float, float]]]]:
    """Arcs as quantized absolute positions (for matching ends) and as lon/lat."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    quantized, degrees = [], []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x, y))
        quantized.append(points)
        degrees.append([(px * sx + tx, py * sy + ty) for px, py in points])
    return quantized, degrees


def directed(arcs: list, index: int) -> list:
    return arcs[index] if index >= 0 else arcs[~index][::-1]


def ring_points(arcs: list, ring: list[int]) -> list:
    points: list = []
    for index in ring:
        part = directed(arcs, index)
        points += part if not points else part[1:]
    return points


def inside(point: tuple[float, float], ring: list[tuple[float, float]]) -> bool:
    x, y = point
    result = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
            result = not result
    return result


def polygons_of(geometry: dict) -> list[list[list[int]]]:
    if geometry["type"] == "Polygon":
        return [geometry["arcs"]]
    if geometry["type"] == "MultiPolygon":
        return list(geometry["arcs"])
    return []


def code_of(geometry: dict) -> str | None:
    name = geometry.get("properties", {}).get("name", "")
    if name in SPECIAL:
        return SPECIAL[name]
    numeric = geometry.get("id")
    country = pycountry.countries.get(numeric=numeric) if numeric else None
    return country.alpha_2 if country else None


def dissolve(rings: list[list[int]], quantized: list) -> list[list[int]]:
    """Rings (lists of arc indices) of one country with every border shared by two
    of its own pieces removed, chained back into closed rings."""
    used = [index for ring in rings for index in ring]
    present = set(used)
    remaining = [index for index in used if ~index not in present]
    starts: dict[tuple[int, int], list[int]] = defaultdict(list)
    for index in remaining:
        starts[directed(quantized, index)[0]].append(index)
    result = []
    left = list(remaining)
    while left:
        first = left[0]
        starts[directed(quantized, first)[0]].remove(first)
        left.remove(first)
        ring = [first]
        origin = directed(quantized, first)[0]
        end = directed(quantized, first)[-1]
        while end != origin:
            following = starts[end].pop()
            left.remove(following)
            ring.append(following)
            end = directed(quantized, following)[-1]
        result.append(ring)
    return result


def simplify(points: list[tuple[float, float]], tolerance: float) -> list[tuple[float, float]]:
    """Douglas-Peucker; keeps both ends (so arcs still meet)."""
    if len(points) < 3:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (ax, ay), (bx, by) = points[first], points[last]
        dx, dy = bx - ax, by - ay
        length = (dx * dx + dy * dy) ** 0.5
        farthest, distance = 0, -1.0
        for index in range(first + 1, last):
            px, py = points[index]
            # distance to the line through the ends; to the end point for a closed arc
            gap = abs(dy * (px - ax) - dx * (py - ay)) / length if length else math.hypot(px - ax, py - ay)
            if gap > distance:
                farthest, distance = index, gap
        if distance > tolerance:
            keep[farthest] = True
            stack += [(first, farthest), (farthest, last)]
    return [point for point, kept in zip(points, keep, strict=True) if kept]


def simplify_arc(arc: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The lon/lat points of an arc kept by simplifying its projection; both ends of
    an edge across the antimeridian are always kept."""
    runs, start = [], 0
    for index in range(1, len(arc)):
        if jumps(arc[index - 1], arc[index]):
            runs.append(arc[start:index])
            start = index
    runs.append(arc[start:])
    kept = []
    for run in runs:
        projected = [project(lon, lat) for lon, lat in run]
        chosen = set(simplify(projected, TOLERANCE))
        kept += [point for point, flat in zip(run, projected, strict=True) if flat in chosen]
    return kept


def clip(points: list, inside_half, crossing) -> list:
    """Sutherland-Hodgman: the part of a closed ring inside one half-plane."""
    out = []
    for index, current in enumerate(points):
        previous = points[index - 1]
        if inside_half(current):
            if not inside_half(previous):
                out.append(crossing(previous, current))
            out.append(current)
        elif inside_half(previous):
            out.append(crossing(previous, current))
    return out


def at_x(a, b, x):
    return (x, a[1] + (b[1] - a[1]) * (x - a[0]) / (b[0] - a[0]))


def at_y(a, b, y):
    return (a[0] + (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]), y)


def clip_box(points: list, axis: int, low: float, high: float) -> list:
    at = at_x if axis == 0 else at_y
    points = clip(points, lambda p: p[axis] >= low, lambda a, b: at(a, b, low))
    return clip(points, lambda p: p[axis] <= high, lambda a, b: at(a, b, high)) if points else points


def jumps(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """An edge that crosses the antimeridian (world-atlas keeps such rings whole)."""
    return abs(b[0] - a[0]) > 180


def cut_antimeridian(ring: list[tuple[float, float]]) -> list[list[tuple[float, float]]]:
    """A lon/lat ring that crosses the antimeridian, as pieces inside -180..180."""
    if not any(jumps(a, b) for a, b in zip(ring, ring[1:] + ring[:1], strict=True)):
        return [ring]
    offset = 0.0
    unwrapped = [ring[0]]
    for a, b in zip(ring, ring[1:], strict=False):
        if jumps(a, b):
            offset += 360.0 if b[0] < a[0] else -360.0
        unwrapped.append((b[0] + offset, b[1]))
    if jumps(ring[-1], ring[0]):
        offset += 360.0 if ring[0][0] < ring[-1][0] else -360.0
    if offset:
        return [ring]  # it goes round a pole (Antarctica): outside the map's latitudes anyway
    pieces = []
    for shift in (-360.0, 0.0, 360.0):
        piece = clip_box([(lon + shift, lat) for lon, lat in unwrapped], 0, -180.0, 180.0)
        if len(piece) >= 3:
            pieces.append(piece)
    return pieces


def number(tenths: int) -> str:
    sign = "-" if tenths < 0 else ""
    whole, fraction = divmod(abs(tenths), PRECISION)
    if not fraction:
        return f"{sign}{whole}"
    return f"{sign}{whole if whole else ''}.{fraction}"


def path_data(ring: list[tuple[int, int]]) -> str:
    """Compact SVG path data: absolute start, relative line-tos, close."""
    tokens = [number(ring[0][0]), number(ring[0][1])]
    out = "M" + " ".join(tokens) + "l"
    previous_token = ""
    for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False):
        for token in (number(x2 - x1), number(y2 - y1)):
            joined = not previous_token or token.startswith("-")
            joined = joined or (token.startswith(".") and "." in previous_token)
            out += token if joined else " " + token
            previous_token = token
    return out + "z"


def area(ring: list[tuple[int, int]]) -> float:
    return abs(sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True))) / 2


def prepare(source: Path) -> tuple[dict, list[str]]:
    topology = json.loads(source.read_text(encoding="utf-8"))
    notes = []
    quantized, degrees = decode_arcs(topology)
    rings_by_code: dict[str, list[list[int]]] = defaultdict(list)
    pieces: dict[str, list[list[list[int]]]] = defaultdict(list)
    for geometry in topology["objects"]["countries"]["geometries"]:
        code = code_of(geometry)
        name = geometry.get("properties", {}).get("name")
        if code is None:
            notes.append(f"skipped {name!r} (id {geometry.get('id')}): no ISO 3166-1 code")
            continue
        pieces[code] += polygons_of(geometry)

    crimea = [p for p in pieces["RU"] if inside(CRIMEA, ring_points(degrees, p[0]))]
    if crimea:
        for polygon in crimea:
            pieces["RU"].remove(polygon)
            pieces["UA"].append(polygon)
        notes.append(f"moved {len(crimea)} polygon(s) holding {CRIMEA} (Crimea) from RU to UA")
    elif not any(inside(CRIMEA, ring_points(degrees, p[0])) for p in pieces["UA"]):
        raise SystemExit(f"no shape holds Crimea {CRIMEA}: check the source")

    for code, polygons in pieces.items():
        rings_by_code[code] = dissolve([ring for polygon in polygons for ring in polygon], quantized)

    simplified = [simplify_arc(arc) for arc in degrees]
    shapes: dict[str, list[str]] = {}
    for code in sorted(rings_by_code):
        paths = []
        for piece in (p for ring in rings_by_code[code] for p in cut_antimeridian(ring_points(simplified, ring)[:-1])):
            points = clip_box([project(lon, lat) for lon, lat in piece], 1, 0.0, HEIGHT)
            rounded: list[tuple[int, int]] = []
            for x, y in points:
                point = (round(x * PRECISION), round(y * PRECISION))
                if not rounded or point != rounded[-1]:
                    rounded.append(point)
            while len(rounded) > 1 and rounded[-1] == rounded[0]:
                rounded.pop()
            if len(rounded) >= 3 and area(rounded) > 0:
                paths.append(path_data(rounded))
        if paths:
            shapes[code] = paths
        else:
            notes.append(f"no shape left for {code} inside latitudes {LAT_BOTTOM:g}..{LAT_TOP:g}")
    return shapes, notes


def write(shapes: dict[str, list[str]], source_note: str, out: Path) -> None:
    head = {
        "source": source_note,
        "projection": PROJECTION,
        "width": WIDTH,
        "height": HEIGHT,
        "lat_range": [LAT_BOTTOM, LAT_TOP],
    }
    lines = ["{"]
    lines += [f"{json.dumps(key)}: {json.dumps(value)}," for key, value in head.items()]
    lines.append('"shapes": {')
    body = [f"{json.dumps(code)}: {json.dumps(paths, separators=(',', ':'))}" for code, paths in shapes.items()]
    lines.append(",\n".join(body))
    lines += ["}", "}"]
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("source", type=Path, help="world-atlas's countries-110m.json")
    parser.add_argument("out", nargs="?", type=Path, default=OUT, help="default data/geo/countries-110m.json")


def run(args: argparse.Namespace) -> int:
    source, out = args.source, args.out
    package = source.parent / "package.json"
    version = json.loads(package.read_text(encoding="utf-8")).get("version") if package.exists() else "unknown"
    shapes, notes = prepare(source)
    write(shapes, f"world-atlas {version} {source.name} (Natural Earth 1:110m Admin 0 countries)", out)
    for note in notes:
        print(note)
    print(f"wrote {out}: {len(shapes)} countries, {out.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from cli import main

    sys.exit(main(["map-data", *sys.argv[1:]]))
