"""Small facts about the MkDocs build that the hooks need: language, inputs, edit links."""

from __future__ import annotations

import os
import posixpath
import re
from pathlib import Path
from urllib.parse import urlsplit

from ..data.config import ROOT
from ..data.prose import prose_path

WATCHED = ("data", "schema", "docs/countries")


def current_language(config) -> str:
    plugin = config.plugins.get("i18n") if hasattr(config, "plugins") else None
    lang = getattr(plugin, "current_language", None)
    return lang or config.theme["language"]


def only_locale(config) -> str | None:
    """The one language built when mkdocs-static-i18n's build_only_locale is set."""
    plugin = config.plugins.get("i18n") if hasattr(config, "plugins") else None
    return getattr(getattr(plugin, "config", None), "build_only_locale", None) or None


def output_prefix(config, lang: str, default: str) -> str:
    """The folder a language's pages go to: '' for the default language, and for a
    language built alone (it then takes the site's root)."""
    return "" if lang == default or only_locale(config) else lang


def built_languages(config, languages: tuple[str, ...]) -> tuple[str, ...]:
    """The languages in this build (`languages` lists all, the default first), the one
    at the site's root first."""
    alone = only_locale(config)
    return (alone,) if alone else languages


def fingerprint_inputs(root: Path = ROOT) -> tuple:
    """Changes whenever a data, schema or country text file changes (for caching)."""
    stamps = []
    for folder in WATCHED:
        base = root / folder
        for path in sorted(base.rglob("*")) if base.exists() else []:
            if path.is_file():
                stat = path.stat()
                stamps.append((str(path), stat.st_mtime_ns, stat.st_size))
    stamps.append(("ATLAS_TODAY", os.environ.get("ATLAS_TODAY", "")))
    return tuple(stamps)


def edit_url_for(page, dataset, lang: str) -> str | None:
    """The file that holds this page's text in `lang`, or GitHub's new-file form for it."""
    repo = dataset.config.repo_url
    branch = dataset.config.edit_branch
    if not repo or page.file is None:
        return None
    code = page.meta.get("country")
    if code:
        target = prose_path(Path("docs"), str(code), lang, dataset.config.default_language)
    else:
        src = Path(page.file.src_uri)
        stem = src.name.split(".")[0]
        name = stem + ("" if lang == dataset.config.default_language else f".{lang}") + ".md"
        target = Path("docs") / src.parent / name
    if (ROOT / target).exists():
        return f"{repo}/edit/{branch}/{target.as_posix()}"
    return f"{repo}/new/{branch}/{target.parent.as_posix()}?filename={target.name}"


GUIDE_FOLDERS = ("guides/", "about/")


def is_guide(page) -> bool:
    """Hand-written pages that cite sources and can be cited: guides and about pages."""
    return page.file is not None and page.file.src_uri.startswith(GUIDE_FOLDERS)


def page_path_of(page) -> str:
    """Language-independent path of a page: 'guides/first-hours.ru.md' -> 'guides/first-hours/'."""
    path = re.sub(r"(\.[a-z]{2})?\.md$", "", page.file.src_uri)
    if path == "index" or path.endswith("/index"):
        path = path[: -len("index")]
    return path + "/" if path and not path.endswith("/") else path


def site_root_path(site_url: str | None) -> str:
    """The path of the site's address, with a slash at both ends: '/' or '/atlas/'."""
    return urlsplit(site_url or "/").path.rstrip("/") + "/"


def page_folder(page) -> str:
    """The folder of a built page from the site's root: 'ru/countries/pl', '' for the home page."""
    return page.url.rstrip("/") if page.url.endswith("/") else posixpath.dirname(page.url)


def up_to_root(page) -> str:
    """The relative path from a page to its language's root: 'guides/x/' -> '../../'."""
    return "../" * page_path_of(page).count("/")


def menu_pages(nav: list, translations: dict | None = None, section: str = "") -> list[tuple[str, str, str]]:
    """(section, title, url) of every page in the menu (mkdocs.yml `nav`), titles in the
    reader's language (the i18n plugin's nav_translations)."""
    translations = translations or {}
    found = []
    for item in nav or []:
        for title, target in item.items() if isinstance(item, dict) else [("", item)]:
            shown = translations.get(title, title)
            if isinstance(target, list):
                found.extend(menu_pages(target, translations, shown))
            elif isinstance(target, str) and target.endswith(".md"):
                url = re.sub(r"(^|/)index\.md$", r"\1", target)
                url = re.sub(r"\.md$", "/", url)
                found.append((section, shown, url))
    return found


def nav_translations(config) -> dict:
    plugin = config.plugins.get("i18n") if hasattr(config, "plugins") else None
    language = getattr(plugin, "current_language_config", None)
    return dict(getattr(language, "nav_translations", None) or {})


def page_lags_behind(page, dataset) -> bool:
    """A translated hand-written page whose English original changed since translation."""
    from ..data.pages import page_translation_state

    src = Path(page.file.abs_src_path or "")
    match = re.match(r"^(.+)\.([a-z]{2})\.md$", src.name)
    if not match:
        return False
    english = src.with_name(match.group(1) + ".md")
    return english.exists() and page_translation_state(english, match.group(2)) == "behind"
