"""Which country texts are missing or behind English, per language.

Usage:
  python scripts/translation_status.py            # report
  python scripts/translation_status.py --mark docs/countries/lt.ru.md
      # after updating a translation: record the English fingerprint it now matches

A translation is 'behind' when the English text changed after the translation
recorded its `translation_of` fingerprint. Exit code 0 always (it reports).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from atlas.config import ROOT  # noqa: E402
from atlas.dataset import load_dataset  # noqa: E402
from atlas.render import translation_state  # noqa: E402


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
    return 0


def mark(path_text: str) -> int:
    path = Path(path_text).resolve()
    match = re.match(r"^([a-z]{2})\.([a-z]{2})\.md$", path.name)
    if not match:
        print(f"{path_text}: expected a translation file like docs/countries/lt.ru.md")
        return 1
    code = match.group(1).upper()
    dataset, _ = load_dataset()
    if dataset is None:
        print("The data has errors; run python scripts/validate.py first.")
        return 1
    english = dataset.prose_for(code, dataset.config.default_language)
    fingerprint = english.fingerprint()
    text = path.read_text(encoding="utf-8")
    if re.search(r"^translation_of:.*$", text, re.M):
        text = re.sub(r"^translation_of:.*$", f"translation_of: {fingerprint}", text, count=1, flags=re.M)
    else:
        text = re.sub(r"^(country:.*)$", rf"\1\ntranslation_of: {fingerprint}", text, count=1, flags=re.M)
    path.write_text(text, encoding="utf-8")
    print(f"{path.relative_to(ROOT)}: translation_of: {fingerprint}")
    return 0


if __name__ == "__main__":
    args = sys.argv[1:]
    if args[:1] == ["--mark"] and len(args) == 2:
        sys.exit(mark(args[1]))
    sys.exit(report())
