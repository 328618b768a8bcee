"""Build the other languages side by side on a machine with more than one core.

mkdocs-static-i18n builds the default language, then every other language in turn,
in one process. On `mkdocs build` with two or more cores, each further language build
is forked into a child process (while fewer children run than there are spare cores)
and the parent goes on with the next language. The parent waits for every child before
the site is finished (sitemap, 404 page, search index) and fails if any child failed.

Every language writes its pages under its own folder; the files all builds share
(theme assets, the 404 page) come out identical, and the sitemap is written once,
after all builds, from the finished site. `ATLAS_PARALLEL=0` keeps one process;
`mkdocs serve` never forks (its server threads must not be copied into a child)."""

from __future__ import annotations

import logging
import os
import sys
import threading
import traceback
from collections.abc import Callable

log = logging.getLogger("mkdocs.hooks.parallel")


def worker_count(command: str, environ: dict, cpus: int | None, can_fork: bool) -> int:
    """How many language builds may run at once (1 = the usual sequential build)."""
    if command != "build" or not can_fork or environ.get("ATLAS_PARALLEL", "1") == "0":
        return 1
    return max(1, cpus or 1)


def available_cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


class LanguageForks:
    """Wraps the build function mkdocs-static-i18n calls for each further language."""

    def __init__(self, workers: int, current_language: Callable[[], str]):
        self.workers = workers
        self.current_language = current_language
        self.children: dict[int, str] = {}
        self.failed: list[str] = []

    def install(self, module) -> LanguageForks:
        """Route `module.build` (what mkdocs-static-i18n calls per language) through fork()."""
        self.module, self.original = module, module.build
        module.build = self.wrap(module.build)
        return self

    def uninstall(self) -> None:
        self.module.build = self.original

    def wrap(self, build: Callable) -> Callable:
        def build_language(config, **kwargs):
            self._collect(block=False)
            if len(self.children) >= self.workers - 1 or threading.active_count() > 1:
                return build(config, **kwargs)
            language = self.current_language()
            sys.stdout.flush()
            sys.stderr.flush()
            pid = os.fork()
            if pid == 0:  # the child: build this one language, then leave at once
                os._exit(_build_in_child(build, config, kwargs, language))
            self.children[pid] = language
            return None

        return build_language

    def wait(self) -> list[str]:
        """Wait for every child; the languages whose build failed."""
        self._collect(block=True)
        return self.failed

    def _collect(self, block: bool) -> None:
        for pid in list(self.children):
            done, status = os.waitpid(pid, 0 if block else os.WNOHANG)
            if done:
                language = self.children.pop(pid)
                if os.waitstatus_to_exitcode(status) != 0:
                    self.failed.append(language)


def _build_in_child(build: Callable, config, kwargs: dict, language: str) -> int:
    code = 0
    try:
        build(config, **kwargs)
    except BaseException as error:  # noqa: BLE001 - the parent reports it; the child must exit
        message = str(error) or error.__class__.__name__
        log.error(f"Building '{language}' failed: {message}")
        if not hasattr(error, "exit_code"):  # click's Abort carries its own message
            traceback.print_exc()
        code = 1
    finally:
        logging.shutdown()
        sys.stdout.flush()
        sys.stderr.flush()
    return code
