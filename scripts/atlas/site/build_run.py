"""What one `mkdocs build` (or serve) run shares between the hook modules: the command,
the language forks, and the root 404 page as the default language rendered it."""

from __future__ import annotations

from dataclasses import dataclass

from .parallel import LanguageForks


@dataclass
class BuildRun:
    command: str = ""
    forks: LanguageForks | None = None
    root_404: str | None = None


RUN = BuildRun()


def start_run(command: str) -> BuildRun:
    global RUN
    RUN = BuildRun(command=command)
    return RUN


def current_run() -> BuildRun:
    return RUN
