"""The views in Chromium: filters on a plan's table (mouse, keyboard, no JavaScript, instant
navigation), and a progress report printed on A4.

The charter plan is the worked example: 25 commitments in 5 sections; 6 are "Complete" (2.01,
2.02, 2.03, 2.04, 3.06 and 4.01) and 8 are led by the Senior Policy & Partnerships Officer.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from .conftest import Site
from .test_journeys import tab_to

pytestmark = pytest.mark.browser

COMPLETE = ["2.01", "2.02", "2.03", "2.04", "3.06", "4.01"]
OFFICER = "senior-policy-partnerships-officer-t-pcs"

# Refs of the rows a resident can see, and of the item rows (not sections) among them.
VISIBLE = """() => [...document.querySelectorAll("#pt-items tbody tr")]
  .filter(r => r.offsetParent !== null)
  .map(r => ({ref: r.cells[0].textContent.trim(), section: r.hasAttribute("data-section"),
              context: r.classList.contains("pt-row-context")}))"""


def visible_items(page: Page) -> list[str]:
    return [row["ref"] for row in page.evaluate(VISIBLE) if not row["section"] and not row["context"]]


def test_filters_narrow_the_table_and_show_all_again(page: Page, site: Site):
    page.goto(site.page("plan"))
    form = page.locator("form.pt-filters")
    expect(form).to_be_visible()
    count = form.locator(".pt-filters__count")
    expect(count).to_have_text("Showing all 25 items.")
    assert len(visible_items(page)) == 25

    page.get_by_label("Status", exact=True).select_option("complete")
    expect(count).to_have_text("Showing 6 of 25 items, with the sections and parents they belong to.")
    assert visible_items(page) == COMPLETE
    shown_sections = [r["ref"] for r in page.evaluate(VISIBLE) if r["section"]]
    assert shown_sections == ["2.00", "3.00", "4.00"], "sections without a match stay hidden"

    page.get_by_label("Lead", exact=True).select_option(OFFICER)
    expect(count).to_have_text("No item matches these filters. Showing 0 of 25 items.")
    page.get_by_label("Status", exact=True).select_option("")
    expect(count).to_have_text("Showing 8 of 25 items, with the sections and parents they belong to.")

    page.get_by_label("Lead", exact=True).select_option("")
    page.get_by_label("Due", exact=True).select_option("overdue")
    overdue = page.locator("#pt-items tbody tr[data-late=overdue]").count()
    assert overdue == 7 and len(visible_items(page)) == overdue
    expect(count).to_have_text("Showing 7 of 25 items, with the sections and parents they belong to.")
    page.get_by_label("Due", exact=True).select_option("passed-unreported")
    expect(count).to_have_text("Showing 12 of 25 items, with the sections and parents they belong to.")

    page.get_by_role("button", name="Show all items").click()
    expect(count).to_have_text("Showing all 25 items.")
    assert len(visible_items(page)) == 25


def test_filters_by_keyboard(page: Page, site: Site):
    page.goto(site.page("plan"))
    tab_to(page, "#pt-items-status", "the status filter")
    page.keyboard.press("ArrowDown")  # "Any status" -> the first status listed
    count = page.locator(".pt-filters__count")
    expect(count).not_to_have_text("Showing all 25 items.")
    first = page.locator("#pt-items-status").input_value()
    rows = page.locator(f"#pt-items tbody tr[data-status={first}]").count()
    assert len(visible_items(page)) == rows
    tab_to(page, "form.pt-filters button[type=reset]", "the Show all items button")
    page.keyboard.press("Enter")
    expect(count).to_have_text("Showing all 25 items.")


def test_without_javascript_the_whole_table_shows_and_no_dead_controls(browser: Browser, site: Site):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site.page("plan"))
        expect(page.locator("form.pt-filters")).to_be_hidden()
        assert page.locator("#pt-items tbody tr").count() == 30  # 25 commitments, 5 sections
        page.goto(site.page("report"))
        expect(page.locator("[data-pt-print]")).to_contain_text("use your browser’s Print command")
    finally:
        context.close()


def test_filters_work_after_instant_navigation(page: Page, site: Site):
    page.goto(site.url)
    page.evaluate("window.__plantrackMarker = 'kept'")
    page.locator("article.md-content__inner").get_by_role(
        "link", name="All Councils Charter Action Plan").first.click()
    page.wait_for_url("**/plans/all-councils-charter-2022/")
    assert page.evaluate("window.__plantrackMarker") == "kept", "instant navigation did not happen"
    expect(page.locator("form.pt-filters")).to_be_visible()
    page.get_by_label("Status", exact=True).select_option("complete")
    assert visible_items(page) == COMPLETE


def test_report_prints_on_a4_without_site_furniture(page: Page, site: Site, screenshots_dir: Path):
    page.goto(site.page("report"))
    expect(page.get_by_role("button", name="Print this report")).to_be_visible()
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-footer",
                     ".pt-print", ".pt-breadcrumb"):
        expect(page.locator(selector).first).to_be_hidden()
    styles = page.evaluate("""() => {
      const badge = getComputedStyle(document.querySelector(".pt-badge--on-track"));
      const sections = [...document.querySelectorAll(".pt-report-section")];
      return {breaks: sections.map(s => getComputedStyle(s).breakBefore),
              badge: [badge.color, badge.backgroundColor, badge.borderTopStyle, badge.borderTopColor]};
    }""")
    assert styles["breaks"] == ["page"] * 5
    assert styles["badge"] == ["rgb(0, 0, 0)", "rgb(255, 255, 255)", "solid", "rgb(0, 0, 0)"]
    pdf = page.pdf(format="A4", print_background=True)
    pages = pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")
    assert pages >= 6, f"expected the summary and one page per section at least, got {pages}"
    page.set_viewport_size({"width": 794, "height": 1123})  # A4 at 96 dpi
    target = screenshots_dir / "report-print-a4.png"
    page.screenshot(path=str(target), full_page=True)
    assert target.stat().st_size > 5_000
