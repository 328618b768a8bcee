"""Lighthouse, mobile profile, on every page type: accessibility, best practices and SEO
must score 100. Each page type is checked in one language, the languages taking turns.
The performance score depends on the machine's speed, so it is measured (median of
three runs, every page type in every language) and published by scripts/benchmark.py,
not asserted here."""

from __future__ import annotations

import os

import pytest

from atlas.tools import lighthouse
from atlas.tools.browser import serve
from atlas.tools.page_types import PAGE_TYPES
from conftest import LANGUAGES, PREFIX

pytestmark = pytest.mark.skipif(
    not lighthouse.LIGHTHOUSE.exists() and not os.environ.get("CI"), reason="lighthouse not installed (npm ci)"
)

CASES = [(kind, LANGUAGES[index % len(LANGUAGES)]) for index, kind in enumerate(PAGE_TYPES)]
CHECKED = ("accessibility", "best-practices", "seo")


@pytest.fixture(scope="module")
def gzip_site(site):
    with serve(site, compress=True) as base:
        yield base


@pytest.mark.parametrize(("kind", "lang"), CASES)
def test_lighthouse_scores_100_for_accessibility_best_practices_and_seo(gzip_site, kind, lang):
    report = lighthouse.run(gzip_site + PREFIX[lang] + PAGE_TYPES[kind], CHECKED)
    scores = lighthouse.scores(report)
    assert scores == dict.fromkeys(CHECKED, 100), (scores, lighthouse.failed_audits(report))
