"""What a resident does on the built site: search, read an item, give feedback, by keyboard.

The charter item 2.05 (“Develop key list of contacts …”) is the worked example throughout.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from playwright.sync_api import Page, expect

from .conftest import Site

pytestmark = pytest.mark.browser

ITEM_PATH = "/plans/all-councils-charter-2022/2-05/"
ITEM_URL = re.compile(re.escape(ITEM_PATH))
ITEM_TITLE = "Develop key list of contacts for services relevant to town and parish councils"

# The focused element, described; "visible" when it draws an outline or a box-shadow.
FOCUSED = """() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const s = getComputedStyle(e);
  const outline = s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0;
  const shadow = !!s.boxShadow && s.boxShadow !== "none";
  return {
    tag: e.tagName.toLowerCase(),
    classes: e.className && e.className.baseVal === undefined ? e.className : "",
    href: e.getAttribute("href") || "",
    text: (e.innerText || e.value || "").trim().slice(0, 80),
    outline: s.outlineStyle + " " + s.outlineWidth + " " + s.outlineColor,
    boxShadow: s.boxShadow,
    visible: outline || shadow,
  };
}"""


def search_box(page: Page):  # noqa: ANN201
    return page.locator("[data-md-component=search-query]")


def result_links(page: Page):  # noqa: ANN201
    return page.locator(".md-search-result__item > .md-search-result__link")


def test_resident_searches_for_a_ref_then_a_phrase_and_reads_the_item(page: Page, site: Site):
    page.goto(site.url)
    box = search_box(page)
    box.click()
    # Material reads the query on keyup: typing, not fill(), runs the search.
    box.press_sequentially("2.05")
    expect(result_links(page).first).to_be_visible()
    by_ref = result_links(page).filter(has_text="2.05").first
    expect(by_ref).to_be_visible()
    assert ITEM_PATH in (by_ref.get_attribute("href") or ""), "the ref search found another page first"
    expect(page.locator(".md-search-result__meta")).to_contain_text("matching")

    box.fill("")
    box.press_sequentially("key list of contacts")
    hit = result_links(page).filter(has_text=ITEM_TITLE).first
    expect(hit).to_be_visible()
    assert ITEM_PATH in (hit.get_attribute("href") or "")

    # Instant navigation (which needs site_url to match the served address) keeps the
    # window: a marker set now survives only if no full page load happens.
    page.evaluate("window.__plantrackMarker = 'kept'")
    hit.click()
    page.wait_for_url(ITEM_URL)

    article = page.locator("article.md-content__inner")
    expect(article.locator("h1")).to_contain_text(ITEM_TITLE)
    expect(article.locator(".pt-status a.pt-badge")).to_have_text("On track")
    details = article.locator("table.pt-details")
    expect(details.locator("tr", has=page.locator("th", has_text="Lead")).locator("td")).to_have_text(
        "Senior Policy & Partnerships Officer (T&PCs)"
    )
    expect(details.locator("tr", has=page.locator("th", has_text="Due")).locator("td")).to_contain_text(
        "Aug-22"
    )
    expect(page.get_by_role("link", name="Give feedback on 2.05")).to_be_visible()
    assert page.evaluate("window.__plantrackMarker") == "kept", (
        "the search result opened with a full page load: instant navigation is not working "
        "(is site_url the address the site is served on?)"
    )


# Characters that may appear unencoded in a query value; anything else must be %XX.
STRICT_VALUE = re.compile(r"^(?:[A-Za-z0-9._~-]|%[0-9A-F]{2})*$")


def test_feedback_link_carries_plan_and_ref_url_encoded(page: Page, site: Site):
    page.goto(site.url + ITEM_PATH.lstrip("/"))
    link = page.locator("a.pt-feedback-link")
    expect(link).to_have_text("Give feedback on 2.05")
    href = link.get_attribute("href")
    assert href, "the feedback link has no href"

    parts = urlsplit(href)
    assert parts.scheme == "https" and parts.netloc, href
    query = parse_qs(parts.query, keep_blank_values=True, strict_parsing=True)
    assert query["plan"] == ["all-councils-charter-2022"], query
    assert query["ref"] == ["2.05"], query
    assert query["title"] == [ITEM_TITLE], query
    assert query["page"][0].endswith(ITEM_PATH), query

    # Every value is percent-encoded: no raw spaces, slashes, colons, ampersands or quotes.
    for pair in parts.query.split("&"):
        name, _, value = pair.partition("=")
        assert STRICT_VALUE.match(value), f"{name}={value!r} is not fully URL-encoded"
        assert unquote(value) == query[name][0]


def tab_to(page: Page, matches: str, what: str, limit: int = 80) -> dict:
    """Press Tab until the focused element matches the CSS selector; return its description."""
    seen: list[str] = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => !!document.activeElement && document.activeElement.matches(s)", matches):
            focused = page.evaluate(FOCUSED)
            assert focused["visible"], f"{what} has focus but no visible focus indicator: {focused}"
            return focused
        described = page.evaluate(FOCUSED)
        seen.append(f"{described['tag']}.{described['classes']}" if described else "body")
    raise AssertionError(f"{limit} presses of Tab never reached {what} ({matches}); passed {seen}")


def test_keyboard_only_search_to_item_to_feedback(page: Page, site: Site):
    page.goto(site.url)
    tab_to(page, "[data-md-component=search-query]", "the search box")
    page.keyboard.type("key list of contacts")
    expect(result_links(page).filter(has_text=ITEM_TITLE).first).to_be_visible()

    result = tab_to(page, ".md-search-result__link", "a search result")
    assert ITEM_PATH in result["href"], f"the first result reached by Tab is {result}"
    page.keyboard.press("Enter")
    page.wait_for_url(ITEM_URL)
    expect(page.locator("article.md-content__inner h1")).to_contain_text(ITEM_TITLE)

    badge = tab_to(page, "article.md-content__inner a.pt-badge", "the status badge")
    assert badge["text"] == "On track"
    feedback = tab_to(page, "article.md-content__inner a.pt-feedback-link", "the feedback link")
    assert feedback["text"] == "Give feedback on 2.05"
