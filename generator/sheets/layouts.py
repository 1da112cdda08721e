"""The spreadsheet layouts ``plantrack import`` knows, each turning rows into items.

- charter: a council's action plan table (Ref, Action, Quality Criteria, Lead, Support, Due
  Date, RAG Status). A row whose ref ends ``.00`` and has no lead or due date is a section; the
  rows below it are its items. A row with only an Action (no ref, nothing else) is a sub-heading:
  the group of the rows beneath it, up to the next sub-heading or section. A cell holding only a
  dash is empty.
- decidim: the accountability export of Decidim (``id``, ``parent/id``, ``title/<locale>``,
  ``description/<locale>`` holding HTML, ``end_date``, ``status/key``, ``status/name/<locale>``,
  ``progress``). Results nest by ``parent/id``; HTML becomes plain text. Statuses are defined by
  each Decidim site's admins: a status is its name (else its key), and is read by
  :mod:`generator.sheets.wordings` by its name or its key, with the usual Decidim wordings
  (Planned, Ongoing, Finished) known besides the vocabulary.
- plantrack: the columns of :mod:`generator.itemtable`, as ``plantrack export`` writes them.
  The rows of the plan asked for are taken (a file of several plans gives the others, listed
  in the summary, to no one); a file of one plan gives its rows to the plan asked for, which
  may have another id.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from html.parser import HTMLParser
from typing import Any

from generator.content.catalog import shipped_languages
from generator.content.schema import ITEM
from generator.content.status import StatusWord
from generator.content.vocabulary import Vocabulary, Wording
from generator.opendata.itemrows import COLUMNS, JSON_FIELDS, restore_cell, row_fields

ProblemSink = Callable[[int, str, str, str], None]
"""``problem(row, column heading, code, message)``."""

DASHES = ("-", "\u2013", "\u2014")
IN_LANGUAGE = re.compile(r"(.+?)\s*(?:/\s*([A-Za-z]{2,3})|\(\s*([A-Za-z]{2,3})\s*\))")
TRANSLATED = frozenset(f.name for f in ITEM if f.translated or f.type == "due")
"""Item fields a spreadsheet may give in several languages."""
SECTION_REF = re.compile(r"\d+\.00")


@dataclass
class Cells:
    """One row's cells by role, and the heading of the column each role came from."""

    row: int
    values: dict[str, str]
    headings: dict[str, str]

    @property
    def blank(self) -> bool:
        return not any(value.strip() for value in self.values.values())


@dataclass
class Entry:
    """One row as an item: its fields, its parent's ref, and the heading of each field."""

    row: int
    fields: dict[str, Any]
    parent: str | None
    columns: dict[str, str]
    path: str = ""
    unit: str = "row"
    """What ``row`` counts: rows of a sheet, or items of a JSON file."""
    also: dict[str, str] = field(default_factory=dict)
    """Another wording a field may be known by (a Decidim status's key besides its name)."""
    fixed_from: str | None = None
    """The source's ref, when ``--fix-refs`` gave the row another."""
    wordings: dict[str, str] = field(default_factory=dict)
    """The row's status wording by language, where it is given in several (a Decidim
    status's ``name/en`` and ``name/cy``)."""

    def heading(self, name: str) -> str:
        return self.columns.get(name, name)


def fields_of(values: dict[str, str]) -> dict[str, Any]:
    """Item fields from cells named by field, converted as :mod:`generator.itemtable` does."""
    return row_fields({c: values[c] for c in COLUMNS[3:] + ("ref",) if c in values})


def key(text: str) -> str:
    return re.sub(r"[\s_]+", " ", text.strip().lower())


def short(text: str, limit: int = 50) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


