"""Plain words in the browser: page titles without repetition, and a council term explained by
a link that the keyboard reaches and that goes to its glossary entry."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from .conftest import Site
from .test_accessibility import axe_violations, describe

pytestmark = pytest.mark.browser

SITE_NAME = "Plan Tracker"
ITEM = "plans/all-councils-charter-2022/2-06/"

ACTIVE = """() => {
  const e = document.activeElement;
  return e ? {href: e.getAttribute("href") || "", cls: e.getAttribute("class") || "",
              text: (e.innerText || "").trim()} : null;
}"""


def test_page_titles_do_not_repeat_the_site_name(page: Page, site: Site) -> None:
    page.goto(site.url)
    assert page.title() == SITE_NAME
    heading = page.locator("article h1")
    expect(heading).to_have_count(1)
    assert heading.inner_text().strip() != SITE_NAME
    for path in (ITEM, "about/glossary/", "about/methodology/", "browse/due/"):
        page.goto(site.url + path)
        title = page.title()
        assert title.count(SITE_NAME) == 1, (path, title)
        assert title.endswith(f" - {SITE_NAME}"), (path, title)


def test_a_glossary_link_in_an_item_is_reached_by_tab_and_opens_its_entry(
    page: Page, site: Site
) -> None:
    page.goto(site.url + ITEM)
    term = page.locator("article a.pt-term[href$='#bmkalc']").first
    expect(term).to_be_visible()
    expect(term).to_have_attribute(
        "title", re.compile("Buckinghamshire and Milton Keynes Association of Local Councils"))
    page.locator("body").focus()
    for _ in range(400):
        page.keyboard.press("Tab")
        active = page.evaluate(ACTIVE)
        if active and "pt-term" in active["cls"] and active["href"].endswith("#bmkalc"):
            break
    else:
        pytest.fail("Tab never reached the BMKALC glossary link on " + ITEM)
    assert active["text"] == "BMKALC"
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/about/glossary/#bmkalc$"))
    entry = page.locator("dt#bmkalc")
    expect(entry).to_have_text("BMKALC")
    # Instant navigation swaps the page in, then scrolls to the entry.
    page.wait_for_function("""() => {
      const r = document.getElementById("bmkalc").getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    }""")
    expect(page.locator("dt#bmkalc + dd")).to_contain_text(
        "Buckinghamshire and Milton Keynes Association of Local Councils")


@pytest.mark.parametrize("path", ["about/glossary/", ITEM, ""])
def test_the_glossary_and_pages_with_explained_words_have_no_axe_violations(
    page: Page, site: Site, path: str
) -> None:
    page.goto(site.url + path)
    page.wait_for_load_state("load")
    violations = axe_violations(page)
    assert not violations, describe(f"/{path}", violations)
