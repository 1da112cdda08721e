"""The council's plans as Python objects: what validation produces and rendering reads."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

from generator.content.catalog import DEFAULT_LANGUAGE, Catalog, MissingTranslations, english
from generator.content.dates import Due
from generator.content.errors import Problem
from generator.content.schema import ItemKind, PlanStatus
from generator.content.status import NOT_REPORTED, Confidence, StatusWord
from generator.content.vocabulary import BUILT_IN_VOCABULARY, Vocabulary, Wording


@dataclass(frozen=True)
class Evidence:
    """A link to what an update rests on: minutes, a published document, a web page."""

    title: str
    url: str
    archived: str | None = None


@dataclass(frozen=True)
class Round:
    """A reporting round of a plan: progress up to its closing date was reported in it."""

    label: str
    date: date
    slug: str
    note: str | None = None


@dataclass
class Update:
    """A dated progress report on one item."""

    date: date
    status: StatusWord | None
    wording: str | None
    note: str
    before: StatusWord | None = None
    """The status this update replaced ("not-reported" for none), when the update says so."""
    before_wording: str | None = None
    """That status in the council's wording, as the update's ``from`` gives it."""
    confidence: Confidence | None = None
    confidence_wording: str | None = None
    confidence_reason: str | None = None
    round: str | None = None
    """The label of the round it was reported in: given, or the first round closing on or
    after its date; None in a plan without rounds, or after the last round closed."""
    due: Due | None = None
    """A revised due date this update reports."""
    due_reason: str | None = None
    evidence: list[Evidence] = field(default_factory=list)
    corrects: datetime.date | None = None
    """The date of the earlier update of the item that this one corrects."""
    corrected_by: Update | None = field(default=None, repr=False, compare=False)
    """The later update that corrects this one."""


@dataclass(frozen=True)
class Judgement:
    """A confidence in force: the level, the council's wording, its reason and its date."""

    level: Confidence
    wording: str
    reason: str | None
    date: date | None
    """The update's date; None when the item's own ``confidence`` gives it."""


@dataclass
class Target:
    """An indicator's target for one period, with the actual figure once reported."""

    period: str
    target: str
    actual: str | None = None


@dataclass
class Feedback:
    """How residents send views: a form URL template, an email address, or a written route."""

    form: str | None = None
    email: str | None = None
    phone: str | None = None
    fax: str | None = None
    contact: str | None = None
    deadline: str | None = None
    note: str | None = None


@dataclass
class Source:
    """The published document a plan reproduces."""

    title: str
    date: str | None = None
    reference: str | None = None
    url: str | None = None
    note: str | None = None


@dataclass
class Area:
    """A place a plan names, such as a local community area."""

    id: str
    name: str
    description: str | None = None


