"""The rules behind every claim the site makes about progress, and the bundled site under them.

Each rule is tested on its own first (lateness, the age of a status, shares), then as a
resident meets it on the bundled site: the home page, the charter's report, an item of a
draft plan, and the methodology page that states every rule.
"""

from __future__ import annotations

import html
import re
from datetime import date

import pytest

from generator import load_site, render_site
from generator.content.dates import parse_due
from generator.content.model import Item, Plan, Update
from generator.content.rules import RULES, lateness, share, status_age, status_date, totals

from ..conftest import ROOT

AS_OF = date(2024, 1, 15)


def plan(status: str | None = "adopted", reported: date | None = None) -> Plan:
    return Plan(id="p", title="P", file="p.yml", status=status, reported=reported)


def item(status: str | None = None, due: str | None = "Aug-22", kind: str = "action",
         updates: tuple[Update, ...] = ()) -> Item:
    return Item(plan_id="p", ref="1", slug="1", kind=kind, title="T", line=1,
                due=parse_due(due) if due else None, status=status, updates=list(updates))


@pytest.mark.parametrize(("status", "due", "expected"), [
    ("on-track", "Aug-22", "overdue"),
    ("at-risk", "Aug-22", "overdue"),
    (None, "Aug-22", "passed-unreported"),
    ("complete", "Aug-22", None),
    ("cancelled", "Aug-22", None),
    ("on-track", "Aug-24", None),
    (None, "Ongoing", None),
    (None, "Completed March 2003 and updated on an annual basis", None),
])
def test_only_a_reported_open_status_past_its_date_is_overdue(
    status: str | None, due: str, expected: str | None
) -> None:
    assert lateness(plan(), item(status, due), AS_OF) == expected


@pytest.mark.parametrize("plan_status", ["draft", "superseded"])
def test_draft_and_superseded_plans_make_no_deadline_claims(plan_status: str) -> None:
    assert lateness(plan(plan_status), item("on-track"), AS_OF) is None
    assert lateness(plan(plan_status), item(None), AS_OF) is None


def test_a_section_without_a_status_of_its_own_is_never_flagged() -> None:
    assert lateness(plan(), item(None, kind="section"), AS_OF) is None
    assert lateness(plan(), item("on-track", kind="section"), AS_OF) == "overdue"


def test_a_status_is_dated_by_its_update_else_the_plan_else_undated() -> None:
    updated = item("on-track", updates=(Update(date(2023, 12, 1), "on-track", "G", ""),))
    assert status_date(plan(reported=date(2022, 1, 1)), updated) == date(2023, 12, 1)
    assert status_age(plan(), updated, AS_OF) is None
    # the latest update gave another status: the item's own status is not dated by it
    changed = item("complete", updates=(Update(date(2023, 12, 1), "on-track", "G", ""),))
    assert status_date(plan(reported=date(2022, 1, 1)), changed) == date(2022, 1, 1)
    assert status_date(plan(), changed) is None
    assert status_age(plan(), item("on-track"), AS_OF) == "undated"
    assert status_age(plan(), item("complete"), AS_OF) == "undated"
    assert status_age(plan(), item(None), AS_OF) is None


def test_an_open_status_older_than_six_months_may_be_out_of_date() -> None:
    assert status_age(plan(reported=date(2023, 7, 14)), item("on-track"), AS_OF) == "old"
    assert status_age(plan(reported=date(2023, 7, 15)), item("on-track"), AS_OF) is None
    # complete and cancelled are final: they do not go out of date
    assert status_age(plan(reported=date(2020, 1, 1)), item("complete"), AS_OF) is None


@pytest.mark.parametrize(("count", "total", "written"), [
    (0, 400, "0%"), (1, 400, "under 1%"), (2, 400, "1%"), (1, 8, "13%"),
    (399, 400, "over 99%"), (400, 400, "100%"), (1, 3, "33%"), (0, 0, "0%"),
])
def test_a_share_that_is_not_zero_is_never_written_as_zero(
    count: int, total: int, written: str
) -> None:
    assert share(count, total) == written


