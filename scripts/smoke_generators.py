"""Smoke builds of the site with other generators than MkDocs: ProperDocs and Zensical.

Usage: python scripts/smoke_generators.py [--only NAME] [--write]

Each generator gets its own virtual environment (.venv-<name>, from the pinned
requirements-<name>.txt files; made again only when those files change) and builds the
repository's mkdocs.yml into a scratch folder with the same pinned inputs as
compare-builds. Then the built site is checked the way a reader would notice breakage:
pages per language, the language switcher's targets, a search index per language, and
links between pages. ProperDocs is also compared file by file with the MkDocs build.

What a generator cannot do yet is recorded as an expected failure (EXPECTED below): the
run fails if such a check starts to pass, so the list is updated when it happens.
--write stores the results in docs/maintainers/generators.json for the maintainers' page.
Exit code: 0 when every result is as expected, 1 otherwise.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))

from atlas.data.config import ROOT, load_site_config  # noqa: E402
from compare_builds import differences  # noqa: E402

RESULTS = ROOT / "docs" / "maintainers" / "generators.json"
PAGE = ROOT / "docs" / "maintainers" / "generators.md"


def latest_data_date(data_dir: Path = ROOT / "data") -> str:
    """The latest full date written in the data files: the builds are pinned to it, so the
    same commit builds the same site, and no date in the data lies in the pinned future."""
    found = set()
    for path in data_dir.glob("*.yml"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if "next_review_due" not in line:  # the one date meant to lie ahead
                found.update(re.findall(r"\b(20\d\d-\d\d-\d\d)\b", line))
    return max(found)


PINNED = {
    "ATLAS_TODAY": latest_data_date(),
    "ATLAS_COMMIT": "0123456789abcdef",
    "SITE_URL": "https://example.org/atlas/",
}
GENERATORS = {
    # name: (requirements files, files installed without dependencies, command)
    "mkdocs": (("requirements.txt",), (), "mkdocs"),
    "properdocs": (("requirements-properdocs.txt",), ("requirements-properdocs-nodeps.txt",), "properdocs"),
    "zensical": (("requirements-zensical.txt",), (), "zensical"),
}
# What a generator is known not to do (the check fails today): generator -> check -> why.
EXPECTED = {
    "zensical": {
        "build": "Zensical accepts `hooks:` but never runs them, so the country pages and the generated "
        "parts of every page are missing and the strict build stops on their anchors",
        "pages": "no built-in multilingual build: the Russian and Belarusian files are built as extra pages "
        "of one site instead of under /ru/ and /be/",
        "search": "its own search index instead of Pagefind; the finishing step that indexes each language "
        "is a hook, and hooks do not run",
    },
}
HREF = re.compile(r'<a [^>]*href="([^"#?]+)[^"]*"')
SWITCHER = re.compile(r'<a [^>]*href="([^"]+)"[^>]*hreflang="([a-z-]+)"')


def environment(name: str) -> Path:
    """The generator's virtual environment, installed from its pinned files."""
    if name == "mkdocs":
        return ROOT / ".venv"
    requirements, nodeps, _ = GENERATORS[name]
    venv = ROOT / f".venv-{name}"
    stamp = venv / ".requirements.sha256"
    wanted = hashlib.sha256(b"".join((ROOT / f).read_bytes() for f in requirements + nodeps)).hexdigest()
    if stamp.exists() and stamp.read_text().strip() == wanted:
        return venv
    subprocess.run([sys.executable, "-m", "venv", "--clear", str(venv)], check=True)
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    for file in requirements:
        subprocess.run([*pip, "-r", str(ROOT / file)], check=True)
    for file in nodeps:
        subprocess.run([*pip, "--no-deps", "-r", str(ROOT / file)], check=True)
    stamp.write_text(wanted)
    return venv


