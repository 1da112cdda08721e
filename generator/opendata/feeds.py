"""Telling residents when things change: an Atom feed of updates and an iCalendar of due dates.

Atom (RFC 4287): one entry per dated update, newest first. An entry's id is the address of
its item's page with ``#update-<date>`` (``-2``, ``-3`` for further updates that day), so it
stays the same on every rebuild; the same update has the same id in the plan's feed and in the
site's. Dates are whole days, written as midnight UTC.

iCalendar (RFC 5545): one all-day event per item with a deadline
(:attr:`generator.dates.Due.deadline`). UID is ``<plan>/<item page name>@<site host>``;
DTSTAMP is the item's newest update, else the plan's reported date, else the deadline itself,
so a rebuild of the same data writes the same file.

Their words (titles, entry text, event summaries) come from the site's catalog
(``feeds.*``), in the language being built; the feed says which (``xml:lang``).

XML is written by :mod:`xml.etree.ElementTree`; iCalendar text is escaped and folded here.
Characters neither format can hold (control characters) become U+FFFD.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from urllib.parse import urlsplit

from generator.content.catalog import Catalog
from generator.content.model import Item, Plan, Site, Update
from generator.content.rules import makes_deadline_claims
from generator.content.status import Confidence
from generator.pages import paths
from generator.pages.engine import due_before, update_anchors

ATOM = "http://www.w3.org/2005/Atom"
PRODID = "-//Plan Tracker//Plan Tracker//EN"
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_NOT_ICAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Entry:
    """One dated update of one item, with the id it keeps in every feed."""

    plan: Plan
    item: Item
    update: Update
    url: str
    anchor: str

    @property
    def id(self) -> str:
        return f"{self.url}#{self.anchor}"


class Links:
    """Absolute addresses of a site's pages and files."""

    def __init__(self, site: Site, directory_urls: bool = True) -> None:
        self.site = site
        self.directory_urls = directory_urls

    def page(self, page: str) -> str:
        return paths.absolute(self.site.url, page, self.directory_urls)

    def item(self, item: Item) -> str:
        return self.page(paths.item_page(item))

    @property
    def host(self) -> str:
        return urlsplit(self.site.url).netloc or "plantrack.invalid"


def entries(plans: Iterable[Plan], links: Links) -> list[Entry]:
    """Every dated update of the plans, newest first (plan order, then item order, on a day)."""
    found = list(_entries(plans, links))
    return sorted(found, key=lambda entry: entry.update.date, reverse=True)


def _entries(plans: Iterable[Plan], links: Links) -> Iterator[Entry]:
    for plan in plans:
        for item in plan.walk():
            anchors = update_anchors(item)
            for update in item.updates:
                yield Entry(plan, item, update, links.item(item), anchors[id(update)])


# --- Atom -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class FeedInfo:
    """What a feed is about: its title, its address, the page it stands for, its author."""

    title: str
    subtitle: str
    self_url: str
    page_url: str
    author: str
    fallback_updated: date
    """The feed's updated date while it has no entries."""


FEED_ENTRIES = 100
"""Entries in a feed: the newest. Feed readers ask again and again, so a feed of every update
of a large site (megabytes) would be fetched whole each time; the open data holds them all."""


def atom(info: FeedInfo, found: list[Entry], licence: str | None, words: Catalog) -> str:
    """An Atom feed of the newest :data:`FEED_ENTRIES` entries (``found`` is newest first),
    in ``words``' language."""
    feed = ET.Element("feed", {"xmlns": ATOM, "xml:lang": words.language})
    _text(feed, "title", info.title)
    _text(feed, "subtitle", info.subtitle)
    _text(feed, "id", info.self_url)
    ET.SubElement(feed, "link", rel="self", type="application/atom+xml", href=info.self_url)
    ET.SubElement(feed, "link", rel="alternate", type="text/html", href=info.page_url)
    _text(feed, "updated", _instant(found[0].update.date if found else info.fallback_updated))
    _text(ET.SubElement(feed, "author"), "name", info.author)
    if licence:
        _text(feed, "rights", licence)
    _text(feed, "generator", "Plan Tracker")
    for entry in found[:FEED_ENTRIES]:
        feed.append(_atom_entry(entry, words))
    ET.indent(feed)
    return ET.tostring(feed, encoding="unicode", xml_declaration=True) + "\n"


def _atom_entry(entry: Entry, words: Catalog) -> ET.Element:
    item, update = entry.item, entry.update
    label = words(f"status.{update.status}.label") if update.status else None
    element = ET.Element("entry")
    _text(element, "title", words("feeds.entry.title", ref=item.ref, title=item.title,
                                  label=label or words("feeds.entry.update")))
    _text(element, "id", entry.id)
    ET.SubElement(element, "link", rel="alternate", type="text/html", href=entry.url)
    _text(element, "published", _instant(update.date))
    corrected = update.corrected_by
    _text(element, "updated", _instant(corrected.date if corrected else update.date))
    if update.status and label:
        ET.SubElement(element, "category", term=update.status, label=label)
    _text(element, "content", _entry_text(entry, label, words), type="text")
    return element


