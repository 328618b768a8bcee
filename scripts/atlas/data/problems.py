"""Problems found in volunteer-edited files, printed as `PATH:LINE: field: message`."""

from __future__ import annotations

import difflib
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    field: str
    message: str
    warning: bool = False

    def __str__(self) -> str:
        if self.warning:
            where = f" {self.field}:" if self.field else ""
            return f"{self.path}:{self.line}: warning:{where} {self.message}"
        field = self.field or "(file)"
        return f"{self.path}:{self.line}: {field}: {self.message}"


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if not p.warning]


def warnings(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.warning]


def dotted(path: tuple) -> str:
    """('countries', 'LT', 'cases', 0, 'year') -> 'countries.LT.cases[0].year'."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


class DataError(Exception):
    """Raised when data files contain errors; carries every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        listing = "\n".join(str(p) for p in self.problems)
        super().__init__(f"{len(errors(self.problems))} problem(s) in the data:\n{listing}")


def suggest(word: object, choices) -> str:
    """' — did you mean 'x'?' for a near miss, else ''."""
    close = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1, cutoff=0.6)
    return f" — did you mean '{close[0]}'?" if close else ""
