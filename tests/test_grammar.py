"""The generated Russian and Belarusian read as grammatical sentences: every counted
string takes the CLDR plural form its number needs, every date inside a sentence is in
the case its context needs (or in a label-and-value form), and a treaty line agrees with
the document's noun and neither repeats nor contradicts its status."""

from __future__ import annotations

import re

import pytest
from babel import Locale
from babel.dates import get_month_names
from bs4 import BeautifulSoup

from conftest import LANGUAGES, page_path

COUNTS = (1, 2, 5, 11, 21, 22, 25)
CATEGORIES = {"zero", "one", "two", "few", "many", "other"}

# What a careful writer puts after each number in COUNTS (grammar books, not the program),
# as "form for 1 | form for 2 | … | form for 25".
FORMS = {
    "en": {
        "period.hours": "1 hour | 2 hours | 5 hours | 11 hours | 21 hours | 22 hours | 25 hours",
        "period.days": "1 day | 2 days | 5 days | 11 days | 21 days | 22 days | 25 days",
        "period.months": "1 month | 2 months | 5 months | 11 months | 21 months | 22 months | 25 months",
        "case.days_approximate": "about 1 day | about 2 days | about 5 days | about 11 days | about 21 days"
        " | about 22 days | about 25 days",
    },
    "ru": {
        "period.hours": "1 час | 2 часа | 5 часов | 11 часов | 21 час | 22 часа | 25 часов",
        "period.days": "1 день | 2 дня | 5 дней | 11 дней | 21 день | 22 дня | 25 дней",
        "period.months": "1 месяц | 2 месяца | 5 месяцев | 11 месяцев | 21 месяц | 22 месяца | 25 месяцев",
        # «около» takes the genitive: около одного дня, около двух дней, около двадцати одного дня.
        "case.days_approximate": "около 1 дня | около 2 дней | около 5 дней | около 11 дней | около 21 дня"
        " | около 22 дней | около 25 дней",
    },
    "be": {
        "period.hours": "1 гадзіна | 2 гадзіны | 5 гадзін | 11 гадзін | 21 гадзіна | 22 гадзіны | 25 гадзін",
        "period.days": "1 дзень | 2 дні | 5 дзён | 11 дзён | 21 дзень | 22 дні | 25 дзён",
        "period.months": "1 месяц | 2 месяцы | 5 месяцаў | 11 месяцаў | 21 месяц | 22 месяцы | 25 месяцаў",
        # «каля» takes the genitive: каля аднаго дня, каля двух дзён, каля дваццаці аднаго дня.
        "case.days_approximate": "каля 1 дня | каля 2 дзён | каля 5 дзён | каля 11 дзён | каля 21 дня"
        " | каля 22 дзён | каля 25 дзён",
    },
}
for forms in FORMS.values():
    forms["case.days"] = forms["period.days"]  # a case's days are counted like a period's
EXPECTED = {lang: {key: text.split(" | ") for key, text in forms.items()} for lang, forms in FORMS.items()}


def strings(lang):
    from atlas.render.strings import Strings

    return Strings(lang)


def counted_keys(lang: str) -> set[str]:
    """Every interface string given per plural category (a block whose keys are CLDR
    categories): the counted strings."""
    from atlas.render.strings import load_strings

    found = set()

    def walk(tree: dict, prefix: str):
        for key, value in tree.items():
            if isinstance(value, dict):
                if set(value) <= CATEGORIES:
                    found.add(prefix + key)
                else:
                    walk(value, f"{prefix}{key}.")

    walk(load_strings(lang), "")
    return found


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_counted_string_is_covered_here(lang):
    assert counted_keys(lang) == set(EXPECTED[lang]), "add the new counted string to EXPECTED with its forms"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_counted_string_takes_the_plural_form_its_number_needs(lang):
    t = strings(lang)
    wrong = []
    for key, forms in EXPECTED[lang].items():
        shown = [t.plural(key, n) for n in COUNTS]
        if shown != forms:
            wrong.append(f"{key}: {shown} (expected {forms})")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_counted_string_has_exactly_the_languages_plural_categories(lang):
    from atlas.render.strings import load_strings

    wanted = set(Locale.parse(lang).plural_form.tags) | {"other"}
    tree = load_strings(lang)
    for key in counted_keys(lang):
        block = tree
        for part in key.split("."):
            block = block[part]
        assert set(block) == wanted, f"{lang} {key}: {sorted(block)} (CLDR: {sorted(wanted)})"


def date_keys(lang: str) -> list[str]:
    from atlas.render.strings import flat_strings

    return sorted(key for key, text in flat_strings(lang).items() if "{date" in text)


def render_with_date(t, key: str, value: str) -> str:
    """The string with `value` as its date; «г.» must stay on the year's line (a no-break
    space), which is then read as a space."""
    placeholders = set(re.findall(r"{(\w+)", t(key))) - {"date"}
    text = t(key, date=value, **{name: "X" for name in placeholders})
    assert " г." not in text, f"{key}: a breaking space before «г.»: {text!r}"
    return text.replace("\u00a0", " ")


LABEL_END = re.compile(r"(?:[:(]|\bна)$")  # a label, a bracket or «на» + accusative (= nominative)
GENITIVE_END = re.compile(r"(?:\bс|\bсо|\bз|\bса|\bад|\bот|\bдо|\bда)$", re.IGNORECASE)


