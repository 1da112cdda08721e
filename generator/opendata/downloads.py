"""Open data published with the site: downloads, feeds, calendars and the pages that list them.

:func:`files` returns extra files and pages by path, added to the site beside the pages;
:data:`NAV` lists the pages to show in the navigation as (title, path).

For each plan: ``downloads/<plan>.csv`` and ``.json`` (every item), ``feeds/<plan>.xml`` (its
updates) and, when any item has a deadline, ``calendars/<plan>.ics``. For the whole site:
``downloads/all-plans.csv`` and ``.json`` and ``feeds/updates.xml``. The "Open data" page lists
them all with the licence and every column; "What's changed" lists the updates by date.
The plan page links its own files (``templates/plan_downloads.html.j2``, same names).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from itertools import groupby

from generator.content.ids import ALL_PLANS
from generator.content.model import Plan, Site
from generator.content.schema import ITEM, TARGET, UPDATE, Field
from generator.opendata.exporting import csv_header, csv_lines, json_document, json_lines
from generator.opendata.feeds import (
    FEED_ENTRIES,
    Entry,
    FeedInfo,
    Links,
    atom,
    calendar,
    dated_items,
    entries,
)
from generator.opendata.itemrows import COLUMNS, LIST_FIELDS, NO_SOURCE_REF, SEPARATOR, plan_rows
from generator.pages import follow, paths
from generator.pages.engine import Renderer
from generator.pages.paths import (
    CHANGES,
    OPEN_DATA,
    SITE_FEED,
    calendar_file,
    csv_file,
    feed_file,
    json_file,
)

CHANGES_TITLE = "What’s changed"

NAV: list[tuple[str, str]] = [("Open data", OPEN_DATA), (CHANGES_TITLE, CHANGES)]


@dataclass(frozen=True)
class Download:
    """One file in the Open data page's table."""

    path: str
    size: int

    @property
    def name(self) -> str:
        return self.path.rsplit("/", 1)[-1]

    @property
    def size_text(self) -> str:
        kilobytes = self.size / 1000
        return f"{kilobytes:.1f} KB" if kilobytes < 1000 else f"{kilobytes / 1000:.1f} MB"


def files(renderer: Renderer) -> dict[str, str]:
    """Every open-data file and page of the site, by path."""
    site, directory_urls = renderer.site, renderer.options.directory_urls
    links = Links(site, directory_urls)
    updates = entries(site.plans, links)
    found: dict[str, str] = {}
    header = csv_header()
    plan_table = {plan.id: list(plan_rows(plan)) for plan in site.plans}  # each item once
    rows = {plan.id: csv_lines(plan_table[plan.id]) for plan in site.plans}
    items = {plan.id: json_lines(plan, plan_table[plan.id]) for plan in site.plans}
    for plan in site.plans:
        found[csv_file(plan.id)] = header + rows[plan.id]
        found[json_file(plan.id)] = json_document(site, [plan], [items[plan.id]],
                                                  directory_urls)
        found[feed_file(plan.id)] = atom(_plan_feed(site, plan, links, renderer.options.as_of),
                                         [e for e in updates if e.plan is plan], site.licence)
        if dated_items(plan):
            found[calendar_file(plan.id)] = calendar(plan, links)
    found[csv_file(ALL_PLANS)] = header + "".join(rows.values())
    found[json_file(ALL_PLANS)] = json_document(site, site.plans, list(items.values()),
                                                directory_urls)
    found[SITE_FEED] = atom(_site_feed(site, links, renderer.options.as_of), updates,
                            site.licence)
    found.update(_follow_feeds(site, links, updates, renderer.options.as_of))
    found[OPEN_DATA] = _open_data_page(renderer, found)
    found[CHANGES] = renderer.render_page(
        "changes.md.j2", CHANGES, CHANGES_TITLE,
        "Progress updates on the council's plans, newest first, grouped by reporting date.",
        days=recent_days(updates), total=len(updates), feed=SITE_FEED, open_data=OPEN_DATA,
        downloads=(csv_file(ALL_PLANS), json_file(ALL_PLANS)))
    return found


CHANGES_SHOWN = 200
"""What's changed lists the newest updates, whole days at a time, until it has this many."""


def by_day(updates: list[Entry]) -> list[tuple[date, list[Entry]]]:
    """Updates (newest first) grouped by their date."""
    return [(day, list(group)) for day, group in groupby(updates, key=lambda e: e.update.date)]


