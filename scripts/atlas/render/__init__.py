"""Pages in each language: interface strings, templates, the country page, lists, the map."""
