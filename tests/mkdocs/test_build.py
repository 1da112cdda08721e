"""A real `mkdocs build --strict` of the bundled site, and what the plugin must never do."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from ..conftest import ROOT, build_site


@pytest.fixture(scope="module")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site_dir = tmp_path_factory.mktemp("bundled") / "site"
    build(load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site_dir), strict=True))
    return site_dir


def test_strict_build_of_the_bundled_site_logs_no_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING):
        build(load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "s"), strict=True))
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING] == []


def test_every_item_has_a_page(bundled: Path) -> None:
    from generator import load_site

    site = load_site(ROOT / "content")
    for plan in site.plans:
        assert (bundled / "plans" / plan.id / "index.html").is_file()
        for item in plan.walk():
            assert (bundled / "plans" / plan.id / item.slug / "index.html").is_file(), item.ref


def test_the_plugin_never_writes_into_the_docs_folder(bundled: Path) -> None:
    written = sorted(p.relative_to(ROOT / "content/pages").as_posix()
                     for p in (ROOT / "content/pages").rglob("*") if p.is_file())
    assert written == ["about/accessibility.md"]


def test_items_are_not_in_the_nav_but_plans_and_sections_are(bundled: Path) -> None:
    home = (bundled / "index.html").read_text(encoding="utf-8")
    assert "All Councils Charter Action Plan" in home
    plan = (bundled / "plans/all-councils-charter-2022/index.html").read_text(encoding="utf-8")
    nav = plan[plan.index('class="md-nav md-nav--primary"'):plan.index("</nav>", plan.index(
        'class="md-nav md-nav--primary"'))]
    assert "1.00 Raising awareness of the Charter" in plan  # the plan's sections, when open
    assert "2.05 Develop key list" not in nav


def test_search_finds_items_by_ref_title_and_lead(bundled: Path) -> None:
    index = json.loads((bundled / "search/search_index.json").read_text(encoding="utf-8"))
    entries = [d for d in index["docs"]
               if d["location"].startswith("plans/all-councils-charter-2022/2-05/")]
    assert entries[0]["title"].startswith("2.05 Develop key list of contacts")
    text = " ".join(entry["text"] for entry in entries)
    assert "Senior Policy &amp; Partnerships Officer (T&amp;PCs)" in text
    assert "Home" not in entries[0]["text"]  # the breadcrumb is left out of the index


def _entries(site_dir: Path, page: str) -> list[dict[str, str]]:
    index = json.loads((site_dir / "search/search_index.json").read_text(encoding="utf-8"))
    return [d for d in index["docs"] if d["location"].partition("#")[0] == page]


def test_the_search_index_holds_what_an_item_is(bundled: Path) -> None:
    entries = _entries(bundled, "plans/all-councils-charter-2022/2-05/")
    assert [e["location"] for e in entries] == ["plans/all-councils-charter-2022/2-05/"]
    text = entries[0]["text"]
    assert text.startswith("<p>On track Overdue Status undated</p> Details LeadSenior Policy")
    assert "2.05" not in text  # the title is the entry's title, not repeated in its text
    for shown_elsewhere in ("Plan", "Kind", "Status", "Due"):  # repeated rows
        assert f"{shown_elsewhere}" not in text.split("Details")[1].split("Lead")[0]


def test_search_indexes_the_first_60_words_of_a_description(bundled: Path) -> None:
    from generator import load_site

    plan = next(p for p in load_site(ROOT / "content").plans if p.id == "bcc-getting-closer-2005")
    words = next(i for i in plan.walk() if i.ref == "A4").text["description"].split()
    assert len(words) == 233
    text = _entries(bundled, "plans/bcc-getting-closer-2005/a4/")[0]["text"]
    page = (bundled / "plans/bcc-getting-closer-2005/a4/index.html").read_text(encoding="utf-8")
    assert " ".join(words[50:60]) + " </p>" in text
    assert " ".join(words[60:70]) not in text
    assert " ".join(words[60:70]) in page and " ".join(words[-8:]) in page


def test_bad_content_stops_the_build_with_every_problem(
    tmp_path: Path, make_content, caplog: pytest.LogCaptureFixture
) -> None:
    content = make_content({"p.yml": "id: p\ntitle: Plan\nitems:\n  - ref: '1'\n"
                                     "    title: A\n    status: Greenish\n    progres: 5\n"})
    with pytest.raises(Abort):
        build_site(tmp_path, content, tmp_path / "site")
    message = caplog.text
    assert "Plan Tracker found problems in the content:" in message
    assert "2 errors in 1 file" in message
    assert not (tmp_path / "site").exists()
    assert 'items[0].status: expected one of' in message
    assert 'items[0].progres: unknown field "progres"; did you mean "progress"?' in message


def test_a_page_that_clashes_with_a_generated_one_is_refused(
    tmp_path: Path, make_content, caplog: pytest.LogCaptureFixture
) -> None:
    content = make_content({})
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Mine\n", encoding="utf-8")
    with pytest.raises(Abort):
        build_site(tmp_path, content, tmp_path / "site")
    assert "index.md has the same name as a page Plan Tracker generates" in caplog.text


def test_search_words_must_be_one_or_more(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Checked as MkDocs checks every option: when it reads the configuration."""
    with pytest.raises(Abort) as raised:
        load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site"), strict=True,
                    plugins={"search": {}, "plantrack": {"content": str(ROOT / "content"),
                                                         "search_words": 0}})
    assert ("Plugin 'plantrack' option 'search_words': expected a whole number of 1 or more, "
            "found 0") in str(raised.value) + caplog.text


@pytest.mark.parametrize("as_of", ["2024-13-01", "next week"])
def test_as_of_must_be_a_date(as_of: str, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with pytest.raises(Abort) as raised:
        load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site"),
                    plugins={"plantrack": {"content": str(ROOT / "content"), "as_of": as_of}})
    assert (f"Plugin 'plantrack' option 'as_of': expected a date as YYYY-MM-DD, found "
            f"{as_of!r}") in str(raised.value) + caplog.text
