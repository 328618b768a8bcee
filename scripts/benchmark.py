"""Measure the site and print the numbers (and write them to docs/maintainers/performance.md).

Usage: python scripts/benchmark.py [--countries 200] [--build-runs 3] [--skip-serve]
                                   [--skip-lighthouse] [--lighthouse-runs 3]
       python scripts/benchmark.py --page-only   (rewrite the page from performance.json)

Reports, in one run:
  - build time of the real site, with search indexing timed separately;
  - build time of a synthetic site with N countries x 3 languages (languages built in
    parallel, and in one process for comparison), and of a plain MkDocs + Material build
    of the same pages (no i18n plugin, no generation), as a ratio; every build is timed
    several times (--build-runs) and the median reported, because timings on a shared
    machine vary from run to run;
  - search on the synthetic site, per language: transfer until the first results and
    the time they take to appear;
  - compressed weight of a country page's first visit (HTML alone and everything it loads);
  - with `mkdocs serve` building one language: seconds until an edit to one country is visible;
  - Lighthouse (mobile), median of several runs, on every page type in every language,
    the site served with gzip as a real host would.
These are measurements, not tests: nothing here fails when a budget is missed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from atlas.data.config import ROOT  # noqa: E402

PY = sys.executable
RESULTS = ROOT / "docs/maintainers/performance.json"  # the figures behind the page, for comparisons
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1")


def timed(cmd, cwd, env=None) -> float:
    start = time.perf_counter()
    result = subprocess.run(cmd, cwd=cwd, env=env or ENV, check=False, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(map(str, cmd))} failed:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    return time.perf_counter() - start


def timed_runs(cmd, cwd, env=None, runs: int = 3) -> dict:
    """Median and every time of `runs` runs of the same command."""
    times = [round(timed(cmd, cwd, env), 2) for _ in range(runs)]
    return {"median": round(statistics.median(times), 2), "runs": times}


def copy_project(target: Path) -> None:
    for name in ("data", "schema", "docs", "overrides", "scripts"):
        shutil.copytree(ROOT / name, target / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", target / "mkdocs.yml")


def add_synthetic_countries(project: Path, total: int) -> int:
    """Fill the copy up to `total` countries with baseline entries (for timing only)."""
    import pycountry
    from babel import Locale

    sys.path.insert(0, str(project / "scripts"))
    from new_country import entry_text, guess_region

    countries = project / "data/countries.yml"
    text = countries.read_text(encoding="utf-8")
    present = {line[:2] for line in text.splitlines() if len(line) == 3 and line.endswith(":")}
    present |= {"NO"}
    names = [Locale.parse(lang).territories for lang in ("en", "ru", "be")]
    blocks, added = [], 0
    for country in pycountry.countries:
        code = country.alpha_2
        if len(present) + added >= total:
            break
        if code in present or code == "BY" or not all(code in n for n in names):
            continue
        blocks.append(entry_text(code, guess_region(code), dt.date.today()))
        (project / "docs/countries" / f"{code.lower()}.md").write_text(f"---\ncountry: {code}\n---\n", "utf-8")
        added += 1
    countries.write_text(text.rstrip("\n") + "\n" + "".join(blocks), encoding="utf-8")
    return len(present) + added


def plain_material_copy(site_project: Path, target: Path) -> int:
    """The same pages (each country page's finished HTML as a Markdown file) under one
    MkDocs + Material config: no plugins, no hooks, no languages."""
    sys.path.insert(0, str(site_project / "scripts"))
    from atlas.model.dataset import load_dataset
    from atlas.render.renderer import Renderer

    dataset, problems = load_dataset(root=site_project)
    if dataset is None:
        raise SystemExit("\n".join(map(str, problems)))
    docs = target / "docs"
    count = 0
    for lang in dataset.config.languages:
        renderer = Renderer(dataset, lang)
        for code in dataset.countries:
            path = docs / lang / "countries" / f"{code.lower()}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(renderer.country_html(code), encoding="utf-8")
            count += 1
    (docs / "index.md").write_text("# Plain build\n", encoding="utf-8")
    (target / "mkdocs.yml").write_text(
        # MkDocs' own Markdown defaults (toc, tables, fenced code): the pages are finished HTML.
        "site_name: Plain\ntheme:\n  name: material\n  font: false\nplugins: []\nnav:\n  - index.md\n",
        encoding="utf-8",
    )
    return count


def compressed(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=9))


def page_weight(site: Path, page: str) -> dict:
    from atlas.tools.browser import browser, serve

    with serve(site) as base, browser() as chromium:
        tab = chromium.new_page()
        urls: list[str] = []
        tab.on("request", lambda r: urls.append(r.url))
        tab.goto(base + page, wait_until="networkidle")
    files = []
    for url in dict.fromkeys(urls):
        relative = url[len(base) :].split("#")[0].split("?")[0]
        path = site / relative
        if path.is_dir() or relative.endswith("/") or relative == "":
            path = path / "index.html"
        if path.exists():
            files.append((relative or "index.html", compressed(path)))
    return {
        "page": page,
        "html_gzip_bytes": compressed(site / page / "index.html"),
        "total_gzip_bytes": sum(size for _, size in files),
        "requests": len(files),
    }


def country_pages_html(site: Path) -> dict:
    """Per language: the compressed HTML of the heaviest country page, the median, and how
    many country pages exceed 15 KB."""
    found = {}
    for lang in ("en", "ru", "be"):
        folder = site / ("" if lang == "en" else lang) / "countries"
        sizes = {page.parent.name: compressed(page) for page in folder.glob("*/index.html")}
        heaviest = max(sizes, key=sizes.get)
        found[lang] = {
            "heaviest": heaviest,
            "heaviest_gzip_bytes": sizes[heaviest],
            "median_gzip_bytes": round(statistics.median(sizes.values())),
            "pages": len(sizes),
            "over_15_kb": sum(size > 15_000 for size in sizes.values()),
        }
    return found


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def serve_edit_seconds(project: Path) -> float:
    port = free_port()
    env = dict(ENV, ATLAS_LANG="en", ATLAS_SEARCH_INDEX="0")
    server = subprocess.Popen(
        [PY, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/countries/lt/"
    try:
        deadline = time.time() + 120
        while time.time() < deadline:
            try:
                urllib.request.urlopen(url, timeout=2).read()
                break
            except OSError:
                time.sleep(0.5)
        prose = project / "docs/countries/lt.md"
        marker = f"Benchmark edit {time.time():.0f}"
        prose.write_text(
            prose.read_text(encoding="utf-8").replace("summary: |\n", f"summary: |\n  {marker}.\n", 1), "utf-8"
        )
        start = time.perf_counter()
        while time.perf_counter() - start < 60:
            try:
                if marker in urllib.request.urlopen(url, timeout=2).read().decode("utf-8"):
                    return time.perf_counter() - start
            except OSError:
                pass
            time.sleep(0.1)
        return float("nan")
    finally:
        server.terminate()
        server.wait(timeout=10)


SEARCH_QUERIES = {"en": "extradition", "ru": "экстрадиция", "be": "экстрадыцыя"}


def search_budget(site: Path) -> list[dict]:
    """Open each language's search page on a fresh browser, type a word, and measure the
    search's transfer (everything under /pagefind/, compressed) until the first results
    and the seconds from typing to the first result on screen."""
    from atlas.tools.browser import browser, serve

    found = []
    with serve(site, compress=True) as base, browser() as chromium:
        for lang, query in SEARCH_QUERIES.items():
            context = chromium.new_context()
            # Pagefind fetches its index from a worker: count every request the context sees.
            sizes: dict[str, int] = {}
            context.on(
                "requestfinished", lambda r, sizes=sizes: sizes.__setitem__(r.url, r.sizes()["responseBodySize"])
            )
            tab = context.new_page()
            prefix = "" if lang == "en" else f"{lang}/"
            tab.goto(base + prefix + "search/", wait_until="networkidle")
            start = time.perf_counter()
            tab.fill(".pagefind-ui__search-input", query)
            tab.wait_for_selector(".pagefind-ui__result", timeout=30000)
            seconds = time.perf_counter() - start
            tab.wait_for_load_state("networkidle")
            transfer = sum(size for url, size in sizes.items() if "/pagefind/" in url)
            found.append(
                {
                    "lang": lang,
                    "query": query,
                    "first_results_seconds": round(seconds, 2),
                    "transfer_bytes": transfer,
                    "results": tab.locator(".pagefind-ui__result").count(),
                }
            )
            context.close()
    return found


def lighthouse_scores(site: Path, runs: int) -> list[dict]:
    """Median Lighthouse scores of `runs` runs per page type and language."""
    from atlas import lighthouse
    from atlas.tools.browser import serve
    from atlas.tools.page_types import PAGE_TYPES

    rows = []
    with serve(site, compress=True) as base:
        for kind, path in PAGE_TYPES.items():
            for lang in ("en", "ru", "be"):
                prefix = "" if lang == "en" else f"{lang}/"
                reports = [lighthouse.run(base + prefix + path) for _ in range(runs)]
                median = lighthouse.median_scores([lighthouse.scores(r) for r in reports])
                lost = sorted({audit for r in reports for audit in lighthouse.failed_audits(r)})
                timings = lighthouse.median_metrics(reports)
                row = {"kind": kind, "lang": lang, "path": prefix + path, **median, **timings, "lost_points": lost}
                rows.append(row)
                print(kind, lang, median, file=sys.stderr)
    return rows


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--countries", type=int, default=200, help="countries of the synthetic site (default 200)")
    parser.add_argument("--build-runs", type=int, default=3, help="timed runs per build (default 3)")
    parser.add_argument("--lighthouse-runs", type=int, default=3, help="Lighthouse runs per page (default 3)")
    parser.add_argument("--skip-serve", action="store_true", help="do not time `mkdocs serve`")
    parser.add_argument("--skip-lighthouse", action="store_true", help="keep the last published Lighthouse scores")
    parser.add_argument("--page-only", action="store_true", help="rewrite the page from performance.json")


def run(args: argparse.Namespace) -> int:
    if args.page_only:  # rewrite the page from the figures already measured
        write_page(json.loads(RESULTS.read_text(encoding="utf-8")))
        return 0
    total, runs, build_runs = args.countries, args.lighthouse_runs, args.build_runs
    results: dict = {"date": dt.date.today().isoformat(), "machine_cpus": os.cpu_count(), "build_runs": build_runs}
    no_search = dict(ENV, ATLAS_SEARCH_INDEX="0")
    pagefind = [PY, "-m", "pagefind", "--output-subdir", "pagefind", "--quiet", "--site"]
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        real = scratch / "real"
        copy_project(real)
        build = [PY, "-m", "mkdocs", "build", "-q", "-d", str(real / "site")]
        results["real_build"] = timed_runs(build, real, no_search, build_runs)
        results["real_search_index_seconds"] = round(timed([*pagefind, str(real / "site")], real), 2)
        results["country_page"] = page_weight(real / "site", "countries/pl/")
        results["country_pages_html"] = country_pages_html(real / "site")
        results["countries_index_page"] = page_weight(real / "site", "be/countries/")
        results["offline_copies_bytes"] = {
            path.name: path.stat().st_size for path in sorted((real / "site" / "downloads").glob("*.zip"))
        }

        synthetic = scratch / "synthetic"
        copy_project(synthetic)
        results["synthetic_countries"] = add_synthetic_countries(synthetic, total)
        build = [PY, "-m", "mkdocs", "build", "-q", "-d", str(synthetic / "site")]
        pages_only = dict(no_search, ATLAS_OFFLINE="0")
        results["synthetic_build"] = timed_runs(build, synthetic, no_search, build_runs)
        results["synthetic_build_without_offline"] = timed_runs(build, synthetic, pages_only, build_runs)
        results["synthetic_build_sequential"] = timed_runs(
            build, synthetic, dict(no_search, ATLAS_PARALLEL="0"), build_runs
        )
        results["synthetic_search_index_seconds"] = round(timed([*pagefind, str(synthetic / "site")], synthetic), 2)
        results["synthetic_search"] = search_budget(synthetic / "site")
        plain = scratch / "plain"
        results["plain_pages"] = plain_material_copy(synthetic, plain)
        results["plain_material_build"] = timed_runs([PY, "-m", "mkdocs", "build", "-q"], plain, None, build_runs)
        results["ratio_atlas_to_plain"] = round(
            results["synthetic_build_without_offline"]["median"] / results["plain_material_build"]["median"], 2
        )
        if not args.skip_serve:
            results["serve_edit_visible_seconds"] = round(serve_edit_seconds(real), 2)
        if not args.skip_lighthouse:
            timed([*pagefind, str(real / "site")], real)
            results["lighthouse_date"] = results["date"]
            results["lighthouse_runs"] = runs
            results["lighthouse"] = lighthouse_scores(real / "site", runs)
        elif RESULTS.exists():  # Lighthouse takes ~20 minutes: keep the last published scores
            previous = json.loads(RESULTS.read_text(encoding="utf-8"))
            for key in ("lighthouse_date", "lighthouse_runs", "lighthouse"):
                if key in previous:
                    results[key] = previous[key]
    print(json.dumps(results, indent=2, ensure_ascii=False))
    RESULTS.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    write_page(results)
    return 0


def kb(size: int) -> str:
    return f"{size / 1000:.1f} KB"


def seconds(timing: dict) -> str:
    return f"{timing['median']} s"


def write_page(r: dict) -> None:
    runs = r["build_runs"]
    lines = [
        "---",
        "title: Performance",
        "---",
        "",
        "# Performance figures",
        "",
        f"Measured on {r['date']} by `python scripts/benchmark.py` on a {r['machine_cpus']}-core machine. "
        "These are measurements, not tests; rerun the script and commit this page to update it.",
        "",
        "## Build, page weight and editing {#build}",
        "",
        f"Each build was timed {runs} times; the table gives the median, and every run is in "
        "`performance.json`. Builds include the offline copies (one ZIP per language; `ATLAS_OFFLINE=0` "
        "leaves them out) and leave out search indexing, which is timed on its own. On a machine with several "
        "cores every language after the first is built in its own forked process while the first is built; "
        "`ATLAS_PARALLEL=0` builds them one after another. Timings on this shared 2-core machine vary by "
        "about ±15% from run to run.",
        "",
        "| Measure | Result | Budget |",
        "|---|---|---|",
        f"| Real site build, 3 languages | {seconds(r['real_build'])} | — |",
        f"| Real site search indexing (Pagefind) | {r['real_search_index_seconds']} s | reported separately |",
        f"| Synthetic build: {r['synthetic_countries']} countries × 3 languages "
        f"| {seconds(r['synthetic_build'])} (runs: {', '.join(map(str, r['synthetic_build']['runs']))}) | ≤ 8 s |",
        f"| The same without the offline copies | {seconds(r['synthetic_build_without_offline'])} | — |",
        f"| The same, languages built one after another | {seconds(r['synthetic_build_sequential'])} | — |",
        f"| Synthetic search indexing | {r['synthetic_search_index_seconds']} s | reported separately |",
        f"| Plain MkDocs + Material build of the same {r['plain_pages']} pages "
        f"| {seconds(r['plain_material_build'])} | — |",
        f"| Ratio, atlas build without offline copies / plain build | {r['ratio_atlas_to_plain']} | — |",
        f"| Country page HTML, gzip (Poland, English) | {kb(r['country_page']['html_gzip_bytes'])} | ≤ 15 KB |",
        f"| Country page first visit, everything loaded, gzip | {kb(r['country_page']['total_gzip_bytes'])} "
        f"({r['country_page']['requests']} files) | ≤ 90 KB |",
        f"| Countries index (with map) first visit, gzip | {kb(r['countries_index_page']['total_gzip_bytes'])} | — |",
    ]
    for lang, pages in r.get("country_pages_html", {}).items():
        lines.append(
            f"| Country pages in {lang}, HTML gzip: heaviest ({pages['heaviest']}) / median; pages over 15 KB "
            f"| {kb(pages['heaviest_gzip_bytes'])} / {kb(pages['median_gzip_bytes'])}; "
            f"{pages['over_15_kb']} of {pages['pages']} | ≤ 15 KB |"
        )
    for name, size in r.get("offline_copies_bytes", {}).items():
        lines.append(f"| Offline copy `{name}` | {size / 1_000_000:.2f} MB | — |")
    if "serve_edit_visible_seconds" in r:
        lines.append(
            f"| `mkdocs serve` (one language): an edit to one country visible after "
            f"| {r['serve_edit_visible_seconds']} s | ≤ 3 s |"
        )
    lines += [
        "",
        f"## Search on the {r['synthetic_countries']}-country site {{#search}}",
        "",
        "A fresh browser opens the search page, types one word, and waits for the first result. Transfer "
        "counts every search file (Pagefind's script, WebAssembly, index pieces and result excerpts), "
        "compressed, until the first results are shown. Served from this machine, so network time is not "
        "included.",
        "",
        "| Language | Word | First results after | Transfer | Results | Budget |",
        "|---|---|---|---|---|---|",
    ]
    for row in r["synthetic_search"]:
        lines.append(
            f"| {row['lang']} | {row['query']} | {row['first_results_seconds']} s | {kb(row['transfer_bytes'])} "
            f"| {row['results']} | ≤ 0.5 s, ≤ 300 KB |"
        )
    if "lighthouse" in r:
        cells = r["lighthouse"]
        perfect = sum(
            all(row[c] == 100 for c in ("performance", "accessibility", "best-practices", "seo")) for row in cells
        )
        lines += [
            "",
            "## Lighthouse {#lighthouse}",
            "",
            f"Measured on {r.get('lighthouse_date', r['date'])}. Lighthouse 12.2.3, mobile profile (simulated "
            "slow 4G and a slow phone CPU), Debian's chromium, the site served with gzip; median of "
            f"{r['lighthouse_runs']} runs. Budget: 100 in every column. A default Material page scores about "
            f"94 / 92 / 96 / 82. This run: 100 in all four on {perfect} of {len(cells)} page types × languages. "
            "Accessibility, best practices and SEO are also checked by the test suite (tests/test_lighthouse.py); "
            "the performance score depends on the machine's speed, so it is only measured here. The timings "
            "are Lighthouse's simulated ones (medians).",
            "",
            "| Page type | Language | Performance | Accessibility | Best practices | SEO "
            "| First contentful paint | Largest contentful paint | Total blocking time |",
            "|---|---|---|---|---|---|---|---|---|",
        ]
        for row in cells:
            timing = (
                f"| {row['fcp_ms'] / 1000:.2f} s | {row['lcp_ms'] / 1000:.2f} s | {row['tbt_ms']} ms |"
                if "fcp_ms" in row
                else "| — | — | — |"
            )
            lines.append(
                f"| {row['kind']} | {row['lang']} | {row['performance']} | {row['accessibility']} "
                f"| {row['best-practices']} | {row['seo']} {timing}"
            )
        lost = sorted({audit for row in cells for audit in row["lost_points"]})
        if lost:
            lines += ["", "Audits that cost points in at least one run:", ""]
            lines += [f"- {audit}" for audit in lost]
    lines += ["", *HOW_PAGES_STAY_FAST, ""]
    (ROOT / "docs/maintainers/performance.md").write_text("\n".join(lines), encoding="utf-8")


HOW_PAGES_STAY_FAST = [
    "## What keeps the pages fast {#why}",
    "",
    "Each of these was measured with Lighthouse's mobile profile; undoing one costs points.",
    "",
    "- **The theme's scripts start after the first paint.** Their tags become one asynchronous tag for a "
    "small loader (`docs/assets/atlas-loader.js`; the tag is written by `scripts/atlas/script_loading.py`). "
    "It starts them once the page is painted and laid out. Run in place, Material's script counted towards "
    "Lighthouse's first contentful paint; deferred, it still counted towards the largest contentful paint, "
    "because it had finished downloading before that paint.",
    "- **Nothing repeated in every page that a cached file can carry.** The loader, Material's storage "
    "helpers (which its template writes inline into every page) and the repository icon live in files "
    "downloaded once; the templates' indentation is cut from the HTML (`scripts/atlas/whitespace.py`, "
    "preformatted text untouched). Together these took about 1.3 KB off a compressed Russian or "
    "Belarusian country page.",
    '- **No `<link rel="alternate">` in the page head.** For each one, Material\'s script downloads and '
    "parses the `sitemap.xml` next to it on every page load. The Atom feed is linked in the text instead.",
    "- **The focus-visible classes are set before the first paint** (in `overrides/main.html`). When "
    "Material's script added them later, the browser restyled the whole page during the script's start-up.",
    "- **No slow browser APIs on start-up.** `atlas.js` writes the reader's date from a pattern and month "
    "names in the page, not with the browser's date formatting, whose first use took about 30 ms on a "
    "phone-speed CPU.",
    "- **No palette and no unused settings.** The colours are in `atlas.css`; Material's palette "
    "stylesheet and scripts, and the texts of features this site does not use, are left out.",
    "- **Small icons, whole map units.** The logo is drawn inline, and the map's coordinates are whole numbers.",
]


if __name__ == "__main__":
    from cli import main

    sys.exit(main(["benchmark", *sys.argv[1:]]))