def recent_days(updates: list[Entry],
                shown: int = CHANGES_SHOWN) -> list[tuple[date, list[Entry]]]:
    """The newest days of updates, whole days, until at least ``shown`` updates are listed."""
    days, count = [], 0
    for day, entries in by_day(updates):
        if count >= shown:
            break
        days.append((day, entries))
        count += len(entries)
    return days


def column_docs() -> list[tuple[str, str]]:
    """Every column of the downloads, in order, with what it holds."""
    docs = {
        "plan": "The plan's id, as in the address of its page and the names of its files.",
        "parent": "The ref of the item this item sits under; empty at the top of the plan.",
        **{f.name: f.doc for f in ITEM},
    }
    lists = f" Several values are separated by “{SEPARATOR.strip()}”."
    notes = {
        **{name: lists for name in LIST_FIELDS},
        "updates": _json_note(UPDATE),
        "targets": _json_note(TARGET),
        "source_ref": f" “{NO_SOURCE_REF}” when the source gives the item no ref.",
        "progress": " A whole number.",
    }
    return [(column, docs[column] + notes.get(column, "")) for column in COLUMNS]


def _json_note(fields: Iterable[Field]) -> str:
    names = ", ".join(f.name for f in fields)
    return f" In the CSV, JSON text: a list of objects with {names}."


def _open_data_page(renderer: Renderer, found: dict[str, str]) -> str:

    site = renderer.site

    def download(path: str) -> Download | None:
        text = found.get(path)
        return Download(path, len(text.encode("utf-8"))) if text is not None else None

    rows: list[tuple[Plan | None, int, list[Download | None]]] = [
        (None, sum(_count(plan) for plan in site.plans),
         [download(csv_file(ALL_PLANS)), download(json_file(ALL_PLANS)), download(SITE_FEED),
          None]),
        *((plan, _count(plan),
           [download(csv_file(plan.id)), download(json_file(plan.id)),
            download(feed_file(plan.id)), download(calendar_file(plan.id))])
          for plan in site.plans),
    ]
    return renderer.render_page(
        "opendata.md.j2", OPEN_DATA, "Open data",
        "Every item of every plan as CSV and JSON, feeds of progress updates and calendars "
        "of due dates, with the licence and a description of every column.",
        rows=rows, columns=column_docs(), schema=paths.SCHEMA, changes=CHANGES, feed=SITE_FEED,
        feed_entries=FEED_ENTRIES)


def _count(plan: Plan) -> int:
    return sum(1 for _ in plan.walk())


def _follow_feeds(site: Site, links: Links, updates: list[Entry],
                  as_of: date) -> dict[str, str]:
    """The feed of every item, lead and area (:func:`generator.pages.follow.followed`)."""
    by_item: dict[int, list[Entry]] = {}
    for entry in updates:  # newest first, and so stays each feed's list
        by_item.setdefault(id(entry.item), []).append(entry)
    found: dict[str, str] = {}
    for feed in follow.followed(site):
        chosen = [e for item in feed.items for e in by_item.get(id(item), [])]
        if len(feed.items) > 1:
            chosen.sort(key=lambda entry: entry.update.date, reverse=True)
        plans = {item.plan_id for item in feed.items}
        plan = site.plan(next(iter(plans))) if len(plans) == 1 else None
        info = FeedInfo(feed.title, feed.subtitle, links.page(feed.path), links.page(feed.page),
                        (plan.organisation if plan else None) or site.council,
                        (plan.reported if plan else None) or as_of)
        found[feed.path] = atom(info, chosen, site.licence)
    return found


def _plan_feed(site: Site, plan: Plan, links: Links, as_of: date) -> FeedInfo:
    return FeedInfo(
        title=f"{plan.title}: progress updates",
        subtitle=f"The newest progress updates on {plan.title}.",
        self_url=links.page(feed_file(plan.id)),
        page_url=links.page(paths.plan_page(plan)),
        author=plan.organisation or site.council,
        fallback_updated=plan.reported or as_of,
    )


def _site_feed(site: Site, links: Links, as_of: date) -> FeedInfo:
    reported = [plan.reported for plan in site.plans if plan.reported]
    return FeedInfo(
        title=f"{site.title}: progress updates",
        subtitle=f"The newest progress updates on every plan published by {site.council}.",
        self_url=links.page(SITE_FEED),
        page_url=links.page(CHANGES),
        author=site.council,
        fallback_updated=max(reported, default=as_of),
    )
