"""Lists in Chromium (issue 15). A list too long for one page: the bundled plan of 241 rows
is split by section; a resident finds each section in the plan page's table of contents, opens
its page, narrows it with the filters and walks on to the next section's page. A list across
plans (a lead's items, what is overdue, reached from the home page's counts) narrows to one
plan."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from ..conftest import SITE_YML
from .conftest import Site, built_and_served

pytestmark = pytest.mark.browser



def test_each_section_is_in_the_table_of_contents_and_its_page_keeps_the_filters(
    page: Page, site: Site,
) -> None:
    page.goto(site.page("plan-split"))
    contents = page.locator("nav.md-nav--secondary")
    expect(contents.get_by_role("link", name="OP5 Operational plan: Communications",
                                exact=False)).to_have_count(1)
    contents.get_by_role("link", name="OP5 Operational plan: Communications", exact=False).click()
    section = page.locator("h3", has_text="OP5 Operational plan: Communications")
    section.locator("xpath=following-sibling::p[1]").get_by_role("link").click()
    expect(page).to_have_url(site.page("plan-part"))
    expect(page.locator("#pt-items caption")).to_contain_text("OP5")

    rows = page.locator("#pt-items tbody tr:not([data-section])")
    total = rows.count()
    count = page.locator("form.pt-filters .pt-filters__count")
    expect(count).to_have_text(f"Showing all {total} items.")
    # the plan reports no progress yet: every item is "not yet reported", so narrow by lead
    lead = page.get_by_label("Lead", exact=True)
    chosen = lead.locator("option").nth(1).get_attribute("value")
    matching = page.locator(f"#pt-items tbody tr[data-leads~='{chosen}']").count()
    assert 0 < matching < total
    lead.select_option(chosen)
    expect(count).to_contain_text(f"Showing {matching} of {total} items")
    visible = page.locator("#pt-items tbody tr:not([data-section]):not(.pt-row-context):visible")
    expect(visible).to_have_count(matching)


def test_a_sections_page_links_on_to_the_next_and_back_to_the_plan(page: Page, site: Site) -> None:
    page.goto(site.page("plan-part"))
    pager = page.get_by_role("navigation", name="Other pages of this list")
    pager.get_by_role("link", name="Next page:", exact=False).click()
    expect(page.locator("h1")).to_contain_text("OP6")
    page.get_by_role("navigation", name="Other pages of this list").get_by_role(
        "link", name="Every page of", exact=False).click()
    expect(page).to_have_url(site.page("plan-split"))


def test_a_phone_reads_a_sections_page_without_scrolling_sideways(
    browser, site: Site,  # noqa: ANN001 (Playwright browser)
) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=1)
    try:
        page = context.new_page()
        page.goto(site.page("plan-part"))
        widths = page.evaluate("() => [document.documentElement.scrollWidth,"
                               " document.documentElement.clientWidth]")
        assert widths[0] <= widths[1], widths
        first = page.locator("#pt-items tbody tr").first
        expect(first.locator(".pt-col-status")).to_be_visible()
    finally:
        context.close()


PLAN = """\
id: {id}
title: {title}
items:
  - ref: "1"
    title: Publish the {id} newsletter
    lead: Parish Clerk
    due: 2022-06-30
    status: on-track
  - ref: "2"
    title: Survey {id} residents
    lead: Parish Clerk
    due: 2023-09-30
  - ref: "3"
    title: Review the {id} budget
    lead: Parish Clerk
    due: 2022-03-31
    status: complete
"""


@pytest.fixture(scope="module")
def two_plans(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """A clerk who leads items in two plans (written here: no bundled list spans two)."""
    content = tmp_path_factory.mktemp("two-plans") / "content"
    (content / "plans").mkdir(parents=True)
    (content / "site.yml").write_text(SITE_YML, encoding="utf-8")
    for plan_id, title in (("north", "North Ward Plan"), ("south", "South Ward Plan")):
        (content / "plans" / f"{plan_id}.yml").write_text(
            PLAN.format(id=plan_id, title=title), encoding="utf-8")
    with built_and_served(content.parent, content=content) as served:
        yield served


def test_a_list_across_plans_narrows_to_one_plan(page: Page, two_plans: Site) -> None:
    page.goto(two_plans.page("browse/leads/parish-clerk/"))
    count = page.locator("form.pt-filters .pt-filters__count")
    expect(count).to_have_text("Showing all 6 items.")
    page.get_by_label("Plan", exact=True).select_option(label="South Ward Plan")
    expect(count).to_have_text("Showing 3 of 6 items.")
    shown = page.locator("#pt-entries tbody tr:visible .pt-col-plan")
    expect(shown).to_have_text(["South Ward Plan"] * 3)


def test_the_home_pages_overdue_count_opens_a_list_narrowed_by_plan(
    page: Page, two_plans: Site,
) -> None:
    page.goto(two_plans.url)
    page.locator("td[data-label=Overdue] a").first.click()
    expect(page.locator("h1")).to_have_text("Items by due date")
    page.get_by_label("Plan", exact=True).select_option(label="North Ward Plan")
    shown = page.locator("#pt-overdue tbody tr:visible .pt-col-plan")
    expect(shown).to_have_text(["North Ward Plan"])
