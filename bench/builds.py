"""The builds the benchmark times, and what it measures of the sites they write.

Every build is a fresh ``mkdocs build --strict`` subprocess: its wall-clock time, its CPU time
and its own peak memory from ``os.wait4`` (that one child's, not the largest of all children so
far as ``RUSAGE_CHILDREN`` would give). MkDocs builds in one thread, so on an idle machine its
CPU time equals its wall-clock time; when other work shares the machine, wall-clock time grows
and CPU time stays (nearly) put, so the comparisons are made on CPU time.

Two configurations of the same site:

* the plugin build: the project's ``mkdocs.yml`` with the plantrack plugin's ``content``
  pointing at the synthetic folder;
* the baseline: the same ``mkdocs.yml`` minus the plugin, building the Markdown that
  ``plantrack pages`` wrote (plus the hand-written pages) from a plain docs folder, with the
  same small navigation (written into the config by ``generator.nav.build_nav``) and the same
  pages left out of it (MkDocs' ``not_in_nav``).

Temporary configs INHERIT the project's ``mkdocs.yml`` and sit beside it, as the browser tests'
do, so its relative paths (docs folder, theme overrides) resolve; each is removed after use.
"""

from __future__ import annotations

import gzip
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.content.loading import load_site  # noqa: E402
from generator.mkdocs.nav import build_nav  # noqa: E402
from generator.pages.parts import ROWS_PER_PAGE  # noqa: E402
from generator.pages.paths import item_page  # noqa: E402

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
PLUGIN = "plantrack"


@dataclass(frozen=True)
class Measured:
    """One subprocess: how long it took (wall clock and CPU), its peak memory, what it printed."""

    seconds: float
    cpu_s: float
    peak_rss: int
    returncode: int
    output: str

    def check(self, what: str) -> Measured:
        if self.returncode != 0:
            raise RuntimeError(f"{what} failed (exit {self.returncode}):\n{self.output[-4000:]}")
        return self


def measured(command: Sequence[str], cwd: Path = ROOT) -> Measured:
    """Run ``command``; its time and peak resident memory (bytes) as the kernel counted them."""
    with tempfile.TemporaryFile() as output:
        started = time.perf_counter()
        process = subprocess.Popen(list(command), cwd=cwd, env=ENV, stdout=output,
                                   stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        output.seek(0)
        text = output.read().decode("utf-8", "replace")
    cpu = usage.ru_utime + usage.ru_stime
    return Measured(seconds, cpu, usage.ru_maxrss * 1024, process.returncode, text)


def project_config() -> dict[str, Any]:
    return yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))


def plugins(content: Path | None) -> list[Any]:
    """The project's plugins, with plantrack's content set to ``content`` (None: no plantrack)."""
    found: list[Any] = []
    for entry in project_config().get("plugins", []):
        name = entry if isinstance(entry, str) else next(iter(entry))
        if name != PLUGIN:
            found.append(entry)
        elif content is not None:
            options = {} if isinstance(entry, str) else dict(entry[name] or {})
            found.append({name: {**options, "content": str(content)}})
    return found


def search_words_option() -> list[str]:
    """``--search-words N`` as the plantrack plugin's options in mkdocs.yml set it, so that the
    core and the baseline render the same Markdown as the plugin ([] when unset)."""
    for entry in project_config().get("plugins", []):
        if isinstance(entry, dict) and PLUGIN in entry:
            words = (entry[PLUGIN] or {}).get("search_words")
            return [] if words is None else ["--search-words", str(words)]
    return []


def theme(features: Sequence[str]) -> dict[str, Any]:
    """Theme settings over the project's: its features plus ``features`` (lists are replaced,
    not merged, by INHERIT, so the whole list is written)."""
    if not features:
        return {}
    own = list(project_config().get("theme", {}).get("features", []))
    return {"theme": {"features": own + [f for f in features if f not in own]}}


def plugin_settings(content: Path, site_dir: Path, site_url: str,
                    features: Sequence[str] = ()) -> dict[str, Any]:
    return {"site_dir": str(site_dir), "site_url": site_url, "plugins": plugins(content),
            **theme(features)}


