"""What the site says about progress: totals by status and the derived flags.

The rules live here once, and the methodology page quotes them from here, so what the site
tells residents about how it judges progress is always what the code does.
"""

from __future__ import annotations

import calendar
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from .model import Item, Plan
from .status import ORDER

STALE_AFTER_MONTHS = 6
CONTAINER_KINDS = frozenset({"section"})
DONE = frozenset({"complete", "cancelled"})

RULES = {
    "overdue": (
        "An item is overdue when its due date has passed and the council has not reported it "
        "complete or cancelled. A due date such as \"Aug-22\" or \"March 2003\" means the last "
        "day of that month; \"2005/06\" means 31 March 2006; a year alone means 31 December. "
        "Items due \"Ongoing\", \"To be confirmed\" or \"from\" a date have no deadline and are "
        "never called overdue."
    ),
    "stale": (
        f"When a plan's progress was last reported more than {STALE_AFTER_MONTHS} months before "
        "the date this site judges against, each reported status carries the warning "
        "\"Status may be out of date\"."
    ),
    "not-reported": (
        "An item with no published status is \"Not yet reported\". It is never shown as a "
        "failure, and never as 0% progress."
    ),
    "totals": (
        "Totals count every item of a plan except sections, which only group other items."
    ),
}


def months_before(day: date, months: int) -> date:
    """The same day ``months`` earlier (the month's last day when that day does not exist)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def is_overdue(item: Item, as_of: date) -> bool:
    """Due date passed and not reported complete or cancelled."""
    deadline = item.due.deadline if item.due else None
    return deadline is not None and deadline < as_of and item.current_status not in DONE


def is_stale(plan: Plan, as_of: date) -> bool:
    """The plan's progress snapshot is more than six months older than ``as_of``."""
    cutoff = months_before(as_of, STALE_AFTER_MONTHS)
    return plan.reported is not None and plan.reported < cutoff


def counted(items: Iterable[Item]) -> list[Item]:
    """The items that totals count: everything but sections."""
    return [item for item in items if item.kind not in CONTAINER_KINDS]


@dataclass(frozen=True)
class Totals:
    """How many items have each status, and how many are overdue."""

    by_status: dict[str, int]
    overdue: int

    @property
    def total(self) -> int:
        return sum(self.by_status.values())

    def share(self, word: str) -> int:
        """Percentage (rounded) of items with this status."""
        return round(100 * self.by_status.get(word, 0) / self.total) if self.total else 0


def totals(items: Iterable[Item], as_of: date) -> Totals:
    """Totals by status (every status present, in publishing order) over counted items."""
    items = counted(items)
    found = Counter(item.current_status for item in items)
    return Totals(
        by_status={word: found.get(word, 0) for word in ORDER},
        overdue=sum(is_overdue(item, as_of) for item in items),
    )
