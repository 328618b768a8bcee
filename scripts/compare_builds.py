"""Compare two built sites file by file, ignoring what may differ between equal builds.

Usage: python scripts/compare_builds.py SITE_A SITE_B [--show N]

Build both with the same pinned inputs, e.g.
  ATLAS_TODAY=2026-12-04 ATLAS_COMMIT=0123456789abcdef SITE_URL=https://example.org/atlas/ mkdocs build -d /tmp/a

Allowed to differ (and normalised away): the content hashes in theme asset names
(bundle.<hash>.min.js), the timestamps inside ZIP files, and the search index's file
names and contents (pagefind/: only the number of files per kind is compared).
Every other difference is listed; the exit code is 1 if there is any.
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
import zipfile
from collections import Counter
from pathlib import Path

ASSET_HASH = re.compile(r"\.[0-9a-f]{8,}(\.min)?\.(js|css)\b")
PAGEFIND_NAME = re.compile(r"[0-9a-z_-]*?[0-9a-f]{6,}")


def normalised_name(relative: str) -> str:
    return ASSET_HASH.sub(r".HASH\1.\2", relative)


def normalised_text(text: str) -> str:
    return ASSET_HASH.sub(r".HASH\1.\2", text)


def zip_members(path: Path) -> list[tuple[str, int]]:
    with zipfile.ZipFile(path) as archive:
        return sorted((normalised_name(info.filename), info.CRC) for info in archive.infolist())


def inventory(site: Path) -> tuple[dict[str, Path], Counter]:
    files: dict[str, Path] = {}
    search: Counter = Counter()
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        relative = path.relative_to(site).as_posix()
        if "/pagefind/" in f"/{relative}":
            search[(relative.split("pagefind/")[0], path.suffix)] += 1
            continue
        files[normalised_name(relative)] = path
    return files, search


def differences(a: Path, b: Path) -> list[tuple[str, str, list[str]]]:
    """(file, kind, detail lines) for every difference that is not allowed."""
    files_a, search_a = inventory(a)
    files_b, search_b = inventory(b)
    found = []
    for name in sorted(set(files_a) - set(files_b)):
        found.append((name, "only in A", []))
    for name in sorted(set(files_b) - set(files_a)):
        found.append((name, "only in B", []))
    for name in sorted(set(files_a) & set(files_b)):
        left, right = files_a[name], files_b[name]
        if left.suffix == ".zip":
            if zip_members(left) != zip_members(right):
                found.append((name, "zip members differ", []))
            continue
        one, two = left.read_bytes(), right.read_bytes()
        if one == two:
            continue
        try:
            text_one, text_two = normalised_text(one.decode("utf-8")), normalised_text(two.decode("utf-8"))
        except UnicodeDecodeError:
            found.append((name, "binary content differs", []))
            continue
        if text_one != text_two:
            diff = difflib.unified_diff(re.split(r"(?<=>)", text_one), re.split(r"(?<=>)", text_two), lineterm="", n=0)
            found.append((name, "content differs", [line for line in diff if line[:1] in "+-"][2:12]))
    if search_a != search_b:
        found.append(("pagefind/", "search index file counts differ", [f"A {dict(search_a)}", f"B {dict(search_b)}"]))
    return found


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("site_a", type=Path)
    parser.add_argument("site_b", type=Path)
    parser.add_argument("--show", type=int, default=20, help="differences to print in detail (default 20)")


def run(args: argparse.Namespace) -> int:
    found = differences(args.site_a, args.site_b)
    for name, kind, detail in found[: args.show]:
        print(f"{name}: {kind}")
        for line in detail:
            print(f"    {line[:200]}")
    if len(found) > args.show:
        print(f"... and {len(found) - args.show} more")
    total = sum(1 for _ in args.site_a.rglob("*") if _.is_file())
    print(f"{len(found)} difference(s) in {total} files")
    return 1 if found else 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from cli import main

    sys.exit(main(["compare-builds", *sys.argv[1:]]))
