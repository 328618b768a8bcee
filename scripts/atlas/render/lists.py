"""Pages that list countries: the overview with its map and filters, the risk ranking,
the risk rule, the A–Z list and legal help."""

from __future__ import annotations

from markupsafe import Markup

from ..data.treaties import participations
from .base import PageRenderer, markdown_refs
from .country import ANSWERS

REGIONS = (
    "eu",
    "europe-other",
    "eastern-europe",
    "caucasus",
    "central-asia",
    "middle-east",
    "asia",
    "americas",
    "africa",
    "oceania",
)


CHANNEL_GROUPS = ("interpol", "cis", "bilateral")


class ListPages(PageRenderer):
    def index_markdown(self, map_svg: str = "") -> str:
        from ..model.risk import LEVELS

        rows = []
        for code in self.sorted_codes():
            country = self.dataset.countries[code]
            risk = self.dataset.risk(code)
            rows.append(
                {
                    "code": code,
                    "name": self.country_name(code),
                    "country": country,
                    "risk": risk,
                    "risk_order": LEVELS.index(risk.level),
                    "channels": channels_of(country, code, self.dataset.treaties),
                }
            )
        profiles = [r["country"]["profile"] for r in rows]
        regions = sorted({r["country"]["region"] for r in rows}, key=lambda r: REGIONS.index(r))
        filters = [
            (
                "risk",
                [
                    (level, self.t(f"risk.levels.{level}"))
                    for level in LEVELS
                    if any(r["risk"].level == level for r in rows)
                ],
            ),
            ("region", [(region, self.t(f"region.{region}")) for region in regions]),
            ("channel", [(c, self.t(f"index.channel_{c}")) for c in CHANNEL_GROUPS]),
        ]
        template = self.env.get_template("countries-index.md.html")
        return template.render(
            **self.common,
            rows=rows,
            filters=filters,
            map_svg=Markup(map_svg),
            answers=ANSWERS,
            deep=profiles.count("deep"),
            baseline=profiles.count("baseline"),
        )

    def risk_ranking_markdown(self) -> str:
        from ..model.risk import LEVELS

        rows = [
            {"code": code, "name": self.country_name(code), "risk": self.dataset.risk(code)}
            for code in self.sorted_codes()
        ]
        groups = [(level, [r for r in rows if r["risk"].level == level]) for level in LEVELS]
        return self.env.get_template("risk-ranking.md.html").render(**self.common, groups=groups)

    def risk_rule_markdown(self) -> str:
        """The decision table of atlas/risk.py, worded in this language, with worked examples."""
        from ..model.risk import LEVELS, RULES, effect_of, worked_examples

        rows = [(index, row, *effect_of(row)) for index, row in enumerate(RULES, start=1)]
        numbers = {row.id: index for index, row, *_ in rows}
        risks = {code: self.dataset.risk(code) for code in self.sorted_codes()}
        examples = [
            {"code": code, "name": self.country_name(code), "risk": risk, "rows": [numbers[r] for r in risk.rules]}
            for code, risk in worked_examples(risks)
        ]
        return self.env.get_template("risk-rule.md.html").render(
            **self.common, rows=rows, levels=LEVELS, examples=examples
        )

    def a_z_markdown(self, pages: list[tuple[str, str, str]], up: str) -> str:
        """Every page in one list: countries by initial letter, then the other pages by
        their menu section. `pages`: (section, title, url) from the menu; `up` leads from
        this page to the language's root."""
        letters: dict[str, list[tuple[str, str]]] = {}
        for code in self.sorted_codes():
            name = self.country_name(code)
            letters.setdefault(name[:1].upper(), []).append((name, f"countries/{code.lower()}/"))
        sections: dict[str, list[tuple[str, str]]] = {}
        for section, title, url in pages:
            sections.setdefault(section or self.t("a_z.main"), []).append((title, url))
        return self.env.get_template("a-z.md.html").render(
            **self.common, letters=list(letters.items()), sections=list(sections.items()), up=up
        )

    def legal_help_markdown(self) -> str:
        by_country: dict[str, list] = {}
        for org_id, org in self.dataset.organisations.items():
            for code in org["countries"]:
                by_country.setdefault(code, []).append((org_id, org))
        international = [("INT", self.t("legal_help.international"), by_country.pop("INT", []))]
        countries = [
            (code, self.country_name(code), by_country[code]) for code in self.sorted_codes() if code in by_country
        ]
        groups = [g for g in international if g[2]] + countries
        return self.env.get_template("legal-help.md.html").render(
            **self.common, groups=groups, markdown_refs=markdown_refs
        )


def channels_of(country: dict, code: str, treaties: dict) -> list[str]:
    """Which ways Belarus has to reach a person there, as sourced facts: Interpol, the CIS
    (its database, or a Minsk or Chisinau Convention binding this state and Belarus, read
    from the treaty table), a bilateral treaty that covers extradition."""
    channels = country.get("channels", {})
    found = []
    if any(channels.get(k, {}).get("status") == "yes" for k in ("red_notice", "diffusion")):
        found.append("interpol")
    here, belarus = participations(treaties, code), participations(treaties, "BY")
    cis_conventions = any(here[k].bound and belarus[k].bound for k in ("minsk_convention", "chisinau_convention"))
    if channels.get("interstate_search", {}).get("status") == "yes" or cis_conventions:
        found.append("cis")
    if any(t.get("covers_extradition") == "yes" or t.get("kind") == "extradition" for t in country.get("treaties", [])):
        found.append("bilateral")
    return found
