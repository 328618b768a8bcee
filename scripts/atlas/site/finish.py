"""The last step of a build, once every language is built: wait for the language
builds running in other processes, then write what covers the whole site (sitemap,
the root 404 page with its security policy, the search index). Each language's
offline copy is made by that language's own build (atlas/offline.py)."""

from __future__ import annotations

import os
from pathlib import Path

from ..model.dataset import today
from .build_run import BuildRun
from .downloads import write_downloads_page
from .search import index_site
from .security import add_security_meta, policy_applies
from .sitemap import write_sitemaps


class LanguageBuildFailed(RuntimeError):
    pass


def finish_site(site: Path, languages: tuple[str, ...], site_url: str, run: BuildRun) -> None:
    if run.forks:
        failed = run.forks.wait()
        run.forks.uninstall()
        run.forks = None
        if failed:
            raise LanguageBuildFailed(
                f"Building {', '.join(failed)} failed (see the messages above); the site is incomplete."
            )
    write_sitemaps(site, languages, languages[0], site_url)
    not_found = site / "404.html"
    # Every language build writes the root 404 page; keep the default language's.
    page = run.root_404 if run.root_404 is not None else _read(not_found)
    if page is not None:
        if "Content-Security-Policy" not in page and policy_applies(run.command):
            page = add_security_meta(page)
        not_found.write_text(page, encoding="utf-8")
        write_downloads_page(site, languages, today())
    if os.environ.get("ATLAS_SEARCH_INDEX", "1") != "0":
        index_site(site)


def _read(path: Path) -> str | None:
    return path.read_text(encoding="utf-8") if path.exists() else None
