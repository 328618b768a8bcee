"""Per-language explanatory text for a country: docs/countries/<code>[.<lang>].md.

The file is Markdown whose front matter holds short texts keyed like the facts
they explain. English is the source; a translation records `translation_of`, the
fingerprint of the English text it was made from, so a lagging translation is
detected without git history (shallow clones have none).
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from .problems import Problem, suggest
from .yamlsource import Located, parse_yaml

TEXT_KEYS = (
    "summary",
    "special_procedure",
    "detention",
    "statistics",
    "channels",
    "protection",
    "authorities",
    "legal_help",
)
MAP_KEYS = ("cases", "inquiries")
ALLOWED_KEYS = ("country", "translation_of", *TEXT_KEYS, *MAP_KEYS)
FINGERPRINT = re.compile(r"^[0-9a-f]{10}$")


@dataclass
class Prose:
    code: str
    lang: str
    path: str
    texts: dict[str, str] = field(default_factory=dict)
    cases: dict[str, str] = field(default_factory=dict)
    inquiries: dict[str, str] = field(default_factory=dict)
    translation_of: str | None = None
    located: Located | None = None

    def fingerprint(self) -> str:
        """Stable hash of the text content (what a translation is made from)."""
        payload = json.dumps(
            {"texts": self.texts, "cases": self.cases, "inquiries": self.inquiries},
            sort_keys=True,
            ensure_ascii=False,
        )
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:10]

    def is_empty(self) -> bool:
        return not (self.texts or self.cases or self.inquiries)


def prose_path(docs_dir: Path, code: str, lang: str, default_lang: str = "en") -> Path:
    suffix = "" if lang == default_lang else f".{lang}"
    return docs_dir / "countries" / f"{code.lower()}{suffix}.md"


def split_front_matter(text: str) -> tuple[str | None, str]:
    if not text.startswith("---"):
        return None, text
    match = re.match(r"^---[ \t]*\n(.*?\n)?---[ \t]*(\n|$)", text, re.S)
    if not match:
        return None, text
    return match.group(1) or "", text[match.end() :]


def load_prose(path: Path, code: str, lang: str, shown: str) -> tuple[Prose | None, list[Problem]]:
    problems: list[Problem] = []
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, []
    front, _body = split_front_matter(text)
    if front is None:
        return None, [Problem(shown, 1, "", "missing front matter: the file must start with '---'")]
    located, yaml_problems = parse_yaml(front, shown, line_offset=1)
    problems += yaml_problems
    if located is None:
        return None, problems
    data = located.data if isinstance(located.data, dict) else {}
    prose = Prose(code=code, lang=lang, path=shown, located=located)
    for key, value in data.items():
        line = located.key_line_of((key,))
        if key not in ALLOWED_KEYS:
            problems.append(
                Problem(
                    shown,
                    line,
                    key,
                    f"unknown field '{key}' (allowed: {', '.join(ALLOWED_KEYS)}){suggest(key, ALLOWED_KEYS)}",
                )
            )
        elif key == "country":
            if str(value).upper() != code:
                problems.append(
                    Problem(
                        shown,
                        line,
                        key,
                        f"'{value}' does not match the file name (expected {code})",
                    )
                )
        elif key == "translation_of":
            if lang == "en":
                problems.append(Problem(shown, line, key, "only translations record translation_of"))
            elif not FINGERPRINT.match(str(value)):
                problems.append(
                    Problem(
                        shown,
                        line,
                        key,
                        f"'{value}' is not a fingerprint (10 hex characters; "
                        "`python scripts/translation_status.py` prints the current one)",
                    )
                )
            else:
                prose.translation_of = str(value)
        elif key in TEXT_KEYS:
            if not isinstance(value, str) or not value.strip():
                problems.append(Problem(shown, line, key, "expected text (use `key: |` and indent it)"))
            else:
                prose.texts[key] = value.strip()
        elif key in MAP_KEYS:
            if not isinstance(value, dict):
                problems.append(Problem(shown, line, key, "expected a mapping of ids to text"))
                continue
            target = prose.cases if key == "cases" else prose.inquiries
            for item_id, item_text in value.items():
                if not isinstance(item_text, str) or not item_text.strip():
                    problems.append(
                        Problem(
                            shown,
                            located.key_line_of((key, item_id)),
                            f"{key}.{item_id}",
                            "expected text",
                        )
                    )
                else:
                    target[str(item_id)] = item_text.strip()
    if "country" not in data:
        problems.append(
            Problem(
                shown,
                2,
                "country",
                f"missing required field 'country' (write: country: {code})",
            )
        )
    return prose, problems
