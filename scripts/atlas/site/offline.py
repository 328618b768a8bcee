"""An offline copy of the site per language: one ZIP file that works from file://.

Made by each language's build once its pages are written. Each copy holds that
language's pages at its root and the theme's own files (no search index: Pagefind
cannot run from file://, so the header's search button leads to the A–Z index).
Links inside the copy point to index.html files; links to anything outside it (other
languages, downloads, open data) point to the online site. Each page says when the
copy was made, and the language menu and download links are left out."""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from babel.numbers import format_decimal
from markupsafe import Markup, escape

from ..data.config import load_site_config
from ..render.site_pages import offline_zip_name
from ..render.strings import Strings
from .mkdocs_facts import site_root_path

# Folders of the online site that the offline copy leaves out.
LEFT_OUT = (
    "pagefind/",
    "downloads/",
    "data/",
    "pdf/",
    "search/",
    "assets/javascripts/lunr/",
    "assets/javascripts/workers/",
)
LEFT_OUT_FILES = ("sitemap.xml", "sitemap.xml.gz", "feed.xml", "404.html")
A_Z_PAGE = "a-z/index.html"
SEARCH_PAGE = "search/index.html"

# An href or src attribute (after the white space that separates attributes).
URL_ATTRIBUTE = re.compile(r'(\s(?:href|src)=")([^"]*)"')
CONFIG_BASE = re.compile(r'(<script id="__config" type="application/json">\{[^<]*?"base":\s*")([^"]*)(")')
LANGUAGE_MENU_START = re.compile(r'<div class="md-header__option">\s*<div class="md-select">')
LANGUAGE_MENU_END = re.compile(r"</ul>\s*</div>\s*</div>\s*</div>")
DOWNLOAD_PARAGRAPH = re.compile(r'<p class="atlas-offline-download">.*?</p>', re.S)
ARTICLE_START = re.compile(r'(<article class="md-content__inner md-typeset"[^>]*>)')
EXTERNAL = ("http:", "https:", "mailto:", "tel:", "data:", "javascript:", "#", "//")


def build_outputs(files, site: Path) -> dict[str, Path]:
    """Site path -> the file holding it, for what one language's build wrote (`files`:
    that build's MkDocs file list): pages as rendered in the site folder, everything
    else from its source. The theme files at the site's root are written by every
    language's build, possibly at this very moment by another process."""
    outputs: dict[str, Path] = {}
    for file in files:
        if file.inclusion.is_excluded():
            continue
        rendered = file.is_documentation_page() or file.abs_src_path is None
        outputs[file.dest_uri] = site / file.dest_uri if rendered else Path(file.abs_src_path)
    return outputs


def copy_files(outputs: dict[str, Path], lang: str, languages: tuple[str, ...], default: str) -> dict[str, Path]:
    """Path inside the copy -> file holding it. The language's pages move to the root;
    theme files stay where they are; search, downloads, data and feeds stay out."""
    others = [other for other in languages if other != default]
    found: dict[str, Path] = {}
    for relative, path in sorted(outputs.items()):
        inside = _copy_path(relative, lang, default)
        if inside is None or relative.split("/", 1)[0] in others and lang == default:
            continue
        if inside.startswith(LEFT_OUT) or inside in LEFT_OUT_FILES or inside.endswith(".map"):
            continue
        found[inside] = path
    return found


def site_path_of(inside: str, lang: str, default: str) -> str:
    """Where a file of the copy lives on the online site."""
    if lang == default or inside.startswith("assets/"):
        return inside
    return f"{lang}/{inside}"


def online_url(site_url: str, site_path: str) -> str:
    return site_url.rstrip("/") + "/" + site_path.removesuffix("index.html")


def link_target(href: str, page_site_path: str, site_root: str) -> tuple[str, str] | None:
    """(site path, '#fragment' or '') of an internal link, or None for an external one.
    `site_root` is the path of the site's address ('/' or '/atlas/'); a query is dropped."""
    if not href or href.startswith(EXTERNAL):
        return None
    path, _, fragment = href.partition("#")
    path = path.partition("?")[0]
    if not path.startswith("/"):
        here = site_root + page_site_path
        if path == "":
            path = here
        else:
            folder = here[: here.rindex("/") + 1]
            directory = path.endswith("/") or path.rsplit("/", 1)[-1] in (".", "..")
            path = posixpath.normpath(folder + path)
            if path.startswith("//"):  # normpath keeps a leading '//'
                path = "/" + path.lstrip("/")
            if directory and not path.endswith("/"):
                path += "/"
    if not path.startswith(site_root):
        return None
    path = path[len(site_root) :]
    if path == "" or path.endswith("/"):
        path += "index.html"
    return path, ("#" + fragment if fragment else "")


def relative_path(target: str, folder: str) -> str:
    """posixpath.relpath(target, folder) for the copy's own normalised relative paths."""
    to, start = target.split("/"), folder.split("/") if folder else []
    same = 0
    while same < len(start) and same < len(to) - 1 and start[same] == to[same]:
        same += 1
    return "/".join([".."] * (len(start) - same) + to[same:])