def baseline_settings(content: Path, docs: Path, site_dir: Path, site_url: str,
                      features: Sequence[str] = ()) -> dict[str, Any]:
    """The same site without the plugin: same nav, same pages left out of it."""
    site = load_site(content)
    pages_dir = ROOT / project_config().get("docs_dir", "docs")
    sections = sorted(item_page(i) for p in site.plans for i in p.items if i.kind == "section")
    not_in_nav = ["/plans/*/*.md", "!/plans/*/index.md", *(f"!/{page}" for page in sections)]
    return {
        "docs_dir": str(docs), "site_dir": str(site_dir), "site_url": site_url,
        "plugins": plugins(None), "nav": build_nav(site, pages_dir),
        "not_in_nav": "\n".join(not_in_nav), **theme(features),
    }


def mkdocs_build(settings: dict[str, Any]) -> Measured:
    """``mkdocs build --strict`` with the project's mkdocs.yml and these settings over it."""
    with config_file(settings) as config:
        return measured([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
                         "-f", str(config)]).check("mkdocs build")


def plantrack_build(settings: dict[str, Any], *options: str) -> Measured:
    """``plantrack build`` (what the communications team runs) with these settings, into
    their site_dir: it keeps the pages of the site there whose inputs have not changed."""
    with config_file(settings) as config:
        return measured([sys.executable, "-m", "generator.cli", "build", "--config",
                         str(config), "--out", settings["site_dir"], *options]
                        ).check("plantrack build")


@contextmanager
def config_file(settings: dict[str, Any]) -> Iterator[Path]:
    """A temporary config file: the project's mkdocs.yml with ``settings`` over it."""
    config = ROOT / f".plantrack-bench-{uuid.uuid4().hex[:12]}.yml"
    text = "INHERIT: mkdocs.yml\n" + yaml.safe_dump(settings, sort_keys=False, allow_unicode=True)
    config.write_text(text, encoding="utf-8")
    try:
        yield config
    finally:
        config.unlink(missing_ok=True)


SIMPLE_WORDS = " ".join(["council plan commitment progress residents"] * 40)
"""About 200 words: a one-screen page's text."""


def simple_pages_build(work: Path, count: int, site_url: str) -> Measured:
    """Bare MkDocs + Material (the project's mkdocs.yml without the plugin, search on) building
    ``count`` simple one-screen pages: a heading, a short table and about 200 words each, and
    a small navigation. What MkDocs costs for that many pages, whatever they hold."""
    docs = work / "simple-docs"
    docs.mkdir(parents=True)
    for n in range(count):
        (docs / f"page-{n:05d}.md").write_text(
            f"# Page {n}\n\n| figure | value |\n|---|---|\n| {n} | {n * 2} |\n\n"
            f"{SIMPLE_WORDS}\n", encoding="utf-8")
    (docs / "index.md").write_text("# Home\n\nSimple pages.\n", encoding="utf-8")
    return mkdocs_build({"docs_dir": str(docs), "site_dir": str(work / "simple-site"),
                         "site_url": site_url, "plugins": plugins(None),
                         "nav": [{"Home": "index.md"}], "not_in_nav": "/page-*.md"})


