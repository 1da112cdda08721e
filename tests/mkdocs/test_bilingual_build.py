"""A real `mkdocs build --strict` of the bilingual fixture: the English site at the root, the
Welsh one under cy/ with the same pages, each page in its language (``lang``), linking its
other version (the switch and ``hreflang``), searched in its own words, and every link and
anchor of both trees resolving."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from ..conftest import FIXTURES, build_site, build_site_and_warnings
from .test_site_checks import SiteReport, check_site


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    return build_site_and_warnings(tmp_path_factory.mktemp("bilingual"), FIXTURES / "bilingual")


def pages(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*.html")
            if not p.relative_to(root).as_posix().startswith("cy/")}


def test_the_strict_build_logs_no_warning(built: tuple[Path, list[str]]) -> None:
    assert built[1] == []


def test_the_welsh_site_mirrors_every_page(built: tuple[Path, list[str]]) -> None:
    site = built[0]
    english, welsh = pages(site), pages(site / "cy")
    assert len(english) > 40 and english == welsh


def test_each_page_is_in_its_language_and_links_the_other(built: tuple[Path, list[str]]) -> None:
    site = built[0]
    for page in sorted(pages(site) - {"404.html"}):  # served at any address: no switch
        en = (site / page).read_text(encoding="utf-8")
        cy = (site / "cy" / page).read_text(encoding="utf-8")
        assert '<html lang="en"' in en and '<html lang="cy"' in cy, page
        depth = page.count("/")
        to_cy = "../" * depth + "cy/" + (page[:-len("index.html")] if page.endswith(
            "index.html") else page)
        assert f'<link rel="alternate" hreflang="cy" href="{to_cy}">' in en, page
        assert 'hreflang="cy" lang="cy" target="_self">Cymraeg</a>' in en, page
        assert 'hreflang="en" lang="en" target="_self">English</a>' in cy, page


def test_the_welsh_pages_speak_welsh(built: tuple[Path, list[str]]) -> None:
    site = built[0]
    item = (site / "cy/plans/delivery/1-1/index.html").read_text(encoding="utf-8")
    assert "Mabwysiadu&#x27;r CDLl newydd" in item and "Hyder: Ambr" in item
    assert "27 Medi 2024" in item
    assert "Mend" not in item and "Confidence:" not in item
    english = (site / "plans/delivery/1-1/index.html").read_text(encoding="utf-8")
    assert "Adopt the new LDP" in english and "27 September 2024" in english


def test_welsh_search_has_no_english_stemmer_or_stop_words(
        built: tuple[Path, list[str]]) -> None:
    site = built[0]
    welsh = json.loads((site / "cy/search/search_index.json").read_text(encoding="utf-8"))
    english = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    assert welsh["config"]["pipeline"] == [] and welsh["config"]["lang"] == ["en"]
    assert english["config"]["pipeline"] != []
    titles = {doc["title"] for doc in welsh["docs"]}
    assert "1.1 Mabwysiadu&#x27;r CDLl newydd" in titles or any(
        "Mabwysiadu" in t for t in titles)
    assert not any("Adopt the new LDP" in doc["text"] for doc in welsh["docs"])


def test_each_tree_has_its_own_sitemap(built: tuple[Path, list[str]]) -> None:
    site = built[0]
    sitemap = (site / "cy/sitemap.xml").read_text(encoding="utf-8")
    assert "https://plans.example.org/cy/plans/delivery/1-1/" in sitemap
    assert not re.search(r"<loc>https://plans.example.org/plans/", sitemap)


def test_every_link_and_anchor_resolves_in_both_trees(built: tuple[Path, list[str]]) -> None:
    report: SiteReport = check_site(built[0])
    assert report.links_checked and report.anchors_checked
    assert report.problems() == []


def test_a_written_page_is_given_in_each_language(tmp_path: Path) -> None:
    project = tmp_path / "project"
    (project / "docs" / "about").mkdir(parents=True)
    (project / "docs" / "about" / "accessibility.md").write_text(
        "# Accessibility\n\nThis site aims to meet WCAG 2.2 AA.\n", encoding="utf-8")
    (project / "docs" / "about" / "accessibility.cy.md").write_text(
        "# Hygyrchedd\n\nNod y wefan hon yw bodloni WCAG 2.2 AA.\n", encoding="utf-8")
    build_site(project, FIXTURES / "bilingual", tmp_path / "site")
    english = (tmp_path / "site/about/accessibility/index.html").read_text(encoding="utf-8")
    welsh = (tmp_path / "site/cy/about/accessibility/index.html").read_text(encoding="utf-8")
    assert "This site aims" in english and "Hygyrchedd" not in english
    assert "Nod y wefan hon" in welsh
    assert not (tmp_path / "site/about/accessibility.cy/index.html").exists()


def test_a_written_page_missing_in_welsh_stops_the_build(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    project = tmp_path / "project"
    (project / "docs" / "about").mkdir(parents=True)
    (project / "docs" / "about" / "accessibility.md").write_text("# Accessibility\n",
                                                                 encoding="utf-8")
    with pytest.raises(Abort):
        build_site(project, FIXTURES / "bilingual", tmp_path / "site")
    assert [r.getMessage() for r in caplog.records if r.levelname == "ERROR"] == [
        f"{project / 'docs'}/about/accessibility.md has no cy version "
        f"(about/accessibility.cy.md beside it)"]
    shutil.rmtree(tmp_path / "site", ignore_errors=True)
