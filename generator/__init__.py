"""Plan Tracker: a council's plans as data, published as pages with a progress badge each.

The core (load, validate, model, render) imports nothing from MkDocs; the MkDocs plugin and
the ``plantrack`` command are thin adapters over :func:`build_pages`. The renderer (and so
Jinja2) is imported only when :func:`render_site` is first used, so importing a part of the
content layer (``generator.content.dates``, say) loads no templating.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from generator.content.errors import ContentError, PlanTrackerError, Problem
from generator.content.loading import load_site
from generator.content.model import Site

if TYPE_CHECKING:
    from generator.site import render_site

__all__ = [
    "ContentError",
    "PlanTrackerError",
    "Problem",
    "Site",
    "build_pages",
    "load_site",
    "render_site",
]


def __getattr__(name: str) -> Any:
    if name == "render_site":
        from generator.site import render_site

        return render_site
    raise AttributeError(f"module 'generator' has no attribute {name!r}")


def build_pages(content: Path | str, as_of: date | None = None) -> dict[str, str]:
    """Load, check and render a content folder in one call."""
    from generator.site import render_site

    return render_site(load_site(content, as_of=as_of), as_of)
