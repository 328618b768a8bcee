"""The risk map: an inline SVG world map, each profiled country coloured by its
risk level and linked to its page.

Geometry comes from data/geo/ (made by scripts/prepare_map_data.py, see
data/geo/README.md): SVG path data per ISO 3166-1 alpha-2 code, already projected
with `project` below, and capital positions for states too small to have a shape
at 1:110m, drawn as circles.

Nothing here reads the network or runs scripts in the browser: the SVG is plain
markup with its own small stylesheet (the palette of docs/assets/atlas.css, through
its --atlas-* variables) and two fill patterns, so colour is never the only cue.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from html import escape
from pathlib import Path

import yaml

from ..data.config import ROOT
from ..data.yamlsource import FAST_LOADER
from ..model.risk import LEVELS
from .pathdata import coarse

GEO_DIR = ROOT / "data" / "geo"
SHAPES_FILE = GEO_DIR / "countries-110m.json"
MARKERS_FILE = GEO_DIR / "markers.yml"

# Robinson projection (Snyder's table, 5° steps, linearly interpolated), cropped
# to the latitudes where people live. A change here needs the data regenerated.
PROJECTION = "robinson"
WIDTH = 1000.0
LAT_TOP = 84.0
LAT_BOTTOM = -58.0
_PLEN = (
    1.0000, 0.9986, 0.9954, 0.9900, 0.9822, 0.9730, 0.9600, 0.9427, 0.9216, 0.8962,
    0.8679, 0.8350, 0.7986, 0.7597, 0.7186, 0.6732, 0.6213, 0.5722, 0.5322,
)  # fmt: skip
_PDFE = (
    0.0000, 0.0620, 0.1240, 0.1860, 0.2480, 0.3100, 0.3720, 0.4340, 0.4958, 0.5571,
    0.6176, 0.6769, 0.7346, 0.7903, 0.8435, 0.8936, 0.9394, 0.9761, 1.0000,
)  # fmt: skip
_RADIUS = WIDTH / (2 * 0.8487 * math.pi)


def _table(values: tuple[float, ...], lat: float) -> float:
    position = min(abs(lat), 90.0) / 5.0
    index = min(int(position), len(values) - 2)
    return values[index] + (values[index + 1] - values[index]) * (position - index)


def _robinson_y(lat: float) -> float:
    return math.copysign(1.3523 * _RADIUS * _table(_PDFE, lat), lat)


HEIGHT = round(_robinson_y(LAT_TOP) - _robinson_y(LAT_BOTTOM), 1)


def project(lon: float, lat: float) -> tuple[float, float]:
    """Longitude/latitude in degrees -> x, y in the map's SVG units (y down)."""
    x = WIDTH / 2 + 0.8487 * _RADIUS * _table(_PLEN, lat) * math.radians(lon)
    y = _robinson_y(LAT_TOP) - _robinson_y(lat)
    return x, y


def load_geo(directory: Path = GEO_DIR) -> tuple[dict[str, list[str]], dict[str, tuple[float, float]]]:
    """Shapes (code -> SVG path data, one string per polygon, drawn at whole map units:
    atlas/pathdata.py) and markers (code -> projected x, y of the capital) from data/geo/."""
    with open(directory / SHAPES_FILE.name, encoding="utf-8") as handle:
        geo = json.load(handle)
    expected = {"projection": PROJECTION, "width": WIDTH, "height": HEIGHT, "lat_range": [LAT_BOTTOM, LAT_TOP]}
    found = {key: geo.get(key) for key in expected}
    if found != expected:
        raise ValueError(
            f"{SHAPES_FILE.name} was made for {found}, the map draws {expected}: run scripts/prepare_map_data.py"
        )
    with open(directory / MARKERS_FILE.name, encoding="utf-8") as handle:
        table = yaml.load(handle, Loader=FAST_LOADER) or {}
    markers = {code: project(float(spot["lon"]), float(spot["lat"])) for code, spot in table.items()}
    shapes = {code: [coarse(path) for path in paths] for code, paths in geo["shapes"].items()}
    return shapes, markers


