"""Leaner HTML: the theme's templates indent every line, and in Russian or Belarusian
pages that indentation was about a thirtieth of a country page's compressed size.

Within text, a browser shows any run of spaces and line breaks as one space (outside
preformatted elements), so a run that holds a line break can become that single line
break without changing what is shown. Tags (and so attribute values) are left exactly as
they are, and so is everything inside <pre>, <code>, <textarea>, <script> and <style>,
where spacing is kept or matters."""

from __future__ import annotations

import re

KEEP_AS_IS = re.compile(r"<(pre|code|textarea|script|style)\b.*?</\1\s*>", re.S | re.I)
# A tag, with quoted attribute values that may hold ">" (or a comment, read the same way).
TAG = re.compile(r"""<[^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*>""")
LINE_BREAK_RUN = re.compile(r"[ \t\r\f]*\n\s*")


def collapse_text(text: str) -> str:
    return LINE_BREAK_RUN.sub("\n", text)


def outside(pattern: re.Pattern, change, html: str) -> str:
    """`html` with `change` applied to every stretch between matches of `pattern`; the
    matches themselves are copied unchanged."""
    out = []
    position = 0
    for match in pattern.finditer(html):
        out.append(change(html[position : match.start()]))
        out.append(match.group(0))
        position = match.end()
    out.append(change(html[position:]))
    return "".join(out)


def collapse_between_tags(html: str) -> str:
    """Collapse text outside tags; tags are copied unchanged."""
    return outside(TAG, collapse_text, html)


def collapse_whitespace(html: str) -> str:
    """The page with each whitespace run that holds a line break cut to one line break,
    except inside elements whose spacing is shown or matters."""
    return outside(KEEP_AS_IS, collapse_between_tags, html)
