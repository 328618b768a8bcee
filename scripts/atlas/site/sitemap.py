"""One sitemap for every language, written after all language builds from the pages
that are really in the site folder, with each page's translations as hreflang links.
(The sitemap mkdocs-static-i18n writes depends on which language was built last.)"""

from __future__ import annotations

import gzip
from pathlib import Path
from xml.sax.saxutils import quoteattr

from markupsafe import escape

from ..model.citation import absolute_url


def built_pages(site: Path, languages: tuple[str, ...], default: str) -> dict[str, set[str]]:
    """language -> page paths relative to that language's root ("" for the home page)."""
    others = [lang for lang in languages if lang != default]
    pages: dict[str, set[str]] = {lang: set() for lang in languages}
    for index in site.rglob("index.html"):
        relative = index.parent.relative_to(site).as_posix()
        relative = "" if relative == "." else relative + "/"
        first = relative.split("/", 1)[0]
        if first in others:
            pages[first].add(relative[len(first) + 1 :])
        else:
            pages[default].add(relative)
    return pages


def sitemap_xml(pages: dict[str, set[str]], languages: tuple[str, ...], default: str, site_url: str) -> str:
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ]
    for lang in languages:
        for path in sorted(pages.get(lang, ())):
            lines.append("<url>")
            lines.append(f"<loc>{escape(absolute_url(site_url, lang, default, path))}</loc>")
            for other in languages:
                if path in pages.get(other, ()):
                    href = quoteattr(absolute_url(site_url, other, default, path))
                    lines.append(f'<xhtml:link rel="alternate" hreflang="{other}" href={href}/>')
            lines.append("</url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def write_sitemaps(site: Path, languages: tuple[str, ...], default: str, site_url: str) -> None:
    """sitemap.xml (and .gz) at the root, and a copy in each language folder, where
    Material's language selector looks for it."""
    text = sitemap_xml(built_pages(site, languages, default), languages, default, site_url)
    data = text.encode("utf-8")
    (site / "sitemap.xml").write_bytes(data)
    (site / "sitemap.xml.gz").write_bytes(gzip.compress(data, mtime=0))
    for lang in languages:
        if lang != default and (site / lang).is_dir():
            (site / lang / "sitemap.xml").write_bytes(data)
