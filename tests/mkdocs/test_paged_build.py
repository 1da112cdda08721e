"""A real `mkdocs build --strict` of a site whose lists are split into pages (issue 15).

The bilingual fixture is built with the plugin's ``rows_per_page`` at 2, so that every list
that can be split is, in English and in Welsh: every page of both trees passes the whole-site
checks (links and anchors resolve, one ``<h1>``, no id twice, strict HTML), the parts are
built in both languages, and search finds a part page by its title but not by its rows (each
item is found on its own page).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

from ..conftest import FIXTURES, ROOT
from .test_site_checks import check_site


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("paged")
    (root / "docs").mkdir()
    config = load_config(
        str(ROOT / "mkdocs.yml"), docs_dir=str(root / "docs"), site_dir=str(root / "site"),
        strict=True, plugins={"search": {}, "plantrack": {
            "content": str(FIXTURES / "bilingual"), "rows_per_page": 2}})
    build(config)
    return root / "site"


def test_every_page_of_a_split_site_passes_the_site_checks(site: Path) -> None:
    report = check_site(site)
    assert report.problems() == []
    for tree in ("", "cy/"):
        assert f"{tree}plans/delivery/items/1/index.html" in report.pages
        assert f"{tree}reports/delivery/overdue/index.html" in report.pages or \
            f"{tree}reports/delivery/changes/index.html" in report.pages


def test_the_parts_are_built_in_each_language(site: Path) -> None:
    english = (site / "plans/delivery/items/1/index.html").read_text(encoding="utf-8")
    welsh = (site / "cy/plans/delivery/items/1/index.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in english and "One of the pages of" in english
    assert '<html lang="cy"' in welsh and "Un o dudalennau" in welsh
    assert 'rel="next"' in english and 'class="pt-pager"' in english


def test_a_plans_parts_are_found_by_title_not_by_their_rows(site: Path) -> None:
    index = json.loads((site / "search/search_index.json").read_text(encoding="utf-8"))
    parts = [doc for doc in index["docs"] if doc["location"].startswith("plans/delivery/items/")]
    assert parts, "a part page is found by its title"
    # its rows are not: each item is found on its own page, not again on every list
    title = (site / "plans/delivery/1-1/index.html").read_text(encoding="utf-8")
    named = title.split("<title>", 1)[1].split(" - ", 1)[0].split(" ", 1)[1]  # "1.1 <title>"
    assert named and all(named not in doc["text"] for doc in parts), named
    plan = (site / "plans/delivery/index.html").read_text(encoding="utf-8")
    assert 'class="pt-parts"' in plan and 'id="pt-items"' not in plan
