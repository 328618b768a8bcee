"""The country page, rendered straight to HTML in one language."""

from __future__ import annotations

import os

from ..data.treaties import TREATIES, participations
from ..model.citation import Citation, absolute_url, build_commit, permalink
from .base import Citations, Text, prose_text, translation_state
from .charts import series_svg
from .cite import CiteBox, bibtex_html, pdf_name
from .markup import passage_html

SECTIONS = (
    "summary",
    "special-procedure",
    "detention",
    "statistics",
    "channels",
    "protection",
    "authorities",
    "legal-help",
    "cases",
    "inquiries",
    "history",
    "cite",
    "sources",
)


ANSWERS = ("special_procedure", "detention", "statistics")


class CountryPage(CiteBox):
    def country_html(self, code: str) -> str:
        country = self.dataset.countries[code]
        cite = Citations(self.dataset.sources)

        def text(kind: str, key: str) -> Text | None:
            return prose_text(self.dataset, code, self.lang, kind, key)

        organisations = [(org_id, self.dataset.organisations[org_id]) for org_id in country.get("legal_help", [])]
        citation = self.country_citation(code)
        due = country["review"]["next_review_due"]
        overdue = str(due) < self.dataset.today.isoformat()
        template = self.env.get_template("country.html")
        return template.render(
            # The page is HTML already: the shared macros' raw() blocks need no placeholder.
            **{**self.common, "raw": lambda caller: caller()},
            markdown=passage_html,
            code=code,
            name=self.country_name(code),
            country=country,
            risk=self.dataset.risk(code),
            treaties=participations(self.dataset.treaties, code),
            treaty_lines={key: self.dataset.located["treaties"].key_line_of((key, "states", code)) for key in TREATIES},
            text=text,
            cite=cite,
            organisations=organisations,
            all_organisations=self.dataset.organisations,
            cases=sorted(
                country.get("cases", []),
                key=lambda case: case.get("year", 0),
                reverse=True,
            ),
            overdue=overdue,
            translation=translation_state(self.dataset, code, self.lang),
            answers=ANSWERS,
            country_label=self.country_name,
            citation=citation,
            citation_html=self.citation_html(citation),
            pdf=pdf_name(citation, code, self.lang) if os.environ.get("ATLAS_PDF_LINKS") == "1" else "",
            pdf_root="../../" if self.lang == self.dataset.config.default_language else "../../../",
            glossary="../../guides/glossary/",
            chart=lambda series, title: series_svg(series, lambda m: self.t(f"statistics.measures.{m}"), title),
            statistics_title=self.t("statistics.table_caption") + " — " + self.country_name(code),
            data_line=self.dataset.located["countries"].key_line_of((code,)),
            bibtex_html=bibtex_html(citation, f"interpolatlas-{code.lower()}-{self.lang}", self.lang),
            repo_url=self.dataset.config.repo_url,
            edit_branch=self.dataset.config.edit_branch,
        )

    def country_citation(self, code: str) -> Citation:
        country = self.dataset.countries[code]
        changes = [str(c["date"]) for c in country.get("changes", [])]
        version = max(changes) if changes else str(country["review"]["last_reviewed"])
        config = self.dataset.config
        prose = f"docs/countries/{code.lower()}{'' if self.lang == config.default_language else '.' + self.lang}.md"
        files = [prose] if self.dataset.prose_for(code, self.lang) else [f"docs/countries/{code.lower()}.md"]
        return Citation(
            title=self.country_name(code),
            site=self.site_name,
            url=absolute_url(config.site_url, self.lang, config.default_language, f"countries/{code.lower()}/"),
            version_date=version,
            commit=build_commit(),
            accessed=self.dataset.today.isoformat(),
            permalink=permalink(config.repo_url, build_commit(), files),
        )
