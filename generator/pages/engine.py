"""Render a loaded site as Markdown pages: ``{path: markdown}``, with no MkDocs involved.

Each page is a Jinja2 template in ``generator/templates``. Templates autoescape: every value
that reaches a page passes through :func:`generator.text.escape_text` unless a template marks
it as already safe, so council data can never become markup.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any, NamedTuple

import jinja2
from markupsafe import Markup

from generator.content import rounds, rules
from generator.content.catalog import Catalog, english
from generator.content.codes import CODES
from generator.content.dates import Due
from generator.content.model import Decision, Item, Plan, Site, Update
from generator.content.schema import (
    DETAIL_FIELDS,
    ITEM_KINDS,
    PLAN_STATUSES,
    REFERENCE_TABLES,
    json_schema,
)
from generator.content.status import (
    CONFIDENCE_LEVELS,
    STATUSES,
    Confidence,
    Status,
    StatusWord,
)
from generator.pages import follow, glossary, paging, parts, paths
from generator.pages.feedback import feedback_link
from generator.pages.scales import council_scales
from generator.pages.text import (
    UNTRANSLATED,
    escape_text,
    fill,
    indexed_text,
    paragraphs,
    plain_title,
    shorten,
)

_DETAILS_SHOWN_ELSEWHERE = ("Reference", "Kind", "Due", "Originally due")
"""Fields the item page shows in its heading or its own Details rows (kind, due)."""


def _take(left: int | None, text: str) -> tuple[int | None, int | None]:
    """Words of ``text`` that may be indexed, and the words left after it."""
    if left is None:
        return None, None
    return left, max(0, left - len(text.split()))


def localised_statuses(words: Catalog) -> dict[StatusWord, Status]:
    """The published statuses with their labels and meanings in ``words``' language."""
    return {word: Status(word, words(f"status.{word}.label"), words(f"status.{word}.meaning"))
            for word in STATUSES}


class _DueOf(NamedTuple):
    """What due.html.j2 reads of an item: hashable, so each wording is rendered once."""

    due: Due | None
    original_due: Due | None


@dataclass(frozen=True)
class Options:
    """How pages are rendered."""

    as_of: date
    directory_urls: bool = True
    search_words: int | None = None
    """Index only this many words of each item's own text for search (None: all)."""
    rows_per_page: int = parts.ROWS_PER_PAGE
    """The most rows a list page shows before the list is split into pages."""


def long_date(day: date, words: Catalog | None = None) -> str:
    """A date as the pages write it: 25 September 2024 (in ``words``' language: 25 Medi
    2024)."""
    return (words or english()).long_date(day)


def update_anchors(item: Item) -> dict[int, str]:
    """Each update's anchor on its item's page, by ``id(update)``: ``update-<date>``, then
    ``-2``, ``-3`` for further updates of that day in the order the item lists them (the Atom
    feeds' entry ids end in the same anchors)."""
    seen: dict[date, int] = {}
    found: dict[int, str] = {}
    for update in item.updates:
        seen[update.date] = seen.get(update.date, 0) + 1
        n = seen[update.date]
        found[id(update)] = f"update-{update.date.isoformat()}" + (f"-{n}" if n > 1 else "")
    return found


def due_before(item: Item, update: Update) -> Due | None:
    """The due date in force just before ``update``: that of the latest earlier update
    revising it, else the one first published."""
    order = sorted(range(len(item.updates)), key=lambda i: (item.updates[i].date, i))
    earlier = order[:order.index(item.updates.index(update))]
    revised = [item.updates[i].due for i in earlier if item.updates[i].due is not None]
    return revised[-1] if revised else item.original_due or item.due


def translator(words: Catalog) -> Callable[..., Markup]:
    """``t(key, **values)`` for templates: the catalog's text of ``key``, escaped, with each
    value escaped as council text unless it is already markup (a link, a badge)."""
    def t(key: str, /, **values: Any) -> Markup:
        said = {name: in_words(value, words) for name, value in values.items()}
        return fill(words.pattern(key, values.get("count")), said)
    return t


def in_words(value: Any, words: Catalog) -> Any:
    """A value as a page in ``words``' language writes it: a share ("under 1%") in its words,
    anything else as it is."""
    return value.said(words) if isinstance(value, rules.Share) else value


