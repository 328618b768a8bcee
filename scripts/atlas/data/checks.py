"""Checks the schema cannot express: real dates, references, country codes, markup."""

from __future__ import annotations

import datetime as dt
import re
from urllib.parse import urlparse

import pycountry

from .problems import Problem, dotted, suggest
from .yamlsource import Located

MARKUP = re.compile(r"<\s*/?\s*[A-Za-z!?][^>]*>|<\s*script|javascript:|\bon[a-z]+\s*=", re.I)
PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def walk(value, path=()):
    """Yield (path, value) for every scalar in nested data."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from walk(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from walk(item, path + (index,))
    else:
        yield path, value


def check_markup(located: Located, name: str) -> list[Problem]:
    """HTML or script in any text is refused: text is shown as text, never as markup."""
    problems = []
    for path, value in walk(located.data):
        match = MARKUP.search(value) if isinstance(value, str) else None
        if match:
            problems.append(
                Problem(
                    name,
                    located.text_line_of(path, match.start()),
                    dotted(path),
                    "HTML or script is not allowed in text (write plain text; Markdown "
                    "**bold**, *italic* and [links](https://…) are fine)",
                )
            )
    return problems


def parse_partial_date(value) -> dt.date | None:
    """'2021', '2021-03' or '2021-03-04' -> the first day it can mean; None if impossible."""
    match = PARTIAL_DATE.match(str(value))
    if not match:
        return None
    year, month, day = (int(g) if g else 1 for g in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def check_dates(located: Located, name: str, today: dt.date) -> list[Problem]:
    """Every date-like value must exist in the calendar and not lie in the future,
    except review deadlines."""
    problems = []
    for path, value in walk(located.data):
        if not path or path[-1] not in {
            "since",
            "until",
            "signed",
            "in_force",
            "published",
            "date",
            "sent",
            "reply_date",
            "checked",
            "last_reviewed",
        }:
            continue
        if value == "undated" or not PARTIAL_DATE.match(str(value)):
            continue  # the schema reports the format
        parsed = parse_partial_date(value)
        if parsed is None:
            problems.append(
                Problem(
                    name,
                    located.line_of(path),
                    dotted(path),
                    f"'{value}' is not a real date",
                )
            )
        elif parsed > today:
            problems.append(
                Problem(
                    name,
                    located.line_of(path),
                    dotted(path),
                    f"'{value}' lies in the future",
                )
            )
    return problems


def check_urls(located: Located, name: str) -> list[Problem]:
    problems = []
    for path, value in walk(located.data):
        if path and path[-1] in {"url", "archived_url", "website"} and isinstance(value, str):
            parsed = urlparse(value)
            if parsed.scheme not in {"http", "https"} or not parsed.netloc or " " in value:
                problems.append(
                    Problem(
                        name,
                        located.line_of(path),
                        dotted(path),
                        f"'{value}' is not a web address (must start with http:// or https://)",
                    )
                )
    return problems


def check_country_codes(located: Located, name: str) -> list[Problem]:
    problems = []
    for code in located.data or {}:
        line = located.key_line_of((code,))
        if not re.match(r"^[A-Z]{2}$", str(code)):
            continue  # the schema reports the shape
        if pycountry.countries.get(alpha_2=code) is None:
            known = [c.alpha_2 for c in pycountry.countries]
            problems.append(
                Problem(
                    name,
                    line,
                    code,
                    f"'{code}' is not an ISO 3166-1 alpha-2 country code{suggest(code, known)}",
                )
            )
        elif code == "BY":
            problems.append(
                Problem(
                    name,
                    line,
                    code,
                    "Belarus is the requesting state, not a host country",
                )
            )
    return problems


def check_references(
    countries: Located,
    cname: str,
    sources: dict,
    organisations: Located | None,
    oname: str,
) -> list[Problem]:
    """Every source and organisation id used must exist; item ids must be unique."""
    problems = []
    source_ids = set(sources)
    org_ids = set((organisations.data or {}) if organisations else {})
    seen_item_ids: dict[str, int] = {}
    for path, value in walk(countries.data):
        if "sources" in path and isinstance(value, str) and value not in source_ids:
            problems.append(
                Problem(
                    cname,
                    countries.line_of(path),
                    dotted(path),
                    f"unknown source '{value}' (add it to data/sources.yml){suggest(value, source_ids)}",
                )
            )
        if len(path) == 3 and path[1] == "legal_help" and value not in org_ids:
            problems.append(
                Problem(
                    cname,
                    countries.line_of(path),
                    dotted(path),
                    f"unknown organisation '{value}' (add it to data/organisations.yml){suggest(value, org_ids)}",
                )
            )
        if len(path) == 4 and path[1] in {"cases", "inquiries", "treaties"} and path[3] == "id":
            line = countries.line_of(path)
            if value in seen_item_ids:
                problems.append(
                    Problem(
                        cname,
                        line,
                        dotted(path),
                        f"id '{value}' is already used on line {seen_item_ids[value]}; "
                        "ids become anchors and must be unique",
                    )
                )
            seen_item_ids.setdefault(value, line)
    if organisations:
        for path, value in walk(organisations.data):
            if "sources" in path and isinstance(value, str) and value not in source_ids:
                problems.append(
                    Problem(
                        oname,
                        organisations.line_of(path),
                        dotted(path),
                        f"unknown source '{value}' (add it to data/sources.yml){suggest(value, source_ids)}",
                    )
                )
    return problems


def check_rights_texts(texts: Located, name: str, sources: dict, countries: dict) -> list[Problem]:
    """A quoted official text belongs to a profiled country, cites known sources, and has a
    unique id."""
    problems, seen = [], {}
    for code, entries in (texts.data or {}).items():
        if code not in countries:
            problems.append(Problem(name, texts.key_line_of((code,)), code, "no such country in data/countries.yml"))
        for index, entry in enumerate(entries or []):
            if not isinstance(entry, dict):
                continue
            for number, sid in enumerate(entry.get("sources") or []):
                if sid not in sources:
                    line = texts.line_of((code, index, "sources", number))
                    hint = suggest(sid, set(sources))
                    problems.append(Problem(name, line, f"{code}[{index}].sources", f"unknown source '{sid}'{hint}"))
            item_id = entry.get("id")
            if item_id in seen:
                line = texts.line_of((code, index, "id"))
                problems.append(Problem(name, line, f"{code}[{index}].id", f"id '{item_id}' is already used"))
            seen.setdefault(item_id, code)
    return problems


def check_reviews(countries: Located, name: str, today: dt.date) -> list[Problem]:
    problems = []
    for code, country in (countries.data or {}).items():
        review = country.get("review") if isinstance(country, dict) else None
        if not isinstance(review, dict):
            continue
        last = parse_partial_date(review.get("last_reviewed", ""))
        due = parse_partial_date(review.get("next_review_due", ""))
        if last and due and due <= last:
            problems.append(
                Problem(
                    name,
                    countries.line_of((code, "review", "next_review_due")),
                    f"{code}.review.next_review_due",
                    "must come after last_reviewed",
                )
            )
        elif due and due < today:
            problems.append(
                Problem(
                    name,
                    countries.line_of((code, "review", "next_review_due")),
                    f"{code}.review.next_review_due",
                    f"review overdue since {due.isoformat()}: re-check the sources and update the dates",
                    warning=True,
                )
            )
    return problems


def unused_sources(
    countries: Located,
    organisations: Located | None,
    sources: Located,
    name: str,
    cited: set[str] = frozenset(),
    treaties: Located | None = None,
    rights_texts: Located | None = None,
) -> list[Problem]:
    used = {v for p, v in walk(countries.data) if "sources" in p} | set(cited)
    for other in (organisations, treaties, rights_texts):
        if other:
            used |= {v for p, v in walk(other.data) if "sources" in p}
    return [
        Problem(
            name,
            sources.key_line_of((sid,)),
            sid,
            "source is not cited anywhere",
            warning=True,
        )
        for sid in (sources.data or {})
        if sid not in used
    ]


def missing_archives(sources: Located, name: str) -> list[Problem]:
    """Web sources without an archived copy: link rot would leave a claim unverifiable."""
    return [
        Problem(
            name,
            sources.key_line_of((sid,)),
            f"{sid}.archived_url",
            "no archived copy recorded (add archived_url: a web-archive snapshot of the page)",
            warning=True,
        )
        for sid, entry in (sources.data or {}).items()
        if isinstance(entry, dict) and entry.get("url") and not entry.get("archived_url")
    ]


# A status that can change (a treaty in force, a membership, a contact) is re-confirmed
# at least this often: the same six months as a country's review.
STATUS_REVIEW_DAYS = 182
FRESHNESS_KEYS = ("as_of", "checked")


def check_freshness(located: Located, name: str, today: dt.date) -> list[Problem]:
    """Warn (never fail the build) where the date a changeable status was last confirmed
    is older than the review interval. Rows of one entry sharing a stale date (a treaty's
    states, say) are reported once, at the first of them."""
    oldest = today - dt.timedelta(days=STATUS_REVIEW_DAYS)
    stale: dict[tuple, list[tuple]] = {}
    for path, value in walk(located.data):
        if not path or path[-1] not in FRESHNESS_KEYS:
            continue
        confirmed = parse_partial_date(value)
        if confirmed is not None and confirmed < oldest:
            stale.setdefault((path[0], str(value)), []).append(path)
    problems = []
    for (_, value), paths in stale.items():
        more = f" (and {len(paths) - 1} more rows of {paths[0][0]} with this date)" if len(paths) > 1 else ""
        problems.append(
            Problem(
                name,
                located.line_of(paths[0]),
                dotted(paths[0]),
                f"last confirmed {value}, more than {STATUS_REVIEW_DAYS} days ago{more}: re-check the source "
                "and update the date",
                warning=True,
            )
        )
    return problems


def check_treaty_dates(countries: Located, name: str) -> list[Problem]:
    """A bilateral treaty's status can change: it needs the date it was last confirmed."""
    problems = []
    for code, country in (countries.data or {}).items():
        treaties = country.get("treaties") if isinstance(country, dict) else None
        for index, treaty in enumerate(treaties or []):
            if isinstance(treaty, dict) and treaty.get("status") == "in-force" and not treaty.get("as_of"):
                problems.append(
                    Problem(
                        name,
                        countries.line_of((code, "treaties", index, "status")),
                        f"{code}.treaties.{treaty.get('id', index)}.as_of",
                        "no date on which 'in-force' was last confirmed (add as_of: YYYY-MM-DD)",
                        warning=True,
                    )
                )
    return problems


def check_recorded_levels(countries: Located, name: str, levels: dict[str, str]) -> list[Problem]:
    """The risk level is computed, never typed; but every change of level must be recorded in
    the country's history (changes[].risk_level), so readers and the feed see it. The newest
    recorded level must equal the computed one."""
    problems = []
    for code, level in levels.items():
        changes = countries.data.get(code, {}).get("changes") or []
        found = [(i, c["risk_level"]) for i, c in enumerate(changes) if isinstance(c, dict) and c.get("risk_level")]
        recorded = found[0] if found else None
        if recorded is None:
            line = countries.key_line_of((code, "changes")) if changes else countries.key_line_of((code,))
            message = f"no recorded risk level; the rule gives '{level}': add risk_level: {level} to the newest change"
            problems.append(Problem(name, line, f"{code}.changes", message))
        elif recorded[1] != level:
            index, old = recorded
            problems.append(
                Problem(
                    name,
                    countries.line_of((code, "changes", index, "risk_level")),
                    f"{code}.changes.{index}.risk_level",
                    f"the rule now gives '{level}', the history last recorded '{old}': add a change entry "
                    f"(date, note in each language) with risk_level: {level} saying what changed",
                )
            )
    return problems
