"""Feeds and calendars speak the language of the tree they are built for: the Welsh site's
feeds say ``xml:lang="cy"`` and give Plan Tracker's words in Welsh, as do its calendars."""

from __future__ import annotations

from pathlib import Path

import feedparser
import icalendar

from generator import load_site, render_site
from generator.content.catalog import catalog

from ..conftest import FIXTURES, ROOT

BILINGUAL = FIXTURES / "bilingual"


def welsh(content: Path) -> dict[str, str]:
    """Every page of ``content`` with the Welsh catalog (its data as written)."""
    site = load_site(content)
    site.words, site.language = catalog("cy"), "cy"
    return render_site(site)


def test_the_welsh_feeds_are_in_welsh() -> None:
    pages = render_site(load_site(BILINGUAL, language="cy"))
    feeds = {path: text for path, text in pages.items() if path.startswith("feeds/")}
    assert feeds and all('xml:lang="cy"' in text for text in feeds.values())
    plan = feedparser.parse(pages["feeds/delivery.xml"])
    assert plan.feed.title == "Cynllun Cyflawni 2024/25: diweddariadau cynnydd"
    text = "\n".join(entry.content[0].value for entry in plan.entries)
    assert "Adroddwyd ar 2024-09-27: Mewn perygl" in text
    assert "Hyder: Ambr" in text and "Cywirwyd ar 2024-10-20" in text
    assert "Reported" not in text and "Confidence" not in text and "Due date" not in text
    lead = feedparser.parse(pages["feeds/leads/head-of-planning.xml"]).feed
    assert lead.subtitle == "Diweddariadau cynnydd ar yr eitemau dan arweiniad Pennaeth Cynllunio."


def test_the_english_feeds_say_english() -> None:
    pages = render_site(load_site(BILINGUAL))
    assert '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">' in pages["feeds/delivery.xml"]


def test_the_welsh_calendar_is_in_welsh() -> None:
    pages = render_site(load_site(BILINGUAL, language="cy"))
    calendar = icalendar.Calendar.from_ical(pages["calendars/delivery.ics"])
    assert str(calendar["X-WR-CALNAME"]) == "Cynllun Cyflawni 2024/25: dyddiadau targed"
    events = {str(e["UID"]).split("@")[0]: e for e in calendar.walk("VEVENT")}
    adopt = events["delivery/1-1"]
    assert str(adopt["SUMMARY"]) == "Dyddiad targed: 1.1 Mabwysiadu'r CDLl newydd"
    assert str(adopt["DESCRIPTION"]).splitlines()[:3] == [
        "Cynllun Cyflawni 2024/25, cam gweithredu 1.1", "Dyddiad targed: Mawrth 2025",
        "Statws: Mewn perygl"]
    assert "Arweinydd: Pennaeth Cynllunio" in str(adopt["DESCRIPTION"])


def test_a_draft_plans_welsh_calendar_gives_proposed_dates() -> None:
    draft = welsh(ROOT / "content")["calendars/bcc-community-leadership-2003.ics"]
    assert "SUMMARY:Dyddiad arfaethedig: 6.4 " in draft
    assert "Dyddiad arfaethedig: drafft yw'r cynllun" in draft.replace("\r\n ", "")


def test_welsh_entries_say_evidence_and_the_councils_wording() -> None:
    pages = welsh(FIXTURES / "rounds")
    text = "\n".join(entry.content[0].value for path, page in pages.items()
                     if path.startswith("feeds/items/")
                     for entry in feedparser.parse(page).entries)
    assert "Tystiolaeth: " in text and "(copi wedi'i archifo: <" in text
    assert "Symudwyd y dyddiad targed (cyn hynny: December 2024; bellach: March 2025)." in text
    assert "Evidence" not in text and "Reason given" not in text
    wording = welsh(FIXTURES / "twoaxis")["feeds/corporate.xml"]
    assert "Adroddwyd ar 2024-06-30: Ar waith (geiriad y cyngor: In progress)" in wording
