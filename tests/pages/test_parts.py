"""Long lists split into pages that stay small (issue 15).

A list longer than ``rows_per_page`` keeps its headings and counts on its own page and moves
its rows to pages of their own: a plan's table by section, a report's lists and sections,
the items of a status, lead, tag, area or confidence plan by plan, the due dates by plan and
year, the indicators by plan, what's changed by month. Whatever the split, the pages of a
list hold exactly the rows the whole list holds, each once. The fixtures are split with a
few rows to a page, so that every kind of list is split; each must list the same items as
the same site rendered with room for every row.
"""

from __future__ import annotations

import posixpath
import re
from collections import Counter
from functools import cache

import pytest

from generator import load_site, render_site
from generator.pages import parts, paths

from ..conftest import FIXTURES, ROOT

ROWS = 2
SITES = {"sample": FIXTURES / "sample", "bundled": ROOT / "content",
         "bilingual": FIXTURES / "bilingual", "twoaxis": FIXTURES / "twoaxis",
         "rounds": FIXTURES / "rounds"}
_PART_LINK = re.compile(r'class="pt-parts">(.*?)</(?:p|li)>', re.S)
_HREF = re.compile(r'href="([^"#]+)"')
_ROW_ITEM = re.compile(r'<td class="pt-col-item"><a href="([^"]+)"|<li><p><a href="([^"]+)"')


@cache
def rendered(name: str, rows: int) -> dict[str, str]:
    return render_site(load_site(SITES[name]), rows_per_page=rows)


def resolve(page: str, href: str) -> str:
    """The address a relative link on ``page`` points at, from the site root."""
    here = posixpath.dirname(paths.address(page))
    return posixpath.normpath(posixpath.join(here, href)) + "/"


def page_at(address: str, pages: dict[str, str]) -> str:
    """The page served at an address (``plans/x/`` is ``plans/x.md`` or
    ``plans/x/index.md``)."""
    base = address.rstrip("/")
    return next(p for p in (f"{base}.md", f"{base}/index.md") if p in pages)


def listed_items(page: str, text: str) -> list[str]:
    """The items a page lists in its tables and lists of updates, in order."""
    return [resolve(page, a or b) for a, b in _ROW_ITEM.findall(text)]


def part_pages(landing: str, pages: dict[str, str]) -> list[str]:
    """The pages a split list links to from its own page, in order."""
    found = [resolve(landing, href) for block in _PART_LINK.findall(pages[landing])
             for href in _HREF.findall(block)]
    return [page_at(address, pages) for address in dict.fromkeys(found)]


def split_lists(name: str, rows: int = ROWS) -> list[str]:
    return sorted(page for page, text in rendered(name, rows).items()
                  if page.endswith(".md") and 'class="pt-parts"' in text)


# --- splitting a list ---

def test_a_list_that_fits_stays_whole() -> None:
    groups = [parts.Group("a", "A", [1, 2]), parts.Group("b", "B", [3])]
    found = parts.split("list.md", "list", groups, limit=3)
    assert found.parts == []
    assert found.total == 3


def test_a_long_list_is_cut_into_pages_each_row_once_in_order() -> None:
    groups = [parts.Group("a", "A", list(range(5))), parts.Group("empty", "E", []),
              parts.Group("b", "B", list(range(5, 7)))]
    found = parts.split("list.md", "list", groups, limit=2)
    assert [(p.path, p.rows, p.number, p.of, p.first, p.last) for p in found.parts] == [
        ("list/a.md", [0, 1], 1, 3, 1, 2),
        ("list/a/2.md", [2, 3], 2, 3, 3, 4),
        ("list/a/3.md", [4], 3, 3, 5, 5),
        ("list/b.md", [5, 6], 1, 1, 1, 2),
    ]
    assert [g.key for g in found.groups] == ["a", "b"], "a group with no rows has no page"
    assert [row for part in found.parts for row in part.rows] == list(range(7))
    assert found.neighbours(found.parts[0]) == (None, found.parts[1])
    assert found.neighbours(found.parts[-1]) == (found.parts[-2], None)


def test_groups_must_have_their_own_keys_and_pages_room_for_a_row() -> None:
    with pytest.raises(ValueError, match="two groups of list.md have the same key"):
        parts.split("list.md", "list", [parts.Group("a", "A", [1]), parts.Group("a", "B", [2])])
    with pytest.raises(ValueError, match="at least one row, not 0"):
        parts.split("list.md", "list", [], limit=0)
    assert parts.unused_key("other-items", {"other-items", "other-items-2"}) == "other-items-3"


