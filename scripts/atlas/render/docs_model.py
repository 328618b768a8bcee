"""The field-by-field reference of the data files, generated from schema/*.json so
that the documentation cannot drift from what the validator enforces."""

from __future__ import annotations

from html import escape

from ..data.schema import load_schema

FILES = (
    ("data/countries.yml", "countries.schema.json", "XX"),
    ("data/sources.yml", "sources.schema.json", "<source-id>"),
    ("data/organisations.yml", "organisations.schema.json", "<organisation-id>"),
)


def _resolve(node: dict, root: dict) -> dict:
    while "$ref" in node:
        name = node["$ref"].split("/")[-1]
        extra = {k: v for k, v in node.items() if k != "$ref"}
        node = {**root["definitions"][name], **extra}
    return node


def _kind(node: dict) -> str:
    if "enum" in node:
        return "one of: " + ", ".join(f"`{v}`" for v in node["enum"])
    if "const" in node:
        return f"`{node['const']}`"
    if "anyOf" in node:
        return " or ".join(_kind(option) for option in node["anyOf"])
    kind = node.get("type", "")
    if isinstance(kind, list):
        kind = " or ".join(kind)
    if node.get("format") == "date" or node.get("pattern", "").startswith("^[0-9]{4}("):
        return "date" if node.get("format") == "date" else "date (YYYY, YYYY-MM or YYYY-MM-DD)"
    if node.get("pattern", "").startswith("^https?://"):
        return "web address (http/https)"
    if kind == "array" and "items" in node:
        return f"list of {_kind(node['items'])}"
    return kind or "any"


def _rows(node: dict, root: dict, path: str, required: bool):
    node = _resolve(node, root)
    description = node.get("description", "").replace("|", "\\|").replace("\n", " ")
    yield path, _kind(node), required, description
    if node.get("type") == "object" or "properties" in node:
        needed = set(node.get("required", []))
        for key, child in node.get("properties", {}).items():
            yield from _rows(child, root, f"{path}.{key}", key in needed)
    elif node.get("type") == "array" and isinstance(node.get("items"), dict):
        item = _resolve(node["items"], root)
        if "properties" in item:
            needed = set(item.get("required", []))
            for key, child in item["properties"].items():
                yield from _rows(child, root, f"{path}[].{key}", key in needed)


def data_model_markdown() -> str:
    out = []
    for filename, schema_name, key in FILES:
        schema = load_schema(schema_name)
        out.append(f"## `{filename}` {{#{filename.split('/')[-1].replace('.', '-')}}}\n")
        # Schema texts are plain text: "<code>.md" must not open an HTML element.
        out.append(escape(schema.get("description", ""), quote=False) + "\n")
        out.append("| Field | Type | Required | Meaning |\n|---|---|---|---|")
        entry = schema["additionalProperties"]
        for path, kind, required, description in _rows(entry, schema, key, True):
            out.append(f"| `{path}` | {kind} | {'yes' if required else ''} | {escape(description, quote=False)} |")
        out.append("")
    return "\n".join(out)
