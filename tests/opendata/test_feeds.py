"""The Atom feeds and iCalendar files, read back with real parsers (feedparser, icalendar)."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import feedparser
import icalendar
import pytest

from generator import load_site, render_site

from ..conftest import FIXTURES, ROOT

SAMPLE = FIXTURES / "sample"
NASTY = 'Fish & chips <b>bold</b> "quoted", semi; colon: back\\slash \x01 ✓ ' + "é" * 40

TWO_PLANS = {
    "alpha.yml": f"""\
        id: alpha
        title: "Alpha & <Omega>"
        organisation: Alpha Town Council
        items:
          - ref: "1"
            title: {json.dumps(NASTY)}
            due: 2023-03-15
            lead: "Clerk, Deputy; Chair"
            status: cancelled
            updates:
              - date: 2023-01-10
                status: at-risk
                note: {json.dumps("Line one" + chr(10) + "<script>alert(1)</script> & more")}
              - date: 2023-01-10
                note: Second note the same day.
          - ref: "2"
            title: Ongoing work
            due: Ongoing
            updates:
              - date: 2022-11-01
                status: on-track
        """,
    "beta.yml": """\
        id: beta
        title: Beta plan
        reported: 2022-12-31
        items:
          - ref: "A"
            title: Undated
            updates:
              - date: 2023-01-05
                note: Beta's update.
        """,
}


def pages(content: Path) -> dict[str, str]:
    return render_site(load_site(content))


@pytest.fixture
def two_plans(make_content: Any) -> dict[str, str]:
    return pages(make_content(TWO_PLANS))


def parse_feed(text: str) -> Any:
    feed = feedparser.parse(text.encode("utf-8"))
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    return feed


# --- Atom -------------------------------------------------------------------------------------

def test_sample_plan_feed_parses_with_one_entry_per_update_newest_first() -> None:
    feed = parse_feed(pages(SAMPLE)["feeds/village.xml"])
    assert feed.feed.title == "Village Action Plan: progress updates"
    assert feed.feed.id == "https://plans.example.org/feeds/village.xml"
    assert feed.feed.link == "https://plans.example.org/plans/village/"
    assert feed.feed.updated == "2022-06-30T00:00:00Z"
    assert feed.feed.author == "Sample Parish Council"
    assert [(e.title, e.id, e.link, e.updated) for e in feed.entries] == [
        ("1.01 Publish a quarterly newsletter: On track",
         "https://plans.example.org/plans/village/1-01/#update-2022-06-30",
         "https://plans.example.org/plans/village/1-01/", "2022-06-30T00:00:00Z"),
        ("1.01 Publish a quarterly newsletter: Not started",
         "https://plans.example.org/plans/village/1-01/#update-2022-03-31",
         "https://plans.example.org/plans/village/1-01/", "2022-03-31T00:00:00Z"),
    ]
    first = feed.entries[0]
    assert first.content[0].type == "text/plain"
    assert first.content[0].value == ("Village Action Plan, commitment 1.01: Publish a quarterly "
                                      "newsletter\nReported on 2022-06-30: On track\n\n"
                                      "First issue delivered.")
    assert [(t.term, t.label) for t in first.tags] == [("on-track", "On track")]


def test_site_feed_merges_every_plan_newest_first(two_plans: dict[str, str]) -> None:
    feed = parse_feed(two_plans["feeds/updates.xml"])
    assert feed.feed.title == "Test council plans: progress updates"
    assert feed.feed.link == "https://plans.example.org/changes/"
    assert [(e.updated[:10], e.link.split("/plans/")[1]) for e in feed.entries] == [
        ("2023-01-10", "alpha/1/"), ("2023-01-10", "alpha/1/"),
        ("2023-01-05", "beta/a/"), ("2022-11-01", "alpha/2/"),
    ]
    assert [e.id.split("#")[1] for e in feed.entries][:2] == ["update-2023-01-10",
                                                              "update-2023-01-10-2"]
    alpha = parse_feed(two_plans["feeds/alpha.xml"])
    assert [e.id for e in alpha.entries] == [e.id for e in feed.entries if "/alpha/" in e.id]
    assert alpha.feed.author == "Alpha Town Council"


def test_feed_text_is_text(two_plans: dict[str, str]) -> None:
    text = two_plans["feeds/alpha.xml"]
    assert "<script>" not in text and "<b>" not in text and "\x01" not in text
    entry = parse_feed(text).entries[0]
    assert entry.title.startswith('1 Fish & chips <b>bold</b> "quoted", semi; colon: back\\slash '
                                  "\ufffd ✓ é")
    assert entry.title.endswith(": At risk")
    assert entry.content[0].value.endswith("Line one\n<script>alert(1)</script> & more")
    assert parse_feed(text).feed.title == "Alpha & <Omega>: progress updates"
    no_status = parse_feed(text).entries[1]
    assert no_status.title.endswith(": progress update") and "tags" not in no_status


def test_feeds_without_updates_are_valid_and_empty() -> None:
    built = pages(ROOT / "content")
    for path in [p for p in built if p.startswith("feeds/")]:
        feed = parse_feed(built[path])
        assert feed.entries == []
        assert feed.feed.rights == "Open Government Licence v3.0"


def test_feeds_and_calendars_are_the_same_on_every_rebuild(make_content: Any) -> None:
    first = pages(make_content(TWO_PLANS))
    again = render_site(load_site(make_content(TWO_PLANS)), as_of=date(2030, 1, 1))
    for path in [p for p in first if p.startswith(("feeds/", "calendars/"))]:
        assert first[path] == again[path], path


# --- iCalendar --------------------------------------------------------------------------------

def parse_calendar(text: str) -> icalendar.Calendar:
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    assert max(len(line.encode("utf-8")) for line in text.split("\r\n")) <= 75
    return icalendar.Calendar.from_ical(text)


def test_sample_calendar_has_an_all_day_event_per_dated_item() -> None:
    calendar = parse_calendar(pages(SAMPLE)["calendars/village.ics"])
    assert str(calendar["VERSION"]) == "2.0" and str(calendar["X-WR-CALNAME"]) == (
        "Village Action Plan: due dates")
    events = calendar.walk("VEVENT")
    assert [(str(e["UID"]), e["DTSTART"].dt, e["DTEND"].dt, str(e["SUMMARY"]), str(e["URL"]))
            for e in events] == [
        ("village/1-01@plans.example.org", date(2022, 8, 31), date(2022, 9, 1),
         "Due: 1.01 Publish a quarterly newsletter",
         "https://plans.example.org/plans/village/1-01/"),
        ("village/1-02@plans.example.org", date(2022, 5, 31), date(2022, 6, 1),
         "Due: 1.02 Hold an annual parish meeting",
         "https://plans.example.org/plans/village/1-02/"),
    ]
    assert str(events[0]["DESCRIPTION"]) == ("Village Action Plan, commitment 1.01\nDue: Aug-22\n"
                                             "Status: On track\nLead: Parish Clerk")
    assert events[0]["DTSTAMP"].dt.isoformat() == "2022-06-30T00:00:00+00:00"


def test_calendar_text_survives_escaping_and_folding(two_plans: dict[str, str]) -> None:
    events = parse_calendar(two_plans["calendars/alpha.ics"]).walk("VEVENT")
    assert len(events) == 1  # "Ongoing" gives no date
    event = events[0]
    assert str(event["SUMMARY"]) == "Due: 1 " + NASTY.replace("\x01", "\ufffd")
    assert "Lead: Clerk, Deputy; Chair" in str(event["DESCRIPTION"])
    assert str(event["STATUS"]) == "CANCELLED"
    assert event["DTSTART"].dt == date(2023, 3, 15)
    assert event["DTEND"].dt - event["DTSTART"].dt == timedelta(days=1)
    assert event["DTSTAMP"].dt.date() == date(2023, 1, 10)  # the item's newest update


def test_no_calendar_for_a_plan_without_dates(two_plans: dict[str, str]) -> None:
    assert "calendars/beta.ics" not in two_plans
    assert "calendars/" not in two_plans["plans/beta/index.md"]
    assert "calendars/alpha.ics" in two_plans["plans/alpha/index.md"]


def test_bundled_calendars_parse() -> None:
    built = pages(ROOT / "content")
    calendars = {p: parse_calendar(t) for p, t in built.items() if p.startswith("calendars/")}
    assert calendars, "the bundled plans have dated items"
    uids = [str(e["UID"]) for c in calendars.values() for e in c.walk("VEVENT")]
    assert len(uids) == len(set(uids))


def test_feeds_hold_the_newest_updates_and_whats_changed_says_what_it_leaves_out(
    make_content: Any,
) -> None:
    from generator.opendata.downloads import CHANGES_SHOWN
    from generator.opendata.feeds import FEED_ENTRIES

    start = date(2020, 1, 1)
    items = "".join(
        f'  - ref: "{n}"\n    title: Item {n}\n    updates:\n'
        f"      - date: {start + timedelta(days=n)}\n        status: on-track\n"
        for n in range(1, 251)
    )
    pages = render_site(load_site(make_content({"big.yml": f"id: big\ntitle: Big\nitems:\n{items}"})))
    feed = feedparser.parse(pages["feeds/big.xml"])
    assert len(feed.entries) == FEED_ENTRIES == 100
    assert feed.entries[0].title == "250 Item 250: On track"
    assert len(feedparser.parse(pages["feeds/updates.xml"]).entries) == FEED_ENTRIES
    changes = pages["changes.md"]
    assert changes.count("<li><p>") == CHANGES_SHOWN == 200
    assert ("This page lists the 200 newest of 250 updates, reported from 21 February 2020 on."
            in changes)
    months = [page for page in pages if page.startswith("changes/")]
    assert len(months) == 9, "250 daily updates from January 2020: nine months"
    assert sum(pages[page].count("<li><p>") for page in months) == 250
    all_plans = json.loads(pages["downloads/all-plans.json"])
    assert sum(len(item["updates"]) for item in all_plans["items"]) == 250


def test_a_draft_plans_calendar_gives_proposed_dates_not_deadlines() -> None:
    from generator import load_site, render_site

    from ..conftest import ROOT

    pages = render_site(load_site(ROOT / "content"))
    draft = pages["calendars/bcc-community-leadership-2003.ics"]
    assert "SUMMARY:Due:" not in draft and "SUMMARY:Proposed date: 6.4 " in draft
    assert "A proposed date: the plan is draft" in draft.replace("\r\n ", "")
    assert "SUMMARY:Due: 1.01 " in pages["calendars/all-councils-charter-2022.ics"]
