"""Render a country page (as HTML) and the countries index (as Markdown) for one language.

The Jinja templates live in overrides/partials/atlas/; this module prepares what
they show. Text from volunteers is escaped (Markdown stays Markdown, HTML never
becomes markup), and every cited source gets a number in page order.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from .charts import series_svg
from .citation import Citation, absolute_url, build_commit, permalink
from .config import ROOT
from .dataset import Dataset
from .guides import SOURCES_MARKER, replace_citations
from .markup import passage_html
from .names import collation_key, country_name
from .offline import offline_zip_name
from .strings import Strings
from .treaties import TREATIES, participations

TEMPLATE_DIR = ROOT / "overrides" / "partials" / "atlas"
SECTIONS = (
    "summary",
    "special-procedure",
    "detention",
    "statistics",
    "channels",
    "protection",
    "authorities",
    "legal-help",
    "cases",
    "inquiries",
    "history",
    "cite",
    "sources",
)
ANSWERS = ("special_procedure", "detention", "statistics")


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


class Renderer:
    def __init__(self, dataset: Dataset, lang: str, site_name: str = "Interpol Atlas"):
        self.dataset = dataset
        self.lang = lang
        self.site_name = site_name
        self.t = Strings(lang, dataset.config.default_language)
        self.env = _environment()
        self.raw_blocks: dict[str, str] = {}
        self.common = {"t": self.t, "date": self.t.date, "raw": self.raw}

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

    def country_html(self, code: str) -> str:
        country = self.dataset.countries[code]
        cite = Citations(self.dataset.sources)

        def text(kind: str, key: str) -> Text | None:
            return prose_text(self.dataset, code, self.lang, kind, key)

        organisations = [(org_id, self.dataset.organisations[org_id]) for org_id in country.get("legal_help", [])]
        citation = self.country_citation(code)
        due = country["review"]["next_review_due"]
        overdue = str(due) < self.dataset.today.isoformat()
        template = self.env.get_template("country.html")
        return template.render(
            # The page is HTML already: the shared macros' raw() blocks need no placeholder.
            **{**self.common, "raw": lambda caller: caller()},
            markdown=passage_html,
            code=code,
            name=self.country_name(code),
            country=country,
            risk=self.dataset.risk(code),
            treaties=participations(self.dataset.treaties, code),
            treaty_lines={key: self.dataset.located["treaties"].key_line_of((key, "states", code)) for key in TREATIES},
            text=text,
            cite=cite,
            organisations=organisations,
            cases=sorted(
                country.get("cases", []),
                key=lambda case: case.get("year", 0),
                reverse=True,
            ),
            overdue=overdue,
            translation=translation_state(self.dataset, code, self.lang),
            answers=ANSWERS,
            lang=self.lang,
            country_label=self.country_name,
            citation=citation,
            citation_html=self.citation_html(citation),
            pdf=pdf_name(citation, code, self.lang) if os.environ.get("ATLAS_PDF_LINKS") == "1" else "",
            pdf_root="../../" if self.lang == self.dataset.config.default_language else "../../../",
            glossary="../../guides/glossary/",
            chart=lambda series, title: series_svg(series, lambda m: self.t(f"statistics.measures.{m}"), title),
            statistics_title=self.t("statistics.table_caption") + " — " + self.country_name(code),
            data_line=self.dataset.located["countries"].key_line_of((code,)),
            bibtex_html=bibtex_html(citation, f"interpolatlas-{code.lower()}-{self.lang}", self.lang),
            repo_url=self.dataset.config.repo_url,
            edit_branch=self.dataset.config.edit_branch,
        )

    def citation_html(self, citation: Citation) -> Markup:
        version = self.t.date(citation.version_date) + (f", {citation.short_commit}" if citation.commit else "")
        text = self.t(
            "cite.format",
            title=citation.title,
            site=self.site_name,
            version=version,
            url=citation.url,
            accessed=ACCESSED,
        )
        before, _, after = text.partition(ACCESSED)
        accessed = accessed_span(citation.accessed, self.t.date(citation.accessed), "long", self.t.date_template())
        return escape(before) + accessed + escape(after)

    def country_citation(self, code: str) -> Citation:
        country = self.dataset.countries[code]
        changes = [str(c["date"]) for c in country.get("changes", [])]
        version = max(changes) if changes else str(country["review"]["last_reviewed"])
        config = self.dataset.config
        prose = f"docs/countries/{code.lower()}{'' if self.lang == config.default_language else '.' + self.lang}.md"
        files = [prose] if self.dataset.prose_for(code, self.lang) else [f"docs/countries/{code.lower()}.md"]
        return Citation(
            title=self.country_name(code),
            site=self.site_name,
            url=absolute_url(config.site_url, self.lang, config.default_language, f"countries/{code.lower()}/"),
            version_date=version,
            commit=build_commit(),
            accessed=self.dataset.today.isoformat(),
            permalink=permalink(config.repo_url, build_commit(), files),
        )

    def risk_ranking_markdown(self) -> str:
        from .risk import LEVELS

        rows = [
            {"code": code, "name": self.country_name(code), "risk": self.dataset.risk(code)}
            for code in self.sorted_codes()
        ]
        groups = [(level, [r for r in rows if r["risk"].level == level]) for level in LEVELS]
        return self.env.get_template("risk-ranking.md.html").render(**self.common, groups=groups)

    def risk_rule_markdown(self) -> str:
        """The decision table of atlas/risk.py, worded in this language, with worked examples."""
        from .risk import LEVELS, RULES, effect_of, worked_examples

        rows = [(index, row, *effect_of(row)) for index, row in enumerate(RULES, start=1)]
        numbers = {row.id: index for index, row, *_ in rows}
        risks = {code: self.dataset.risk(code) for code in self.sorted_codes()}
        examples = [
            {"code": code, "name": self.country_name(code), "risk": risk, "rows": [numbers[r] for r in risk.rules]}
            for code, risk in worked_examples(risks)
        ]
        return self.env.get_template("risk-rule.md.html").render(
            **self.common, rows=rows, levels=LEVELS, examples=examples
        )

    def a_z_markdown(self, pages: list[tuple[str, str, str]], up: str) -> str:
        """Every page in one list: countries by initial letter, then the other pages by
        their menu section. `pages`: (section, title, url) from the menu; `up` leads from
        this page to the language's root."""
        letters: dict[str, list[tuple[str, str]]] = {}
        for code in self.sorted_codes():
            name = self.country_name(code)
            letters.setdefault(name[:1].upper(), []).append((name, f"countries/{code.lower()}/"))
        sections: dict[str, list[tuple[str, str]]] = {}
        for section, title, url in pages:
            sections.setdefault(section or self.t("a_z.main"), []).append((title, url))
        return self.env.get_template("a-z.md.html").render(
            **self.common, letters=list(letters.items()), sections=list(sections.items()), up=up
        )

    def offline_download_markdown(self, up: str) -> str:
        """The link to this language's offline copy (made by atlas/offline.py after the build;
        its size is filled in then). `up` leads from this page to the site's root."""
        return str(
            Markup(
                '<p class="atlas-offline-download"><strong><a href="{0}downloads/{1}" download>{2}</a></strong>'
                ' (ZIP, <span class="atlas-zip-size">…</span>). {3}</p>'
            ).format(up, offline_zip_name(self.lang), self.t("offline.download"), self.t("offline.how"))
        )

    def feed_link_markdown(self, up: str) -> str:
        """A visible link to this language's Atom feed of profile changes. `up` leads from
        this page to the language's root. (Not a <link rel="alternate"> in the page head:
        Material's language selector would then download and parse the sitemap on every
        page, which takes longer than everything else its script does.)"""
        return str(
            Markup('<p class="atlas-feed">{0} <a href="{1}feed.xml" type="application/atom+xml">{2}</a></p>').format(
                self.t("feed.follow"), up, self.t("feed.link")
            )
        )

    def legal_help_markdown(self) -> str:
        by_country: dict[str, list] = {}
        for org_id, org in self.dataset.organisations.items():
            for code in org["countries"]:
                by_country.setdefault(code, []).append((org_id, org))
        international = [("INT", self.t("legal_help.international"), by_country.pop("INT", []))]
        countries = [
            (code, self.country_name(code), by_country[code]) for code in self.sorted_codes() if code in by_country
        ]
        groups = [g for g in international if g[2]] + countries
        return self.env.get_template("legal-help.md.html").render(
            **self.common, groups=groups, markdown_refs=markdown_refs
        )

    def publisher_contact_markdown(self) -> str:
        contact = self.dataset.config.publisher_contact.strip()
        if not contact:
            repo = self.dataset.config.repo_url
            return str(
                Markup('<p class="atlas-contact-line">{} <a href="{}/issues">{}/issues</a></p>').format(
                    self.t("about.no_contact"), repo, repo
                )
            )
        href = f"mailto:{contact}" if "@" in contact and "://" not in contact else contact
        return str(
            Markup('<p class="atlas-contact-line">{} <a href="{}">{}</a></p>').format(
                self.t("about.contact"), href, contact
            )
        )

    def translation_status_markdown(self) -> str:
        from .pages import english_pages, page_translation_state

        config = self.dataset.config
        repo, branch = config.repo_url, config.edit_branch
        languages = []
        for lang in config.languages[1:]:
            rows = []
            for code in sorted(self.dataset.countries):
                state = translation_state(self.dataset, code, lang)
                if state in ("missing", "behind"):
                    name = f"docs/countries/{code.lower()}.{lang}.md"
                    link = (
                        f"{repo}/new/{branch}/docs/countries?filename={code.lower()}.{lang}.md"
                        if state == "missing"
                        else f"{repo}/edit/{branch}/{name}"
                    )
                    rows.append((name, state, link))
            docs = ROOT / "docs"
            for english in english_pages(docs):
                state = page_translation_state(english, lang)
                if state != "current":
                    relative = english.relative_to(ROOT).as_posix()
                    name = relative[: -len(".md")] + f".{lang}.md"
                    folder, _, filename = name.rpartition("/")
                    link = (
                        f"{repo}/new/{branch}/{folder}?filename={filename}"
                        if state == "missing"
                        else f"{repo}/edit/{branch}/{name}"
                    )
                    rows.append((name, state, link))
            counted = [translation_state(self.dataset, c, lang) for c in self.dataset.countries]
            summary = (
                f"Country texts: {counted.count('current')} current, {counted.count('behind')} behind, "
                f"{counted.count('missing')} missing, {counted.count('none')} with no text to translate. "
                f"Other pages needing work: {sum(1 for r in rows if not r[0].startswith('docs/countries/'))}."
            )
            languages.append((lang, summary, rows))
        return self.env.get_template("translation-status.md.html").render(**self.common, languages=languages)

    def data_files_markdown(self) -> str:
        """Links to the open-data files, which live once at the site root (/data/)."""
        up = "../../" if self.lang == self.dataset.config.default_language else "../../../"
        items = [
            ("countries.json", "JSON"),
            ("countries.csv", "CSV"),
            ("cases.csv", "CSV"),
            ("countries.schema.json", "JSON Schema"),
        ]
        links = "".join(
            Markup('<li><a href="{}data/{}" download><code>/data/{}</code></a> ({})</li>').format(up, name, name, kind)
            for name, kind in items
        )
        return str(Markup('<ul class="atlas-data-files">') + Markup(links) + Markup("</ul>"))

    def search_markdown(self) -> str:
        """The search box: Pagefind's UI, loaded by atlas.js, searching this language only."""
        up = "../" if self.lang == self.dataset.config.default_language else "../../"
        return str(
            Markup(
                '<link rel="stylesheet" href="{0}pagefind/pagefind-ui.css">'
                '<div id="atlas-search" data-bundle="{0}pagefind/" data-placeholder="{1}" '
                'data-zero="{2}" data-many="{3}" data-one="{4}" data-clear="{5}" data-more="{6}"></div>'
                "<noscript><p>{7}</p></noscript>"
            ).format(
                up,
                self.t("search.placeholder"),
                self.t("search.zero"),
                self.t("search.many"),
                self.t("search.one"),
                self.t("search.clear"),
                self.t("search.more"),
                self.t("search.noscript"),
            )
        )

    def guide_markdown(self, markdown: str, title: str, page_path: str, source_file: str, updated: str) -> str:
        """A hand-written guide: numbered citations, then 'Cite this page' and the sources."""
        cite = Citations(self.dataset.sources)
        body = replace_citations(markdown, cite)
        config = self.dataset.config
        citation = Citation(
            title=title,
            site=self.site_name,
            url=absolute_url(config.site_url, self.lang, config.default_language, page_path),
            version_date=updated or self.dataset.today.isoformat(),
            commit=build_commit(),
            accessed=self.dataset.today.isoformat(),
            permalink=permalink(config.repo_url, build_commit(), [source_file]),
        )
        slug = page_path.strip("/").replace("/", "-") or "home"
        tail = self.env.get_template("guide-tail.md.html").render(
            **self.common,
            citation=citation,
            citation_html=self.citation_html(citation),
            bibtex_html=bibtex_html(citation, f"interpolatlas-{slug}-{self.lang}", self.lang),
            listing=cite.listing(),
            lang=self.lang,
            country_label=self.country_name,
        )
        return body.replace(SOURCES_MARKER, "") + "\n\n" + tail

    def sorted_codes(self) -> list[str]:
        alphabet = self.t.alphabet
        return sorted(
            self.dataset.countries,
            key=lambda code: collation_key(self.country_name(code), alphabet),
        )

    def index_markdown(self, map_svg: str = "") -> str:
        from .risk import LEVELS

        rows = []
        for code in self.sorted_codes():
            country = self.dataset.countries[code]
            risk = self.dataset.risk(code)
            rows.append(
                {
                    "code": code,
                    "name": self.country_name(code),
                    "country": country,
                    "risk": risk,
                    "risk_order": LEVELS.index(risk.level),
                    "channels": channels_of(country),
                }
            )
        profiles = [r["country"]["profile"] for r in rows]
        regions = sorted({r["country"]["region"] for r in rows}, key=lambda r: REGIONS.index(r))
        filters = [
            (
                "risk",
                [
                    (level, self.t(f"risk.levels.{level}"))
                    for level in LEVELS
                    if any(r["risk"].level == level for r in rows)
                ],
            ),
            ("region", [(region, self.t(f"region.{region}")) for region in regions]),
            ("channel", [(c, self.t(f"index.channel_{c}")) for c in CHANNEL_GROUPS]),
        ]
        template = self.env.get_template("countries-index.md.html")
        return template.render(
            **self.common,
            rows=rows,
            filters=filters,
            map_svg=Markup(map_svg),
            answers=ANSWERS,
            deep=profiles.count("deep"),
            baseline=profiles.count("baseline"),
        )


