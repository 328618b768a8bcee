"""One language's renderer: every kind of page, each in its own module.

Country pages are finished HTML (country.py); lists of countries (lists.py), guides
(guides.py) and the small generated parts of the site's pages (site_pages.py) are
Markdown. The Jinja templates live in templates/ beside these modules."""

from __future__ import annotations

from .card import DetainedCard
from .country import CountryPage
from .guides import GuidePages
from .lists import ListPages
from .site_pages import SitePages


class Renderer(CountryPage, DetainedCard, ListPages, GuidePages, SitePages):
    """All page kinds for one language (see the modules named above)."""
