"""Plan Tracker: a council's plans as data, published as pages with a progress badge each.

The core (load, validate, model, render) imports nothing from MkDocs; the MkDocs plugin and
the ``plantrack`` command are thin adapters over :func:`build_pages`.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from generator.content.errors import ContentError, PlanTrackerError, Problem
from generator.content.loading import load_site
from generator.content.model import Site
from generator.pages.engine import Options, Renderer, long_lived_spared

__all__ = [
    "ContentError",
    "PlanTrackerError",
    "Problem",
    "Site",
    "build_pages",
    "load_site",
    "render_site",
]


def render_site(site: Site, as_of: date | None = None, directory_urls: bool = True,
                search_words: int | None = None) -> dict[str, str]:
    """Every generated page of a loaded site, by path: Markdown pages and download files.

    ``search_words``: index only that many words of each item's own text for search.
    """
    options = Options(as_of=as_of or site.as_of or date.today(), directory_urls=directory_urls,
                      search_words=search_words)
    with long_lived_spared():
        return Renderer(site, options).pages()


def build_pages(content: Path | str, as_of: date | None = None) -> dict[str, str]:
    """Load, check and render a content folder in one call."""
    return render_site(load_site(content, as_of=as_of), as_of)
