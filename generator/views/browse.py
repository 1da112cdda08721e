"""Every plan's items grouped the ways residents look for them: by lead, tag, area, status and
(where a council judges it) confidence, and on a timeline of due dates.

Groups hold the items that totals count (sections only group other items, so they are left
out). A lead written with slashes ("Paul Swift/ E&DO") names several leads: the item is listed
under each. Names that differ only in case, spacing or punctuation are one group. Statuses,
confidences and months are named in the language of the catalog given (default English).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from generator.content.catalog import Catalog, english
from generator.content.model import Area, Item, Plan, Site
from generator.content.rules import (
    CONFIDENCE_COUNT_LABELS,
    DONE,
    NO_CONFIDENCE,
    counted,
    lateness,
    makes_deadline_claims,
)
from generator.content.status import ORDER
from generator.pages.follow import lead_names
from generator.pages.paths import (
    area_page,
    confidence_page,
    lead_page,
    status_page,
    tag_page,
)


class Entry(NamedTuple):
    """An item with the plan it belongs to."""

    plan: Plan
    item: Item


@dataclass
class Group:
    """Items sharing a lead, a tag or a status, with the page that lists them."""

    name: str
    path: str
    entries: list[Entry] = field(default_factory=list)
    key: str = ""
    """The status word, for status groups; the confidence level ("none"), for confidence."""


@dataclass
class AreaGroup:
    """A plan's area and the items that concern it."""

    plan: Plan
    area: Area
    path: str
    entries: list[Entry]


def entries(site: Site) -> list[Entry]:
    """Every counted item of every plan, in the plans' order."""
    return [Entry(plan, item) for plan in site.plans for item in counted(plan.walk())]


def _grouped(found: list[Entry], names: Callable[[Item], list[str]],
             page: Callable[[str], str]) -> list[Group]:
    groups: dict[str, Group] = {}
    for entry in found:
        for name in names(entry.item):
            group = groups.setdefault(page(name), Group(name, page(name)))
            if not group.entries or group.entries[-1].item is not entry.item:
                group.entries.append(entry)
    return sorted(groups.values(), key=lambda g: (g.name.casefold(), g.name))


def by_lead(site: Site) -> list[Group]:
    """One group per lead, in alphabetical order."""
    return _grouped(entries(site), lead_names, lead_page)


def by_tag(site: Site) -> list[Group]:
    """One group per tag, in alphabetical order."""
    return _grouped(entries(site), lambda item: item.tags, tag_page)


def by_status(site: Site, words: Catalog | None = None) -> list[Group]:
    """One group per status that some item has, in publishing order."""
    words = words or english()
    groups = {word: Group(words(f"status.{word}.label"), status_page(word), key=word)
              for word in ORDER}
    for entry in entries(site):
        groups[entry.item.current_status].entries.append(entry)
    return [group for group in groups.values() if group.entries]


def by_confidence(site: Site, words: Catalog | None = None) -> list[Group]:
    """One group per confidence level that some item has (green, amber, red), then the items
    with no confidence given; none at all when no item gives a confidence."""
    words = words or english()
    groups = {level: Group(_confidence_label(words, level), confidence_page(level), key=level)
              for level in CONFIDENCE_COUNT_LABELS}
    for entry in entries(site):
        judgement = entry.item.current_confidence
        groups[judgement.level if judgement else NO_CONFIDENCE].entries.append(entry)
    if all(not groups[level].entries for level in groups if level != NO_CONFIDENCE):
        return []
    return [group for group in groups.values() if group.entries]


def _confidence_label(words: Catalog, level: str) -> str:
    if level == NO_CONFIDENCE:
        return words("badges.no_confidence")
    return words(f"confidence.{level}.label")


def by_area(site: Site) -> list[AreaGroup]:
    """Every area of every plan, with the items that concern it."""
    return [
        AreaGroup(plan, area, area_page(plan, area.id),
                  [Entry(plan, i) for i in counted(plan.walk()) if area.id in i.areas])
        for plan in site.plans
        for area in plan.areas
    ]


@dataclass
class Timeline:
    """Items by due date: overdue first, then what falls due, month by month."""

    overdue: list[Entry]
    passed_unreported: list[Entry]
    upcoming: list[tuple[str, list[Entry]]]
    done: list[Entry]
    undated: list[tuple[Plan, int]]
    proposed: list[tuple[Plan, int]]
    """Draft and superseded plans, with how many of their items give a (proposed) date."""

    @property
    def upcoming_count(self) -> int:
        return sum(len(month) for _, month in self.upcoming)


def deadline(entry: Entry) -> date:
    due = entry.item.due
    assert due is not None and due.deadline is not None
    return due.deadline


def timeline(site: Site, as_of: date, words: Catalog | None = None) -> Timeline:
    """Every counted item placed on a timeline of due dates, judged against ``as_of``, its
    months named in ``words``' language. Items of draft and superseded plans are only
    counted: their dates were proposals."""
    words = words or english()
    dated = sorted((e for e in entries(site) if e.item.due and e.item.due.deadline),
                   key=deadline)
    claimed = [e for e in dated if makes_deadline_claims(e.plan)]
    months: dict[str, list[Entry]] = {}
    for entry in claimed:
        if deadline(entry) >= as_of and entry.item.current_status not in DONE:
            months.setdefault(words.month_year(deadline(entry)), []).append(entry)
    late = [(e, lateness(e.plan, e.item, as_of)) for e in claimed]
    undated = [(plan, sum(1 for i in counted(plan.walk()) if not (i.due and i.due.deadline)))
               for plan in site.plans]
    proposed = [(plan, sum(1 for e in dated if e.plan is plan)) for plan in site.plans
                if not makes_deadline_claims(plan)]
    return Timeline(
        overdue=[e for e, found in late if found == "overdue"],
        passed_unreported=[e for e, found in late if found == "passed-unreported"],
        upcoming=list(months.items()),
        done=[e for e in dated if e.item.current_status in DONE],
        undated=[(plan, count) for plan, count in undated if count],
        proposed=[(plan, count) for plan, count in proposed if count],
    )


def indicators(site: Site) -> list[Entry]:
    """Every item with a baseline or targets, in the plans' order."""
    return [Entry(plan, item) for plan in site.plans for item in plan.walk()
            if item.targets or item.text.get("baseline")]
