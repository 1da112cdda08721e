"""Rebuilding only the pages that changed, for ``plantrack build`` after a small update.

Every page MkDocs writes carries a stamp (``<meta name="plantrack-build">``): a digest of all
its output depends on. That is the page's own Markdown source, and what every page shares: the
navigation's structure and titles (every page shows them), the hand-written pages' sources,
the configuration, the theme overrides and the versions of MkDocs, Material, Markdown, Jinja2
and Plan Tracker. A dirty build (``dirty=True``) then works like this:

1. Once MkDocs knows the pages and the navigation, each generated page's stamp is compared with
   the stamp in the site folder's copy. A page whose stamp matches, and whose file is older
   than the site's search index (so no build stopped half way after writing it), is kept:
   MkDocs neither converts nor writes it. Hand-written pages are always built.
2. After Material writes the search index (of the pages built), the entries of the kept pages
   are taken from the previous index, in the order a full build gives.
3. Files of the previous site that this build neither wrote nor kept (pages of removed items,
   say) are deleted, as a full build's clean start would have.

The site folder then holds, byte for byte, what a full build writes (the tests compare them).
One check is left to full builds: links from rebuilt pages to anchors on kept pages are not
checked again (their targets are not converted).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import time
from collections.abc import Iterable, Iterator
from importlib.metadata import version
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation, Section

STAMP = "plantrack_build"
"""The page metadata key whose value overrides/main.html writes as the stamp."""

_STAMP_TAG = re.compile(rb'<meta name="plantrack-build" content="([0-9a-f]+)">')
SEARCH_INDEX = Path("search") / "search_index.json"
_WRITE_MARGIN_NS = 50_000_000
"""File times come from a coarser clock than time.time_ns(): a file written during the build
may look up to a few milliseconds older than the build's start."""


class TrackedFile(File):
    """A page whose "modified" answer comes from the :class:`Rebuild` (MkDocs asks before
    reading a page and again before writing it, in dirty builds only)."""

    rebuild: Rebuild

    def is_modified(self) -> bool:
        return self.rebuild.is_modified(self)


def tracked(file: File, rebuild: Rebuild) -> TrackedFile:
    """A hand-written page (a file in the docs folder) as a :class:`TrackedFile`."""
    copy = TrackedFile(file.src_uri, file.src_dir, file.dest_dir, file.use_directory_urls,
                       dest_uri=file.dest_uri, inclusion=file.inclusion)
    copy.rebuild = rebuild
    return copy


class Rebuild:
    """One build's view of the site already in the site folder."""

    def __init__(self, site_dir: Path, dirty: bool, spared: tuple[str, ...] = ()) -> None:
        self.site_dir = site_dir
        self.dirty = dirty
        self.spared = spared
        """Folders of the site folder another build writes (the other languages' sites)."""
        self.started_ns = time.time_ns()
        self.stamps: dict[str, str] = {}
        """Every page's stamp, by src_uri."""
        self.kept: set[str] = set()
        """Pages (src_uri) whose file from the previous build is kept."""
        self.previous_index = _read_index(site_dir) if dirty else None
        self.files: Files | None = None

    def is_modified(self, file: File) -> bool:
        """MkDocs converts and writes a page only when this says it changed."""
        return file.src_uri not in self.kept

    def stamp_pages(self, files: Files, nav: Navigation, config: MkDocsConfig) -> None:
        """Give every page its stamp, then (dirty builds) choose the pages to keep."""
        self.files = files
        for page in nav.pages:
            if page.markdown is None:
                page.read_source(config)  # its title, for the navigation's digest
        pages = files.documentation_pages()
        common = site_digest(nav, config, pages)
        index_time = self._index_time()
        for file in pages:
            stamp = page_digest(file, common)
            self.stamps[file.src_uri] = stamp
            if (index_time is not None and file.generated_by is not None
                    and _stamp_of(file, index_time) == stamp):
                self.kept.add(file.src_uri)
        if self.dirty:
            self._unshare(pages)

    def _unshare(self, pages: Iterable[File]) -> None:
        """Remove every file of the site folder this build may write that is a hard link to
        another (the staging folder starts as links to the site being served, and MkDocs
        writes files in place): only the kept pages stay, and MkDocs writes the rest afresh,
        copying again a theme file it finds missing."""
        kept = {os.path.normpath(f.abs_dest_path) for f in pages if f.src_uri in self.kept}
        spared = tuple(str(self.site_dir / name) + os.sep for name in self.spared)
        for path in _files_under(self.site_dir):
            if str(path) in kept or str(path).startswith(spared):
                continue
            if path.stat().st_nlink > 1:
                path.unlink()

    def finish(self) -> None:
        """After the build: the previous index's entries back, stale files gone."""
        if self.dirty and self.files is not None:
            self._merge_search_index(self.files)
            self._remove_stale(self.files)

    def _merge_search_index(self, files: Files) -> None:
        """Put the kept pages' entries from the previous index back, in build order."""
        if not self.kept:
            return
        path = self.site_dir / SEARCH_INDEX
        if self.previous_index is None or not path.is_file():
            return
        written = json.loads(path.read_text(encoding="utf-8"))
        old, new = _by_page(self.previous_index["docs"]), _by_page(written["docs"])
        docs: list[dict[str, Any]] = []
        for file in files.documentation_pages():
            if file.page is None:
                continue
            source = old if file.src_uri in self.kept else new
            docs.extend(source.get(file.page.url, []))  # the home page's is "", not "./"
        data = {"config": written["config"], "docs": docs}
        path.write_text(json.dumps(data, separators=(",", ":"), default=str), encoding="utf-8")

    def _remove_stale(self, files: Files) -> None:
        """Delete what the previous site held and this build did not produce."""
        produced = {os.path.normpath(f.abs_dest_path) for f in files}
        spared = tuple(str(self.site_dir / name) + os.sep for name in self.spared)
        for path in _files_under(self.site_dir):
            if str(path).startswith(spared):
                continue
            if str(path) not in produced and not self._written_now(path):
                path.unlink()
        _remove_empty_folders(self.site_dir)

    def _index_time(self) -> int | None:
        """When the previous build wrote its search index (None: nothing can be kept)."""
        if self.previous_index is None:
            return None
        return (self.site_dir / SEARCH_INDEX).stat().st_mtime_ns

    def _written_now(self, path: Path) -> bool:
        return path.stat().st_mtime_ns >= self.started_ns - _WRITE_MARGIN_NS


