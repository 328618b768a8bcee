"""The generator's side: MkDocs facts, and what finishes the site (open data, feeds, offline copies,
search, sitemap)."""
