"""The MkDocs plugin: wires MkDocs' events to the core. It does no work of its own.

* ``on_config``: load and check the content (all problems reported at once), set the nav.
* ``on_files``: add every generated page in memory; nothing is written into the docs folder.
* ``on_nav``, ``on_page_markdown`` and ``on_post_build``: stamp every page, and in a dirty
  build keep the pages whose stamp has not changed (:mod:`generator.rebuild`).
* ``on_page_markdown`` and ``on_page_content``: hand the HTML blocks the core rendered past
  Python-Markdown (:mod:`generator.mkdocs.passthrough`).
* ``on_serve``: rebuild when anything in the content folder changes.
"""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from generator import render_site
from generator.content.errors import PlanTrackerError
from generator.content.loading import load_site
from generator.content.model import Site
from generator.mkdocs import languages, passthrough
from generator.mkdocs.nav import build_nav
from generator.mkdocs.options import IsoDate, WholeNumber
from generator.mkdocs.stamps import STAMP, Rebuild, TrackedFile, tracked
from generator.pages.parts import ROWS_PER_PAGE
from generator.pages.paths import item_page

log = logging.getLogger("mkdocs.plugins.plantrack")


class PlanTrackerConfig(Config):  # type: ignore[no-untyped-call]
    """Options of the ``plantrack`` plugin in mkdocs.yml."""

    content = c.Type(str, default="content")
    """The folder holding site.yml, plans/ and decisions/, relative to mkdocs.yml."""

    as_of = c.Optional(IsoDate())
    """Judge "overdue" against this date (YYYY-MM-DD) instead of site.yml's as_of or today."""

    search_words = c.Optional(WholeNumber(least=1))
    """Index only this many words of each item's own text for search: the description first,
    then its other fields in page order; its ref, title, status and lead are always indexed
    (default: every word). The search index is built in the browser on the first page a
    resident opens, so its size sets the wait for results on a large site; the page always
    shows the whole text."""

    rows_per_page = WholeNumber(least=1, default=ROWS_PER_PAGE)
    """The most rows a list page shows (a plan's table, a report, the items of a status, a
    lead or a due year). A longer list keeps its headings and counts on its page and moves its
    rows to pages of their own, by section, plan or year, this many rows to a page, so that
    every page stays small however large the plans grow."""

    nav = c.Type(bool, default=True)
    """Build the navigation (home, plans and sections, decisions, about pages) when mkdocs.yml
    has no nav of its own."""

    language = c.Optional(c.Type(str))
    """Which of site.yml's languages this build publishes (default: the first). Plan Tracker
    sets it itself for the builds of a site's other languages; there is no need to set it."""


