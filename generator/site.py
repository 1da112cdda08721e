"""The whole site, assembled: every page and download file of a loaded site, by path.

This is the one place that puts the layers together: the pages of plans, items and decisions
(:mod:`generator.pages`), the views that answer residents' questions (:mod:`generator.views`)
and the open data (:mod:`generator.opendata`). It may import all three; none of them imports
it. The MkDocs plugin and ``plantrack pages`` call :func:`render_site`.
"""

from __future__ import annotations

from datetime import date

from generator.content.model import Site
from generator.opendata import downloads
from generator.pages import paths
from generator.pages.engine import Options, Renderer, long_lived_spared
from generator.pages.parts import ROWS_PER_PAGE
from generator.views import dashboard, rounds


def render_site(site: Site, as_of: date | None = None, directory_urls: bool = True,
                search_words: int | None = None,
                rows_per_page: int = ROWS_PER_PAGE) -> dict[str, str]:
    """Every generated page of a loaded site, by path: Markdown pages and download files.

    ``search_words``: index only that many words of each item's own text for search.
    ``rows_per_page``: the most rows of a list on one page (longer lists are split).
    """
    options = Options(as_of=as_of or site.as_of or date.today(), directory_urls=directory_urls,
                      search_words=search_words, rows_per_page=rows_per_page)
    with long_lived_spared():
        return site_pages(Renderer(site, options, page_views=dashboard.PageViews))


def site_pages(renderer: Renderer) -> dict[str, str]:
    """Every generated page, by its path in the docs folder."""
    site = renderer.site
    pages = {paths.HOME: renderer.home()}
    for plan in site.plans:
        pages.update(renderer.plan_pages(plan))
        for item in plan.walk():
            pages.update(renderer.item_pages(plan, item))
    for decision in site.decisions:
        pages[paths.decision_page(decision)] = renderer.decision(decision)
    pages.update(renderer.about_pages())
    pages.update(downloads.files(renderer))
    pages.update(dashboard.pages(renderer))
    pages.update(rounds.pages(renderer))
    return pages
