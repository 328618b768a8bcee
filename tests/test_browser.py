"""In a real browser (Debian chromium via Playwright): private, quiet, accessible, usable on a phone."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from atlas.render.strings import Strings
from atlas.tools.browser import browser, chromium_available, serve
from atlas.tools.page_types import PAGE_TYPES
from conftest import ROOT, build_site

pytestmark = pytest.mark.skipif(
    not chromium_available() and not os.environ.get("CI"), reason="chromium not installed (CI always has it)"
)

LANG_PREFIX = {"en": "", "ru": "ru/", "be": "be/"}
AXE = ROOT / "node_modules/axe-core/axe.min.js"


@pytest.fixture(scope="module")
def running(site):
    with serve(site) as base, browser() as chromium:
        yield base, chromium


def visit(running, path, width=1280):
    base, chromium = running
    context = chromium.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    requests, errors = [], []
    page.on("request", lambda r: requests.append(r.url))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(base + path, wait_until="networkidle")
    return context, page, requests, errors


@pytest.mark.parametrize("lang", LANG_PREFIX)
@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_no_third_party_requests_no_cookies_no_console_errors(running, lang, kind):
    base, _ = running
    context, page, requests, errors = visit(running, LANG_PREFIX[lang] + PAGE_TYPES[kind])
    try:
        outside = [u for u in requests if not u.startswith(base) and not u.startswith("data:")]
        assert outside == [], f"requests left the site: {outside}"
        # A <link rel="alternate"> makes Material download and parse a sitemap on every page.
        assert not [u for u in requests if "sitemap.xml" in u], "the page made Material fetch a sitemap"
        assert context.cookies() == []
        assert errors == [], errors
        stored = page.evaluate("[Object.keys(localStorage), Object.keys(sessionStorage)]")
        assert stored == [[], []], f"the site stored {stored} in the browser"
    finally:
        context.close()


@pytest.mark.parametrize("lang", LANG_PREFIX)
def test_citation_shows_the_readers_own_access_date(running, lang):
    base, chromium = running
    context = chromium.new_context()
    page = context.new_page()
    try:
        page.clock.set_fixed_time(dt.datetime(2031, 3, 5, 12, 0))
        page.goto(base + LANG_PREFIX[lang] + "countries/pl/", wait_until="load")
        # The page's scripts load after its first paint.
        expect(page.locator('[data-atlas-accessed][data-atlas-style="iso"]').first).to_have_text("2031-03-05")
        shown = page.locator('[data-atlas-accessed][data-atlas-style="long"]').first.text_content()
        assert shown == Strings(lang, "en").date("2031-03-05")
    finally:
        context.close()


@pytest.mark.parametrize("lang", LANG_PREFIX)
def test_the_first_phone_screen_of_the_home_page_leads_to_help_when_detained(running, lang):
    """Someone stopped at a border needs the detained guide and a country's help at once,
    without a notice that the translation lags in front of them."""
    context, page, _requests, _errors = visit(running, LANG_PREFIX[lang], width=360)
    try:
        page.set_viewport_size({"width": 360, "height": 640})
        for target in ("guides/detained/", "guides/legal-help/#help-countries"):
            link = page.locator(f'article a[href$="{target}"]').first
            box = link.bounding_box()
            assert box and box["y"] + box["height"] <= 640, f"{target} is not on the first screen: {box}"
            assert link.evaluate("e => parseFloat(getComputedStyle(e).fontSize)") >= 16
        assert page.locator(".atlas-behind").count() == 0, "the home page opens with a translation-lag notice"
    finally:
        context.close()


@pytest.mark.parametrize("lang", LANG_PREFIX)
def test_the_sentences_to_say_are_the_largest_text_of_the_detained_guide(running, lang):
    """At least 16 px on screen and 11 pt on paper, and never smaller than the guide's text."""
    context, page, _requests, _errors = visit(running, LANG_PREFIX[lang] + "guides/detained/", width=360)
    try:
        size = "e => parseFloat(getComputedStyle(e).fontSize)"
        said = page.locator(".atlas-say li").first
        body = page.locator("article > p").first
        assert said.evaluate(size) >= 16 and said.evaluate(size) >= body.evaluate(size)
        page.emulate_media(media="print")
        assert said.evaluate(size) >= 11 * 96 / 72 - 0.01  # 11 pt in CSS pixels
    finally:
        context.close()