@dataclass
class Item:
    """One commitment, action, objective, indicator, section or step of a plan."""

    plan_id: str
    ref: str
    slug: str
    kind: ItemKind
    title: str
    line: int
    path: str = ""
    text: dict[str, str] = field(default_factory=dict)
    due: Due | None = None
    original_due: Due | None = None
    status: StatusWord | None = None
    wording: str | None = None
    confidence: Confidence | None = None
    confidence_wording: str | None = None
    confidence_reason: str | None = None
    progress: int | None = None
    updates: list[Update] = field(default_factory=list)
    related: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    areas: list[str] = field(default_factory=list)
    source_ref: str | None = None
    added_in: str | None = None
    """The label of the round the item was added to the plan in (None: from the start)."""
    targets: list[Target] = field(default_factory=list)
    children: list[Item] = field(default_factory=list)
    parent: Item | None = field(default=None, repr=False)

    @property
    def current_status(self) -> StatusWord:
        """The published status; "not-reported" when the council gives none."""
        if self.status:
            return self.status
        for update in sorted(self.updates, key=lambda u: u.date, reverse=True):
            if update.status:
                return update.status
        return NOT_REPORTED

    @property
    def current_confidence(self) -> Judgement | None:
        """The confidence in force (the item's own, else the latest update's that gives one),
        with the council's wording and reason; None when the council judges none."""
        if self.confidence:
            return Judgement(self.confidence, self.confidence_wording or self.confidence,
                             self.confidence_reason, None)
        for update in sorted(self.updates, key=lambda u: u.date, reverse=True):
            if update.confidence:
                return Judgement(update.confidence, update.confidence_wording
                                 or update.confidence, update.confidence_reason, update.date)
        return None

    def ancestors(self) -> list[Item]:
        """Parents from the top of the plan down to this item's parent."""
        chain: list[Item] = []
        node = self.parent
        while node is not None:
            chain.insert(0, node)
            node = node.parent
        return chain

    def walk(self) -> Iterator[Item]:
        """This item and every item beneath it, in the plan's order."""
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class Plan:
    """One council plan and all its items."""

    id: str
    title: str
    file: str
    organisation: str | None = None
    kind: str | None = None
    status: PlanStatus | None = None
    summary: str | None = None
    period: str | None = None
    reported: date | None = None
    source: Source | None = None
    decisions: list[str] = field(default_factory=list)
    feedback: Feedback | None = None
    areas: list[Area] = field(default_factory=list)
    editorial_notes: list[str] = field(default_factory=list)
    statuses: list[Wording] = field(default_factory=list)
    """The plan's own wordings, tried before the site's."""
    rounds: list[Round] = field(default_factory=list)
    """The reporting rounds, oldest first."""
    vocabulary: Vocabulary = field(default=BUILT_IN_VOCABULARY, repr=False)
    """Every wording the plan is read with: its own, the site's, then the built-in ones."""
    items: list[Item] = field(default_factory=list)
    lines: dict[str, int] = field(default_factory=dict, repr=False)

    def walk(self) -> Iterator[Item]:
        """Every item of the plan, parents before children, in the plan's order."""
        for item in self.items:
            yield from item.walk()

    @property
    def uses_confidence(self) -> bool:
        """Whether any item of the plan reports a confidence."""
        return any(item.current_confidence for item in self.walk())

    def find(self, ref: str) -> Item | None:
        return next((item for item in self.walk() if item.ref == ref), None)

    def round(self, label: str) -> Round | None:
        return next((r for r in self.rounds if r.label == label), None)


@dataclass
class Section:
    """A headed part of a decision record."""

    heading: str
    text: str


@dataclass
class Decision:
    """A decision record (such as a Cabinet Member report) about one or more plans."""

    id: str
    title: str
    file: str
    reference: str | None = None
    organisation: str | None = None
    decision_maker: str | None = None
    date: date | None = None
    decision_due: str | None = None
    author: str | None = None
    contact: str | None = None
    divisions: str | None = None
    summary: str | None = None
    recommendation: str | None = None
    sections: list[Section] = field(default_factory=list)
    background_papers: list[str] = field(default_factory=list)
    outcome: str | None = None
    approves: list[str] = field(default_factory=list)
    feedback: Feedback | None = None
    lines: dict[str, int] = field(default_factory=dict, repr=False)


@dataclass(frozen=True)
class Term:
    """An abbreviation or term the data uses, and what it means."""

    term: str
    meaning: str


@dataclass
class Site:
    """Everything the site publishes: its settings, plans and decision records."""

    title: str
    council: str
    url: str
    description: str | None = None
    as_of: date | None = None
    feedback: Feedback = field(default_factory=Feedback)
    licence: str | None = None
    glossary: list[Term] = field(default_factory=list)
    statuses: list[Wording] = field(default_factory=list)
    """The site's own wordings, tried for every plan after the plan's own."""
    plans: list[Plan] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)
    languages: list[str] = field(default_factory=lambda: [DEFAULT_LANGUAGE])
    """The languages the site is published in; the first is at its root."""
    missing_translations: MissingTranslations = "error"
    language: str = DEFAULT_LANGUAGE
    """The language this model's texts are in (each language is loaded on its own)."""
    words: Catalog = field(default_factory=english)
    """The site's interface text in ``language``."""
    warnings: list[Problem] = field(default_factory=list)
    """What the content lacks that the site allows (missing translations, when it warns)."""

    @property
    def default_language(self) -> str:
        return self.languages[0]

    @property
    def vocabulary(self) -> Vocabulary:
        """The wordings every plan is read with, after its own."""
        return BUILT_IN_VOCABULARY.extended(self.statuses)

    @property
    def uses_confidence(self) -> bool:
        """Whether any item reports a confidence: only then do pages show that axis."""
        return any(plan.uses_confidence for plan in self.plans)

    def plan(self, plan_id: str) -> Plan | None:
        return next((plan for plan in self.plans if plan.id == plan_id), None)

    def decision(self, decision_id: str) -> Decision | None:
        return next((d for d in self.decisions if d.id == decision_id), None)
