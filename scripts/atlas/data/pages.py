"""Translation state of hand-written pages (guides, about, home), the same way as for
country texts: a translation records `translation_of`, the fingerprint of the English
page body it was made from."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from .prose import split_front_matter


def body_fingerprint(path: Path) -> str:
    _front, body = split_front_matter(path.read_text(encoding="utf-8"))
    return hashlib.sha256(body.strip().encode("utf-8")).hexdigest()[:10]


def recorded_fingerprint(path: Path) -> str | None:
    front, _body = split_front_matter(path.read_text(encoding="utf-8"))
    match = re.search(r"^translation_of:\s*([0-9a-f]{10})\s*$", front or "", re.M)
    return match.group(1) if match else None


def english_pages(docs_dir: Path) -> list[Path]:
    pages = []
    for path in sorted(docs_dir.rglob("*.md")):
        relative = path.relative_to(docs_dir)
        if relative.parts[0] == "countries" and relative.name != "index.md":
            continue
        if re.search(r"\.[a-z]{2}\.md$", path.name):
            continue
        pages.append(path)
    return pages


def page_translation_state(english: Path, lang: str) -> str:
    """'current', 'behind', 'missing' or 'untracked' (a translation without translation_of)."""
    translated = english.with_name(english.name[: -len(".md")] + f".{lang}.md")
    if not translated.exists():
        return "missing"
    recorded = recorded_fingerprint(translated)
    if recorded is None:
        return "untracked"
    return "current" if recorded == body_fingerprint(english) else "behind"
