"""Interface strings (data/i18n/<lang>.yml) and localized dates."""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

import yaml
from babel import Locale
from babel.dates import format_date, get_date_format, get_month_names, parse_pattern

from ..data.checks import parse_partial_date
from ..data.config import ROOT
from ..data.yamlsource import FAST_LOADER

I18N_DIR = ROOT / "data" / "i18n"
DATE_PATTERNS = {"en": "d MMMM y"}


@cache
def load_strings(lang: str, directory: Path = I18N_DIR) -> dict:
    with open(directory / f"{lang}.yml", encoding="utf-8") as handle:
        return yaml.load(handle, Loader=FAST_LOADER) or {}


def flatten(tree: dict, prefix: str = "") -> dict[str, str]:
    flat = {}
    for key, value in tree.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(flatten(value, name + "."))
        else:
            flat[name] = str(value)
    return flat


@cache
def flat_strings(lang: str) -> dict[str, str]:
    return flatten(load_strings(lang))


class Strings:
    """`t("section.detention")` in one language, falling back to English."""

    def __init__(self, lang: str, default_lang: str = "en"):
        self.lang = lang
        self.default_lang = default_lang
        self._own = flat_strings(lang)
        self._fallback = flat_strings(default_lang)

    def __call__(self, key: str, **values) -> str:
        text = self._own.get(key)
        if text is None:
            text = self._fallback.get(key)
        if text is None:
            raise KeyError(f"missing interface string '{key}'")
        if not values:
            return text
        return text.format(**{k: LocalDate(self, v) if k == "date" else v for k, v in values.items()})

    def plural(self, key: str, n: int, **values) -> str:
        """A counted string in the right CLDR plural form: `key` holds one string per
        plural category of the language (one, few, many, other), with {n} for the number."""
        for strings, lang in ((self._own, self.lang), (self._fallback, self.default_lang)):
            category = Locale.parse(lang).plural_form(n)
            text = strings.get(f"{key}.{category}") or strings.get(f"{key}.other")
            if text is not None:
                return text.format(n=n, **values)
        raise KeyError(f"missing interface string '{key}.other'")

    @property
    def alphabet(self) -> str:
        return self("alphabet")

    def date(self, value, form: str = "") -> str:
        """Format YYYY, YYYY-MM or YYYY-MM-DD as precisely as it is known. `form` is the
        grammatical form the sentence needs: "" (as a label's value) or "genitive" (after
        "since": «с сентября 2021 г.»); the patterns per language are under `dates`."""
        text = str(value)
        parsed = parse_partial_date(text) if not isinstance(value, dt.date) else value
        if parsed is None:
            return text
        parts = text.count("-") if not isinstance(value, dt.date) else 2
        if parts == 0:
            return self("dates.year", year=parsed.year)
        if parts == 1:
            key = "dates.month_genitive" if form == "genitive" else "dates.month"
            return format_date(parsed, self(key), locale=self.lang)
        # CLDR puts a narrow no-break space before «г.»; the month and year patterns use a
        # no-break space: one kind everywhere, and never a line break between year and «г.».
        return format_date(parsed, DATE_PATTERNS.get(self.lang, "long"), locale=self.lang).replace("\u202f", "\u00a0")

    def date_template(self) -> tuple[str, list[str]]:
        """How `date` writes a full date, for the page script that swaps in the reader's
        date without the browser's date formatting (slow on phones): the pattern with
        %(d)s, %(MMMM)s and %(y)s for day, month name and year, and the 12 month names."""
        pattern = DATE_PATTERNS.get(self.lang) or get_date_format("long", locale=self.lang).pattern
        names = get_month_names("wide", context="format", locale=self.lang)
        return parse_pattern(pattern).format.replace("\u202f", "\u00a0"), [names[month] for month in range(1, 13)]


class LocalDate:
    """A date inside an interface string, formatted in the form the string asks for:
    "{date}" or "{date:genitive}" (see Strings.date). Text that is not a date (an
    already formatted date, say) is shown as it is."""

    def __init__(self, strings: Strings, value):
        self.strings, self.value = strings, value

    def __format__(self, form: str) -> str:
        return self.strings.date(self.value, form)

    def __str__(self) -> str:
        return self.strings.date(self.value)
