"""The theme's scripts load once the page is painted (overrides/partials/atlas/
load-scripts.js), so that the first paint never waits for them: their tags become one
small inline loader that lists them by their path from the site's root."""

from __future__ import annotations

import json
import posixpath
import re
from functools import cache

from .config import ROOT

LOADER_SOURCE = ROOT / "overrides" / "partials" / "atlas" / "load-scripts.js"
SCRIPT_TAG = re.compile(r'<script src="([^"]+)"></script>\s*')
COMMENT = re.compile(r"/\*.*?\*/", re.S)


# Space next to punctuation. The loader has no string or regular expression in which
# such space matters, so this shrinks it without changing what it does.
PUNCTUATION_SPACE = re.compile(r"\s*([{}()\[\];,=|&+<>:!?])\s*")


def compact_loader(source: str) -> str:
    """The loader without its comments, indentation and space around punctuation (it is
    inlined on every page); one statement per line stays as written."""
    lines = (PUNCTUATION_SPACE.sub(r"\1", line.strip()) for line in COMMENT.sub("", source).splitlines())
    return "\n".join(line for line in lines if line)


@cache
def site_loader() -> str:
    return compact_loader(LOADER_SOURCE.read_text(encoding="utf-8"))


def root_path(src: str, page_folder: str, site_root: str) -> str | None:
    """The path of a script from the site's root, or None if it is not on this site."""
    if src.startswith(("http:", "https:", "//", "data:")):
        return None
    if src.startswith("/"):
        return src[len(site_root) :] if src.startswith(site_root) else None
    path = posixpath.normpath(posixpath.join(page_folder, src))
    return None if path.startswith("..") else path


def load_scripts_after_paint(html: str, page_folder: str, site_root: str = "/", loader: str | None = None) -> str:
    """Replace the page's script tags (all of this site's, in order) with the loader.
    `page_folder`: the page's folder from the site's root ('' for the home page)."""
    found = SCRIPT_TAG.findall(html)
    paths = [root_path(src, page_folder, site_root) for src in found]
    if not found or None in paths:
        return html  # a script from elsewhere: leave the page as it is
    code = loader if loader is not None else site_loader()
    sources = json.dumps(paths, separators=(",", ":")).replace("</", "<\\/")
    html = SCRIPT_TAG.sub("", html)
    at = html.rfind("</body>")
    return html[:at] + f"<script>{code}({sources})</script>" + html[at:]