def _entry_text(entry: Entry, label: str | None, words: Catalog) -> str:
    item, update = entry.item, entry.update
    day = update.date.isoformat()
    reported = (words("feeds.entry.reported_status", date=day, status=label) if label
                else words("feeds.entry.reported", date=day))
    if update.wording and update.wording != update.status:
        reported = words("feeds.entry.wording", text=reported, wording=update.wording)
    lines = [words("feeds.entry.about", plan=entry.plan.title, kind=_kind(item, words),
                   ref=item.ref, title=item.title), reported]
    if update.round:
        lines.append(words("feeds.entry.round", round=update.round))
    if update.confidence:
        lines.append(confidence_text(update.confidence, update.confidence_reason, words))
    if update.corrects:
        lines.append(words("feeds.entry.corrects", date=update.corrects.isoformat()))
    if update.corrected_by:
        lines.append(words("feeds.entry.corrected", date=update.corrected_by.date.isoformat()))
    if update.note:
        lines += ["", update.note]
    if update.due:
        lines += ["", _moved(item, update, words)]
    for evidence in update.evidence:
        lines.append(words("feeds.entry.evidence_archived", title=evidence.title,
                           url=evidence.url, archived=evidence.archived) if evidence.archived
                     else words("feeds.entry.evidence", title=evidence.title, url=evidence.url))
    return "\n".join(lines)


def _kind(item: Item, words: Catalog) -> str:
    """The item's kind as a word in running text ("action")."""
    return words(f"item.kind.{item.kind}")


def _moved(item: Item, update: Update, words: Catalog) -> str:
    """A due revision in words: "Due date moved from December 2024 to March 2025. Reason
    given: ..."."""
    assert update.due is not None
    before = due_before(item, update)
    moved = (words("feeds.moved.from_to", before=before.text, after=update.due.text) if before
             else words("feeds.moved.to", after=update.due.text))
    return (words("feeds.moved.reason", moved=moved, reason=update.due_reason)
            if update.due_reason else moved)


def confidence_text(level: Confidence, reason: str | None, words: Catalog) -> str:
    """The second axis in words: "Confidence: Amber (the reason)"."""
    label = words(f"confidence.{level}.label")
    return (words("feeds.confidence_reason", label=label, reason=reason) if reason
            else words("feeds.confidence", label=label))


def _text(parent: ET.Element, tag: str, text: str, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attributes)
    element.text = _NOT_XML.sub("\ufffd", text)
    return element


def _instant(day: date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


# --- iCalendar --------------------------------------------------------------------------------

def dated_items(plan: Plan) -> list[tuple[Item, date]]:
    """The plan's items with a deadline, and the deadline, in the plan's order."""
    return [(item, item.due.deadline) for item in plan.walk() if item.due and item.due.deadline]


def calendar(plan: Plan, links: Links, words: Catalog) -> str:
    """An iCalendar file with one all-day event on the deadline of each dated item, in
    ``words``' language."""
    name = words("feeds.calendar.name", plan=plan.title)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN",
             "METHOD:PUBLISH", f"X-WR-CALNAME:{_ical_text(name)}"]
    for item, deadline in dated_items(plan):
        lines += _event(plan, item, deadline, links, words)
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)


def _event(plan: Plan, item: Item, deadline: date, links: Links,
           words: Catalog) -> list[str]:
    stamp = max((u.date for u in item.updates), default=plan.reported or deadline)
    description = [words("feeds.calendar.about", plan=plan.title, kind=_kind(item, words),
                         ref=item.ref),
                   words("feeds.calendar.due", due=item.due.text if item.due else ""),
                   words("feeds.calendar.status",
                         status=words(f"status.{item.current_status}.label"))]
    judgement = item.current_confidence
    if judgement:
        description.append(confidence_text(judgement.level, judgement.reason, words))
    revisions = [u for u in item.updates if u.due is not None]
    if revisions:
        latest = max(revisions, key=lambda u: u.date)
        first = item.original_due.text if item.original_due else ""
        moved = words("feeds.calendar.moved", first=first, date=latest.date.isoformat())
        description.append(words("feeds.calendar.moved_reason", moved=moved,
                                 reason=latest.due_reason) if latest.due_reason else moved)
    if item.text.get("lead"):
        description.append(words("feeds.calendar.lead", lead=item.text["lead"]))
    claims = makes_deadline_claims(plan)
    if not claims:
        description.append(words(f"feeds.calendar.proposed.{plan.status}"))
    summary = words("feeds.calendar.summary" if claims else "feeds.calendar.summary_proposed",
                    ref=item.ref, title=item.title)
    details = "\n".join(description)
    lines = [
        "BEGIN:VEVENT",
        f"UID:{plan.id}/{item.slug}@{links.host}",
        f"DTSTAMP:{stamp:%Y%m%d}T000000Z",
        *([f"SEQUENCE:{len(revisions)}"] if revisions else []),
        f"DTSTART;VALUE=DATE:{deadline:%Y%m%d}",
        f"DTEND;VALUE=DATE:{deadline + timedelta(days=1):%Y%m%d}",
        f"SUMMARY:{_ical_text(summary)}",
        f"DESCRIPTION:{_ical_text(details)}",
        f"URL:{links.item(item)}",
        "TRANSP:TRANSPARENT",
    ]
    if item.current_status == "cancelled":
        lines.append("STATUS:CANCELLED")
    return [*lines, "END:VEVENT"]


def _ical_text(value: str) -> str:
    """A TEXT value: backslash, semicolon and comma escaped, line breaks as \\n."""
    text = _NOT_ICAL.sub("\ufffd", value)
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return re.sub(r"\r\n|\r|\n", r"\\n", text)


def _fold(line: str) -> str:
    """A content line folded to at most 75 octets a line, never inside a character."""
    if line.isascii():  # one octet a character: cut by position
        return "\r\n ".join([line[:75]] + [line[i:i + 74] for i in range(75, len(line), 74)])
    parts: list[str] = []
    current, size, limit = "", 0, 75
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            parts.append(current)
            current, size, limit = "", 0, 74  # continuation lines start with a space
        current += char
        size += width
    parts.append(current)
    return "\r\n ".join(parts)
