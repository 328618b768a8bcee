"""Load every data and prose file, check all of it, and return one Dataset.

Pipeline: load (yamlsource) -> check (schema, checks, prose) -> Dataset.
All problems are collected before anything is rendered, so a build either
publishes everything or nothing.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

from ..data import checks
from ..data.config import ROOT, SiteConfig, load_site_config
from ..data.guides import check_citations, check_glossary, check_heading_ids, cited_in_docs
from ..data.problems import Problem
from ..data.prose import Prose, load_prose, prose_path
from ..data.schema import check_schema
from ..data.treaties import check_restated, check_treaty_table
from ..data.yamlsource import Located, load_yaml


@dataclass
class Dataset:
    countries: dict[str, dict]
    sources: dict[str, dict]
    organisations: dict[str, dict]
    treaties: dict[str, dict]
    glossary: dict[str, dict]
    rights_texts: dict[str, list]
    prose: dict[tuple[str, str], Prose]
    config: SiteConfig
    today: dt.date
    located: dict[str, Located] = field(default_factory=dict)
    _risks: dict = field(default_factory=dict, repr=False)

    def risk(self, code: str):
        """The country's risk level with its reasons (atlas/risk.py), computed once."""
        if code not in self._risks:
            from .risk import assess

            self._risks[code] = assess(self.countries[code], code, self.treaties)
        return self._risks[code]

    def prose_for(self, code: str, lang: str) -> Prose | None:
        return self.prose.get((code, lang))


def today() -> dt.date:
    """The build date; ATLAS_TODAY=YYYY-MM-DD pins it (tests, reproducible builds)."""
    pinned = os.environ.get("ATLAS_TODAY")
    return dt.date.fromisoformat(pinned) if pinned else dt.date.today()


def _rel(path: Path, root: Path) -> str:
    try:
        return str(path.resolve().relative_to(root.resolve()))
    except ValueError:
        return str(path)


def load_dataset(
    countries_path: Path | None = None,
    root: Path = ROOT,
    on_date: dt.date | None = None,
) -> tuple[Dataset | None, list[Problem]]:
    config = load_site_config(root)
    on_date = on_date or today()
    countries_path = countries_path or root / "data" / "countries.yml"
    data_dir = countries_path.parent
    files = {
        "countries": (countries_path, "countries.schema.json"),
        "sources": (data_dir / "sources.yml", "sources.schema.json"),
        "organisations": (data_dir / "organisations.yml", "organisations.schema.json"),
        "treaties": (data_dir / "treaties.yml", "treaties.schema.json"),
        "glossary": (data_dir / "glossary.yml", "glossary.schema.json"),
        "rights_texts": (data_dir / "rights-texts.yml", "rights-texts.schema.json"),
    }
    problems: list[Problem] = []
    located: dict[str, Located] = {}
    names: dict[str, str] = {}
    for key, (path, schema_name) in files.items():
        shown = _rel(path, root)
        names[key] = shown
        loaded, found = load_yaml(str(path), shown)
        problems += found
        if loaded is None:
            continue
        if not isinstance(loaded.data, dict):
            problems.append(Problem(shown, 1, "", "the file must be a mapping of ids to entries"))
            continue
        located[key] = loaded
        problems += check_schema(loaded, schema_name, shown)
        problems += checks.check_markup(loaded, shown)
        problems += checks.check_dates(loaded, shown, on_date)
        problems += checks.check_urls(loaded, shown)
        problems += checks.check_freshness(loaded, shown, on_date)
    if "countries" in located:
        problems += check_restated(located["countries"], names["countries"])
    if "treaties" in located and "sources" in located:
        codes = list(located["countries"].data) if "countries" in located else []
        problems += check_treaty_table(located["treaties"], names["treaties"], codes, located["sources"].data)
    if "countries" in located:
        problems += checks.check_country_codes(located["countries"], names["countries"])
        problems += checks.check_reviews(located["countries"], names["countries"], on_date)
        problems += checks.check_treaty_dates(located["countries"], names["countries"])
        if "sources" in located:
            problems += checks.check_references(
                located["countries"],
                names["countries"],
                located["sources"].data,
                located.get("organisations"),
                names["organisations"],
            )
            problems += checks.missing_archives(located["sources"], names["sources"])
            problems += checks.unused_sources(
                located["countries"],
                located.get("organisations"),
                located["sources"],
                names["sources"],
                cited_in_docs(root / "docs"),
                located.get("treaties"),
                located.get("rights_texts"),
            )
            if "rights_texts" in located:
                problems += checks.check_rights_texts(
                    located["rights_texts"], names["rights_texts"], located["sources"].data, located["countries"].data
                )
    countries = located["countries"].data if "countries" in located else {}
    prose: dict[tuple[str, str], Prose] = {}
    docs_dir = root / "docs"
    for code, country in countries.items():
        for lang in config.languages:
            path = prose_path(docs_dir, code, lang, config.default_language)
            shown = _rel(path, root)
            item, found = load_prose(path, code, lang, shown)
            problems += found
            if item is None:
                continue
            problems += checks.check_markup(item.located, shown)
            problems += _check_prose_ids(item, country)
            prose[(code, lang)] = item
        problems += _check_required_prose(code, country, prose.get((code, config.default_language)), root, config)
    if "countries" in located:
        problems += _check_orphan_prose(docs_dir, countries, root)
        problems += _check_cards(docs_dir, countries, root, config)
    if "sources" in located:
        problems += check_citations(docs_dir, root, set(located["sources"].data))
    problems += check_heading_ids(docs_dir, root)
    if "glossary" in located:
        problems += check_glossary(located["glossary"], names["glossary"], docs_dir, config.default_language)
    if "countries" in located:
        problems += _check_map(located["countries"], names["countries"])
    if [p for p in problems if not p.warning]:
        return None, problems
    dataset = Dataset(
        countries=countries,
        sources=located["sources"].data,
        organisations=located["organisations"].data,
        treaties=located["treaties"].data,
        glossary=located["glossary"].data,
        rights_texts=located["rights_texts"].data,
        prose=prose,
        config=config,
        today=on_date,
        located=located,
    )
    levels = {code: dataset.risk(code).level for code in countries}
    problems += checks.check_recorded_levels(located["countries"], names["countries"], levels)
    if [p for p in problems if not p.warning]:
        return None, problems
    return dataset, problems


