"""Two axes: a plan whose council reports a status and, separately, a confidence (issue 12).

The twoaxis fixture reads like a Bracknell-style delivery plan: the council's own words "In
progress", "Not started", "Complete" for the status and "Green - on schedule", "Amber - some
risk", "Red - significant risk" for the confidence. Where a plan uses confidence it shows on
every page that shows a status, always in words ("Confidence: Amber"), never by colour alone;
the sample site, which has one axis, shows none of it.
"""

from __future__ import annotations

import re
from functools import cache

import feedparser
import icalendar

from generator import load_site, render_site
from generator.content import rules
from generator.content.model import Item, Site
from generator.mkdocs.nav import build_nav

from ..conftest import FIXTURES

TWOAXIS = FIXTURES / "twoaxis"
_TAG = re.compile(r"<[^>]+>")


@cache
def site() -> Site:
    return load_site(TWOAXIS)


@cache
def pages() -> dict[str, str]:
    return render_site(site())


def text(page: str) -> str:
    """A page's words, tags removed and spaces collapsed."""
    return " ".join(_TAG.sub(" ", pages()[page]).split())


def item(ref: str) -> Item:
    plan = site().plan("corporate")
    assert plan is not None
    found = plan.find(ref)
    assert found is not None
    return found


def test_the_fixture_uses_both_axes_with_the_councils_words() -> None:
    assert site().uses_confidence
    market = item("1.1")
    assert (market.current_status, market.wording) == ("in-progress", "In progress")
    judgement = market.current_confidence
    assert judgement is not None
    assert (judgement.level, judgement.wording) == ("amber", "Amber - some risk")
    parking = item("1.2").current_confidence
    assert parking is not None and parking.level == "red" and parking.date is not None


def test_the_item_page_shows_the_confidence_beside_the_status() -> None:
    page = pages()["plans/corporate/1-1.md"]
    status = page[page.index('<div class="pt-status">'):page.index("</div>", page.index(
        '<div class="pt-status">'))]
    assert "In progress</a> <span class=\"pt-badge pt-badge--amber pt-confidence\">" in status
    assert "Confidence: Amber" in _TAG.sub("", status)
    words = text("plans/corporate/1-1.md")
    assert "Confidence Amber (the council’s wording: Amber - some risk)" in words
    assert "Reason given: Contractor availability may delay the fit-out." in words
    assert "judged on" not in words  # the item's own confidence has no date of its own


def test_a_confidence_from_an_update_gives_its_date_and_reason() -> None:
    words = text("plans/corporate/1-2.md")
    assert "Confidence Red (the council’s wording: Red - significant risk) (judged on 30 June " \
           "2024) Reason given: The budget for lost parking income is not yet agreed." in words


def test_each_update_in_the_log_shows_the_confidence_it_gives() -> None:
    log = text("plans/corporate/1-1.md").split("Progress updates", 1)[1].split("Show this")[0]
    assert "31 March 2024 Not started Confidence: Green (the council’s wording: Green - on " \
           "schedule) Design approved." in log
    assert "30 June 2024 In progress Works started on site." in log  # no confidence: none shown


def test_an_item_without_a_confidence_says_so_on_a_plan_that_uses_them() -> None:
    words = text("plans/corporate/2.md")
    assert "Confidence No confidence given" in words
    assert "Confidence:" not in words.split("Progress updates")[0]


def test_tables_show_both_badges_in_the_status_cell() -> None:
    for page in ("plans/corporate/index.md", "plans/corporate/1.md", "reports/corporate.md",
                 "browse/status/in-progress.md", "browse/leads/head-of-regeneration.md",
                 "browse/due.md"):
        cells = re.findall(r'<td class="pt-col-status"[^>]*>(.*?)</td>', pages()[page])
        assert cells, page
        both = [c for c in cells if "pt-badge--in-progress" in c and "pt-confidence" in c]
        assert both, page
        assert all("Confidence: " in _TAG.sub("", c) for c in both), page


def test_the_report_shows_the_confidence_an_update_gave() -> None:
    changes = pages()["reports/corporate.md"].split('<table class="pt-changes">')[1]
    assert "Confidence: Red" in _TAG.sub("", changes.split("</table>")[0])
    assert "Confidence: Red" in text("changes.md")
    assert "Reason given: The budget for lost parking income is not yet agreed." in text(
        "changes.md")


