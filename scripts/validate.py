"""Check data/countries.yml, data/sources.yml, data/organisations.yml and the
country text files. Prints every problem as PATH:LINE: field: message.

Usage: python scripts/validate.py [--errors-only] [PATH]
  PATH defaults to data/countries.yml; sources.yml and organisations.yml are read
  from the same folder. --errors-only hides warnings (their number is still printed).
Exit code: 0 when there are no errors (warnings allowed), 1 otherwise.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from atlas.data.problems import errors, warnings  # noqa: E402
from atlas.model.dataset import load_dataset  # noqa: E402


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", nargs="?", type=Path, help="the countries file (default data/countries.yml)")
    parser.add_argument("--errors-only", action="store_true", help="hide warnings (their number is still printed)")


def run(args: argparse.Namespace) -> int:
    _dataset, problems = load_dataset(args.path.resolve() if args.path else None)
    for problem in sorted(problems):
        if not (args.errors_only and problem.warning):
            print(problem)
    found, warned = len(errors(problems)), len(warnings(problems))
    if found:
        print(f"\n{found} error(s), {warned} warning(s). Fix the errors above; nothing will be published until then.")
        return 1
    print(f"OK: no errors ({warned} warning(s)).")
    return 0


if __name__ == "__main__":
    from cli import main

    sys.exit(main(["validate", *sys.argv[1:]]))
