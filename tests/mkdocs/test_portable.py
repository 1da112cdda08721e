"""The site without the plugin: ``plantrack pages --out DIR`` writes a project that plain MkDocs
and Zensical each build into the pages the plugin builds; ProperDocs builds the bundled site
with the plugin as it is.

The engines come from the ``engines`` extra (``pip install -e '.[test,engines]'``, which
``make test`` does); a missing engine fails its test, except Zensical on Python 3.10, for which
no release installs. Each site is
built once per module: the bundled site is ~470 pages and each build takes a few seconds.
"""

from __future__ import annotations

import os
import posixpath
import re
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from generator.content.loading import load_site
from generator.mkdocs.nav import build_nav

from ..conftest import FIXTURES, ROOT

BIN = Path(sys.executable).parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
TIMES: dict[str, float] = {}
"""Seconds each build took (printed by ``pytest -s``; never judged)."""


def run(*command: str | Path, cwd: Path = ROOT,
        label: str = "") -> subprocess.CompletedProcess[str]:
    started = time.perf_counter()
    result = subprocess.run([str(part) for part in command], cwd=cwd, env=ENV,
                            capture_output=True, text=True, timeout=600, check=False)
    if label:
        TIMES[label] = time.perf_counter() - started
    assert result.returncode == 0, f"{command} failed:\n{result.stdout}\n{result.stderr}"
    return result


def plantrack(*args: str | Path, cwd: Path = ROOT,
              label: str = "") -> subprocess.CompletedProcess[str]:
    return run(sys.executable, "-m", "generator.cli", *args, cwd=cwd, label=label)


def engine(name: str) -> Path:
    executable = BIN / name
    if not executable.is_file():
        if name == "zensical" and sys.version_info < (3, 11):
            pytest.skip("Zensical 0.0.73 needs Python 3.11 or newer")
        pytest.fail(f"{name} is not installed (pip install -e '.[engines]', as make test does)")
    return executable


# --- the builds, once each -------------------------------------------------------------------

@pytest.fixture(scope="module")
def work(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("portable")


@pytest.fixture(scope="module")
def plugin_site(work: Path) -> Path:
    """The bundled site as `make site` builds it: MkDocs with the plugin."""
    run(BIN / "mkdocs", "build", "--strict", "--site-dir", work / "plugin-site",
        label="mkdocs with the plugin")
    return work / "plugin-site"


@pytest.fixture(scope="module")
def project(work: Path) -> Path:
    """`plantrack pages --out` of the bundled project."""
    plantrack("pages", "--out", work / "project", label="plantrack pages --out")
    return work / "project"


@pytest.fixture(scope="module")
def plain_site(project: Path, work: Path) -> Path:
    """Plain `mkdocs build --strict` of the written project: no plugin in its config."""
    run(BIN / "mkdocs", "build", "--strict", "--site-dir", work / "plain-site", cwd=project,
        label="plain mkdocs")
    return work / "plain-site"


@pytest.fixture(scope="module")
def zensical_site(project: Path) -> Path:
    """`zensical build --strict` of the written project (into its site_dir, site/)."""
    run(engine("zensical"), "build", "--strict", cwd=project, label="zensical")
    return project / "site"


@pytest.fixture(scope="module")
def properdocs_site(work: Path) -> Path:
    """`properdocs build --strict` of the bundled project, with the plugin as it is."""
    run(engine("properdocs"), "build", "--strict", "--site-dir", work / "properdocs-site",
        label="properdocs with the plugin")
    return work / "properdocs-site"


@pytest.fixture(scope="module", autouse=True)
def report_times() -> object:
    yield
    if TIMES:
        print("\nbuild times: " + ", ".join(f"{k} {v:.1f} s" for k, v in TIMES.items()))


# --- what a built site shows -----------------------------------------------------------------

def pages(site: Path) -> set[str]:
    """Every page of a built site, as the folder it is served at."""
    return {path.parent.relative_to(site).as_posix() for path in site.rglob("index.html")}


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}


