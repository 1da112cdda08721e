"""A plan's progress report, as a parish clerk takes it to a meeting.

The report answers: how is the plan going section by section, what is overdue, what falls due
before the next meeting (the next :data:`WINDOW_DAYS` days, then everything later by due date),
and what changed since the previous report. Reports are dated by the progress updates: the
latest report is the plan's ``reported`` date or its latest update, whichever is later; the
previous report is the latest update date before that.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from generator.content.model import Item, Plan, Update
from generator.content.rules import (
    DONE,
    ConfidenceCounts,
    Totals,
    confidence_counts,
    counted,
    lateness,
    makes_deadline_claims,
    status_age,
    totals,
)
from generator.pages.paging import item_rows
from generator.pages.parts import Group, unused_key
from generator.views.browse import Entry
from generator.views.rollup import Rollup, rollup

WINDOW_DAYS = 90


@dataclass(frozen=True)
class Part:
    """A section of the report: a top-level item and everything beneath it, or loose items."""

    head: Item | None
    rollup: Rollup | None
    items: list[Item]


@dataclass(frozen=True)
class Change:
    """One progress update published since the previous report."""

    item: Item
    update: Update
    before: str | None
    """The status in force before the update; None when the record does not say."""


@dataclass(frozen=True)
class Report:
    plan: Plan
    totals: Totals
    parts: list[Part]
    overdue: list[Item]
    passed_unreported: list[Item]
    due_soon: list[Item]
    due_later: list[Item]
    until: date
    undated: int
    """Reported statuses with no date behind them."""
    old: int
    """Open statuses dated more than six months before the report's date."""
    last: date | None
    previous: date | None
    changes: list[Change]
    confidence: ConfidenceCounts | None = None
    """Counts by confidence, when the plan uses that axis."""


def parts(plan: Plan, confidence: bool = False) -> list[Part]:
    """One part per top-level item with items beneath it; loose top-level items together
    (``confidence``: roll-ups count confidences too)."""
    found: list[Part] = []
    loose: list[Item] = []
    for top in plan.items:
        if top.children:
            found.append(Part(top, rollup(top, confidence),
                              [i for c in top.children for i in c.walk()]))
        else:
            loose.append(top)
    if loose:
        found.append(Part(None, None, loose))
    return found


def _deadline(item: Item) -> date:
    return item.due.deadline if item.due and item.due.deadline else date.max


def due_between(items: list[Item], start: date, end: date) -> list[Item]:
    """Items not complete or cancelled whose deadline falls from ``start`` to ``end``."""
    return sorted((i for i in items if i.due and i.due.deadline and start <= i.due.deadline <= end
                   and i.current_status not in DONE), key=_deadline)


def reporting_dates(plan: Plan) -> tuple[date | None, date | None]:
    """(latest report, previous report): see the module's description."""
    dates = sorted({u.date for item in plan.walk() for u in item.updates})
    candidates = dates + ([plan.reported] if plan.reported else [])
    last = max(candidates) if candidates else None
    earlier = [d for d in dates if last is not None and d < last]
    return last, (earlier[-1] if earlier else None)


def status_before(item: Item, update: Update) -> str | None:
    """The status in force before ``update``: the one it records it replaced, else that of
    the item's latest earlier update with a status, else None (the record does not say)."""
    if update.before:
        return update.before
    earlier = [u for u in item.updates if u.date < update.date and u.status]
    return max(earlier, key=lambda u: u.date).status if earlier else None


def changes(plan: Plan, last: date | None, previous: date | None) -> list[Change]:
    """Updates after the previous report up to the latest (all of them at a first report)."""
    found = [
        Change(item, update, status_before(item, update))
        for item in plan.walk()
        for update in item.updates
        if last is not None and update.date <= last and (previous is None or update.date > previous)
    ]
    return sorted(found, key=lambda c: c.update.date, reverse=True)


def report(plan: Plan, as_of: date, window: int = WINDOW_DAYS,
           confidence: bool = False) -> Report:
    """The progress report of ``plan`` as of ``as_of`` (``confidence``: with counts by
    confidence, for a plan that uses that axis)."""
    items = counted(plan.walk())
    until = as_of + timedelta(days=window)
    last, previous = reporting_dates(plan)
    late = {i.ref: lateness(plan, i, as_of) for i in items}
    ages = [status_age(plan, i, as_of) for i in items]
    dated = items if makes_deadline_claims(plan) else []
    return Report(
        plan=plan,
        totals=totals(plan, items, as_of),
        parts=parts(plan, confidence),
        overdue=sorted((i for i in items if late[i.ref] == "overdue"), key=_deadline),
        passed_unreported=sorted((i for i in items if late[i.ref] == "passed-unreported"),
                                 key=_deadline),
        due_soon=due_between(dated, as_of, until),
        due_later=due_between(dated, until + timedelta(days=1), date.max),
        until=until,
        undated=ages.count("undated"),
        old=ages.count("old"),
        last=last,
        previous=previous,
        changes=changes(plan, last, previous),
        confidence=confidence_counts(items) if confidence else None,
    )


TABLES = {"overdue": "entries", "passed": "entries", "due-soon": "entries",
          "due-later": "entries", "changes": "changes", "sections": "items"}
"""The report's lists, by the heading each falls under, with the table each is shown in."""


def groups(found: Report, labels: dict[str, str], other_items: str) -> list[Group[object]]:
    """The report's rows as the groups of one list (for splitting a long report): its lists
    of items (``labels``: each list's heading), what changed, then each section's items."""
    plan = found.plan
    lists: dict[str, list[object]] = {
        "overdue": [Entry(plan, i) for i in found.overdue],
        "passed": [Entry(plan, i) for i in found.passed_unreported],
        "due-soon": [Entry(plan, i) for i in found.due_soon],
        "due-later": [Entry(plan, i) for i in found.due_later],
        "changes": list(found.changes),
    }
    listed: list[Group[object]] = [Group(key, labels[key], rows, heading=key)
                                   for key, rows in lists.items()]
    taken = set(lists)
    for part in found.parts:
        key = unused_key(part.head.slug if part.head else "other-items", taken)
        taken.add(key)
        label = f"{part.head.ref} {part.head.title}" if part.head else other_items
        rows: list[object] = list(item_rows(part.head.children if part.head else part.items))
        listed.append(Group(key, label, rows, heading="sections"))
    return listed
