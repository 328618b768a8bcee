"""Lighthouse (the npm package in node_modules) run against Debian's chromium, mobile
profile, with the median of several runs per page. Used by scripts/benchmark.py for the
published scores and by the tests for the scores that do not depend on timing."""

from __future__ import annotations

import json
import os
import shlex
import statistics
import subprocess
import tempfile
from pathlib import Path

from ..data.config import ROOT
from .browser import CHROMIUM, LAUNCH_ARGS

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def command(url: str, report: Path, categories: tuple[str, ...] = CATEGORIES) -> list[str]:
    """Mobile is Lighthouse's default form factor (simulated slow 4G and a slow CPU)."""
    return [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        f"--output-path={report}",
        f"--only-categories={','.join(categories)}",
        "--form-factor=mobile",
        f"--chrome-flags={shlex.join(LAUNCH_ARGS)}",
    ]


def scores(report: dict) -> dict[str, int]:
    return {name: round(category["score"] * 100) for name, category in report["categories"].items()}


def failed_audits(report: dict) -> list[str]:
    """Audits that cost points (those with a weight in a category score), with what
    Lighthouse says about them."""
    weighted = {
        ref["id"] for category in report["categories"].values() for ref in category["auditRefs"] if ref["weight"] > 0
    }
    found = []
    for key in sorted(weighted):
        audit = report["audits"][key]
        if audit.get("score") is not None and audit["score"] < 1:
            found.append(f"{key}: {audit.get('displayValue') or audit.get('title')}")
    return found


def run(url: str, categories: tuple[str, ...] = CATEGORIES) -> dict:
    with tempfile.TemporaryDirectory() as scratch:
        report = Path(scratch) / "report.json"
        result = subprocess.run(
            command(url, report, categories),
            env=dict(os.environ, CHROME_PATH=CHROMIUM),
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0 or not report.exists():
            raise RuntimeError(f"Lighthouse failed on {url}:\n{result.stdout[-2000:]}\n{result.stderr[-2000:]}")
        return json.loads(report.read_text(encoding="utf-8"))


METRICS = {
    "fcp_ms": "first-contentful-paint",
    "lcp_ms": "largest-contentful-paint",
    "tbt_ms": "total-blocking-time",
    "cls": "cumulative-layout-shift",
}


def median_metrics(reports: list[dict]) -> dict[str, float]:
    """Median of Lighthouse's (simulated) timings, in ms, and of the layout shift."""
    found = {}
    for name, audit in METRICS.items():
        value = statistics.median(report["audits"][audit]["numericValue"] for report in reports)
        found[name] = round(value, 3) if name == "cls" else round(value)
    return found


def median_scores(runs: list[dict[str, int]]) -> dict[str, int]:
    return {name: round(statistics.median(r[name] for r in runs)) for name in runs[0]}
