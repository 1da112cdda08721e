"""The pages of reporting rounds: each plan's list of rounds, one page per round (the plan as
reported then, and what moved since the round before), and the site's corrections page.

Everything a round's page shows comes from :mod:`generator.content.rounds`, which reads the
update log up to that round only; nothing here reads the site's ``as_of`` or a later round, so
a round's page stays the same, byte for byte, when later rounds and updates are added.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.content import rounds
from generator.content.catalog import Catalog
from generator.content.model import Item, Plan, Round, Site, Update
from generator.content.rounds import Comparison, ItemThen, Snapshot
from generator.content.rules import makes_deadline_claims, share
from generator.content.status import StatusWord
from generator.pages import paths
from generator.pages.engine import Renderer
from generator.pages.paging import by_section
from generator.pages.parts import Group


@dataclass(frozen=True)
class Row:
    """One row of a round's table of items: the item then, how deep it sits, and whether it
    was overdue when the round closed."""

    then: ItemThen
    depth: int
    overdue: bool


@dataclass(frozen=True)
class RoundView:
    """A plan as reported at one round, compared with the round before."""

    snapshot: Snapshot
    comparison: Comparison
    rows: list[Row]
    claims_deadlines: bool
    """False for a draft or superseded plan: no item is called overdue."""
    confidence: bool
    """Whether any item gives a confidence by then (only then is that axis shown)."""

    @property
    def round(self) -> Round:
        return self.snapshot.round

    @property
    def index(self) -> str:
        """The page listing the plan's rounds."""
        return paths.rounds_page(self.snapshot.plan)

    @property
    def page(self) -> str:
        return paths.round_page(self.snapshot.plan, self.round)

    @property
    def by_status(self) -> dict[StatusWord, int]:
        return self.snapshot.by_status()

    @property
    def total(self) -> int:
        return len(self.snapshot.counted)

    @property
    def overdue(self) -> list[ItemThen]:
        return self.snapshot.overdue() if self.claims_deadlines else []

    def share(self, count: int) -> str:
        return share(count, self.total)


@dataclass(frozen=True)
class Correction:
    """A progress update that corrects an earlier one of the same item."""

    plan: Plan
    item: Item
    update: Update
    corrected: Update


def round_view(plan: Plan, found: Round) -> RoundView:
    """The page of one round: the snapshot, the comparison and the rows of the table."""
    now = rounds.snapshot(plan, found)
    claims = makes_deadline_claims(plan)
    rows = [Row(then, len(then.item.ancestors()), claims and rounds.is_overdue_then(then, found))
            for then in now.items]
    return RoundView(now, rounds.compare(now), rows, claims,
                     any(then.confidence for then in now.items))


def corrections(site: Site) -> list[Correction]:
    """Every correction of the site, newest first (plan and item order on a day)."""
    found = [Correction(plan, item, update, corrected)
             for plan in site.plans for item in plan.walk() for corrected in item.updates
             if (update := corrected.corrected_by) is not None]
    return sorted(found, key=lambda c: c.update.date, reverse=True)


def pages(renderer: Renderer) -> dict[str, str]:
    """The rounds pages of every plan that has rounds, and the corrections page when the site
    has a correction, in the language of the renderer's catalog."""
    words = renderer.words
    found: dict[str, str] = {}
    for plan in renderer.site.plans:
        if plan.rounds:
            found.update(_plan_pages(renderer, plan, words))
    listed = corrections(renderer.site)
    if listed:
        found[paths.CORRECTIONS] = renderer.render_page(
            "corrections.md.j2", paths.CORRECTIONS, words("rounds.corrections.title"),
            words("rounds.corrections.description"), corrections=listed)
    return found


def index_title(plan: Plan, words: Catalog) -> tuple[str, str]:
    """The title and description of the page listing a plan's rounds."""
    return (words("rounds.index.title", plan=plan.title),
            words("rounds.index.description", plan=plan.title))


def round_title(plan: Plan, found: Round, words: Catalog) -> tuple[str, str]:
    """The title and description of a round's page."""
    return (words("rounds.round.title", plan=plan.title, round=found.label),
            words("rounds.round.description", plan=plan.title, round=found.label,
                  date=words.long_date(found.date)))


def _plan_pages(renderer: Renderer, plan: Plan, words: Catalog) -> dict[str, str]:
    views = [round_view(plan, found) for found in plan.rounds]
    index = paths.rounds_page(plan)
    unplaced = sum(1 for item in plan.walk() for u in item.updates if u.round is None)
    found = {index: renderer.render_page(
        "rounds.md.j2", index, *index_title(plan, words),
        plan=plan, views=list(reversed(views)), unplaced=unplaced)}
    for view in views:
        page = paths.round_page(plan, view.round)
        title = round_title(plan, view.round, words)
        split = renderer.split(page, round_groups(view, words))
        found[page] = renderer.render_page("round.md.j2", page, *title, plan=plan, view=view,
                                           split=split)
        found.update(renderer.part_pages(split, title[0], "round"))
    return found


def round_groups(view: RoundView, words: Catalog) -> list[Group[Row]]:
    """A round's tables as groups (for splitting a long one): what was overdue when the
    round closed, then every item, section by section, the items outside them last."""
    sections = by_section(view.rows, lambda row: row.then.item, lambda row: row.depth, words,
                          heading="every", taken=frozenset({"overdue"}))
    overdue = [row for row in view.rows if row.overdue]
    return [Group("overdue", words("rounds.round.overdue_heading", round=view.round.label),
                  overdue, heading="overdue"), *sections]
