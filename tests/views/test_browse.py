"""Browse pages: by lead, tag, area, status and due date, and the navigation to them."""

from __future__ import annotations

from datetime import date

from generator import load_site, render_site
from generator.mkdocs.nav import build_nav
from generator.pages.paths import slug
from generator.views.browse import by_area, by_lead, by_status, by_tag, timeline

from ..conftest import ROOT

PLAN = """\
id: p
title: Plan
areas:
  - {id: north, name: North ward}
  - {id: south, name: South ward}
items:
  - ref: "1"
    kind: section
    title: Section
    lead: Nobody
    items:
      - {ref: "1.1", title: A, lead: "Paul Swift/ E&DO", due: 2022-01-31, tags: [NI 14], areas: [north]}
      - {ref: "1.2", title: B, lead: "paul  swift.", due: 2023-03-31, status: complete}
      - {ref: "1.3", title: C, lead: "Paul Swift/ Paul Swift", due: 2022-05-15}
      - {ref: "1.4", title: D, due: Ongoing, tags: [NI14, NI 14]}
"""


def site(make_content):  # noqa: ANN001, ANN201
    return load_site(make_content({"p.yml": PLAN}))


def test_leads_split_at_slashes_and_merge_spellings(make_content) -> None:
    groups = by_lead(site(make_content))
    assert [(g.name, g.path, [e.item.ref for e in g.entries]) for g in groups] == [
        ("E&DO", "browse/leads/e-do.md", ["1.1"]),
        ("Paul Swift", "browse/leads/paul-swift.md", ["1.1", "1.2", "1.3"]),
    ]


def test_tags_statuses_and_areas(make_content) -> None:
    loaded = site(make_content)
    assert [(g.name, [e.item.ref for e in g.entries]) for g in by_tag(loaded)] == [
        ("NI 14", ["1.1", "1.4"]), ("NI14", ["1.4"])]
    assert [(g.key, len(g.entries)) for g in by_status(loaded)] == [
        ("complete", 1), ("not-reported", 3)]
    areas = by_area(loaded)
    assert [(a.area.name, a.path, [e.item.ref for e in a.entries]) for a in areas] == [
        ("North ward", "browse/areas/p/north.md", ["1.1"]), ("South ward", "browse/areas/p/south.md", [])]


def test_timeline_puts_overdue_first_then_months(make_content) -> None:
    found = timeline(site(make_content), date(2022, 3, 1))
    # 1.1 is past its due date but reports no status: not overdue, a fact of its own
    assert [e.item.ref for e in found.overdue] == []
    assert [e.item.ref for e in found.passed_unreported] == ["1.1"]
    assert [(month, [e.item.ref for e in entries]) for month, entries in found.upcoming] == [
        ("May 2022", ["1.3"])]
    assert [e.item.ref for e in found.done] == ["1.2"]
    assert [(plan.id, count) for plan, count in found.undated] == [("p", 1)]


def test_slugs_never_clash_with_index_pages() -> None:
    assert slug("Index") == "named-index"
    assert slug("—") == "item"
    assert slug("Chief Officer/ Communications") == "chief-officer-communications"


def test_browse_indexes_are_in_the_nav_and_per_name_pages_are_not(make_content) -> None:
    loaded = site(make_content)
    nav = build_nav(loaded, None)
    browse = next(entry["Browse"] for entry in nav if isinstance(entry, dict) and "Browse" in entry)
    assert [list(e.values())[0] for e in browse] == [
        "browse/due.md", "reports/index.md", "browse/status/index.md", "browse/leads/index.md",
        "browse/areas/index.md", "browse/tags/index.md", "browse/indicators.md"]
    pages = render_site(loaded, as_of=date(2022, 3, 1))
    for path in ("browse/leads/paul-swift.md", "browse/tags/ni-14.md", "browse/status/complete.md",
                 "browse/areas/p/north.md"):
        assert path in pages and path.count("/") >= 2 and not path.endswith("index.md")


def test_bundled_area_pages_for_the_2005_strategy() -> None:
    pages = render_site(load_site(ROOT / "content"))
    areas = sorted(p for p in pages if p.startswith("browse/areas/bcc-getting-closer-2005/"))
    assert areas == [f"browse/areas/bcc-getting-closer-2005/{a}.md"
                     for a in ("buckingham", "burnham", "chesham", "princess-risborough")]
    assert "<h1 data-search-exclude>Items in Chesham</h1>" in pages[areas[2]]