HUGO_PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title>
</head><body><main>{{ .Content }}</main></body></html>
"""


def hugo_simple_pages(work: Path, count: int) -> Measured | None:
    """Hugo (Debian's ``hugo`` package) building the same simple pages with a minimal
    template: what a compiled generator does on this machine (None when Hugo is not
    installed)."""
    hugo = shutil.which("hugo")
    if hugo is None:
        return None
    site = work / "hugo"
    (site / "content").mkdir(parents=True)
    (site / "layouts" / "_default").mkdir(parents=True)
    (site / "config.toml").write_text(
        'baseURL = "https://plans.example.org/"\ntitle = "Simple pages"\n'
        'disableKinds = ["taxonomy", "term", "RSS", "sitemap"]\n', encoding="utf-8")
    for name in ("single.html", "list.html"):
        (site / "layouts" / "_default" / name).write_text(HUGO_PAGE, encoding="utf-8")
    for n in range(count):
        (site / "content" / f"page-{n:05d}.md").write_text(
            f'---\ntitle: "Page {n}"\n---\n\n| figure | value |\n|---|---|\n'
            f"| {n} | {n * 2} |\n\n{SIMPLE_WORDS}\n", encoding="utf-8")
    return measured([hugo, "--quiet", "--source", str(site), "--destination",
                     str(work / "hugo-site")]).check("hugo")


def html_pages(site_dir: Path) -> int:
    return sum(1 for _ in site_dir.rglob("*.html"))


def differing_files(one: Path, other: Path) -> list[str]:
    """Paths (relative) that are in only one of two site folders or differ in their bytes."""
    def listing(folder: Path) -> dict[str, Path]:
        return {str(p.relative_to(folder)): p for p in folder.rglob("*") if p.is_file()}
    left, right = listing(one), listing(other)
    return sorted(path for path in left.keys() | right.keys()
                  if path not in left or path not in right
                  or left[path].read_bytes() != right[path].read_bytes())


def write_baseline_docs(content: Path, docs: Path) -> Measured:
    """The generated Markdown (``plantrack pages``) and the hand-written pages, in one folder."""
    run = measured([sys.executable, "-m", "generator.cli", "pages", "--content", str(content),
                    "--out", str(docs), "--markdown-only", *search_words_option()]).check("plantrack pages")
    pages_dir = ROOT / project_config().get("docs_dir", "docs")
    shutil.copytree(pages_dir, docs, dirs_exist_ok=True)
    return run


def core(content: Path) -> tuple[dict[str, float], Measured]:
    """The core alone, in a fresh process: load and check, render."""
    import json

    run = measured([sys.executable, str(ROOT / "bench" / "core.py"), str(content),
                    *search_words_option()]).check("core")
    return json.loads(run.output.strip().splitlines()[-1]), run


@dataclass(frozen=True)
class SiteFigures:
    """Sizes of a built site."""

    total_bytes: int
    files: int
    item_pages: int
    item_page_avg: float
    item_page_max: int
    plan_page_avg: float
    search_index: int
    search_index_gzip: int
    page_max: int
    """The largest HTML page."""
    page_max_path: str
    page_full_max: int
    """The largest page as it would be with a full page of rows (ROWS_PER_PAGE): its size
    without its rows, plus its average row times ROWS_PER_PAGE; a page of no rows as it is."""
    page_full_max_path: str


ROW = re.compile(r"<tr[ >].*?</tr>|<li><p><a .*?</li>", re.S)
"""A row of a list: a table row, or one update of a list of changes."""


def full_page_size(html: str) -> int:
    """A page's size with :data:`ROWS_PER_PAGE` rows of its lists, at the size of its rows now
    (a page with no rows: its size)."""
    body = html.split("<tbody>", 1)[-1] if "<tbody>" in html else html
    rows = ROW.findall(body)
    if not rows:
        return len(html.encode())
    row_bytes = sum(len(row.encode()) for row in rows)
    return len(html.encode()) - row_bytes + round(row_bytes / len(rows) * ROWS_PER_PAGE)


def site_figures(site_dir: Path) -> SiteFigures:
    files = [p for p in site_dir.rglob("*") if p.is_file()]
    pages = {p: p.stat().st_size for p in files if p.suffix == ".html"}
    largest = max(pages, key=lambda p: pages[p])
    full = {p: full_page_size(p.read_text(encoding="utf-8")) for p in pages}
    fullest = max(full, key=lambda p: full[p])
    items = [p.stat().st_size for p in site_dir.glob("plans/*/*/index.html")]
    plans = [p.stat().st_size for p in site_dir.glob("plans/*/index.html")]
    index = (site_dir / "search" / "search_index.json").read_bytes()
    return SiteFigures(
        total_bytes=sum(p.stat().st_size for p in files), files=len(files),
        item_pages=len(items), item_page_avg=sum(items) / max(1, len(items)),
        item_page_max=max(items, default=0), plan_page_avg=sum(plans) / max(1, len(plans)),
        search_index=len(index), search_index_gzip=len(gzip.compress(index, 6)),
        page_max=pages[largest], page_max_path=largest.relative_to(site_dir).as_posix(),
        page_full_max=full[fullest], page_full_max_path=fullest.relative_to(site_dir).as_posix(),
    )
