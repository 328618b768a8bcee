"""The risk rule (scripts/atlas/risk.py): one fixture per row of the decision table,
property tests over every combination of facts, and the rule as the site shows it."""

from __future__ import annotations

import dataclasses
import itertools

import pytest
from bs4 import BeautifulSoup

from atlas.data.treaties import TREATIES
from atlas.model import risk as risk_module
from atlas.model.risk import LEVELS, RULES, Facts, Reason, assess, decide
from atlas.render.strings import Strings
from conftest import page_path
from test_validation import assert_reported, line_of, problems_for, replace_once

CODE = "ZZ"


def table(**bound: str) -> dict:
    """A treaty table in which ZZ and Belarus have the given statuses and nothing else."""
    out = {}
    for treaty in TREATIES:
        states = {"BY": {"status": "not-seen"}, CODE: {"status": "not-seen"}}
        if treaty in bound:
            status = "member" if treaty in ("council_of_europe", "cis") else "party"
            states[CODE] = {"status": status, **({"article_22": "yes"} if treaty == "cat" else {})}
            if treaty in ("minsk_convention", "chisinau_convention"):
                states["BY"] = {"status": "party"}
        out[treaty] = {"kind": "treaty", "sources": ["s"], "as_of": "2026-01", "checked": "2026-12", "states": states}
    return out


def country(*cases, interstate="not-listed", without_treaty="unknown", treaties=()) -> dict:
    return {
        "channels": {"interstate_search": {"status": interstate}},
        "protection": {"extradition_without_treaty": {"status": without_treaty}},
        "treaties": list(treaties),
        "cases": [{"id": f"c{i}", "confidence": "high", **case} for i, case in enumerate(cases)],
    }


HANDOVER = {"year": 2021, "detained": "yes", "outcome": "extradited"}
SHORT = {"year": 2022, "detained": "yes", "detention_days": 3, "outcome": "released"}
LONG = {"year": 2023, "detained": "yes", "detention_days": 200, "outcome": "released"}
TREATY = {"id": "t", "kind": "extradition", "status": "in-force"}
SECURITY = {"id": "s", "kind": "security-cooperation", "status": "in-force"}

# One fixture per row of RULES: (row id, country record, treaty table, expected level).
ROWS = [
    ("handover", country(HANDOVER), table(), "very-high"),
    ("cis_database", country(interstate="yes"), table(), "high"),
    ("long_detention", country(LONG), table(), "high"),
    ("legal_basis", country(treaties=[TREATY]), table(), "elevated"),
    ("detention", country(SHORT), table(), "elevated"),
    ("security_cooperation", country(treaties=[SECURITY]), table(), "elevated"),
    ("safeguards", country(LONG), table(council_of_europe=True), "elevated"),
    ("no_route", country(without_treaty="no"), table(), "no-route-found"),
    ("too_little_known", country(), table(), "too-little-known"),
]


def test_every_row_of_the_table_has_a_fixture():
    assert [row for row, *_ in ROWS] == [rule.id for rule in RULES]


@pytest.mark.parametrize(("row", "record", "treaties", "level"), ROWS, ids=[r[0] for r in ROWS])
def test_each_row_sets_its_level(row, record, treaties, level):
    result = assess(record, CODE, treaties)
    assert result.level == level
    assert row in result.rules
    assert result.reasons, "every level has at least one reason"


@pytest.mark.parametrize("outcome", ["extradited", "deported", "handed-over-informally"])
def test_every_kind_of_handover_is_the_top_level(outcome):
    record = country({"year": 2020, "detained": "yes", "outcome": outcome})
    assert assess(record, CODE, table(council_of_europe=True, refugee_convention=True)).level == "very-high"


def test_what_is_not_a_handover():
    informal = country({"year": 2021, "detained": "yes", "outcome": "removed-informally", "detention_days": 1})
    assert assess(informal, CODE, table()).level == "elevated"  # a detention, not a delivery to Belarus
    old = country({**HANDOVER, "year": 2019})
    assert assess(old, CODE, table()).level == "too-little-known"
    weak = country({**HANDOVER, "confidence": "low"})
    assert assess(weak, CODE, table()).level == "too-little-known"


def test_cis_conventions_are_a_legal_basis_not_database_use():
    record = country()
    both = assess(record, CODE, table(minsk_convention=True))
    assert both.level == "elevated" and "legal_basis" in both.rules and "cis_database" not in both.rules
    only_here = table(minsk_convention=True)
    only_here["minsk_convention"]["states"]["BY"] = {"status": "not-party"}
    assert assess(record, CODE, only_here).level == "too-little-known"


