"""Ids and the file names made from them, and the ids the site keeps for its own files.

A ref becomes a page's file name (``2.05`` -> ``2-05``); a ref whose name would be one of the
site's own folders gets ``item-`` before it. A plan id names a plan's folder and data files, so
the names of the whole site's data files (``all-plans``, ``updates``, ``schema``) are refused as
plan ids when the content is checked. :mod:`generator.pages.paths` builds every address from
these.
"""

from __future__ import annotations

import re
import unicodedata

RESERVED_SLUGS = frozenset({"index", "assets", "search", "downloads", "rounds"})
"""File names an item's ref may not take in its plan's folder."""

ALL_PLANS = "all-plans"
"""The name of the data files that hold every plan."""

RESERVED_PLAN_IDS = frozenset({ALL_PLANS, "updates", "schema"})
"""Plan ids that would give a plan's files the names of the whole site's files
(``downloads/schema.json`` is the content format's JSON Schema)."""


def ascii_slug(text: str) -> str:
    """Lowercase ASCII letters, digits and single hyphens: a safe file name ("" if none). A
    translated text gives its first language's slug, so a page has one address in every
    language."""
    text = getattr(text, "base", text)
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")


def ref_slug(ref: str) -> str:
    """The file name an item's ref becomes: lowercase ASCII letters, digits and hyphens."""
    slug = ascii_slug(ref)
    return f"item-{slug}" if slug in RESERVED_SLUGS else slug
