"""Corrections from the independent fact check of December 2026.

Each test reads the data or the page source and fails on the text as it was before the
correction. The research behind each item is in ../shared/research/recent-2025-2026.md
(items R-1…R-51 and the table of stale claims).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
LANGS = ("en", "ru", "be")
CORRECTION_DATE = dt.date(2026, 12, 4)


def load(name: str) -> dict:
    return yaml.safe_load((ROOT / "data" / name).read_text(encoding="utf-8"))


COUNTRIES = load("countries.yml")
SOURCES = load("sources.yml")


def page(folder: str, stem: str, lang: str) -> str:
    suffix = "" if lang == "en" else f".{lang}"
    return (DOCS / folder / f"{stem}{suffix}.md").read_text(encoding="utf-8")


def case(code: str, case_id: str) -> dict:
    matches = [c for c in COUNTRIES[code].get("cases", []) if c["id"] == case_id]
    assert len(matches) == 1, f"{code}: expected one case {case_id}"
    return matches[0]


def front_matter(text: str) -> dict:
    match = re.match(r"^---\n(.*?\n)---\n", text, re.S)
    assert match, "no front matter"
    return yaml.safe_load(match.group(1))


# 1. Lithuania: the 1992 treaty, confirmed in force on 27 November 2025 ----------------


def test_lt_treaty_confirmed_on_27_november_2025():
    treaty = next(t for t in COUNTRIES["LT"]["treaties"] if t["id"] == "lt-by-legal-assistance-1992")
    assert treaty["status"] == "in-force"
    assert treaty["as_of"] == dt.date(2025, 11, 27)
    for source in (
        "lt-tv3-2025-11-27-ruginiene-treaty",
        "lt-lrytas-2025-11-27-ruginiene-trucks",
        "lt-kaunodiena-2025-11-27-treaty-courts",
        "lt-klaipedadiena-2025-11-27-minister-treaty",
    ):
        assert source in treaty["sources"]
        assert SOURCES[source]["published"] == dt.date(2025, 11, 27)


@pytest.mark.parametrize(
    ("lang", "date", "article", "only_basis"),
    [
        ("en", "27 November 2025", "Article 9", "only legal basis"),
        ("ru", "27 ноября 2025", "Статья 9", "единственное правовое основание"),
        ("be", "27 лістапада 2025", "Артыкул 9", "адзіная прававая падстава"),
    ],
)
def test_lt_page_explains_the_treaty_as_the_only_basis(lang, date, article, only_basis):
    text = page("countries", "lt", lang)
    assert date in text
    assert article in text
    assert only_basis in text


# 2. Serbia: Interpol's deletion of Gnyot's notice is his own account -----------------

OLD_DELETION_AS_FACT = {
    ("countries", "rs", "en"): "EU. Interpol deleted the notice during the case",
    ("countries", "rs", "ru"): "  Интерпол удалил уведомление ещё во время дела",
    ("countries", "rs", "be"): "  Інтэрпол выдаліў паведамленне яшчэ падчас справы",
    ("guides", "interpol-and-cis", "en"): "Interpol deleted the notice in 2024 for breaching Articles 2 and 3, by",
    ("guides", "interpol-and-cis", "ru"): "; Интерпол удалил циркуляр в 2024 году",
    ("guides", "interpol-and-cis", "be"): "; Інтэрпол выдаліў цыркуляр у 2024 годзе",
}
ATTRIBUTION = {"en": "According to Gnyot", "ru": "По словам Гнёта", "be": "Паводле слоў Гнёта"}


@pytest.mark.parametrize(("where", "old"), OLD_DELETION_AS_FACT.items())
def test_gnyot_notice_deletion_is_attributed(where, old):
    folder, stem, lang = where
    text = page(folder, stem, lang)
    assert old not in text
    assert ATTRIBUTION[lang] in text


def test_gnyot_time_in_prison_is_recorded_as_approximate():
    gnyot = case("RS", "rs-2023-gnyot")
    assert gnyot["detention_days"] == 218
    assert gnyot["detention_days_approximate"] is True


# 3. Detained guide: deletion after refugee status applies in general, not always ---


@pytest.mark.parametrize(
    ("lang", "in_general", "not_guaranteed", "old"),
    [
        ("en", "in general", "not guaranteed", "Interpol deletes Belarus's notices"),
        ("ru", "как правило", "не гарантировано", "Интерпол удаляет уведомления Беларуси"),
        ("be", "як правіла", "не гарантаванае", "Інтэрпол выдаляе паведамленні Беларусі"),
    ],
)
def test_detained_guide_qualifies_deletion(lang, in_general, not_guaranteed, old):
    text = page("guides", "detained", lang)
    section = text.split("{#protection-elsewhere}", 1)[1].split("\n## ", 1)[0]
    assert in_general in section
    assert not_guaranteed in section
    assert old not in text


# 4. Turkey: Belarus was one of 18 requesting states in one operation ---------------


@pytest.mark.parametrize(
    ("lang", "old", "new"),
    [
        ("en", "Turkish police have detained people on Interpol requests", "18 requesting states"),
        ("ru", "Турецкая полиция задерживала людей по запросам Беларуси", "18 запрашивающих государств"),
        ("be", "Турэцкая паліцыя затрымлівала людзей па запытах Беларусі", "18 дзяржаў, якія накіравалі запыты"),
    ],
)
def test_turkey_summary_says_exactly_what_the_sources_show(lang, old, new):
    summary = " ".join(front_matter(page("countries", "tr", lang))["summary"].split())
    assert old not in summary
    assert new in summary


# 5. Georgia: the 2025 asylum events, and one wording for the refusal grounds ------

GE_WORDING = {
    "en": ("ran counter to Georgia's interests", ["national-interest grounds", "on national-security grounds"]),
    "ru": (
        "противоречит интересам Грузии",
        ["сославшись на национальную безопасность", "сославшись на национальные интересы"],
    ),
    "be": (
        "супярэчыць інтарэсам Грузіі",
        ["са спасылкай на нацыянальную бяспеку", "спаслаўшыся на нацыянальныя інтарэсы"],
    ),
}


@pytest.mark.parametrize("lang", LANGS)
def test_georgia_refusal_grounds_worded_once(lang):
    wording, old_wordings = GE_WORDING[lang]
    for text in (page("countries", "ge", lang), page("guides", "asylum-and-extradition", lang)):
        assert wording in text
        for old in old_wordings:
            assert old not in text


@pytest.mark.parametrize(
    ("lang", "final_refusal", "un_committee"),
    [
        ("en", "11 July 2025", "UN Human Rights Committee"),
        ("ru", "11 июля 2025", "Комитет ООН по правам человека"),
        ("be", "11 ліпеня 2025", "Камітэт ААН па правах чалавека"),
    ],
)
def test_georgia_2025_events(lang, final_refusal, un_committee):
    text = page("countries", "ge", lang)
    assert "2019–2025" in text
    assert "2019–2024" not in text
    assert final_refusal in text
    assert un_committee in text


# 6. Armenia: the cases dated 2025 are from 2024 ------------------------------------


def test_armenian_cases_are_dated_2024():
    assert all(c.get("year") != 2025 for c in COUNTRIES["AM"]["cases"])
    draft = case("AM", "am-military-service-warrant")
    assert draft["year"] == 2024
    assert not draft.get("year_inferred")
    assert "am-hcav-2024-04-26-draft-evasion" in draft["sources"]
    assert case("AM", "am-second-february-detention")["year"] == 2024
    embezzlement = case("AM", "am-2024-embezzlement-asylum")
    assert "am-hcav-2024-10-07-extradition" in embezzlement["sources"]


@pytest.mark.parametrize(
    ("lang", "arrest", "old"),
    [
        ("en", "10 March 2024", "late May"),
        ("ru", "10 марта 2024", "в конце мая"),
        ("be", "10 сакавіка 2024", "у канцы мая"),
    ],
)
def test_armenian_embezzlement_case_dates(lang, arrest, old):
    text = page("countries", "am", lang)
    assert arrest in text
    assert old not in text


# 7. Russia: the 2020 investigator was removed informally, not extradited ----------


def test_russian_investigator_case_is_an_informal_removal():
    assert case("RU", "ru-2020-investigator-removed")["outcome"] == "removed-informally"


# 8. Sources: clean addresses and honest dates --------------------------------------

RAW_IP = re.compile(r"^https?://\d{1,3}(\.\d{1,3}){3}(:\d+)?(/|$)")


def test_no_source_address_is_a_raw_ip():
    for source_id, source in SOURCES.items():
        for key in ("url", "archived_url"):
            assert not RAW_IP.match(str(source.get(key, ""))), f"{source_id}.{key}"


def test_no_source_address_holds_stray_encoded_characters():
    """The Interpol Constitution's address held an encoded space and a stray CJK character."""
    from urllib.parse import unquote

    for source_id, source in SOURCES.items():
        for key in ("url", "archived_url"):
            address = unquote(str(source.get(key, "")))
            assert not any("\u3000" <= ch <= "\u9fff" for ch in address), f"{source_id}.{key}"