# Colours: the --atlas-* variables of docs/assets/atlas.css, with the same values as
# fallbacks so the map also looks right outside the site.
STYLE = (
    ".atlas-map{max-width:100%;height:auto}"
    ".atlas-map path,.atlas-map circle{stroke:#fff;stroke-width:.4;stroke-linejoin:round}"
    ".atlas-map-other path{fill:#c8c8c8}"
    ".atlas-map-very-high{fill:url(#atlas-map-dots)}"
    ".atlas-map-high{fill:var(--atlas-high,#a23c00)}"
    ".atlas-map-elevated{fill:var(--atlas-elevated,#f2b15e)}"
    ".atlas-map-too-little-known{fill:url(#atlas-map-hatch)}"
    ".atlas-map-no-route-found{fill:var(--atlas-no-route-found,#d9def0)}"
    ".atlas-map-dots-bg{fill:var(--atlas-very-high,#7a1020)}"
    ".atlas-map .atlas-map-dot{fill:#fff;stroke:none}"
    ".atlas-map-hatch-bg{fill:var(--atlas-too-little-known,#eeeeee)}"
    ".atlas-map .atlas-map-hatch-line{stroke:#6b6b6b;stroke-width:.8}"
    ".atlas-map circle{stroke:#1a1a1a;stroke-width:.8}"
    ".atlas-map a:hover path,.atlas-map a:focus path,.atlas-map a:hover circle,.atlas-map a:focus circle"
    "{stroke:#1a1a1a;stroke-width:1.2}"
    ".atlas-map a:focus{outline:none}"
    ".atlas-map-legend rect{stroke:#555;stroke-width:1}"
    ".atlas-map-legend text{fill:currentColor;font-size:15px}"
)

DEFS = (
    "<defs>"
    '<pattern id="atlas-map-dots" patternUnits="userSpaceOnUse" width="4" height="4">'
    '<rect class="atlas-map-dots-bg" width="4" height="4"/>'
    '<circle class="atlas-map-dot" cx="2" cy="2" r=".8"/>'
    "</pattern>"
    '<pattern id="atlas-map-hatch" patternUnits="userSpaceOnUse" width="4" height="4"'
    ' patternTransform="rotate(45)">'
    '<rect class="atlas-map-hatch-bg" width="4" height="4"/>'
    '<path class="atlas-map-hatch-line" d="M0 0V4"/>'
    "</pattern>"
    "</defs>"
)

# Not role="img": an image's children are presentational, so its links would be hidden
# from screen readers while still taking keyboard focus (axe: nested-interactive,
# WCAG 4.1.2). A labelled group keeps each link with its "Name: level" title.
ROLE = "group"
MARKER_RADIUS = 3.2
LEGEND_COLUMNS = 3
LEGEND_ROW = 28.0
LEGEND_SWATCH = 18.0


def _attr(text: str) -> str:
    return escape(text, quote=True)


