"""A Content-Security-Policy for every page, as a <meta> tag (GitHub Pages sets no
headers): only this site's own files may load, and the theme's few inline scripts are
allowed by their SHA-256 hashes, computed from the page itself at build time."""

from __future__ import annotations

import base64
import hashlib
import re

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>(.*?)</script>", re.S)
REFERRER = '<meta name="referrer" content="no-referrer">'


def script_hashes(html: str) -> list[str]:
    hashes = []
    for match in INLINE_SCRIPT.finditer(html):
        digest = hashlib.sha256(match.group(1).encode("utf-8")).digest()
        token = "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"
        if token not in hashes:
            hashes.append(token)
    return hashes


def policy(html: str) -> str:
    # 'wasm-unsafe-eval' lets Pagefind's search run its WebAssembly; it allows no JavaScript eval.
    scripts = " ".join(["'self'", "'wasm-unsafe-eval'", *script_hashes(html)])
    return "; ".join(
        [
            "default-src 'none'",
            f"script-src {scripts}",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "worker-src 'self'",
            "manifest-src 'self'",
            "media-src 'none'",
            "object-src 'none'",
            "frame-src 'none'",
            "base-uri 'none'",
            "form-action 'none'",
        ]
    )


def policy_applies(command: str) -> bool:
    """`mkdocs serve` injects its live-reload script inline, with a new value on every
    rebuild, so no hash can allow it: the local preview goes without the policy (the
    built site, and every test of it, has the policy)."""
    return command != "serve"


def add_security_meta(html: str) -> str:
    """Insert the CSP and referrer policy right after <meta charset>, before any script."""
    tags = f'<meta http-equiv="Content-Security-Policy" content="{policy(html)}">{REFERRER}'
    marker = re.search(r"<meta charset=[\"']?utf-8[\"']?\s*/?>", html, re.I)
    if marker:
        return html[: marker.end()] + tags + html[marker.end() :]
    return html.replace("<head>", "<head>" + tags, 1)
