"""Add a new country as a draft: a complete entry in data/countries.yml (answers
'unknown', nothing shown to readers as fact) and its text files in each language.

Usage: python scripts/new_country.py CODE [--region REGION]
  CODE    ISO 3166-1 alpha-2 code, any case (e.g. fi or FI)
  REGION  eu, europe-other, caucasus, central-asia, eastern-europe, middle-east,
          asia, americas, africa, oceania (guessed when omitted; check it)

The entry is appended as text, so the file's comments and layout stay as they are.
Run python scripts/validate.py afterwards, then fill in facts with their sources.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pycountry  # noqa: E402
from babel.core import get_global  # noqa: E402

from atlas.data.config import ROOT, load_site_config  # noqa: E402
from atlas.data.problems import suggest  # noqa: E402
from atlas.data.prose import prose_path  # noqa: E402

REGIONS = (
    "eu",
    "europe-other",
    "caucasus",
    "central-asia",
    "eastern-europe",
    "middle-east",
    "asia",
    "americas",
    "africa",
    "oceania",
)
EU = set(
    [
        "AT",
        "BE",
        "BG",
        "HR",
        "CY",
        "CZ",
        "DK",
        "EE",
        "FI",
        "FR",
        "DE",
        "GR",
        "HU",
        "IE",
        "IT",
        "LV",
        "LT",
        "LU",
        "MT",
        "NL",
        "PL",
        "PT",
        "RO",
        "SK",
        "SI",
        "ES",
        "SE",
    ]
)
SPECIAL = {
    **{code: "caucasus" for code in ("AM", "AZ", "GE")},
    **{code: "central-asia" for code in ("KZ", "KG", "TJ", "TM", "UZ")},
    **{code: "eastern-europe" for code in ("MD", "UA", "RU")},
    **{
        code: "middle-east"
        for code in [
            "AE",
            "BH",
            "CY",
            "EG",
            "IL",
            "IQ",
            "IR",
            "JO",
            "KW",
            "LB",
            "OM",
            "PS",
            "QA",
            "SA",
            "SY",
            "TR",
            "YE",
        ]
        if code not in EU
    },
}
ZONE_REGIONS = {
    "Europe": "europe-other",
    "Africa": "africa",
    "America": "americas",
    "Asia": "asia",
    "Australia": "oceania",
    "Pacific": "oceania",
    "Indian": "africa",
    "Atlantic": "europe-other",
}


def guess_region(code: str) -> str:
    if code in EU:
        return "eu"
    if code in SPECIAL:
        return SPECIAL[code]
    zones = get_global("territory_zones").get(code) or []
    prefixes = [zone.split("/")[0] for zone in zones]
    return ZONE_REGIONS.get(prefixes[0], "asia") if prefixes else "asia"


def entry_text(code: str, region: str, today: dt.date) -> str:
    due = today + dt.timedelta(days=182)
    return f"""
{code}:
  # New entry (draft). Replace "unknown" only with sourced facts; see CONTRIBUTING.md.
  profile: baseline
  region: {region}
  review:
    status: draft
    last_reviewed: {today.isoformat()}
    next_review_due: {due.isoformat()}
  answers:
    special_procedure:
      status: unknown
    detention:
      status: unknown
    statistics:
      status: unknown
  channels:
    red_notice:
      status: unknown
    diffusion:
      status: unknown
    interstate_search:
      status: unknown
  protection:
    # Treaty memberships (Council of Europe, Refugee Convention, CIS...) live in
    # data/treaties.yml, not here.
    eu:
      status: unknown
    extradition_without_treaty:
      status: unknown
  changes:
    - date: {today.isoformat()}
      risk_level: too-little-known
      note:
        en: Entry created; facts not yet researched.
        ru: Запись создана; факты ещё не исследовались.
        be: Запіс створаны; факты яшчэ не даследаваліся.
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("code", help="ISO 3166-1 alpha-2 code, any case (e.g. fi or FI)")
    parser.add_argument("--region", help=f"one of {', '.join(REGIONS)} (guessed when omitted; check it)")


def run(args: argparse.Namespace) -> int:
    region = args.region
    code = args.code.strip().upper()
    if pycountry.countries.get(alpha_2=code) is None:
        known = [c.alpha_2 for c in pycountry.countries]
        print(f"'{args.code}' is not an ISO 3166-1 alpha-2 country code{suggest(code, known)}")
        return 1
    if code == "BY":
        print("Belarus is the requesting state; it has no profile.")
        return 1
    if region is not None and region not in REGIONS:
        print(f"unknown region '{region}' (allowed: {', '.join(REGIONS)}){suggest(region, REGIONS)}")
        return 1
    countries = ROOT / "data" / "countries.yml"
    text = countries.read_text(encoding="utf-8")
    if any(line.rstrip() in (f"{code}:", f'"{code}":') for line in text.splitlines()):
        print(f"{code} is already in data/countries.yml")
        return 1
    key = f'"{code}"' if code in ("NO", "ON", "YES") else code
    block = entry_text(key, region or guess_region(code), dt.date.today())
    countries.write_text(text.rstrip("\n") + "\n" + block, encoding="utf-8")
    config = load_site_config()
    created = []
    for lang in config.languages:
        path = prose_path(ROOT / "docs", code, lang, config.default_language)
        if not path.exists():
            front = f"country: {key}\n"
            path.write_text(f"---\n{front}---\n", encoding="utf-8")
            created.append(str(path.relative_to(ROOT)))
    print(f"Added {code} to data/countries.yml (region: {region or guess_region(code)} — check it).")
    for name in created:
        print(f"Created {name}")
    print("Next: python scripts/validate.py, then add facts with sources (CONTRIBUTING.md).")
    return 0


if __name__ == "__main__":
    from cli import main

    sys.exit(main(["new-country", *sys.argv[1:]]))
