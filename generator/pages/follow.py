"""Following one commitment, one lead or one area: which Atom feeds the site publishes beyond
the site's and each plan's, which items each one follows, and which feeds each page
advertises (``<link rel="alternate" type="application/atom+xml">``, so a feed reader given the
page finds them).

Every counted item has a feed of its own, even before its first update, so a resident can
subscribe and hear of the first one; so has every lead (across plans, as the lead's page
groups them) and every area of a plan. Feed titles are in the site's language (``feeds.*``).
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.content.catalog import Translated
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
    """The leads an item names: its lead split at each "/", as written otherwise. Each name
    keeps the first language's name as its ``base``, so a lead's page has one address in
    every language; a translation that names a different number of leads stays one name."""
    lead = item.text.get("lead") or ""
    base = getattr(lead, "base", lead)
    names = _parts(lead)
    bases = _parts(base)
    if len(names) != len(bases):
        names, bases = [" ".join(lead.split())], [" ".join(base.split())]
    language = getattr(lead, "language", "")
    return [Translated(name, language, {}, base_name) if base is not lead else name
            for name, base_name in zip(names, bases) if paths.slug(base_name) != "item"]


def _parts(lead: str) -> list[str]:
    return [" ".join(part.split()) for part in str(lead).split("/")]


def followed(site: Site) -> list[Feed]:
    """The feed of every counted item, every lead and every area of a plan."""
    words = site.words
    found: list[Feed] = []
    leads: dict[str, Feed] = {}
    for plan in site.plans:
        for item in counted(plan.walk()):
            found.append(Feed(words("feeds.title", name=f"{item.ref} {item.title}"),
                              words("feeds.item_subtitle", ref=item.ref, plan=plan.title),
                              paths.item_feed_file(item), paths.item_page(item), [item]))
            for name in lead_names(item):
                page = paths.lead_page(name)
                feed = leads.get(page)
                if feed is None:
                    feed = leads[page] = Feed(
                        words("feeds.title", name=name),
                        words("feeds.lead_subtitle", lead=name),
                        paths.lead_feed_file(name), page, [])
                if not feed.items or feed.items[-1] is not item:
                    feed.items.append(item)
        for area in plan.areas:
            found.append(Feed(
                words("feeds.title", name=area.name),
                words("feeds.area_subtitle", plan=plan.title, area=area.name),
                paths.area_feed_file(plan, area.id), paths.area_page(plan, area.id),
                [item for item in counted(plan.walk()) if area.id in item.areas]))
    return found + sorted(leads.values(), key=lambda feed: feed.path)


def page_feeds(site: Site) -> dict[str, list[tuple[str, str]]]:
    """The feeds each page advertises, as (title, feed file), by page path."""
    site_feed = (site.words("feeds.title", name=site.title), paths.SITE_FEED)
    found: dict[str, list[tuple[str, str]]] = {paths.HOME: [site_feed],
                                               paths.CHANGES: [site_feed]}
    for plan in site.plans:
        found[paths.plan_page(plan)] = [(site.words("feeds.title", name=plan.title),
                                         paths.feed_file(plan.id))]
    for feed in followed(site):
        own = (feed.title, feed.path)
        if len(feed.items) == 1 and paths.item_page(feed.items[0]) == feed.page:
            found[feed.page] = [own, *found[paths.plan_page(feed.items[0].plan_id)]]
        else:
            found[feed.page] = [own]
    return found