_ENVIRONMENTS: dict[tuple[str, int], jinja2.Environment] = {}


def environment(words: Catalog) -> jinja2.Environment:
    """The templates, with dates written in ``words``' language (one environment per distinct
    catalog, so each template is compiled once per language)."""
    key = (words.language, words.fingerprint)
    if key not in _ENVIRONMENTS:
        _ENVIRONMENTS[key] = _environment(words)
    return _ENVIRONMENTS[key]


def _environment(words: Catalog) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("generator.pages", "templates"),
        autoescape=True,
        finalize=lambda value: "" if value is None else escape_text(in_words(value, words)),
        undefined=jinja2.StrictUndefined,
        auto_reload=False,  # templates are package files: no stat() per template use
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["paragraphs"] = paragraphs
    env.filters["indexed"] = indexed_text
    env.filters["longdate"] = lambda d: words.long_date(d) if d else ""
    env.globals["language"] = words.language
    return env


ENV = environment(english())


@contextlib.contextmanager
def long_lived_spared() -> Iterator[None]:
    """Leave everything that exists before rendering (the loaded model above all) out of
    Python's cycle collections while pages are rendered: none of it can become garbage
    meanwhile, and walking it again at every full collection cost a tenth of the render time
    at 10,000 items. A caller's own frozen objects (gc.freeze) are left as they are."""
    if gc.get_freeze_count():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