ACCESSED = "\u0000accessed\u0000"
RAW_TOKEN = re.compile(r"(?:<p>)?<!-- (atlas-raw-\d+-\d+) -->(?:</p>)?")


def pdf_name(citation: Citation, code: str, lang: str) -> str:
    """File name of a page's PDF: country, language, version date and commit."""
    commit = f"-{citation.short_commit}" if citation.commit else ""
    return f"{code.lower()}-{lang}-{citation.version_date}{commit}.pdf"


def accessed_span(iso: str, shown: str, style: str, template: tuple[str, list[str]] | None = None) -> Markup:
    """The access date; the page script swaps in the reader's own date, written with
    `template` (Strings.date_template) if given, else as YYYY-MM-DD."""
    if template is None:
        return Markup('<span data-atlas-accessed="{}" data-atlas-style="{}">{}</span>').format(iso, style, shown)
    pattern, months = template
    return Markup(
        '<span data-atlas-accessed="{}" data-atlas-style="{}" data-atlas-pattern="{}" data-atlas-months="{}">{}</span>'
    ).format(iso, style, pattern, "|".join(months), shown)


def bibtex_html(citation: Citation, key: str, lang: str) -> Markup:
    source = citation.bibtex(key, lang).replace(f"urldate = {{{citation.accessed}}}", f"urldate = {{{ACCESSED}}}")
    before, _, after = source.partition(ACCESSED)
    return escape(before) + accessed_span(citation.accessed, citation.accessed, "iso") + escape(after)


