"""axe-core (bundled with axe-playwright-python) on every page template: 0 violations expected.

Rules: WCAG 2.0/2.1 A and AA plus WCAG 2.2 AA. A failure names the page, the rule and the
elements, e.g. ``plan /plans/x/: color-contrast (serious) at .md-footer-meta``.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.base import AXE_FILE_PATH
from playwright.sync_api import Page, expect

from .conftest import PAGES, Site

pytestmark = pytest.mark.browser

AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
    "resultTypes": ["violations"],
}


def axe_violations(page: Page) -> list[dict]:
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(path=str(AXE_FILE_PATH))
    return page.evaluate("options => axe.run(document, options)", AXE_OPTIONS)["violations"]


def describe(where: str, violations: list[dict]) -> str:
    lines = [f"{len(violations)} axe violation(s) on {where}:"]
    for violation in violations:
        targets = "; ".join(" ".join(map(str, node["target"])) for node in violation["nodes"])
        lines.append(f"  {violation['id']} ({violation['impact']}) at {targets}: {violation['help']}")
    return "\n".join(lines)


@pytest.mark.parametrize("template", list(PAGES))
def test_no_axe_violations(page: Page, site: Site, template: str):
    response = page.goto(site.page(template))
    assert response is not None and response.ok, f"{template}: {site.page(template)} did not load"
    page.wait_for_load_state("load")
    violations = axe_violations(page)
    assert not violations, describe(f"{template} /{PAGES[template]}", violations)


def test_no_axe_violations_with_search_results_open(page: Page, site: Site):
    page.goto(site.url)
    box = page.locator("[data-md-component=search-query]")
    box.click()
    box.press_sequentially("council")  # many hits: highlighted terms, "more" groups, the count
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    expect(page.locator(".md-search-result mark").first).to_be_visible()
    dialog = page.locator(".md-search[role=dialog]")
    expect(dialog).to_have_attribute("aria-label", "Search this site")
    violations = axe_violations(page)
    assert not violations, describe("home with search results open", violations)


def test_search_dialog_keeps_its_name_after_instant_navigation(page: Page, site: Site):
    page.goto(site.url)
    page.evaluate("window.__plantrackMarker = 'kept'")
    page.locator("article.md-content__inner").get_by_role("link", name="How we report progress").click()
    page.wait_for_url("**/about/methodology/")
    assert page.evaluate("window.__plantrackMarker") == "kept", "instant navigation did not happen"
    expect(page.locator(".md-search[role=dialog]")).to_have_attribute("aria-label", "Search this site")
