"""Views that answer residents' questions: dashboards, browse pages, embeddable badges.

:func:`pages` returns extra pages and files by path; :func:`nav` lists the pages to show in
the navigation as (title, path), titled in a catalog's language (:data:`NAV`: in English).
Templates reach the views through ``h.views`` (a :class:`PageViews` for the page being
rendered).
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from markupsafe import Markup

from generator.content import rules
from generator.content.catalog import Catalog, english
from generator.content.model import Item, Plan, Update
from generator.content.status import NOT_REPORTED, ORDER
from generator.pages import follow, parts, paths
from generator.pages.engine import ENV, Renderer
from generator.views import badges, browse, charts, figures, report, rollup
from generator.views.browse import Entry


def nav(words: Catalog) -> list[tuple[str, str]]:
    """The browse pages to show in the navigation, titled in ``words``' language."""
    return [  # not an index.md first: it would become the section's page
        (words("dashboard.nav.due"), paths.DUE),
        (words("dashboard.nav.reports"), paths.REPORTS),
        (words("dashboard.nav.status"), paths.STATUS),
        (words("dashboard.nav.leads"), paths.LEADS),
        (words("dashboard.nav.areas"), paths.AREAS),
        (words("dashboard.nav.tags"), paths.TAGS),
        (words("dashboard.nav.indicators"), paths.INDICATORS),
    ]


def confidence_nav(words: Catalog) -> tuple[str, str]:
    """Listed after "By status", only on a site where some item gives a confidence."""
    return (words("dashboard.nav.confidence"), paths.CONFIDENCE)


NAV: list[tuple[str, str]] = nav(english())
"""The browse navigation in English (:func:`nav` gives it in a page's language)."""
CONFIDENCE_NAV = confidence_nav(english())
RECENT_UPDATES = 10
DUE_SOON_SHOWN = 20
DUE_WINDOWS = (30, 90, 365)
"""The due-date filters of a plan's table, in days from the as-of date."""


@dataclass(frozen=True)
class Dashboard:
    """The figures on the home page: every plan together, then each plan."""

    rows: list[tuple[Plan | None, rules.Totals]]
    columns: list[str]
    due_soon: list[Entry]
    until: date
    recent: list[tuple[Entry, Update]]
    proposals: list[Plan]
    """Draft and superseded plans: no deadline claims are made about them."""
    confidence: list[tuple[Plan | None, rules.ConfidenceCounts]] = field(default_factory=list)
    """Counts by confidence, every plan together then each plan; empty on a one-axis site."""

    @property
    def everything(self) -> rules.Totals:
        return self.rows[0][1]


@dataclass(frozen=True)
class Embed:
    """How another website shows an item's badge."""

    src: str
    code: str


