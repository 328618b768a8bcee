"""Search with Pagefind: one small index per language (read from <html lang>), loaded
in pieces, so a reader downloads little and finds only pages in their language. The
Pagefind binary ships inside its PyPI package and runs offline."""

from __future__ import annotations

import re
import subprocess
import sys
from html import escape, unescape
from pathlib import Path

from ..model.glossary import search_words

ARTICLE = re.compile(r'<article class="md-content__inner md-typeset"')
IGNORE = re.compile(
    r'<(ol class="atlas-sources"|div class="atlas-cite"|p class="atlas-fallback(?: [^"]*)?"|a class="headerlink"'
    r'|a class="atlas-pilcrow"|sup class="atlas-refs")'
)


def mark_search_regions(html: str) -> str:
    """Index the article only, and not its source lists, citation boxes or notices."""
    html = ARTICLE.sub('<article class="md-content__inner md-typeset" data-pagefind-body', html, count=1)
    return IGNORE.sub(lambda m: f"<{m.group(1)} data-pagefind-ignore", html)


ARTICLE_TEXT = re.compile(r"<article\b[^>]*>(.*?)</article>", re.S)
TAG = re.compile(r"<[^>]+>")


def add_search_words(html: str, glossary: dict, lang: str) -> str:
    """Index the page also under the other words of the glossary terms it mentions (see
    atlas/model/glossary.py): a reader who searches «экстрадыцыя» finds the pages that say
    «выдача». The words sit in a hidden paragraph at the end of the article."""
    article = ARTICLE_TEXT.search(html)
    if article is None:
        return html
    words = search_words(unescape(TAG.sub(" ", article.group(1))), glossary, lang)
    if not words:
        return html
    hidden = f'<p class="atlas-search-words" hidden>{escape(" · ".join(words))}</p>'
    return html[: article.end(1)] + hidden + html[article.end(1) :]


def index_site(site: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(site), "--output-subdir", "pagefind", "--quiet"],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"Pagefind failed:\n{result.stdout}\n{result.stderr}")
