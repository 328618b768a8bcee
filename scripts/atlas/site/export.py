"""Open data: the facts as JSON and CSV, published with the site under /data/.

Field names are stable: new fields may be added, existing ones are never renamed or
removed without a new major version of the export (metadata.format_version).
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from ..data.names import country_name
from ..data.treaties import TREATIES, participations
from ..model.citation import build_commit
from ..model.risk import LEVELS, RULES
from ..render.strings import Strings

FORMAT_VERSION = "3.0"  # 3.0: names per language (public_figure is an object); 2.0: risk levels from the decision table
LICENCE = {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"}
TEXT_KEYS = ("summary", "special_procedure", "detention", "statistics", "channels", "protection")
ANSWERS = ("special_procedure", "detention", "statistics")
CHANNELS = ("red_notice", "diffusion", "interstate_search")
MEMBERSHIPS = ("eu",)


def risk_record(risk, langs=("en",)) -> dict:
    """The level, each reason with the page anchors of its facts and its wording per language."""
    strings = {lang: Strings(lang) for lang in langs}
    return {
        "level": risk.level,
        "labels": {lang: t(f"risk.levels.{risk.level}") for lang, t in strings.items()},
        "reasons": [
            {
                "reason": r.key,
                "evidence": list(r.evidence),
                **({"params": dict(r.params)} if r.params else {}),
                "text": {lang: t(f"risk.reason.{r.key}", **dict(r.params)) for lang, t in strings.items()},
            }
            for r in risk.reasons
        ],
        "missing": list(risk.missing),
        "rules": list(risk.rules),
    }


def treaty_record(dataset, code: str) -> dict:
    """The country's rows of the treaty table, with the sources and dates they rest on."""
    out = {}
    for treaty, fact in participations(dataset.treaties, code).items():
        row = {k: v for k, v in vars(fact).items() if v not in (None, False) and k not in ("treaty", "code")}
        row["sources"] = list(fact.sources)
        out[treaty] = row
    return out


def _text(dataset, code: str, lang: str, kind: str, key: str) -> str:
    prose = dataset.prose_for(code, lang)
    if prose is None:
        return ""
    table = prose.texts if kind == "texts" else getattr(prose, kind)
    return table.get(key, "")


def _cited(value) -> list[str]:
    found: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            found += item if key == "sources" and isinstance(item, list) else _cited(item)
    elif isinstance(value, list):
        for item in value:
            found += _cited(item)
    return found


def country_record(dataset, code: str) -> dict:
    country = dataset.countries[code]
    langs = dataset.config.languages
    risk = dataset.risk(code)
    record = {
        "code": code,
        "names": {lang: country_name(code, lang) for lang in langs},
        "draft": country["review"]["status"] == "draft",
        "risk": risk_record(risk, langs),
        **json.loads(json.dumps(country, default=str)),
        "treaty_table": treaty_record(dataset, code),
        "texts": {
            lang: {
                key: _text(dataset, code, lang, "texts", key)
                for key in TEXT_KEYS
                if _text(dataset, code, lang, "texts", key)
            }
            for lang in langs
        },
    }
    for case in record.get("cases", []):
        case["description"] = {lang: _text(dataset, code, lang, "cases", case["id"]) for lang in langs}
    record["source_ids"] = sorted(set(_cited(country)) | set(_cited(record["treaty_table"])))
    return record


