"""The /downloads/ page: each language's offline copy with its size and date, in the
three languages at once (one page serves every reader, like the 404 page).

It is made from the finished 404 page, so it has the site's frame, stylesheets and
security policy without a generator run of its own; only the title, the robots line
and the article change."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from markupsafe import Markup, escape

from ..render.site_pages import offline_zip_name
from ..render.strings import Strings
from .offline import size_label

ARTICLE = re.compile(r'(<article class="md-content__inner md-typeset"[^>]*>).*?(</article>)', re.S)
TITLE = re.compile(r"<title>[^<]*</title>")
NOINDEX = re.compile(r'\s*<meta name="robots" content="noindex">')


def downloads_article(site: Path, languages: tuple[str, ...], made: date) -> str:
    """One section per language: the copy's link, its size and date, how to use it."""
    parts = []
    for lang in languages:
        zip_file = site / "downloads" / offline_zip_name(lang)
        if not zip_file.exists():
            continue
        t = Strings(lang)
        details = ", ".join(["ZIP", size_label(zip_file.stat().st_size, t), t("offline.copy_date", date=made)])
        section = Markup(
            '<section lang="{}"><h2>{}</h2><p><strong><a href="{}" download>{}</a></strong> ({})</p><p>{}</p></section>'
        )
        link = (offline_zip_name(lang), t("offline.download"))
        parts.append(section.format(lang, t("offline.language"), *link, details, t("offline.how")))
    return str(Markup("").join(parts))


def write_downloads_page(site: Path, languages: tuple[str, ...], made: date) -> Path | None:
    template = site / "404.html"
    if not template.exists() or not (site / "downloads").is_dir():
        return None
    page = template.read_text(encoding="utf-8")
    titles = " · ".join(Strings(lang)("offline.page_title") for lang in languages)
    page = TITLE.sub(f"<title>{escape(titles)}</title>", page, count=1)
    page = NOINDEX.sub("", page, count=1)
    article = downloads_article(site, languages, made)
    page = ARTICLE.sub(lambda m: m.group(1) + f"<h1>{escape(titles)}</h1>" + article + m.group(2), page, count=1)
    out = site / "downloads" / "index.html"
    out.write_text(page, encoding="utf-8")
    return out
