"""Where each generated page lives, and links between them.

Pages are written as Markdown files (``plans/charter/2-05.md``); with MkDocs' default
``use_directory_urls`` each is served at a folder address (``plans/charter/2-05/``). Links in the
generated HTML are relative, so the site works from any folder and on a file server.
"""

from __future__ import annotations

import posixpath
import re
from urllib.parse import quote

from generator.content.ids import ascii_slug
from generator.content.model import Decision, Item, Plan, Round

HOME = "index.md"
METHODOLOGY = "about/methodology.md"
GLOSSARY = "about/glossary.md"
REFERENCE = "reference/content-format.md"
SCHEMA = "downloads/schema.json"
OPEN_DATA = "open-data.md"
CHANGES = "changes.md"
SITE_FEED = "feeds/updates.xml"
LEADS = "browse/leads/index.md"
TAGS = "browse/tags/index.md"
AREAS = "browse/areas/index.md"
STATUS = "browse/status/index.md"
CONFIDENCE = "browse/confidence/index.md"
DUE = "browse/due.md"
INDICATORS = "browse/indicators.md"
REPORTS = "reports/index.md"
CORRECTIONS = "corrections.md"
_URL_SAFE = re.compile(r"[A-Za-z0-9_.~/-]*")
"""Characters ``quote`` leaves as they are: a path of only these needs no quoting."""


def plan_page(plan: Plan | str) -> str:
    plan_id = plan if isinstance(plan, str) else plan.id
    return f"plans/{plan_id}/index.md"


def parts_folder(page: str) -> str:
    """Where the pages of a long list go: beside its page, in a folder of its name
    (``plans/<plan>/items/`` for a plan's table)."""
    return page[: -len("/index.md")] + "/items" if page.endswith("/index.md") else page[:-3]


def item_page(item: Item) -> str:
    return f"plans/{item.plan_id}/{item.slug}.md"


def decision_page(decision: Decision | str) -> str:
    decision_id = decision if isinstance(decision, str) else decision.id
    return f"decisions/{decision_id}.md"


def slug(text: str) -> str:
    """A file name for a name: lowercase ASCII letters, digits and hyphens ("item" if empty)."""
    found = ascii_slug(text) or "item"
    return "named-index" if found == "index" else found


def report_page(plan: Plan) -> str:
    return f"reports/{plan.id}.md"


def lead_page(name: str) -> str:
    return f"browse/leads/{slug(name)}.md"


def tag_page(tag: str) -> str:
    return f"browse/tags/{slug(tag)}.md"


def status_page(word: str) -> str:
    return f"browse/status/{word}.md"


def confidence_page(level: str) -> str:
    """The page of items with one confidence level ("none": no confidence given)."""
    return f"browse/confidence/{level}.md"


def area_page(plan: Plan, area_id: str) -> str:
    return f"browse/areas/{plan.id}/{area_id}.md"


def badge_path(item: Item) -> str:
    """Where an item's badge is published, relative to the site root."""
    return f"badges/{item.plan_id}/{item.slug}.svg"


def csv_file(name: str) -> str:
    return f"downloads/{name}.csv"


def json_file(name: str) -> str:
    return f"downloads/{name}.json"


def feed_file(plan_id: str) -> str:
    return f"feeds/{plan_id}.xml"


def item_feed_file(item: Item) -> str:
    """The Atom feed of one item's updates."""
    return f"feeds/items/{item.plan_id}/{item.slug}.xml"


def lead_feed_file(name: str) -> str:
    """The Atom feed of the updates of every item a lead leads (the feed of lead_page)."""
    return f"feeds/leads/{slug(name)}.xml"


def area_feed_file(plan: Plan, area_id: str) -> str:
    """The Atom feed of the updates of a plan's items in one area (the feed of area_page)."""
    return f"feeds/areas/{plan.id}/{area_id}.xml"


def rounds_page(plan: Plan) -> str:
    """The list of a plan's reporting rounds."""
    return f"plans/{plan.id}/rounds/index.md"


def round_page(plan: Plan, found: Round) -> str:
    """The plan as reported at one round, compared with the round before."""
    return f"plans/{plan.id}/rounds/{found.slug}.md"


def calendar_file(plan_id: str) -> str:
    return f"calendars/{plan_id}.ics"


def address(page: str, directory_urls: bool = True) -> str:
    """The address a page is served at, relative to the site root ("" for the home page)."""
    if not page.endswith(".md"):
        return page
    if not directory_urls:
        return page[:-3] + ".html"
    if page == "index.md" or page.endswith("/index.md"):
        return page[: -len("index.md")]
    return page[:-3] + "/"


def link(from_page: str, to_page: str, directory_urls: bool = True) -> str:
    """A relative link from one page to another, as it must appear in the built HTML."""
    here = posixpath.dirname(address(from_page, directory_urls)) or "."
    target = address(to_page, directory_urls)
    relative = _relative(target or ".", here)
    if target.endswith("/") or not target:
        relative += "/"
    return relative if _URL_SAFE.fullmatch(relative) else quote(relative)


def _relative(target: str, start: str) -> str:
    """``posixpath.relpath`` for two paths inside the site, without asking the file system for
    the working folder (a site links tens of thousands of times)."""
    to = [part for part in target.split("/") if part not in ("", ".")]
    here = [part for part in start.split("/") if part not in ("", ".")]
    if ".." in to or ".." in here:
        return posixpath.relpath(target, start)
    common = 0
    for mine, theirs in zip(to, here):
        if mine != theirs:
            break
        common += 1
    return "/".join([".."] * (len(here) - common) + to[common:]) or "."


def absolute(site_url: str, page: str, directory_urls: bool = True) -> str:
    """The full public address of a page."""
    return site_url.rstrip("/") + "/" + quote(address(page, directory_urls))