def test_counts_by_confidence_beside_the_status_counts() -> None:
    plan = site().plan("corporate")
    assert plan is not None
    counts = rules.confidence_counts(plan.walk())
    assert counts.by_level == {"green": 1, "amber": 1, "red": 1, "none": 1}  # sections left out
    as_of = site().as_of
    assert as_of is not None
    assert counts.total == rules.totals(plan, plan.walk(), as_of).total  # the same items
    for page in ("plans/corporate/index.md", "reports/corporate.md"):
        words = text(page)
        assert "Items of this plan by confidence Confidence Items Share Confidence: Green 1 25% " \
               "Confidence: Amber 1 25% Confidence: Red 1 25% No confidence given 1 25% All " \
               "items 4 100%" in words, page
    home = text("index.md")
    assert "Plan Confidence: Green Confidence: Amber Confidence: Red No confidence given All " \
           "items All plans 1 (25%) 1 (25%) 1 (25%) 1 (25%) 4" in home
    assert "By confidence: Confidence: Green 1 · Confidence: Amber 1 · Confidence: Red 1 · No " \
           "confidence given 1." in home


def test_a_roll_up_counts_confidences_too() -> None:
    words = text("plans/corporate/1.md")
    assert "In progress 2 · Complete 1 Confidence: Green 1 · Confidence: Amber 1 · " \
           "Confidence: Red 1 · No confidence given 0" in words


def test_combined_confidence_adds_plans_together() -> None:
    one = rules.ConfidenceCounts({"green": 1, "amber": 0, "red": 2, "none": 1})
    two = rules.ConfidenceCounts({"green": 0, "amber": 3, "red": 0, "none": 0})
    both = rules.combined_confidence([one, two])
    assert both.by_level == {"green": 1, "amber": 3, "red": 2, "none": 1}
    assert (both.total, both.judged, both.share("amber")) == (7, 6, "43%")


def test_browse_pages_by_confidence_and_in_the_nav() -> None:
    assert {p for p in pages() if p.startswith("browse/confidence/")} == {
        "browse/confidence/index.md", "browse/confidence/green.md", "browse/confidence/amber.md",
        "browse/confidence/red.md", "browse/confidence/none.md"}
    index = text("browse/confidence/index.md")
    assert "Confidence: Green 1 Corporate Delivery Plan" in index
    assert "No confidence given 1 Corporate Delivery Plan" in index
    red = text("browse/confidence/red.md")
    assert "Items with confidence: Red" in red
    assert "1.2 Extend free parking on Saturdays Head of Transport Q2 2024/25 In progress " \
           "Confidence: Red" in red
    assert "Plant 500 street trees" in text("browse/confidence/none.md")
    browse = next(entry["Browse"] for entry in build_nav(site(), None)
                  if isinstance(entry, dict) and "Browse" in entry)
    titles = [next(iter(entry)) for entry in browse]
    assert titles[titles.index("By status") + 1] == "By confidence"
    assert {"By confidence": "browse/confidence/index.md"} in browse


def test_the_methodology_page_explains_the_councils_scale_and_confidence() -> None:
    words = text("about/methodology.md")
    assert "## Confidence" in pages()["about/methodology.md"]
    assert "counted as &quot;No confidence given&quot;, never as green, amber or red" in words
    assert "The status “In progress” says only that the work is under way" in words
    assert "Wordings used in every plan The council’s wording Published as What the council " \
           "says it means Completed in year Complete Finished within the financial year." in words
    plan_table = words.split("Wordings used in Corporate Delivery Plan")[1]
    for row in ("In progress In progress Work on the action has started.",
                "Green - on schedule Confidence: Green The action is expected to be delivered "
                "on time.",
                "Red - significant risk Confidence: Red The action will not be delivered on "
                "time without intervention."):
        assert row in plan_table


def test_feeds_say_the_confidence_in_words() -> None:
    feed = feedparser.parse(pages()["feeds/corporate.xml"])
    parking = next(e for e in feed.entries if e.title.startswith("1.2 "))
    assert "Confidence: Red (The budget for lost parking income is not yet agreed.)" in \
        parking.content[0].value
    market = [e for e in feed.entries if e.title.startswith("1.1 ")]
    assert ["Confidence: Green" in e.content[0].value for e in market] == [False, True]
    calendar = icalendar.Calendar.from_ical(pages()["calendars/corporate.ics"])
    events = {str(e["UID"]).split("@")[0]: str(e["DESCRIPTION"])
              for e in calendar.walk("VEVENT")}
    assert "Confidence: Amber (Contractor availability may delay the fit-out.)" in \
        events["corporate/1-1"]
    assert "Confidence" not in events["corporate/2"]


def test_a_site_with_one_axis_shows_no_confidence() -> None:
    sample = load_site(FIXTURES / "sample")
    assert not sample.uses_confidence
    rendered = render_site(sample)
    shown = [path for path, page in rendered.items()
             if path.endswith((".md", ".xml", ".ics")) and "Confidence" in page]
    assert shown == []
    assert not any(path.startswith("browse/confidence/") for path in rendered)
    browse = next(entry["Browse"] for entry in build_nav(sample, None)
                  if isinstance(entry, dict) and "Browse" in entry)
    assert {"By confidence": "browse/confidence/index.md"} not in browse
