"""Atom feed of country changes for one language (/feed.xml, /ru/feed.xml, …)."""

from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from ..data.names import country_name
from ..model.citation import absolute_url
from ..render.strings import Strings


def feed_entries(dataset, lang: str) -> list[dict]:
    """One entry per change note; a change of risk level says the new level."""
    config = dataset.config
    t = Strings(lang, config.default_language)
    entries = []
    for code, country in dataset.countries.items():
        name = country_name(code, lang)
        page = absolute_url(config.site_url, lang, config.default_language, f"countries/{code.lower()}/")
        seen: dict[str, int] = {}
        for change in country.get("changes", []):
            note_lang = lang if change["note"].get(lang) else config.default_language
            date = str(change["date"])
            seen[date] = seen.get(date, 0) + 1
            level = change.get("risk_level")
            title = f"{name}: {change['note'][note_lang]}"
            if level:
                title += " " + t("history.risk_level", level=t(f"risk.levels.{level}"))
            entries.append(
                {
                    "id": f"{page}#history-{date}" + (f"-{seen[date]}" if seen[date] > 1 else ""),
                    "title": title,
                    "risk_level": level,
                    "title_lang": note_lang,
                    "updated": f"{change['date']}T00:00:00Z",
                    "link": f"{page}#history",
                    "code": code,
                    "name": name,
                }
            )
    entries.sort(key=lambda e: (e["updated"], e["code"]), reverse=True)
    return entries


def atom_feed(dataset, lang: str, site_name: str, title: str) -> str:
    config = dataset.config
    home = absolute_url(config.site_url, lang, config.default_language, "")
    entries = feed_entries(dataset, lang)
    updated = entries[0]["updated"] if entries else f"{dataset.today.isoformat()}T00:00:00Z"
    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        f'<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="{lang}">',
        f"  <title>{escape(site_name)}: {escape(title)}</title>",
        f"  <id>{escape(home)}feed.xml</id>",
        f'  <link rel="self" type="application/atom+xml" href={quoteattr(home + "feed.xml")}/>',
        f'  <link rel="alternate" type="text/html" href={quoteattr(home)}/>',
        f"  <updated>{updated}</updated>",
        f"  <author><name>{escape(site_name)}</name></author>",
    ]
    for entry in entries:
        out += [
            "  <entry>",
            f"    <id>{escape(entry['id'])}</id>",
            f'    <title xml:lang="{entry["title_lang"]}">{escape(entry["title"])}</title>',
            f'    <link rel="alternate" type="text/html" href={quoteattr(entry["link"])}/>',
            f"    <updated>{entry['updated']}</updated>",
            f'    <category term="{entry["code"]}" label={quoteattr(entry["name"])}/>',
            *([f'    <category term="risk-{entry["risk_level"]}"/>'] if entry["risk_level"] else []),
            "  </entry>",
        ]
    out.append("</feed>")
    return "\n".join(out) + "\n"
