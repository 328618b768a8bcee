"""Load YAML while remembering the line of every value and refusing duplicate keys.

PyYAML silently keeps the last of two identical keys, so a volunteer's edit could
vanish without a word. Here the document is composed into nodes first, duplicate
keys are reported with both lines, and plain Python values are built with a map
from each value's path to its line. Dates stay ISO strings: the schema checks them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

from .problems import Problem, dotted

_TAG_PREFIX = "tag:yaml.org,2002:"
# libyaml's composer when PyYAML was built with it (same nodes and marks, much faster).
FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class Located:
    """Plain data plus the 1-based line of every path inside it."""

    data: object
    lines: dict[tuple, int] = field(default_factory=dict)
    key_lines: dict[tuple, int] = field(default_factory=dict)
    block_starts: dict[tuple, int] = field(default_factory=dict)

    def line_of(self, path: tuple) -> int:
        """Line of the value at `path`, or of its nearest ancestor."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), 1)

    def text_line_of(self, path: tuple, offset: int) -> int:
        """Line of character `offset` inside the text value at `path` (exact for `|` blocks)."""
        path = tuple(path)
        value = self.data
        for part in path:
            value = value[part]
        if path in self.block_starts and isinstance(value, str):
            return self.block_starts[path] + value[:offset].count("\n")
        return self.line_of(path)

    def key_line_of(self, path: tuple) -> int:
        return self.key_lines.get(tuple(path), self.line_of(path))


def _scalar(node: yaml.ScalarNode, constructor):
    tag = node.tag
    if tag == _TAG_PREFIX + "timestamp":
        return node.value  # keep "2024-12-18" as text; the schema validates it
    if tag == _TAG_PREFIX + "bool" and node.value.lower() not in ("true", "false"):
        return node.value  # YAML 1.1 reads yes/no/on/off (and Norway's NO) as booleans: keep the words
    if tag in {_TAG_PREFIX + t for t in ("int", "float", "bool", "null")}:
        return constructor.construct_object(node)
    return node.value


def _build(node, path: tuple, out: Located, problems: list[Problem], name: str, constructor):
    out.lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        result: dict = {}
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                problems.append(
                    Problem(
                        name,
                        key_node.start_mark.line + 1,
                        "",
                        "a key must be plain text",
                    )
                )
                continue
            key = key_node.value
            line = key_node.start_mark.line + 1
            if key in seen:
                problems.append(
                    Problem(
                        name,
                        line,
                        _join(path, key),
                        f"duplicate key '{key}' (first defined on line {seen[key]}); "
                        "YAML would silently keep only the last one — merge the two entries",
                    )
                )
                continue
            seen[key] = line
            out.key_lines[path + (key,)] = line
            result[key] = _build(value_node, path + (key,), out, problems, name, constructor)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, path + (i,), out, problems, name, constructor) for i, item in enumerate(node.value)]
    if isinstance(node, yaml.ScalarNode):
        if node.style in ("|", ">"):
            out.block_starts[path] = node.start_mark.line + 2
        return _scalar(node, constructor)
    problems.append(Problem(name, node.start_mark.line + 1, _join(path, ""), "unsupported YAML"))
    return None


def _join(path: tuple, key: str) -> str:
    return dotted(tuple(path) + ((key,) if key else ()))


def parse_yaml(text: str, name: str, line_offset: int = 0) -> tuple[Located | None, list[Problem]]:
    """Parse YAML text. `line_offset` shifts lines (front matter starts after `---`)."""
    problems: list[Problem] = []
    try:
        root = yaml.compose(text, Loader=FAST_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 if mark else 1) + line_offset
        what = exc.problem or "invalid YAML"
        hint = " (check indentation, colons and quotes around text that contains ':' or '#')"
        return None, [Problem(name, line, "", f"YAML syntax error: {what}{hint}")]
    except yaml.YAMLError as exc:  # pragma: no cover - defensive
        return None, [Problem(name, 1 + line_offset, "", f"YAML error: {exc}")]
    located = Located(data=None)
    if root is None:
        located.data = {}
        located.lines[()] = 1 + line_offset
        return located, problems
    constructor = yaml.constructor.SafeConstructor()
    located.data = _build(root, (), located, problems, name, constructor)
    if line_offset:
        located.lines = {k: v + line_offset for k, v in located.lines.items()}
        located.key_lines = {k: v + line_offset for k, v in located.key_lines.items()}
        located.block_starts = {k: v + line_offset for k, v in located.block_starts.items()}
    return located, problems


def load_yaml(path: str, name: str | None = None) -> tuple[Located | None, list[Problem]]:
    name = name or path
    try:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
    except FileNotFoundError:
        return None, [Problem(name, 1, "", "file not found")]
    except UnicodeDecodeError:
        return None, [Problem(name, 1, "", "file is not UTF-8 text")]
    return parse_yaml(text, name)
