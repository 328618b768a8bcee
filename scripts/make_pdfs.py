"""Print every country page, in every language, to a PDF named with its version.

Run by the deploy workflow after `mkdocs build` (not by every local build):
  python scripts/make_pdfs.py site
Writes site/pdf/<code>-<lang>-<version date>-<commit>.pdf; the pages link to these
names when the site was built with ATLAS_PDF_LINKS=1.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from atlas.model.dataset import load_dataset  # noqa: E402
from atlas.render.cite import pdf_name  # noqa: E402
from atlas.render.renderer import Renderer  # noqa: E402
from atlas.tools.browser import browser, print_pdf, serve  # noqa: E402


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("site", nargs="?", default="site", help="the built site (default site/)")


def run(args: argparse.Namespace) -> int:
    site = Path(args.site).resolve()
    dataset, problems = load_dataset()
    if dataset is None:
        print("\n".join(map(str, problems)))
        return 1
    out = site / "pdf"
    out.mkdir(exist_ok=True)
    count = 0
    with serve(site) as base, browser() as chromium:
        page = chromium.new_page()
        for lang in dataset.config.languages:
            renderer = Renderer(dataset, lang)
            prefix = "" if lang == dataset.config.default_language else f"{lang}/"
            for code in sorted(dataset.countries):
                name = pdf_name(renderer.country_citation(code), code, lang)
                print_pdf(page, f"{base}{prefix}countries/{code.lower()}/", out / name)
                count += 1
    print(f"{count} PDFs written to {out}")
    return 0


if __name__ == "__main__":
    from cli import main

    sys.exit(main(["pdfs", *sys.argv[1:]]))
