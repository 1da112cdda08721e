"""A portable copy of the site: a project that builders which run no MkDocs plugin can build.

``plantrack pages --out DIR`` writes::

    DIR/mkdocs.yml   the project's mkdocs.yml without the plantrack plugin, with the small nav
                     the plugin would build, site_url from site.yml when it has none, and the
                     folders below
    DIR/docs/        the hand-written pages of the project's docs_dir and every generated page
    DIR/overrides/   a copy of the theme's custom_dir (block overrides, CSS, JavaScript)

``zensical build`` and a plain ``mkdocs build`` (no plugin installed) in DIR build the pages
the plugin builds, at the same addresses. The config is read as plain YAML
(``yaml.safe_load``): MkDocs tags such as ``!ENV`` are not supported here. Nothing here imports
MkDocs.

With directory URLs (MkDocs' default) a generated page ``plans/charter/2-05.md`` is written as
``plans/charter/2-05/index.md``. It is served at ``plans/charter/2-05/`` either way, but links in
the generated HTML are relative to the page's address: MkDocs leaves links in HTML as they are,
while Zensical reads them as relative to the Markdown file and rewrites them. With the file in
the folder of its address both readings give the same link. Hand-written pages keep their names
(their Markdown links name files, which both builders resolve). One visible consequence: with
Material's ``navigation.indexes`` the first index page in a nav section becomes the section's
own link, so a section such as "Decisions" links straight to its first page.
"""

from __future__ import annotations

import copy
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import yaml

from generator.content.errors import PlanTrackerError
from generator.content.model import Site
from generator.files.atomic import discard, staging_folder, swap_in, write_atomic
from generator.mkdocs.nav import build_nav
from generator.mkdocs.values import as_of_value, whole_number
from generator.pages.parts import ROWS_PER_PAGE

PLUGIN = "plantrack"
CONFIG = "mkdocs.yml"
DOCS = "docs"
OVERRIDES = "overrides"

HEADER = """\
# Written by `plantrack pages` from {source}: the site as plain Markdown, for builders that run
# no MkDocs plugin (`zensical build`, or `mkdocs build` without Plan Tracker installed).
# Edits here are lost when it is written again; change {source} and content/ instead.
"""


T = TypeVar("T")

@dataclass(frozen=True)
class SourceProject:
    """The project's own mkdocs.yml, read as plain YAML."""

    config_file: Path
    config: dict[str, Any]
    options: dict[str, Any] = field(default_factory=dict)
    """The plantrack plugin's options in it ({} when it lists the plugin without options)."""

    @property
    def docs_dir(self) -> Path:
        return self.config_file.parent / str(self.config.get("docs_dir") or "docs")

    @property
    def custom_dir(self) -> Path | None:
        theme = self.config.get("theme")
        if isinstance(theme, dict) and theme.get("custom_dir"):
            return self.config_file.parent / str(theme["custom_dir"])
        return None

    def as_of(self) -> date | None:
        """The plugin's as_of option, as a date."""
        value: object = self.options.get("as_of")
        return None if value is None else self._checked("as_of", as_of_value, value)

    def search_words(self) -> int | None:
        """The plugin's search_words option."""
        value: object = self.options.get("search_words")
        return None if value is None else self._checked(
            "search_words", lambda found: whole_number(found, 1), value)

    def rows_per_page(self) -> int:
        """The plugin's rows_per_page option."""
        value: object = self.options.get("rows_per_page", ROWS_PER_PAGE)
        return self._checked("rows_per_page", lambda found: whole_number(found, 1), value)

    def _checked(self, name: str, check: Callable[[object], T], value: object) -> T:
        try:
            return check(value)
        except ValueError as error:
            raise PlanTrackerError(f"{self.config_file}: plantrack {name}: {error}") from None


def read_config(config_file: Path) -> SourceProject:
    """The project's mkdocs.yml and the plantrack plugin's options in it."""
    try:
        text = config_file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PlanTrackerError(f"{config_file}: no MkDocs config found (give --config FILE, or "
                               f"--markdown-only to write the generated Markdown alone)") from None
    try:
        config = yaml.safe_load(text)
    except yaml.YAMLError as error:
        raise PlanTrackerError(f"{config_file}: cannot read it as plain YAML (tags such as !ENV "
                               f"are not supported here):\n{error}") from None
    if not isinstance(config, dict):
        raise PlanTrackerError(f"{config_file}: expected the settings of a MkDocs site, found "
                               f"{type(config).__name__}")
    if "INHERIT" in config:
        raise PlanTrackerError(f"{config_file}: INHERIT is not supported here; write the "
                               f"settings into one file")
    options: dict[str, Any] = {}
    for name, settings in _plugins(config.get("plugins")):
        if name == PLUGIN and isinstance(settings, dict):
            options = settings
    return SourceProject(config_file, config, options)


def _plugins(plugins: object) -> list[tuple[str, Any]]:
    """``plugins`` as (name, options) pairs, in either form MkDocs accepts (list or mapping)."""
    if isinstance(plugins, dict):
        return list(plugins.items())
    pairs: list[tuple[str, Any]] = []
    for entry in plugins if isinstance(plugins, list) else []:
        if isinstance(entry, dict):
            pairs += list(entry.items())
        else:
            pairs.append((str(entry), None))
    return pairs


