"""The 'Cite this page' box: the citation in the page's language, BibTeX, the PDF name."""

from __future__ import annotations

from markupsafe import Markup, escape

from ..model.citation import Citation
from .base import PageRenderer

ACCESSED = "\u0000accessed\u0000"


class CiteBox(PageRenderer):
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
