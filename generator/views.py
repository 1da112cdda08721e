"""Views that answer residents' questions: dashboards, browse pages, embeddable badges.

:func:`pages` returns extra pages and files by path; :data:`NAV` lists the pages to show in
the navigation as (title, path).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .render import Renderer

NAV: list[tuple[str, str]] = []


def pages(renderer: Renderer) -> dict[str, str]:
    """Every view page of the site, by path."""
    return {}