def test_totals_count_overdue_and_passed_unreported_apart() -> None:
    items = [item("on-track"), item(None), item(None), item("complete")]
    found = totals(plan(), items, AS_OF)
    assert (found.overdue, found.passed_unreported) == (1, 2)
    assert totals(plan("draft"), items, AS_OF).overdue == 0


# --- the bundled site -------------------------------------------------------------------------

JUDGED = date(2026, 11, 24)


@pytest.fixture(scope="module")
def bundled() -> dict[str, str]:
    return render_site(load_site(ROOT / "content"), as_of=JUDGED)


def text(page: str) -> str:
    """A page's words, tags and icons left out."""
    return " ".join(re.sub(r"<svg.*?</svg>|<[^>]+>", " ", page).split())


def test_an_unreported_draft_item_is_never_called_overdue(bundled: dict[str, str]) -> None:
    page = bundled["plans/bcc-community-leadership-2003/6-5.md"]
    assert "Overdue" not in page and "pt-flag" not in page
    assert ("Completed March 2003 and updated on an annual basis (it states a completion, so "
            "it is not read as a deadline)") in text(page)
    dated = bundled["plans/bcc-community-leadership-2003/6-4.md"]
    assert "a proposed date, as this plan is draft" in text(dated)


def test_no_page_of_a_draft_plan_carries_a_lateness_flag(bundled: dict[str, str]) -> None:
    for path, page in bundled.items():
        if path.startswith(("plans/bcc-", "plans/scdc-", "reports/bcc-", "reports/scdc-")):
            assert "pt-flag--overdue" not in page and "pt-flag--passed" not in page, path


def test_on_track_beside_a_passed_date_says_its_status_is_undated(
    bundled: dict[str, str],
) -> None:
    page = text(bundled["plans/all-councils-charter-2022/1-01.md"])
    assert "On track Overdue Status undated" in page
    assert "(the source gives no date for this status)" in page


def test_the_charter_report_gives_the_corrected_figures(bundled: dict[str, str]) -> None:
    page = text(bundled["reports/all-councils-charter-2022.md"])
    assert "Overdue 7 28%" in page
    assert "Due date passed; no progress reported 12 48%" in page
    assert "13 statuses have no date in the source, so they may be out of date." in page
    assert "7 items are overdue as of 24 November 2026" in page
    assert ("12 items have a due date that has passed with no progress reported: the council "
            "has published no status for them, so this report does not call them overdue.") in page


def test_a_draft_plans_report_makes_no_deadline_claims(bundled: dict[str, str]) -> None:
    page = text(bundled["reports/scdc-community-customer-services-2009.md"])
    assert ("This plan is draft: its due dates were proposals, so this report makes no claim "
            "that any item is overdue or due soon.") in page
    assert "Due in the next 90 days" not in page and "Due later" not in page


def test_the_timeline_lists_draft_plans_apart(bundled: dict[str, str]) -> None:
    page = text(bundled["browse/due.md"])
    assert "7 overdue 12 past their due date with no progress reported" in page
    assert ("Service Plan for Community and Customer Services 2009/10 to 2011/12 (draft): 47 "
            "items with a proposed date") in page


def test_a_section_shows_its_roll_up_not_a_status_of_its_own(bundled: dict[str, str]) -> None:
    page = bundled["plans/all-councils-charter-2022/1-00.md"]
    assert 'class="pt-status"' not in page
    assert "<strong>0 of 2 items within this section are complete</strong>" in page
    assert "Not yet reported" not in text(page)


def test_the_methodology_page_states_every_rule(bundled: dict[str, str]) -> None:
    page = html.unescape(bundled["about/methodology.md"])
    for name, rule in RULES.items():
        # The confidence rule is stated only where a plan reports confidence (tests/pages/
        # test_two_axes.py); the bundled plans report one axis.
        assert (rule in page) == (name != "confidence"), name
    for heading in ("## Overdue", "## Due date passed, no progress reported",
                    "## Draft and superseded plans", "## Status may be out of date",
                    "## Status before and after", "## No progress from the future",
                    "## Sections", "## Totals and shares"):
        assert heading in page
