"""Check data against the JSON Schemas in schema/ and word the errors for volunteers."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import jsonschema

from .problems import Problem, dotted, suggest
from .yamlsource import Located

SCHEMA_DIR = Path(__file__).resolve().parents[3] / "schema"


@cache
def load_schema(name: str) -> dict:
    return json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))


def _validator(schema_name: str) -> jsonschema.Draft7Validator:
    schema = load_schema(schema_name)
    return jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())


def _listing(values) -> str:
    return ", ".join(str(v) for v in values)


def _leaf_errors(error):
    """anyOf/oneOf/allOf errors hide the useful message in their context."""
    if error.context and error.validator in {"anyOf", "oneOf", "allOf"}:
        for sub in error.context:
            yield from _leaf_errors(sub)
    else:
        yield error


def _describe(error, located: Located, name: str) -> list[Problem]:
    path = tuple(error.absolute_path)
    field = dotted(path)
    line = located.line_of(path)
    v = error.validator
    if v == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        extra = [k for k in error.instance if k not in error.schema.get("properties", {})]
        return [
            Problem(
                name,
                located.key_line_of(path + (k,)),
                dotted(path + (k,)),
                f"unknown field '{k}' (allowed here: {_listing(allowed)}){suggest(k, allowed)}",
            )
            for k in extra
        ]
    if v == "required":
        missing = [k for k in error.validator_value if k not in error.instance]
        return [
            Problem(
                name,
                located.key_line_of(path),
                dotted(path + (k,)) or k,
                f"missing required field '{k}'",
            )
            for k in missing
        ]
    if v == "enum":
        allowed = error.validator_value
        return [
            Problem(
                name,
                line,
                field,
                f"'{error.instance}' is not an allowed value (allowed: {_listing(allowed)})"
                f"{suggest(error.instance, allowed)}",
            )
        ]
    if v == "propertyNames":
        key = error.instance
        return [
            Problem(
                name,
                located.key_line_of(path + (key,)),
                dotted(path + (key,)),
                f"'{key}' is not a valid key here (expected {error.validator_value.get('pattern', '')})",
            )
        ]
    if v == "format" and error.validator_value == "date":
        return [
            Problem(
                name,
                line,
                field,
                f"'{error.instance}' is not a real date (write YYYY-MM-DD)",
            )
        ]
    if v == "pattern":
        pattern = error.validator_value
        hint = {
            "^https?://": "an address starting with http:// or https://, with no spaces",
            "^[0-9]{4}(": "a date written YYYY, YYYY-MM or YYYY-MM-DD",
            "^[a-z0-9][a-z0-9-]*$": "an id of lowercase letters, digits and hyphens",
        }
        wanted = next(
            (h for k, h in hint.items() if pattern.startswith(k)),
            f"text matching {pattern}",
        )
        return [
            Problem(
                name,
                line,
                field,
                f"'{error.instance}' is not valid (expected {wanted})",
            )
        ]
    if v == "type":
        expected = error.validator_value
        if isinstance(expected, list):
            expected = " or ".join(expected)
        return [
            Problem(
                name,
                line,
                field,
                f"expected {expected}, found {type(error.instance).__name__}",
            )
        ]
    if v == "minItems":
        return [
            Problem(
                name,
                line,
                field,
                f"needs at least {error.validator_value} item(s); found none",
            )
        ]
    if v == "const":
        return [Problem(name, line, field, f"must be '{error.validator_value}'")]
    if v in {"minimum", "maximum"}:
        return [
            Problem(
                name,
                line,
                field,
                f"{error.instance} is out of range ({v} {error.validator_value})",
            )
        ]
    if v == "minLength":
        return [Problem(name, line, field, "is too short or empty")]
    return [Problem(name, line, field, error.message)]


def _published_problem(error, located: Located, name: str) -> Problem | None:
    """`published` accepts a partial date or 'undated': say so in one message."""
    path = tuple(error.absolute_path)
    if error.validator == "anyOf" and path and path[-1] == "published":
        return Problem(
            name,
            located.line_of(path),
            dotted(path),
            f"'{error.instance}' is not a date (write YYYY, YYYY-MM or YYYY-MM-DD as shown by "
            "the source, or 'undated' — never a guessed date)",
        )
    return None


def check_schema(located: Located, schema_name: str, name: str) -> list[Problem]:
    problems: list[Problem] = []
    for error in _validator(schema_name).iter_errors(located.data):
        special = _published_problem(error, located, name)
        if special:
            problems.append(special)
            continue
        for leaf in _leaf_errors(error):
            problems.extend(_describe(leaf, located, name))
    return sorted(set(problems))
