"""A plan's progress report for a parish council: sections, overdue, due soon, what changed."""

from __future__ import annotations

from datetime import date

from generator import load_site, render_site
from generator.views.report import report, reporting_dates

from ..conftest import FIXTURES, ROOT

VILLAGE = """\
id: village
title: Village plan
reported: 2022-06-30
items:
  - ref: "1"
    kind: section
    title: Informing residents
    items:
      - ref: "1.1"
        title: Newsletter
        due: 2022-09-15
        updates:
          - {date: 2022-03-31, status: not-started, note: Budget agreed.}
          - {date: 2022-06-30, status: on-track, note: First issue delivered.}
      - ref: "1.2"
        title: Annual meeting
        due: May-22
        status: Complete
      - ref: "1.3"
        title: Noticeboard
        due: 2022-03-01
  - ref: "2"
    title: Website
    due: 2023-06-01
    updates:
      - {date: 2022-06-30, note: Supplier chosen.}
"""


def village(make_content):  # noqa: ANN001, ANN201
    return load_site(make_content({"village.yml": VILLAGE})).plans[0]


def test_report_lists_overdue_due_soon_and_later(make_content) -> None:
    found = report(village(make_content), date(2022, 7, 1))
    # 1.3 is past its due date with no status reported: never counted as overdue
    assert [i.ref for i in found.overdue] == []
    assert [i.ref for i in found.passed_unreported] == ["1.3"]
    assert found.until == date(2022, 9, 29)
    assert [i.ref for i in found.due_soon] == ["1.1"]
    assert [i.ref for i in found.due_later] == ["2"]


def test_changes_since_the_previous_report(make_content) -> None:
    plan = village(make_content)
    assert reporting_dates(plan) == (date(2022, 6, 30), date(2022, 3, 31))
    changes = report(plan, date(2022, 7, 1)).changes
    assert [(c.item.ref, c.before, c.update.status, c.update.note) for c in changes] == [
        ("1.1", "not-started", "on-track", "First issue delivered."),
        ("2", None, None, "Supplier chosen."),  # no earlier status on record: not recorded
    ]


def test_parts_follow_the_plan_with_loose_items_last(make_content) -> None:
    parts = report(village(make_content), date(2022, 7, 1)).parts
    assert [(p.head.ref if p.head else None, [i.ref for i in p.items]) for p in parts] == [
        ("1", ["1.1", "1.2", "1.3"]), (None, ["2"])]
    assert parts[0].rollup is not None and parts[0].rollup.complete == 1


def test_no_updates_is_said_plainly() -> None:
    pages = render_site(load_site(ROOT / "content"), as_of=date(2022, 9, 1))
    page = pages["reports/all-councils-charter-2022.md"]
    assert ("Nothing to show: the council has published no dated progress updates for this "
            "plan, so there is no earlier report to compare with and no change on record.") in page
    assert "<strong>5 items are overdue</strong> as of 1 September 2022" in page
    assert "2 items fall due between 1 September 2022 and 30 November 2022" in page
    assert page.count('<section class="pt-report-section"') == 5


def test_report_page_of_the_sample_shows_the_change_and_a_print_hint() -> None:
    page = render_site(load_site(FIXTURES / "sample"))["reports/village.md"]
    assert "Progress updates dated after the previous report on 31 March 2022, up to 30 June 2022" in page
    assert "First issue delivered." in page
    assert '<p class="pt-print" data-pt-print>' in page
