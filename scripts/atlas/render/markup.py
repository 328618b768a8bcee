"""Volunteers' texts (short Markdown passages) to HTML, one passage at a time.

Text is escaped first, so Markdown stays Markdown and HTML never becomes markup. One
Markdown instance per process is reused (creating one costs more than converting a
short passage), and each passage is converted once."""

from __future__ import annotations

from functools import lru_cache

import markdown
from markupsafe import Markup, escape

# What a volunteer's passage may use: paragraphs, lists, emphasis, tables, definition lists
# and admonitions. Headings are the page's job, not the passage's.
EXTENSIONS = ("admonition", "attr_list", "def_list", "tables")


@lru_cache(maxsize=1)
def _converter() -> markdown.Markdown:
    return markdown.Markdown(extensions=list(EXTENSIONS), output_format="html")


@lru_cache(maxsize=8192)
def passage_html(text: str) -> Markup:
    converter = _converter()
    converter.reset()
    return Markup(converter.convert(str(escape(text.strip()))))
