"""Open data published with the site: downloads, feeds, calendars and the pages that list them.

:func:`files` returns extra files and pages by path, added to the site beside the pages;
:func:`nav` lists the pages to show in the navigation as (title, path), in a catalog's
language (:data:`NAV` in English).

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

from generator.content.catalog import Catalog, english
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
from generator.pages.parts import Group
from generator.pages.paths import (
    CHANGES,
    OPEN_DATA,
    SITE_FEED,
    calendar_file,
    csv_file,
    feed_file,
    json_file,
)


def changes_title(words: Catalog) -> str:
    """The title of the What's changed page."""
    return words("downloads.changes_title")


def nav(words: Catalog) -> list[tuple[str, str]]:
    """The open-data pages to show in the navigation, as (title, path), in ``words``'
    language."""
    return [(words("downloads.open_data"), OPEN_DATA), (changes_title(words), CHANGES)]


NAV: list[tuple[str, str]] = nav(english())
"""The navigation of :func:`nav` in English."""


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
    words = renderer.words
    links = Links(site, directory_urls)
    updates = entries(site.plans, links)
    found: dict[str, str] = {}
    header = csv_header(site.languages)  # every language in every tree: the same files
    plan_table = {plan.id: list(plan_rows(plan, site.languages))  # each item once
                  for plan in site.plans}
    rows = {plan.id: csv_lines(plan_table[plan.id]) for plan in site.plans}
    items = {plan.id: json_lines(plan, plan_table[plan.id]) for plan in site.plans}
    for plan in site.plans:
        found[csv_file(plan.id)] = header + rows[plan.id]
        found[json_file(plan.id)] = json_document(site, [plan], [items[plan.id]],
                                                  directory_urls)
        found[feed_file(plan.id)] = atom(_plan_feed(site, plan, links, renderer.options.as_of),
                                         [e for e in updates if e.plan is plan], site.licence,
                                         words)
        if dated_items(plan):
            found[calendar_file(plan.id)] = calendar(plan, links, words)
    found[csv_file(ALL_PLANS)] = header + "".join(rows.values())
    found[json_file(ALL_PLANS)] = json_document(site, site.plans, list(items.values()),
                                                directory_urls)
    found[SITE_FEED] = atom(_site_feed(site, links, renderer.options.as_of), updates,
                            site.licence, words)
    found.update(_follow_feeds(site, links, updates, renderer.options.as_of, words))
    found[OPEN_DATA] = _open_data_page(renderer, found)
    months = renderer.split(CHANGES, by_month(updates, words))
    found[CHANGES] = renderer.render_page(
        "changes.md.j2", CHANGES, changes_title(words), words("downloads.changes_description"),
        days=recent_days(updates), total=len(updates), feed=SITE_FEED, open_data=OPEN_DATA,
        downloads=(csv_file(ALL_PLANS), json_file(ALL_PLANS)), split=months)
    found.update(renderer.part_pages(months, changes_title(words), "updates", by_day=by_day))
    return found


def by_month(updates: list[Entry], words: Catalog) -> list[Group[Entry]]:
    """Updates (newest first) grouped by the month of their date, under its year."""
    return [Group(f"{month:%Y-%m}", words.month_year(month), list(found), heading=str(month.year))
            for month, found in groupby(updates, key=lambda e: e.update.date.replace(day=1))]


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


def column_docs(words: Catalog | None = None) -> list[tuple[str, str]]:
    """Every column of the downloads, in order, with what it holds (in ``words``' language;
    an item field's text is its ``fields.item.*`` entry, :data:`ITEM`'s doc in English)."""
    words = words or english()
    docs = {
        "plan": words("downloads.column.plan"),
        "parent": words("downloads.column.parent"),
        **{f.name: _field_doc(words, f) for f in ITEM},
    }
    lists = words("downloads.column.list", separator=SEPARATOR.strip())
    notes = {
        **{name: lists for name in LIST_FIELDS},
        "updates": _json_note(UPDATE, words),
        "targets": _json_note(TARGET, words),
        "source_ref": words("downloads.column.no_source_ref", none=NO_SOURCE_REF),
        "progress": words("downloads.column.progress"),
    }
    return [(column, f"{docs[column]} {notes[column]}" if column in notes else docs[column])
            for column in COLUMNS]


def _field_doc(words: Catalog, field: Field) -> str:
    """An item field's text in ``words``' language (its English doc until the catalog has
    it; tests/pages/test_reference_catalog.py says when)."""
    key = f"fields.item.{field.name}"
    return words.pattern(key) if words.has(key) else field.doc


def _json_note(fields: Iterable[Field], words: Catalog) -> str:
    return words("downloads.column.json", fields=", ".join(f.name for f in fields))


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
    words = renderer.words
    return renderer.render_page(
        "opendata.md.j2", OPEN_DATA, words("downloads.open_data"),
        words("downloads.open_data_description"),
        rows=rows, columns=column_docs(words), schema=paths.SCHEMA, changes=CHANGES, feed=SITE_FEED,
        feed_entries=FEED_ENTRIES)


def _count(plan: Plan) -> int:
    return sum(1 for _ in plan.walk())


def _follow_feeds(site: Site, links: Links, updates: list[Entry], as_of: date,
                  words: Catalog) -> dict[str, str]:
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
        found[feed.path] = atom(info, chosen, site.licence, words)
    return found


def _plan_feed(site: Site, plan: Plan, links: Links, as_of: date) -> FeedInfo:
    return FeedInfo(
        title=site.words("feeds.title", name=plan.title),
        subtitle=site.words("feeds.plan_subtitle", plan=plan.title),
        self_url=links.page(feed_file(plan.id)),
        page_url=links.page(paths.plan_page(plan)),
        author=plan.organisation or site.council,
        fallback_updated=plan.reported or as_of,
    )


def _site_feed(site: Site, links: Links, as_of: date) -> FeedInfo:
    reported = [plan.reported for plan in site.plans if plan.reported]
    return FeedInfo(
        title=site.words("feeds.title", name=site.title),
        subtitle=site.words("feeds.site_subtitle", council=site.council),
        self_url=links.page(SITE_FEED),
        page_url=links.page(CHANGES),
        author=site.council,
        fallback_updated=max(reported, default=as_of),
    )
