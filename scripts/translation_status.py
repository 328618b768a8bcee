"""Which country texts are missing or behind English, per language.

Usage:
  python scripts/translation_status.py            # report
  python scripts/translation_status.py --mark docs/countries/lt.ru.md
      # after updating a translation: record the English fingerprint it now matches

A translation is 'behind' when the English text changed after the translation
recorded its `translation_of` fingerprint. Exit code 0 always (it reports).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from atlas.data.config import ROOT  # noqa: E402
from atlas.data.pages import body_fingerprint, english_pages, page_translation_state  # noqa: E402
from atlas.model.dataset import load_dataset  # noqa: E402
from atlas.render.base import translation_state  # noqa: E402


def report() -> int:
    dataset, problems = load_dataset()
    if dataset is None:
        print("The data has errors; run python scripts/validate.py first.")
        return 1
    default = dataset.config.default_language
    for lang in dataset.config.languages:
        if lang == default:
            continue
        states = {code: translation_state(dataset, code, lang) for code in sorted(dataset.countries)}
        counts = {s: sum(1 for v in states.values() if v == s) for s in ("current", "behind", "missing", "none")}
        print(
            f"{lang}: {counts['current']} current, {counts['behind']} behind, {counts['missing']} missing, "
            f"{counts['none']} with no text to translate"
        )
        for code, state in states.items():
            if state in {"behind", "missing"}:
                print(f"  {code}: {state}")
        pages = {p: page_translation_state(p, lang) for p in english_pages(ROOT / "docs")}
        page_counts = {
            s: sum(1 for v in pages.values() if v == s) for s in ("current", "behind", "missing", "untracked")
        }
        print(f"{lang} pages: " + ", ".join(f"{n} {s}" for s, n in page_counts.items()))
        for path, state in pages.items():
            if state != "current":
                print(f"  {path.relative_to(ROOT)}: {state}")
    return 0


def mark(path_text: str) -> int:
    path = Path(path_text).resolve()
    match = re.match(r"^(.+)\.([a-z]{2})\.md$", path.name)
    if not match:
        print(f"{path_text}: expected a translation file like docs/countries/lt.ru.md or docs/guides/detained.be.md")
        return 1
    if path.parent == ROOT / "docs" / "countries" and match.group(1) != "index":
        dataset, _ = load_dataset()
        if dataset is None:
            print("The data has errors; run python scripts/validate.py first.")
            return 1
        fingerprint = dataset.prose_for(match.group(1).upper(), dataset.config.default_language).fingerprint()
    else:
        fingerprint = body_fingerprint(path.with_name(match.group(1) + ".md"))
    text = path.read_text(encoding="utf-8")
    if re.search(r"^translation_of:.*$", text, re.M):
        text = re.sub(r"^translation_of:.*$", f"translation_of: {fingerprint}", text, count=1, flags=re.M)
    else:
        text = re.sub(r"\A---[ \t]*\n", f"---\ntranslation_of: {fingerprint}\n", text, count=1)
    path.write_text(text, encoding="utf-8")
    print(f"{path.relative_to(ROOT)}: translation_of: {fingerprint}")
    return 0


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--mark", metavar="FILE", help="record the English fingerprint this translation now matches")


def run(args: argparse.Namespace) -> int:
    return mark(args.mark) if args.mark else report()


if __name__ == "__main__":
    from cli import main

    sys.exit(main(["translations", *sys.argv[1:]]))
