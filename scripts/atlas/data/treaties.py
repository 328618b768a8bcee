"""The treaty table (data/treaties.yml): one fact per treaty and state, read by the
country pages, the open data and the risk level.

`participation(table, treaty, code)` resolves one row: the state's status and dates,
with the sources and "as of" date it inherits from its treaty unless it has its own.
`check_treaty_table` finds what the schema cannot: a state left out, a source that does
not exist, a declaration on the wrong treaty.
"""

from __future__ import annotations

from dataclasses import dataclass

from .problems import Problem, suggest
from .yamlsource import Located

# Shown in this order on country pages and in the open data.
TREATIES = (
    "refugee_convention",
    "refugee_protocol",
    "cat",
    "iccpr",
    "iccpr_op1",
    "council_of_europe",
    "extradition_convention",
    "cis",
    "minsk_convention",
    "chisinau_convention",
)
# Facts that live in the treaty table and must not be restated in data/countries.yml.
RESTATED = {
    ("protection", "council_of_europe"): "council_of_europe",
    ("protection", "refugee_convention"): "refugee_convention",
    ("protection", "extradition_convention"): "extradition_convention",
    ("channels", "minsk_convention"): "minsk_convention",
    ("channels", "chisinau_convention"): "chisinau_convention",
}
BOUND = {"party", "member"}  # statuses under which a state is bound today
ROW_ONLY = {"article_22": ("cat",), "article_22_since": ("cat",), "geographical_limitation": ("refugee_convention",)}


@dataclass(frozen=True)
class Participation:
    treaty: str
    code: str
    status: str
    sources: tuple[str, ...]
    as_of: str | None
    checked: str
    signed: str | None = None
    joined: str | None = None
    joined_by: str | None = None
    left: str | None = None
    expelled: bool = False
    article_22: str | None = None
    article_22_since: str | None = None
    geographical_limitation: str | None = None

    @property
    def bound(self) -> bool:
        return self.status in BOUND

    @property
    def known(self) -> bool:
        return self.status != "not-seen"


def participation(table: dict, treaty: str, code: str) -> Participation:
    entry = table[treaty]
    row = entry["states"].get(code) or {"status": "not-seen"}

    def text(key):
        value = row.get(key)
        return None if value is None else str(value)

    return Participation(
        treaty=treaty,
        code=code,
        status=row["status"],
        sources=tuple(row.get("sources") or entry["sources"]),
        as_of=str(row.get("as_of") or entry.get("as_of") or "") or None,
        checked=str(entry["checked"]),
        signed=text("signed"),
        joined=text("joined"),
        joined_by=text("joined_by"),
        left=text("left"),
        expelled=row.get("expelled") is True,
        article_22=text("article_22"),
        article_22_since=text("article_22_since"),
        geographical_limitation=text("geographical_limitation"),
    )


def participations(table: dict, code: str) -> dict[str, Participation]:
    return {treaty: participation(table, treaty, code) for treaty in TREATIES}


def check_treaty_table(located: Located, name: str, country_codes: list[str], sources: dict) -> list[Problem]:
    table = located.data
    scope = table.get("scope") or {}
    required = set(scope.get("un_members", [])) | set(scope.get("observers", [])) | set(country_codes)
    problems = []
    for treaty in TREATIES:
        entry = table.get(treaty)
        if not isinstance(entry, dict) or not isinstance(entry.get("states"), dict):
            continue  # the schema reports it
        states = entry["states"]
        for code in sorted(required - set(states)):
            problems.append(
                Problem(
                    name,
                    located.key_line_of((treaty, "states")),
                    f"{treaty}.states.{code}",
                    f"{code} is missing: every state is listed under every treaty. Write its status, "
                    "or 'not-seen' if no source showed it (never leave a state out to mean 'not a party')",
                )
            )
        for code in sorted(set(states) - required):
            problems.append(
                Problem(
                    name,
                    located.key_line_of((treaty, "states", code)),
                    f"{treaty}.states.{code}",
                    f"{code} is neither in scope (UN members and observers) nor in data/countries.yml",
                )
            )
        for path, ids in _source_lists(entry, treaty):
            for source_id in ids:
                if source_id not in sources:
                    problems.append(
                        Problem(
                            name,
                            located.line_of(path),
                            ".".join(str(p) for p in path),
                            f"unknown source '{source_id}' (add it to data/sources.yml)"
                            f"{suggest(source_id, list(sources))}",
                        )
                    )
        for code, row in states.items():
            if not isinstance(row, dict):
                continue
            for key, allowed in ROW_ONLY.items():
                if key in row and treaty not in allowed:
                    problems.append(
                        Problem(
                            name,
                            located.key_line_of((treaty, "states", code, key)),
                            f"{treaty}.states.{code}.{key}",
                            f"'{key}' belongs to {', '.join(allowed)} only",
                        )
                    )
            if row.get("article_22") == "yes" and row.get("status") != "party":
                problems.append(
                    Problem(
                        name,
                        located.key_line_of((treaty, "states", code, "article_22")),
                        f"{treaty}.states.{code}.article_22",
                        "only a party can have made the article 22 declaration",
                    )
                )
    return problems


def _source_lists(entry: dict, treaty: str):
    if isinstance(entry.get("sources"), list):
        yield (treaty, "sources"), entry["sources"]
    for code, row in entry["states"].items():
        if isinstance(row, dict) and isinstance(row.get("sources"), list):
            yield (treaty, "states", code, "sources"), row["sources"]


def check_restated(countries: Located, name: str) -> list[Problem]:
    """Treaty participation is one fact in data/treaties.yml, never a copy per country."""
    problems = []
    for code, country in (countries.data or {}).items():
        if not isinstance(country, dict):
            continue
        for (block, key), treaty in RESTATED.items():
            if isinstance(country.get(block), dict) and key in country[block]:
                problems.append(
                    Problem(
                        name,
                        countries.key_line_of((code, block, key)),
                        f"{code}.{block}.{key}",
                        f"treaty participation lives in data/treaties.yml ({treaty}.states.{code}): "
                        "remove it here and edit the treaty table instead",
                    )
                )
    return problems
