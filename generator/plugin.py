"""The MkDocs plugin: wires MkDocs' events to the core. It does no work of its own.

* ``on_config``: load and check the content (all problems reported at once), set the nav.
* ``on_files``: add every generated page in memory; nothing is written into the docs folder.
* ``on_serve``: rebuild when anything in the content folder changes.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel

from . import render_site
from .errors import PlanTrackerError
from .loader import load_site
from .model import Site
from .nav import build_nav
from .urls import item_page


class PlanTrackerConfig(Config):
    """Options of the ``plantrack`` plugin in mkdocs.yml."""

    content = c.Type(str, default="content")
    """The folder holding site.yml, plans/ and decisions/, relative to mkdocs.yml."""

    as_of = c.Optional(c.Type(str))
    """Judge "overdue" against this date (YYYY-MM-DD) instead of site.yml's as_of or today."""

    nav = c.Type(bool, default=True)
    """Build the navigation (home, plans and sections, decisions, about pages) when mkdocs.yml
    has no nav of its own."""


class PlanTrackerPlugin(BasePlugin[PlanTrackerConfig]):
    """Publishes the plans in the content folder as pages."""

    def __init__(self) -> None:
        self.site: Site | None = None
        self.content_dir = Path("content")
        self.section_pages: frozenset[str] = frozenset()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.content_dir = Path(config.config_file_path or ".").parent / self.config.content
        try:
            self.site = load_site(self.content_dir)
        except PlanTrackerError as error:
            raise PluginError(f"Plan Tracker found problems in the content:\n{error}") from None
        self.section_pages = frozenset(
            item_page(item) for plan in self.site.plans for item in plan.items
            if item.kind == "section"
        )
        if not config.site_url:
            config.site_url = self.site.url
        if self.config.nav and not config.nav:
            config.nav = build_nav(self.site, Path(config.docs_dir))
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.site is not None
        pages = render_site(self.site, self._as_of(), config.use_directory_urls)
        for path, content in pages.items():
            if files.get_file_from_path(path) is not None:
                raise PluginError(f"{config.docs_dir}/{path} has the same name as a page Plan "
                                  f"Tracker generates; rename or remove it.")
            files.append(File.generated(config, path, content=content,
                                        inclusion=self._inclusion(path)))
        self.site = None  # the pages hold all MkDocs needs; free the model for the build
        return files

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        server.watch(str(self.content_dir))
        return server

    def _as_of(self) -> date | None:
        if not self.config.as_of:
            return None
        try:
            return date.fromisoformat(self.config.as_of)
        except ValueError:
            raise PluginError(f"plantrack as_of: expected a date as YYYY-MM-DD, found "
                              f"{self.config.as_of!r}") from None

    def _inclusion(self, path: str) -> InclusionLevel:
        in_nav = path.count("/") < 2 or path.endswith("/index.md") or path in self.section_pages
        return InclusionLevel.INCLUDED if in_nav else InclusionLevel.NOT_IN_NAV