class PageViews:
    """What templates call through ``h.views``: links to views, charts, roll-ups, badges."""

    def __init__(self, helpers: Any) -> None:
        self.h = helpers
        self.renderer: Renderer = helpers.renderer
        self.as_of: date = helpers.as_of

    # --- links ---
    def link(self, page: str) -> Markup:
        """A relative link from the page being rendered (already URL-quoted)."""
        return Markup(self.h.link(page))

    def report_href(self, plan: Plan) -> Markup:
        return self.link(paths.report_page(plan))

    def lead_links(self, item: Item) -> list[tuple[str, Markup]]:
        return [(name, self.link(paths.lead_page(name))) for name in follow.lead_names(item)]

    def tag_href(self, tag: str) -> Markup:
        return self.link(paths.tag_page(tag))

    def area_href(self, plan: Plan, area_id: str) -> Markup:
        return self.link(paths.area_page(plan, area_id))

    def count(self, number: int, one: str, many: str | None = None) -> str:
        """ "1 item", "3 items"; ``many`` for other plurals ("items are"). English only: pages
        in other languages use a catalog entry with plural forms instead."""
        return f"{number} {one if number == 1 else many or one + 's'}"

    def entries(self, plan: Plan, items: list[Item]) -> list[Entry]:
        return [Entry(plan, item) for item in items]

    # --- figures ---
    def claims_deadlines(self, plan: Plan) -> bool:
        return rules.makes_deadline_claims(plan)

    def rollup(self, item: Item) -> rollup.Rollup | None:
        return rollup.rollup(item, self.renderer.uses_confidence(self.renderer.plan_of(item)))

    def confidence_counts(self, plan: Plan) -> rules.ConfidenceCounts:
        return self.renderer.confidence_counts(plan)

    def share(self, count: int, total: int) -> str:
        return rules.share(count, total)

    def present(self, by_status: dict[str, int]) -> list[str]:
        """The statuses with at least one item, in publishing order."""
        return [word for word in ORDER if by_status.get(word)]

    def status_bar(self, by_status: dict[str, int], about: str, key: str) -> Markup:
        return charts.status_bar(by_status, about, key, self.renderer.words)

    def swatch(self, word: str, key: str) -> Markup:
        return charts.swatch(word, key)

    def indicator(self, item: Item) -> tuple[figures.Indicator, Markup | None] | None:
        words = self.renderer.words
        found = figures.indicator(item, words)
        if found is None:
            return None
        about = words("dashboard.figures_for", ref=item.ref, title=item.title)
        return found, charts.indicator_chart(found, about, words)

    def roles(self, found: figures.Indicator) -> list[str]:
        """The kinds of bar an indicator chart draws, in drawing order."""
        drawn = {point.role for point in found.charted}
        return [role for role in ("baseline", "target", "actual") if role in drawn]

    def role_swatch(self, role: str) -> Markup:
        return charts.role_swatch(role)

    def dashboard(self) -> Dashboard:
        return dashboard(self.renderer)

    # --- embeddable badge ---
    def embed(self, item: Item) -> Embed:
        site_url = self.renderer.site.url.rstrip("/") + "/"
        page = paths.absolute(self.renderer.site.url, paths.item_page(item),
                             self.renderer.options.directory_urls)
        alt = self.renderer.words("dashboard.embed_alt", ref=item.ref,
                                  site=self.renderer.site.title)
        code = (f'<a href="{html.escape(page)}"><img src="{html.escape(site_url)}'
                f'{paths.badge_path(item)}" alt="{html.escape(" ".join(alt.split()))}"></a>')
        return Embed(self.link(paths.badge_path(item)), code)

    # --- filters on a plan's table, or on a list's across plans ---
    def entry_rows(self, found: list[Entry]) -> list[tuple[Item, int]]:
        """A list's items as the rows of a table (none indented), for its filters."""
        return [(entry.item, 0) for entry in found]

    def filter_options(self, rows: list[tuple[Item, int]]) -> dict[str, list[tuple[str, str]]]:
        items = [item for item, _ in rows if item.kind not in rules.CONTAINER_KINDS]
        found = {item.current_status for item in items}
        leads: dict[str, str] = {}
        for item in items:
            for name in follow.lead_names(item):
                leads.setdefault(paths.slug(name), name)
        plans = {self.renderer.plan_of(item).id: self.renderer.plan_of(item) for item in items}
        words = self.renderer.words
        late = [("overdue", words("dashboard.filter.overdue")),
                ("passed-unreported", words("dashboard.filter.passed_unreported"))]
        windows = [words("dashboard.filter.next_30_days"), words("dashboard.filter.next_90_days"),
                   words("dashboard.filter.next_12_months")]
        claims = any(rules.makes_deadline_claims(plan) for plan in plans.values())
        return {
            "plan": [(plan.id, plan.title) for plan in plans.values()],
            "status": [(w, self.renderer.statuses[w].label) for w in ORDER if w in found],
            "lead": sorted(leads.items(), key=lambda pair: pair[1].casefold()),
            "due": [*(late if claims else []), *zip(map(str, DUE_WINDOWS), windows),
                    ("none", words("dashboard.filter.no_deadline"))],
        }

    def row_data(self, item: Item, plan: Plan | None = None) -> Markup:
        """Data attributes a filterable row carries (read by plantrack-views.js); with
        ``plan``, on a list across plans, the plan's too."""
        if item.kind in rules.CONTAINER_KINDS:
            return Markup(' data-section="yes"')
        leads = " ".join(dict.fromkeys(paths.slug(n) for n in follow.lead_names(item)))
        deadline = item.due.deadline if item.due else None
        days = "" if deadline is None else str((deadline - self.as_of).days)
        late = rules.lateness(self.renderer.plan_of(item), item, self.as_of) or ""
        in_plan = "" if plan is None else f' data-plan="{html.escape(plan.id)}"'
        return Markup(f' data-status="{item.current_status}" data-leads="{leads}" '
                      f'data-due-days="{days}" data-late="{late}"{in_plan}')


