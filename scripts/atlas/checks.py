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
) -> list[Problem]:
    used = {v for p, v in walk(countries.data) if "sources" in p} | set(cited)
    for other in (organisations, treaties):
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
