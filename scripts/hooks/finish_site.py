"""MkDocs hook: finish the site after the last language build (atlas/finish.py).

Runs after mkdocs-static-i18n (priority -100) has built every further language, and
only in the outer build, never in the per-language builds it starts."""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from atlas.data.config import load_site_config  # noqa: E402
from atlas.site.build_run import current_run  # noqa: E402
from atlas.site.finish import LanguageBuildFailed, finish_site  # noqa: E402
from atlas.site.mkdocs_facts import built_languages  # noqa: E402


@event_priority(-200)
def on_post_build(config):
    i18n = config.plugins.get("i18n")
    if i18n is not None and i18n.building:
        return
    languages = built_languages(config, load_site_config().languages)
    try:
        finish_site(Path(config.site_dir), languages, config.site_url or "/", current_run())
    except LanguageBuildFailed as error:
        raise PluginError(str(error)) from None