@dataclass
class Layout:
    """A spreadsheet layout: which columns it knows and how its rows become items."""

    headings_found: list[str]
    plan_id: str
    name: str = ""
    headings: tuple[str, ...] = ()
    notes: list[str] = field(default_factory=list)
    raw_cells: bool = False
    """Whether rows are read exactly as stored (spaces and line ends untouched)."""
    unit: str = "row"
    """What a row number counts: rows of a sheet, or items of a JSON file."""
    fix_refs: bool = False
    """Whether a row without a ref is kept, to be given one (``--fix-refs``)."""
    usual_words: Vocabulary = field(default_factory=Vocabulary)
    """Status wordings this layout's exports usually use, known besides the vocabulary."""
    language: str = "en"
    """The language of the columns that name none (the site's first)."""

    def role(self, heading: str) -> str | None:
        """The role of a column: a field, a layout's own column, "" for unused, None: unknown.
        A column of a field in another language (``Action/cy``, ``title (cy)``) has the
        field's role and the language: ``title@cy``."""
        found = IN_LANGUAGE.fullmatch(heading.strip())
        language = (found[2] or found[3]).lower() if found else ""
        if found and language in shipped_languages() and language != self.language:
            base = self.own_role(found[1])
            if base and base in TRANSLATED:
                return f"{base}@{language}"
        return self.own_role(heading)

    def own_role(self, heading: str) -> str | None:
        return None

    def clean(self, role: str, text: str) -> str:
        return text

    def entries(self, rows: list[Cells], problem: ProblemSink, summary: list[str]) -> list[Entry]:
        raise NotImplementedError

    def entry(self, cells: Cells, values: dict[str, str], parent: str | None,
              columns: dict[str, str], problem: ProblemSink) -> Entry | None:
        """An entry for a row with a ref and a title; otherwise the problem, and None."""
        def heading(name: str) -> str:
            return columns.get(name, name)

        if "progress" in values:
            values = {**values, "progress": self._progress(cells.row, values["progress"])}
        ref, title = values.get("ref", "").strip(), values.get("title", "").strip()
        if not ref and not self.fix_refs:
            shown = f' (its {heading("title")} is "{short(title)}")' if title else ""
            problem(cells.row, heading("ref"), "missing-ref", f"expected a ref, found none{shown};"
                    " give --fix-refs to number it after the row above")
            return None
        if not title:
            problem(cells.row, heading("title"), "missing-title",
                    f'expected a title, found none (the row\'s ref is "{ref}")')
            return None
        return Entry(cells.row, {**self.translated(values), "ref": ref}, parent, columns,
                     unit=self.unit)

    def translated(self, values: dict[str, str]) -> dict[str, Any]:
        """Item fields from cells, each field given in several languages as a mapping
        (``title: {en: ..., cy: ...}``); a field in one language only stays text."""
        fields = fields_of({k: v for k, v in values.items() if "@" not in k})
        for name_language, text in values.items():
            if "@" not in name_language or not text.strip():
                continue
            name, language = name_language.split("@")
            given = fields.get(name)
            texts = dict(given) if isinstance(given, dict) else (
                {self.language: given} if given else {})
            fields[name] = {**texts, language: text.strip()}
        return fields

    def _progress(self, row: int, text: str) -> str:
        try:
            number = Decimal(text.rstrip("%").strip())
        except InvalidOperation:
            return text
        whole = number.quantize(Decimal(1), rounding=ROUND_HALF_UP)
        if whole != number:
            self.notes.append(f"{self.unit} {row}: progress {text} rounded to {whole}")
        return str(int(whole))


