"""The built site: every country in every language, same anchors, same facts."""

from __future__ import annotations

import re
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

from atlas.data.names import collation_key, country_name
from atlas.render.country import SECTIONS
from atlas.render.strings import Strings
from conftest import LANGUAGES, build_site, page_path

BASE = "http://127.0.0.1:8000/"


def soup_of(path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def heading_text(tag) -> str:
    return "".join(t for t in tag.find_all(string=True) if not t.find_parent(class_="headerlink")).strip()


def country_pages(dataset):
    return [(code, lang) for code in dataset.countries for lang in LANGUAGES]


def test_every_country_page_exists_with_anchors_and_localized_title(site, dataset):
    for code, lang in country_pages(dataset):
        page = page_path(site, lang, f"countries/{code.lower()}")
        assert page.exists(), page
        soup = soup_of(page)
        assert soup.html["lang"] == lang
        name = country_name(code, lang)
        assert heading_text(soup.h1) == name
        assert soup.title.get_text().startswith(name)
        ids = {tag["id"] for tag in soup.find_all(id=True)}
        missing = [s for s in SECTIONS if s not in ids]
        assert not missing, f"{code}/{lang} lacks anchors {missing}"


def test_country_names_come_from_cldr_with_documented_overrides():
    assert country_name("LT", "be") == "Літва"
    assert country_name("PL", "ru") == "Польша"
    assert country_name("KG", "ru") == "Кыргызстан"  # override: glossary usage
    assert country_name("AM", "be") == "Арменія"


def test_language_switcher_keeps_the_same_country(site, dataset):
    for code in dataset.countries:
        soup = soup_of(page_path(site, "be", f"countries/{code.lower()}"))
        here = f"{BASE}be/countries/{code.lower()}/"
        targets = {a["hreflang"]: urljoin(here, a["href"]) for a in soup.select("a.md-select__link[hreflang]")}
        assert targets["ru"] == f"{BASE}ru/countries/{code.lower()}/"
        assert targets["en"] == f"{BASE}countries/{code.lower()}/"


def facts_of(soup: BeautifulSoup) -> dict:
    """What a reader can rely on, independent of wording."""
    main = soup.select_one("article")
    return {
        "statuses": [" ".join(s["class"]) for s in main.select(".atlas-status")],
        "badges": [" ".join(s["class"]) for s in main.select(".atlas-badge")],
        "citations": [a["href"] for a in main.select("a.atlas-ref")],
        "sources": [li["id"] for li in main.select(".atlas-sources li")],
        "source_links": [a["href"] for a in main.select(".atlas-sources a")],
        "anchors": [t["id"] for t in main.find_all(id=True) if not t["id"].startswith("__")],
        "dates": [t["datetime"] for t in main.find_all("time")],
        "numbers": re.findall(r"\b\d{2,4}\b", " ".join(t.get_text() for t in main.select("td, dd"))),
    }


def test_facts_are_identical_across_languages(site, dataset):
    for code in dataset.countries:
        facts = {lang: facts_of(soup_of(page_path(site, lang, f"countries/{code.lower()}"))) for lang in LANGUAGES}
        for lang in LANGUAGES[1:]:
            for key, value in facts["en"].items():
                assert facts[lang][key] == value, f"{code}: {key} differs between en and {lang}"


def test_every_citation_points_to_a_listed_source(site, dataset):
    for code, lang in country_pages(dataset):
        soup = soup_of(page_path(site, lang, f"countries/{code.lower()}"))
        listed = {f"#{li['id']}" for li in soup.select(".atlas-sources li")}
        cited = {a["href"] for a in soup.select("a.atlas-ref")}
        assert cited and cited == listed, f"{code}/{lang}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_countries_index_lists_every_country_in_alphabetical_order(site, dataset, lang):
    soup = soup_of(page_path(site, lang, "countries"))
    names = [a.get_text(strip=True) for a in soup.select("table.atlas-overview tbody th a")]
    expected = sorted(
        (country_name(c, lang) for c in dataset.countries),
        key=lambda n: collation_key(n, Strings(lang).alphabet),
    )
    assert names == expected
    hrefs = [a["href"] for a in soup.select("table.atlas-overview tbody th a")]
    assert all(re.fullmatch(r"[a-z]{2}/", h) for h in hrefs)


def test_collation_follows_each_alphabet():
    be = Strings("be").alphabet
    words = [
        "Ўзбярэжжа",
        "Узбекістан",
        "Іран",
        "Індыя",
        "Эстонія",
        "Ёрданія",
        "Арменія",
    ]
    assert sorted(words, key=lambda w: collation_key(w, be)) == [
        "Арменія",
        "Ёрданія",
        "Індыя",
        "Іран",
        "Узбекістан",
        "Ўзбярэжжа",
        "Эстонія",
    ]
    ru = Strings("ru").alphabet
    assert sorted(["Эстония", "Ёж", "Ежевика", "Армения"], key=lambda w: collation_key(w, ru)) == [
        "Армения",
        "Ежевика",
        "Ёж",
        "Эстония",
    ]


def test_no_third_party_requests_in_html(site):
    for page in site.rglob("*.html"):
        soup = soup_of(page)
        for tag, attr in (
            ("script", "src"),
            ("link", "href"),
            ("img", "src"),
            ("iframe", "src"),
            ("source", "src"),
        ):
            for node in soup.find_all(tag):
                url = node.get(attr)
                if not url or (
                    tag == "link"
                    and "alternate" in (node.get("rel") or [])
                    or tag == "link"
                    and "canonical" in (node.get("rel") or [])
                ):
                    continue
                assert not re.match(r"^(https?:)?//", url), f"{page}: {tag} loads {url}"
        assert "fonts.googleapis" not in page.read_text(encoding="utf-8")


def test_404_page_speaks_all_three_languages(site):
    soup = soup_of(site / "404.html")
    langs = {p.get("lang") for p in soup.select("article p[lang]")}
    assert {"en", "ru", "be"} <= langs
    hrefs = {a["href"] for a in soup.select("article a")}
    assert {BASE, f"{BASE}ru/", f"{BASE}be/"} <= hrefs


def test_edit_links_point_to_the_text_file_of_that_language(site, dataset):
    from atlas.data.config import ROOT

    for code, lang in country_pages(dataset):
        soup = soup_of(page_path(site, lang, f"countries/{code.lower()}"))
        edit = soup.select_one("a.md-content__button[href*='/edit/'], a.md-content__button[href*='/new/']")
        assert edit is not None
        suffix = "" if lang == "en" else f".{lang}"
        name = f"{code.lower()}{suffix}.md"
        if (ROOT / "docs/countries" / name).exists():
            assert edit["href"].endswith(f"/edit/main/docs/countries/{name}")
        else:
            assert edit["href"].endswith(f"/new/main/docs/countries?filename={name}")


def test_missing_translation_falls_back_to_english_with_a_notice(project, tmp_path):
    for lang in ("ru", "be"):
        path = project / f"docs/countries/am.{lang}.md"
        if path.exists():
            path.unlink()
    out = tmp_path / "out"
    result = build_site(project, out)
    assert result.returncode == 0, result.stdout + result.stderr
    soup = soup_of(page_path(out, "be", "countries/am"))
    notice = soup.select_one(".atlas-fallback")
    assert notice is not None and "не перакладзены" in notice.get_text()
    assert all(div["lang"] == "en" for div in soup.select(".atlas-prose"))
    assert heading_text(soup.h1) == "Арменія"
    assert soup.select_one(".atlas-status").get_text() in {
        "Так",
        "Не",
        "Часткова",
        "Невядома",
    }


def test_site_url_setting_makes_absolute_links(project, tmp_path):
    out = tmp_path / "out"
    result = build_site(project, out, {"SITE_URL": "https://atlas.example.org/"})
    assert result.returncode == 0, result.stderr
    sitemap = (out / "sitemap.xml").read_text(encoding="utf-8")
    assert "https://atlas.example.org/be/countries/lt/" in sitemap
    assert "https://atlas.example.org/" in (out / "404.html").read_text(encoding="utf-8")


def test_a_lagging_translation_says_so(project, tmp_path):
    english = project / "docs/countries/lt.md"
    english.write_text(
        english.read_text(encoding="utf-8").replace("Vilnius airport.", "Vilnius airport (2017)."), "utf-8"
    )
    out = tmp_path / "out"
    assert build_site(project, out).returncode == 0
    assert page_path(out, "ru", "countries/lt").read_text(encoding="utf-8").count("atlas-behind") == 1
    assert "atlas-behind" not in page_path(out, "en", "countries/lt").read_text(encoding="utf-8")
    assert "atlas-behind" not in page_path(out, "ru", "countries/pl").read_text(encoding="utf-8")


def test_interface_strings_are_complete_in_every_language():
    from atlas.render.strings import flatten, load_strings

    def keys(lang):
        """The flat keys, with a counted string's plural forms (one, few, many, other: they
        differ by language and are checked in test_grammar.py) counted as one key."""
        plural = re.compile(r"\.(zero|one|two|few|many|other)$")
        return {plural.sub(".<plural>", key) for key in flatten(load_strings(lang))}

    english = keys("en")
    for lang in LANGUAGES[1:]:
        own = keys(lang)
        assert english - own == set(), f"{lang} lacks {sorted(english - own)}"
        assert own - english == set(), f"{lang} has unknown keys {sorted(own - english)}"


def test_facts_link_points_to_the_country_in_the_data_file(site, dataset):
    from atlas.data.config import ROOT

    lines = (ROOT / "data/countries.yml").read_text(encoding="utf-8").splitlines()
    for code in dataset.countries:
        soup = soup_of(page_path(site, "be", f"countries/{code.lower()}"))
        href = soup.select_one("a.atlas-edit-facts")["href"]
        assert "/blob/main/data/countries.yml#L" in href
        line = int(href.rsplit("#L", 1)[1])
        assert lines[line - 1].strip().strip('"').rstrip(":").strip('"') == code


def test_every_edit_link_points_to_an_existing_file_or_a_new_file_form(site):
    from urllib.parse import parse_qs, urlparse

    from atlas.data.config import ROOT

    for path in site.rglob("index.html"):
        soup = soup_of(path)
        edit = soup.select_one("a.md-content__button[rel='edit']")
        if edit is None:
            continue
        url = urlparse(edit["href"])
        if "/edit/main/" in url.path:
            target = url.path.split("/edit/main/", 1)[1]
            assert (ROOT / target).exists(), f"{path}: {edit['href']}"
        else:
            assert "/new/main/" in url.path, edit["href"]
            folder = url.path.split("/new/main/", 1)[1]
            name = parse_qs(url.query)["filename"][0]
            assert (ROOT / folder).is_dir() and not (ROOT / folder / name).exists()
            assert re.fullmatch(r"[a-z0-9-]+\.(ru|be)\.md", name), name


def test_no_page_title_repeats_the_site_name(site):
    """«Інтэрпол-атлас - Інтэрпол-атлас» on the home pages was the defect."""
    doubled = []
    for path in sorted(site.rglob("*.html")):
        match = re.search(r"<title>([^<]*)</title>", path.read_text(encoding="utf-8"))
        if match:
            parts = [part.strip() for part in re.split(r" - | · ", match.group(1))]
            if len(parts) != len(set(parts)):
                doubled.append(f"{path.relative_to(site)}: {match.group(1)}")
    assert not doubled, "\n".join(doubled[:10])


def test_no_template_comment_reaches_a_page(site):
    """The page templates' comments are {## … ##}: a {#- … -#} one would be printed."""
    pages = {path: path.read_text("utf-8") for path in site.rglob("*.html")}
    leaked = [str(path.relative_to(site)) for path, text in pages.items() if "{##" in text or "{#-" in text]
    assert not leaked, leaked[:10]
