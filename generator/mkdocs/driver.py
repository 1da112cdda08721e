"""Driving MkDocs for ``plantrack build`` and ``plantrack serve``: loading the configuration,
handing the checked content to the plugin, building into a staging folder, counting pages,
and showing MkDocs' messages one line each.

The plugin (:mod:`generator.mkdocs.plugin`) stays wiring only; the commands stay argument
handling and messages. This module is the one place where the command line meets MkDocs.
"""

from __future__ import annotations

import copy
import logging
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from mkdocs.commands.build import build
from mkdocs.commands.serve import serve
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.utils.yaml import yaml_load

from generator.content.errors import PlanTrackerError
from generator.content.loading import load_site
from generator.files.atomic import copy_into, discard, staging_folder, swap_in
from generator.mkdocs.plugin import PlanTrackerPlugin
from generator.mkdocs.stamps import SEARCH_INDEX

PLUGIN = "plantrack"


@dataclass(frozen=True)
class Built:
    """What a build did, for the command's one line."""

    out: Path
    content: Path
    plans: int
    written: int
    total: int


def plugin_of(config: MkDocsConfig) -> PlanTrackerPlugin:
    """The configuration's plantrack plugin, typed."""
    plugin = config.plugins[PLUGIN]
    if not isinstance(plugin, PlanTrackerPlugin):
        raise PlanTrackerError(f"the {PLUGIN} plugin of this configuration is not Plan "
                               f"Tracker's ({type(plugin).__name__})")
    return plugin


def build_site(config_file: Path, out: Path | None, content: Path | None, full: bool) -> Built:
    """Check the content, then build the site into ``out`` (default: the config's site_dir)
    through a staging folder; the plugin is handed the checked content, not loading it twice."""
    with mkdocs_messages(sys.stderr) as messages:
        config = site_config(config_file, strict=True,
                             site_dir=None if out is None else str(out.resolve()))
        folder = use_content(config, content)
        plugin = plugin_of(config)
        site = load_site(folder, as_of=plugin.as_of_date())
        plans = len(site.plans)
        plugin.hand_over(folder, site)
        del site  # the plugin lets go of the model once the pages are made
        target = out if out is not None else shown(Path(config.site_dir))
        refuse_to_replace(target, folder, shown(Path(config.docs_dir)), config_file)
        messages.progress = PageCounter(sys.stderr)
        config.plugins["plantrack-progress"] = messages.progress
        build_into(config, target, reuse=not full)
    return Built(target, folder, plans, messages.progress.written, messages.progress.total)


def serve_site(config_file: Path, content: Path | None, address: str,
               before_serving: Callable[[Path], None]) -> None:
    """Check the content and serve the site at ``address``, rebuilt on changes, until Ctrl+C.
    ``before_serving(content)`` runs once the content is checked (to check the port, say)."""
    with mkdocs_messages(sys.stderr, logging.INFO):
        config = site_config(config_file, dev_addr=address)
        folder = use_content(config, content)
        load_site(folder, as_of=plugin_of(config).as_of_date())
        before_serving(folder)
        overrides: dict[str, Any] = {"dev_addr": address}
        if content is not None:
            overrides["plugins"] = _plugins_reading(config_file, content.resolve())
        try:
            serve(str(config_file), livereload=True, **overrides)
        except KeyboardInterrupt:
            pass
        except MkDocsException as error:
            raise PlanTrackerError(f"the site could not be served: {error}") from None


def site_config(config_file: Path, **overrides: Any) -> MkDocsConfig:
    """The MkDocs configuration, or a one-screen error."""
    if not config_file.is_file():
        raise PlanTrackerError(f"{config_file}: no MkDocs configuration found (use --config "
                               f"to name it)")
    try:
        config = load_config(str(config_file), **overrides)
    except MkDocsException as error:
        raise PlanTrackerError(f"{config_file}: {error}") from None
    if PLUGIN not in config.plugins:
        raise PlanTrackerError(f"{config_file}: the {PLUGIN} plugin is not listed under "
                               f"plugins, so the site would have no plans")
    return config


def use_content(config: MkDocsConfig, content: Path | None) -> Path:
    """The content folder: ``content`` when given (the plugin is told), else the plugin's."""
    plugin = config.plugins[PLUGIN]
    if content is not None:
        plugin.config["content"] = str(content.resolve())
        return content
    return shown(Path(config.config_file_path or ".").parent / plugin.config["content"])


def build_into(config: MkDocsConfig, out: Path, reuse: bool = False) -> None:
    """Build into a staging folder beside ``out``, then swap it in; on failure remove it.

    With ``reuse``, and a site built before in ``out``, the staging folder starts as hard links
    to its files (copies where links cannot be made) and only changed pages are written (a
    dirty build, see :mod:`generator.mkdocs.stamps`, which removes each linked file before
    MkDocs writes it, so ``out`` never changes under the build).
    """
    staging = staging_folder(out)  # removes what killed builds of out left beside it
    dirty = reuse and (out / SEARCH_INDEX).is_file()
    if dirty:
        copy_into(out, staging)  # keeps file times
    config["site_dir"] = str(staging)
    config.plugins.on_startup(command="build", dirty=dirty)
    try:
        with _dirty_warning_silenced():
            build(config, dirty=dirty)
    except BaseException as error:
        discard(staging)
        if isinstance(error, MkDocsException):
            raise PlanTrackerError(f"the build failed: {error}\n{out} was left as it "
                                   f"was") from None
        raise
    finally:
        config.plugins.on_shutdown()
    swap_in(staging, out)


