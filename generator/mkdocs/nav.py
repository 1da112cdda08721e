"""The site's navigation: home, plans and their sections, decisions, and the about pages.

Items are never listed in the navigation: every page embeds the navigation, so listing every
item would make the site grow with the square of the number of items. Residents reach items
from plan pages, section pages and search.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.content.model import Site
from generator.opendata import downloads
from generator.pages import paths
from generator.pages.paths import GLOSSARY, METHODOLOGY, REFERENCE
from generator.pages.text import plain_title
from generator.views import dashboard

NavEntry = dict[str, Any] | str


def build_nav(site: Site, docs_dir: Path | None) -> list[NavEntry]:
    """A MkDocs ``nav`` list. Titles are HTML-escaped: MkDocs prints nav titles unescaped."""
    plans: list[NavEntry] = []
    for plan in site.plans:
        children: list[NavEntry] = [paths.plan_page(plan)]
        children += [
            {plain_title(f"{item.ref} {item.title}"): paths.item_page(item)}
            for item in plan.items
            if item.kind == "section"
        ]
        if plan.rounds:  # one entry for all the rounds: each round's page is linked from it
            children.append({"Reporting rounds": paths.rounds_page(plan)})
        plans.append({plain_title(plan.title): children})
    nav: list[NavEntry] = [{"Home": paths.HOME}, {"Plans": plans}]
    if site.decisions:
        nav.append({"Decisions": [
            {plain_title(f"{d.reference or d.id}: {d.title}"): paths.decision_page(d)}
            for d in site.decisions
        ]})
    browse = list(dashboard.NAV)
    if site.uses_confidence:  # only a site with a second axis has pages by confidence
        after = next((i + 1 for i, (_, path) in enumerate(browse) if path == paths.STATUS),
                     len(browse))
        browse.insert(after, dashboard.CONFIDENCE_NAV)
    if browse:
        nav.append({"Browse": [{title: path} for title, path in browse]})
    if downloads.NAV:
        nav.append({"Open data": [{title: path} for title, path in downloads.NAV]})
    nav.append({"About this site": [METHODOLOGY, GLOSSARY, *_written_pages(docs_dir),
                                       REFERENCE]})
    return nav


def _written_pages(docs_dir: Path | None) -> list[str]:
    if docs_dir is None or not docs_dir.is_dir():
        return []
    return sorted(
        path.relative_to(docs_dir).as_posix()
        for path in docs_dir.rglob("*.md")
        if path.relative_to(docs_dir).as_posix() != paths.HOME
    )