def build(name: str, out: Path) -> subprocess.CompletedProcess:
    command = GENERATORS[name][2]
    venv = environment(name)
    env = dict(os.environ, **PINNED, NO_MKDOCS_2_WARNING="1")
    if name == "zensical":  # it writes to the config's site_dir; build a copy of the sources
        work = out.parent / f"{name}-sources"
        work.mkdir(parents=True, exist_ok=True)
        subprocess.run(["cp", "-r", *[str(ROOT / p) for p in SOURCES], str(work)], check=True)
        args = [str(venv / "bin" / command), "build", "-f", str(work / "mkdocs.yml")]
        result = subprocess.run(args, cwd=work, env=env, capture_output=True, text=True)
        if (work / "site").exists():
            (work / "site").rename(out)
        return result
    args = [str(venv / "bin" / command), "build", "--strict", "-q", "-f", str(ROOT / "mkdocs.yml"), "-d", str(out)]
    return subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True)


SOURCES = ("mkdocs.yml", "docs", "overrides", "data", "schema", "scripts")


def pages_per_language(site: Path, languages: tuple[str, ...]) -> dict[str, int]:
    counts = {}
    for lang in languages:
        folder = site if lang == languages[0] else site / lang
        pages = [p for p in folder.rglob("index.html")]
        if lang == languages[0]:
            pages = [p for p in pages if p.relative_to(site).parts[0] not in languages[1:]]
        counts[lang] = len(pages)
    return counts


def target_of(page: Path, href: str, site: Path) -> Path | None:
    """The file a relative link on `page` leads to (None for links off the site)."""
    if urlsplit(href).scheme or href.startswith(("mailto:", "tel:", "//")):
        return None
    path = unquote(href.split("#")[0])
    root = urlsplit(PINNED["SITE_URL"]).path  # root-relative links carry the site's own path
    if path.startswith("/"):
        base, path = site, path[len(root) :] if path.startswith(root) else path.lstrip("/")
    else:
        base = page.parent
    target = (base / path).resolve()
    return target / "index.html" if target.is_dir() or href.endswith("/") else target


def checks(site: Path, languages: tuple[str, ...], reference: dict[str, int] | None) -> dict[str, dict]:
    """Each check: {"ok": bool, "detail": str}."""
    found: dict[str, dict] = {}
    if not (site / "index.html").exists():
        return {"build": {"ok": False, "detail": "no site was built"}}
    counts = pages_per_language(site, languages)
    same = reference is None or counts == reference
    found["pages"] = {"ok": all(counts.values()) and same, "detail": f"pages per language {counts}"}
    broken, switcher_missing, links = [], [], 0
    for page in site.rglob("*.html"):
        html = page.read_text(encoding="utf-8", errors="replace")
        for href in HREF.findall(html):
            target = target_of(page, href, site)
            if target is None:
                continue
            links += 1
            if not target.exists():
                broken.append(f"{page.relative_to(site)} -> {href}")
        for href, _lang in SWITCHER.findall(html):
            target = target_of(page, href, site)
            if target is not None and not target.exists():
                switcher_missing.append(f"{page.relative_to(site)} -> {href}")
    found["links"] = {"ok": not broken, "detail": f"{links} links between pages, {len(broken)} broken"}
    found["language_switcher"] = {"ok": not switcher_missing, "detail": f"{len(switcher_missing)} missing targets"}
    entry = site / "pagefind" / "pagefind-entry.json"
    indexed = json.loads(entry.read_text(encoding="utf-8"))["languages"] if entry.exists() else {}
    pages = {lang: indexed.get(lang, {}).get("page_count", 0) for lang in languages}
    found["search"] = {"ok": all(pages.values()), "detail": f"pages in the search index per language: {pages}"}
    return found


def smoke(name: str, scratch: Path, reference_site: Path | None) -> dict:
    languages = load_site_config().languages
    out = scratch / name
    result = build(name, out)
    record = {"version": installed_version(name), "checks": {}}
    record["checks"]["build"] = {
        "ok": result.returncode == 0,
        "detail": "exit code 0" if result.returncode == 0 else last_line(result.stderr + result.stdout),
    }
    reference = pages_per_language(reference_site, languages) if reference_site else None
    if out.exists():
        record["checks"].update(checks(out, languages, reference))
        if reference_site is not None and name != "zensical":
            diff = differences(reference_site, out)
            record["checks"]["same_as_mkdocs"] = {"ok": not diff, "detail": f"{len(diff)} files differ"}
    return record


