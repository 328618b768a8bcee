"""Pages a lawyer can cite: stable anchors, a ready citation, dates, history, feeds."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup

from atlas.render.strings import Strings
from conftest import LANGUAGES, build_site, page_path

ATOM = "{http://www.w3.org/2005/Atom}"


def soup_of(path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_cite_box_has_plain_text_bibtex_version_and_permalink(site, dataset):
    for code in dataset.countries:
        for lang in LANGUAGES:
            soup = soup_of(page_path(site, lang, f"countries/{code.lower()}"))
            box = soup.select_one("#cite ~ .atlas-cite") or soup.select_one(".atlas-cite")
            plain = box.select_one("#cite-text").get_text()
            bibtex = box.select_one("#cite-bibtex").get_text()
            url = f"countries/{code.lower()}/"
            assert url in plain and url in bibtex
            assert re.search(r"@misc\{interpolatlas-[a-z]{2}-[a-z]{2},", bibtex)
            assert bibtex.count("{") == bibtex.count("}"), "balanced BibTeX braces"
            assert re.search(r"version = \{\d{4}-\d{2}-\d{2}( \([0-9a-f]{7}\))?\}", bibtex)
            assert re.search(r"urldate = \{\d{4}-\d{2}-\d{2}\}", bibtex)
            copy_buttons = box.select("button[data-atlas-copy]")
            assert len(copy_buttons) == 2 and all(b.has_attr("hidden") for b in copy_buttons), (
                "copy buttons only appear with JavaScript"
            )


def test_permalink_points_to_the_built_commit(project, tmp_path):
    out = tmp_path / "out"
    commit = "0123456789abcdef0123456789abcdef01234567"
    assert build_site(project, out, {"ATLAS_COMMIT": commit, "REPO_URL": "https://example.org/atlas"}).returncode == 0
    soup = soup_of(page_path(out, "be", "countries/lt"))
    links = [a["href"] for a in soup.select(".atlas-cite a")]
    assert f"https://example.org/atlas/blob/{commit}/docs/countries/lt.be.md" in links
    assert "0123456" in soup.select_one("#cite-text").get_text()


def test_review_dates_are_machine_readable(site, dataset):
    for code, country in dataset.countries.items():
        soup = soup_of(page_path(site, "ru", f"countries/{code.lower()}"))
        datetimes = {t["datetime"] for t in soup.select(".atlas-meta time")}
        assert {str(country["review"]["last_reviewed"]), str(country["review"]["next_review_due"])} <= datetimes


def dataset_review_due(project, code: str):
    import yaml

    countries = yaml.safe_load((project / "data/countries.yml").read_text(encoding="utf-8"))
    return countries[code]["review"]["next_review_due"]


def test_overdue_banner_appears_without_a_commit(project, tmp_path):
    out = tmp_path / "later"
    assert build_site(project, out, {"ATLAS_TODAY": "2027-06-01"}).returncode == 0
    soup = soup_of(page_path(out, "be", "countries/lt"))
    banner = soup.select_one(".atlas-overdue")
    assert banner is not None and "2027" in banner.get_text()
    # The day before Lithuania's review falls due: no banner yet, and no date in the data
    # lies in the future.
    due = dt.date.fromisoformat(str(dataset_review_due(project, "LT")))
    now = tmp_path / "now"
    assert build_site(project, now, {"ATLAS_TODAY": (due - dt.timedelta(days=1)).isoformat()}).returncode == 0
    assert soup_of(page_path(now, "be", "countries/lt")).select_one(".atlas-overdue") is None


def test_change_history_newest_first_with_repository_link(site, dataset):
    for code, country in dataset.countries.items():
        soup = soup_of(page_path(site, "en", f"countries/{code.lower()}"))
        dates = [t["datetime"] for t in soup.select(".atlas-history time")]
        assert dates == sorted(dates, reverse=True) == [str(c["date"]) for c in country.get("changes", [])]
        assert any("/commits/" in a["href"] for a in soup.select("#history ~ p a"))


def test_atom_feed_per_language(site, dataset):
    expected = sum(len(c.get("changes", [])) for c in dataset.countries.values())
    for lang in LANGUAGES:
        path = site / ("" if lang == "en" else lang) / "feed.xml"
        root = ET.fromstring(path.read_text(encoding="utf-8"))
        assert root.tag == f"{ATOM}feed"
        assert root.attrib["{http://www.w3.org/XML/1998/namespace}lang"] == lang
        entries = root.findall(f"{ATOM}entry")
        assert len(entries) == expected
        updated = [e.find(f"{ATOM}updated").text for e in entries]
        assert updated == sorted(updated, reverse=True)
        for entry in entries:
            href = entry.find(f"{ATOM}link").attrib["href"]
            assert re.search(r"countries/[a-z]{2}/#history$", href)
            base = "http://127.0.0.1:8000/" + ("" if lang == "en" else f"{lang}/")
            assert href.startswith(base + "countries/")
        # Linked where readers look for it; never as <link rel="alternate"> (see overrides/main.html).
        for linked_from in ("", "about/data"):
            soup = soup_of(page_path(site, lang, linked_from))
            link = soup.select_one('p.atlas-feed a[type="application/atom+xml"]')
            target = page_path(site, lang, linked_from).parent / link["href"]
            assert target.resolve() == path.resolve()
        assert not re.search(r'<link[^>]*\brel="alternate"', page_path(site, lang, "countries/lt").read_text("utf-8"))


def test_sources_are_numbered_typed_and_dated(site, dataset):
    soup = soup_of(page_path(site, "en", "countries/pl"))
    items = soup.select(".atlas-sources li")
    assert items and all(li["id"].startswith("source-") for li in items)
    for li in items:
        sid = li["id"].removeprefix("source-")
        source = dataset.sources[sid]
        text = li.get_text(" ")
        if source.get("published") == "undated":
            assert "undated" in text
        if source.get("mirror"):
            assert "mirror" in text
        if source.get("state_site"):
            assert li.select_one(".atlas-logged") is not None


def test_anchor_ids_are_stable_and_identical_across_languages_for_every_page(site):
    for en_page in sorted(site.glob("**/index.html")):
        relative = en_page.relative_to(site).as_posix()
        if relative.split("/")[0] in ("ru", "be", "downloads"):
            continue  # the languages' own copies; /downloads/ is one page for all languages
        ids = {lang: [] for lang in LANGUAGES}
        for lang in LANGUAGES:
            path = en_page if lang == "en" else site / lang / relative
            soup = soup_of(path)
            ids[lang] = [h["id"] for h in soup.select("article h2[id], article h3[id]")]
        if relative.startswith("guides/legal-help/"):
            # organisations are grouped by country, in each language's alphabetical order
            ids = {lang: sorted(value) for lang, value in ids.items()}
        assert ids["ru"] == ids["en"] == ids["be"], relative


@pytest.mark.parametrize("lang", ["en", "ru", "be"])
def test_the_page_script_writes_dates_as_the_build_does(lang):
    """atlas.js fills the reader's access date from Strings.date_template."""
    t = Strings(lang, "en")
    pattern, months = t.date_template()
    for day in (dt.date(2031, month, month * 2) for month in range(1, 13)):
        filled = pattern.replace("%(d)s", str(day.day)).replace("%(MMMM)s", months[day.month - 1])
        assert filled.replace("%(y)s", str(day.year)) == t.date(day.isoformat())