class Article(HTMLParser):
    """The text a resident reads in a page's article: its h1, badges, key figures and links."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: dict[str, list[str]] = {"h1": [], "badges": [], "figures": [], "links": []}
        self._open: list[tuple[str, str | None]] = []
        """Tags open inside the article, each with the list its text goes to (or None)."""
        self._in_article = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            self._in_article = True
            return
        if not self._in_article or tag in VOID and tag != "a":
            return
        found = dict(attrs)
        classes = (found.get("class") or "").split()
        if tag == "a" and found.get("href") is not None:
            self.found["links"].append(str(found["href"]))
        into = ("h1" if tag == "h1" else "badges" if "pt-badge" in classes
                else "figures" if "pt-kpi__figure" in classes else None)
        if into:
            self.found[into].append("")
        self._open.append((tag, into))

    def handle_endtag(self, tag: str) -> None:
        if tag == "article":
            self._in_article = False
            self._open.clear()
            return
        names = [name for name, _ in self._open]
        if tag in names:  # close it, and any tag left open inside it
            del self._open[len(names) - 1 - names[::-1].index(tag):]

    def handle_data(self, data: str) -> None:
        for _, into in self._open:
            if into:
                self.found[into][-1] += data

    def shown(self) -> dict[str, list[str]]:
        return {key: values if key == "links" else [" ".join(v.split()) for v in values]
                for key, values in self.found.items()}


def shown(site: Path, page: str) -> dict[str, list[str]]:
    parser = Article()
    parser.feed((site / page / "index.html").read_text(encoding="utf-8"))
    return parser.shown()


SAMPLE = [
    ".",  # home: h1 and the key figures
    "plans/all-councils-charter-2022",
    "plans/all-councils-charter-2022/2-05",  # on track, overdue
    "plans/all-councils-charter-2022/1-00",  # a section
    "plans/scdc-community-customer-services-2009/op7-1-3",
    "plans/bcc-community-leadership-2003/1-4",
    "decisions/dl01-03",
    "browse/due",
    "about/accessibility",  # hand-written
]


# --- the written project ---------------------------------------------------------------------

def test_the_project_holds_a_config_the_docs_and_the_overrides(project: Path) -> None:
    assert sorted(p.name for p in project.iterdir()) == ["docs", "mkdocs.yml", "overrides"]
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["docs_dir"] == "docs" and config["theme"]["custom_dir"] == "overrides"
    assert config["plugins"] == ["search"]  # no plantrack
    assert config["site_url"] == "https://plans.example.org/"  # from site.yml
    assert config["validation"]["nav"]["omitted_files"] == "info"
    assert (project / "docs/about/accessibility.md").is_file()  # hand-written
    assert (project / "docs/plans/all-councils-charter-2022/2-05/index.md").is_file()
    assert (project / "docs/downloads/schema.json").is_file()
    assert (project / "overrides/main.html").is_file()
    assert (project / "overrides/assets/plantrack.css").is_file()


def test_the_nav_is_the_plugins_small_nav_with_no_item_pages(project: Path) -> None:
    config = yaml.safe_load((project / "mkdocs.yml").read_text(encoding="utf-8"))

    def entries(nav: object) -> list[str]:
        if isinstance(nav, list):
            return [path for entry in nav for path in entries(entry)]
        if isinstance(nav, dict):
            return [path for entry in nav.values() for path in entries(entry)]
        return [str(nav)]

    site = load_site(ROOT / "content")
    expected = entries(build_nav(site, ROOT / "content/pages"))
    listed = entries(config["nav"])
    assert [p.removesuffix("/index.md").removesuffix(".md") for p in listed] == [
        p.removesuffix("/index.md").removesuffix(".md") for p in expected]
    assert all((project / "docs" / path).is_file() for path in listed)
    assert "plans/all-councils-charter-2022/2-05/index.md" not in listed


# --- the same pages from every builder -------------------------------------------------------

def test_plain_mkdocs_builds_the_pages_the_plugin_builds(plugin_site: Path,
                                                         plain_site: Path) -> None:
    assert len(pages(plugin_site)) > 400
    assert pages(plain_site) == pages(plugin_site)
    for page in SAMPLE:
        assert shown(plain_site, page) == shown(plugin_site, page), page


def test_zensical_builds_the_pages_the_plugin_builds(plugin_site: Path,
                                                     zensical_site: Path) -> None:
    assert pages(zensical_site) == pages(plugin_site)
    for page in SAMPLE:
        assert shown(zensical_site, page) == shown(plugin_site, page), page


def test_the_sample_shows_what_the_content_says(plugin_site: Path) -> None:
    home = shown(plugin_site, ".")
    assert home["h1"] == ["Council plans and the progress reported on them"]
    assert home["figures"][0] == "339"  # items in 4 plans
    item = shown(plugin_site, "plans/all-councils-charter-2022/2-05")
    assert item["h1"] == ["2.05 Develop key list of contacts for services relevant to town and "
                          "parish councils"]
    assert item["badges"][0] == "On track"


def test_links_in_zensicals_pages_lead_to_pages_it_built(zensical_site: Path) -> None:
    """Zensical reads links in HTML as relative to the Markdown file: each generated page is
    written in the folder of its address, so the links are the ones the plugin writes."""
    for page in SAMPLE:
        for href in shown(zensical_site, page)["links"]:
            if re.match(r"[a-z]+:|#|/", href):
                continue
            target = posixpath.normpath(posixpath.join(page, href.partition("#")[0]))
            found = zensical_site / target
            assert found.is_file() or (found / "index.html").is_file(), (page, href)


def test_zensicals_item_pages_carry_the_small_nav(plain_site: Path,
                                                  zensical_site: Path) -> None:
    page = "plans/all-councils-charter-2022/2-05/index.html"
    for site in (plain_site, zensical_site):
        html = (site / page).read_text(encoding="utf-8")
        assert html.count('class="md-nav__link') < 40, site
        assert "2.06 " not in html.split('<article', 1)[0], site  # no other item in its nav


def test_the_overrides_work_without_the_plugins_build_stamp(plugin_site: Path,
                                                            plain_site: Path,
                                                            zensical_site: Path) -> None:
    home = "index.html"
    assert 'name="plantrack-build"' in (plugin_site / home).read_text(encoding="utf-8")
    for site in (plain_site, zensical_site):
        html = (site / home).read_text(encoding="utf-8")
        assert 'name="plantrack-build"' not in html
        assert "Search this site" in html  # the overrides' script block is there
        assert (site / "assets/plantrack.css").is_file()


def test_properdocs_builds_the_bundled_site_with_the_plugin(plugin_site: Path,
                                                            properdocs_site: Path) -> None:
    assert pages(properdocs_site) == pages(plugin_site)
    for page in SAMPLE:
        assert shown(properdocs_site, page) == shown(plugin_site, page), page
    html = (properdocs_site / "index.html").read_text(encoding="utf-8")
    assert 'name="plantrack-build"' in html  # the plugin ran


# --- options and refusals (small content, no builds) -----------------------------------------

def write_config(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "pages").mkdir(exist_ok=True)
    config = folder / "mkdocs.yml"
    config.write_text(text, encoding="utf-8")
    return config


def test_markdown_only_writes_the_generated_pages_alone(tmp_path: Path) -> None:
    out = tmp_path / "md"
    result = plantrack("pages", "--content", FIXTURES / "sample", "--out", out, "--markdown-only")
    assert result.stdout == f"wrote 44 pages to {out}\n"
    assert (out / "plans/village/1-01.md").read_text(encoding="utf-8").startswith("---\n")
    assert not (out / "mkdocs.yml").exists()


def test_the_config_keeps_its_own_settings_and_relaxes_only_omitted_files(
        tmp_path: Path) -> None:
    config = write_config(tmp_path / "src", """\
