"""How long a resident waits for search results, in Debian's Chromium (Playwright).

Each run opens the home page in a fresh browser profile (nothing cached), clicks Material's
search box, types a query key by key (Material searches on keyup) and waits for the first
result. Material's web worker fetches ``search_index.json`` and builds its index after the page
loads; the query waits for it. The figure is the time from asking for the page until the first
result shows, and, inside it, from the page's load event.
"""

from __future__ import annotations

import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser.conftest import launch_chromium  # noqa: E402

QUERY = "parish council"
"""Two words found on nearly every synthetic item: the most results to rank and show."""
RESULT = ".md-search-result__item"
BOX = "[data-md-component=search-query]"


@dataclass(frozen=True)
class SearchTiming:
    """Seconds from navigation to the first result, and from the load event, over runs."""

    query: str
    from_navigation: list[float]
    from_load: list[float]
    results: str

    @property
    def median(self) -> float:
        return statistics.median(self.from_navigation)


def one_search(browser, url: str, query: str) -> tuple[float, float, str]:  # noqa: ANN001
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="en-GB")
    try:
        page = context.new_page()
        started = time.perf_counter()
        page.goto(url, wait_until="load")
        loaded = time.perf_counter()
        box = page.locator(BOX)
        box.click()
        box.press_sequentially(query)
        page.wait_for_selector(RESULT, timeout=120_000)
        done = time.perf_counter()
        meta = page.locator(".md-search-result__meta").inner_text()
        return done - started, done - loaded, meta
    finally:
        context.close()


def time_search(url: str, query: str, runs: int = 3) -> SearchTiming:
    from playwright.sync_api import sync_playwright

    navigation: list[float] = []
    load: list[float] = []
    meta = ""
    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            for _ in range(runs):
                total, after_load, meta = one_search(browser, url, query)
                navigation.append(total)
                load.append(after_load)
        finally:
            browser.close()
    return SearchTiming(query, navigation, load, meta)