class Renderer:
    """Renders every page of one site."""

    def __init__(self, site: Site, options: Options,
                 page_views: Callable[[Helpers], object] | None = None) -> None:
        self.site = site
        self.options = options
        self.page_views = page_views
        """What templates reach as ``h.views`` (the site assembly gives the views layer's)."""
        self.words = site.words
        """The site's words in the language these pages are written in."""
        self.t = translator(self.words)
        self.env = environment(self.words)
        self.statuses = localised_statuses(self.words)
        self.markup: dict[tuple[Any, ...], Markup] = {}
        """Snippets (badges, flags, due dates) rendered once per distinct input."""
        self._refs: dict[str, dict[str, Item]] = {}
        self._plans = {plan.id: plan for plan in site.plans}
        self._corrections: bool | None = None
        self.plan_splits: dict[str, parts.Split[tuple[Item, int]]] = {}
        """Each plan's table as its pages split it, once worked out."""
        self._confidence = {plan.id: plan.uses_confidence for plan in site.plans}
        """Which plans report a confidence (each asked once: the answer walks the plan)."""
        self.council_terms = glossary.council_entries(site.glossary)
        self.terms = glossary.TermLinker(self.council_terms)
        """Links the council's terms (site.yml ``glossary``) where its text uses them."""

    def about_pages(self) -> dict[str, str]:
        """The methodology page, the glossary, the content-format reference and the JSON
        Schema."""
        return {
            paths.GLOSSARY: self.render_page(
                "glossary.md.j2", paths.GLOSSARY, self.words("glossary.title"),
                self.words("glossary.description"),
                groups=glossary.SITE_GROUPS, council=glossary.COUNCIL_GROUP,
                council_entries=self.council_terms),
            paths.METHODOLOGY: self.render_page(
                "methodology.md.j2", paths.METHODOLOGY, self.words("methodology.title"),
                self.words("methodology.description"), rules=rules.RULES,
                statuses=STATUSES.values(),
                confidences=CONFIDENCE_LEVELS.values(), scales=council_scales(self.site),
                round_rules=rounds.RULES, has_rounds=any(p.rounds for p in self.site.plans),
                has_corrections=self.has_corrections()),
            paths.REFERENCE: self.render_page(
                "reference.md.j2", paths.REFERENCE, self.words("reference.title"),
                self.words("reference.description"),
                tables=REFERENCE_TABLES, kinds=ITEM_KINDS, plan_statuses=PLAN_STATUSES,
                codes=CODES),
            paths.SCHEMA: json.dumps(json_schema(), indent=2) + "\n",
        }

    def home(self) -> str:
        plans = [(plan, self.totals(plan)) for plan in self.site.plans]
        return self.render_page("home.md.j2", paths.HOME, self.site.title,
                            self.site.description or self.site.council, plans=plans)

    def plan_pages(self, plan: Plan) -> dict[str, str]:
        """A plan's page, and the pages of its table when it is too long for one page."""
        found = {paths.plan_page(plan): self.plan(plan)}
        found.update(self.part_pages(self.plan_split(plan), plan.title, "plan"))
        return found

    def plan_split(self, plan: Plan) -> parts.Split[tuple[Item, int]]:
        """A plan's table, split by section when it is too long for a page (worked out once)."""
        if plan.id not in self.plan_splits:
            self.plan_splits[plan.id] = paging.plan_split(self, plan)
        return self.plan_splits[plan.id]

    def split(self, page: str, groups: list[parts.Group[Any]]) -> parts.Split[Any]:
        """A list page's rows, split into pages of their own if there are too many."""
        return parts.split(page, paths.parts_folder(page), groups, self.options.rows_per_page)

    def part_pages(self, split: parts.Split[Any], list_title: str, table: str | dict[str, str],
                   label: Callable[[parts.Group[Any]], str] = lambda group: group.label,
                   **context: Any) -> dict[str, str]:
        """The pages of a split list: see :func:`generator.pages.paging.part_pages`."""
        return paging.part_pages(self, split, list_title, table, label, **context)

    def plan(self, plan: Plan) -> str:
        return self.render_page(
            "plan.md.j2", paths.plan_page(plan), plan.title,
            plan.summary or plan.title, plan=plan, totals=self.totals(plan),
            split=self.plan_split(plan), stale=rules.is_stale(plan, self.options.as_of),
            has_status=any(i.current_status != "not-reported" for i in plan.walk()),
            decisions=[d for d in self.site.decisions if d.id in plan.decisions
                       or plan.id in d.approves],
            feedback=feedback_link(self.site, plan, None, self._absolute(paths.plan_page(plan)),
                                   self._decision_route(plan)),
        )

    def item_pages(self, plan: Plan, item: Item) -> dict[str, str]:
        """An item's page, and the pages of the items within it when they are too many for
        its page (none while the plan's own pages by section already hold them)."""
        within = paging.within(self, plan, item)
        found = {paths.item_page(item): self.item(plan, item, within)}
        if within is not None and within.landing == paths.item_page(item):
            found.update(self.part_pages(within, f"{item.ref} {item.title}", "items"))
        return found

    def item(self, plan: Plan, item: Item,
             within: parts.Split[tuple[Item, int]] | None = None) -> str:
        title = f"{item.ref} {item.title}"
        description = self.words("item.description", ref=item.ref, plan=plan.title,
                                 title=item.title,
                                 kind=self.words(f"item.kind_title.{item.kind}"))
        return self.render_page(
            "item.md.j2", paths.item_page(item), title, description, plan=plan, item=item,
            **self._indexed_words(item),
            stale=rules.is_stale(plan, self.options.as_of),
            related=[r for ref in item.related if (r := self.find(plan, ref))], within=within,
            decisions=[d for d in self.site.decisions if d.id in plan.decisions],
            feedback=feedback_link(self.site, plan, item, self._absolute(paths.item_page(item)),
                                   self._decision_route(plan)),
        )

    def _indexed_words(self, item: Item) -> dict[str, Any]:
        """The item's Details rows, and how many words of its description and of each row
        go into the search index: ``search_words`` in all, the description first, then the
        rows in page order; the lead is always indexed (None: no limit)."""
        left = self.options.search_words
        description = item.text.get("description") or ""
        description_words, left = _take(left, description)
        details = []
        for f in DETAIL_FIELDS:
            if f.name not in item.text or f.label in _DETAILS_SHOWN_ELSEWHERE:
                continue
            words, left = (None, left) if f.name == "lead" else _take(left, item.text[f.name])
            details.append((f.name, self.words(f"item.field.{f.name}"), item.text[f.name],
                            words))
        return {"details": details, "description_words": description_words}

    def decision(self, decision: Decision) -> str:
        plans = [p for p in self.site.plans if p.id in decision.approves]
        return self.render_page("decision.md.j2", paths.decision_page(decision), decision.title,
                            decision.summary or decision.title, decision=decision, plans=plans)

    def find(self, plan: Plan, ref: str) -> Item | None:
        """The plan's item with this ref (an index per plan, not a walk per lookup)."""
        if plan.id not in self._refs:
            self._refs[plan.id] = {i.ref: i for i in reversed(list(plan.walk()))}
        return self._refs[plan.id].get(ref)

    def snippet(self, template: str, **context: Any) -> Markup:
        """A small template's output, rendered once for each distinct context."""
        key = (template, *context.items())
        if key not in self.markup:
            self.markup[key] = Markup(self.env.get_template(template).render(t=self.t,
                                                                             **context))
        return self.markup[key]

    def totals(self, plan: Plan) -> rules.Totals:
        return rules.totals(plan, plan.walk(), self.options.as_of)

    def uses_confidence(self, plan: Plan | None = None) -> bool:
        """Whether ``plan`` (None: any plan of the site) reports a confidence: only then do its
        pages show that axis, so a site with one axis looks as it always has."""
        if plan is None:
            return any(self._confidence.values())
        return self._confidence.get(plan.id, False)

    def confidence_counts(self, plan: Plan) -> rules.ConfidenceCounts:
        return rules.confidence_counts(plan.walk())

    def has_corrections(self) -> bool:
        """Whether any update of the site corrects an earlier one (only then is there a
        corrections page)."""
        if self._corrections is None:
            self._corrections = any(u.corrects is not None for plan in self.site.plans
                                    for item in plan.walk() for u in item.updates)
        return self._corrections

    def plan_of(self, item: Item) -> Plan:
        return self._plans[item.plan_id]

    def _decision_route(self, plan: Plan) -> Decision | None:
        return next((d for d in self.site.decisions
                     if (d.id in plan.decisions or plan.id in d.approves) and d.feedback), None)

    def _absolute(self, page: str) -> str:
        return paths.absolute(self.site.url, page, self.options.directory_urls)

    @functools.cached_property
    def page_feeds(self) -> dict[str, list[tuple[str, str]]]:
        """The feeds each page advertises in its front matter (``feeds``), by page path."""
        return follow.page_feeds(self.site)

    def untranslated_note(self, body: str) -> str:
        """A note, in the page's language, naming the language of the texts on the page that
        the content does not give in it."""
        found = sorted({code for code in self.site.languages
                        if f'lang="{code}" class="{UNTRANSLATED}"' in body})
        notes = "".join(f'<p class="pt-untranslated-note">{self.t("languages.only_in." + c)}</p>'
                        for c in found)
        return f"{notes}\n\n" if notes else ""

    def render_page(self, template: str, page: str, title: str, description: str,
                    **context: Any) -> str:
        """A page from a template, with front matter (escaped title and description)."""
        helpers = Helpers(self, page)
        body = self.env.get_template(template).render(site=self.site, h=helpers, t=self.t,
                                                      **context)
        if UNTRANSLATED in body:
            body = self.untranslated_note(body) + body
        front: dict[str, Any] = {"title": plain_title(title),
                                 "description": plain_title(shorten(description))}
        if feeds := self.page_feeds.get(page):
            front["feeds"] = [{"title": plain_title(name), "href": paths.link(
                page, feed, self.options.directory_urls)} for name, feed in feeds]
        return "---\n" + "".join(f"{k}: {json.dumps(v)}\n" for k, v in front.items()) + "---\n\n" + body