@pytest.mark.parametrize("lang", LANG_PREFIX)
def test_keyboard_users_can_skip_the_map_to_the_filters(running, lang):
    context, page, _requests, _errors = visit(running, LANG_PREFIX[lang] + "countries/")
    try:
        first = page.evaluate(
            """() => [...document.querySelectorAll('article a[href], article input, article button')]
                 .find(e => !e.closest('.headerlink, .md-content__button'))?.getAttribute('href')"""
        )
        assert first == "#atlas-filters", f"the first control of the page is {first}, not the skip link"
        page.focus(".atlas-skip-map a")
        assert page.locator(".atlas-skip-map a").is_visible()
        page.keyboard.press("Enter")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.closest('#atlas-filters') !== null")
    finally:
        context.close()


def test_every_country_page_offers_its_jump_menu_on_the_first_phone_screen(running, site):
    base, chromium = running
    context = chromium.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    late = []
    try:
        for path in [p for p in every_page(site) if re.fullmatch(r"((ru|be)/)?countries/[a-z]{2}/", p)]:
            page.goto(base + path, wait_until="load")
            links = page.locator(".atlas-page-jump a")
            targets = links.evaluate_all("els => els.map(e => e.getAttribute('href'))")
            box = page.locator(".atlas-page-jump").bounding_box()
            on_first_screen = box is not None and box["y"] + box["height"] <= 740
            code = path.rstrip("/").rsplit("/", 1)[-1]
            # "If detained" leads to the country's card where it has one, else to the detention answer.
            detained = f"../../detained/{code}/" if (site / "detained" / code).is_dir() else "#detention"
            if targets != ["#summary", detained, "#legal-help", "#sources"] or not on_first_screen:
                late.append(f"{path}: {targets} {box}")
            assert all(page.locator(t).count() == 1 for t in targets if t.startswith("#")), path
    finally:
        context.close()
    assert not late, "\n".join(late[:20])


def every_page(site) -> list[str]:
    """Every page of the built site, as a path from its root (all languages)."""
    folders = [path.parent for path in site.rglob("index.html") if path.parent != site]
    return sorted(folder.relative_to(site).as_posix() + "/" for folder in folders) + [""]


def test_no_page_scrolls_sideways_on_a_360_px_phone(running, site):
    """Every page, not a sample: one overflowing badge on six pages was missed before."""
    base, chromium = running
    context = chromium.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    wide = []
    try:
        for path in every_page(site):
            page.goto(base + path.removeprefix("./"), wait_until="load")
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > 360:
                culprits = page.evaluate(
                    """() => [...document.querySelectorAll('article *')]
                         .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)
                         .slice(0, 3)
                         .map(e => e.tagName + '.' + e.className + ' ' + e.textContent.trim().slice(0, 30))"""
                )
                wide.append(f"{path}: {width}px {culprits}")
    finally:
        context.close()
    assert len(every_page(site)) > 150
    assert not wide, "\n".join(wide)


@pytest.mark.parametrize("lang", LANG_PREFIX)
@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_no_horizontal_scrolling_at_360_px(running, lang, kind):
    context, page, _requests, _errors = visit(running, LANG_PREFIX[lang] + PAGE_TYPES[kind], width=360)
    try:
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, f"page is {width}px wide"
        small = page.evaluate(
            """() => [...document.querySelectorAll(
                   'article button, article label, .md-header a, .md-header button, .md-header label')]
                 .filter(e => e.offsetParent !== null && e.getBoundingClientRect().right > 0
                   && e.getBoundingClientRect().left < window.innerWidth)
                 .map(e => [e.textContent.trim().slice(0, 30), e.getBoundingClientRect()])
                 .filter(([t, r]) => r.width < 24 || r.height < 24)"""
        )
        assert small == [], f"tap targets smaller than 24px: {small}"
    finally:
        context.close()


