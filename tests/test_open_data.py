"""Open data: the exports validate against their published schema and round-trip the source data."""

from __future__ import annotations

import csv
import io
import json

import jsonschema

from atlas.data.names import country_name
from atlas.model.risk import assess


def load(site, name):
    return (site / "data" / name).read_text(encoding="utf-8")


def test_json_export_validates_against_the_published_schema(site):
    schema = json.loads(load(site, "countries.schema.json"))
    data = json.loads(load(site, "countries.json"))
    jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker()).validate(data)
    assert data["metadata"]["licence"]["name"] == "CC BY 4.0"


def test_json_export_round_trips_the_facts(site, dataset):
    data = json.loads(load(site, "countries.json"))
    by_code = {c["code"]: c for c in data["countries"]}
    assert set(by_code) == set(dataset.countries)
    for code, country in dataset.countries.items():
        record = by_code[code]
        for key in ("profile", "region", "answers", "channels", "protection", "treaties", "authorities", "legal_help"):
            assert json.dumps(record.get(key), sort_keys=True, default=str) == json.dumps(
                country.get(key), sort_keys=True, default=str
            ), f"{code}.{key}"
        assert record["draft"] == (country["review"]["status"] == "draft")
        risk = assess(country, code, dataset.treaties)
        assert record["risk"]["level"] == risk.level
        assert [r["reason"] for r in record["risk"]["reasons"]] == [r.key for r in risk.reasons] != []
        assert record["names"]["be"] == country_name(code, "be")
        for sid in record["source_ids"]:
            assert data["sources"][sid]["title"] == dataset.sources[sid]["title"]


def rows(site, name):
    text = load(site, name)
    return list(csv.DictReader(io.StringIO(text)))


def test_countries_csv_one_row_per_country_with_language_columns(site, dataset):
    table = rows(site, "countries.csv")
    assert [r["code"] for r in table] == sorted(dataset.countries)
    header = table[0].keys()
    for lang in ("en", "ru", "be"):
        assert f"name_{lang}" in header and f"summary_{lang}" in header
    for row in table:
        country = dataset.countries[row["code"]]
        assert row["detention"] == country["answers"]["detention"]["status"]
        assert row["risk_level"] == assess(country, row["code"], dataset.treaties).level
        assert row["draft"] == ("yes" if country["review"]["status"] == "draft" else "no")
        assert int(row["cases"]) == len(country.get("cases", []))


def test_cases_csv_one_row_per_case(site, dataset):
    table = rows(site, "cases.csv")
    expected = [
        (code, case["id"]) for code in sorted(dataset.countries) for case in dataset.countries[code].get("cases", [])
    ]
    assert [(r["country"], r["case_id"]) for r in table] == expected
    for row in table:
        case = next(c for c in dataset.countries[row["country"]]["cases"] if c["id"] == row["case_id"])
        assert row["outcome"] == case["outcome"] and row["source_ids"].split() == case["sources"]
        assert row["year"] == str(case.get("year", ""))


def test_data_page_links_to_the_files_in_every_language(site):
    from conftest import page_path

    for lang in ("en", "ru", "be"):
        html = page_path(site, lang, "about/data").read_text(encoding="utf-8")
        for name in ("countries.json", "countries.csv", "cases.csv", "countries.schema.json"):
            prefix = "../../" if lang == "en" else "../../../"
            assert f'href="{prefix}data/{name}"' in html


def test_published_figures_become_an_svg_chart_with_its_sources(project, tmp_path):
    import xml.etree.ElementTree as ET

    from bs4 import BeautifulSoup

    from conftest import build_site, page_path

    countries = project / "data/countries.yml"
    text = countries.read_text(encoding="utf-8")
    old = (
        "    statistics:\n      status: unknown\n      checked: 2026-11-29\n"
        '  channels:\n    red_notice:\n      status: "yes"\n      sources: [interpol-member-lt'
    )
    new = (
        "    statistics:\n      status: partly\n      checked: 2026-11-29\n      sources: [lt-criminal-code-art9]\n"
        "      series:\n"
        "        - {year: 2022, measure: requests, value: 7, sources: [lt-criminal-code-art9]}\n"
        "        - {year: 2023, measure: requests, value: 4, sources: [lt-criminal-code-art9]}\n"
        "        - {year: 2023, measure: refusals, value: 4, sources: [lt-criminal-code-art9]}\n"
        '  channels:\n    red_notice:\n      status: "yes"\n      sources: [interpol-member-lt'
    )
    assert old in text
    countries.write_text(text.replace(old, new), encoding="utf-8")
    prose = project / "docs/countries/lt.md"
    prose.write_text(
        prose.read_text(encoding="utf-8").replace("detention: |", "statistics: |\n  Test figures.\ndetention: |"),
        "utf-8",
    )
    out = tmp_path / "out"
    result = build_site(project, out)
    assert result.returncode == 0, result.stdout + result.stderr
    soup = BeautifulSoup(page_path(out, "ru", "countries/lt").read_text(encoding="utf-8"), "html.parser")
    svg = soup.select_one("figure.atlas-chart-figure svg")
    ET.fromstring(str(svg))
    assert len(svg.find_all("rect")) == 3 + 2  # bars plus legend swatches
    assert svg.find("title").get_text().startswith("Опубликованные данные")
    cells = [td.get_text(" ", strip=True) for td in soup.select("table.atlas-series td")]
    assert any("7" in c for c in cells) and soup.select("table.atlas-series .atlas-ref")
