"""Hand-written pages (guides, about): numbered citations, 'Cite this page' and the
sources, paragraph permalinks, and the notices on untranslated or lagging pages."""

from __future__ import annotations

import re

from markupsafe import Markup, escape

from ..data.guides import CITATION
from ..model.citation import Citation, absolute_url, build_commit, permalink
from .base import Citations
from .cite import CiteBox, bibtex_html
from .strings import Strings

SOURCES_MARKER = "<!-- atlas:sources -->"

PARAGRAPH = re.compile(r"<(p|li)(?![^>]*\bid=)([^>]*)>")


class GuidePages(CiteBox):
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
            country_label=self.country_name,
        )
        return body.replace(SOURCES_MARKER, "") + "\n\n" + tail


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


def replace_citations(markdown: str, cite) -> str:
    """`cite` is a render.Citations: numbers in order of first use."""

    def one(match: re.Match) -> str:
        ids = [part.strip().lstrip("@") for part in match.group(1).split(";")]
        return str(cite(ids))

    return CITATION.sub(one, markdown)


def paragraph_permalinks(html: str, title: str) -> str:
    """Give every paragraph and list item in the article a stable id under its section
    (#section-id-p3) and a small permalink, so a lawyer can cite one paragraph."""
    out = []
    section = "intro"
    counters: dict[str, int] = {}
    position = 0
    heading = re.compile(r'<h[2-4][^>]*\bid="([^"]+)"')
    for match in re.finditer(r'<h[2-4][^>]*\bid="[^"]+"[^>]*>|<(?:p|li)(?![^>]*\bid=)[^>]*>', html):
        out.append(html[position : match.start()])
        tag = match.group(0)
        found = heading.match(tag)
        if found:
            section = found.group(1)
            out.append(tag)
        elif 'class="atlas-' in tag or "admonition-title" in tag:
            out.append(tag)
        else:
            counters[section] = counters.get(section, 0) + 1
            anchor = f"{section}-p{counters[section]}"
            name = tag[1:].split()[0].rstrip(">")
            rest = tag[len(name) + 1 :]
            link = Markup('<a class="atlas-pilcrow" href="#{0}" aria-label="{1}">¶</a>').format(anchor, title)
            out.append(f'<{name} id="{anchor}"{rest}{link}')
        position = match.end()
    out.append(html[position:])
    return "".join(out)