def test_not_listed_is_no_evidence_either_way():
    listed = assess(country(interstate="not-listed", without_treaty="no"), CODE, table())
    unknown = assess(country(interstate="unknown", without_treaty="no"), CODE, table())
    assert listed.level == "no-route-found"
    assert unknown.level == "too-little-known" and "cis_database" in unknown.missing


def test_safeguards_never_go_below_elevated_while_a_legal_basis_exists():
    everything = table(council_of_europe=True, cat=True, iccpr_op1=True, refugee_convention=True)
    refusal = {"year": 2015, "detained": "no", "outcome": "extradition-refused"}
    for record in (country(treaties=[TREATY]), country(SHORT), country(treaties=[SECURITY])):
        record["cases"].append({"id": "r", "confidence": "high", **refusal})
        assert assess(record, CODE, everything).level == "elevated"
    assert assess(country(HANDOVER), CODE, everything).level == "very-high"
    assert assess(country(interstate="yes"), CODE, everything).level == "high"


def test_missing_facts_are_named_only_where_they_could_raise_the_level():
    top = assess(country(HANDOVER, interstate="unknown"), CODE, table())
    assert top.level == "very-high" and top.missing == ()
    lower = assess(country(SHORT, interstate="unknown"), CODE, table())
    assert lower.missing == ("cis_database",)
    nothing = assess(country(interstate="unknown"), CODE, table())
    assert set(nothing.missing) == {"without_treaty", "cis_database"}


# Property tests over every combination of the facts the rule reads.
RISK_FACTS = {
    "handovers": ("case-h",),
    "cis_database": True,
    "long_detentions": ("case-l",),
    "detentions": ("case-l",),
    "legal_bases": (Reason("treaty_in_force", ("treaty-t",)),),
    "security_cooperation": ("treaty-s",),
}
SAFEGUARDS = (Reason("echr"), Reason("refusals", ("case-r",)))


def all_facts():
    fields = [*RISK_FACTS, "safeguards", "no_legal_basis", "missing"]
    values = {**RISK_FACTS, "safeguards": SAFEGUARDS, "no_legal_basis": ("extradition-without-treaty",)}
    values["missing"] = ("without_treaty",)
    for chosen in itertools.product((False, True), repeat=len(fields)):
        yield Facts(**{f: values[f] for f, on in zip(fields, chosen, strict=True) if on})


def danger(facts: Facts) -> int:
    """Smaller is more dangerous."""
    return LEVELS.index(decide(facts).level)


def test_adding_a_risk_fact_never_lowers_the_level():
    for facts in all_facts():
        for field, value in RISK_FACTS.items():
            more = dataclasses.replace(facts, **{field: value})
            assert danger(more) <= danger(facts), (facts, field)


def test_adding_a_safeguard_never_raises_the_level():
    for facts in all_facts():
        assert danger(dataclasses.replace(facts, safeguards=SAFEGUARDS)) >= danger(
            dataclasses.replace(facts, safeguards=())
        ), facts


def test_an_unknown_fact_never_lowers_the_level():
    for facts in all_facts():
        assert danger(dataclasses.replace(facts, missing=("without_treaty",))) <= danger(
            dataclasses.replace(facts, missing=())
        ), facts


def test_safeguards_move_one_step_at_most():
    for facts in all_facts():
        with_safeguards = danger(dataclasses.replace(facts, safeguards=SAFEGUARDS))
        without = danger(dataclasses.replace(facts, safeguards=()))
        assert with_safeguards - without <= 1, facts


# The real records.
def test_every_country_has_a_level_with_a_reason(dataset):
    for code in dataset.countries:
        result = dataset.risk(code)
        assert result.level in LEVELS and result.grounds, code


def test_no_cis_database_user_is_below_the_two_highest_levels(dataset):
    users = [c for c, v in dataset.countries.items() if v["channels"]["interstate_search"]["status"] == "yes"]
    assert {"AZ", "KZ", "KG", "RU", "TJ", "TM", "UZ"} <= set(users)
    for code in users:
        assert dataset.risk(code).level in ("very-high", "high"), code