def test_csp_and_referrer_policy_are_in_force(running):
    base, _ = running
    context, page, _requests, errors = visit(running, "be/countries/lt/")
    try:
        csp = page.get_attribute('meta[http-equiv="Content-Security-Policy"]', "content")
        assert "default-src 'none'" in csp and "script-src 'self' " in csp and "'sha256-" in csp
        assert "unsafe-inline" not in csp and "'unsafe-eval'" not in csp  # only 'wasm-unsafe-eval' for search
        assert page.get_attribute('meta[name="referrer"]', "content") == "no-referrer"
        blocked = page.evaluate(
            """() => new Promise(resolve => {
                 document.addEventListener('securitypolicyviolation', () => resolve(true));
                 const s = document.createElement('script'); s.textContent = 'window.__injected = 1';
                 document.head.appendChild(s);
                 setTimeout(() => resolve(window.__injected !== 1), 500);
               })"""
        )
        assert blocked, "an injected inline script must be refused"
        assert errors == [] or all("Content Security Policy" in e for e in errors)
        referrer = page.evaluate("document.referrer")
        assert referrer == ""
    finally:
        context.close()


WATCH_PAINT_AND_SCRIPTS = """
new PerformanceObserver(list => {
  for (const entry of list.getEntries())
    if (entry.name === 'first-contentful-paint') window.__paintedAt = entry.startTime;
}).observe({type: 'paint', buffered: true});
new PerformanceObserver(list => {
  for (const entry of list.getEntries())
    if (/bundle|atlas[.]js/.test(entry.name)) (window.__scriptsAt = window.__scriptsAt || []).push(entry.startTime);
}).observe({type: 'resource', buffered: true});
"""


@pytest.mark.parametrize("path", ["be/countries/pl/", "ru/countries/", "404.html"])
def test_theme_scripts_start_after_the_first_paint_and_still_work(running, path):
    base, chromium = running
    context = chromium.new_context(viewport={"width": 1280, "height": 700})
    page = context.new_page()
    try:
        page.add_init_script(WATCH_PAINT_AND_SCRIPTS)
        page.goto(base + path, wait_until="networkidle")
        assert page.locator("script[src]").count() >= 2, "the loader added the theme's scripts"
        painted, scripts = page.evaluate("[window.__paintedAt, window.__scriptsAt]")
        assert painted and scripts and len(scripts) == 2 and min(scripts) > painted, (painted, scripts)
        # Material started (its DOMContentLoaded handler ran): the header shows the page title once scrolled.
        assert page.evaluate("typeof window.component$") == "object"
        if path != "404.html":
            page.mouse.wheel(0, 3000)
            expect(page.locator("[data-md-component=header-title]")).to_have_class(
                re.compile("md-header__title--active")
            )
    finally:
        context.close()


def test_language_switcher_keeps_page_and_anchor(running):
    base, _ = running
    context, page, _requests, _errors = visit(running, "be/countries/lt/#detention")
    try:
        link = page.locator("a.md-select__link[hreflang='ru']")
        href = link.get_attribute("href")
        page.goto(base + "be/countries/lt/" + href + "#detention")
        assert page.url.endswith("/ru/countries/lt/#detention")
        assert page.locator("#detention").count() == 1
    finally:
        context.close()


