"""Check that cited sources and organisations' websites still answer.

Usage: python scripts/check_links.py [--limit N] [--timeout S]
Reads every url / archived_url in data/sources.yml and website in
data/organisations.yml, requests each once (HEAD, then GET if HEAD is refused),
and prints the ones that fail. Run weekly by CI; never by the test suite against
the outside network. Exit code: 0 all answered, 1 some failed.
"""

from __future__ import annotations

import argparse
import sys
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
AGENT = "InterpolAtlas-linkcheck/1 (+repository)"


def collect_urls(root: Path = ROOT) -> dict[str, list[str]]:
    """url -> the ids that use it."""
    urls: dict[str, list[str]] = {}
    sources = yaml.safe_load((root / "data/sources.yml").read_text(encoding="utf-8")) or {}
    for sid, entry in sources.items():
        for key in ("url", "archived_url"):
            if entry.get(key):
                urls.setdefault(entry[key], []).append(f"source {sid}")
    organisations = yaml.safe_load((root / "data/organisations.yml").read_text(encoding="utf-8")) or {}
    for oid, entry in organisations.items():
        if entry.get("website"):
            urls.setdefault(entry["website"], []).append(f"organisation {oid}")
    return urls


def fetch_status(url: str, timeout: float) -> int | str:
    for method in ("HEAD", "GET"):
        request = urllib.request.Request(url, method=method, headers={"User-Agent": AGENT})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return response.status
        except urllib.error.HTTPError as error:
            if method == "HEAD" and error.code in (403, 405, 501):
                continue
            return error.code
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            return type(error).__name__ if not getattr(error, "reason", None) else str(error.reason)
    return "no answer"


def check(urls: list[str], timeout: float = 15.0, workers: int = 8, fetch=fetch_status) -> dict[str, int | str]:
    """url -> status, for the urls that failed (status >= 400 or an error)."""
    with ThreadPoolExecutor(max_workers=workers) as pool:
        results = dict(zip(urls, pool.map(lambda u: fetch(u, timeout), urls), strict=True))
    return {url: status for url, status in results.items() if not (isinstance(status, int) and status < 400)}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--limit", type=int, help="check only the first N addresses (sorted)")
    parser.add_argument("--timeout", type=float, default=15.0, help="seconds per request (default 15)")


def run(args: argparse.Namespace) -> int:
    urls = collect_urls()
    targets = sorted(urls)[: args.limit]
    failed = check(targets, timeout=args.timeout)
    for url, status in sorted(failed.items()):
        print(f"{status}: {url} ({', '.join(urls[url])})")
    print(f"{len(targets)} links checked, {len(failed)} failed.")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from cli import main

    sys.exit(main(["links", *sys.argv[1:]]))
