"""One page of each kind the site has, by its path in every language. The browser tests,
the Lighthouse check and the benchmark all use this list."""

PAGE_TYPES = {
    "home": "",
    "countries": "countries/",
    "country-deep": "countries/pl/",
    "country-baseline": "countries/at/",
    "guide": "guides/detained/",
    "glossary": "guides/glossary/",
    "about": "about/privacy/",
    "search": "search/",
    "a-z": "a-z/",
}
