"""Build the other languages side by side on a machine with more than one core.

mkdocs-static-i18n builds the default language, then every other language in turn,
in one process. On `mkdocs build` with two or more cores, every further language is
instead built in a child process, forked as soon as the default language's build has
cleaned the site folder and listed its files (the checked data is shared by then).
The parent builds the default language meanwhile, then skips the languages the
children build, and waits for every child before the site is finished (sitemap, 404
page, search index); it fails if any child failed.

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
# What every nested build logs about itself; the outer build already said it.
REPEATED_MESSAGES = ("Cleaning site directory", "Building documentation to directory", "Documentation built in")


def worker_count(command: str, environ: dict, cpus: int | None, can_fork: bool) -> int:
    """How many processes may build languages (1 = the usual sequential build)."""
    if command != "build" or not can_fork or environ.get("ATLAS_PARALLEL", "1") == "0":
        return 1
    return max(1, cpus or 1)


def available_cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


class LanguageForks:
    """Starts the further languages' builds in child processes and keeps
    mkdocs-static-i18n from building them again in the parent."""

    def __init__(self, i18n, module):
        self.i18n = i18n
        self.module, self.original = module, module.build
        self.started: set[str] = set()
        self.children: dict[int, str] = {}
        self.failed: list[str] = []

    def start(self, config, languages: tuple[str, ...]) -> LanguageForks:
        """Fork one child per language (called inside the default language's build,
        after the site folder is cleaned); route mkdocs-static-i18n's later build of
        each of them to nothing."""
        if threading.active_count() > 1:
            return self
        for language in languages:
            sys.stdout.flush()
            sys.stderr.flush()
            pid = os.fork()
            if pid == 0:  # the child: build this one language, then leave at once
                os._exit(_build_in_child(lambda lang=language: self._build(config, lang), language))
            self.children[pid] = language
            self.started.add(language)
        self.module.build = self._skip_started
        return self

    def uninstall(self) -> None:
        self.module.build = self.original

    def wait(self) -> list[str]:
        """Wait for every child; the languages whose build failed."""
        for pid in list(self.children):
            _, status = os.waitpid(pid, 0)
            language = self.children.pop(pid)
            if os.waitstatus_to_exitcode(status) != 0:
                self.failed.append(language)
        return self.failed

    def _skip_started(self, config, **kwargs):
        if self.i18n.current_language in self.started:
            return None
        return self.original(config, **kwargs)

    def _build(self, config, language: str) -> None:
        """What mkdocs-static-i18n does for a further language, in this process."""
        from mkdocs import utils

        utils.clean_directory = lambda path: None  # the default build cleaned it
        logging.getLogger("mkdocs.commands.build").addFilter(_RepeatedMessages())
        self.i18n.building = True
        self.i18n.current_language = language
        self.original(config, dirty=False)


class _RepeatedMessages(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(REPEATED_MESSAGES)


def _build_in_child(build: Callable[[], None], language: str) -> int:
    code = 0
    try:
        build()
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
