"""Open data published with the site: downloads, feeds and calendars.

:func:`files` returns extra files and pages by path, added to the site beside the pages;
:data:`NAV` lists the pages to show in the navigation as (title, path).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .render import Renderer

NAV: list[tuple[str, str]] = []


def files(renderer: Renderer) -> dict[str, str]:
    """Every open-data file and page of the site, by path."""
    return {}