def dashboard(renderer: Renderer) -> Dashboard:
    """Totals for every plan together and for each plan, what falls due soon, recent updates."""
    as_of = renderer.options.as_of
    site = renderer.site
    each: list[tuple[Plan | None, rules.Totals]] = [(p, renderer.totals(p)) for p in site.plans]
    everything = rules.combined(totals for _, totals in each)
    rows: list[tuple[Plan | None, rules.Totals]] = [(None, everything), *each]
    until = as_of + timedelta(days=report.WINDOW_DAYS)
    found = browse.entries(site)
    soon = [e for e in found if e.item.due and e.item.due.deadline
            and as_of <= e.item.due.deadline <= until and e.item.current_status not in rules.DONE
            and rules.makes_deadline_claims(e.plan)]
    soon.sort(key=browse.deadline)
    recent = sorted(((e, u) for e in found for u in e.item.updates),
                    key=lambda pair: pair[1].date, reverse=True)
    confidence: list[tuple[Plan | None, rules.ConfidenceCounts]] = []
    if renderer.uses_confidence():
        confidence = [(p, renderer.confidence_counts(p)) for p in site.plans]
        confidence.insert(0, (None, rules.combined_confidence(c for _, c in confidence)))
    return Dashboard(
        rows=rows,
        columns=[w for w in ORDER if everything.by_status.get(w) or w == NOT_REPORTED],
        due_soon=soon,
        until=until,
        recent=recent[:RECENT_UPDATES],
        proposals=[plan for plan in site.plans if not rules.makes_deadline_claims(plan)],
        confidence=confidence,
    )


def pages(renderer: Renderer) -> dict[str, str]:
    """Every view page of the site, and every item's badge, by path."""

    found: dict[str, str] = {}
    module = ENV.get_template("icons.html.j2").module
    icons = {word: Markup(module.icon(word)) for word in ORDER}  # type: ignore[attr-defined]
    for plan in renderer.site.plans:
        for item in rules.counted(plan.walk()):
            found[paths.badge_path(item)] = badges.badge_svg(item, icons[item.current_status],
                                                             renderer.words)
    found.update(_reports(renderer))
    found.update(_browse(renderer))
    return found


def _reports(renderer: Renderer) -> dict[str, str]:
    site, as_of, words = renderer.site, renderer.options.as_of, renderer.words
    found = {paths.REPORTS: renderer.render_page(
        "reports.md.j2", paths.REPORTS, words("dashboard.reports.title"),
        words("dashboard.reports.description"), plans=site.plans)}
    # the day as two digits, as the descriptions have always written it ("05 May 2025")
    as_of_text = words("dates.long", day=f"{as_of:%d}", month=words.month(as_of.month),
                       year=as_of.year)
    labels = {key: words(f"report.{heading}_heading") for key, heading in REPORT_LISTS.items()}
    for plan in site.plans:
        page = paths.report_page(plan)
        title = words("dashboard.report.title", plan=plan.title)
        found_report = report.report(plan, as_of, confidence=renderer.uses_confidence(plan))
        split = renderer.split(page, report.groups(found_report, labels,
                                                   words("report.other_items")))
        found[page] = renderer.render_page(
            "report.md.j2", page, title,
            words("dashboard.report.description", plan=plan.title, date=as_of_text),
            plan=plan, report=found_report, split=split, stale=rules.is_stale(plan, as_of))
        found.update(renderer.part_pages(split, title, report.TABLES, show_plan=False,
                                         show_status=True))
    return found


REPORT_LISTS = {"overdue": "overdue", "passed": "passed", "due-soon": "due_soon",
                "due-later": "due_later", "changes": "changes"}
"""The report's lists, each with its heading's catalog key (``report.<key>_heading``)."""


