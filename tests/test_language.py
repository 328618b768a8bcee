"""Every page reads in its declared language: no untranslated English left in
Russian or Belarusian pages (English fallbacks are marked lang="en" and exempt),
and an offline detector tells be, ru and uk apart."""

from __future__ import annotations

import re
from functools import lru_cache

import pytest
from bs4 import BeautifulSoup

from conftest import LANGUAGES

LATIN = re.compile(r"[A-Za-z]")
CYRILLIC = re.compile(r"[\u0400-\u04FF]")
# Names and addresses that stay in their own language and script: code, contacts, an
# organisation's or a publisher's name, the addresses of sources, the citation box. Source
# titles are not exempt: a title in another language carries its own lang attribute.
EXEMPT = (
    "pre, code, .atlas-contact, .headerlink, .atlas-pilcrow, .atlas-org strong, .atlas-publisher, "
    ".atlas-sources a, .md-content__button, .atlas-cite"
)


@lru_cache(maxsize=1)
def detector():
    from lingua import Language, LanguageDetectorBuilder

    languages = [Language.ENGLISH, Language.RUSSIAN, Language.BELARUSIAN, Language.UKRAINIAN, Language.POLISH]
    return LanguageDetectorBuilder.from_languages(*languages).build()


def iso(language) -> str:
    return language.iso_code_639_1.name.lower()


def readable_text(path, lang: str) -> tuple[str, list[str]]:
    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("article")
    for node in article.select(EXEMPT):
        node.decompose()
    for node in article.find_all(attrs={"lang": True}):
        if node.get("lang") != lang:
            node.decompose()
    blocks = [" ".join(node.get_text(" ").split()) for node in article.select("p, li, dd, td, th, h1, h2, h3")]
    return " ".join(article.get_text(" ").split()), blocks


def content_pages(site):
    pages = []
    for lang in LANGUAGES:
        root = site if lang == "en" else site / lang
        for path in sorted(root.rglob("index.html")):
            relative = path.relative_to(site).as_posix()
            if lang == "en" and relative.split("/")[0] in ("ru", "be"):
                continue
            pages.append((lang, path))
    return pages


def test_no_untranslated_english_in_ru_and_be_pages(site):
    offenders = []
    for lang, path in content_pages(site):
        if lang == "en":
            continue
        _text, blocks = readable_text(path, lang)
        for block in blocks:
            words = re.findall(r"[^\W\d_]{2,}", block)
            latin = sum(1 for w in words if LATIN.match(w))
            if len(words) >= 6 and latin / len(words) > 0.6:
                offenders.append(f"{path.relative_to(site)}: {block[:100]}")
    assert not offenders, 'English text without lang="en" on a ru/be page:\n' + "\n".join(offenders[:30])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_page_is_detected_as_its_language(site, lang):
    wrong = []
    for page_lang, path in content_pages(site):
        if page_lang != lang:
            continue
        text, _blocks = readable_text(path, lang)
        letters = CYRILLIC if lang != "en" else LATIN
        if len(letters.findall(text)) < 200:
            continue  # too little own text to judge (e.g. a page that is all English fallback)
        detected = detector().detect_language_of(text)
        if detected is None or iso(detected) != lang:
            wrong.append(f"{path.relative_to(site)}: {detected}")
    assert not wrong, "\n".join(wrong)


def test_detector_tells_belarusian_russian_and_ukrainian_apart():
    samples = {
        "be": "Калі вас затрымалі, адразу папрасіце адваката і перакладчыка і скажыце, што баіцеся пераследу.",
        "ru": "Если вас задержали, сразу попросите адвоката и переводчика и скажите, что боитесь преследования.",
        "uk": "Якщо вас затримали, одразу попросіть адвоката та перекладача і скажіть, що боїтеся переслідування.",
    }
    for lang, text in samples.items():
        assert iso(detector().detect_language_of(text)) == lang


@pytest.mark.parametrize("lang", ["ru", "be"])
def test_the_readers_navigation_lists_only_pages_written_in_its_language(site, lang):
    """Pages shown in English (the maintainers' pages) stay out of the ru/be navigation."""
    root = site / lang
    fallback = {
        path.parent.relative_to(root).as_posix()
        for path in root.rglob("index.html")
        if 'class="atlas-fallback"' in path.read_text(encoding="utf-8")
    }
    assert fallback, "expected some pages shown in English (maintainers)"
    wrong = set()
    for path in sorted(root.rglob("index.html")):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for link in soup.select("nav.md-nav--primary a.md-nav__link[href]"):
            target = (path.parent / link["href"].split("#")[0]).resolve()
            relative = target.relative_to(root.resolve()).as_posix() if target.is_relative_to(root.resolve()) else None
            if relative in fallback:
                wrong.add(f"{path.relative_to(site)} → {link['href']}")
    assert not wrong, "\n".join(sorted(wrong)[:20])


def test_untitled_sources_show_their_description_once_in_brackets(site):
    doubled = []
    for _lang, path in content_pages(site):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for cite in soup.select(".atlas-sources cite"):
            text = cite.get_text()
            if text.startswith("[[") or text.endswith("]]"):
                doubled.append(f"{path.relative_to(site)}: {text[:80]}")
    assert not doubled, "\n".join(doubled[:10])