site_name: Parish plans
site_url: https://parish.example.org/plans/
docs_dir: pages
theme: material
plugins:
  plantrack:
    content: content
    as_of: 2023-01-15
  search: {}
validation:
  omitted_files: warn
  unrecognized_links: warn
""")
    (tmp_path / "src/pages/about.md").write_text("# About\n", encoding="utf-8")
    out = tmp_path / "out"
    result = plantrack("pages", "--content", FIXTURES / "sample", "--config", config,
                       "--out", out)
    assert result.stdout == f"wrote 44 pages and 1 hand-written file to {out / 'docs'}, with " \
                            f"mkdocs.yml\n"
    written = yaml.safe_load((out / "mkdocs.yml").read_text(encoding="utf-8"))
    assert written["site_url"] == "https://parish.example.org/plans/"
    assert written["plugins"] == {"search": {}}
    assert written["theme"] == {"name": "material", "variant": "classic"}
    assert written["validation"] == {"unrecognized_links": "warn",
                                     "nav": {"omitted_files": "info"}}
    assert written["nav"][-1]["About this site"][2] == "about.md"
    assert (out / "docs/about.md").is_file()
    assert sorted(p.name for p in out.iterdir()) == ["docs", "mkdocs.yml"]


def test_a_hand_written_page_in_the_way_of_a_generated_one_is_refused(tmp_path: Path) -> None:
    config = write_config(tmp_path / "src", "site_name: S\ndocs_dir: pages\n")
    clash = tmp_path / "src/pages/plans/village/1-01/index.md"
    clash.parent.mkdir(parents=True)
    clash.write_text("# Mine\n", encoding="utf-8")
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "generator.cli", "pages", "--content",
                             str(FIXTURES / "sample"), "--config", str(config), "--out", str(out)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert result.stderr == (f"{clash} has the same name as a page Plan Tracker generates; "
                             f"rename or remove it.\n")
    assert not out.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out")] == []


def test_a_missing_config_says_what_to_do(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "generator.cli", "pages", "--content",
                             str(FIXTURES / "sample"), "--out", str(tmp_path / "out")],
                            cwd=tmp_path, capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert result.stderr == ("mkdocs.yml: no MkDocs config found (give --config FILE, or "
                             "--markdown-only to write the generated Markdown alone)\n")