def _browse(renderer: Renderer) -> dict[str, str]:
    site, as_of, words = renderer.site, renderer.options.as_of, renderer.words
    render = renderer.render_page
    uses_confidence = renderer.uses_confidence()
    areas = browse.by_area(site)
    areas_title = words("browse.areas.title")
    timeline = browse.timeline(site, as_of, words)
    due_split = renderer.split(paths.DUE, timeline_groups(timeline))
    indicators = browse.indicators(site)
    indicators_split = renderer.split(paths.INDICATORS, by_plan(indicators))
    headings = {key: words(f"timeline.{key}_heading") for key in ("overdue", "passed", "upcoming")}
    found = {
        paths.DUE: render("timeline.md.j2", paths.DUE, words("browse.due.title"),
                          words("browse.due.description"), timeline=timeline, split=due_split),
        paths.INDICATORS: render("indicators.md.j2", paths.INDICATORS,
                                 words("browse.indicators.title"),
                                 words("browse.indicators.description"),
                                 entries=indicators, split=indicators_split),
        paths.AREAS: render("areas.md.j2", paths.AREAS, areas_title,
                            words("browse.areas.description"), areas=areas),
    }
    found.update(renderer.part_pages(
        due_split, words("browse.due.title"), "entries",
        lambda group: words("parts.under", heading=headings[group.heading], label=group.label),
        show_plan=True, show_status=True))
    found.update(renderer.part_pages(indicators_split, words("browse.indicators.title"),
                                     "indicators"))
    kinds = [("lead", paths.LEADS, browse.by_lead(site)), ("tag", paths.TAGS, browse.by_tag(site)),
             ("status", paths.STATUS, browse.by_status(site, words))]
    if renderer.uses_confidence():
        kinds.append(("confidence", paths.CONFIDENCE, browse.by_confidence(site, words)))
    for kind, index, groups in kinds:  # kind: one of GROUP_KINDS
        index_title = words(f"browse.{kind}.title")
        found[index] = render("groups.md.j2", index, index_title,
                              words(f"browse.{kind}.description"), kind=kind, groups=groups)
        for group in groups:
            title = words(f"browse.{kind}.group_title", name=group.name)
            split = renderer.split(group.path, by_plan(group.entries))
            found[group.path] = render(
                "group.md.j2", group.path, title,
                words(f"browse.{kind}.group_description", name=group.name), kind=kind,
                key=group.key, name=group.name, index=index, index_title=index_title,
                entries=group.entries, area=None, split=split, filters=GROUP_FILTERS[kind])
            found.update(renderer.part_pages(split, title, "entries", show_plan=False,
                                             show_status=kind != "status" or uses_confidence))
    for area in areas:
        title = words("browse.area.title", name=area.area.name)
        split = renderer.split(area.path, by_plan(area.entries))
        found[area.path] = render(
            "group.md.j2", area.path, title,
            words("browse.area.description", plan=area.plan.title, name=area.area.name),
            kind="area", key="", name=area.area.name, index=paths.AREAS, index_title=areas_title,
            entries=area.entries, area=area, split=split, filters=())
        found.update(renderer.part_pages(split, title, "entries", show_plan=False,
                                         show_status=True))
    return found


def timeline_groups(timeline: browse.Timeline) -> list[parts.Group[Entry]]:
    """The lists of the due-dates page as groups (for splitting): what is overdue and what
    passed unreported, plan by plan; what is still to come, year by year."""
    years: dict[int, parts.Group[Entry]] = {}
    for _, month in timeline.upcoming:
        for entry in month:
            year = browse.deadline(entry).year
            years.setdefault(year, parts.Group(str(year), str(year), [], heading="upcoming"))
            years[year].rows.append(entry)
    return [
        *(parts.Group(f"overdue-{g.key}", g.label, g.rows, heading="overdue")
          for g in by_plan(timeline.overdue)),
        *(parts.Group(f"passed-{g.key}", g.label, g.rows, heading="passed")
          for g in by_plan(timeline.passed_unreported)),
        *years.values(),
    ]


def by_plan(found: list[Entry]) -> list[parts.Group[Entry]]:
    """Entries of a browse list, one group per plan, in the plans' order (for splitting)."""
    plans: dict[str, parts.Group[Entry]] = {}
    for entry in found:
        plans.setdefault(entry.plan.id, parts.Group(entry.plan.id, entry.plan.title, []))
        plans[entry.plan.id].rows.append(entry)
    return list(plans.values())


GROUP_FILTERS = {"status": ("plan", "lead", "due"), "lead": ("plan", "status", "due"),
                 "tag": ("plan", "status", "lead", "due"),
                 "confidence": ("plan", "status", "lead", "due")}
"""The filters of each browse list's table (none on an area's: one plan, a few items)."""
GROUP_KINDS = ("lead", "tag", "status", "confidence")
"""The browse pages that group items by a name (``browse.<kind>.*`` in the catalogs)."""