@dataclass
class Charter(Layout):
    name: str = "charter"
    headings: tuple[str, ...] = (
        "Ref", "Action", "Quality Criteria", "Lead", "Support", "Due Date", "RAG Status")

    def own_role(self, heading: str) -> str | None:
        fields = ("ref", "title", "quality_criteria", "lead", "support", "due", "status")
        return dict(zip(map(key, self.headings), fields)).get(key(heading))

    def clean(self, role: str, text: str) -> str:
        return "" if role != "ref" and text in DASHES else text

    def entries(self, rows: list[Cells], problem: ProblemSink, summary: list[str]) -> list[Entry]:
        entries: list[Entry] = []
        section: str | None = None
        group: str | None = None
        headings: list[str] = []
        for cells in rows:
            if cells.blank:
                continue
            values = cells.values
            ref, title = values.get("ref", ""), values.get("title", "")
            if not ref and title and not any(v for k, v in values.items() if k != "title"):
                group = title
                headings.append(f'row {cells.row} "{title}"')
                continue
            kind = values.get("kind", "").lower() or ("section" if SECTION_REF.fullmatch(ref)
                                                      and not values.get("lead")
                                                      and not values.get("due") else "commitment")
            is_section = kind == "section"
            values = {**values, "kind": values.get("kind") or kind}
            if not is_section and group:
                values.setdefault("group", group)
            entry = self.entry(cells, values, None if is_section else section, cells.headings,
                               problem)
            if is_section:
                section, group = ref or section, None
            if entry:
                entries.append(entry)
        if headings:
            summary.append("sub-headings, each the group of the rows beneath it: "
                           + ", ".join(headings))
        return entries


DECIDIM_UNUSED = re.compile(
    r"(category|scope|taxonomies|component|status/description|title/machine_translations|"
    r"description/machine_translations)(/.*)?|status/id|start_date|created_at|updated_at|url|"
    r"proposal_urls|reference|weight|external_id|children_count|comments_count|address|"
    r"latitude|longitude"
)
_DECIDIM_WORDS: dict[str, StatusWord] = {
    "in progress": "in-progress", "ongoing": "in-progress", "in execution": "in-progress",
    "executing": "in-progress", "under way": "in-progress", "underway": "in-progress",
    "started": "in-progress", "planned": "not-started", "pending": "not-started",
    "finished": "complete", "done": "complete", "executed": "complete",
    "implemented": "complete", "discarded": "cancelled",
}
DECIDIM_WORDS = Vocabulary([Wording(w, m, origin="decidim") for w, m in _DECIDIM_WORDS.items()])
"""Wordings Decidim sites commonly give their statuses (names or keys such as in_progress)."""


@dataclass
class Decidim(Layout):
    name: str = "decidim"
    headings: tuple[str, ...] = ("id", "parent/id", "title/en", "description/en", "start_date",
                                 "end_date", "status/key", "status/name/en", "progress")

    locale: str = "en"
    usual_words: Vocabulary = field(default_factory=lambda: DECIDIM_WORDS)

    def __post_init__(self) -> None:
        locales = [h.split("/")[1] for h in self.headings_found
                   if re.fullmatch(r"title/[A-Za-z-]+", h.strip())]
        self.locale = "en" if "en" in locales or not locales else locales[0]
        self.language = self.locale

    def role(self, heading: str) -> str | None:
        text = heading.strip()
        other = re.fullmatch(r"(title|description|status/name)/([A-Za-z-]+)", text)
        if other and other[2] != self.locale and other[2] in shipped_languages():
            return f"{other[1].replace('status/name', 'status_name')}@{other[2]}"
        own = {"id": "id", "parent/id": "parent", "end_date": "due", "progress": "progress",
               "status/key": "status_key", f"title/{self.locale}": "title",
               f"description/{self.locale}": "description",
               f"status/name/{self.locale}": "status_name"}
        if text in own:
            return own[text]
        if re.fullmatch(r"(title|description|status/name)/[A-Za-z-]+", text):
            return ""
        return "" if DECIDIM_UNUSED.fullmatch(text) else None

    def clean(self, role: str, text: str) -> str:
        return html_text(text) if role.partition("@")[0] == "description" and "<" in text else text

    def entries(self, rows: list[Cells], problem: ProblemSink, summary: list[str]) -> list[Entry]:
        entries: list[Entry] = []
        for cells in rows:
            if cells.blank:
                continue
            values = dict(cells.values)
            columns = {"ref": "id", "title": f"title/{self.locale}", **cells.headings}
            name, code = values.pop("status_name", ""), values.pop("status_key", "")
            named = {k.partition("@")[2]: values.pop(k) for k in list(values)
                     if k.startswith("status_name@")}
            columns["status"] = cells.headings.get("status_name" if name else "status_key", "")
            values["status"] = name or code
            values = {"ref": values.pop("id", ""), "kind": "action", **values}
            entry = self.entry(cells, values, values.get("parent", "").strip() or None,
                               columns, problem)
            if entry:
                if name and code:
                    entry.also["status"] = code
                others = {language: text.strip() for language, text in named.items()
                          if text.strip()}
                if name and others:
                    entry.wordings = {self.language: name.strip(), **others}
                entries.append(entry)
        return entries