@pytest.mark.parametrize("path", ["nowhere/", "ru/nowhere/", "be/countries/zz/", "404.html"])
def test_404_page_works_for_every_language(running, site, path):
    """The host shows 404.html at the missing address itself, however deep."""
    missing = path != "404.html"
    base, chromium = running
    context = chromium.new_context()
    page = context.new_page()
    errors, requests = [], []
    # (the browser reports the page's own 404 status as an error: that one is expected)
    page.on("console", lambda m: errors.append(m.location["url"]) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("response", lambda r: requests.append((r.status, r.url)))
    try:
        response = page.goto(base + path, wait_until="networkidle")
        assert response.status == (404 if missing else 200)
        texts = page.locator("article p[lang]").all_inner_texts()
        assert len(texts) == 3
        # The frame is in the three languages too: no navigation or search in one language,
        # and every text outside the article is marked with its language.
        assert page.locator(".md-sidebar, .md-nav, .md-search, .md-top").count() == 0
        frame = page.evaluate(
            """() => [...document.querySelectorAll("header, footer")].flatMap((part) =>
                 [...part.querySelectorAll("a, p, span")]
                   .filter((el) => el.children.length === 0 && el.textContent.trim())
                   .map((el) => [el.closest("[lang]").getAttribute("lang"), el.textContent.trim()]))"""
        )
        assert {lang for lang, _ in frame} == {"en", "ru", "be"}, frame
        assert all(lang != "en" or not re.search("[\u0400-\u04ff]", text) for lang, text in frame), frame
        for href in page.locator("article a").evaluate_all("els => els.map(e => e.getAttribute('href'))"):
            target = site / urlparse(href).path.lstrip("/") / "index.html"
            assert target.exists(), href
        # Its stylesheets, icon and scripts are found from any depth, and Material starts.
        assert [url for status, url in requests if status >= 400] == ([base + path] if missing else [])
        assert page.evaluate("typeof window.component$") == "object"
        assert errors == ([base + path] if missing else []), errors
        # Without an icon of its own, the browser would ask for /favicon.ico, which does not exist.
        icon = page.locator('link[rel="icon"]').get_attribute("href")
        assert (site / urlparse(icon).path.lstrip("/")).is_file(), icon
    finally:
        context.close()


def test_state_site_and_mirror_links_carry_a_warning(running):
    context, page, _r, _e = visit(running, "ru/countries/lt/")
    try:
        warnings = page.locator(".atlas-sources li:has(.atlas-logged)").count()
        assert warnings >= 2  # TASS (state site) and mirrors
        assert page.locator(".atlas-logged").first.is_visible()
    finally:
        context.close()


@pytest.mark.skipif(not AXE.exists() and not os.environ.get("CI"), reason="axe-core not installed (npm ci)")
@pytest.mark.parametrize("lang", LANG_PREFIX)
@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_axe_finds_no_wcag_22_aa_violations(running, lang, kind):
    context, page, _requests, _errors = visit(running, LANG_PREFIX[lang] + PAGE_TYPES[kind])
    try:
        page.evaluate(Path(AXE).read_text(encoding="utf-8"))
        result = page.evaluate(
            """() => axe.run(document, {runOnly: {type: 'tag',
                   values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}})
                 .then(r => r.violations.map(v =>
                   [v.id, v.nodes.length, v.nodes.slice(0, 3).map(n => n.target.join(' '))]))"""
        )
        assert result == [], result
    finally:
        context.close()


def test_overview_filters_work_without_javascript_and_sorting_with_it(running):
    base, chromium = running
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(base + "be/countries/")
        visible = "rows => rows.filter(r => r.offsetParent !== null).map(r => r.dataset.code)"
        everything = page.locator("table.atlas-overview tbody tr").evaluate_all(visible)
        page.click("label[for='f-region-caucasus']")
        caucasus = page.locator("table.atlas-overview tbody tr").evaluate_all(visible)
        assert set(caucasus) == {"AM", "AZ", "GE"} and len(everything) > len(caucasus)
        page.click("label[for='f-region-all']")
        page.click("label[for='f-risk-very-high']")
        very_high = page.locator("table.atlas-overview tbody tr").evaluate_all(visible)
        assert very_high and all(
            page.get_attribute(f"tr[data-code='{c}']", "data-risk") == "very-high" for c in very_high
        )
    finally:
        context.close()
    context, page, _r, errors = visit(running, "ru/countries/")
    try:
        page.click("table.atlas-overview thead th[data-sort='risk'] button")
        orders = page.locator("table.atlas-overview tbody tr").evaluate_all(
            "rows => rows.map(r => +r.dataset.riskOrder)"
        )
        assert orders == sorted(orders)
        assert errors == []
    finally:
        context.close()


@pytest.mark.parametrize(
    "lang,query,expect",
    [
        ("be", "Арменіі", "countries/am/"),  # a Belarusian word form (genitive)
        ("ru", "Армении", "countries/am/"),  # a Russian word form (prepositional)
        ("ru", "задержания", "guides/detained/"),
        ("en", "detained", "guides/detained/"),
    ],
)
def test_search_finds_pages_in_the_readers_language_only(running, lang, query, expect):
    base, _ = running
    context, page, requests, errors = visit(running, LANG_PREFIX[lang] + "search/")
    try:
        box = page.locator("#atlas-search input")
        box.fill(query)
        box.press("End")
        page.wait_for_selector(".pagefind-ui__result-link", timeout=10000)
        links = page.locator(".pagefind-ui__result-link").evaluate_all("els => els.map(e => e.href)")
        assert links, "no results"
        prefix = base + LANG_PREFIX[lang]
        assert all(link.startswith(prefix) for link in links), links
        if lang == "en":
            assert not any(link.startswith((base + "ru/", base + "be/")) for link in links)
        assert any(expect in link for link in links), links
        assert errors == [], errors
        transferred = sum(1 for u in requests if "/pagefind/" in u)
        assert transferred > 0
    finally:
        context.close()


PROJECT_PATH = "interpol-atlas/"  # a GitHub Pages project site lives under its repository's name


@pytest.fixture(scope="module")
def under_a_path(running, tmp_path_factory):
    """The real site built for, and served under, a sub-path of its host."""
    _, chromium = running
    root = tmp_path_factory.mktemp("host")
    site_url = "http://127.0.0.1:1/" + PROJECT_PATH  # the port does not matter: links are relative or path-only
    result = build_site(ROOT, root / PROJECT_PATH, {"SITE_URL": site_url, "ATLAS_OFFLINE": "0"})
    assert result.returncode == 0, result.stdout + result.stderr
    with serve(root) as host:
        yield host + PROJECT_PATH, chromium


@pytest.mark.parametrize("path", ["", "be/countries/pl/", "ru/guides/detained/", "be/countries/zz/"])
def test_the_site_works_under_a_sub_path(under_a_path, path):
    """Nothing may reach for the host's root: every file comes from under the site's path,
    Material starts, and the 404 page works at a missing address inside the site."""
    base, chromium = under_a_path
    context = chromium.new_context()
    page = context.new_page()
    responses, errors = [], []
    page.on("response", lambda r: responses.append((r.status, r.url)))
    page.on("console", lambda m: errors.append(m.location["url"]) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto(base + path, wait_until="networkidle")
        assert all(url.startswith(base) for _, url in responses), responses
        failed = [url for status, url in responses if status >= 400]
        expected = [base + path] if path.endswith("zz/") else []
        assert failed == expected and errors == expected, (failed, errors)
        assert page.evaluate("typeof window.component$") == "object"
        for href in page.locator("article a[href^='/']").evaluate_all("els => els.map(e => e.getAttribute('href'))"):
            assert href.startswith("/" + PROJECT_PATH), href
    finally:
        context.close()


def test_search_works_under_a_sub_path(under_a_path):
    base, chromium = under_a_path
    context = chromium.new_context()
    page = context.new_page()
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    try:
        page.goto(base + "be/search/", wait_until="networkidle")
        page.locator("#atlas-search input").fill("экстрадыцыя")
        page.wait_for_selector(".pagefind-ui__result-link", timeout=10000)
        links = page.locator(".pagefind-ui__result-link").evaluate_all("els => els.map(e => e.href)")
        assert links and all(link.startswith(base + "be/") for link in links), links
        assert [u for u in requests if "/pagefind/" in u] and all(u.startswith(base) for u in requests), requests
        page.goto(links[0], wait_until="load")
        assert page.title()
    finally:
        context.close()


@pytest.mark.parametrize("forced_colors", ["none", "active"])
def test_repository_icon_is_drawn_in_normal_and_high_contrast_modes(running, forced_colors):
    """The icon is a CSS mask (atlas.css), painted in a colour that differs from the header's."""
    base, chromium = running
    context = chromium.new_context(forced_colors=forced_colors)
    page = context.new_page()
    try:
        page.goto(base + "be/countries/pl/", wait_until="load")
        icon, header = page.evaluate(
            """() => {
                 const s = getComputedStyle(document.querySelector('.md-header .md-source__icon'), '::before');
                 return [[s.width, s.maskImage || s.webkitMaskImage, s.backgroundColor],
                         getComputedStyle(document.querySelector('.md-header')).backgroundColor];
               }"""
        )
        width, mask, colour = icon
        assert width == "24px" and mask.startswith('url("data:image/svg+xml'), icon
        assert colour != header, (colour, header)
    finally:
        context.close()