@contextmanager
def _dirty_warning_silenced() -> Iterator[None]:
    """MkDocs warns that a dirty build may leave navigation and links inaccurate; this one
    cannot (a page is kept only when everything it shows is unchanged, and hand-written pages
    are always built), and in strict mode the warning would fail the build."""
    logger = logging.getLogger("mkdocs.commands.build")
    quiet = _DropMessage("A 'dirty' build is being performed")
    logger.addFilter(quiet)
    try:
        yield
    finally:
        logger.removeFilter(quiet)


class _DropMessage(logging.Filter):
    def __init__(self, start: str) -> None:
        super().__init__()
        self.start = start

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(self.start)


def refuse_to_replace(out: Path, content: Path, docs: Path, config_file: Path) -> None:
    """OUT is replaced as a whole: it must not hold the content, the pages, the config or the
    working folder, nor lie inside the content or the pages."""
    target = out.resolve()
    for path in (content, docs, config_file, Path(".")):
        if path.resolve().is_relative_to(target):
            raise PlanTrackerError(f"{out}: the site folder is replaced as a whole, so it must "
                                   f"not be or hold {_named(path)}; choose another with --out")
    for folder in (content, docs):
        if target.is_relative_to(folder.resolve()):
            raise PlanTrackerError(f"{out}: the site must not be built inside "
                                   f"{_named(folder)}; choose another folder with --out")


def _named(path: Path) -> str:
    return "the current folder" if path == Path(".") else str(path)


def shown(path: Path) -> Path:
    """A path as short as it can be shown: relative to the working folder when inside it."""
    try:
        return Path(os.path.relpath(path)) if path.resolve().is_relative_to(Path.cwd()) else path
    except ValueError:
        return path


class PageCounter(BasePlugin):  # type: ignore[type-arg,no-untyped-call]
    """Counts pages as MkDocs reads (converts) and writes them, and shows the count.

    On a terminal one line is rewritten in place; otherwise a line is printed at each quarter
    of each stage, so logs stay short.
    """

    STAGES = ("reading", "writing")

    def __init__(self, out: TextIO) -> None:
        super().__init__()
        self.out = out
        self.live = out.isatty()
        self.dirty = False
        self.total = 0
        self.to_write = 0
        self.read = 0
        self.written = 0
        self.open_line = False

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.dirty = dirty

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        """Pages to build: in a dirty build, those the plantrack plugin (which runs first)
        has not kept."""
        pages = files.documentation_pages()
        self.total = len(pages)
        self.to_write = sum(not self.dirty or f.is_modified() for f in pages)
        return nav

    def on_page_content(self, html: str, **_: Any) -> str:
        self.read += 1
        self._show("reading", self.read, self.to_write)
        return html

    def on_post_page(self, output: str, **_: Any) -> str:
        self.written += 1
        self._show("writing", self.written, self.to_write)
        return output

    def _show(self, stage: str, done: int, total: int) -> None:
        total = max(total, done)
        if self.live:
            self.out.write(f"\r{stage} pages: {done}/{total}")
            self.open_line = done < total
            if not self.open_line:
                self.out.write("\n")
        elif done * 4 // total > (done - 1) * 4 // total:
            self.out.write(f"{stage} pages: {done}/{total}\n")
        self.out.flush()

    def end_line(self) -> None:
        """Finish a line rewritten in place, so that a message starts on a line of its own."""
        if self.open_line:
            self.out.write("\n")
            self.open_line = False


class _Messages(logging.Handler):
    """MkDocs' warnings and errors, one line each, after any progress line."""

    def __init__(self, out: TextIO, level: int) -> None:
        super().__init__(level)
        self.out = out
        self.progress: PageCounter | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if self.progress is not None:
            self.progress.end_line()
        self.out.write(f"{record.levelname:<8}-  {record.getMessage()}\n")
        self.out.flush()


@contextmanager
def mkdocs_messages(out: TextIO, level: int = logging.WARNING) -> Iterator[_Messages]:
    """Show MkDocs' log messages of ``level`` and above while the block runs."""
    logger = logging.getLogger("mkdocs")
    handler = _Messages(out, level)
    old_level = logger.level
    logger.addHandler(handler)
    logger.setLevel(min(level, logger.getEffectiveLevel()))
    try:
        yield handler
    finally:
        logger.removeHandler(handler)
        logger.setLevel(old_level)


def _plugins_reading(config_file: Path, content: Path) -> _Fresh:
    """The config's plugins, with the plantrack plugin reading ``content``. MkDocs serve loads
    the config again on every rebuild, so the folder is given as an override it keeps."""
    with config_file.open("rb") as file:
        listed = (yaml_load(file) or {}).get("plugins", [])
    plugins = _Fresh()
    for entry in listed.items() if isinstance(listed, dict) else listed:
        name, options = entry if isinstance(entry, tuple) else \
            next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
        plugins[name] = options or {}
    plugins[PLUGIN] = {**plugins.get(PLUGIN, {}), "content": str(content)}
    return plugins


class _Fresh(dict):  # type: ignore[type-arg]
    """Plugin settings that read as fresh copies each time: MkDocs takes options out of the
    settings it validates, and serve passes the same settings again on every rebuild."""

    def items(self) -> list[tuple[Any, Any]]:  # type: ignore[override]
        return [(name, copy.deepcopy(options)) for name, options in super().items()]
