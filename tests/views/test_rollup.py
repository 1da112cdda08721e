"""A parent's progress rolled up from the items beneath it: never 0% when nothing is reported."""

from __future__ import annotations

from generator import load_site, render_site
from generator.content.model import Item
from generator.views.rollup import rollup

from ..conftest import FIXTURES, ROOT


def item(ref: str, kind: str = "action", status: str | None = None,
         progress: int | None = None, children: list[Item] | None = None) -> Item:
    made = Item(plan_id="p", ref=ref, slug=ref, kind=kind, title=ref, line=1, status=status,
                progress=progress, children=children or [])
    for child in made.children:
        child.parent = made
    return made


def test_counts_complete_reported_and_the_mean_of_stated_progress() -> None:
    parent = item("1", "recommendation", children=[
        item("1.1", status="complete", progress=100),
        item("1.2", status="on-track", progress=40),
        item("1.3", status="cancelled"),
        item("1.4"),
    ])
    found = rollup(parent)
    assert found is not None
    assert (found.total, found.complete, found.cancelled, found.reported) == (4, 1, 1, 3)
    assert found.stated == (100, 40) and found.mean_progress == 70
    assert found.by_status == {"on-track": 1, "complete": 1, "cancelled": 1, "not-reported": 1}


def test_sections_beneath_are_not_counted_but_their_items_are() -> None:
    parent = item("A", "section", children=[
        item("A1", "section", children=[item("A1.1", status="complete")]),
        item("A2"),
    ])
    found = rollup(parent)
    assert found is not None and found.total == 2 and found.complete == 1


def test_no_mean_when_no_item_states_progress_and_none_without_children() -> None:
    found = rollup(item("1", children=[item("1.1", status="on-track")]))
    assert found is not None and found.mean_progress is None
    assert rollup(item("2")) is None


def test_item_page_of_a_parent_says_so_when_nothing_beneath_is_reported() -> None:
    pages = render_site(load_site(ROOT / "content"))
    page = pages["plans/bcc-community-leadership-2003/1.md"]
    assert "None of the 5 items within this recommendation has a reported status yet." in page
    assert "it is not 0%" in page
    assert "0 of 5" not in page
    charter = pages["plans/all-councils-charter-2022/1-00.md"]
    assert "0 of 2 items within this section are complete" in charter
    assert "2 of 2 have a reported status" in charter


def test_sample_section_rolls_up_stated_progress() -> None:
    page = render_site(load_site(FIXTURES / "sample"))["plans/village/1-00.md"]
    assert "1 of 2 items within this section is complete" in page
    assert "Mean stated progress: 40% (from 1 item stating a percentage)." in page
