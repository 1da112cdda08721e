"""What the site says about progress: totals by status and the derived flags.

Every claim the site makes about an item beyond the council's own words is decided here, once:
whether it is overdue, whether its due date passed with nothing reported, how old its status
is, and how a share is written. The methodology page states :data:`RULES` from here (their
wording is the catalog's, ``methodology.rule.<id>``, with the figures the code uses), so what
the site tells residents about how it judges progress is always what the code does.
"""

from __future__ import annotations

import calendar
import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from generator.content.catalog import Catalog, english
from generator.content.model import Item, Plan
from generator.content.status import NOT_REPORTED, ORDER, shown_in_totals

STALE_AFTER_MONTHS = 6
CONTAINER_KINDS = frozenset({"section"})
DONE = frozenset({"complete", "cancelled"})
PROPOSED_PLAN_STATUSES = frozenset({"draft", "superseded"})
"""Plans whose dates were proposals: the site makes no deadline claims about them."""

Lateness = Literal["overdue", "passed-unreported"]
Age = Literal["undated", "old"]

RULE_IDS = ("overdue", "passed-unreported", "proposals", "stale", "not-reported", "changes",
            "no-future", "sections", "totals", "confidence")
"""The rules the methodology page states, in the order of this module. Each rule's wording is
the catalog's ``methodology.rule.<id>.text`` (its heading ``methodology.rule.<id>.heading``);
its id is also the rule's key in :data:`RULES`."""


class Rules(dict[str, str]):
    """Rules by id, each in the words of Plan Tracker's English catalog (what the methodology
    page says in English); :meth:`in_language` gives them in another catalog's words. The
    figures the rules quote from the code (``figures``) fill the catalog's placeholders, so the
    page always states the numbers the code uses."""

    def __init__(self, ids: Iterable[str], **figures: object) -> None:
        self.ids = tuple(ids)
        self.figures = figures
        super().__init__(self.in_language(english()))

    def in_language(self, words: Catalog) -> dict[str, str]:
        """Each rule's text in ``words``' language."""
        return {rule: words(f"methodology.rule.{rule}.text", **self.figures)
                for rule in self.ids}


RULES = Rules(RULE_IDS, months=STALE_AFTER_MONTHS)
"""Every rule by id, in English (:meth:`Rules.in_language`: in a catalog's language)."""


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


class Share(str):
    """A share as :func:`share` writes it, in English ("13%", "under 1%", "over 99%"),
    knowing which of those it is (``form``: "exact", "under" or "over") so pages in another
    language write it in theirs (catalog ``figures.share.<form>``)."""

    form: str
    percent: int

    def __new__(cls, form: str, percent: int) -> Share:
        text = {"exact": f"{percent}%", "under": "under 1%", "over": "over 99%"}[form]
        made = super().__new__(cls, text)
        made.form, made.percent = form, percent
        return made

    def said(self, words: Any) -> str:
        """The share in ``words``' language (a Catalog: its ``figures.share.<form>``)."""
        return str(words(f"figures.share.{self.form}", percent=self.percent))


def share(count: int, total: int) -> Share:
    """``count`` of ``total`` as a percentage: whole numbers, but never 0% for a count that is
    not zero ("under 1%") and never 100% for one that is not everything ("over 99%")."""
    if not total or not count:
        return Share("exact", 0)
    whole = math.floor(100 * count / total + 0.5)  # halves round up: 12.5% is 13%
    if whole == 0:
        return Share("under", 1)
    if whole == 100 and count < total:
        return Share("over", 99)
    return Share("exact", whole)


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
