"""Long lists split into pages that stay small, whatever the size of the council's plans.

A list page (a plan's table of items, a report, the items of one status or lead, the items by
due date) holds its rows in named groups: a plan's sections, the plans of the site, the years
of the due dates. While the whole list has at most :data:`ROWS_PER_PAGE` rows it stays on its
own page, as it always has. Past that, the page keeps its summary and headings, and each group
moves to pages of its own of at most :data:`ROWS_PER_PAGE` rows each: ``<folder>/<group>.md``,
then ``<folder>/<group>/2.md``, ``3.md`` for a group longer than one page. Every row is on
exactly one page, in the list's order.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

Row = TypeVar("Row")

ROWS_PER_PAGE = 200
"""The most rows one list page shows (a page of 200 rows is about 150 KB of HTML)."""


@dataclass(frozen=True)
class Group(Generic[Row]):
    """Rows that belong together: a section of a plan, one plan's items, a year."""

    key: str
    """A file name for the group (a slug), unique in its list."""
    label: str
    """The group's name as its heading says it (council text: escaped where shown)."""
    rows: list[Row]
    heading: str = ""
    """The landing page's heading the group falls under, for lists of several kinds of row
    (a report's overdue items, its sections); "" for lists of one kind."""


@dataclass(frozen=True)
class Part(Generic[Row]):
    """One page of a split list: a group, or one stretch of a long group."""

    group: Group[Row]
    number: int
    """Which page of its group (1, 2, ...)."""
    of: int
    """How many pages its group takes."""
    path: str
    rows: list[Row]
    first: int
    """The position of the part's first row in its group (1 for the first)."""

    @property
    def last(self) -> int:
        return self.first + len(self.rows) - 1


@dataclass(frozen=True)
class Split(Generic[Row]):
    """A list and the pages it is split into (none while it fits on its own page)."""

    landing: str
    """The list's own page: it links to every part."""
    groups: list[Group[Row]]
    parts: list[Part[Row]] = field(default_factory=list)

    @property
    def total(self) -> int:
        """Rows in the whole list."""
        return sum(len(group.rows) for group in self.groups)

    def of(self, group: Group[Row]) -> list[Part[Row]]:
        """The parts of one group, in order."""
        return [part for part in self.parts if part.group is group]

    def under(self, heading: str) -> list[Group[Row]]:
        """The groups under one of the landing page's headings."""
        return [group for group in self.groups if group.heading == heading]

    def neighbours(self, part: Part[Row]) -> tuple[Part[Row] | None, Part[Row] | None]:
        """The parts before and after ``part`` in the list's order."""
        at = self.parts.index(part)
        return (self.parts[at - 1] if at else None,
                self.parts[at + 1] if at + 1 < len(self.parts) else None)


def unused_key(key: str, taken: set[str]) -> str:
    """``key``, or ``key-2``, ``key-3``... if a group of the list already has it."""
    found, n = key, 1
    while found in taken:
        n += 1
        found = f"{key}-{n}"
    return found


def part_path(folder: str, key: str, number: int) -> str:
    """Where one part is written: ``<folder>/<key>.md``, then ``<folder>/<key>/<n>.md``."""
    return f"{folder}/{key}.md" if number == 1 else f"{folder}/{key}/{number}.md"


def split(landing: str, folder: str, groups: Iterable[Group[Row]],
          limit: int = ROWS_PER_PAGE) -> Split[Row]:
    """``groups`` (those with rows) as one list: kept whole while its rows number at most
    ``limit``, else one part per group, each long group cut into parts of ``limit`` rows."""
    if limit < 1:
        raise ValueError(f"a page must hold at least one row, not {limit}")
    found = [group for group in groups if group.rows]
    keys = [group.key for group in found]
    if len(set(keys)) != len(keys):
        raise ValueError(f"two groups of {landing} have the same key: {sorted(keys)}")
    if sum(len(group.rows) for group in found) <= limit:
        return Split(landing, found)
    parts: list[Part[Row]] = []
    for group in found:
        starts = range(0, len(group.rows), limit)
        for number, start in enumerate(starts, 1):
            parts.append(Part(group, number, len(starts), part_path(folder, group.key, number),
                              group.rows[start:start + limit], start + 1))
    return Split(landing, found, parts)
