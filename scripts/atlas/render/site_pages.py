"""Small generated parts of the site's own pages: feed and offline links, the publisher
contact, translation status, open-data files and the search box."""

from __future__ import annotations

from markupsafe import Markup

from ..data.config import ROOT
from ..model.glossary import ENDINGS, SHORTEST_STEM
from .base import PageRenderer, translation_state


def offline_zip_name(lang: str) -> str:
    return f"interpol-atlas-{lang}.zip"


class SitePages(PageRenderer):
    def offline_download_markdown(self, up: str) -> str:
        """The link to this language's offline copy (made by atlas/offline.py after the build;
        its size is filled in then). `up` leads from this page to the site's root."""
        return str(
            Markup(
                '<p class="atlas-offline-download"><strong><a href="{0}downloads/{1}" download>{2}</a></strong>'
                ' (ZIP, <span class="atlas-zip-size">…</span>). {3}</p>'
            ).format(up, offline_zip_name(self.lang), self.t("offline.download"), self.t("offline.how"))
        )

    def feed_link_markdown(self, up: str) -> str:
        """A visible link to this language's Atom feed of profile changes. `up` leads from
        this page to the language's root. (Not a <link rel="alternate"> in the page head:
        Material's language selector would then download and parse the sitemap on every
        page, which takes longer than everything else its script does.)"""
        return str(
            Markup('<p class="atlas-feed">{0} <a href="{1}feed.xml" type="application/atom+xml">{2}</a></p>').format(
                self.t("feed.follow"), up, self.t("feed.link")
            )
        )

    def publisher_contact_markdown(self) -> str:
        contact = self.dataset.config.publisher_contact.strip()
        if not contact:
            repo = self.dataset.config.repo_url
            return str(
                Markup('<p class="atlas-contact-line">{} <a href="{}/issues">{}/issues</a></p>').format(
                    self.t("about.no_contact"), repo, repo
                )
            )
        href = f"mailto:{contact}" if "@" in contact and "://" not in contact else contact
        return str(
            Markup('<p class="atlas-contact-line">{} <a href="{}">{}</a></p>').format(
                self.t("about.contact"), href, contact
            )
        )

    def translation_status_markdown(self) -> str:
        from ..data.pages import english_pages, page_translation_state

        config = self.dataset.config
        repo, branch = config.repo_url, config.edit_branch
        languages = []
        for lang in config.languages[1:]:
            rows = []
            for code in sorted(self.dataset.countries):
                state = translation_state(self.dataset, code, lang)
                if state in ("missing", "behind"):
                    name = f"docs/countries/{code.lower()}.{lang}.md"
                    link = (
                        f"{repo}/new/{branch}/docs/countries?filename={code.lower()}.{lang}.md"
                        if state == "missing"
                        else f"{repo}/edit/{branch}/{name}"
                    )
                    rows.append((name, state, link))
            docs = ROOT / "docs"
            for english in english_pages(docs):
                state = page_translation_state(english, lang)
                if state != "current":
                    relative = english.relative_to(ROOT).as_posix()
                    name = relative[: -len(".md")] + f".{lang}.md"
                    folder, _, filename = name.rpartition("/")
                    link = (
                        f"{repo}/new/{branch}/{folder}?filename={filename}"
                        if state == "missing"
                        else f"{repo}/edit/{branch}/{name}"
                    )
                    rows.append((name, state, link))
            counted = [translation_state(self.dataset, c, lang) for c in self.dataset.countries]
            summary = (
                f"Country texts: {counted.count('current')} current, {counted.count('behind')} behind, "
                f"{counted.count('missing')} missing, {counted.count('none')} with no text to translate. "
                f"Other pages needing work: {sum(1 for r in rows if not r[0].startswith('docs/countries/'))}."
            )
            languages.append((lang, summary, rows))
        return self.env.get_template("translation-status.md.html").render(**self.common, languages=languages)

    def data_files_markdown(self) -> str:
        """Links to the open-data files, which live once at the site root (/data/)."""
        up = "../../" if self.lang == self.dataset.config.default_language else "../../../"
        items = [
            ("countries.json", "JSON"),
            ("countries.csv", "CSV"),
            ("cases.csv", "CSV"),
            ("countries.schema.json", "JSON Schema"),
        ]
        links = "".join(
            Markup('<li><a href="{}data/{}" download><code>/data/{}</code></a> ({})</li>').format(up, name, name, kind)
            for name, kind in items
        )
        return str(Markup('<ul class="atlas-data-files">') + Markup(links) + Markup("</ul>"))

    def search_markdown(self) -> str:
        """The search box: Pagefind's UI, loaded by atlas.js, searching this language only."""
        up = "../" if self.lang == self.dataset.config.default_language else "../../"
        return str(
            Markup(
                '<link rel="stylesheet" href="{0}pagefind/pagefind-ui.css">'
                '<div id="atlas-search" data-bundle="{0}pagefind/" data-placeholder="{1}" '
                'data-zero="{2}" data-many="{3}" data-one="{4}" data-clear="{5}" data-more="{6}" '
                'data-endings="{8}" data-shortest-stem="{9}"></div>'
                "<noscript><p>{7}</p></noscript>"
            ).format(
                up,
                self.t("search.placeholder"),
                self.t("search.zero"),
                self.t("search.many"),
                self.t("search.one"),
                self.t("search.clear"),
                self.t("search.more"),
                self.t("search.noscript"),
                " ".join(ENDINGS),
                SHORTEST_STEM,
            )
        )
