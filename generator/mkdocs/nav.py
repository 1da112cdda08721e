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
    """A MkDocs ``nav`` list, titled in the language being built. Titles are HTML-escaped:
    MkDocs prints nav titles unescaped."""
    words = site.words
    plans: list[NavEntry] = []
    for plan in site.plans:
        children: list[NavEntry] = [paths.plan_page(plan)]
        children += [
            {plain_title(f"{item.ref} {item.title}"): paths.item_page(item)}
            for item in plan.items
            if item.kind == "section"
        ]
        if plan.rounds:  # one entry for all the rounds: each round's page is linked from it
            children.append({words("nav.rounds"): paths.rounds_page(plan)})
        plans.append({plain_title(plan.title): children})
    nav: list[NavEntry] = [{words("nav.home"): paths.HOME}, {words("nav.plans"): plans}]
    if site.decisions:
        nav.append({words("nav.decisions"): [
            {plain_title(f"{d.reference or d.id}: {d.title}"): paths.decision_page(d)}
            for d in site.decisions
        ]})
    browse = dashboard.nav(words)
    if site.uses_confidence:  # only a site with a second axis has pages by confidence
        after = next((i + 1 for i, (_, path) in enumerate(browse) if path == paths.STATUS),
                     len(browse))
        browse.insert(after, dashboard.confidence_nav(words))
    if browse:
        nav.append({words("nav.browse"): [{title: path} for title, path in browse]})
    nav.append({words("nav.open_data"): [{title: path}
                                          for title, path in downloads.nav(words)]})
    written = _written_pages(docs_dir, site.languages[1:])
    nav.append({words("nav.about"): [METHODOLOGY, GLOSSARY, *written, REFERENCE]})
    return nav


def _written_pages(docs_dir: Path | None, other_languages: list[str]) -> list[str]:
    """The hand-written pages, once each: ``x.cy.md`` is the Welsh version of ``x.md``."""
    if docs_dir is None or not docs_dir.is_dir():
        return []
    versions = tuple(f".{code}.md" for code in other_languages)
    return sorted(
        page for path in docs_dir.rglob("*.md")
        if (page := path.relative_to(docs_dir).as_posix()) != paths.HOME
        and not (versions and page.endswith(versions))
    )
