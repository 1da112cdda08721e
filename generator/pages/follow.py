"""Following one commitment, one lead or one area: which Atom feeds the site publishes beyond
the site's and each plan's, which items each one follows, and which feeds each page
advertises (``<link rel="alternate" type="application/atom+xml">``, so a feed reader given the
page finds them).

Every counted item has a feed of its own, even before its first update, so a resident can
subscribe and hear of the first one; so has every lead (across plans, as the lead's page
groups them) and every area of a plan.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.content.model import Item, Site
from generator.content.rules import counted
from generator.pages import paths


@dataclass(frozen=True)
class Feed:
    """One feed: its title, what it follows, its file and the page it stands for."""

    title: str
    subtitle: str
    path: str
    page: str
    items: list[Item]


def lead_names(item: Item) -> list[str]:
    """The leads an item names: its lead split at each "/", as written otherwise."""
    lead = item.text.get("lead") or ""
    names = [" ".join(part.split()) for part in lead.split("/")]
    return [name for name in names if paths.slug(name) != "item"]


def followed(site: Site) -> list[Feed]:
    """The feed of every counted item, every lead and every area of a plan."""
    found: list[Feed] = []
    leads: dict[str, Feed] = {}
    for plan in site.plans:
        for item in counted(plan.walk()):
            found.append(Feed(f"{item.ref} {item.title}: progress updates",
                              f"Progress updates on {item.ref} of {plan.title}.",
                              paths.item_feed_file(item), paths.item_page(item), [item]))
            for name in lead_names(item):
                feed = leads.setdefault(paths.lead_page(name), Feed(
                    f"{name}: progress updates", f"Progress updates on the items {name} leads.",
                    paths.lead_feed_file(name), paths.lead_page(name), []))
                if not feed.items or feed.items[-1] is not item:
                    feed.items.append(item)
        for area in plan.areas:
            found.append(Feed(
                f"{area.name}: progress updates",
                f"Progress updates on the items of {plan.title} in {area.name}.",
                paths.area_feed_file(plan, area.id), paths.area_page(plan, area.id),
                [item for item in counted(plan.walk()) if area.id in item.areas]))
    return found + sorted(leads.values(), key=lambda feed: feed.path)


def page_feeds(site: Site) -> dict[str, list[tuple[str, str]]]:
    """The feeds each page advertises, as (title, feed file), by page path."""
    site_feed = (f"{site.title}: progress updates", paths.SITE_FEED)
    found: dict[str, list[tuple[str, str]]] = {paths.HOME: [site_feed],
                                               paths.CHANGES: [site_feed]}
    for plan in site.plans:
        found[paths.plan_page(plan)] = [(f"{plan.title}: progress updates",
                                         paths.feed_file(plan.id))]
    for feed in followed(site):
        own = (feed.title, feed.path)
        if len(feed.items) == 1 and paths.item_page(feed.items[0]) == feed.page:
            found[feed.page] = [own, *found[paths.plan_page(feed.items[0].plan_id)]]
        else:
            found[feed.page] = [own]
    return found