class Helpers:
    """Functions the templates call: links relative to the page, badges, flags."""

    def __init__(self, renderer: Renderer, page: str) -> None:
        self.renderer = renderer
        self.page = page
        self.as_of = renderer.options.as_of
        self.statuses = renderer.statuses
        self.t = renderer.t
        self.words = renderer.words
        self.views = renderer.page_views(self) if renderer.page_views else None
        self._links: dict[str, Markup] = {}
        """Links from this page, by target: list pages link to each plan hundreds of times."""

    def link(self, target: Plan | Item | Decision | str) -> str:
        if isinstance(target, Plan):
            to = paths.plan_page(target)
        elif isinstance(target, Item):
            to = paths.item_page(target)
        elif isinstance(target, Decision):
            to = paths.decision_page(target)
        else:
            to = target
        if to not in self._links:
            self._links[to] = Markup(paths.link(self.page, to,
                                               self.renderer.options.directory_urls))
        return self._links[to]

    def terms(self, value: object) -> Markup:
        """Council text, escaped, with each of its terms in the glossary linked to its entry
        (text already escaped, such as ``paragraphs``' output, is not escaped again)."""
        return self.renderer.terms.link(escape_text(value), self.link(paths.GLOSSARY))

    def term(self, entry_id: str, text: str) -> Markup:
        """One of the site's own words (``text``) linked to its glossary entry."""
        return glossary.site_term(entry_id, text, self.link(paths.GLOSSARY), self.words)

    def badge(self, word: StatusWord, explain: bool = False) -> Markup:
        href = self.link(paths.METHODOLOGY) + f"#{word}" if explain else None
        return self.renderer.snippet("badge.html.j2", status=self.statuses[word], href=href)

    def confidence(self, item: Item) -> Markup:
        """The item's confidence badge (the second axis) after a space, to follow its status
        badge; nothing when the council judges none, so one-axis pages are unchanged."""
        judgement = item.current_confidence
        if judgement is None:
            return Markup("")
        return Markup(" ") + self.confidence_badge(judgement.level)

    def confidence_badge(self, level: Confidence) -> Markup:
        """A confidence badge: "Confidence: Amber", with a shape, not colour alone."""
        return self.renderer.snippet("confidence.html.j2", level=level,
                                     label=self.words(f"confidence.{level}.label"))

    def confidence_label(self, level: str) -> str:
        """"Green", "Amber", "Red", or "No confidence given" for "none"."""
        if level == rules.NO_CONFIDENCE:
            return self.words("badges.no_confidence")
        return self.words(f"confidence.{level}.label")

    def confidence_heading(self, level: str) -> str:
        """A column heading: "Confidence: Green", or "No confidence given" for "none"."""
        label = self.confidence_label(level)
        return label if level == rules.NO_CONFIDENCE else self.words("badges.confidence",
                                                                      label=label)

    def uses_confidence(self, plan: Plan | None = None) -> bool:
        return self.renderer.uses_confidence(plan)

    def flag(self, name: str) -> Markup:
        """One flag on its own ("overdue", "passed-unreported", "undated", "old")."""
        return self.renderer.snippet("flags.html.j2", late=name if name in _LATE else None,
                                     age=None if name in _LATE else name)

    def rows(self, items: list[Item], depth: int = 0) -> list[tuple[Item, int]]:
        return paging.item_rows(items, depth)

    def area_name(self, plan: Plan, area_id: str) -> str:
        return next((a.name for a in plan.areas if a.id == area_id), area_id)

    def lateness(self, item: Item) -> str | None:
        return rules.lateness(self.renderer.plan_of(item), item, self.as_of)

    def age(self, item: Item) -> str | None:
        return rules.status_age(self.renderer.plan_of(item), item, self.as_of)

    def status_date(self, item: Item) -> date | None:
        return rules.status_date(self.renderer.plan_of(item), item)

    def flags(self, item: Item, lateness: bool = True) -> Markup:
        """The flags the rules give an item: how late it is (unless ``lateness`` is False,
        where a column already says so) and how old its status is."""
        return self.renderer.snippet("flags.html.j2", age=self.age(item),
                                     late=self.lateness(item) if lateness else None)

    def due(self, item: Item) -> Markup:
        return self.due_of(item.due, item.original_due)

    def due_of(self, due: Due | None, original: Due | None = None) -> Markup:
        """A due date as due.html.j2 shows it, with the date first published when given."""
        return self.renderer.snippet("due.html.j2", item=_DueOf(due, original))

    def timeline(self, item: Item) -> list[tuple[Update, str]]:
        """The item's updates, newest first (a day's in the item's order), with anchors."""
        anchors = update_anchors(item)
        return [(u, anchors[id(u)]) for u in sorted(item.updates, key=lambda u: u.date,
                                                     reverse=True)]

    def anchor(self, item: Item, update: Update) -> str:
        return update_anchors(item)[id(update)]

    def due_before(self, item: Item, update: Update) -> Due | None:
        return due_before(item, update)

    def has_corrections(self) -> bool:
        return self.renderer.has_corrections()

    def rounds_page(self, plan: Plan) -> str:
        return paths.rounds_page(plan)

    def round_link(self, plan: Plan, label: str) -> Markup | None:
        """A link to the page of the plan's round with this label (None: no such round)."""
        found = plan.round(label)
        return None if found is None else Markup(self.link(paths.round_page(plan, found)))


_LATE = ("overdue", "passed-unreported")
