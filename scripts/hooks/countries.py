"""MkDocs hooks: thin wrappers around scripts/atlas.

- on_config: load and check every data and text file once; stop the build on any error.
- on_page_markdown: turn a country text file (front matter `country: XX`) or a card page
  (`detained: XX`) into the full page in the language being built, and fill the markers.
- on_env: share compiled theme templates between the language builds.
- on_files: on `mkdocs build`, fork the further languages' builds (atlas/parallel.py).
- on_page_context: point "edit this page" at the file that really holds the text.
- on_post_build: the language's feed, the open data, and its offline copy.

mkdocs-static-i18n runs the whole build once per language, so these run once per
language too; they keep no state except the checked dataset and the file list of the
language being built.
"""

from __future__ import annotations

import functools
import logging
import os
import sys
from pathlib import Path

import mkdocs_static_i18n.plugin as i18n_plugin_module
from mkdocs.exceptions import PluginError
from mkdocs.structure.toc import get_toc

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from atlas.data.config import ROOT  # noqa: E402
from atlas.data.problems import errors, warnings  # noqa: E402
from atlas.model.dataset import load_dataset  # noqa: E402
from atlas.render.docs_model import data_model_markdown  # noqa: E402
from atlas.render.guides import lagging_page, paragraph_permalinks, untranslated_page  # noqa: E402
from atlas.render.map import map_svg_for  # noqa: E402
from atlas.render.renderer import Renderer  # noqa: E402
from atlas.render.strings import Strings  # noqa: E402
from atlas.render.templates_cache import SHARED as TEMPLATE_BYTECODE  # noqa: E402
from atlas.render.toc import anchor_ids, headings, toc_tokens  # noqa: E402
from atlas.site.build_run import current_run, start_run  # noqa: E402
from atlas.site.export import write_exports  # noqa: E402
from atlas.site.feeds import atom_feed  # noqa: E402
from atlas.site.mkdocs_facts import (  # noqa: E402
    built_languages,
    current_language,
    edit_url_for,
    fingerprint_inputs,
    is_guide,
    menu_pages,
    nav_translations,
    output_prefix,
    page_folder,
    page_lags_behind,
    page_path_of,
    site_root_path,
    up_to_root,
)
from atlas.site.offline import build_outputs, publish_offline_copy  # noqa: E402
from atlas.site.parallel import LanguageForks, available_cpus, worker_count  # noqa: E402
from atlas.site.script_loading import load_scripts_after_paint  # noqa: E402
from atlas.site.search import add_search_words, mark_search_regions  # noqa: E402
from atlas.site.security import add_security_meta, policy_applies  # noqa: E402
from atlas.site.whitespace import collapse_whitespace  # noqa: E402

log = logging.getLogger("mkdocs.hooks.countries")
INDEX_MARKER = "<!-- atlas:countries-index -->"
MODEL_MARKER = "<!-- atlas:data-model -->"
A_Z_MARKER = "<!-- atlas:a-z -->"
OFFLINE_MARKER = "<!-- atlas:offline-download -->"
FEED_MARKER = "<!-- atlas:feed -->"
_cache: dict = {}
_renderers: dict = {}


def renderer_for(dataset, lang: str, site_name: str) -> Renderer:
    key = (id(dataset), lang, site_name)
    if key not in _renderers:
        if len(_renderers) > 8:  # `mkdocs serve` reloads the data: drop renderers of old data
            _renderers.clear()
        _renderers[key] = Renderer(dataset, lang, site_name)
    return _renderers[key]


def on_startup(command, dirty):
    start_run(command)


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


def on_files(files, config):
    start_language_forks(config)
    return files


def start_language_forks(config) -> None:
    """On `mkdocs build`, build the further languages in parallel (atlas/parallel.py):
    forked here, in the default language's build, once the site folder is clean."""
    i18n = config.plugins.get("i18n")
    run = current_run()
    if i18n is None or i18n.building or run.forks is not None:
        return
    further = built_languages(config, _cache["dataset"].config.languages)[1:]
    if further and worker_count(run.command, os.environ, available_cpus(), hasattr(os, "fork")) > 1:
        run.forks = LanguageForks(i18n, i18n_plugin_module).start(config, further)


def on_env(env, config, files):
    env.bytecode_cache = TEMPLATE_BYTECODE
    _cache["files"] = files  # this language's file list, for its offline copy
    return env


