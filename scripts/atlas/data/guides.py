"""Citations in hand-written pages (guides, about) and the checks that keep them honest:
every [@source-id] names a source in data/sources.yml, every heading id is unique.

In Markdown a citation is written [@source-id] or [@id-one; @id-two]; the build turns
it into numbered references and appends the numbered source list under "Sources".
"""

from __future__ import annotations

import re
from pathlib import Path

from .problems import Problem, suggest
from .prose import split_front_matter

CITATION = re.compile(r"\[@([a-z0-9][a-z0-9-]*(?:\s*;\s*@[a-z0-9][a-z0-9-]*)*)\]")


def cited_ids(markdown: str) -> list[str]:
    ids: list[str] = []
    for match in CITATION.finditer(markdown):
        for part in match.group(1).split(";"):
            source_id = part.strip().lstrip("@")
            if source_id not in ids:
                ids.append(source_id)
    return ids


def cited_in_docs(docs_dir: Path) -> set[str]:
    return {sid for path in docs_dir.rglob("*.md") for sid in cited_ids(path.read_text(encoding="utf-8"))}


def check_citations(docs_dir: Path, root: Path, source_ids: set[str]) -> list[Problem]:
    """Every [@id] in hand-written pages must name a source in data/sources.yml."""
    problems = []
    for path in sorted(docs_dir.rglob("*.md")):
        if path.parent.name == "countries" and path.parent.parent == docs_dir:
            continue
        text = path.read_text(encoding="utf-8")
        for number, line in enumerate(text.splitlines(), start=1):
            for source_id in cited_ids(line):
                if source_id not in source_ids:
                    problems.append(
                        Problem(
                            str(path.relative_to(root)),
                            number,
                            "citation",
                            f"unknown source '{source_id}' (add it to data/sources.yml)"
                            + suggest(source_id, source_ids),
                        )
                    )
    return problems


def check_heading_ids(docs_dir: Path, root: Path) -> list[Problem]:
    """Headings below the title need an explicit, language-independent id: {#like-this}.
    Otherwise a translated or reworded heading would change its address."""
    problems = []
    for path in sorted(docs_dir.rglob("*.md")):
        if path.parent == docs_dir / "countries":
            continue
        _front, body = split_front_matter(path.read_text(encoding="utf-8"))
        offset = path.read_text(encoding="utf-8").count("\n") - body.count("\n")
        in_code = False
        for number, line in enumerate(body.splitlines(), start=1 + offset):
            if line.startswith("```"):
                in_code = not in_code
            if in_code or not re.match(r"^#{2,4} ", line):
                continue
            if not re.search(r"\{\s*#[a-z0-9][a-z0-9-]*[^}]*\}\s*$", line):
                problems.append(
                    Problem(
                        str(path.relative_to(root)),
                        number,
                        "heading",
                        "add a stable id at the end of the heading, e.g. {#first-hours} (same id in every language)",
                    )
                )
    return problems


def check_glossary(glossary, shown: str, docs_dir: Path, default_language: str) -> list[Problem]:
    """Each entry of data/glossary.yml is a term of the glossary page (its heading id) and
    every word it lists is named in that term's section, in that language's glossary."""
    from ..model.glossary import phrase_pattern, words_of

    problems = []
    for term_id, languages in glossary.data.items():
        for lang, entry in (languages or {}).items():
            suffix = "" if lang == default_language else f".{lang}"
            page = docs_dir / "guides" / f"glossary{suffix}.md"
            text = page.read_text(encoding="utf-8") if page.is_file() else ""
            section = re.search(rf"^###[^\n]*\{{#{re.escape(term_id)}\}}\n(.*?)(?=^##|\Z)", text, re.M | re.S)
            if section is None:
                line = glossary.key_line_of((term_id,))
                problems.append(Problem(shown, line, term_id, f"no heading {{#{term_id}}} in {page.name}"))
                continue
            heading_and_body = section.group(0)
            for word in words_of(entry if isinstance(entry, dict) else {"term": ""}):
                if word and not phrase_pattern(word).search(heading_and_body):
                    problems.append(
                        Problem(
                            shown,
                            glossary.line_of((term_id, lang)),
                            f"{term_id}.{lang}",
                            f"«{word}» is not named in the glossary's section #{term_id} ({page.name}): "
                            "name it there, or take it out of data/glossary.yml",
                        )
                    )
    return problems
