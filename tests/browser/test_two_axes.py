"""Two axes in a real browser: the twoaxis fixture (status and confidence), built with
``mkdocs build --strict`` and served, at 390 px and 1280 px.

The item page shows its status badge and its confidence badge side by side, each with its
words ("In progress", "Confidence: Amber"); on the plan's table every row's status cell shows
both badges whole, without scrolling sideways (measured as ``test_tables`` measures every
table); and axe finds no violation on those pages, nor on the pages by confidence, the home
page's counts or the methodology page's scale.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from ..conftest import FIXTURES
from .conftest import Site, built_and_served
from .test_accessibility import axe_violations, describe
from .test_tables import VIEWPORTS, measure

pytestmark = pytest.mark.browser

TWOAXIS = FIXTURES / "twoaxis"
WIDTHS = ["390px", "1280px"]
ITEM = "plans/corporate/1-1/"
PLAN = "plans/corporate/"
OTHER_PAGES = ["", "browse/confidence/", "browse/confidence/amber/", "about/methodology/",
               "reports/corporate/", "plans/corporate/1/"]

# The badges of the item page's status line: their words, and whether each lies whole inside
# the viewport and inside its own box (nothing clipped).
STATUS_LINE = """() => {
  const vw = document.documentElement.clientWidth;
  return [...document.querySelectorAll(".pt-status .pt-badge")].map(badge => {
    badge.scrollIntoView({block: "center"});
    const r = badge.getBoundingClientRect();
    return {text: badge.textContent.trim(), classes: badge.className,
            inside: r.left >= -0.5 && r.right <= vw + 0.5 && r.width > 0 && r.height > 0,
            clipped: badge.scrollWidth > badge.clientWidth || badge.scrollHeight > badge.clientHeight + 1,
            top: Math.round(r.top)};
  });
}"""

# The status cell of each row of the plan's table: the words of its badges.
STATUS_CELLS = """() => [...document.querySelectorAll("#pt-items tbody tr")].map(row => ({
  ref: row.querySelector(".pt-ref").textContent.trim(),
  badges: [...row.querySelectorAll(".pt-col-status .pt-badge")].map(b => b.textContent.trim()),
}))"""


@pytest.fixture(scope="module")
def twoaxis_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The site of ``tests/fixtures/twoaxis``, built for the address it is served on."""
    with built_and_served(tmp_path_factory.mktemp("twoaxis-site"), content=TWOAXIS) as served:
        yield served


@contextlib.contextmanager
def opened(browser: Browser, viewport: str, url: str, where: str) -> Iterator[Page]:
    """The page at ``url`` in a viewport of that width; axe is run on it when the test is done
    with it, and must find no violation."""
    context = browser.new_context(**VIEWPORTS[viewport])
    try:
        page = context.new_page()
        response = page.goto(url)
        assert response is not None and response.ok, f"{url} did not load"
        page.wait_for_load_state("load")
        yield page
        violations = axe_violations(page)
        assert not violations, describe(f"{where} at {viewport}", violations)
    finally:
        context.close()


@pytest.mark.parametrize("viewport", WIDTHS)
def test_the_item_page_shows_status_and_confidence_side_by_side(
        browser: Browser, twoaxis_site: Site, viewport: str) -> None:
    with opened(browser, viewport, twoaxis_site.url + ITEM, ITEM) as page:
        badges = page.evaluate(STATUS_LINE)
        assert [b["text"] for b in badges] == ["In progress", "Confidence: Amber"], badges
        assert "pt-confidence" in badges[1]["classes"]
        assert all(b["inside"] and not b["clipped"] for b in badges), f"{viewport}: {badges}"
        assert abs(badges[0]["top"] - badges[1]["top"]) < 60, f"not together: {badges}"
        details = page.locator("table.pt-details").inner_text()
        assert "Amber (the council’s wording: Amber - some risk)" in details
        assert "Reason given: Contractor availability may delay the fit-out." in details


@pytest.mark.parametrize("viewport", WIDTHS)
def test_the_plan_table_shows_both_badges_whole(browser: Browser, twoaxis_site: Site,
                                                viewport: str) -> None:
    with opened(browser, viewport, twoaxis_site.url + PLAN, PLAN) as page:
        cells = {row["ref"]: row["badges"] for row in page.evaluate(STATUS_CELLS)}
        assert cells["1.1"] == ["In progress", "Confidence: Amber"], cells
        assert cells["1.2"] == ["In progress", "Confidence: Red"], cells
        assert cells["1.3"] == ["Complete", "Confidence: Green"], cells
        assert cells["2"] == ["Not started"], cells  # no confidence given: no second badge
        found = measure(page, f"{PLAN} at {viewport}", viewport != "1280px")
        assert found["badges"] >= 7


@pytest.mark.parametrize("path", OTHER_PAGES)
def test_pages_with_confidence_have_no_axe_violations(browser: Browser, twoaxis_site: Site,
                                                      path: str) -> None:
    for viewport in WIDTHS:
        with opened(browser, viewport, twoaxis_site.url + path, f"/{path}") as page:
            assert "Confidence" in page.locator("article").inner_text(), path
