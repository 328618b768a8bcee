"""How the site is built: finished HTML for country pages, languages built in parallel,
one sitemap, and no broken internal link or anchor anywhere in the output."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin

from bs4 import BeautifulSoup

from atlas.render.markup import passage_html
from atlas.render.toc import anchor_ids, headings, toc_tokens
from atlas.site.parallel import worker_count
from atlas.site.script_loading import load_scripts_after_paint
from atlas.site.search import mark_search_regions
from atlas.site.sitemap import built_pages, sitemap_xml
from atlas.site.whitespace import collapse_whitespace
from conftest import LANGUAGES, build_site, page_path

HREF = re.compile(r'\b(?:href|src)="([^"]+)"')
SKIP = ("http:", "https:", "mailto:", "tel:", "data:", "javascript:")


def test_headings_nest_into_a_table_of_contents_like_markdowns():
    html = (
        '<h1 id="country">Poland<a class="headerlink" href="#country">#</a></h1>'
        '<h2 id="a">A &amp; B<a class="headerlink" href="#a">#</a></h2>'
        '<h3 id="a1">A1<a class="headerlink" href="#a1">#</a></h3>'
        '<h2 id="b">B<a class="headerlink" href="#b">#</a></h2>'
        '<h3 id="no-link">not a section</h3>'
    )
    tokens = toc_tokens(headings(html))
    assert [t["id"] for t in tokens] == ["country"]
    sections = tokens[0]["children"]
    assert [(s["id"], s["name"]) for s in sections] == [("a", "A &amp; B"), ("b", "B")]
    assert [c["id"] for c in sections[0]["children"]] == ["a1"]
    assert {"country", "a", "a1", "b", "no-link"} <= anchor_ids(html)


def test_volunteer_passages_become_markdown_html_without_their_html():
    html = passage_html("First *point*.\n\n- one\n- two\n\n<script>alert(1)</script>")
    assert "<em>point</em>" in html and "<li>one</li>" in html
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_languages_are_built_in_parallel_only_by_mkdocs_build_on_several_cores():
    assert worker_count("build", {}, 2, True) == 2
    assert worker_count("build", {"ATLAS_PARALLEL": "0"}, 2, True) == 1
    assert worker_count("serve", {}, 4, True) == 1
    assert worker_count("build", {}, 4, False) == 1
    assert worker_count("build", {}, 1, True) == 1


def test_sitemap_lists_each_page_with_the_translations_that_exist(tmp_path):
    for path in ("", "countries/pl/", "ru/", "ru/countries/pl/", "be/", "guides/only-english/"):
        (tmp_path / path).mkdir(parents=True, exist_ok=True)
        (tmp_path / path / "index.html").write_text("<html></html>")
    pages = built_pages(tmp_path, ("en", "ru", "be"), "en")
    assert pages == {
        "en": {"", "countries/pl/", "guides/only-english/"},
        "ru": {"", "countries/pl/"},
        "be": {""},
    }
    xml = sitemap_xml(pages, ("en", "ru", "be"), "en", "https://example.org/")
    entry = xml.split("<loc>https://example.org/ru/countries/pl/</loc>")[1].split("</url>")[0]
    assert 'hreflang="en" href="https://example.org/countries/pl/"' in entry
    assert 'hreflang="ru" href="https://example.org/ru/countries/pl/"' in entry
    assert 'hreflang="be"' not in entry


def test_country_pages_keep_their_table_of_contents(site, dataset):
    for lang in LANGUAGES:
        soup = BeautifulSoup(page_path(site, lang, "countries/pl").read_text(encoding="utf-8"), "html.parser")
        toc = soup.select_one("nav.md-nav--secondary")
        links = [a["href"] for a in toc.select("a.md-nav__link")]
        assert links[:3] == ["#summary", "#special-procedure", "#detention"], lang
        assert "#sources" in links and any(link.startswith("#case-") for link in links), lang


def test_every_internal_link_and_anchor_in_the_built_site_resolves(site):
    ids: dict[Path, set[str]] = {}

    def ids_of(path: Path) -> set[str]:
        if path not in ids:
            ids[path] = anchor_ids(path.read_text(encoding="utf-8")) | {""}
        return ids[path]

    broken = []
    for page in site.rglob("*.html"):
        if "pagefind" in page.parts:
            continue
        base = "http://site/" + page.relative_to(site).as_posix()
        for href in HREF.findall(page.read_text(encoding="utf-8")):
            href = href.replace("&amp;", "&")
            if href.startswith(SKIP) or href.startswith("#") and href[1:] in ids_of(page):
                continue
            url, fragment = urldefrag(urljoin(base, href))
            if not url.startswith("http://site/"):
                continue
            target = site / unquote(url[len("http://site/") :])
            if target.is_dir() or url.endswith("/"):
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(site)}: {href} (no such file)")
            elif fragment and target.suffix == ".html" and fragment not in ids_of(target):
                broken.append(f"{page.relative_to(site)}: {href} (no such anchor)")
    assert not broken, "\n".join(sorted(set(broken))[:40])


def test_parallel_and_sequential_builds_write_the_same_site(project, tmp_path):
    parallel, sequential = tmp_path / "parallel", tmp_path / "sequential"
    for out, setting in ((parallel, "1"), (sequential, "0")):
        result = build_site(project, out, {"ATLAS_PARALLEL": setting, "ATLAS_SEARCH_INDEX": "0"})
        assert result.returncode == 0, result.stderr
    files = sorted(p.relative_to(sequential) for p in sequential.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(parallel) for p in parallel.rglob("*") if p.is_file())
    different = [str(f) for f in files if (parallel / f).read_bytes() != (sequential / f).read_bytes()]
    assert not different, different[:10]
    assert '<html lang="en"' in (parallel / "404.html").read_text(encoding="utf-8")


def test_a_problem_in_a_language_built_in_another_process_fails_the_build(project, tmp_path):
    russian = project / "docs/about/index.ru.md"
    russian.write_text(russian.read_text(encoding="utf-8") + "\n\n[x](no-such-page.md)\n", encoding="utf-8")
    result = build_site(project, tmp_path / "out", {"ATLAS_SEARCH_INDEX": "0"})
    assert result.returncode != 0
    assert "no-such-page.md" in result.stdout + result.stderr


def test_theme_scripts_become_one_loader_that_lists_them_from_the_site_root():
    html = (
        '<html><body><p>x</p><script src="../../assets/javascripts/bundle.js"></script>\n'
        '<script src="../../assets/atlas.js"></script></body></html>'
    )
    out = load_scripts_after_paint(html, "ru/countries")
    assert out.count("<script") == 1
    assert out.endswith(
        '<script src="../../assets/atlas-loader.js" data-atlas-scripts="assets/javascripts/bundle.js assets/atlas.js"'
        " async></script></body></html>"
    )
    home = load_scripts_after_paint(html.replace("../../", ""), "")
    assert '<script src="assets/atlas-loader.js" data-atlas-scripts="assets/javascripts/bundle.js' in home
    # The 404 page is shown at any address: it reaches the loader from the site's root.
    absolute = load_scripts_after_paint(html.replace("../../", "/atlas/"), "", "/atlas/")
    assert '<script src="/atlas/assets/atlas-loader.js" data-atlas-scripts="assets/javascripts/bundle.js' in absolute
    elsewhere = html.replace("../../assets/atlas.js", "https://example.org/x.js")
    assert load_scripts_after_paint(elsewhere, "ru/countries") == elsewhere


SPACING_SAMPLE = """<!doctype html>
<html>
  <body>
    <nav class="md-nav"
         aria-label="Two
         lines">
      <a title="a > b" href="#x">
        Link   text
      </a> <span>next</span>
    </nav>
    <pre><code>keep
    this   indentation
