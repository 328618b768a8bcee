"""The one rule that turns sourced facts into the risk level shown to readers.

The rule is an ordered decision table (RULES): every row names the facts it reads and
what they do to the level. The methodology page prints this table in every language,
so page and code cannot drift. No level is typed by hand; the rule never says a
country is safe, and a fact that is not known never lowers a level.

Levels, most dangerous first (LEVELS):
  very-high         a person Belarus sought was handed over from here since 2020
  high              the country uses the CIS interstate wanted database, or held someone
                    30 days or more on a Belarusian request since 2020
  elevated          a legal route to Belarus exists, someone was detained on a Belarusian
                    request since 2020, or the security services cooperate with Belarus
  too-little-known  none of the above is known, and neither is the absence of a legal route
  no-route-found    sourced: no legal basis to extradite to Belarus, and no detention found

Case records marked `confidence: low` are shown to readers but do not count here.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..data.treaties import participations

LEVELS = ("very-high", "high", "elevated", "too-little-known", "no-route-found")
RULE_YEAR = 2020
LONG_DETENTION_DAYS = 30
HANDOVER_OUTCOMES = ("extradited", "deported", "handed-over-informally")
REFUSAL_OUTCOMES = ("extradition-refused",)


@dataclass(frozen=True)
class Rule:
    id: str
    level: str  # the level the row sets (or, for safeguards, the lowest it may reach)
    hard: bool  # a hard floor: safeguards never move a level set by this row


# The decision table, in the order it is applied. Wording: risk.rule.<id> in data/i18n.
RULES = (
    Rule("handover", "very-high", True),
    Rule("cis_database", "high", True),
    Rule("long_detention", "high", False),
    Rule("legal_basis", "elevated", True),
    Rule("detention", "elevated", True),
    Rule("security_cooperation", "elevated", True),
    Rule("safeguards", "elevated", False),
    Rule("no_route", "no-route-found", False),
    Rule("too_little_known", "too-little-known", False),
)


# Which row a missing fact could trigger: a missing fact is named only when knowing it
# could raise the level (an unknown treaty status does not matter once a handover is known).
MISSING_FACT_RULE = {
    "treaty_status": "legal_basis",
    "without_treaty": "legal_basis",
    "cis_database": "cis_database",
    "legal_basis": "legal_basis",
}


def rule(rule_id: str) -> Rule:
    return next(r for r in RULES if r.id == rule_id)


def relevant_missing(level: str, missing: tuple[str, ...]) -> tuple[str, ...]:
    """The missing facts that could raise `level` if they turned out to be risk facts."""
    return tuple(key for key in missing if LEVELS.index(rule(MISSING_FACT_RULE[key]).level) < LEVELS.index(level))


SAFEGUARD_KEYS = ("echr", "un_complaints", "refugee_convention", "refusals")


@dataclass(frozen=True)
class Reason:
    key: str  # interface string risk.reason.<key>
    evidence: tuple[str, ...] = ()  # anchors on the country page: case-…, treaty-…, treaty-table-…, channels
    params: tuple[tuple[str, str], ...] = ()  # values for the string's {placeholders}


@dataclass(frozen=True)
class Facts:
    """What the rule reads, each with the anchors of the facts behind it."""

    handovers: tuple[str, ...] = ()
    cis_database: bool = False
    long_detentions: tuple[str, ...] = ()
    detentions: tuple[str, ...] = ()
    legal_bases: tuple[Reason, ...] = ()
    security_cooperation: tuple[str, ...] = ()
    safeguards: tuple[Reason, ...] = ()
    no_legal_basis: tuple[str, ...] = ()  # evidence that no legal route exists (empty: not shown)
    missing: tuple[str, ...] = ()  # keys of facts that are not known (risk.missing.<key>)


@dataclass(frozen=True)
class Risk:
    level: str
    reasons: tuple[Reason, ...]
    missing: tuple[str, ...] = ()
    rules: tuple[str, ...] = ()  # ids of the table rows that applied

    @property
    def grounds(self) -> tuple[Reason, ...]:
        """The reasons that set the level (everything but the safeguards)."""
        return tuple(r for r in self.reasons if r.key not in SAFEGUARD_KEYS)

    @property
    def safeguards(self) -> tuple[Reason, ...]:
        return tuple(r for r in self.reasons if r.key in SAFEGUARD_KEYS)

    @property
    def lowered(self) -> bool:
        """True when safeguards moved the level one step down."""
        return "safeguards" in self.rules

    @property
    def evidence(self) -> tuple[str, ...]:
        return tuple(e for r in self.reasons for e in r.evidence)


def decide(facts: Facts) -> Risk:
    """Apply the decision table to the facts of one country."""
    reasons: list[Reason] = []
    applied: list[str] = []
    floors: list[tuple[str, bool]] = []  # (level, hard)

    def apply(rule_id: str, reason: Reason):
        row = rule(rule_id)
        floors.append((row.level, row.hard))
        reasons.append(reason)
        applied.append(rule_id)

    if facts.handovers:
        apply("handover", Reason("handover", facts.handovers))
    if facts.cis_database:
        apply("cis_database", Reason("cis_database", ("channels",)))
    if facts.long_detentions:
        apply("long_detention", Reason("long_detention", facts.long_detentions))
    for basis in facts.legal_bases:
        if "legal_basis" not in applied:
            apply("legal_basis", basis)
        else:
            reasons.append(basis)
    if facts.detentions:
        apply("detention", Reason("detention", facts.detentions))
        if set(facts.detentions) <= set(facts.long_detentions):
            reasons.pop()  # the same cases already stand behind the long-detention reason
    if facts.security_cooperation:
        apply("security_cooperation", Reason("security_cooperation", facts.security_cooperation))

    if floors:
        rank = min(LEVELS.index(level) for level, _ in floors)
        level = LEVELS[rank]
        hard = min((LEVELS.index(lv) for lv, h in floors if h), default=len(LEVELS))
        if facts.safeguards and rank < hard:
            # Safeguards move a level one step at most, never past a hard floor
            # (a handover, the CIS database, or any legal route or detention: elevated).
            level = LEVELS[min(rank + 1, hard)]
            applied.append("safeguards")
            reasons.extend(facts.safeguards)
        elif facts.safeguards:
            reasons.extend(facts.safeguards)  # shown, though they cannot move this level
        return Risk(level, tuple(reasons), relevant_missing(level, facts.missing), tuple(applied))
    if facts.no_legal_basis and not facts.missing:
        return Risk(
            "no-route-found",
            (Reason("no_route", facts.no_legal_basis), *facts.safeguards),
            (),
            ("no_route",),
        )
    return Risk(
        "too-little-known",
        (Reason("too_little_known"), *facts.safeguards),
        facts.missing or ("legal_basis",),
        ("too_little_known",),
    )


def facts_of(country: dict, code: str, treaties: dict) -> Facts:
    """Read the sourced facts the rule needs from a country's record and the treaty table."""
    cases = [c for c in country.get("cases") or [] if c.get("confidence") != "low"]
    recent = [c for c in cases if isinstance(c.get("year"), int) and c["year"] >= RULE_YEAR]

    def anchors(items):
        return tuple(f"case-{c['id']}" for c in items)

    handovers = [c for c in recent if c.get("outcome") in HANDOVER_OUTCOMES]
    detained = [c for c in recent if c.get("detained") == "yes"]
    long_held = [c for c in detained if (c.get("detention_days") or 0) >= LONG_DETENTION_DAYS]
    refusals = [c for c in cases if c.get("outcome") in REFUSAL_OUTCOMES]
    channels = country.get("channels") or {}
    protection = country.get("protection") or {}
    table = participations(treaties, code)
    belarus = participations(treaties, "BY")
    missing: list[str] = []

    legal_bases: list[Reason] = []
    unknown_treaties = []
    for treaty in country.get("treaties") or []:
        covers = treaty.get("kind") == "extradition" or treaty.get("covers_extradition") == "yes"
        anchor = f"treaty-{treaty['id']}"
        if treaty.get("kind") == "security-cooperation":
            continue
        if covers and treaty.get("status") == "in-force":
            legal_bases.append(Reason("treaty_in_force", (anchor,)))
        elif (
            treaty.get("status") in ("unknown", "signed") or treaty.get("covers_extradition") == "unknown"
        ) and treaty.get("covers_extradition") != "no":
            unknown_treaties.append(anchor)
    for convention in ("minsk_convention", "chisinau_convention"):
        if table[convention].bound and belarus[convention].bound:
            legal_bases.append(Reason(f"{convention}_in_force", (f"treaty-table-{convention}",)))
    without_treaty = (protection.get("extradition_without_treaty") or {}).get("status", "unknown")
    if without_treaty == "yes":
        legal_bases.append(Reason("without_treaty", ("extradition-without-treaty",)))
    if unknown_treaties:
        missing.append("treaty_status")
    if without_treaty == "unknown":
        missing.append("without_treaty")
    if channels.get("interstate_search", {}).get("status") == "unknown":
        missing.append("cis_database")  # "not-listed" is no evidence either way, and not missing

    security = tuple(
        f"treaty-{t['id']}" for t in country.get("treaties") or [] if t.get("kind") == "security-cooperation"
    )

    safeguards: list[Reason] = []
    if table["council_of_europe"].bound:
        safeguards.append(Reason("echr", ("treaty-table-council_of_europe",)))
    if table["cat"].article_22 == "yes" or table["iccpr_op1"].bound:
        ids = [f"treaty-table-{t}" for t in ("cat", "iccpr_op1") if table[t].bound]
        safeguards.append(Reason("un_complaints", tuple(ids)))
    if table["refugee_convention"].bound or table["refugee_protocol"].bound:
        safeguards.append(Reason("refugee_convention", ("treaty-table-refugee_convention",)))
    if refusals:
        safeguards.append(Reason("refusals", anchors(refusals)))

    no_legal_basis: tuple[str, ...] = ()
    if without_treaty == "no" and not legal_bases and not unknown_treaties and not detained:
        no_legal_basis = ("extradition-without-treaty",)

    return Facts(
        handovers=anchors(handovers),
        cis_database=channels.get("interstate_search", {}).get("status") == "yes",
        long_detentions=anchors(long_held),
        detentions=anchors(detained),
        legal_bases=tuple(legal_bases),
        security_cooperation=security,
        safeguards=tuple(safeguards),
        no_legal_basis=no_legal_basis,
        missing=tuple(missing),
    )


def assess(country: dict, code: str, treaties: dict) -> Risk:
    return decide(facts_of(country, code, treaties))


def effect_of(row: Rule) -> tuple[str, str]:
    """How the methodology table words a row's effect: (risk.rule.effect.<key>, level)."""
    if row.id in ("safeguards", "no_route"):
        return row.id, row.level
    if row.id == "too_little_known":
        return "final", row.level
    return ("hard" if row.hard else "soft"), row.level


def worked_examples(risks: dict[str, Risk]) -> list[tuple[str, Risk]]:
    """One country per row of the table (the first, in the given order, where the row
    applied), so the methodology page shows the rule at work on real records."""
    examples: list[tuple[str, Risk]] = []
    for row in RULES:
        if any(row.id in risk.rules for _, risk in examples):
            continue
        found = next((code for code, risk in risks.items() if row.id in risk.rules), None)
        if found is not None:
            examples.append((found, risks[found]))
    return examples
