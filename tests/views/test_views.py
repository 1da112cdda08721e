"""The view pages as a whole: which exist, the filter form on plan pages, links to views."""

from __future__ import annotations

import re

from generator import load_site, render_site

from ..conftest import FIXTURES

VIEW_PAGES = [
    "browse/areas/index.md", "browse/areas/village/north.md", "browse/due.md",
    "browse/indicators.md", "browse/leads/chair.md", "browse/leads/index.md",
    "browse/leads/parish-clerk.md", "browse/status/complete.md", "browse/status/index.md",
    "browse/status/not-reported.md", "browse/status/on-track.md", "browse/tags/index.md",
    "browse/tags/newsletter.md", "reports/index.md", "reports/village.md",
]


def pages() -> dict[str, str]:
    return render_site(load_site(FIXTURES / "sample"))


def test_view_pages_of_the_sample() -> None:
    found = pages()
    assert sorted(p for p in found if p.startswith(("browse/", "reports/"))) == VIEW_PAGES
    for path in VIEW_PAGES:
        page = found[path]
        assert page.startswith('---\ntitle: "') and '\ndescription: "' in page, path
        assert page.count("<h1 ") == 1, path


def test_plan_table_carries_a_hidden_labelled_filter_form() -> None:
    page = pages()["plans/village/index.md"]
    form = page.split('<form class="pt-filters"')[1].split("</form>")[0]
    assert form.startswith(' data-pt-for="pt-items" hidden')
    for name in ("status", "lead", "due"):
        assert f'<label for="pt-items-{name}">' in form and f'<select id="pt-items-{name}" name="{name}">' in form
    assert re.findall(r'<option value="([^"]*)">', form) == [
        "", "on-track", "complete", "not-reported",
        "", "chair", "parish-clerk",
        "", "overdue", "passed-unreported", "30", "90", "365", "none"]
    assert '<p class="pt-filters__count" role="status"></p>' in form
    assert '<table class="pt-items" id="pt-items">' in page


def test_rows_carry_what_the_filters_read() -> None:
    page = pages()["plans/village/index.md"]
    rows = re.findall(r'<tr class="pt-depth-\d[^"]*" data-depth="(\d)"([^>]*)>', page)
    assert rows == [
        ("0", ' data-section="yes"'),
        ("1", ' data-status="on-track" data-leads="parish-clerk" data-due-days="-137" data-late="overdue"'),
        ("1", ' data-status="complete" data-leads="chair" data-due-days="-229" data-late=""'),
        ("0", ' data-status="not-reported" data-leads="parish-clerk" data-due-days="" data-late=""'),
    ]


def test_item_page_links_its_lead_tags_and_areas_to_browse_pages() -> None:
    page = pages()["plans/village/1-01.md"]
    assert '<td><a href="../../../browse/leads/parish-clerk/">Parish Clerk</a></td>' in page
    assert '<a href="../../../browse/tags/newsletter/">newsletter</a>' in page
    assert '<a href="../../../browse/areas/village/north/">North ward</a>' in page


def test_plan_page_links_its_report_and_charts_its_statuses() -> None:
    page = pages()["plans/village/index.md"]
    assert '<a href="../../reports/village/">Progress report for this plan</a>' in page
    assert 'aria-label="Village Action Plan: 3 items. On track 1 (33%); Complete 1 (33%); Not yet reported 1 (33%)."' in page
