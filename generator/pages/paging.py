"""The pages of a long list: a plan's table split by section, and the page of each part.

:mod:`generator.pages.parts` says how rows are cut into parts; this module gives a plan's
table its groups (one per section) and renders each part as a page (``part.md.j2``) with the
table the list shows, links to the parts before and after it and back to the list's page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, Protocol, TypeVar

from generator.content.catalog import Catalog
from generator.content.model import Item, Plan
from generator.pages import parts, paths

Rows = list[tuple[Item, int]]
Row = TypeVar("Row")


class _Options(Protocol):
    @property
    def rows_per_page(self) -> int: ...


class Renderer(Protocol):
    """What paging asks of the renderer (:class:`generator.pages.engine.Renderer`)."""

    @property
    def words(self) -> Catalog: ...

    @property
    def options(self) -> _Options: ...

    def split(self, page: str, groups: list[parts.Group[Any]]) -> parts.Split[Any]: ...

    def plan_split(self, plan: Plan) -> parts.Split[tuple[Item, int]]: ...

    def render_page(self, template: str, page: str, title: str, description: str,
                    **context: Any) -> str: ...


def item_rows(items: list[Item], depth: int = 0) -> Rows:
    """Items and their descendants in plan order, each with its depth for indenting."""
    found: Rows = []
    for item in items:
        found.append((item, depth))
        found.extend(item_rows(item.children, depth + 1))
    return found


def by_section(rows: Iterable[Row], item_of: Callable[[Row], Item],
               depth_of: Callable[[Row], int], words: Catalog, heading: str = "",
               taken: frozenset[str] = frozenset()) -> list[parts.Group[Row]]:
    """A table's rows (in plan order, each with its depth) as one group per top-level item
    with items beneath it, then the top-level items outside them; ``taken``: keys the list's
    other groups have."""
    groups: list[parts.Group[Row]] = []
    loose: list[Row] = []
    for row in rows:
        item = item_of(row)
        if depth_of(row) == 0 and item.children:
            groups.append(parts.Group(parts.unused_key(item.slug, set(taken)),
                                      f"{item.ref} {item.title}", [row], heading))
        elif depth_of(row) > 0 and groups:
            groups[-1].rows.append(row)
        else:
            loose.append(row)
    if loose:
        label = words("parts.outside_sections" if groups else "parts.every_item")
        key = parts.unused_key("other-items", {group.key for group in groups} | taken)
        groups.append(parts.Group(key, label, loose, heading))
    return groups


def plan_split(renderer: Renderer, plan: Plan) -> parts.Split[tuple[Item, int]]:
    """A plan's table of items, split by its sections when it is too long for a page."""
    groups = by_section(item_rows(plan.items), lambda row: row[0], lambda row: row[1],
                        renderer.words)
    return renderer.split(paths.plan_page(plan), groups)


def within(renderer: Renderer, plan: Plan, item: Item) -> parts.Split[tuple[Item, int]] | None:
    """Where the items within ``item`` are listed when there are too many for its page: the
    plan's page of its section when it is a section of a plan split by section, else pages of
    their own; None while they fit on the item's page."""
    rows = item_rows(item.children)
    if len(rows) <= renderer.options.rows_per_page:
        return None
    by_section = renderer.plan_split(plan)
    top_level = any(top is item for top in plan.items)
    if top_level and any(group.key == item.slug for group in by_section.groups):
        return by_section
    label = renderer.words("item.items_within", ref=item.ref)
    return renderer.split(paths.item_page(item), [parts.Group("items", label, rows)])


def part_pages(renderer: Renderer, split: parts.Split[Any], list_title: str,
               table: str | dict[str, str],
               label: Callable[[parts.Group[Any]], str] = lambda group: group.label,
               **context: Any) -> dict[str, str]:
    """The pages of a split list (none while it fits on its own page), each with a ``table``
    of its rows: "plan" (filterable), "items", "entries", "changes", "updates", "indicators"
    or "round" (or one of those for each heading of the list's page the groups fall under).
    ``label`` names a part's group in its title and headings."""
    words = renderer.words
    groups = {id(group): label(group) for group in split.groups}
    names = {part.path: groups[id(part.group)] if part.of == 1 else words(
        "parts.label_page", label=groups[id(part.group)], number=part.number, of=part.of)
        for part in split.parts}
    found = {}
    for part in split.parts:
        heading = words("parts.title", list=list_title, label=names[part.path])
        description = words("parts.description", count=len(part.group.rows), first=part.first,
                            last=part.last, label=names[part.path], list=list_title)
        found[part.path] = renderer.render_page(
            "part.md.j2", part.path, heading, description, split=split, part=part,
            list_title=list_title, heading=heading, label=groups[id(part.group)], titles=names,
            table=table if isinstance(table, str) else table[part.group.heading], **context)
    return found