def installed_version(name: str) -> str:
    venv = environment(name)
    shown = subprocess.run(
        [str(venv / "bin" / "python"), "-m", "pip", "show", name], capture_output=True, text=True, check=False
    )
    match = re.search(r"^Version: (.+)$", shown.stdout, re.M)
    return match.group(1) if match else "unknown"


def last_line(text: str) -> str:
    """The message that says why a build stopped (the last error line, else the last line)."""
    lines = [re.sub(r"\x1b\[[0-9;]*m", "", line).strip() for line in text.splitlines() if line.strip()]
    errors = [line for line in lines if re.search(r"error|abort", line, re.I)]
    return (errors or lines or [""])[-1][:200]


def verdict(name: str, record: dict) -> list[str]:
    """Problems: a check that fails without being expected to, or an expected failure that passes."""
    problems = []
    expected = EXPECTED.get(name, {})
    for check, result in record["checks"].items():
        if not result["ok"] and check not in expected:
            problems.append(f"{name}: {check} failed: {result['detail']}")
    for check in expected:
        if record["checks"].get(check, {}).get("ok"):
            problems.append(f"{name}: {check} now works (remove it from EXPECTED): {expected[check]}")
    return problems


PAGE_HEAD = """---
title: Other generators
---

# Other generators: what works without MkDocs

Material for MkDocs gets only critical and security fixes until its end of life on 5 May 2027;
MkDocs 2 is an incompatible rewrite without plugins or hooks. This page shows, from real builds,
what happens when the site is built by the two candidates instead. It is written by
`python scripts/cli.py smoke --write`; the test suite runs the same builds and fails when a result
changes, including when something listed as not working starts to work.

| Generator | Check | Result | Detail |
|---|---|---|---|
"""

PAGE_TAIL = """
## What a move would take {#move}

- **ProperDocs** continues MkDocs 1.x and builds this site unchanged, with Material, mkdocs-static-i18n
  and the hooks: the output is compared file by file with the MkDocs build above. Moving is a change of
  the requirements (`requirements-properdocs.txt`) and of the build command; Material itself still
  reaches its end of life, so the theme would be frozen at 9.8.x.
- **Zensical** reads `mkdocs.yml` and `overrides/`, but hooks are accepted and never run, and it has no
  multilingual build of its own. Everything the hooks do would have to happen before the generator
  runs: render the country pages, the lists and the generated parts of each page into a staging copy
  of `docs/` per language, run one build per language, then finish the site (search index, feeds, open
  data, offline copies, sitemap) after it. The templates of `overrides/` run in MiniJinja there,
  which cannot call Python. Those are the rows marked "expected failure" above.
"""


def page_text(results: dict) -> str:
    rows = []
    for name, record in results.items():
        for check, result in record["checks"].items():
            expected = record.get("expected_failures", {}).get(check)
            mark = "works" if result["ok"] else ("expected failure: " + expected if expected else "fails")
            detail = result["detail"].replace("|", "/")
            rows.append(f"| {name} {record['version']} | {check} | {mark} | {detail} |")
    return PAGE_HEAD + "\n".join(rows) + "\n" + PAGE_TAIL


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--only", choices=[g for g in GENERATORS if g != "mkdocs"], help="one generator")
    parser.add_argument("--write", action="store_true", help="store the results in docs/maintainers/generators.json")


def run(args: argparse.Namespace) -> int:
    names = [args.only] if args.only else [g for g in GENERATORS if g != "mkdocs"]
    results, problems = {}, []
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        reference = scratch / "mkdocs"
        built = build("mkdocs", reference)
        if built.returncode != 0:
            print(built.stdout + built.stderr)
            return 1
        for name in names:
            results[name] = smoke(name, scratch, reference)
            results[name]["expected_failures"] = EXPECTED.get(name, {})
            problems += verdict(name, results[name])
    for name, record in results.items():
        print(f"{name} {record['version']}")
        for check, result in record["checks"].items():
            mark = "ok" if result["ok"] else ("expected failure" if check in EXPECTED.get(name, {}) else "FAILED")
            print(f"  {check}: {mark} ({result['detail']})")
    if args.write:
        stored = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}
        stored.update(results)
        RESULTS.write_text(json.dumps(stored, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        PAGE.write_text(page_text(stored), encoding="utf-8")
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    from cli import main

    sys.exit(main(["smoke", *sys.argv[1:]]))