@dataclass
class Plantrack(Layout):
    name: str = "plantrack"
    headings: tuple[str, ...] = COLUMNS

    def own_role(self, heading: str) -> str | None:
        text = heading.strip().lower()
        return text if text in COLUMNS else None

    raw_cells: bool = True

    def clean(self, role: str, text: str) -> str:
        """Undo the export's guard against formulas (an apostrophe before = + - @)."""
        return restore_cell(text)

    def entries(self, rows: list[Cells], problem: ProblemSink, summary: list[str]) -> list[Entry]:
        used = [c for c in rows if not c.blank]
        plans = sorted({c.values.get("plan", "") for c in used} - {""})
        if len(plans) > 1:
            if self.plan_id not in plans:
                where = "column" if self.unit == "row" else "field"
                problem(0, "plan", "unknown-plan", f'expected {self.unit}s of plan '
                        f'"{self.plan_id}" in the plan {where}, found {", ".join(plans)}')
            others = [c for c in used if c.values.get("plan", "") not in ("", self.plan_id)]
            used = [c for c in used if c not in others]
            summary.append(f"{len(others)} {self.unit}s of other plans left out "
                           f"({', '.join(p for p in plans if p != self.plan_id)})")
        elif plans and plans[0] != self.plan_id:
            summary.append(f'{self.unit}s of plan "{plans[0]}" imported as "{self.plan_id}"')
        entries = []
        for cells in used:
            values = dict(cells.values)
            for name in JSON_FIELDS:
                if values.get(name) and not self._json_ok(values[name]):
                    shown = short(values.pop(name))
                    problem(cells.row, cells.headings[name], "bad-json", f"expected a JSON list "
                            f'of fields (as the export writes), found "{shown}"')
            entry = self.entry(cells, values, values.get("parent", "").strip() or None,
                               cells.headings, problem)
            if entry:
                entries.append(entry)
        return entries

    @staticmethod
    def _json_ok(text: str) -> bool:
        try:
            value = json.loads(text)
        except ValueError:
            return False
        return isinstance(value, list) and all(isinstance(v, dict) for v in value)


LAYOUTS: dict[str, type[Layout]] = {"charter": Charter, "decidim": Decidim,
                                    "plantrack": Plantrack}


def detect(headings: list[str], mapped: set[str]) -> type[Layout] | None:
    """The layout a header row looks like, or None."""
    keys = {h.strip().lower() for h in headings}
    if {"ref", "title", "parent"} <= keys:  # before Decidim: an export may have title/cy
        return Plantrack
    if "parent/id" in keys or any(re.fullmatch(r"title/[a-z-]+", k) for k in keys):
        return Decidim
    if {"ref", "title"} <= mapped | {Charter([], "").role(h) for h in headings}:
        return Charter
    return None


class _HtmlText(HTMLParser):
    BLOCKS = frozenset({"p", "div", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "table",
                        "tr", "blockquote", "pre", "section", "article", "header", "footer"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self.skipping += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n\n")
        elif tag == "li":
            self.parts.append("\n- ")
        elif tag == "br":
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self.skipping = max(0, self.skipping - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(re.sub(r"\s+", " ", data))


def html_text(html: str) -> str:
    """HTML as plain text: paragraphs kept apart by a blank line, entities unescaped."""
    parser = _HtmlText()
    parser.feed(html)
    parser.close()
    text = re.sub(r" *\n *", "\n", "".join(parser.parts))
    return re.sub(r"\n{3,}", "\n\n", text).strip()