def rewrite_links(
    html: str,
    inside: str,
    lang: str,
    default: str,
    site_url: str,
    in_copy: Callable[[str], bool],
    shared: dict | None = None,
) -> str:
    """Point every internal link of a page at a file of the copy, or at the online site.
    `shared` caches links that climb to the site's root (menus, theme files): they come
    out the same on every page at the same depth."""
    page_site_path = site_path_of(inside, lang, default)
    site_root = site_root_path(site_url)
    here = posixpath.dirname(inside)
    depth = page_site_path.count("/")
    to_root = "../" * depth
    shared = {} if shared is None else shared
    done: dict[str, str | None] = {}

    def new_href(href: str) -> str | None:
        target = link_target(href.replace("&amp;", "&"), page_site_path, site_root)
        if target is None:
            return None
        site_path, fragment = target
        copy_path = _copy_path(site_path, lang, default)
        if copy_path == SEARCH_PAGE:
            copy_path, fragment = A_Z_PAGE, ""
        if copy_path is not None and in_copy(copy_path):
            return relative_path(copy_path, here) + fragment
        return online_url(site_url, site_path) + fragment

    def new_attribute_value(href: str) -> str | None:
        if depth and href.startswith(to_root) and not href.startswith(to_root + ".."):
            key = (depth, href)
            if key not in shared:
                shared[key] = new_href(href)
            new = shared[key]
        else:
            new = new_href(href)
        return None if new is None else str(escape(new))

    def replace(match: re.Match) -> str:
        href = match.group(2)
        if href not in done:
            done[href] = new_attribute_value(href)
        new = done[href]
        return match.group(0) if new is None else f'{match.group(1)}{new}"'

    return URL_ATTRIBUTE.sub(replace, html)


def _copy_path(site_path: str, lang: str, default: str) -> str | None:
    """Where a file of the site goes in the language's copy (None: not in it). For the
    default language this keeps other languages' paths too: links to them are not in
    the copy, and copy_files leaves their folders out."""
    if site_path.startswith("assets/"):
        return site_path
    if lang == default:
        return site_path
    if site_path.startswith(f"{lang}/"):
        return site_path[len(lang) + 1 :]
    return None


def offline_page(html: str, inside: str, notice: Markup, up: str) -> str:
    """The page as the copy shows it: a dated notice on top, no language menu, no
    download link, and the theme's base path relative to the copy's root."""
    start = LANGUAGE_MENU_START.search(html)
    end = LANGUAGE_MENU_END.search(html, start.end()) if start else None
    if start and end:
        html = html[: start.start()] + html[end.end() :]
    html = DOWNLOAD_PARAGRAPH.sub("", html)
    html = CONFIG_BASE.sub(lambda m: m.group(1) + (up.rstrip("/") or ".") + m.group(3), html, count=1)
    return ARTICLE_START.sub(lambda m: m.group(1) + str(notice), html, count=1)


def notice_html(text: str, online_label: str, online_url: str) -> Markup:
    return Markup('<p class="atlas-fallback atlas-offline-notice">{0} <a href="{1}">{2}</a></p>').format(
        text, online_url, online_label
    )


def write_offline_copy(
    outputs: dict[str, Path],
    target: Path,
    lang: str,
    languages: tuple[str, ...],
    default: str,
    site_url: str,
    notice_text: str,
    online_label: str,
    stamp: tuple[int, int, int],
) -> int:
    """Write the ZIP for one language from its build's outputs; returns its size in bytes."""
    files = copy_files(outputs, lang, languages, default)
    folder = target.stem
    shared: dict = {}
    target.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for inside, path in files.items():
            data = path.read_bytes()
            if inside.endswith(".html"):
                depth = inside.count("/")
                page_url = online_url(site_url, site_path_of(inside, lang, default))
                html = rewrite_links(data.decode("utf-8"), inside, lang, default, site_url, files.__contains__, shared)
                html = offline_page(html, inside, notice_html(notice_text, online_label, page_url), "../" * depth)
                data = html.encode("utf-8")
            info = zipfile.ZipInfo(f"{folder}/{inside}", date_time=(*stamp, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return target.stat().st_size


def size_label(size: int, t: Strings) -> str:
    """A file size in the reader's units and number format (1,2 МБ; 781 КБ)."""
    if size >= 1_000_000:
        return t("units.mb", n=format_decimal(round(size / 1_000_000, 1), "0.0", locale=t.lang))
    return t("units.kb", n=format_decimal(max(1, round(size / 1000)), locale=t.lang))


ZIP_SIZE = '<span class="atlas-zip-size">…</span>'


def publish_offline_copy(
    site: Path, outputs: dict[str, Path], lang: str, languages: tuple[str, ...], site_url: str, made: date
) -> int:
    """Make the language's ZIP in /downloads/ (right after that language is built, from
    `outputs`, see build_outputs), then show its size on the language's pages that link
    to it. Returns the size in bytes."""
    config = load_site_config()
    default = languages[0]
    t = Strings(lang, config.default_language)
    size = write_offline_copy(
        outputs,
        site / "downloads" / offline_zip_name(lang),
        lang,
        languages,
        default,
        site_url,
        t("offline.banner", site=config.site_name(lang), date=t.date(made)),
        t("offline.online"),
        (made.year, made.month, made.day),
    )
    shown = f'<span class="atlas-zip-size">{size_label(size, t)}</span>'
    for relative, path in outputs.items():
        if relative.endswith(".html") and path == site / relative:
            text = path.read_text(encoding="utf-8")
            if ZIP_SIZE in text:
                path.write_text(text.replace(ZIP_SIZE, shown), encoding="utf-8")
    return size
