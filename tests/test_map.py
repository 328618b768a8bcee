"""The risk map: geometry in data/geo/, the SVG from atlas.render.map."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from atlas.data.names import country_name
from atlas.model.risk import LEVELS, assess
from atlas.render.map import GEO_DIR, SHAPES_FILE, load_geo, map_svg_for, project, risk_map_svg
from atlas.render.strings import Strings
from atlas.tools.browser import browser, chromium_available
from conftest import LANGUAGES, ROOT

SVG = "{http://www.w3.org/2000/svg}"
HREF = re.compile(r"^\.\./countries/([a-z]{2})/$")
SMALL_STATES = ("AD", "LI", "MC", "MT", "SM")
AXE = ROOT / "node_modules/axe-core/axe.min.js"


@pytest.fixture(scope="module")
def geo():
    return load_geo()


@pytest.fixture(scope="module")
def maps(dataset, geo) -> dict[str, str]:
    return {lang: map_svg_for(dataset, lang, geo=geo) for lang in LANGUAGES}


# --- a small SVG path reader and point-in-polygon, for the projected shapes ---

TOKEN = re.compile(r"[MmLlZz]|-?(?:\d+(?:\.\d*)?|\.\d+)")


def rings(path: str) -> list[list[tuple[float, float]]]:
    """Rings of path data made of M/m, L/l and Z/z (all that the map uses)."""
    found: list[list[tuple[float, float]]] = []
    command, numbers, x, y = "", [], 0.0, 0.0
    tokens = TOKEN.findall(path)
    for token in tokens + ["Z"]:
        if token.isalpha():
            command = token
            if token in "Zz" and found and len(found[-1]) > 2:
                x, y = found[-1][0]
            continue
        numbers.append(float(token))
        if len(numbers) < 2:
            continue
        dx, dy = numbers
        numbers = []
        if command in "Mm":
            x, y = (x + dx, y + dy) if command == "m" else (dx, dy)
            found.append([(x, y)])
            command = "l" if command == "m" else "L"
        else:
            x, y = (x + dx, y + dy) if command == "l" else (dx, dy)
            found[-1].append((x, y))
    return found


def contains(paths: list[str], point: tuple[float, float]) -> bool:
    """Even-odd rule over every ring, as the map fills them."""
    x, y = point
    crossings = 0
    for ring in (r for path in paths for r in rings(path)):
        for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
            if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
                crossings += 1
    return crossings % 2 == 1


# --- geometry ---


def test_data_file_is_small():
    size = SHAPES_FILE.stat().st_size
    print(f"\n{SHAPES_FILE.name}: {size} bytes")
    assert size < 150_000


def test_path_reader_round_trips_the_compact_form():
    from prepare_map_data import path_data

    ring = [(10, 20), (17, 15), (5, 5), (-3, 128), (0, 0)]
    parsed = [[(round(x, 1), round(y, 1)) for x, y in found] for found in rings(path_data(ring))]
    assert parsed == [[(x / 10, y / 10) for x, y in ring]]


@pytest.mark.parametrize(
    ("place", "lon", "lat"),
    [("Simferopol", 34.1, 44.95), ("Sevastopol", 33.5, 44.6), ("Kerch", 36.4, 45.3)],
)
def test_crimea_is_drawn_in_ukraine(geo, place, lon, lat):
    shapes, _markers = geo
    point = project(lon, lat)
    assert contains(shapes["UA"], point), f"{place} is not inside Ukraine"
    assert not contains(shapes["RU"], point), f"{place} is inside Russia"


def test_point_in_polygon_sanity(geo):
    shapes, _markers = geo
    assert contains(shapes["UA"], project(30.5, 50.45))  # Kyiv
    assert contains(shapes["RU"], project(37.6, 55.75))  # Moscow
    assert not contains(shapes["UA"], project(37.6, 55.75))
    assert contains(shapes["CY"], project(33.4, 35.3))  # Kyrenia, in the north of the island
    assert contains(shapes["SO"], project(44.1, 9.6))  # Hargeisa
    assert not contains(shapes["RS"], project(21.2, 42.7))  # Pristina: drawn as XK
    assert contains(shapes["XK"], project(21.2, 42.7))
    assert contains(shapes["RU"], project(177.5, 64.7))  # Anadyr, by the antimeridian
    assert contains(shapes["FJ"], project(178.4, -18.1))  # Suva


def test_shapes_stay_inside_the_map(geo):
    from atlas.render.map import HEIGHT, WIDTH

    shapes, markers = geo
    for code, paths in shapes.items():
        for ring in (r for path in paths for r in rings(path)):
            for x, y in ring:
                assert -0.05 <= x <= WIDTH + 0.05 and -0.05 <= y <= HEIGHT + 0.05, code
    for code, (x, y) in markers.items():
        assert 0 <= x <= WIDTH and 0 <= y <= HEIGHT, code


def test_markers_are_only_for_missing_shapes(geo):
    shapes, markers = geo
    assert set(SMALL_STATES) <= set(markers)
    assert not set(markers) & set(shapes), "a state with a shape needs no marker"


# --- the SVG ---


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_profiled_country_is_linked(dataset, maps, lang):
    t = Strings(lang)
    root = ET.fromstring(maps[lang])
    linked = {}
    for link in root.iter(f"{SVG}a"):
        match = HREF.match(link.get("href", ""))
        assert match, link.get("href")
        code = match.group(1).upper()
        level = assess(dataset.countries[code], code, dataset.treaties).level
        shapes = [child for child in link if child.tag in (f"{SVG}path", f"{SVG}circle")]
        assert shapes, code
        assert all(shape.get("class") == f"atlas-map-{level}" for shape in shapes), code
        title = link.find(f"{SVG}title")
        assert title is not None and title.text == f"{country_name(code, lang)}: {t(f'risk.levels.{level}')}"
        linked[code] = shapes
    assert set(linked) == set(dataset.countries)
    for code in SMALL_STATES:
        if code in dataset.countries:
            assert linked[code][0].tag == f"{SVG}circle", code


@pytest.mark.parametrize("lang", LANGUAGES)
def test_svg_is_accessible_and_self_contained(maps, lang):
    text = maps[lang]
    root = ET.fromstring(text)
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "group"  # not "img": that would hide the links (see atlas.render.map.ROLE)
    assert root.get("aria-labelledby") == "atlas-map-title"
    assert root.get("aria-describedby") == "atlas-map-desc"
    assert root[0].tag == f"{SVG}title" and root[0].text
    assert root[1].tag == f"{SVG}desc" and root[1].text
    assert not list(root.iter(f"{SVG}script"))
    assert " style=" not in text
    assert not re.search(r"url\((?!#)", text), "only local url(#...) references"
    hrefs = [el.get("href") for el in root.iter() if el.get("href")]
    assert all(HREF.match(h) for h in hrefs)
    patterns = [p.get("id") for p in root.iter(f"{SVG}pattern")]
    assert sorted(patterns) == ["atlas-map-dots", "atlas-map-hatch"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_legend_has_swatch_and_label_per_level(maps, lang):
    t = Strings(lang)
    root = ET.fromstring(maps[lang])
    legend = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "atlas-map-legend")
    swatches = [r.get("class") for r in legend.iter(f"{SVG}rect")]
    labels = [text.text for text in legend.iter(f"{SVG}text")]
    assert swatches == [f"atlas-map-{level}" for level in LEVELS]
    assert labels == [t(f"risk.levels.{level}") for level in LEVELS]


def test_svg_size(maps):
    for lang, text in maps.items():
        size = len(text.encode("utf-8"))
        print(f"\nrisk map SVG ({lang}): {size} bytes")
        assert size < 250_000


@pytest.mark.skipif(not (chromium_available() and AXE.exists()), reason="needs chromium and axe-core")
def test_axe_finds_no_problem_in_the_map(maps):
    with browser() as instance:
        page = instance.new_page()
        for lang, svg in maps.items():
            page.set_content(f'<!doctype html><html lang="{lang}"><title>map</title><main>{svg}</main></html>')
            page.evaluate(AXE.read_text(encoding="utf-8"))
            result = page.evaluate(
                """() => axe.run(document.querySelector('svg'),
                    {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})
                  .then(r => r.violations.map(v => [v.id, v.nodes.length]))"""
            )
            assert result == [], (lang, result)


def test_risk_map_svg_is_a_pure_function():
    square = "M0 0l10 0 0 10-10 0z"
    svg = risk_map_svg(
        shapes={"AA": [square], "BB": [square]},
        markers={"CC": (5.0, 5.0), "DD": (1.0, 1.0)},
        countries={"AA": "high", "CC": "very-high"},
        names={"AA": "A & <A>", "CC": "C"},
        href=lambda code: f"x/{code}?a=1&b=2",
        title="T <1>",
        desc="D & d",
        legend=[("high", "High"), ("very-high", "Very high")],
    )
    root = ET.fromstring(svg)
    links = {a.get("href"): a for a in root.iter(f"{SVG}a")}
    assert set(links) == {"x/AA?a=1&b=2", "x/CC?a=1&b=2"}
    assert links["x/AA?a=1&b=2"].find(f"{SVG}title").text == "A & <A>: High"
    assert links["x/CC?a=1&b=2"].find(f"{SVG}circle") is not None
    other = next(g for g in root.iter(f"{SVG}g") if g.get("class") == "atlas-map-other")
    assert [p.get("d") for p in other] == [square]  # BB: grey, not linked; DD: not profiled, not drawn
    assert root.find(f"{SVG}title").text == "T <1>"


def test_a_profiled_country_that_cannot_be_drawn_is_left_off_the_map_and_warned():
    svg = risk_map_svg({}, {}, {"ZZ": "high"}, {}, str, "t", "d", [])
    assert "<a " not in svg
    from atlas.render.map import load_geo, missing_from_map

    shapes, markers = load_geo()
    assert missing_from_map(["PL", "MV"], shapes, markers) == ["MV"]


def test_geo_files_exist():
    assert (GEO_DIR / "README.md").exists()
    assert (GEO_DIR / "markers.yml").exists()


def test_shapes_are_drawn_at_whole_units_without_losing_small_ones():
    from atlas.render.pathdata import coarse, rings

    square = "M10.2 20.4l5.1 0 0 4.9-5.1 0z"
    assert coarse(square) == "M10 20l5 0 0 5-5 0z"
    assert rings(coarse(square)) == [[(10, 20), (15, 20), (15, 25), (10, 25)]]
    speck = "M1.1 1.1l.2 0 0 .2z"  # smaller than a unit: it would vanish
    assert coarse(square + speck) == "M10 20l5 0 0 5-5 0z"
    assert coarse(speck) == speck