class PlanTrackerPlugin(BasePlugin[PlanTrackerConfig]):  # type: ignore[no-untyped-call]
    """Publishes the plans in the content folder as pages."""

    pass_html_through = True
    """Hand generated pages' HTML blocks past Python-Markdown (tests turn it off to compare)."""

    def __init__(self) -> None:
        self.site: Site | None = None
        self.content_dir = Path("content")
        self.section_pages: frozenset[str] = frozenset()
        self.dirty = False
        self.rebuild: Rebuild | None = None
        self._handed: tuple[Path, Site] | None = None
        """A content folder the caller (``plantrack build``) has just loaded and checked."""
        self.languages: Site | None = None
        """The site's languages and words, kept when the model is let go (``languages``)."""
        self.rendered: frozenset[str] = frozenset()
        """The pages the core rendered (hand-written pages are not among them)."""
        self.stashes: dict[str, passthrough.Stash] = {}
        """The HTML blocks taken out of each generated page's Markdown, by page."""

    def hand_over(self, content: Path, site: Site) -> None:
        """Take ``site``, just loaded and checked from ``content``, instead of loading it again
        (once: a later build of the same plugin loads the folder afresh)."""
        self._handed = (content.resolve(), site)

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Only builds keep unchanged pages: `mkdocs serve --dirty` rebuilds every page (its
        # search plugin merges indexes its own way between rebuilds).
        self.dirty = dirty and command == "build"

    @event_priority(50)  # before Material's search reads the language it indexes in
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.content_dir = Path(config.config_file_path or ".").parent / self.config.content
        try:
            self.site = self._loaded() or load_site(self.content_dir, as_of=self.as_of_date(),
                                                    language=self.config.language)
        except PlanTrackerError as error:
            raise PluginError(f"Plan Tracker found problems in the content:\n{error}") from None
        if self.site.language == self.site.default_language:
            for warning in self.site.warnings:
                log.warning(str(warning))
        self.languages = Site(title=self.site.title, council="", url=self.site.url,
                              languages=self.site.languages, language=self.site.language,
                              missing_translations=self.site.missing_translations,
                              words=self.site.words)
        languages.configure(config, self.site)
        if len(self.site.languages) > 1:
            config.extra["plantrack_words"] = languages.catalog_words(self.site.words, "script")
        self.section_pages = frozenset(
            item_page(item) for plan in self.site.plans for item in plan.items
            if item.kind == "section"
        )
        if not config.site_url:
            config.site_url = self.site.url + languages.prefix(self.site, self.site.language)
        if self.config.nav and not config.nav:
            config.nav = build_nav(self.site, Path(config.docs_dir))
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        assert self.languages is not None
        others = tuple(self.languages.languages[1:]) if self._builds_first_language() else ()
        self.rebuild = Rebuild(Path(config.site_dir), self.dirty, spared=others)

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.site is not None and self.rebuild is not None
        if self.dirty:
            for written in files.documentation_pages():
                files.remove(written)
                files.append(tracked(written, self.rebuild))
        files = languages.written_pages(files, self.site, config,
                                        strict=self.site.missing_translations == "error")
        pages = render_site(self.site, self.as_of_date(), config.use_directory_urls,
                            self.config.search_words, self.config.rows_per_page)
        self.rendered = frozenset(pages)
        for path, content in pages.items():
            if files.get_file_from_path(path) is not None:
                raise PluginError(f"{config.docs_dir}/{path} has the same name as a page Plan "
                                  f"Tracker generates; rename or remove it.")
            page = TrackedFile.generated(config, path, content=content,
                                         inclusion=self._inclusion(path))
            assert isinstance(page, TrackedFile)
            page.rebuild = self.rebuild
            files.append(page)
        self.site = None  # the pages hold all MkDocs needs; free the model for the build
        return files

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        assert self.rebuild is not None
        self.rebuild.stamp_pages(files, nav, config)
        return nav

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig,
                         files: Files) -> str:
        assert self.rebuild is not None and self.languages is not None
        page.meta[STAMP] = self.rebuild.stamps.get(page.file.src_uri)
        if len(self.languages.languages) > 1:
            page.meta["plantrack_languages"] = languages.versions(
                self.languages, page.file.src_uri, config.use_directory_urls)
            page.meta["plantrack_languages_label"] = self.languages.words(
                "languages.switch_label")
        if page.file.src_uri in self.rendered:
            # The page holds its Markdown now (and its stamp was taken from the file's):
            # drop the file's copy, which would stay in memory until the build ends.
            page.file.content_string = ""
            if self.pass_html_through:
                markdown, self.stashes[page.file.src_uri] = passthrough.stash_blocks(markdown)
        return markdown

    @event_priority(100)  # before any other plugin reads the page's HTML
    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig,
                        files: Files) -> str:
        stash = self.stashes.get(page.file.src_uri)  # kept until search has read the page
        if stash is None:
            return html
        if page.present_anchor_ids is not None:
            page.present_anchor_ids |= stash.anchor_ids()
        return stash.restore(html, hide_excluded=True)

    @event_priority(-100)  # after Material's search plugin has indexed the page
    def on_page_context(self, context: TemplateContext, *, page: Page, config: MkDocsConfig,
                        nav: Navigation) -> TemplateContext:
        stash = self.stashes.pop(page.file.src_uri, None)
        if stash is not None and page.content is not None:
            page.content = stash.restore_excluded(page.content)
        return context

    @event_priority(-100)  # after Material's search plugin has written its index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        assert self.rebuild is not None and self.languages is not None
        self.rebuild.finish()
        if self._builds_first_language() and len(self.languages.languages) > 1:
            languages.build_other_languages(config, self.languages, {
                "content": str(self.content_dir.resolve()), "as_of": self.config.as_of,
                "search_words": self.config.search_words, "nav": self.config.nav,
                "rows_per_page": self.config.rows_per_page},
                dirty=self.dirty)

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        server.watch(str(self.content_dir))
        return server

    def _builds_first_language(self) -> bool:
        return self.config.language is None or (
            self.languages is not None and self.config.language == self.languages.languages[0])

    def _loaded(self) -> Site | None:
        """The site handed over, once, if it is this content folder's."""
        handed, self._handed = self._handed, None
        if handed and handed[0] == self.content_dir.resolve():
            return handed[1]
        return None

    def as_of_date(self) -> date | None:
        """The as_of option (None when not set)."""
        return self.config.as_of

    def _inclusion(self, path: str) -> InclusionLevel:
        in_nav = path.count("/") < 2 or path.endswith("/index.md") or path in self.section_pages
        return InclusionLevel.INCLUDED if in_nav else InclusionLevel.NOT_IN_NAV
