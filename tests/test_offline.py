"""The offline copy: one ZIP per language that works from file://, linked from the site."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

import pytest
from mkdocs.structure.files import File, Files, InclusionLevel

from atlas.render.site_pages import offline_zip_name
from atlas.site.offline import build_outputs, copy_files, link_target, rewrite_links
from atlas.tools.browser import browser
from conftest import LANGUAGES, PREFIX

SITE_URL = "https://atlas.example.org/"
URL = re.compile(r'\b(?:href|src)="([^"]+)"')
ALTERNATE_LINK = re.compile(r'<link[^>]*\brel="alternate"')


def rewritten(href: str, inside: str = "countries/pl/index.html", lang: str = "ru") -> str:
    html = rewrite_links(f'<a href="{href}">x</a>', inside, lang, "en", SITE_URL, IN_COPY.__contains__)
    return re.search(r'href="([^"]*)"', html).group(1)


IN_COPY = {"countries/pl/index.html", "guides/detained/index.html", "a-z/index.html", "assets/atlas.css", "index.html"}


def test_links_point_into_the_copy_or_to_the_online_site():
    # A Russian page sits one folder higher in its copy than on the site.
    assert rewritten("../../../assets/atlas.css") == "../../assets/atlas.css"
    assert rewritten("../../guides/detained/#call") == "../../guides/detained/index.html#call"
    assert rewritten("../../") == "../../index.html"
    assert rewritten("../../search/") == "../../a-z/index.html"
    assert rewritten("../../../countries/pl/") == "https://atlas.example.org/countries/pl/"
    assert rewritten("../../../data/countries.csv") == "https://atlas.example.org/data/countries.csv"
    for untouched in ("#sources", "https://www.interpol.int/", "mailto:someone@example.org"):
        assert rewritten(untouched) == untouched
    assert rewritten("../../countries/pl/", inside="guides/detained/index.html", lang="en") == (
        "../../countries/pl/index.html"
    )


def test_copy_holds_one_language_and_the_theme_but_no_search_index(tmp_path):
    names = (
        "index.html",
        "countries/pl/index.html",
        "ru/index.html",
        "ru/countries/pl/index.html",
        "assets/atlas.css",
        "assets/javascripts/bundle.js",
        "assets/javascripts/bundle.js.map",
        "assets/javascripts/lunr/min/lunr.ru.min.js",
        "pagefind/pagefind.js",
        "search/index.html",
        "ru/search/index.html",
        "sitemap.xml",
        "downloads/interpol-atlas-en.zip",
    )
    outputs = {name: tmp_path / name for name in names}
    assert sorted(copy_files(outputs, "ru", ("en", "ru", "be"), "en")) == [
        "assets/atlas.css",
        "assets/javascripts/bundle.js",
        "countries/pl/index.html",
        "index.html",
    ]
    assert "ru/index.html" not in copy_files(outputs, "en", ("en", "ru", "be"), "en")


def test_pages_come_from_the_site_and_theme_files_from_their_source(tmp_path):
    """Another language's build may be rewriting the theme files in the site folder."""
    docs, theme, site = tmp_path / "docs", tmp_path / "theme", tmp_path / "site"
    for folder, name in ((docs, "countries/pl.ru.md"), (theme, "assets/atlas.css"), (docs, "draft.md")):
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text("x")
    page = File("countries/pl.ru.md", str(docs), str(site), use_directory_urls=True)
    page.dest_uri = "ru/countries/pl/index.html"
    style = File("assets/atlas.css", str(theme), str(site), use_directory_urls=True)
    draft = File("draft.md", str(docs), str(site), use_directory_urls=True, inclusion=InclusionLevel.EXCLUDED)
    assert build_outputs(Files([page, style, draft]), site) == {
        "ru/countries/pl/index.html": site / "ru/countries/pl/index.html",
        "assets/atlas.css": theme / "assets/atlas.css",
    }


def test_links_are_resolved_as_a_browser_would():
    pages = ("index.html", "countries/pl/index.html", "ru/countries/pl/index.html", "guides/a/index.html")
    hrefs = (
        "",  # the page itself: left as it is
        "?q=1",
        ".",
        "..",
        "./",
        "../",
        "../../",
        "../../../../x/",
        "pl/",
        "../de/#a",
        "../de/?q=1#b",
        "x.css",
        "/ru/",
        "/countries/pl/",
        "./a/./b/../c/",
        "../../assets/a.css?v=2",
        "#top",
        "//other.org/x",
        "https://other.org/",
        "mailto:a@b.org",
    )
    for root in ("/", "/atlas/"):
        for page in pages:
            for href in hrefs:
                expected = None
                if href and not href.startswith(("#", "//", "https:", "mailto:")):
                    url = urlsplit(urljoin("http://site" + root + page, href))
                    if url.path.startswith(root):
                        path = url.path[len(root) :]
                        path += "index.html" if path == "" or path.endswith("/") else ""
                        expected = (path, "#" + url.fragment if url.fragment else "")
                assert link_target(href, page, root) == expected, (root, page, href)


