"""The glossary: the words this site uses, in plain English, and the council's abbreviations.

The site's own words are listed here (:func:`site_groups` in a catalog's language,
:data:`SITE_GROUPS` in English): their terms and meanings are the catalog's ``glossary.*``,
each kind's term is ``item.kind_title.*`` and each status's ``status.*``. The abbreviations and
terms the council's data uses come from ``site.yml`` (``glossary``). Each entry has a stable
anchor on the glossary page, the same in every language.

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

from generator.content.catalog import Catalog, english
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


KIND_MEANINGS = {key.removeprefix("glossary.kind."): text
                 for key, text in english().entries.items()
                 if key.startswith("glossary.kind.") and isinstance(text, str)}
"""What each kind of item is, in plain words, in English (the catalog's ``glossary.kind.*``:
every kind of the content format)."""

_PLANS: tuple[tuple[str, tuple[str, str] | None], ...] = (
    ("item", None),
    ("plan", None),
    ("draft", (_RULES, "draft-and-superseded-plans")),
    ("adopted", None),
    ("superseded", (_RULES, "draft-and-superseded-plans")),
    ("roll-up", None),
    ("source-ref", None),
    ("editorial-note", None),
)
_PROGRESS: tuple[tuple[str, tuple[str, str] | None], ...] = (
    ("status", (_RULES, "what-each-status-means")),
    ("rag-status", (_RULES, "what-each-status-means")),
    ("as-of", (_RULES, "status-may-be-out-of-date")),
    ("due-date", (_RULES, "overdue")),
    ("lead", None),
    ("support", None),
    ("overdue", (_RULES, "overdue")),
    ("passed-unreported", (_RULES, "due-date-passed-no-progress-reported")),
    ("progress-update", None),
)
"""The site's own words under "Plans and items" and "Progress": each entry's id (its term and
meaning are the catalog's ``glossary.entry.<id>.term`` and ``.meaning``) and the page that says
more."""


def _entries(found: Iterable[tuple[str, tuple[str, str] | None]],
             words: Catalog) -> tuple[Entry, ...]:
    return tuple(Entry(entry, words(f"glossary.entry.{entry}.term"),
                       words(f"glossary.entry.{entry}.meaning"), more) for entry, more in found)


def kind_entries(words: Catalog | None = None) -> tuple[Entry, ...]:
    """Each kind of item, in ``words``' language (None: English)."""
    words = words or english()
    return tuple(Entry(kind, words(f"item.kind_title.{kind}"), words(f"glossary.kind.{kind}"))
                 for kind in ITEM_KINDS)


def status_entries(words: Catalog | None = None) -> tuple[Entry, ...]:
    """Each published status, in ``words``' language (None: English)."""
    words = words or english()
    return tuple(Entry(word, words(f"status.{word}.label"), words(f"status.{word}.meaning"),
                       (_RULES, word)) for word in STATUSES)


class SiteGroups(tuple[Group, ...]):
    """The site's own words under their headings, in one language: :meth:`in_language` gives
    them in another (the glossary page asks for them in its own)."""

    def in_language(self, words: Catalog) -> SiteGroups:
        return site_groups(words)


_GROUPS: dict[tuple[str, int], SiteGroups] = {}


def site_groups(words: Catalog | None = None) -> SiteGroups:
    """The site's own words, under their headings on the glossary page, in ``words``'
    language (None: English)."""
    words = words or english()
    key = (words.language, words.fingerprint)
    if key not in _GROUPS:
        _GROUPS[key] = SiteGroups((
            Group("plans-and-items", words("glossary.group.plans-and-items"),
                  _entries(_PLANS, words)),
            Group("kinds-of-item", words("glossary.group.kinds-of-item"), kind_entries(words)),
            Group("progress", words("glossary.group.progress"), _entries(_PROGRESS, words)),
            Group("statuses", words("glossary.group.statuses"), status_entries(words)),
        ))
    return _GROUPS[key]


_ENTRIES: dict[tuple[str, int], dict[str, Entry]] = {}


def site_entries(words: Catalog | None = None) -> dict[str, Entry]:
    """The site's own words by id, in ``words``' language (None: English)."""
    words = words or english()
    key = (words.language, words.fingerprint)
    if key not in _ENTRIES:
        _ENTRIES[key] = {entry.id: entry for group in site_groups(words)
                         for entry in group.entries}
    return _ENTRIES[key]


COUNCIL_GROUP = ("council-terms", english()("glossary.council.heading"))
"""The heading of the entries from ``site.yml`` (its anchor, its text in English: the catalog's
``glossary.council.heading``)."""

SITE_GROUPS = site_groups()
"""The site's own words in English."""
SITE_ENTRIES = site_entries()


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


def site_term(entry_id: str, text: str, glossary: str, words: Catalog | None = None) -> Markup:
    """One of the site's own words as a link to its glossary entry, with its meaning (in
    ``words``' language; None: English)."""
    entry = (SITE_ENTRIES if words is None else site_entries(words))[entry_id]
    return Markup('<a class="pt-term" href="{href}" title="{meaning}">{text}</a>').format(
        href=Markup(f"{glossary}#{entry.id}"), meaning=_attribute(entry.meaning), text=text)


def _attribute(text: str) -> Markup:
    """Text for an attribute value: escaped as all council text is, on one line."""
    return escape_text(" ".join(text.split()))
