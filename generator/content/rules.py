"""What the site says about progress: totals by status and the derived flags.

Every claim the site makes about an item beyond the council's own words is decided here, once:
whether it is overdue, whether its due date passed with nothing reported, how old its status
is, and how a share is written. The methodology page quotes :data:`RULES` from here, so what
the site tells residents about how it judges progress is always what the code does.
"""

from __future__ import annotations

import calendar
import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Literal

from generator.content.model import Item, Plan
from generator.content.status import NOT_REPORTED, ORDER, shown_in_totals

STALE_AFTER_MONTHS = 6
CONTAINER_KINDS = frozenset({"section"})
DONE = frozenset({"complete", "cancelled"})
PROPOSED_PLAN_STATUSES = frozenset({"draft", "superseded"})
"""Plans whose dates were proposals: the site makes no deadline claims about them."""

Lateness = Literal["overdue", "passed-unreported"]
Age = Literal["undated", "old"]

RULES = {
    "overdue": (
        "An item is overdue when the council has reported a status for it that is not "
        "complete or cancelled, and its due date has passed. A due date means the last day of "
        "the period it names: \"Aug-22\" or \"March 2003\" the last day of that month; a "
        "quarter such as \"Q2 2024\" the last day of that quarter of the calendar year (30 June "
        "2024); a financial year such as \"2005/06\" or \"2024-25\" 31 March of its second "
        "year, because a council's financial year starts on 1 April; a quarter of a financial "
        "year such as \"Q2 2024/25\" the last day of that quarter counted from April (Q1 is "
        "April to June 2024, Q2 July to September, Q4 January to March 2025); a year alone 31 "
        "December. A date such as \"31/03/2024\" is read day first. Where a due text names "
        "several dates (\"Sep-23 and Mar-24\"), the first is the deadline. A quarter that does "
        "not exist (\"Q5 2024\") is an error, never a guess, and \"FY2024\", which may mean "
        "2023/24 or 2024/25, gives no deadline. "
        "Items due \"Ongoing\", \"To be confirmed\" or \"from\" "
        "a date, and due texts that state a completion (\"Completed March 2003\"), have no "
        "deadline and are never called overdue. A due text that names no date is shown as "
        "written, with \"no date given\"."
    ),
    "passed-unreported": (
        "When an item's due date has passed but the council has reported no status for it, "
        "the site says \"Due date passed; no progress reported\". That is a fact about the "
        "record, not a judgement: such an item is never counted as overdue and never shown "
        "in red."
    ),
    "proposals": (
        "A plan published as a draft, or one that has been superseded, gives dates that were "
        "proposals. The site makes no deadline claims about its items: none is called "
        "overdue, none is listed as due soon, and the plan's page says so."
    ),
    "stale": (
        "Every status has an age. A status is dated by the progress update that reported it; "
        "if it has none, by the date the plan's progress was last reported; otherwise it is "
        "undated, and the item says \"Status undated\". A status that is not complete or "
        f"cancelled and was dated more than {STALE_AFTER_MONTHS} months before the date this "
        "site judges against carries the warning \"Status may be out of date\"."
    ),
    "not-reported": (
        "An item with no published status is \"Not yet reported\". It is never shown as a "
        "failure, and never as 0% progress."
    ),
    "changes": (
        "\"Status before\" is the status that was in force before an update: the one the "
        "update itself records it replaced, else the status of the item's previous update. "
        "Where neither is on record the site says \"Not recorded\" rather than guess."
    ),
    "no-future": (
        "Progress is reported after it happens: an update, or a plan's reported date, dated "
        "after the date this site judges against is refused when the site is checked."
    ),
    "sections": (
        "A section only groups other items. Its progress is the roll-up of the items beneath "
        "it, unless the source gives the section a status of its own."
    ),
    "totals": (
        "Totals count every item of a plan except sections, which only group other items. "
        "Shares are rounded to whole percentages, except that a share that is not zero is "
        "never written as 0% (it is \"under 1%\") and a share that is not everything is never "
        "written as 100% (it is \"over 99%\")."
    ),
}


def months_before(day: date, months: int) -> date:
    """The same day ``months`` earlier (the month's last day when that day does not exist)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def makes_deadline_claims(plan: Plan) -> bool:
    """False for draft and superseded plans, whose dates were proposals."""
    return plan.status not in PROPOSED_PLAN_STATUSES


def lateness(plan: Plan, item: Item, as_of: date) -> Lateness | None:
    """"overdue" (a reported status, not done, past its deadline), "passed-unreported" (past
    its deadline with nothing reported), or None."""
    deadline = item.due.deadline if item.due else None
    if deadline is None or deadline >= as_of or not makes_deadline_claims(plan):
        return None
    status = item.current_status
    if status in DONE or item.kind in CONTAINER_KINDS and status == NOT_REPORTED:
        return None
    return "passed-unreported" if status == NOT_REPORTED else "overdue"


def status_date(plan: Plan, item: Item) -> date | None:
    """When the item's current status was reported: the date of the latest update carrying a
    status, if that is the current status; else the plan's ``reported``; else None."""
    dated = [update for update in item.updates if update.status]
    if dated:
        latest = max(dated, key=lambda update: update.date)
        if latest.status == item.current_status:
            return latest.date
    return plan.reported