@pytest.fixture(scope="module")
def copies(site, tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("offline")
    folders = {}
    for lang in LANGUAGES:
        with zipfile.ZipFile(site / "downloads" / offline_zip_name(lang)) as archive:
            archive.extractall(out)
        folders[lang] = out / Path(offline_zip_name(lang)).stem
    return folders


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_link_inside_a_copy_leads_to_a_file_of_that_copy(copies, lang):
    root = copies[lang]
    pages = list(root.rglob("*.html"))
    assert len(pages) > 60
    broken = []
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "atlas-offline-notice" in html, page
        assert 'class="md-select"' not in html and not ALTERNATE_LINK.search(html), page
        for href in URL.findall(html):
            if href.startswith(("http:", "https:", "mailto:", "tel:", "data:", "#")):
                continue
            target, _fragment = urldefrag(urljoin(page.as_uri(), href))
            path = Path(unquote(target.removeprefix("file://")))
            if not path.is_file():
                broken.append(f"{page.relative_to(root)}: {href}")
    assert not broken, broken[:20]


def test_the_site_links_to_each_copy_and_gives_its_size(site):
    for lang in LANGUAGES:
        home = (site / PREFIX[lang] / "index.html").read_text(encoding="utf-8")
        assert f"downloads/{offline_zip_name(lang)}" in home
        size = re.search(r'<span class="atlas-zip-size">([^<]*)</span>', home).group(1)
        # The reader's units and decimal sign: 1.2 MB in English, 1,2 МБ in ru and be.
        point, units = (".", {"KB": 1e3, "MB": 1e6}) if lang == "en" else (",", {"КБ": 1e3, "МБ": 1e6})
        shown = re.fullmatch(rf"(\d+(?:\{point}\d)?) ({'|'.join(units)})", size)
        assert shown, f"{lang}: {size}"
        actual = (site / "downloads" / offline_zip_name(lang)).stat().st_size
        value = float(shown.group(1).replace(",", ".")) * units[shown.group(2)]
        assert abs(value - actual) <= 0.06 * actual, f"{lang}: {size} for {actual} bytes"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_copy_works_from_file_urls_without_any_network_request(copies, lang):
    start = (copies[lang] / "index.html").as_uri()
    with browser() as chromium:
        context = chromium.new_context()
        page = context.new_page()
        requests, errors = [], []
        page.on("request", lambda r: requests.append(r.url))
        page.on("console", lambda m: errors.append(m.text) if m.type in ("error", "warning") else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(start, wait_until="load")
        assert page.evaluate("getComputedStyle(document.body).fontFamily")  # the theme's CSS loaded
        page.click('.md-content a[href$="countries/index.html"]')
        page.wait_for_load_state("load")
        assert page.url.endswith("/countries/index.html")
        page.locator('.md-content a[href="pl/index.html"]').first.click()
        page.wait_for_load_state("load")
        assert page.url.endswith("/countries/pl/index.html")
        assert page.locator(".atlas-offline-notice").count() == 1
        page.click("a.atlas-search-link")
        page.wait_for_load_state("networkidle")  # the filter's script loads after the first paint
        assert page.url.endswith("/a-z/index.html")
        page.fill("#atlas-az-query", page.locator('.atlas-az a[href$="countries/pl/index.html"]').inner_text()[:4])
        visible = page.locator(".atlas-az li:not([hidden])").all_inner_texts()
        assert 1 <= len(visible) < 5, visible
        context.close()
    assert all(url.startswith("file://") for url in requests), [u for u in requests if not u.startswith("file:")]
    assert not errors, errors


def test_the_downloads_folder_has_a_page_listing_every_copy(site):
    """A real host shows 404 at /downloads/ without one: a page in the three languages,
    each copy with its size and date, and a link that reaches the file."""
    from bs4 import BeautifulSoup

    page = site / "downloads" / "index.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    sections = {section["lang"]: section for section in soup.select("article section[lang]")}
    assert set(sections) == set(LANGUAGES)
    for lang, section in sections.items():
        link = section.select_one("a[download]")
        assert (page.parent / link["href"]).is_file(), link["href"]
        assert link["href"] == offline_zip_name(lang)
        text = section.get_text(" ")
        assert re.search(r"\d", text) and ("KB" in text or "КБ" in text or "MB" in text or "МБ" in text), text
        assert re.search(r"\b20\d\d\b", text), text
    assert 'name="robots"' not in page.read_text(encoding="utf-8")
