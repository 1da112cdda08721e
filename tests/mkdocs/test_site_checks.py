"""Whole-site static checks over every HTML page of the built bundled site (no browser).

* internal links, and the #anchors they point at, all resolve to built files and ids
  (directory URLs map to ``index.html``; http(s) links to other hosts, mailto: and tel: are
  not followed; ``javascript:`` and unknown schemes are reported);
* every page has exactly one ``<h1>``, a non-empty ``<title>``, ``<html lang>`` and a
  non-empty meta description, and no id twice;
* every page parses with html5lib in strict mode (any parse error fails). Material 9.8's own
  markup parses cleanly, so nothing is filtered.

The last tests break copies of real pages on purpose and show each defect is caught.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit

import html5lib
import pytest

ROOT = Path(__file__).resolve().parents[2]
HOST = "site.invalid"  # stands for wherever the site is served; only its links are followed
LINK_ATTRIBUTES = {
    "a": "href", "area": "href", "link": "href", "script": "src", "img": "src",
    "iframe": "src", "source": "src", "video": "src", "audio": "src", "track": "src",
}
NOT_FOLLOWED = {"mailto", "tel"}


@dataclass
class PageReport:
    path: str  # relative to the site root, posix
    ids: set[str] = field(default_factory=set)
    links: list[tuple[str, str]] = field(default_factory=list)  # (tag, raw href)
    problems: list[str] = field(default_factory=list)


@dataclass
class SiteReport:
    pages: dict[str, PageReport]
    links_checked: int = 0
    anchors_checked: int = 0

    def problems(self) -> list[str]:
        return [f"{page.path}: {problem}" for page in self.pages.values() for problem in page.problems]

    def problems_of(self, path: str) -> list[str]:
        return self.pages[path].problems


def page_url(path: str) -> str:
    """The URL a built file is served at: ``a/b/index.html`` is ``/a/b/``."""
    if path == "index.html":
        return f"http://{HOST}/"
    if path.endswith("/index.html"):
        return f"http://{HOST}/{path[: -len('index.html')]}"
    return f"http://{HOST}/{path}"


def target_file(site: Path, url_path: str) -> str | None:
    """The built file a URL path names, relative to the site root, or None."""
    relative = unquote(url_path).lstrip("/")
    if relative == "" or relative.endswith("/"):
        relative += "index.html"
    candidate = site / relative
    if candidate.is_dir():
        candidate = candidate / "index.html"
        relative = str(PurePosixPath(relative) / "index.html")
    try:
        candidate.resolve().relative_to(site.resolve())
    except ValueError:
        return None  # climbs out of the site
    return relative if candidate.is_file() else None


def text_of(element) -> str:  # noqa: ANN001 (ElementTree element)
    return "".join(element.itertext()).strip()


def analyse_page(site: Path, path: str) -> PageReport:
    report = PageReport(path=path)
    data = (site / path).read_bytes()
    strict = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    try:
        document = strict.parse(data)
    except html5lib.html5parser.ParseError as error:
        (line, column), _, _ = strict.errors[-1]
        report.problems.append(f"html5lib strict parse error at line {line}, column {column}: {error}")
        document = html5lib.HTMLParser(namespaceHTMLElements=False).parse(data)

    lang = (document.get("lang") or "").strip()
    if not lang:
        report.problems.append("<html> has no lang")
    titles = document.findall("./head/title")
    if len(titles) != 1 or not text_of(titles[0]):
        report.problems.append(f"needs one non-empty <title>, found {[text_of(t) for t in titles]}")
    descriptions = [m for m in document.iter("meta") if (m.get("name") or "").lower() == "description"]
    if len(descriptions) != 1 or not (descriptions[0].get("content") or "").strip():
        report.problems.append(
            f"needs one non-empty meta description, found {[m.get('content') for m in descriptions]}"
        )
    h1s = list(document.iter("h1"))
    if len(h1s) != 1:
        report.problems.append(f"has {len(h1s)} <h1> elements: {[text_of(h) for h in h1s]}")

    ids = Counter(el.get("id") for el in document.iter() if isinstance(el.tag, str) and el.get("id"))
    twice = sorted(i for i, n in ids.items() if n > 1)
    if twice:
        report.problems.append(f"ids used more than once: {twice}")
    report.ids = set(ids)
    report.ids.update(a.get("name") for a in document.iter("a") if a.get("name"))

    for element in document.iter():
        attribute = LINK_ATTRIBUTES.get(element.tag) if isinstance(element.tag, str) else None
        if attribute and element.get(attribute) is not None:
            report.links.append((element.tag, element.get(attribute)))
    return report


def check_site(site: Path) -> SiteReport:
    """Analyse every HTML page under ``site``, then resolve every link between them."""
    paths = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))
    report = SiteReport(pages={path: analyse_page(site, path) for path in paths})
    for page in report.pages.values():
        base = page_url(page.path)
        for tag, raw in page.links:
            href = raw.strip()
            if not href:
                page.problems.append(f"<{tag}> with an empty link")
                continue
            parts = urlsplit(urljoin(base, href))
            if parts.scheme in NOT_FOLLOWED:
                continue
            if parts.scheme not in ("http", "https"):
                page.problems.append(f"<{tag}> link with the scheme {parts.scheme!r}: {href}")
                continue
            if parts.netloc != HOST:
                continue  # another site: not followed
            report.links_checked += 1
            target = target_file(site, parts.path)
            if target is None:
                page.problems.append(f"broken link <{tag}> {href!r} (no file for {parts.path})")
                continue
            fragment = unquote(parts.fragment)
            if fragment and target.endswith(".html"):
                report.anchors_checked += 1
                target_ids = report.pages[target].ids if target in report.pages else set()
                if fragment not in target_ids:
                    page.problems.append(f"broken anchor {href!r}: no id {fragment!r} in {target}")
    return report


def mkdocs_build(site_dir: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site_dir)],
        cwd=str(ROOT), capture_output=True, text=True, timeout=600,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}"


@pytest.fixture(scope="module")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("static") / "site"
    mkdocs_build(site)
    return site


@pytest.fixture(scope="module")
def report(built_site: Path) -> SiteReport:
    return check_site(built_site)


def only(report: SiteReport, pattern: str) -> list[str]:
    return [p for p in report.problems() if re.search(pattern, p)]


def test_the_whole_site_was_checked(report: SiteReport):
    assert len(report.pages) > 300, sorted(report.pages)[:20]
    for page in ("index.html", "404.html", "plans/all-councils-charter-2022/2-05/index.html",
                 "decisions/dl01-03/index.html", "about/methodology/index.html"):
        assert page in report.pages
    assert report.links_checked > 10 * len(report.pages)
    assert report.anchors_checked > 0


def test_no_broken_internal_links_or_anchors(report: SiteReport):
    problems = only(report, r"broken (link|anchor)|empty link|scheme")
    assert not problems, f"{len(problems)} of {report.links_checked} links:\n" + "\n".join(problems[:50])


@pytest.mark.parametrize(("check", "pattern"), [
    ("every page has exactly one h1", r"<h1>"),
    ("every page has a title, lang and a meta description", r"<title>|lang|meta description"),
    ("no id is used twice", r"ids used more than once"),
    ("every page parses strictly in html5lib", r"html5lib"),
    ("no other problems", ""),
])
def test_whole_site_check(report: SiteReport, check: str, pattern: str):
    problems = only(report, pattern)
    assert not problems, check + ":\n" + "\n".join(problems[:50])


# --- the checker catches what it should ------------------------------------------------------

ITEM = "plans/all-councils-charter-2022/2-05/index.html"


def broken_copy(site: Path, tmp_path: Path) -> Path:
    """A copy of the built site in which copies of one item page are broken in one way each."""
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    original = (copy / ITEM).read_text(encoding="utf-8")
    assert original.count("<h1") == 1 and 'name="description"' in original and 'lang="en"' in original

    def write(name: str, text: str) -> None:
        assert text != original, f"the {name} breakage changed nothing"
        target = copy / "plans/all-councils-charter-2022" / name / "index.html"
        target.parent.mkdir()
        target.write_text(text, encoding="utf-8")

    body = "<h2 class=\"pt-details-heading\">"
    write("zz-broken-link", original.replace(body, '<p><a href="../no-such-item/">x</a></p>' + body, 1))
    write("zz-broken-anchor", original.replace(
        body, '<p><a href="../../../about/methodology/#no-such-status">x</a> '
              '<a href="#nowhere">y</a></p>' + body, 1))
    write("zz-two-h1", original.replace(body, "<h1>A second heading</h1>" + body, 1))
    write("zz-no-title", re.sub(r"<title>.*?</title>", "<title> </title>", original, count=1, flags=re.S))
    write("zz-no-lang", original.replace('<html lang="en"', "<html", 1))
    write("zz-no-description", re.sub(r'<meta name="description"[^>]*>', "", original, count=1))
    write("zz-bad-html", original.replace(body, "<p>unclosed <b>bold</p></div></span>" + body, 1))
    write("zz-javascript", original.replace(body, '<p><a href="javascript:alert(1)">x</a></p>' + body, 1))
    write("zz-duplicate-id", original.replace(body, '<p id="progress-updates">x</p>' + body, 1))
    return copy


@pytest.fixture(scope="module")
def broken_report(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> SiteReport:
    return check_site(broken_copy(built_site, tmp_path_factory.mktemp("broken")))


@pytest.mark.parametrize(("page", "expected"), [
    ("zz-broken-link", r"broken link .*no-such-item"),
    ("zz-broken-anchor", r"broken anchor .*no id 'no-such-status' in about/methodology/index.html"),
    ("zz-broken-anchor", r"broken anchor '#nowhere'"),
    ("zz-two-h1", r"has 2 <h1> elements"),
    ("zz-no-title", r"non-empty <title>"),
    ("zz-no-lang", r"no lang"),
    ("zz-no-description", r"meta description"),
    ("zz-bad-html", r"html5lib strict parse error"),
    ("zz-javascript", r"scheme 'javascript'"),
    ("zz-duplicate-id", r"ids used more than once: \['progress-updates'\]"),
])
def test_checker_catches_a_broken_page(broken_report: SiteReport, page: str, expected: str):
    problems = broken_report.problems_of(f"plans/all-councils-charter-2022/{page}/index.html")
    assert any(re.search(expected, problem) for problem in problems), problems


def test_broken_pages_do_not_taint_the_rest(broken_report: SiteReport):
    others = [p for p in only(broken_report, "") if "/zz-" not in p.split(":")[0]]
    assert not others, others
