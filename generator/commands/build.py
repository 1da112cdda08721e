"""``plantrack build``: check the content, build the site beside the old one, then swap it in.

MkDocs builds into a staging folder next to OUT; only a build that finishes replaces OUT, so a
failed build leaves the published site as it was (a killed one leaves its staging folder, which
the next build removes: :mod:`generator.files`). The site gets the modes ``mkdocs build`` gives
it (folders 755 and files 644 under the usual umask), so a web server can read it. Like ``make site`` the build is strict: a
MkDocs warning (a broken link in a hand-written page, say) fails it.

When OUT holds a site built before, the staging folder starts as a copy of it and only the
pages whose inputs changed are written again (:mod:`generator.rebuild`); ``--full`` writes
every page.

This module and ``serve`` are the command line's adapters to MkDocs' Python API.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation

from generator.content.errors import PlanTrackerError
from generator.files.atomic import copy_into, discard, staging_folder, swap_in
from generator.content.loading import load_site
from generator.mkdocs.stamps import SEARCH_INDEX

PLUGIN = "plantrack"


def add(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = commands.add_parser(
        "build", help="check the content and build the site",
        description="Check the content (every problem is listed), then build the site with "
                    "MkDocs into a staging folder beside OUT and swap it into place. A failed "
                    "build leaves the previous site untouched. MkDocs warnings fail the build.",
    )
    parser.add_argument("--out", type=Path, metavar="DIR",
                        help="the folder to build the site into (default: site_dir in the config)")
    parser.add_argument("--full", action="store_true",
                        help="write every page (default: keep the pages of the site in DIR "
                             "whose inputs have not changed)")
    site_options(parser)
    parser.set_defaults(run=run)


def site_options(parser: argparse.ArgumentParser) -> None:
    """``--config`` and ``--content``, shared with ``plantrack serve``."""
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"), metavar="FILE",
                        help="the MkDocs configuration (default: mkdocs.yml)")
    parser.add_argument("--content", type=Path, metavar="DIR",
                        help="the folder holding site.yml, plans/ and decisions/ (default: the "
                             "plantrack plugin's content setting in the config, content)")


def run(args: argparse.Namespace) -> str:
    with mkdocs_messages(sys.stderr) as messages:
        out = args.out
        config = site_config(args.config, strict=True,
                             site_dir=None if out is None else str(out.resolve()))
        content = use_content(config, args.content)
        site = load_site(content, as_of=config.plugins[PLUGIN].as_of_date())
        count = len(site.plans)
        config.plugins[PLUGIN].preloaded = (content.resolve(), site)  # not loaded twice
        del site  # the plugin lets go of the model once the pages are made
        out = out if out is not None else _shown(Path(config.site_dir))
        _refuse_to_replace(out, content, _shown(Path(config.docs_dir)), args.config)
        messages.progress = Progress(sys.stderr)
        config.plugins["plantrack-progress"] = messages.progress
        build_into(config, out, reuse=not args.full)
    progress = messages.progress
    plans = f"({count} plan{'s' if count != 1 else ''})"
    if progress.written == progress.total:
        return f"built {progress.written} pages into {out} from {content} {plans}"
    return (f"rebuilt {progress.written} of {progress.total} pages into {out} from {content} "
            f"{plans}; the other {progress.total - progress.written} had not changed")


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
    return _shown(Path(config.config_file_path or ".").parent / plugin.config["content"])


def build_into(config: MkDocsConfig, out: Path, reuse: bool = False) -> None:
    """Build into a staging folder beside ``out``, then swap it in; on failure remove it.

    With ``reuse``, and a site built before in ``out``, the staging folder starts as a copy of
    it and only changed pages are written (a dirty build, see :mod:`generator.rebuild`).
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


def _refuse_to_replace(out: Path, content: Path, docs: Path, config_file: Path) -> None:
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


def _shown(path: Path) -> Path:
    """A path as short as it can be shown: relative to the working folder when inside it."""
    try:
        return Path(os.path.relpath(path)) if path.resolve().is_relative_to(Path.cwd()) else path
    except ValueError:
        return path


class Progress(BasePlugin):  # type: ignore[type-arg,no-untyped-call]
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
        self.progress: Progress | None = None

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