@pytest.mark.parametrize("lang", ["ru", "be"])
def test_every_date_inside_a_sentence_is_in_the_form_its_context_needs(lang):
    """A month or a year alone after a verb ("опубликовано сентябрь 2021 г.") is wrong;
    after a label or «на» it is in the nominative, after «с»/«з» in the genitive; a full
    date ("15 сентября 2021 г.") fits every context; a year is followed by «г.»."""
    t = strings(lang)
    nominative = get_month_names("wide", context="stand-alone", locale=lang)[9]
    genitive = get_month_names("wide", context="format", locale=lang)[9]
    wrong = []
    for key in date_keys(lang):
        full = render_with_date(t, key, "2021-09-15")
        if f"15 {genitive} 2021 г." not in full:
            wrong.append(f"{key} (full date): {full}")
        for value, forms in (("2021-09", {nominative: "label", genitive: "genitive"}), ("2021", {"": "either"})):
            text = render_with_date(t, key, value)
            found = [(text.find(f"{word} 2021 г.".strip()), kind) for word, kind in forms.items()]
            found = [(index, kind) for index, kind in found if index >= 0]
            if not found:
                wrong.append(f"{key} ({value}): no «… 2021 г.» in {text!r}")
                continue
            index, kind = found[0]
            before = text[:index].rstrip()
            fits = {
                "label": bool(LABEL_END.search(before)),
                "genitive": bool(GENITIVE_END.search(before)),
                "either": bool(LABEL_END.search(before) or GENITIVE_END.search(before)),
            }[kind]
            if not fits:
                wrong.append(f"{key} ({value}): {text!r}")
    assert not wrong, "\n".join(wrong)


MONTHS_NOMINATIVE = {lang: get_month_names("wide", context="stand-alone", locale=lang) for lang in ("ru", "be")}


@pytest.mark.parametrize("lang", ["ru", "be"])
def test_no_page_puts_a_month_in_the_nominative_after_a_verb(site, lang):
    """Every page, hand-written or generated: «апублікавана верасень 2021» is the defect."""
    months = "|".join(MONTHS_NOMINATIVE[lang].values())
    pattern = re.compile(rf"(\S+)\s+(?:{months})\s+\d{{4}}", re.IGNORECASE)
    allowed_before = {"на", "по", "па", "і", "и", "або", "или", "–", "—", "-", "·"}
    wrong = []
    for path in sorted((site / lang).rglob("index.html")):
        if "/maintainers/" in path.as_posix():
            continue
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for block in soup.select("article p, article li, article dd, article td, article h2, article h3"):
            text = " ".join(block.get_text(" ").split())
            for match in pattern.finditer(text):
                word = match.group(1)
                if word.endswith((":", "(", ",")) or word.lower() in allowed_before:
                    continue
                wrong.append(f"{path.relative_to(site)}: …{text[max(0, match.start() - 30) : match.end()]}")
    assert not wrong, "\n".join(wrong[:30])


GENDER = {
    "ru": {"Договор": "m", "Соглашение": "n", "Конвенция": "f", "Протокол": "m", "Меморандум": "m"},
    "be": {"Дагавор": "m", "Дамова": "f", "Пагадненне": "n", "Канвенцыя": "f", "Пратакол": "m", "Мемарандум": "m"},
}
PARTICIPLES = {
    "ru": {"m": "подписан", "n": "подписано", "f": "подписана", "pl": "подписаны"},
    "be": {"m": "падпісаны", "n": "падпісана", "f": "падпісана", "pl": "падпісаныя"},
}


@pytest.mark.parametrize("lang", ["ru", "be"])
def test_treaty_lines_agree_and_neither_repeat_nor_contradict_their_status(site, dataset, lang):
    t = strings(lang)
    statuses = {status: t(f"treaty.status.{status}") for status in ("in-force", "signed", "suspended", "unknown")}
    in_force_since = t("treaty.in_force", date="2000").split("2000")[0].strip()
    wrong = []
    for code, country in dataset.countries.items():
        treaties = country.get("treaties") or []
        if not treaties:
            continue
        soup = BeautifulSoup(page_path(site, lang, f"countries/{code.lower()}").read_text("utf-8"), "html.parser")
        for treaty in treaties:
            item = soup.find(id=f"treaty-{treaty['id']}")
            assert item is not None, f"{code}: no line for {treaty['id']}"
            for sup in item.select("sup, .atlas-cite-ref"):
                sup.decompose()
            line = " ".join(item.get_text(" ").split())
            name = (treaty.get("name") or {}).get(lang)
            if name and not line.startswith(name):
                wrong.append(f"{code} {lang}: the line does not use the treaty's name: {line}")
            shown = [status for status, text in statuses.items() if re.search(rf"(^|[;,] ){re.escape(text)}\b", line)]
            if len(shown) > 1 or (in_force_since in line and shown):
                wrong.append(f"{code} {lang}: status said twice or contradicted: {line}")
            noun = line.split()[0]
            gender = GENDER[lang].get(noun)
            for form_gender, form in PARTICIPLES[lang].items():
                if (
                    re.search(rf"\b{form}\b", line)
                    and form_gender != gender
                    and not (lang == "be" and form == "падпісана" and gender in ("n", "f"))
                ):
                    wrong.append(f"{code} {lang}: «{form}» does not agree with «{noun}»: {line}")
    assert not wrong, "\n".join(wrong)


GENDER_BRACKETS = re.compile(r"\w\((?:-?а|-?ая|-?ы|-?на)\)", re.IGNORECASE)


@pytest.mark.parametrize("lang", ["ru", "be"])
def test_no_page_writes_gender_in_brackets(site, lang):
    """«Освобождён(а)», «Вызвалены(-ая)»: say it neutrally, or as the sources state."""
    found = []
    for path in sorted((site / lang).rglob("index.html")):
        text = " ".join(BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").get_text(" ").split())
        for match in GENDER_BRACKETS.finditer(text):
            found.append(f"{path.relative_to(site)}: …{text[max(0, match.start() - 30) : match.end()]}")
    assert not found, "\n".join(found[:20])
