"""Shared fixtures: one strict build of the real site per test session, and
throw-away copies of the project for tests that break the data on purpose."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

LANGUAGES = ("en", "ru", "be")
PREFIX = {"en": "", "ru": "ru/", "be": "be/"}


def build_site(project: Path, site_dir: Path, extra_env: dict | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", **(extra_env or {}))
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "--site-dir",
            str(site_dir),
        ],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
    )


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real site, built once with --strict."""
    out = tmp_path_factory.mktemp("site")
    result = build_site(ROOT, out)
    assert result.returncode == 0, result.stdout + result.stderr
    return out


@pytest.fixture(scope="session")
def dataset():
    from atlas.model.dataset import load_dataset

    data, problems = load_dataset()
    assert data is not None, "\n".join(str(p) for p in problems)
    return data


@pytest.fixture
def project(tmp_path) -> Path:
    """A copy of the parts of the project that the data checks and the build read."""
    for name in ("data", "schema", "docs", "overrides", "scripts"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    return tmp_path


def page_path(site: Path, lang: str, path: str) -> Path:
    return site / PREFIX[lang] / path / "index.html"