def on_page_markdown(markdown, page, config, files):
    dataset = _cache["dataset"]
    lang = current_language(config)
    renderer = renderer_for(dataset, lang, config.site_name)
    # Pages made from the data (front matter `country: XX` or `detained: XX`) are finished
    # HTML: skip MkDocs' Markdown pass for them (a quarter of the build).
    for key, title, html in (
        ("country", renderer.country_name, renderer.country_html),
        ("detained", renderer.card_title, renderer.card_html),
    ):
        if page.meta.get(key):
            code = str(page.meta[key]).upper()
            page.meta["title"] = title(code)
            finished = html(code)
            page.render = functools.partial(render_finished_html, page, finished)
            return finished
    for marker, make in (
        ("<!-- atlas:risk-ranking -->", renderer.risk_ranking_markdown),
        ("<!-- atlas:risk-rule -->", renderer.risk_rule_markdown),
        ("<!-- atlas:legal-help -->", renderer.legal_help_markdown),
        ("<!-- atlas:publisher-contact -->", renderer.publisher_contact_markdown),
        ("<!-- atlas:translation-status -->", renderer.translation_status_markdown),
        ("<!-- atlas:data-files -->", renderer.data_files_markdown),
        ("<!-- atlas:search -->", renderer.search_markdown),
        ("<!-- atlas:cards-status -->", renderer.cards_status_markdown),
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
    if A_Z_MARKER in markdown:
        pages = [entry for entry in menu_pages(config.nav, nav_translations(config)) if entry[2] != "a-z/"]
        markdown = markdown.replace(A_Z_MARKER, renderer.a_z_markdown(pages, up_to_root(page)))
    if FEED_MARKER in markdown:
        markdown = markdown.replace(FEED_MARKER, renderer.feed_link_markdown(up_to_root(page)))
    if OFFLINE_MARKER in markdown:
        # The ZIP files sit at the site's root, above the language folders.
        up = up_to_root(page) + ("../" if output_prefix(config, lang, dataset.config.default_language) else "")
        markdown = markdown.replace(OFFLINE_MARKER, renderer.offline_download_markdown(up))
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


def render_finished_html(page, html, config, files):
    """Stands in for Page.render on pages the hook rendered itself: the same results
    (content, table of contents) without a Markdown pass; on_page_content adds the anchors."""
    page.content = html
    page.toc = get_toc(toc_tokens(headings(html)))
    page.links_to_anchors = {}


def on_page_content(html, page, config, files):
    renderer = renderer_for(_cache["dataset"], current_language(config), config.site_name)
    html = renderer.restore_raw(html)
    # Anchors inside finished HTML are real anchors: let MkDocs check links to them.
    page.present_anchor_ids = (page.present_anchor_ids or set()) | anchor_ids(html)
    if is_guide(page):
        return paragraph_permalinks(html, renderer.t("paragraph_link"))
    return html


def lean_page(html: str, folder: str, config) -> str:
    """A finished page with its scripts started after the first paint and no indentation."""
    return collapse_whitespace(load_scripts_after_paint(html, folder, site_root_path(config.site_url)))


def on_post_page(output, page, config):
    searchable = add_search_words(mark_search_regions(output), _cache["dataset"].glossary, current_language(config))
    html = lean_page(searchable, page_folder(page), config)
    return add_security_meta(html) if policy_applies(current_run().command) else html


def on_post_build(config):
    dataset = _cache["dataset"]
    lang = current_language(config)
    default = dataset.config.default_language
    site = Path(config.site_dir)
    title = Strings(lang, default)("feed.title")
    folder = site / output_prefix(config, lang, default)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "feed.xml").write_text(atom_feed(dataset, lang, config.site_name, title), encoding="utf-8")
    if lang == default:
        write_exports(dataset, site / "data", ROOT / "schema" / "export.schema.json")
    if os.environ.get("ATLAS_OFFLINE", "1") != "0":
        languages = built_languages(config, dataset.config.languages)
        outputs = build_outputs(_cache["files"], site)
        publish_offline_copy(site, outputs, lang, languages, config.site_url or "/", dataset.today)


def on_post_template(output, template_name, config):
    if template_name != "404.html":
        return output
    output = lean_page(output, "", config)
    i18n = config.plugins.get("i18n")
    if i18n is None or not i18n.building:
        # The default language's 404 page; the other languages' builds overwrite the file.
        current_run().root_404 = output
    return output


def on_page_context(context, page, config, nav):
    dataset = _cache["dataset"]
    lang = current_language(config)
    prefix = output_prefix(config, lang, dataset.config.default_language)
    prefix = f"{prefix}/" if prefix else ""
    context["atlas_search"] = prefix + "search/"
    url = edit_url_for(page, dataset, lang)
    if url:
        page.edit_url = url
    return context
