"""Hand-written pages (guides, about): numbered source citations from data/sources.yml,
paragraph permalinks, and the checks that keep them honest.

In Markdown a citation is written [@source-id] or [@id-one; @id-two]; the build turns
it into numbered references and appends the numbered source list under "Sources".
"""

from __future__ import annotations

import re
from pathlib import Path

from markupsafe import Markup

from .problems import Problem, suggest
from .prose import split_front_matter

CITATION = re.compile(r"\[@([a-z0-9][a-z0-9-]*(?:\s*;\s*@[a-z0-9][a-z0-9-]*)*)\]")
SOURCES_MARKER = "<!-- atlas:sources -->"


def cited_ids(markdown: str) -> list[str]:
    ids: list[str] = []
    for match in CITATION.finditer(markdown):
        for part in match.group(1).split(";"):
            source_id = part.strip().lstrip("@")
            if source_id not in ids:
                ids.append(source_id)
    return ids


def replace_citations(markdown: str, cite) -> str:
    """`cite` is a render.Citations: numbers in order of first use."""

    def one(match: re.Match) -> str:
        ids = [part.strip().lstrip("@") for part in match.group(1).split(";")]
        return str(cite(ids))

    return CITATION.sub(one, markdown)


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


PARAGRAPH = re.compile(r"<(p|li)(?![^>]*\bid=)([^>]*)>")


def paragraph_permalinks(html: str, title: str) -> str:
    """Give every paragraph and list item in the article a stable id under its section
    (#section-id-p3) and a small permalink, so a lawyer can cite one paragraph."""
    out = []
    section = "intro"
    counters: dict[str, int] = {}
    position = 0
    heading = re.compile(r'<h[2-4][^>]*\bid="([^"]+)"')
    for match in re.finditer(r'<h[2-4][^>]*\bid="[^"]+"[^>]*>|<(?:p|li)(?![^>]*\bid=)[^>]*>', html):
        out.append(html[position : match.start()])
        tag = match.group(0)
        found = heading.match(tag)
        if found:
            section = found.group(1)
            out.append(tag)
        elif 'class="atlas-' in tag or "admonition-title" in tag:
            out.append(tag)
        else:
            counters[section] = counters.get(section, 0) + 1
            anchor = f"{section}-p{counters[section]}"
            name = tag[1:].split()[0].rstrip(">")
            rest = tag[len(name) + 1 :]
            link = Markup('<a class="atlas-pilcrow" href="#{0}" aria-label="{1}">¶</a>').format(anchor, title)
            out.append(f'<{name} id="{anchor}"{rest}{link}')
        position = match.end()
    out.append(html[position:])
    return "".join(out)
