"""Print the versions of the site generator stack and Material's own end-of-life notice.

The test command runs this first, so the notice shows in every CI log instead of being
hidden by NO_MKDOCS_2_WARNING (which the test builds set to keep their output short).
"""

from __future__ import annotations

import os
import sys
from importlib.metadata import PackageNotFoundError, version

STACK = ("mkdocs", "mkdocs-material", "mkdocs-static-i18n")


def main() -> int:
    for name in STACK:
        try:
            print(f"{name} {version(name)}")
        except PackageNotFoundError:
            print(f"{name} not installed")
    # Material prints its notice only when imported by the `mkdocs` command and only
    # when NO_MKDOCS_2_WARNING is unset: show it as a real build would.
    os.environ.pop("NO_MKDOCS_2_WARNING", None)
    sys.argv[0] = "mkdocs"
    import material.templates  # noqa: F401  (prints the notice to stderr)

    return 0


if __name__ == "__main__":
    sys.exit(main())
