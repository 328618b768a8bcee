"""The project's command line: one entry point, one subcommand per job.

Usage: python scripts/cli.py COMMAND [options]     (python scripts/cli.py COMMAND --help)

The scripts of the same names (scripts/validate.py, …) still work: each is this
command line with its subcommand filled in.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

# subcommand -> (module in scripts/, what it does)
COMMANDS = {
    "validate": ("validate", "check every data and text file; problems as FILE:LINE: field: message"),
    "new-country": ("new_country", "add a country as a draft entry with its text files"),
    "translations": ("translation_status", "which translations are missing or behind; --mark FILE records one"),
    "links": ("check_links", "check that cited sources and organisations' websites still answer"),
    "contacts": ("check_contacts", "list changed help contacts (they need a second reviewer)"),
    "pdfs": ("make_pdfs", "print every country page of a built site to PDF"),
    "benchmark": ("benchmark", "measure build time, page weight, search and Lighthouse"),
    "compare-builds": ("compare_builds", "compare two built sites file by file"),
    "map-data": ("prepare_map_data", "make data/geo/countries-110m.json from world-atlas"),
    "smoke": ("smoke_generators", "build the site with ProperDocs and Zensical and check what works"),
}


def parser(selected: str | None = None) -> argparse.ArgumentParser:
    """The command line; only the selected subcommand's module is imported (all of
    them when none is selected, to print the full help)."""
    top = argparse.ArgumentParser(prog="cli.py", description=__doc__.splitlines()[0])
    commands = top.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (module_name, summary) in COMMANDS.items():
        sub = commands.add_parser(name, help=summary, formatter_class=argparse.RawDescriptionHelpFormatter)
        if selected in (None, name):
            module = importlib.import_module(module_name)
            sub.description = (module.__doc__ or summary).strip()
            module.add_arguments(sub)
            sub.set_defaults(run=module.run)
    return top


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    selected = argv[0] if argv and argv[0] in COMMANDS else None
    args = parser(selected).parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