def _legend(legend: list[tuple[str, str]], top: float) -> str:
    column = WIDTH / LEGEND_COLUMNS
    parts = [f'<g class="atlas-map-legend" transform="translate(10 {top:g})">']
    for index, (level, label) in enumerate(legend):
        x = (index % LEGEND_COLUMNS) * column
        y = (index // LEGEND_COLUMNS) * LEGEND_ROW
        parts.append(
            f'<rect class="atlas-map-{_attr(level)}" x="{x:g}" y="{y:g}"'
            f' width="{LEGEND_SWATCH:g}" height="{LEGEND_SWATCH:g}"/>'
            f'<text x="{x + LEGEND_SWATCH + 8:g}" y="{y + LEGEND_SWATCH - 4:g}">{escape(label)}</text>'
        )
    parts.append("</g>")
    return "".join(parts)


def risk_map_svg(
    shapes: dict[str, list[str]],
    markers: dict[str, tuple[float, float]],
    countries: dict[str, str],
    names: dict[str, str],
    href: Callable[[str], str],
    title: str,
    desc: str,
    legend: list[tuple[str, str]],
    embed_style: bool = True,
) -> str:
    """The map as one inline SVG string.

    shapes: code -> path data (see load_geo); markers: code -> x, y for states with
    no shape; countries: code -> risk level of every profiled country; names: code ->
    name in the reader's language; href: code -> link to its page; legend: (level,
    label) pairs in the order to show them. Profiled countries become links with a
    "Name: level" tooltip; the rest of the world is plain grey. A profiled country
    with neither a shape nor a marker is left off the map (the table beside the map
    lists every country; the validator warns so that a marker can be added)."""
    countries = {code: level for code, level in countries.items() if code in shapes or code in markers}
    labels = dict(legend)
    legend_rows = math.ceil(len(legend) / LEGEND_COLUMNS)
    legend_top = HEIGHT + 12
    height = legend_top + legend_rows * LEGEND_ROW + 4 if legend else HEIGHT
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="atlas-map" viewBox="0 0 {WIDTH:g} {height:g}"'
        f' role="{ROLE}" aria-labelledby="atlas-map-title" aria-describedby="atlas-map-desc">',
        f'<title id="atlas-map-title">{escape(title)}</title>',
        f'<desc id="atlas-map-desc">{escape(desc)}</desc>',
        f"<style>{STYLE}</style>" if embed_style else "",
        DEFS,
        '<g class="atlas-map-other" fill-rule="evenodd">',
    ]
    # Countries without a profile are one grey path: the same picture with far fewer elements
    # for the browser to lay out (a page with fewer elements is ready sooner on a phone).
    others = "".join("".join(paths) for code, paths in sorted(shapes.items()) if code not in countries)
    out.append(f'<path d="{_attr(others)}"/>')
    out.append("</g>")

    def linked(code: str, shape: str) -> str:
        level = countries[code]
        tooltip = f"{names.get(code, code)}: {labels.get(level, level)}"
        return f'<a href="{_attr(href(code))}"><title>{escape(tooltip)}</title>{shape}</a>'

    out.append('<g class="atlas-map-profiled" fill-rule="evenodd">')
    for code in sorted(countries):
        if code in shapes:
            path = f'<path class="atlas-map-{_attr(countries[code])}" d="{_attr("".join(shapes[code]))}"/>'
            out.append(linked(code, path))
    out.append("</g>")
    out.append('<g class="atlas-map-markers">')
    for code in sorted(countries):
        if code not in shapes and code in markers:
            x, y = markers[code]
            circle = (
                f'<circle class="atlas-map-{_attr(countries[code])}" cx="{x:.1f}" cy="{y:.1f}" r="{MARKER_RADIUS:g}"/>'
            )
            out.append(linked(code, circle))
    out.append("</g>")
    if legend:
        out.append(_legend(legend, legend_top))
    out.append("</svg>")
    return "\n".join(out)


def _grouped_desc(levels: dict[str, str], names: dict[str, str], labels: dict[str, str], sort_key) -> str:
    """A text version of the map: each level followed by its countries."""
    groups = []
    for level in LEVELS:
        members = sorted((names[code] for code, found in levels.items() if found == level), key=sort_key)
        if members:
            groups.append(f"{labels[level]}: {', '.join(members)}.")
    return " ".join(groups)


def map_svg_for(dataset, lang: str, href_prefix: str = "../countries/", geo=None, embed_style: bool = True) -> str:
    """The map for one language, built from the dataset.

    Links are `href_prefix + code.lower() + "/"`. The default, "../countries/",
    reaches the country pages from any page one folder deep in the same language
    (the countries index /countries/ or /ru/countries/, /about/, ...), so it keeps
    the reader in their language; pass "" for links relative to the countries
    index itself. geo: (shapes, markers) as from load_geo, read when not given."""
    from ..data.names import collation_key, country_name
    from .strings import Strings

    t = Strings(lang)
    shapes, markers = geo if geo is not None else load_geo()
    levels = {code: dataset.risk(code).level for code in dataset.countries}
    names = {code: country_name(code, lang) for code in levels}
    labels = {level: t(f"risk.levels.{level}") for level in LEVELS}
    alphabet = t.alphabet
    desc = _grouped_desc(levels, names, labels, lambda name: collation_key(name, alphabet))
    return risk_map_svg(
        shapes,
        markers,
        levels,
        names,
        lambda code: f"{href_prefix}{code.lower()}/",
        title=f"{t('index.title')}: {t('risk.label')}",
        desc=desc,
        legend=[(level, labels[level]) for level in LEVELS],
        embed_style=embed_style,
    )


def missing_from_map(codes, shapes, markers) -> list[str]:
    """Profiled countries the map cannot draw (add a marker for them in data/geo/markers.yml)."""
    return sorted(code for code in codes if code not in shapes and code not in markers)