def export_json(dataset) -> dict:
    countries = [country_record(dataset, code) for code in sorted(dataset.countries)]
    used = sorted({sid for c in countries for sid in c["source_ids"]} | set(_cited(dataset.organisations)))
    return {
        "metadata": {
            "title": "Interpol Atlas: how states treat Interpol and CIS requests from Belarus",
            "publisher": "Interpol Atlas contributors",
            "licence": LICENCE,
            "format_version": FORMAT_VERSION,
            "generated": dataset.today.isoformat(),
            "commit": build_commit(),
            "languages": list(dataset.config.languages),
            "repository": dataset.config.repo_url,
            "site": dataset.config.site_url,
            "schema": "countries.schema.json",
            "risk_levels": list(LEVELS),
            "risk_rules": [{"id": rule.id, "level": rule.level, "hard": rule.hard} for rule in RULES],
            "treaties": list(TREATIES),
            "counts": {
                "countries": len(countries),
                "deep": sum(1 for c in countries if c["profile"] == "deep"),
                "cases": sum(len(c.get("cases", [])) for c in countries),
            },
        },
        "countries": countries,
        "organisations": json.loads(json.dumps(dataset.organisations, default=str)),
        "sources": {sid: json.loads(json.dumps(dataset.sources[sid], default=str)) for sid in used},
    }


def _status(value) -> str:
    return value.get("status", "") if isinstance(value, dict) else ""


def countries_rows(dataset) -> list[dict]:
    rows = []
    langs = dataset.config.languages
    for code in sorted(dataset.countries):
        country = dataset.countries[code]
        answers, channels, protection = country["answers"], country["channels"], country["protection"]
        limit = answers["detention"].get("max_before_request") or {}
        row = {
            "code": code,
            **{f"name_{lang}": country_name(code, lang) for lang in langs},
            "profile": country["profile"],
            "region": country["region"],
            "review_status": country["review"]["status"],
            "draft": "yes" if country["review"]["status"] == "draft" else "no",
            "last_reviewed": str(country["review"]["last_reviewed"]),
            "next_review_due": str(country["review"]["next_review_due"]),
            "risk_level": dataset.risk(code).level,
            "risk_reasons": " ".join(r.key for r in dataset.risk(code).reasons),
            **{answer: answers[answer]["status"] for answer in ANSWERS},
            "max_detention_before_request": f"{limit['value']} {limit['unit']}" if limit else "",
            **{channel: _status(channels.get(channel)) for channel in CHANNELS},
            **{member: _status(protection.get(member)) for member in MEMBERSHIPS},
            **{treaty: fact.status for treaty, fact in participations(dataset.treaties, code).items()},
            "cat_article_22": participations(dataset.treaties, code)["cat"].article_22 or "",
            "decided_by": " > ".join((protection.get("decided_by") or {}).get("bodies", [])),
            "cases": len(country.get("cases", [])),
            "inquiries": len(country.get("inquiries", [])),
        }
        for key in TEXT_KEYS:
            for lang in langs:
                row[f"{key}_{lang}"] = _text(dataset, code, lang, "texts", key)
        row["source_ids"] = " ".join(sorted(set(_cited(country))))
        rows.append(row)
    return rows


def cases_rows(dataset) -> list[dict]:
    rows = []
    langs = dataset.config.languages
    for code in sorted(dataset.countries):
        country = dataset.countries[code]
        for case in country.get("cases", []):
            rows.append(
                {
                    "country": code,
                    "case_id": case["id"],
                    "year": case.get("year", ""),
                    "year_inferred": "yes" if case.get("year_inferred") else "no",
                    "channel": case["channel"],
                    "detained": case["detained"],
                    "detention_days": case.get("detention_days", ""),
                    "outcome": case["outcome"],
                    "confidence": case["confidence"],
                    "public_figure": (case.get("public_figure") or {}).get("en", ""),
                    "draft": "yes" if country["review"]["status"] == "draft" else "no",
                    **{f"description_{lang}": _text(dataset, code, lang, "cases", case["id"]) for lang in langs},
                    "source_ids": " ".join(case["sources"]),
                }
            )
    return rows


def to_csv(rows: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]) if rows else [], lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def write_exports(dataset, folder: Path, schema_path: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "countries.json": json.dumps(export_json(dataset), ensure_ascii=False, indent=1) + "\n",
        "countries.csv": to_csv(countries_rows(dataset)),
        "cases.csv": to_csv(cases_rows(dataset)),
        "countries.schema.json": schema_path.read_text(encoding="utf-8"),
    }
    written = []
    for name, text in files.items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