def test_parts_of_a_page_go_in_a_folder_of_its_name() -> None:
    assert paths.parts_folder("plans/charter/index.md") == "plans/charter/items"
    assert paths.parts_folder("browse/status/on-track.md") == "browse/status/on-track"


# --- the pages of a site ---

def test_with_the_default_page_size_the_fixtures_are_not_split() -> None:
    for name in SITES:
        whole = rendered(name, parts.ROWS_PER_PAGE)
        found = sorted(p for p, text in whole.items() if 'class="pt-parts"' in text)
        # the bundled plan of 241 rows is split by section, and so are its report and the
        # 200-odd items not yet reported
        assert found == ([] if name != "bundled" else [
            "browse/status/not-reported.md",
            "plans/scdc-community-customer-services-2009/index.md",
            "reports/scdc-community-customer-services-2009.md"]), name


def test_every_kind_of_list_is_split_when_long() -> None:
    kinds = {
        "a plan's table": re.compile(r"plans/[^/]+/index\.md"),
        "a section's items": re.compile(r"plans/[^/]+/[^/]+\.md"),
        "a report": re.compile(r"reports/[^/]+\.md"),
        "a round": re.compile(r"plans/[^/]+/rounds/[^/]+\.md"),
        **{f"items by {kind}": re.compile(f"browse/{kind}/.+\\.md")
           for kind in ("status", "leads", "tags", "areas", "confidence")},
        "items by due date": re.compile(r"browse/due\.md"),
        "indicators": re.compile(r"browse/indicators\.md"),
        "what's changed": re.compile(r"changes\.md"),
    }
    lists = {page for name in SITES for page in split_lists(name)}
    lists |= set(split_lists("bilingual", rows=1))  # no confidence level has three items
    assert [kind for kind, path in kinds.items()
            if not any(path.fullmatch(page) for page in lists)] == []


@pytest.mark.parametrize("name", sorted(SITES))
def test_the_pages_of_a_split_list_hold_every_item_exactly_once(name: str) -> None:
    whole, split = rendered(name, 100_000), rendered(name, ROWS)
    for landing in split_lists(name):
        pieces = part_pages(landing, split)
        assert pieces, landing
        found = [item for piece in pieces for item in listed_items(piece, split[piece])]
        expected = listed_items(landing, whole[landing])
        if re.fullmatch(r"plans/[^/]+/(index|rounds/[^/]+)\.md", landing):
            # a plan's (or a round's) items outside its sections follow the sections once split
            assert Counter(found) == Counter(expected), landing
        elif landing.startswith("plans/") and found[0] == resolve(landing, "./"):
            # a top-level section's page links to its plan's pages of the section, which
            # start with the section itself
            assert found[1:] == expected, landing
        else:
            assert found == expected, landing


@pytest.mark.parametrize("name", sorted(SITES))
def test_no_part_page_holds_more_rows_than_a_page_may(name: str) -> None:
    split = rendered(name, ROWS)
    for landing in split_lists(name):
        for piece in part_pages(landing, split):
            rows = len(listed_items(piece, split[piece]))
            assert 0 < rows <= ROWS, (piece, rows)


def test_a_split_page_links_each_part_under_a_heading_of_the_table_of_contents() -> None:
    pages = rendered("sample", ROWS)
    plan = pages["plans/village/index.md"]
    assert "### 1.00 Keeping residents informed\n" in plan
    assert "<p class=\"pt-parts\">3 items, on 2 pages: <a href=\"items/1-00/\">1 to 2</a>, " \
        "<a href=\"items/1-00/2/\">3 to 3</a></p>" in plan
    part = pages["plans/village/items/1-00/2.md"]
    assert 'title: "Village Action Plan: 1.00 Keeping residents informed, page 2 of 2"' in part
    assert "<p class=\"pt-intro\">Items 3 to 3 of 3." in part
    assert 'rel="prev">Previous page: 1.00 Keeping residents informed, page 1 of 2</a>' in part
    assert 'id="pt-items"' in part, "a plan's table keeps its filters on each of its pages"


def test_welsh_pages_of_a_split_list_are_in_welsh() -> None:
    pages = render_site(load_site(SITES["bilingual"], language="cy"), rows_per_page=ROWS)
    part = pages["plans/delivery/items/1.md"]
    assert "Un o dudalennau" in part and "One of the pages" not in part
    assert "Eitemau 1 i 2 o 3." in part
    landing = pages["plans/delivery/index.md"]
    assert "gormod i un dudalen" in landing
