"""Site settings read from mkdocs.yml, so that tools outside MkDocs agree with the build."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[3]


@dataclass(frozen=True)
class SiteConfig:
    languages: tuple[str, ...]
    default_language: str
    site_url: str
    repo_url: str
    edit_branch: str
    publisher_contact: str
    site_names: tuple[tuple[str, str], ...] = ()

    def site_name(self, lang: str) -> str:
        """The site's name in a language (mkdocs.yml, per-language `site_name`)."""
        names = dict(self.site_names)
        return names.get(lang) or names.get(self.default_language, "")


class _TolerantLoader(yaml.SafeLoader):
    """Understands MkDocs' !ENV tag and ignores Python object tags."""


def _env(loader, node):
    if isinstance(node, yaml.ScalarNode):
        names, default = [loader.construct_scalar(node)], None
    else:
        items = loader.construct_sequence(node)
        names, default = items[:-1], items[-1]
    for name in names:
        if os.environ.get(name):
            return os.environ[name]
    return default


_TolerantLoader.add_constructor("!ENV", _env)
_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def read_mkdocs_yml(root: Path = ROOT) -> dict:
    with open(root / "mkdocs.yml", encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_TolerantLoader)


def load_site_config(root: Path = ROOT) -> SiteConfig:
    raw = read_mkdocs_yml(root)
    i18n = next(
        (p["i18n"] for p in raw.get("plugins", []) if isinstance(p, dict) and "i18n" in p),
        {"languages": [{"locale": "en", "default": True}]},
    )
    langs = [lang for lang in i18n["languages"] if lang.get("build", True) and lang["locale"] != "null"]
    default = next(lang["locale"] for lang in langs if lang.get("default"))
    ordered = (
        default,
        *[lang["locale"] for lang in langs if lang["locale"] != default],
    )
    extra = raw.get("extra", {}) or {}
    return SiteConfig(
        languages=ordered,
        default_language=default,
        site_url=str(raw.get("site_url") or "http://127.0.0.1:8000/"),
        repo_url=str(raw.get("repo_url") or "").rstrip("/"),
        edit_branch=str(extra.get("edit_branch") or "main"),
        publisher_contact=str(extra.get("publisher_contact") or ""),
        site_names=tuple((lang["locale"], str(lang.get("site_name") or raw.get("site_name") or "")) for lang in langs),
    )
