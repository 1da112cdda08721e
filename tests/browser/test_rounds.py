"""Reporting rounds in a real browser: the rounds fixture built with ``mkdocs build --strict``
and served, read at 390 px and 1280 px.

axe finds no violation on the pages a round brings (the rounds, a round's page, the
corrections page, an item page with evidence and a correction), no table scrolls sideways on
a phone, and the journey a parish clerk takes works: from the plan to its rounds, to Q3, to
the item that slipped, whose corrected entry is marked beside its correction.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser

from ..conftest import FIXTURES
from .conftest import Site, built_and_served
from .test_tables import measure
from .test_two_axes import WIDTHS, opened

pytestmark = pytest.mark.browser

PAGES = ["plans/riverside/rounds/", "plans/riverside/rounds/q3-2024-25/",
         "plans/riverside/rounds/q1-2024-25/", "corrections/", "plans/riverside/1-2/",
         "plans/riverside/1-1/"]


@pytest.fixture(scope="module")
def rounds_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    with built_and_served(tmp_path_factory.mktemp("rounds-site"),
                          content=FIXTURES / "rounds") as served:
        yield served


@pytest.mark.parametrize("path", PAGES)
def test_round_pages_have_no_axe_violations_and_fit_a_phone(browser: Browser, rounds_site: Site,
                                                           path: str) -> None:
    for viewport in WIDTHS:
        with opened(browser, viewport, rounds_site.url + path, f"/{path}") as page:
            if "/rounds/" in path:  # the pages with tables: every row's ref, title, status
                measure(page, f"/{path} at {viewport}", viewport != "1280px")
            assert page.evaluate("document.documentElement.scrollWidth <= "
                                 "document.documentElement.clientWidth"), f"/{path} {viewport}"


@pytest.mark.parametrize("viewport", WIDTHS)
def test_from_the_plan_to_the_round_to_the_item_that_slipped(browser: Browser,
                                                             rounds_site: Site,
                                                             viewport: str) -> None:
    with opened(browser, viewport, rounds_site.url + "plans/riverside/", "the journey") as page:
        page.locator("article a", has_text="Reporting rounds").first.click()
        page.wait_for_url("**/plans/riverside/rounds/")
        page.locator("article a", has_text="Q3 2024/25").first.click()
        page.wait_for_url("**/rounds/q3-2024-25/")
        slipped = page.locator("h3:has-text('Slipped') + *")
        assert "1.2 Add 20 litter bins on the high street" in slipped.inner_text()
        dropped = page.locator("h3:has-text('Dropped') + *")
        assert "1.3 Trial food waste collections" in dropped.inner_text()
        slipped.locator("a", has_text="1.2").first.click()
        page.wait_for_url("**/plans/riverside/1-2/")
        page.wait_for_load_state("load")
        entry = page.locator("#update-2024-09-25")
        assert "Corrected on 20 October 2024" in entry.inner_text()
        entry.locator("a", has_text="Corrected on 20 October 2024").click()
        assert page.evaluate("location.hash") == "#update-2024-10-20"
        assert "Corrects the update of" in page.locator("#update-2024-10-20").inner_text()
