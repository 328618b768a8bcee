"""Measure the site and print the numbers (and write them to docs/maintainers/performance.md).

Usage: python scripts/benchmark.py [--countries 200] [--skip-serve]

Reports, in one run:
  - build time of the real site, with search indexing timed separately;
  - build time of a synthetic site with N countries x 3 languages, and of a plain
    MkDocs + Material build of the same pages (no i18n plugin, no generation), as a ratio;
  - compressed weight of a country page's first visit (HTML alone and everything it loads);
  - with `mkdocs serve` building one language: seconds until an edit to one country is visible.
These are measurements, not tests: nothing here fails when a budget is missed.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from atlas.config import ROOT  # noqa: E402

PY = sys.executable
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1")


def timed(cmd, cwd, env=None) -> float:
    start = time.perf_counter()
    result = subprocess.run(cmd, cwd=cwd, env=env or ENV, check=False, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(map(str, cmd))} failed:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
    return time.perf_counter() - start


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
    """The same pages as plain Markdown files under one MkDocs + Material config, no plugins."""
    sys.path.insert(0, str(site_project / "scripts"))
    from atlas.dataset import load_dataset
    from atlas.render import Renderer

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
        "site_name: Plain\ntheme:\n  name: material\n  font: false\nplugins: []\n"
        "markdown_extensions: [attr_list, md_in_html, tables, admonition, toc]\nnav:\n  - index.md\n",
        encoding="utf-8",
    )
    return count


def compressed(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=9))


def page_weight(site: Path, page: str) -> dict:
    from atlas.browser import browser, serve

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


def main(argv: list[str]) -> int:
    total = int(argv[argv.index("--countries") + 1]) if "--countries" in argv else 200
    results: dict = {"date": dt.date.today().isoformat(), "machine_cpus": os.cpu_count()}
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        real = scratch / "real"
        copy_project(real)
        results["real_build_seconds"] = round(
            timed(
                [PY, "-m", "mkdocs", "build", "-q", "-d", str(real / "site")], real, dict(ENV, ATLAS_SEARCH_INDEX="0")
            ),
            2,
        )
        results["real_search_index_seconds"] = round(
            timed([PY, "-m", "pagefind", "--site", str(real / "site"), "--output-subdir", "pagefind", "--quiet"], real),
            2,
        )
        results["country_page"] = page_weight(real / "site", "countries/pl/")
        results["countries_index_page"] = page_weight(real / "site", "be/countries/")

        synthetic = scratch / "synthetic"
        copy_project(synthetic)
        results["synthetic_countries"] = add_synthetic_countries(synthetic, total)
        results["synthetic_build_seconds"] = round(
            timed(
                [PY, "-m", "mkdocs", "build", "-q", "-d", str(synthetic / "site")],
                synthetic,
                dict(ENV, ATLAS_SEARCH_INDEX="0"),
            ),
            2,
        )
        results["synthetic_search_index_seconds"] = round(
            timed(
                [PY, "-m", "pagefind", "--site", str(synthetic / "site"), "--output-subdir", "pagefind", "--quiet"],
                synthetic,
            ),
            2,
        )
        plain = scratch / "plain"
        results["plain_pages"] = plain_material_copy(synthetic, plain)
        results["plain_material_build_seconds"] = round(timed([PY, "-m", "mkdocs", "build", "-q"], plain), 2)
        results["ratio_atlas_to_plain"] = round(
            results["synthetic_build_seconds"] / results["plain_material_build_seconds"], 2
        )
        if "--skip-serve" not in argv:
            results["serve_edit_visible_seconds"] = round(serve_edit_seconds(real), 2)
    print(json.dumps(results, indent=2))
    write_page(results)
    return 0


def write_page(r: dict) -> None:
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
        "| Measure | Result | Budget |",
        "|---|---|---|",
        f"| Real site build, 3 languages, without search indexing | {r['real_build_seconds']} s | — |",
        f"| Real site search indexing (Pagefind) | {r['real_search_index_seconds']} s | reported separately |",
        f"| Synthetic build: {r['synthetic_countries']} countries × 3 languages "
        f"| {r['synthetic_build_seconds']} s | ≤ 8 s |",
        f"| Synthetic search indexing | {r['synthetic_search_index_seconds']} s | reported separately |",
        f"| Plain MkDocs + Material build of the same {r['plain_pages']} pages "
        f"| {r['plain_material_build_seconds']} s | — |",
        f"| Ratio, atlas build / plain build | {r['ratio_atlas_to_plain']} | — |",
        f"| Country page HTML, gzip | {r['country_page']['html_gzip_bytes'] / 1000:.1f} KB | ≤ 15 KB |",
        f"| Country page first visit, everything loaded, gzip | {r['country_page']['total_gzip_bytes'] / 1000:.1f} KB "
        f"({r['country_page']['requests']} files) | ≤ 90 KB |",
        f"| Countries index (with map) first visit, gzip "
        f"| {r['countries_index_page']['total_gzip_bytes'] / 1000:.1f} KB | — |",
    ]
    if "serve_edit_visible_seconds" in r:
        lines.append(
            f"| `mkdocs serve` (one language): an edit to one country visible after "
            f"| {r['serve_edit_visible_seconds']} s | ≤ 3 s |"
        )
    lines += ["", "Lighthouse scores are not measured yet.", ""]
    (ROOT / "docs/maintainers/performance.md").write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
