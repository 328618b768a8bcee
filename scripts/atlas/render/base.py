"""What every page renderer shares: the templates, numbered citations, texts with their
language, and the placeholders that let finished HTML skip the Markdown parser."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from ..data.names import collation_key, country_name
from ..model.dataset import Dataset
from .strings import Strings

TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"
RAW_TOKEN = re.compile(r"(?:<p>)?<!-- (atlas-raw-\d+-\d+) -->(?:</p>)?")


@lru_cache(maxsize=4)
def _environment(template_dir: Path = TEMPLATE_DIR) -> Environment:
    """One environment per process: templates compile once, not once per page."""
    env = Environment(
        loader=FileSystemLoader(str(template_dir)),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # Markdown uses {#id} for heading anchors, so Jinja comments are {## … ##}.
        comment_start_string="{##",
        comment_end_string="##}",
    )
    env.filters["sentence"] = _sentence
    return env


class Citations:
    """Numbers sources in the order a page first cites them."""

    def __init__(self, sources: dict):
        self.sources = sources
        self.order: list[str] = []

    def __call__(self, ids) -> Markup:
        if not ids:
            return Markup("")
        links = []
        for source_id in ids:
            if source_id not in self.order:
                self.order.append(source_id)
            number = self.order.index(source_id) + 1
            links.append(f'<a href="#source-{escape(source_id)}" class="atlas-ref">{number}</a>')
        return Markup('<sup class="atlas-refs">[' + ", ".join(links) + "]</sup>")

    def listing(self) -> list[tuple[int, str, dict]]:
        return [(i + 1, sid, self.sources[sid]) for i, sid in enumerate(self.order)]


@dataclass
class Text:
    body: str
    lang: str
    fallback: bool


def prose_text(dataset: Dataset, code: str, lang: str, kind: str, key: str) -> Text | None:
    """The text for `key` in `lang`, else the English original marked as such."""
    default = dataset.config.default_language
    for source_lang in (lang, default):
        prose = dataset.prose_for(code, source_lang)
        if prose is None:
            continue
        table = prose.texts if kind == "texts" else getattr(prose, kind)
        if key in table:
            return Text(table[key], source_lang, source_lang != lang)
    return None


def translation_state(dataset: Dataset, code: str, lang: str) -> str:
    """'source', 'current', 'behind', 'missing' (no text at all) or 'none' (nothing to translate)."""
    default = dataset.config.default_language
    english = dataset.prose_for(code, default)
    if lang == default:
        return "source"
    if english is None or english.is_empty():
        return "none"
    own = dataset.prose_for(code, lang)
    if own is None:
        return "missing"
    return "current" if own.translation_of == english.fingerprint() else "behind"


class PageRenderer:
    """One language's renderer: strings, templates and the dataset."""

    def __init__(self, dataset: Dataset, lang: str, site_name: str = "Interpol Atlas"):
        self.dataset = dataset
        self.lang = lang
        self.site_name = site_name
        self.t = Strings(lang, dataset.config.default_language)
        self.env = _environment()
        self.raw_blocks: dict[str, str] = {}
        self.common = {"t": self.t, "date": self.t.date, "raw": self.raw, "lang": self.lang}

    def raw(self, caller) -> Markup:
        """`{% call raw() %}<html>{% endcall %}`: finished HTML skips the Markdown parser
        (a placeholder comment stands in for it; restore_raw puts it back after rendering).
        Markdown's HTML-block parsing was most of the build time."""
        token = f"atlas-raw-{len(self.raw_blocks) + 1}-{id(self)}"
        self.raw_blocks[token] = str(caller())
        return Markup(f"\n\n<!-- {token} -->\n\n")

    def restore_raw(self, html: str) -> str:
        def put_back(match: re.Match) -> str:
            return self.raw_blocks.pop(match.group(1), match.group(0))

        return RAW_TOKEN.sub(put_back, html)

    def country_name(self, code: str) -> str:
        return country_name(code, self.lang)

    def sorted_codes(self) -> list[str]:
        alphabet = self.t.alphabet
        return sorted(
            self.dataset.countries,
            key=lambda code: collation_key(self.country_name(code), alphabet),
        )


def markdown_refs(ids) -> str:
    """Source ids as a guide citation, [@a; @b]: the guide numbers them with its other sources."""
    return " [@" + "; @".join(ids) + "]"


def _sentence(value) -> str:
    """End a phrase with one full stop, even after an abbreviation such as «г.»."""
    text = str(value).rstrip()
    return text if text.endswith(".") else text + "."
