"""Print: clean A4 pages from Chromium, with the text intact."""

from __future__ import annotations

import os

import pytest
from pypdf import PdfReader

from atlas.tools.browser import browser, chromium_available, print_pdf, serve
from conftest import build_site, page_path

needs_chromium = pytest.mark.skipif(
    not chromium_available() and not os.environ.get("CI"), reason="chromium not installed (CI always has it)"
)


@needs_chromium
@pytest.mark.parametrize("lang,path", [("en", "countries/lt"), ("be", "countries/pl"), ("ru", "countries/am")])
def test_country_page_prints_to_clean_a4(site, dataset, tmp_path, lang, path):
    code = path.split("/")[-1].upper()
    from atlas.data.names import country_name

    with serve(site) as base, browser() as chromium:
        page = chromium.new_page()
        prefix = "" if lang == "en" else f"{lang}/"
        pdf = tmp_path / "page.pdf"
        print_pdf(page, f"{base}{prefix}{path}/", pdf)
    reader = PdfReader(str(pdf))
    pages = len(reader.pages)
    assert 1 <= pages <= 12, pages
    width, height = (float(v) for v in reader.pages[0].mediabox[2:])
    assert abs(width - 595) < 3 and abs(height - 842) < 3, "A4"
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert country_name(code, lang) in text
    country = dataset.countries[code]
    assert str(country["review"]["last_reviewed"])[:4] in text
    # sources survive, with their addresses printed
    first_source = next(
        iter(page_path(site, lang, path).read_text(encoding="utf-8").split('class="atlas-source-link"')[1:]), ""
    )
    assert "http" in text and first_source
    # no navigation chrome in print
    assert "Table of contents" not in text and "Змест" not in text


@needs_chromium
def test_pdf_links_appear_only_when_requested(project, tmp_path, dataset):
    plain = tmp_path / "plain"
    assert build_site(project, plain).returncode == 0
    assert "/pdf/" not in page_path(plain, "en", "countries/lt").read_text(encoding="utf-8")
    linked = tmp_path / "linked"
    assert build_site(project, linked, {"ATLAS_PDF_LINKS": "1", "ATLAS_COMMIT": "0123456789abcdef"}).returncode == 0
    html = page_path(linked, "ru", "countries/lt").read_text(encoding="utf-8")
    version = max(str(change["date"]) for change in dataset.countries["LT"]["changes"])
    assert f'href="../../../pdf/lt-ru-{version}-0123456.pdf"' in html


@needs_chromium
@pytest.mark.parametrize("lang", ["en", "ru", "be"])
def test_emergency_guide_instructions_fit_on_one_a4_page(site, tmp_path, lang):
    from bs4 import BeautifulSoup

    prefix = "" if lang == "en" else f"{lang}/"
    html = page_path(site, lang, "guides/detained").read_text(encoding="utf-8")
    soup = BeautifulSoup(html, "html.parser")
    headings = [h.get_text(" ", strip=True).rstrip("#").strip() for h in soup.select("article h2[id]")]
    instructions = [
        h
        for h, tag in zip(headings, soup.select("article h2[id]"), strict=True)
        if tag["id"] not in ("cite", "sources")
    ]
    with serve(site) as base, browser() as chromium:
        page = chromium.new_page()
        pdf = tmp_path / "detained.pdf"
        print_pdf(page, f"{base}{prefix}guides/detained/", pdf)
    first = " ".join(PdfReader(str(pdf)).pages[0].extract_text().split())
    for heading in instructions:
        assert " ".join(heading.split()) in first, f"'{heading}' is not on the first printed page"
