"""Country names per language (CLDR via Babel, plus a short override list) and
alphabetical order per language.

Babel cannot collate Russian or Belarusian, and ICU needs a compiled library, so
each language declares its alphabet in data/i18n/<lang>.yml (`alphabet`), and
names sort by the position of each letter in it.
"""

from __future__ import annotations

import unicodedata
from functools import cache
from pathlib import Path

import yaml
from babel import Locale

from .config import ROOT
from .yamlsource import FAST_LOADER

OVERRIDES_FILE = ROOT / "data" / "country-names.yml"


@cache
def overrides(path: Path = OVERRIDES_FILE) -> dict:
    if not path.exists():
        return {}
    with open(path, encoding="utf-8") as handle:
        return yaml.load(handle, Loader=FAST_LOADER) or {}


def country_name(code: str, lang: str) -> str:
    """Localized name of an ISO 3166-1 alpha-2 code."""
    special = overrides().get(code.upper(), {})
    if lang in special:
        return special[lang]
    name = Locale.parse(lang).territories.get(code.upper())
    if not name:
        raise KeyError(f"no {lang} name for {code}")
    return name


def collation_key(text: str, alphabet: str) -> tuple:
    """Sort key following `alphabet` (lowercase letters in order). Accents on
    letters outside the alphabet are ignored; unknown characters sort after."""
    order = {letter: index for index, letter in enumerate(alphabet)}
    key = []
    for char in text.casefold():
        if char in order:
            key.append((0, order[char]))
            continue
        base = unicodedata.normalize("NFD", char)[0]
        if base in order:
            key.append((0, order[base]))
        elif char.isalpha():
            key.append((1, ord(base)))
        # spaces, hyphens and apostrophes do not affect order
    return tuple(key)
