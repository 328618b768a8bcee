"""The "if you are detained here" card of a deep country, in one language: who to call
(with tap-to-call and e-mail links, only contacts printed in a cited source), what to say
(in the reader's language and in English), what happens next (from the profile's facts),
and the official texts in the host country's language, quoted word for word."""

from __future__ import annotations

import re

from ..model.citation import absolute_url
from .base import Citations, PageRenderer
from .strings import Strings

SAY = ("lawyer", "interpreter", "asylum", "no_handover", "no_embassy")
LINKED = {"phone": "tel:", "email": "mailto:"}


def contact_href(kind: str, value: str) -> str:
    """tel: with the digits and a leading + only; mailto: with the address; none otherwise.
    A number written with a country code and a bracketed trunk zero («+995 (0322) …») is
    not linked: which digits to dial is a guess, and a wrong number can cost the only call."""
    if kind == "phone":
        if re.search(r"\+\d+\s*\(0", value):
            return ""
        digits = re.sub(r"[^\d+]", "", value)
        return f"tel:{digits}" if len(re.sub(r"\D", "", digits)) >= 5 else ""
    if kind == "email" and re.fullmatch(r"[^@\s]+@[^@\s]+\.[a-z]{2,}", value, re.IGNORECASE):
        return f"mailto:{value}"
    return ""


def callable_organisations(country: dict, organisations: dict) -> list[tuple[str, dict, list]]:
    """The country's help organisations that can be phoned or written to, each with its
    contacts and their links (an address is shown, not linked)."""
    found = []
    for org_id in country.get("legal_help", []):
        org = organisations[org_id]
        contacts = [(c, contact_href(c["kind"], c["value"])) for c in org.get("contacts", [])]
        if any(href for _contact, href in contacts):
            found.append((org_id, org, contacts))
    return found


def card_status(dataset) -> list[tuple[str, int, int]]:
    """For the maintainers: each deep country's number of official texts and of
    organisations a reader can phone or write to from its card."""
    return [
        (code, len(dataset.rights_texts.get(code, [])), len(callable_organisations(country, dataset.organisations)))
        for code, country in sorted(dataset.countries.items())
        if country.get("profile") == "deep"
    ]


class DetainedCard(PageRenderer):
    def cards_status_markdown(self) -> str:
        status = card_status(self.dataset)
        rows = [
            f"| [{self.country_name(code)}](../detained/{code.lower()}.md) "
            f"| {texts or '**none found**'} | {orgs or '**none**'} |"
            for code, texts, orgs in status
        ]
        missing = [self.country_name(code) for code, texts, _orgs in status if not texts]
        head = "| Country | Official host-language texts | Organisations to call or write to |\n|---|---|---|"
        found = f"No official text found yet ({len(missing)}): {', '.join(missing)}."
        return head + "\n" + "\n".join(rows) + "\n\n" + found + "\n"

    def card_title(self, code: str) -> str:
        return self.t("card.title", country=self.country_name(code))

    def card_html(self, code: str) -> str:
        country = self.dataset.countries[code]
        config = self.dataset.config
        cite = Citations(self.dataset.sources)
        up = "../../" if self.lang == self.dataset.config.default_language else "../../"
        return self.env.get_template("detained-card.html").render(
            **{**self.common, "raw": lambda caller: caller()},
            code=code,
            name=self.country_name(code),
            country=country,
            cite=cite,
            english=Strings(self.dataset.config.default_language),
            say=SAY,
            callable=callable_organisations(country, self.dataset.organisations),
            safeguards=[r for r in self.dataset.risk(code).safeguards if r.key != "refusals"],
            official=self.dataset.rights_texts.get(code, []),
            country_href=f"{up}countries/{code.lower()}/",
            country_label=self.country_name,
            page_url=absolute_url(config.site_url, self.lang, config.default_language, f"detained/{code.lower()}/"),
        )