def _check_prose_ids(item: Prose, country: dict) -> list[Problem]:
    problems = []
    for key, texts in (("cases", item.cases), ("inquiries", item.inquiries)):
        known = {entry.get("id") for entry in country.get(key, []) if isinstance(entry, dict)}
        for item_id in texts:
            if item_id not in known:
                problems.append(
                    Problem(
                        item.path,
                        item.located.key_line_of((key, item_id)),
                        f"{key}.{item_id}",
                        f"no {key[:-1]} with this id in data/countries.yml for {item.code}",
                    )
                )
    return problems


def _check_required_prose(code: str, country: dict, english: Prose | None, root: Path, config) -> list[Problem]:
    """A deep profile explains itself in English; a baseline one may have no text at all."""
    path = _rel(
        prose_path(root / "docs", code, config.default_language, config.default_language),
        root,
    )
    if english is None:
        return [
            Problem(
                path,
                1,
                "",
                f"missing text file for {code} (run: python scripts/new_country.py {code})",
            )
        ]
    if country.get("profile") != "deep":
        return []
    problems = []
    line = english.located.key_line_of(("country",)) if english.located else 1
    if "summary" not in english.texts:
        problems.append(
            Problem(
                path,
                line,
                "summary",
                "a deep profile needs a 'what this means for you here' summary",
            )
        )
    for answer, body in (country.get("answers") or {}).items():
        known = {"yes", "no", "partly", "law-allows"}
        if isinstance(body, dict) and body.get("status") in known and answer not in english.texts:
            problems.append(
                Problem(
                    path,
                    line,
                    answer,
                    f"the answer '{body.get('status')}' needs a short explanation here",
                )
            )
    return problems


def _check_orphan_prose(docs_dir: Path, countries: dict, root: Path) -> list[Problem]:
    problems = []
    folder = docs_dir / "countries"
    if not folder.is_dir():
        return problems
    codes = {c.lower() for c in countries}
    for path in sorted(folder.glob("*.md")):
        stem = path.name.split(".")[0]
        if stem == "index":
            continue
        if stem not in codes:
            problems.append(
                Problem(
                    _rel(path, root),
                    1,
                    "",
                    f"no country '{stem.upper()}' in data/countries.yml for this text file",
                )
            )
    return problems


def _check_cards(docs_dir: Path, countries: dict, root: Path, config) -> list[Problem]:
    """Every deep profile has its "if detained" card page in every language
    (docs/detained/<code>[.<lang>].md, front matter `detained: XX`), and only they do."""
    problems = []
    folder = docs_dir / "detained"
    deep = {code.lower() for code, country in countries.items() if country.get("profile") == "deep"}
    for code in sorted(deep):
        for lang in config.languages:
            path = folder / f"{code}{'' if lang == config.default_language else '.' + lang}.md"
            if not path.exists():
                message = f"missing card page for {code.upper()} (front matter: detained: {code.upper()})"
                problems.append(Problem(_rel(path, root), 1, "", message))
    for path in sorted(folder.glob("*.md")) if folder.is_dir() else []:
        stem = path.name.split(".")[0]
        if stem not in deep:
            problems.append(Problem(_rel(path, root), 1, "", f"'{stem.upper()}' is not a deep profile: no card page"))
        elif f"detained: {stem.upper()}" not in path.read_text(encoding="utf-8"):
            message = f"the front matter must say detained: {stem.upper()}"
            problems.append(Problem(_rel(path, root), 1, "detained", message))
    return problems


def _check_map(countries: Located, name: str) -> list[Problem]:
    from ..render.map import load_geo, missing_from_map

    shapes, markers = load_geo()
    return [
        Problem(
            name,
            countries.key_line_of((code,)),
            code,
            "the map has no shape for this country: add its capital to data/geo/markers.yml",
            warning=True,
        )
        for code in missing_from_map(list(countries.data or {}), shapes, markers)
    ]