def directory_urls(source: SourceProject) -> bool:
    """Whether the site is served with directory URLs (MkDocs' ``use_directory_urls``)."""
    return source.config.get("use_directory_urls", True) is not False


def portable_path(page: str, directory_urls: bool = True) -> str:
    """Where a generated page is written in the portable project's docs folder."""
    if not directory_urls or not page.endswith(".md") or page == "index.md" \
            or page.endswith("/index.md"):
        return page
    return page[:-3] + "/index.md"


def portable_config(source: SourceProject, site: Site, generated: set[str]) -> dict[str, Any]:
    """The config of the portable project: the source's, without the plugin's work to do.

    ``generated``: the paths of the generated pages (as the plugin names them)."""
    config = copy.deepcopy(source.config)
    plugins = config.get("plugins")
    if isinstance(plugins, dict):
        config["plugins"] = {name: settings for name, settings in plugins.items()
                             if name != PLUGIN}
    elif isinstance(plugins, list):
        config["plugins"] = [entry for entry in plugins if entry != PLUGIN
                             and not (isinstance(entry, dict) and PLUGIN in entry)]
    config["docs_dir"] = DOCS
    config["site_dir"] = "site"
    if source.custom_dir is not None:
        config["theme"]["custom_dir"] = OVERRIDES
    theme = config.get("theme")
    if theme == "material":
        theme = config["theme"] = {"name": "material"}
    if isinstance(theme, dict) and theme.get("name") == "material":
        # Zensical's look of Material for MkDocs, which the overrides are written for (its
        # default is its own "modern" look); MkDocs and Material ignore the setting.
        theme.setdefault("variant", "classic")
    if not config.get("site_url") and site.url:
        config["site_url"] = site.url
    if not config.get("nav") and source.options.get("nav", True):
        config["nav"] = build_nav(site, source.docs_dir)
    if config.get("nav"):
        config["nav"] = _moved(config["nav"], generated, directory_urls(source))
    config["validation"] = _relaxed(config.get("validation"))
    return config


def _moved(nav: Any, generated: set[str], directory_urls: bool) -> Any:
    """The nav with each generated page at its place in the portable docs folder."""
    if isinstance(nav, list):
        return [_moved(entry, generated, directory_urls) for entry in nav]
    if isinstance(nav, dict):
        return {title: _moved(entry, generated, directory_urls) for title, entry in nav.items()}
    if isinstance(nav, str) and nav in generated:
        return portable_path(nav, directory_urls)
    return nav


def _relaxed(validation: object) -> dict[str, Any]:
    """Validation settings under which item pages (never in the nav) are not warnings.

    The plugin marks item pages ``not_in_nav``; here they are plain pages the nav leaves out,
    which MkDocs reports at the level of ``validation.nav.omitted_files``: at most info."""
    settings = dict(validation) if isinstance(validation, dict) else {}
    nav = dict(settings.get("nav") or {})
    if "omitted_files" in settings:  # the short form MkDocs also accepts
        nav.setdefault("omitted_files", settings.pop("omitted_files"))
    if nav.get("omitted_files", "info") not in ("info", "ignore"):
        nav["omitted_files"] = "info"
    settings["nav"] = nav
    return settings


@dataclass(frozen=True)
class Written:
    """What :func:`write_project` wrote."""

    generated: int
    hand_written: int
    overrides: bool


def write_project(source: SourceProject, site: Site, pages: dict[str, str],
                  out: Path) -> Written:
    """Write the portable project into ``out``, which is replaced only once all is written."""
    config = portable_config(source, site, set(pages))
    hand_written = _files(source.docs_dir)
    placed = {portable_path(path, directory_urls(source)): text for path, text in pages.items()}
    if len(placed) < len(pages):
        raise PlanTrackerError("two generated pages would be written to the same file")
    clashes = sorted((set(pages) | set(placed)) & set(hand_written))
    if clashes:
        raise PlanTrackerError(f"{source.docs_dir / clashes[0]} has the same name as a page Plan "
                               f"Tracker generates; rename or remove it.")
    custom_dir = source.custom_dir
    if custom_dir is not None and not custom_dir.is_dir():
        raise PlanTrackerError(f"{source.config_file}: theme.custom_dir {custom_dir} is not a "
                               f"folder")
    staging = staging_folder(out)
    try:
        docs = staging / DOCS
        docs.mkdir()
        for path in hand_written:
            (docs / path).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source.docs_dir / path, docs / path)
        for path, text in placed.items():
            write_atomic(docs / path, text)
        if custom_dir is not None:
            shutil.copytree(custom_dir, staging / OVERRIDES)
        header = HEADER.format(source=source.config_file.name)
        write_atomic(staging / CONFIG, header + yaml.safe_dump(
            config, sort_keys=False, allow_unicode=True, width=1_000_000))
    except BaseException:
        discard(staging)
        raise
    swap_in(staging, out)
    return Written(len(pages), len(hand_written), custom_dir is not None)


def _files(folder: Path) -> list[str]:
    """Every file under ``folder``, as paths relative to it (none when it does not exist)."""
    if not folder.is_dir():
        return []
    return sorted(path.relative_to(folder).as_posix()
                  for path in folder.rglob("*") if path.is_file())
