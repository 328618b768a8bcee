"""One glossary per language, enforced, and search by the words people use: a reader who
searches for one of a term's words (or an inflected form of it) finds the pages that use
another, in the reader's language only, with the site's own Pagefind index."""

from __future__ import annotations

import os
import re
from urllib.parse import urlparse

import pytest
from bs4 import BeautifulSoup

from atlas.model.glossary import phrase_pattern, ruled_out_in, stem, words_of
from atlas.tools.browser import browser, chromium_available, serve
from conftest import LANGUAGES, PREFIX

pytestmark = pytest.mark.skipif(
    not chromium_available() and not os.environ.get("CI"), reason="chromium not installed (CI always has it)"
)


QUOTED = re.compile(r"«[^«»]*»|“[^“”]*”|\"[^\"]*\"")


def glossary(dataset) -> dict:
    return dataset.glossary


def visible_text(path, lang: str) -> str:
    """The article's own text in its language: without quotations, source titles and lists,
    code, text in another language, and the hidden search words."""
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("article")
    for node in article.select("cite, q, blockquote, code, pre, .atlas-sources, .atlas-search-words, .atlas-cite"):
        node.decompose()
    for node in article.find_all(attrs={"lang": True}):
        if node.get("lang") != lang:
            node.decompose()
    return " ".join(article.get_text(" ").split())


def pages(site, lang: str):
    root = site / PREFIX[lang] if PREFIX[lang] else site
    for path in sorted(root.rglob("index.html")):
        relative = path.relative_to(site).as_posix()
        if lang == "en" and relative.split("/")[0] in ("ru", "be"):
            continue
        if "/maintainers/" in f"/{relative}" or relative.endswith("search/index.html"):
            continue
        yield relative.removesuffix("index.html"), path


@pytest.fixture(scope="module")
def texts(site):
    return {lang: dict((url, visible_text(path, lang)) for url, path in pages(site, lang)) for lang in LANGUAGES}


def test_a_word_is_found_in_all_its_forms_and_no_other_word_is():
    assert phrase_pattern("экстрадыцыя").search("па запыце аб экстрадыцыі")
    assert phrase_pattern("затрыманне").search("пры затрыманні на мяжы")
    assert phrase_pattern("красное уведомление").search("о красных уведомлениях")
    assert phrase_pattern("Інтэрпала").search("у базе Інтэрпала")
    assert not phrase_pattern("Інтэрпала").search("у базе Інтэрпола")
    assert not phrase_pattern("выдача").search("выдатны юрыст")
    assert stem("суд") == "суд" and stem("CCF") == "ccf"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_page_uses_a_word_the_glossary_rules_out(dataset, texts, lang):
    used = []
    for url, text in texts[lang].items():
        if url.endswith("guides/glossary/"):
            continue  # the glossary names the ruled-out words to rule them out
        own = QUOTED.sub(" ", text)  # a quoted title or a word quoted to explain it is not our usage
        for term, word, found in ruled_out_in(own, glossary(dataset), lang):
            used.append(f"{url}: «{found}» (the glossary's #{term}: not «{word}»)")
    assert not used, "\n".join(used[:30])


def search_pairs(dataset, texts, lang):
    """(query, a page that uses another word of the same term but not this one) for every
    word of every term, and an inflected form of the query where the word has one."""
    pairs = []
    for term_id, languages in glossary(dataset).items():
        words = words_of(languages.get(lang, {"term": ""})) if lang in languages else []
        for word in words:
            others = [other for other in words if other != word]
            for url, text in texts[lang].items():
                if not phrase_pattern(word).search(text) and any(phrase_pattern(o).search(text) for o in others):
                    pairs.append((word, url, term_id))
                    break
    return pairs


INFLECTED = {
    "be": [("экстрадыцыі", "экстрадыцыя"), ("затрыманні", "затрыманне"), ("выдачы", "выдача")],
    "ru": [("экстрадиции", "экстрадиция"), ("красного уведомления", "красное уведомление"), ("выдачи", "выдача")],
    "en": [("extraditions", "extradition")],
}


@pytest.fixture(scope="module")
def search_page(site):
    with serve(site) as base, browser() as chromium:
        context = chromium.new_context()
        yield base, context
        context.close()


def search(page, query: str) -> list[str]:
    return page.evaluate(
        """async (query) => {
            const box = document.getElementById("atlas-search");
            const pagefind = await import(new URL(box.getAttribute("data-bundle") + "pagefind.js", location.href).href);
            const found = await pagefind.search(box.atlasProcessTerm(query));
            const data = await Promise.all(found.results.map((r) => r.data()));
            return data.map((d) => d.url);
        }""",
        query,
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_finds_a_term_by_any_of_its_words_and_forms(dataset, texts, search_page, lang):
    base, context = search_page
    page = context.new_page()
    page.goto(base + PREFIX[lang] + "search/", wait_until="networkidle")
    pairs = search_pairs(dataset, texts, lang)
    for query, word in INFLECTED[lang]:
        wanted = next(
            (url for url, text in texts[lang].items() if phrase_pattern(word).search(text) and query not in text), None
        )
        if wanted:
            pairs.append((query, wanted, word))
    if lang != "en":
        assert len(pairs) >= 10, pairs  # the glossary gives the test enough to try
    missed = []
    for query, wanted, term in pairs:
        found = [urlparse(url).path.lstrip("/") for url in search(page, query)]
        assert all(url.startswith(PREFIX[lang]) for url in found) and not (
            lang == "en" and any(url.startswith(("ru/", "be/")) for url in found)
        ), f"{query}: results outside the reader's language: {found[:5]}"
        if wanted not in found:
            missed.append(f"«{query}» ({term}) did not find {wanted} among {len(found)} results")
    page.close()
    assert not missed, "\n".join(missed)


def test_the_page_script_strips_the_same_endings_as_the_build(search_page):
    base, context = search_page
    page = context.new_page()
    page.goto(base + "be/search/", wait_until="networkidle")
    words = ["экстрадыцыі", "затрыманні", "Інтэрпола", "выдачы", "экстрадиции", "уведомлениями", "суд", "CCF"]
    script = "(words) => words.map((w) => document.getElementById('atlas-search').atlasProcessTerm(w))"
    shown = page.evaluate(script, words)
    page.close()
    assert [word.lower() for word in shown] == [stem(word) for word in words]
