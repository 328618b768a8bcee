"""Check data/countries.yml, data/sources.yml, data/organisations.yml and the
country text files. Prints every problem as PATH:LINE: field: message.

Usage: python scripts/validate.py [--errors-only] [PATH]
  PATH defaults to data/countries.yml; sources.yml and organisations.yml are read
  from the same folder. --errors-only hides warnings (their number is still printed).
Exit code: 0 when there are no errors (warnings allowed), 1 otherwise.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from atlas.data.problems import errors, warnings  # noqa: E402
from atlas.model.dataset import load_dataset  # noqa: E402


def main(argv: list[str]) -> int:
    quiet = "--errors-only" in argv
    argv = [a for a in argv if a != "--errors-only"]
    path = Path(argv[0]).resolve() if argv else None
    _dataset, problems = load_dataset(path)
    for problem in sorted(problems):
        if not (quiet and problem.warning):
            print(problem)
    found, warned = len(errors(problems)), len(warnings(problems))
    if found:
        print(f"\n{found} error(s), {warned} warning(s). Fix the errors above; nothing will be published until then.")
        return 1
    print(f"OK: no errors ({warned} warning(s)).")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
