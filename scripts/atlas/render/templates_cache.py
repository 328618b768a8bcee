"""Compile each theme template once per process, not once per language.

mkdocs-static-i18n builds the site once per language, and MkDocs gives every build a
fresh Jinja environment, so Material's templates were compiled three times. A shared
in-memory bytecode cache lets the second and third builds (and every `mkdocs serve`
rebuild) reuse the compiled code. Jinja checks the template's source checksum, so an
edited template is compiled again."""

from __future__ import annotations

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket


class MemoryBytecodeCache(BytecodeCache):
    def __init__(self) -> None:
        self._store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        data = self._store.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._store[bucket.key] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self._store.clear()


SHARED = MemoryBytecodeCache()