def status_age(plan: Plan, item: Item, as_of: date) -> Age | None:
    """"undated" for a reported status with no date, "old" for an open status dated more than
    six months before ``as_of``, else None."""
    status = item.current_status
    if status == NOT_REPORTED:
        return None
    when = status_date(plan, item)
    if when is None:
        return "undated"
    stale = status not in DONE and when < months_before(as_of, STALE_AFTER_MONTHS)
    return "old" if stale else None


def is_stale(plan: Plan, as_of: date) -> bool:
    """The plan's progress snapshot is more than six months older than ``as_of``."""
    cutoff = months_before(as_of, STALE_AFTER_MONTHS)
    return plan.reported is not None and plan.reported < cutoff


def counted(items: Iterable[Item]) -> list[Item]:
    """The items that totals count: everything but sections."""
    return [item for item in items if item.kind not in CONTAINER_KINDS]


def share(count: int, total: int) -> str:
    """``count`` of ``total`` as a percentage: whole numbers, but never 0% for a count that is
    not zero ("under 1%") and never 100% for one that is not everything ("over 99%")."""
    if not total or not count:
        return "0%"
    whole = math.floor(100 * count / total + 0.5)  # halves round up: 12.5% is 13%
    if whole == 0:
        return "under 1%"
    if whole == 100 and count < total:
        return "over 99%"
    return f"{whole}%"


@dataclass(frozen=True)
class Totals:
    """How many items have each status, how many are overdue, and how many passed their
    due date with nothing reported."""

    by_status: dict[str, int]
    overdue: int
    passed_unreported: int = 0

    @property
    def total(self) -> int:
        return sum(self.by_status.values())

    def share(self, word: str) -> str:
        """The share of items with this status, as :func:`share` writes it."""
        return share(self.by_status.get(word, 0), self.total)


def totals(plan: Plan, items: Iterable[Item], as_of: date) -> Totals:
    """Totals by status (every status present, in publishing order) over counted items of
    ``plan``."""
    items = counted(items)
    found = Counter(item.current_status for item in items)
    late = Counter(lateness(plan, item, as_of) for item in items)
    return Totals(
        by_status={word: found.get(word, 0) for word in ORDER
                   if shown_in_totals(word, found.get(word, 0))},
        overdue=late["overdue"],
        passed_unreported=late["passed-unreported"],
    )


def combined(parts: Iterable[Totals]) -> Totals:
    """The totals of several plans together."""
    parts = list(parts)
    return Totals(
        by_status={word: count for word in ORDER
                   if shown_in_totals(word, count := sum(t.by_status.get(word, 0)
                                                         for t in parts))},
        overdue=sum(t.overdue for t in parts),
        passed_unreported=sum(t.passed_unreported for t in parts),
    )


NO_CONFIDENCE = "none"
"""The count of counted items the council gives no confidence for."""
CONFIDENCE_COUNT_LABELS = {"green": "Green", "amber": "Amber", "red": "Red",
                           NO_CONFIDENCE: "No confidence given"}
"""The rows of confidence counts, in the order they are shown."""

RULES["confidence"] = (
    "Some councils judge two things separately: the status says what stage the work has "
    "reached (such as \"In progress\"), and the confidence (green, amber or red) is the "
    "council's own judgement of whether it will be delivered as promised. The site shows "
    "both, each in words. An item's confidence is the one it gives itself, else the one in "
    "its latest progress update that gives one. Counts by confidence count the same items as "
    "the totals by status (every item except sections); an item with no confidence from the "
    "council is counted as \"No confidence given\", never as green, amber or red."
)


@dataclass(frozen=True)
class ConfidenceCounts:
    """How many counted items have each confidence level, and how many have none."""

    by_level: dict[str, int]
    """Green, amber, red and "none", always all four, in that order."""

    @property
    def total(self) -> int:
        return sum(self.by_level.values())

    @property
    def judged(self) -> int:
        """Items with any confidence."""
        return self.total - self.by_level.get(NO_CONFIDENCE, 0)

    def share(self, level: str) -> str:
        return share(self.by_level.get(level, 0), self.total)


def confidence_counts(items: Iterable[Item]) -> ConfidenceCounts:
    """Counted items (sections left out, as in :func:`totals`) by their current confidence
    (:attr:`Item.current_confidence`); those the council judges none for under "none"."""
    found = Counter(judgement.level if (judgement := item.current_confidence) else NO_CONFIDENCE
                    for item in counted(items))
    return ConfidenceCounts({level: found.get(level, 0) for level in CONFIDENCE_COUNT_LABELS})


def combined_confidence(parts: Iterable[ConfidenceCounts]) -> ConfidenceCounts:
    """The confidence counts of several plans together."""
    parts = list(parts)
    return ConfidenceCounts({level: sum(p.by_level.get(level, 0) for p in parts)
                             for level in CONFIDENCE_COUNT_LABELS})