REGIONS = (
    "eu",
    "europe-other",
    "eastern-europe",
    "caucasus",
    "central-asia",
    "middle-east",
    "asia",
    "americas",
    "africa",
    "oceania",
)
CHANNEL_GROUPS = ("interpol", "cis", "bilateral")


def channels_of(country: dict) -> list[str]:
    """Which ways Belarus has to reach a person there, as sourced 'yes' facts."""
    channels = country.get("channels", {})
    found = []
    if any(channels.get(k, {}).get("status") == "yes" for k in ("red_notice", "diffusion")):
        found.append("interpol")
    cis_conventions = any(
        channels.get(k, {}).get("status") == "party" for k in ("minsk_convention", "chisinau_convention")
    )
    if channels.get("interstate_search", {}).get("status") == "yes" or cis_conventions:
        found.append("cis")
    if any(t.get("covers_extradition") == "yes" or t.get("kind") == "extradition" for t in country.get("treaties", [])):
        found.append("bilateral")
    return found


def markdown_refs(ids) -> str:
    """Source ids as a guide citation, [@a; @b]: the guide numbers them with its other sources."""
    return " [@" + "; @".join(ids) + "]"


def _sentence(value) -> str:
    """End a phrase with one full stop, even after an abbreviation such as «г.»."""
    text = str(value).rstrip()
    return text if text.endswith(".") else text + "."


def untranslated_page(markdown: str, t: Strings, file_lang: str) -> str:
    """A page shown in the default language on another language's site: say so in the
    reader's language and mark the text with its real language."""
    notice = f'<p class="atlas-fallback">{escape(t("page_fallback_notice"))}</p>'
    return f'{notice}\n\n<div lang="{file_lang}" markdown>\n\n{markdown}\n\n</div>\n'


def lagging_page(markdown: str, t: Strings) -> str:
    """A translated page whose English original changed since: say so at the top."""
    notice = f'<p class="atlas-fallback atlas-behind">{escape(t("translation_behind"))}</p>'
    title, newline, rest = markdown.partition("\n")
    if title.startswith("# "):
        return f"{title}\n\n{notice}\n{newline}{rest}"
    return f"{notice}\n\n{markdown}"
