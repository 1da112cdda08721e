"""The glossary: the words this site uses, in plain English, and the council's abbreviations.

The site's own words live here (:data:`SITE_GROUPS`, with each status taken from
:data:`generator.content.status.STATUSES`); the abbreviations and terms the council's data
uses come from ``site.yml`` (``glossary``). Each entry has a stable anchor on the glossary page.

:class:`TermLinker` explains the council's terms where its text uses them. It works on text
that is already escaped (:func:`generator.pages.text.escape_text`), so council text never
becomes markup: it matches the escaped form of each term, whole words only (a term followed
by a plain "s", such as "CDRPs" for "CDRP", counts as the term), skips tags and character
references, and never wraps text inside a link.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from markupsafe import Markup

from generator.content.model import Term
from generator.content.schema import ITEM_KINDS
from generator.content.status import STATUSES
from generator.pages import paths
from generator.pages.text import escape_text


@dataclass(frozen=True)
class Entry:
    """One glossary entry: its anchor on the glossary page, the word, and what it means."""

    id: str
    term: str
    meaning: str
    more: tuple[str, str] | None = None
    """A page of this site that says more (its path, and an anchor on it)."""


@dataclass(frozen=True)
class Group:
    """A heading of the glossary page and its entries."""

    id: str
    heading: str
    entries: tuple[Entry, ...]


_RULES = paths.METHODOLOGY

KIND_MEANINGS = {
    "section": "A heading that groups the items of a plan. Its page shows the roll-up of "
               "the items beneath it. Sections are not counted in the totals.",
    "recommendation": "Something a review advised the council to do. The actions beneath it "
                      "say how the council will do it.",
    "aim": "A broad purpose a plan sets out. The objectives and actions beneath it say how "
           "it is to be met.",
    "objective": "A particular result a plan means to achieve, often by a stated date.",
    "action": "A piece of work the council said it would do, usually with a lead and a due "
              "date.",
    "commitment": "Something a council has promised to do, often in a charter agreed with "
                  "its partners.",
    "indicator": "A figure the council measures to see whether things are getting better, "
                 "with a starting figure (the baseline) and targets year by year.",
    "step": "One stage of a larger action.",
}
"""What each kind of item is, in plain words (every kind of the content format)."""

_PLANS = (
    Entry("item", "Item", "One entry in a plan: a recommendation, aim, objective, action, "
          "commitment, indicator or step. Each item has its own page with its status, its "
          "details and its progress updates."),
    Entry("plan", "Plan", "A document in which a council says what it will do, such as an "
          "action plan, a strategy or a service plan. This site publishes each plan’s items "
          "in the council’s own words."),
    Entry("draft", "Draft plan", "A plan published before it was agreed. Its dates were "
          "proposals, so this site calls none of its items overdue.",
          (_RULES, "draft-and-superseded-plans")),
    Entry("adopted", "Adopted plan", "A plan the council has agreed and is carrying out."),
    Entry("superseded", "Superseded plan", "A plan that a later plan has replaced. This site "
          "makes no deadline claims about its items.", (_RULES, "draft-and-superseded-plans")),
    Entry("roll-up", "Roll-up", "A summary of the items beneath a section or an item: how "
          "many there are at each status and how many are complete."),
    Entry("source-ref", "Source’s own ref", "The reference number the source document gives "
          "an item. Where this site had to publish the item under another ref (for example "
          "because two rows shared one, or a row had none), the item’s page says so."),
    Entry("editorial-note", "Editorial note", "A note from the people who published this "
          "site, saying what they decided where the source was unclear or incomplete. It is "
          "not the council’s own text."),
)

_PROGRESS = (
    Entry("status", "Status", "Where the work on an item stands, as the council reported "
          "it. This site shows one of the statuses below, and the council’s own wording "
          "beside it.", (_RULES, "what-each-status-means")),
    Entry("rag-status", "RAG status", "A red, amber or green rating, like a traffic light, "
          "that councils use to report progress. This site shows the status the council’s "
          "colour stands for, with the council’s wording (such as \"Green - on track\") "
          "beside it.", (_RULES, "what-each-status-means")),
    Entry("as-of", "As of, judged as of", "The date this site judges dates against: an item "
          "is overdue, due soon or possibly out of date as of that date. The statuses "
          "themselves are the council’s.", (_RULES, "status-may-be-out-of-date")),
    Entry("due-date", "Due date", "When the plan says an item will be done, as the council "
          "wrote it (such as \"Aug-22\"). A month means its last day.", (_RULES, "overdue")),
    Entry("lead", "Lead", "The person, team or organisation the plan names as responsible "
          "for an item."),
    Entry("support", "Support", "Others the plan names to help the lead with an item."),
    Entry("overdue", "Overdue", "The council has reported a status that is not complete or "
          "cancelled, and the due date has passed.", (_RULES, "overdue")),
    Entry("passed-unreported", "Due date passed, no progress reported", "The due date has "
          "passed and the council has published no status for the item. That is a fact about "
          "the record, not a judgement: it is not called overdue.",
          (_RULES, "due-date-passed-no-progress-reported")),
    Entry("progress-update", "Progress update", "A dated report from the council on one "
          "item: its status on that date and, often, a note of what changed."),
)


def kind_entries() -> tuple[Entry, ...]:
    return tuple(Entry(kind, kind.capitalize(), KIND_MEANINGS[kind]) for kind in ITEM_KINDS)


def status_entries() -> tuple[Entry, ...]:
    return tuple(Entry(status.word, status.label, status.meaning, (_RULES, status.word))
                 for status in STATUSES.values())


def site_groups() -> tuple[Group, ...]:
    """The site's own words, under their headings on the glossary page."""
    return (
        Group("plans-and-items", "Plans and items", _PLANS),
        Group("kinds-of-item", "Kinds of item", kind_entries()),
        Group("progress", "Progress", _PROGRESS),
        Group("statuses", "Statuses", status_entries()),
    )


