"""MkDocs hooks: thin wrappers around scripts/atlas.

- on_config: load and check every data and text file once; stop the build on any error.
- on_page_markdown: turn a country text file (front matter `country: XX`) into the full
  page in the language being built, and fill the countries index.
- on_page_context: point "edit this page" at the file that really holds the text.

mkdocs-static-i18n runs the whole build once per language, so these run once per
language too; they keep no state except the checked dataset.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from atlas.config import ROOT  # noqa: E402
from atlas.dataset import load_dataset  # noqa: E402
from atlas.docs_model import data_model_markdown  # noqa: E402
from atlas.export import write_exports  # noqa: E402
from atlas.feeds import atom_feed  # noqa: E402
from atlas.guides import paragraph_permalinks  # noqa: E402
from atlas.map import map_svg_for  # noqa: E402
from atlas.problems import errors, warnings  # noqa: E402
from atlas.render import Renderer, lagging_page, untranslated_page  # noqa: E402
from atlas.search import index_site, mark_search_regions  # noqa: E402
from atlas.security import add_security_meta  # noqa: E402
from atlas.site import (  # noqa: E402
    current_language,
    edit_url_for,
    fingerprint_inputs,
    is_guide,
    page_lags_behind,
    page_path_of,
)
from atlas.strings import Strings  # noqa: E402

log = logging.getLogger("mkdocs.hooks.countries")
INDEX_MARKER = "<!-- atlas:countries-index -->"
MODEL_MARKER = "<!-- atlas:data-model -->"
_cache: dict = {}
_renderers: dict = {}


def renderer_for(dataset, lang: str, site_name: str) -> Renderer:
    key = (id(dataset), lang, site_name)
    if key not in _renderers:
        if len(_renderers) > 8:  # `mkdocs serve` reloads the data: drop renderers of old data
            _renderers.clear()
        _renderers[key] = Renderer(dataset, lang, site_name)
    return _renderers[key]


def on_config(config):
    key = fingerprint_inputs()
    if _cache.get("key") != key:
        dataset, problems = load_dataset()
        if errors(problems):
            raise PluginError(
                "The data has problems; nothing was built.\n" + "\n".join(str(p) for p in sorted(problems))
            )
        archive = [p for p in warnings(problems) if p.field.endswith(".archived_url")]
        for problem in warnings(problems):
            if problem not in archive:
                log.info(str(problem))
        if archive:
            log.info(f"{len(archive)} sources have no archived copy (python scripts/validate.py lists them)")
        _cache.update(key=key, dataset=dataset)
    return config


def on_page_markdown(markdown, page, config, files):
    dataset = _cache["dataset"]
    lang = current_language(config)
    renderer = renderer_for(dataset, lang, config.site_name)
    code = page.meta.get("country")
    if code:
        code = str(code).upper()
        page.meta["title"] = renderer.country_name(code)
        return renderer.country_markdown(code)
    for marker, make in (
        ("<!-- atlas:risk-ranking -->", renderer.risk_ranking_markdown),
        ("<!-- atlas:legal-help -->", renderer.legal_help_markdown),
        ("<!-- atlas:publisher-contact -->", renderer.publisher_contact_markdown),
        ("<!-- atlas:translation-status -->", renderer.translation_status_markdown),
        ("<!-- atlas:data-files -->", renderer.data_files_markdown),
        ("<!-- atlas:search -->", renderer.search_markdown),
    ):
        if marker in markdown:
            markdown = markdown.replace(marker, make())
    if is_guide(page):
        markdown = renderer.guide_markdown(
            markdown,
            title=str(page.meta.get("title") or page.title or ""),
            page_path=page_path_of(page),
            source_file=f"docs/{page.file.src_uri}",
            updated=str(page.meta.get("updated") or ""),
        )
    if INDEX_MARKER in markdown:
        svg = map_svg_for(dataset, lang, href_prefix="", embed_style=False)
        markdown = markdown.replace(INDEX_MARKER, renderer.index_markdown(map_svg=svg))
    if MODEL_MARKER in markdown:
        markdown = markdown.replace(MODEL_MARKER, data_model_markdown())
    file_lang = getattr(page.file, "locale", None) or lang
    if file_lang != lang:
        return untranslated_page(markdown, renderer.t, file_lang)
    if lang != dataset.config.default_language and page_lags_behind(page, dataset):
        markdown = lagging_page(markdown, renderer.t)
    return markdown


def on_page_content(html, page, config, files):
    renderer = renderer_for(_cache["dataset"], current_language(config), config.site_name)
    html = renderer.restore_raw(html)
    if is_guide(page):
        t = Strings(current_language(config), _cache["dataset"].config.default_language)
        return paragraph_permalinks(html, t("paragraph_link"))
    return html


def on_post_page(output, page, config):
    return add_security_meta(mark_search_regions(output))


def on_post_build(config):
    dataset = _cache["dataset"]
    lang = current_language(config)
    title = Strings(lang, dataset.config.default_language)("feed.title")
    prefix = "" if lang == dataset.config.default_language else lang
    path = Path(config.site_dir) / prefix / "feed.xml"
    path.write_text(atom_feed(dataset, lang, config.site_name, title), encoding="utf-8")
    site = Path(config.site_dir)
    if lang == dataset.config.default_language:
        write_exports(dataset, site / "data", ROOT / "schema" / "export.schema.json")
    else:
        # Material's language selector looks for <language>/sitemap.xml: give it one, no 404.
        root_map = site / "sitemap.xml"
        if root_map.exists():
            (site / lang / "sitemap.xml").write_bytes(root_map.read_bytes())
    if lang == dataset.config.languages[-1] and os.environ.get("ATLAS_SEARCH_INDEX", "1") != "0":
        index_site(site)
    not_found = site / "404.html"
    if not_found.exists() and "Content-Security-Policy" not in not_found.read_text(encoding="utf-8"):
        not_found.write_text(add_security_meta(not_found.read_text(encoding="utf-8")), encoding="utf-8")


def on_page_context(context, page, config, nav):
    dataset = _cache["dataset"]
    lang = current_language(config)
    prefix = "" if lang == dataset.config.default_language else f"{lang}/"
    context["atlas_feed"] = prefix + "feed.xml"
    context["atlas_search"] = prefix + "search/"
    url = edit_url_for(page, dataset, lang)
    if url:
        page.edit_url = url
    return context