</code></pre>
    <p>inline <code>a  \n  b</code> and <script>var s = "two\n   lines";</script></p>
    <textarea>
  kept</textarea>
  </body>
</html>
"""


def visible_text(html: str) -> str:
    return " ".join(BeautifulSoup(html, "html.parser").get_text().split())


def test_indentation_goes_but_nothing_shown_or_kept_changes():
    out = collapse_whitespace(SPACING_SAMPLE)
    assert len(out) < len(SPACING_SAMPLE) and ">\n " not in out.split("<pre>")[0]
    assert visible_text(out) == visible_text(SPACING_SAMPLE)
    before, after = BeautifulSoup(SPACING_SAMPLE, "html.parser"), BeautifulSoup(out, "html.parser")
    for name in ("pre", "code", "script", "textarea"):
        assert [e.decode() for e in before.find_all(name)] == [e.decode() for e in after.find_all(name)], name
    assert after.nav["aria-label"] == before.nav["aria-label"]  # attribute values are not touched
    assert after.a["title"] == "a > b" and after.a.get_text() == "\nLink   text\n"
    assert "</a> <span>" in out  # a run without a line break is left alone
    assert collapse_whitespace(out) == out


def test_built_pages_carry_no_indentation_outside_preformatted_text(site):
    for path in ("index.html", "be/countries/pl/index.html", "ru/guides/detained/index.html", "404.html"):
        html = (site / path).read_text(encoding="utf-8")
        assert collapse_whitespace(html) == html, path
        assert "\n  <" not in re.sub(r"<pre\b.*?</pre>", "", html, flags=re.S), path


def test_every_built_page_loads_the_theme_scripts_after_its_first_paint(site):
    checked = 0
    for page in [*site.rglob("*.html")]:
        if "pagefind" in page.parts:
            continue
        html = page.read_text(encoding="utf-8")
        if "</body>" not in html:
            continue
        tags = BeautifulSoup(html, "html.parser").find_all("script", src=True)
        assert len(tags) == 1, page
        loader = tags[0]
        assert loader.has_attr("async"), page
        src = loader["src"]
        target = site / src.lstrip("/") if src.startswith("/") else (page.parent / src).resolve()
        assert target == (site / "assets/atlas-loader.js").resolve(), (page, src)
        names = loader["data-atlas-scripts"].split()
        assert names[-1] == "assets/atlas.js" and all((site / name).is_file() for name in names), page
        checked += 1
    assert checked > 100


def test_the_local_preview_lets_live_reload_run_and_the_built_site_keeps_its_policy(project, site):
    """`mkdocs serve` injects an inline live-reload script that no hash could allow."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", ATLAS_LANG="en", ATLAS_SEARCH_INDEX="0", ATLAS_OFFLINE="0")
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline, html = time.time() + 120, ""
        while time.time() < deadline and not html:
            try:
                html = urllib.request.urlopen(f"http://127.0.0.1:{port}/countries/pl/", timeout=2).read().decode()
            except OSError:
                time.sleep(0.5)
        assert "livereload" in html
        assert "Content-Security-Policy" not in html
    finally:
        server.terminate()
        server.wait(timeout=10)
    assert "Content-Security-Policy" in page_path(site, "en", "countries/pl").read_text(encoding="utf-8")


def test_notices_sources_and_citations_are_left_out_of_the_search_index():
    html = (
        '<article class="md-content__inner md-typeset"><p class="atlas-fallback">Not translated.</p>'
        '<p class="atlas-fallback atlas-behind">Behind.</p><p>Text.</p>'
        '<ol class="atlas-sources"><li>Source</li></ol></article>'
    )
    soup = BeautifulSoup(mark_search_regions(html), "html.parser")
    assert soup.article.has_attr("data-pagefind-body")
    ignored = [tag.get_text() for tag in soup.find_all(attrs={"data-pagefind-ignore": True})]
    assert ignored == ["Not translated.", "Behind.", "Source"]
    assert [p["class"] for p in soup.find_all("p", class_="atlas-fallback")] == [
        ["atlas-fallback"],
        ["atlas-fallback", "atlas-behind"],
    ]