COUNCIL_GROUP = ("council-terms", "Abbreviations and terms in the council’s plans")
"""The heading of the entries from ``site.yml`` (its anchor, its text)."""

SITE_GROUPS = site_groups()
SITE_ENTRIES = {entry.id: entry for group in SITE_GROUPS for entry in group.entries}


def council_entries(terms: Iterable[Term]) -> tuple[Entry, ...]:
    """The council's terms as entries, each with an anchor unique on the glossary page: the
    term as a slug (``T&PCs``: ``t-pcs``), numbered on when the site or an earlier term has it."""
    taken = set(SITE_ENTRIES) | {g.id for g in SITE_GROUPS} | {COUNCIL_GROUP[0]}
    found = []
    for term in terms:
        base = paths.slug(term.term)
        anchor, number = base, 1
        while anchor in taken:
            number += 1
            anchor = f"{base}-{number}"
        taken.add(anchor)
        found.append(Entry(anchor, term.term, term.meaning))
    return tuple(found)


_TAG = r"<[^<>]*>"
_REFERENCE = r"&#?[A-Za-z0-9]+;"
_UNDERSCORE = "&#95;"  # the escaped "_": a word character in the council's text
_LINK = Markup('<a class="pt-term" href="{href}" title="{meaning}"><abbr>{term}</abbr></a>')


class TermLinker:
    """Wraps the council's terms in escaped text in links to their glossary entries."""

    def __init__(self, entries: Sequence[Entry]) -> None:
        self._entries = {str(escape_text(e.term)): e for e in entries if e.term.strip()}
        forms = sorted(self._entries, key=len, reverse=True)  # "E&amp;DO" before "E&amp;D"
        terms = "|".join(re.escape(form) for form in forms)
        term = (rf"(?<!\w)(?<!{_UNDERSCORE})(?P<term>{terms})(?P<plural>s?)"
                rf"(?!\w)(?!{_UNDERSCORE})")
        self._quick = re.compile(term) if forms else None
        self._pattern = re.compile(rf"(?P<tag>{_TAG})|{term}|{_REFERENCE}")

    def link(self, text: Markup, glossary: str) -> Markup:
        """``text`` (escaped) with each term linked to ``glossary`` (a link to the glossary
        page from the page being rendered). Text inside a link or an ``<abbr>`` is left."""
        if self._quick is None or not self._quick.search(text):
            return text
        return self._linked(str(text), glossary)

    def _linked(self, text: str, glossary: str) -> Markup:
        parts, start, inside = [], 0, 0
        for match in self._pattern.finditer(text):
            tag = match.group("tag")
            if tag is not None:
                inside = max(0, inside + _nesting(tag))
                continue
            if match.group("term") is None or inside:
                continue
            entry = self._entries[match.group("term")]
            parts.append(text[start:match.start()])
            parts.append(_LINK.format(href=Markup(f"{glossary}#{entry.id}"),
                                      meaning=_attribute(entry.meaning),
                                      term=Markup(match.group("term") + match.group("plural"))))
            start = match.end()
        if not parts:
            return Markup(text)
        parts.append(text[start:])
        return Markup("".join(parts))


def _nesting(tag: str) -> int:
    """+1 for a tag that opens a link or an abbreviation, -1 for one that closes it."""
    name = re.match(r"</?\s*([A-Za-z]+)", tag)
    if name is None or name.group(1).lower() not in ("a", "abbr"):
        return 0
    return -1 if tag.startswith("</") else 1


def site_term(entry_id: str, text: str, glossary: str) -> Markup:
    """One of the site's own words as a link to its glossary entry, with its meaning."""
    entry = SITE_ENTRIES[entry_id]
    return Markup('<a class="pt-term" href="{href}" title="{meaning}">{text}</a>').format(
        href=Markup(f"{glossary}#{entry.id}"), meaning=_attribute(entry.meaning), text=text)


def _attribute(text: str) -> Markup:
    """Text for an attribute value: escaped as all council text is, on one line."""
    return escape_text(" ".join(text.split()))
