"""Table of contents and anchor ids of a page that was rendered straight to HTML.

MkDocs builds a page's table of contents (and the list of anchors other pages may link
to) while parsing Markdown; pages that skip the parser get both from their HTML here."""

from __future__ import annotations

import re

HEADING = re.compile(r'<h([1-6]) id="([^"]+)">(.*?)<a class="headerlink" href="#\2">', re.S)
ANCHOR_ID = re.compile(r'\bid="([^"]+)"')


def headings(html: str) -> list[tuple[int, str, str]]:
    """(level, id, title as HTML) of every heading with a permalink, in page order."""
    return [(int(level), anchor, title.strip()) for level, anchor, title in HEADING.findall(html)]


def toc_tokens(found: list[tuple[int, str, str]]) -> list[dict]:
    """Nest headings the way Python-Markdown's toc extension does (MkDocs' get_toc reads it)."""
    root: list[dict] = []
    stack: list[dict] = []
    for level, anchor, title in found:
        token = {"level": level, "id": anchor, "name": title, "children": []}
        while stack and stack[-1]["level"] >= level:
            stack.pop()
        (stack[-1]["children"] if stack else root).append(token)
        stack.append(token)
    return root


def anchor_ids(html: str) -> set[str]:
    return set(ANCHOR_ID.findall(html))
