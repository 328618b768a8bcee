"""The one rule that turns recorded facts into the risk level shown to readers.

The rule is explained on the methodology page; change it there too. It only
looks at facts with sources, and never says a country is safe: the lowest level
for a profiled country is "no reported detentions found".

Case records marked `confidence: low` are shown to readers but do not count here.

1. very-high  — a recorded case since 2020 ended with the person handed to Belarus.
2. high       — the country uses the CIS interstate wanted database.
3. elevated   — people were detained there on Belarusian requests, or the country is
                outside the Council of Europe (no European Court of Human Rights, no Rule 39).
4. no-detentions-found — a deep profile with none of the above.
5. not-assessed — a baseline profile: no Belarus-specific findings yet.
"""

from __future__ import annotations

from dataclasses import dataclass

LEVELS = ("very-high", "high", "elevated", "no-detentions-found", "not-assessed")
HANDOVER_OUTCOMES = {"extradited"}
RULE_YEAR = 2020


@dataclass(frozen=True)
class Risk:
    level: str
    reasons: tuple[str, ...]  # keys of interface strings, e.g. "risk.reason.extradited"
    evidence: tuple[str, ...] = ()  # ids of the cases or facts behind the level


def assess(country: dict) -> Risk:
    cases = country.get("cases") or []
    evidence = [c for c in cases if c.get("confidence") != "low"]
    handed_over = [c["id"] for c in evidence if c.get("outcome") in HANDOVER_OUTCOMES and c.get("year", 0) >= RULE_YEAR]
    detained = [c["id"] for c in evidence if c.get("detained") == "yes"]
    interstate = (country.get("channels") or {}).get("interstate_search", {}).get("status") == "yes"
    coe = (country.get("protection") or {}).get("council_of_europe", {}).get("status")
    outside_coe = coe in {"not-member", "expelled"}

    if country.get("profile") != "deep" and not (handed_over or detained):
        return Risk("not-assessed", ("risk.reason.baseline",))
    if handed_over:
        return Risk("very-high", ("risk.reason.extradited",), tuple(handed_over))
    if interstate:
        return Risk("high", ("risk.reason.interstate",), tuple(detained))
    reasons = []
    if detained:
        reasons.append("risk.reason.detained")
    if outside_coe:
        reasons.append("risk.reason.outside_coe")
    if reasons:
        return Risk("elevated", tuple(reasons), tuple(detained))
    return Risk("no-detentions-found", ("risk.reason.none_found",))