def test_dw_gnyot_article_uses_its_canonical_address():
    dw = SOURCES["rs-dw-2024-08-28-gnyot"]
    assert dw["url"] == "https://www.dw.com/en/andrey-gnyot-belarus-serbia/a-70072274"
    assert not dw.get("mirror")


@pytest.mark.parametrize("source_id", ["rmf24-2021-09-malakhouski-free", "ae-federal-law-39-2006"])
def test_inferred_or_last_updated_dates_are_not_published_dates(source_id):
    assert SOURCES[source_id]["published"] == "undated"


# 9. Stale claims (rows 3, 7, 8, 9, 10 and 11) --------------------------------------


def test_plock_refusal_report_date_and_prosecutor():
    assert "pl-gazetaprawna-2026-02-04-plock" in case("PL", "pl-plock-tax-charges")["sources"]
    assert SOURCES["pl-gazetaprawna-2026-02-04-plock"]["published"] == dt.date(2026, 2, 4)
    text = front_matter(page("countries", "pl", "en"))["cases"]["pl-plock-tax-charges"]
    assert "4 February 2026" in text
    assert "Prosecutor's Office in Płock" in text


def test_moldova_cases():
    chisinau = case("MD", "md-2026-chisinau-fraud-notice")
    assert chisinau["year"] == 2026
    assert chisinau["detained"] == "yes"
    assert case("MD", "md-2022-ukrainian-mp-refused")["outcome"] == "extradition-refused"
    cases = front_matter(page("countries", "md", "en"))["cases"]
    assert "72 hours" in cases["md-2026-chisinau-fraud-notice"]
    assert "md-2022-ukrainian-mp-refused" in cases


