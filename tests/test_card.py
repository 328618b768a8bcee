"""The "if you are detained here" card of every deep country, in every language: present
and linked from the country page, its quoted texts marked with their language and equal
to the data, its tap-to-call links only for numbers printed in a cited source, no labelled
organisation in what to say, large type, one A4 page, and in the offline copy."""

from __future__ import annotations

import io
import re
import subprocess
import zipfile

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from atlas.render.card import SAY, contact_href
from atlas.render.site_pages import offline_zip_name
from atlas.render.strings import Strings
from atlas.tools.browser import browser, serve
from conftest import LANGUAGES, PREFIX


def deep_codes(dataset) -> list[str]:
    return sorted(code for code, country in dataset.countries.items() if country.get("profile") == "deep")


def card(site, lang: str, code: str) -> BeautifulSoup:
    path = site / PREFIX[lang] / "detained" / code.lower() / "index.html"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_every_deep_country_has_its_card_in_every_language_and_no_other_country_has_one(site, dataset):
    for lang in LANGUAGES:
        folder = site / PREFIX[lang] / "detained"
        built = {path.parent.name.upper() for path in folder.glob("*/index.html")}
        assert built == set(deep_codes(dataset)), lang


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_country_page_links_its_card_high_up(site, dataset, lang):
    for code in deep_codes(dataset):
        page = BeautifulSoup(
            (site / PREFIX[lang] / "countries" / code.lower() / "index.html").read_text("utf-8"), "html.parser"
        )
        target = f"../../detained/{code.lower()}/"
        assert page.select_one(f'.atlas-page-jump a[href="{target}"]'), code
        assert page.select_one(f'.atlas-card-link a[href="{target}"]'), code


@pytest.mark.parametrize("lang", LANGUAGES)
def test_what_to_say_is_in_the_readers_language_and_in_english_side_by_side(site, dataset, lang):
    english = Strings("en")
    mine = Strings(lang)
    for code in deep_codes(dataset):
        rows = card(site, lang, code).select("table.atlas-say tbody tr")
        assert len(rows) == len(SAY), code
        for row, key in zip(rows, SAY, strict=True):
            cells = row.find_all("td")
            assert cells[0].get_text() == mine(f"card.say.{key}")
            if lang != "en":
                assert cells[1].get("lang") == "en" and cells[1].get_text() == english(f"card.say.{key}")


def test_no_organisation_belarus_labels_extremist_is_named_in_what_to_say(site, dataset):
    labelled = [org for org in dataset.organisations.values() if org["belarus_label"] == "extremist"]
    names = {n for org in labelled for n in [org["name"], org.get("name_en"), *org.get("names", {}).values()] if n}
    assert names, "the data names labelled organisations"
    for lang in LANGUAGES:
        for code in deep_codes(dataset):
            said = card(site, lang, code).select_one("table.atlas-say").get_text(" ")
            assert not [name for name in names if name.lower() in said.lower()], (lang, code)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_tap_to_call_and_mail_links_are_the_sourced_contacts_of_the_countrys_organisations(site, dataset, lang):
    for code in deep_codes(dataset):
        country = dataset.countries[code]
        printed = {}
        for org_id in country.get("legal_help", []):
            for contact in dataset.organisations[org_id].get("contacts", []):
                assert contact.get("sources"), f"{org_id}: a contact without a source"
                printed[contact["value"]] = contact
        links = card(site, lang, code).select('a[href^="tel:"], a[href^="mailto:"]')
        for link in links:
            shown = link.get_text()
            assert shown in printed, f"{code}: {shown} is not a contact in the data"
            assert link["href"] == contact_href(printed[shown]["kind"], shown)
            digits = re.sub(r"\D", "", shown)
            if link["href"].startswith("tel:"):
                assert re.sub(r"\D", "", link["href"]) == digits, f"{code}: {link['href']} dials other digits"
        linkable = [c for c in printed.values() if contact_href(c["kind"], c["value"])]
        assert len(links) == len(linkable), code


def test_a_number_with_a_bracketed_trunk_zero_is_shown_but_not_linked():
    assert contact_href("phone", "+995 (0322) 185 123") == ""
    assert contact_href("phone", "800 012 948") == "tel:800012948"
    assert contact_href("phone", "+420 730 158 781") == "tel:+420730158781"
    assert contact_href("email", "legal@redcross.lt") == "mailto:legal@redcross.lt"
    assert contact_href("address", "Kalvarijų g. 125, Vilnius") == ""