def site_digest(nav: Navigation, config: MkDocsConfig, pages: Iterable[File]) -> str:
    """What every page's output shares: versions, configuration, overrides, the hand-written
    pages' sources and the navigation.

    The list of pages is not part of it: generated pages link with HTML, which MkDocs leaves
    as written, so adding or removing a page changes only the pages that link to it (and
    hand-written pages, whose Markdown links MkDocs resolves, are always built).
    """
    digest = hashlib.sha256()
    for package in ("mkdocs", "mkdocs-material", "markdown", "jinja2", "plan-tracker"):
        digest.update(f"{package}={_version(package)}\n".encode())
    digest.update(_config_text(config).encode())
    digest.update(json.dumps(list(_nav_outline(nav.items))).encode())
    for file in pages:
        if file.generated_by is None:
            digest.update(file.src_uri.encode() + b"\0" + file.content_bytes + b"\0")
    custom_dir = config.theme.custom_dir
    if custom_dir:
        for path in sorted(_files_under(Path(custom_dir))):
            digest.update(str(path.relative_to(custom_dir)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def page_digest(file: File, common: str) -> str:
    """The stamp of one page: the site's digest, the page's path and its Markdown source."""
    digest = hashlib.sha256(common.encode())
    digest.update(file.src_uri.encode() + b"\0" + file.content_bytes)
    return digest.hexdigest()[:32]


def _config_text(config: MkDocsConfig) -> str:
    """The configuration, less where it is written (the build goes to a staging folder)."""
    settings = {k: v for k, v in config.items()
                if k not in ("site_dir", "plugins", "theme", "config_file_path")}
    settings["theme"] = dict(config.theme.items())
    settings["plugins"] = {name: dict(plugin.config.items())
                           for name, plugin in config.plugins.items() if plugin.config}
    return json.dumps(settings, sort_keys=True, default=str)


def _nav_outline(items: Iterable[Any]) -> Iterator[Any]:
    for item in items:
        if isinstance(item, Section):
            yield ["section", str(item.title), list(_nav_outline(item.children))]
        else:
            yield [type(item).__name__, str(item.title), getattr(item, "url", "")]


def _stamp_of(file: File, index_time: int) -> str | None:
    """The stamp in the site's copy of a page written before the search index, if any."""
    path = Path(file.abs_dest_path)
    try:
        if path.stat().st_mtime_ns > index_time:
            return None  # written after the index: a build stopped half way
        with path.open("rb") as handle:
            head = handle.read(16_384)
    except OSError:
        return None
    found = _STAMP_TAG.search(head)
    return found.group(1).decode() if found else None


def _read_index(site_dir: Path) -> dict[str, Any] | None:
    try:
        data = json.loads((site_dir / SEARCH_INDEX).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and isinstance(data.get("docs"), list) else None


def _by_page(entries: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    pages: dict[str, list[dict[str, Any]]] = {}
    for entry in entries:
        pages.setdefault(str(entry.get("location", "")).partition("#")[0], []).append(entry)
    return pages


def _files_under(folder: Path) -> Iterator[Path]:
    for root, _, names in os.walk(folder):
        for name in names:
            yield Path(os.path.normpath(os.path.join(root, name)))


def _remove_empty_folders(folder: Path) -> None:
    for root, _, _ in os.walk(folder, topdown=False):
        if root != str(folder):
            try:
                os.rmdir(root)  # only succeeds when empty
            except OSError:
                pass


def _version(package: str) -> str:
    try:
        return version(package)
    except Exception:  # not installed as a distribution (a source checkout on the path)
        return "unknown"