def test_russia_2025_handover_figure():
    series = COUNTRIES["RU"]["answers"]["statistics"]["series"]
    assert {"year": 2025, "measure": "extraditions", "value": 225} in [
        {k: row[k] for k in ("year", "measure", "value")} for row in series
    ]
    for lang in LANGS:
        assert "225" in front_matter(page("countries", "ru", lang))["statistics"]
        assert "225" in page("guides", "interpol-and-cis", lang)


@pytest.mark.parametrize(
    ("lang", "detained", "sentence"),
    [
        ("en", "13 November 2024", "13 years"),
        ("ru", "13 ноября 2024", "13 годам"),
        ("be", "13 лістапада 2024", "13 гадоў"),
    ],
)
def test_vietnam_dates_and_sentence(lang, detained, sentence):
    text = page("countries", "vn", lang)
    assert detained in text
    assert sentence in text
    assert "vn-tasr-2024-11-handed-over" in case("VN", "vn-2024-opposition-member-extradited")["sources"]


@pytest.mark.parametrize("lang", LANGS)
def test_european_parliament_report_of_13_november_2025(lang):
    text = page("guides", "interpol-and-cis", lang)
    assert "[@guide-ep-2025-11-13-transnational-repression]" in text
    assert "512" in text


@pytest.mark.parametrize("lang", LANGS)
def test_legal_initiative_navigator_counts(lang):
    text = page("guides", "highest-risk", lang)
    assert "[@guide-belsat-legal-initiative-navigator]" in text
    for count in ("193", "88", "47", "57", "192"):
        assert count in text


# Change notes and dates ------------------------------------------------------------

CHANGE_KEYWORDS = {
    "LT": "27 November 2025",
    "RS": "Gnyot",
    "TR": "18 requesting states",
    "GE": "2019–2025",
    "AM": "February 2024",
    "RU": "informal removal",
    "PL": "4 February 2026",
    "MD": "Chișinău",
    "VN": "13 November",
}


@pytest.mark.parametrize(("code", "keyword"), CHANGE_KEYWORDS.items())
def test_country_change_note_in_three_languages(code, keyword):
    notes = [c["note"] for c in COUNTRIES[code]["changes"] if c["date"] == CORRECTION_DATE]
    matching = [n for n in notes if keyword in n["en"]]
    assert matching, f"{code}: no change note of {CORRECTION_DATE} mentioning {keyword!r}"
    assert all(n.get("ru") and n.get("be") for n in matching)


GUIDES = ("interpol-and-cis", "detained", "asylum-and-extradition", "highest-risk")


@pytest.mark.parametrize("stem", GUIDES)
@pytest.mark.parametrize("lang", LANGS)
def test_corrected_guides_are_dated(stem, lang):
    assert front_matter(page("guides", stem, lang))["updated"] == CORRECTION_DATE