@pytest.mark.parametrize("lang", LANGUAGES)
def test_official_texts_are_quoted_word_for_word_and_marked_with_their_language(site, dataset, lang):
    for code in deep_codes(dataset):
        page = card(site, lang, code)
        texts = dataset.rights_texts.get(code, [])
        quotes = page.select(".atlas-official blockquote")
        assert len(quotes) == len(texts), code
        for quote, text in zip(quotes, texts, strict=True):
            assert quote.get("lang") == text["lang"], f"{code}: {text['id']}"
            assert " ".join(quote.get_text().split()) == " ".join(text["text"].split()), f"{code}: {text['id']}"
            about = quote.find_previous_sibling("p")
            assert text["about"][lang] in about.get_text(), f"{code}: {text['id']}"
        if not texts:
            assert Strings(lang)("card.official_none") in page.get_text(" ")


def test_every_card_is_in_the_offline_copy_of_its_language(site, dataset):
    for lang in LANGUAGES:
        with zipfile.ZipFile(site / "downloads" / offline_zip_name(lang)) as archive:
            names = set(archive.namelist())
        for code in deep_codes(dataset):
            assert any(name.endswith(f"detained/{code.lower()}/index.html") for name in names), (lang, code)


@pytest.fixture(scope="module")
def printed(site, dataset):
    """Every card as the browser prints it on A4, and its type sizes on screen and on paper."""
    results = {}
    with serve(site) as base, browser() as chromium:
        context = chromium.new_context(viewport={"width": 360, "height": 800})
        page = context.new_page()
        size = "els => els.map(e => parseFloat(getComputedStyle(e).fontSize))"
        chosen = ".atlas-card table.atlas-say td, .atlas-card .atlas-contact, .atlas-card blockquote p"
        for lang in LANGUAGES:
            for code in deep_codes(dataset):
                page.goto(f"{base}{PREFIX[lang]}detained/{code.lower()}/", wait_until="load")
                screen = page.locator(chosen).evaluate_all(size)
                page.emulate_media(media="print")
                paper = page.locator(chosen).evaluate_all(size)
                pdf = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=True)))
                fonts = {
                    str(font.get_object().get("/BaseFont"))
                    for sheet in pdf.pages
                    for font in (sheet.get("/Resources", {}).get("/Font", {}) or {}).values()
                }
                page.emulate_media(media="screen")
                results[(lang, code)] = (screen, paper, len(pdf.pages), fonts)
        context.close()
    return results


def test_every_card_prints_on_one_a4_page(printed):
    longer = {key: pages for key, (_s, _p, pages, _f) in printed.items() if pages != 1}
    assert not longer, longer


def test_the_card_is_at_least_16_px_on_screen_and_11_pt_on_paper(printed):
    small = {}
    for key, (screen, paper, _pages, _fonts) in printed.items():
        assert screen, key
        if min(screen) < 16 or min(paper) < 11 * 96 / 72 - 0.01:
            small[key] = (min(screen), min(paper))
    assert not small, small


def fonts_for(lang: str) -> set[str]:
    """The installed font families that cover a language's script (fontconfig)."""
    listed = subprocess.run(["fc-list", f":lang={lang}", "family"], capture_output=True, text=True, check=False).stdout
    return {name.replace(" ", "") for line in listed.splitlines() for name in line.split(",") if name}


def test_quotations_in_armenian_georgian_or_arabic_print_with_a_font_that_has_the_script(printed, dataset):
    """Debian's fonts (Noto is installed with the browser): no web font, and no empty boxes."""
    checked = 0
    for (lang, code), (_screen, _paper, _pages, fonts) in printed.items():
        for text in dataset.rights_texts.get(code, []):
            if text["lang"] in ("hy", "ka", "ar"):
                covering = fonts_for(text["lang"])
                assert covering, f"no installed font covers {text['lang']}"
                assert any(family in font for font in fonts for family in covering), (lang, code, sorted(fonts))
                checked += 1
    assert checked, "no quotation in these scripts to check"
