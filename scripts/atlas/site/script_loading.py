"""The theme's scripts start once the page is painted (docs/assets/atlas-loader.js), so
that the first paint never waits for them: their tags become one asynchronous tag for
the loader, which names them by their path from the site's root."""

from __future__ import annotations

import posixpath
import re

LOADER = "assets/atlas-loader.js"
SCRIPT_TAG = re.compile(r'<script src="([^"]+)"></script>\s*')


def root_path(src: str, page_folder: str, site_root: str) -> str | None:
    """The path of a script from the site's root, or None if it is not on this site."""
    if src.startswith(("http:", "https:", "//", "data:")):
        return None
    if src.startswith("/"):
        return src[len(site_root) :] if src.startswith(site_root) else None
    path = posixpath.normpath(posixpath.join(page_folder, src))
    return None if path.startswith("..") else path


def load_scripts_after_paint(html: str, page_folder: str, site_root: str = "/") -> str:
    """Replace the page's script tags (all of this site's, in order) with the loader's,
    reached the way the page reached them (relatively, or from the host's root as on the
    404 page). `page_folder`: the page's folder from the site's root ('' for the home page)."""
    found = SCRIPT_TAG.findall(html)
    paths = [root_path(src, page_folder, site_root) for src in found]
    if not found or None in paths or any(" " in path or '"' in path for path in paths):
        return html  # a script from elsewhere (or an odd name): leave the page as it is
    if not found[0].endswith(paths[0]):
        return html  # an address that is not simply the root's plus the path
    root = found[0].removesuffix(paths[0])
    html = SCRIPT_TAG.sub("", html)
    tag = f'<script src="{root}{LOADER}" data-atlas-scripts="{" ".join(paths)}" async></script>'
    at = html.rfind("</body>")
    return html[:at] + tag + html[at:]
