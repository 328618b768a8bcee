"""'Cite this page': a ready citation in plain text and BibTeX for one page version.

The version is the date of the page's last recorded change plus the short id of
the commit the site was built from, so a lawyer can file exactly what was cited.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from functools import lru_cache

from ..data.config import ROOT


@lru_cache(maxsize=1)
def build_commit() -> str:
    """Full commit id of the build (CI sets GITHUB_SHA); '' when unknown."""
    for name in ("ATLAS_COMMIT", "GITHUB_SHA"):
        if os.environ.get(name):
            return os.environ[name]
    try:
        result = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True, timeout=5, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    return result.stdout.strip() if result.returncode == 0 else ""


@dataclass(frozen=True)
class Citation:
    title: str
    site: str
    url: str
    version_date: str  # ISO date
    commit: str  # full id, may be ''
    accessed: str  # ISO date (the build date; the page script replaces it with the reader's date)
    permalink: str  # the exact sources in the repository, or ''

    @property
    def short_commit(self) -> str:
        return self.commit[:7]

    def bibtex(self, key: str, lang: str) -> str:
        version = self.version_date + (f" ({self.short_commit})" if self.commit else "")
        lines = [
            f"@misc{{{key},",
            f"  title = {{{self.title}}},",
            "  author = {{Interpol Atlas contributors}},",
            f"  howpublished = {{\\url{{{self.url}}}}},",
            f"  year = {{{self.version_date[:4]}}},",
            f"  version = {{{version}}},",
            f"  urldate = {{{self.accessed}}},",
            f"  language = {{{lang}}},",
            f"  note = {{{self.site}}}",
            "}",
        ]
        return "\n".join(lines)


def absolute_url(site_url: str, lang: str, default_lang: str, path: str) -> str:
    base = site_url if site_url.endswith("/") else site_url + "/"
    prefix = "" if lang == default_lang else f"{lang}/"
    return f"{base}{prefix}{path}"


def permalink(repo_url: str, commit: str, files: list[str]) -> str:
    if not (repo_url and commit):
        return ""
    return f"{repo_url}/tree/{commit}" if not files else f"{repo_url}/blob/{commit}/{files[0]}"