def test_the_methodology_table_is_the_rule_in_every_language(site):
    for lang in ("en", "ru", "be"):
        t = Strings(lang)
        soup = BeautifulSoup(page_path(site, lang, "about/methodology").read_text(encoding="utf-8"), "html.parser")
        rows = soup.select("#risk-rule-table tbody tr")
        assert [r["data-rule"] for r in rows] == [rule.id for rule in RULES], lang
        for tr, rule in zip(rows, RULES, strict=True):
            cells = [td.get_text(strip=True) for td in tr.find_all("td")]
            key, level = risk_module.effect_of(rule)
            assert cells[1] == t(f"risk.rule.{rule.id}")
            assert cells[2] == t(f"risk.rule.effect.{key}", level=t(f"risk.levels.{level}"))
        examples = soup.select(".atlas-rule-examples li")
        assert examples and all(li.select_one('a[href$="/#risk"]') for li in examples)


def test_the_methodology_table_follows_a_change_of_the_rule(dataset, monkeypatch):
    from atlas.render.renderer import Renderer

    before = Renderer(dataset, "en").risk_rule_markdown()
    monkeypatch.setattr(risk_module, "RULES", tuple(r for r in RULES if r.id != "security_cooperation"))
    after = Renderer(dataset, "en").risk_rule_markdown()
    assert 'data-rule="security_cooperation"' in before and 'data-rule="security_cooperation"' not in after


def test_ranking_map_overview_and_page_agree(site, dataset):
    for lang in ("en", "ru", "be"):
        t = Strings(lang)
        ranking = BeautifulSoup(page_path(site, lang, "guides/highest-risk").read_text(encoding="utf-8"), "html.parser")
        overview = BeautifulSoup(page_path(site, lang, "countries").read_text(encoding="utf-8"), "html.parser")
        for code in dataset.countries:
            level = dataset.risk(code).level
            label = t(f"risk.levels.{level}")
            link = ranking.select_one(f'a[href$="/countries/{code.lower()}/#risk"]')
            assert link is not None and link.find_previous("h3").get("id") == f"risk-{level}", (lang, code)
            row = overview.select_one(f'tr[data-code="{code}"]')
            assert row["data-risk"] == level and label in row.get_text(), (lang, code)
            page = BeautifulSoup(page_path(site, lang, f"countries/{code.lower()}").read_text("utf-8"), "html.parser")
            assert label in page.select_one("#risk").get_text(), (lang, code)


def test_a_change_of_level_must_be_recorded(project):
    countries = project / "data/countries.yml"
    replace_once(countries, "      risk_level: elevated", "      risk_level: high")
    line = line_of(countries, "risk_level: high")
    assert_reported(problems_for(project), "data/countries.yml", line, "LT.changes.0.risk_level", "the rule now gives")


def test_treaty_table_lists_every_un_member_for_every_treaty(dataset):
    scope = dataset.treaties["scope"]
    assert len(scope["un_members"]) == 193 and set(scope["observers"]) == {"PS", "VA"}
    for treaty in TREATIES:
        entry = dataset.treaties[treaty]
        assert entry["sources"] and entry["checked"], treaty
        assert set(scope["un_members"]) | set(scope["observers"]) <= set(entry["states"]), treaty


def test_a_state_missing_from_the_treaty_table_is_an_error(project):
    treaties = project / "data/treaties.yml"
    text = treaties.read_text(encoding="utf-8")
    start = text.index("refugee_convention:")
    row = "    FR: {"
    at = text.index(row, start)
    end = text.index("\n", at) + 1
    treaties.write_text(text[:at] + text[end:], encoding="utf-8")
    found = problems_for(project)
    assert any(p.path == "data/treaties.yml" and "FR" in p.field + p.message for p in found), found


def test_restating_a_treaty_in_countries_yml_is_an_error(project):
    countries = project / "data/countries.yml"
    replace_once(countries, "  protection:\n", '  protection:\n    council_of_europe:\n      status: "yes"\n')
    line = line_of(countries, "council_of_europe:")
    assert_reported(problems_for(project), "data/countries.yml", line, "council_of_europe", "treaties.yml")


def test_the_overview_cis_filter_reads_the_treaty_table(site, dataset):
    from atlas.data.treaties import participations

    overview = BeautifulSoup(page_path(site, "en", "countries").read_text(encoding="utf-8"), "html.parser")
    belarus = participations(dataset.treaties, "BY")
    for code, country in dataset.countries.items():
        here = participations(dataset.treaties, code)
        bound = any(here[k].bound and belarus[k].bound for k in ("minsk_convention", "chisinau_convention"))
        cis = bound or country["channels"]["interstate_search"]["status"] == "yes"
        channels = overview.select_one(f'tr[data-code="{code}"]')["data-channels"].split()
        assert ("cis" in channels) == cis, code
    assert "cis" in overview.select_one('tr[data-code="MD"]')["data-channels"].split()
