"""A plan's own fields (everything but its id and items) as named cells, and back again.

The Excel export's "Plans" sheet holds them, one row per field with the columns ``plan`` (the
plan's id: an export of several plans lists the fields of each), ``field`` and ``value``
(neutralised against formulas as the Items sheet is); ``plantrack import`` reads that sheet
(and the JSON export's ``plans`` through :func:`json_cells`), and the dry run names changed
plan fields the same way. The names:

* a text field by its own name: ``title``, ``organisation``, ``kind``, ``status``, ``summary``,
  ``period``, ``reported`` (YYYY-MM-DD). These are always listed, empty or not;
* a part of a record by ``record.part``: ``source.title``, ``feedback.email``;
* the N-th element of a list, counting from 1, by ``list.N``: ``editorial_notes.2``,
  ``decisions.1``; a part of a listed record by ``list.N.part``: ``areas.1.id``;
* on a site in several languages, a text in another language than the first by its name and
  the language: ``title/cy``, ``source.title/cy``, ``areas.1.name/cy``.

Every row names its own field, so sorting the sheet or deleting a row loses nothing else;
lists are put back in the order of their numbers.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from collections.abc import Callable
from datetime import date
from typing import Any

from generator.content.model import Plan, Round
from generator.content.schema import NESTED, PLAN, Field
from generator.content.vocabulary import Wording

PLANS_SHEET = "Plans"
PLANS_COLUMNS = ("plan", "field", "value")
"""The columns of the Excel export's second sheet: one row per field of each plan."""
OWN = tuple(f for f in PLAN if f.name not in ("id", "items"))
"""The plan's own fields, in the order of the content format."""
RECORDS = tuple(f.name for f in OWN if f.type in ("source", "feedback"))
"""Fields holding one record (a mapping)."""
RECORD_LISTS = tuple(f.name for f in OWN if f.type in NESTED and f.name not in RECORDS)
"""Fields holding a list of records."""
LISTS = tuple(f.name for f in OWN if f.type.endswith("-list"))
"""Fields holding a list of text."""
TEXTS = tuple(f.name for f in OWN if f.name not in (*RECORDS, *RECORD_LISTS, *LISTS))
"""Fields holding one text (a date is written as text)."""
NAME = re.compile(r"([a-z_]+)(?:\.(\d+))?(?:\.([a-z_]+))?")
LANGUAGE = re.compile(r"[a-z]{2,3}")
IN_LANGUAGE = re.compile(r"(.+)/([a-z]{2,3})")
"""A named cell of a text in another language than the site's first: ``title/cy``."""

FieldProblem = Callable[[int, str, str], None]
"""``problem(index of the cell, code, message)`` for a named cell that cannot be used."""


def plan_fields(plan: Plan) -> dict[str, Any]:
    """The plan's own fields as a plan file gives them; absent and empty values left out."""
    fields: dict[str, Any] = {}
    for spec in OWN:
        value = _plain(getattr(plan, spec.name, None))
        if value not in (None, "", [], {}):
            fields[spec.name] = value
    return fields


def _plain(value: Any) -> Any:
    texts = getattr(value, "texts", None)
    if texts and len(texts) > 1:
        return dict(texts)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Wording):
        return value.as_fields()
    if isinstance(value, Round):  # its slug is the site's, made from the label
        return {k: v for k, v in (("label", value.label), ("date", value.date.isoformat()),
                                  ("note", _plain(value.note))) if v}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {k: _plain(v) for k, v in vars(value).items() if v not in (None, "")}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def named_cells(fields: dict[str, Any]) -> dict[str, str]:
    """The fields as named cells (every text field, then what the plan has), in order; a text
    given in several languages is a cell per language (``title``, ``title/cy``)."""
    cells: dict[str, str] = {}
    for name in TEXTS:
        cells.update(_by_language(name, fields.get(name)))
    for spec in OWN:
        value = fields.get(spec.name)
        if spec.name in RECORDS and value:
            for k, v in value.items():
                cells.update(_by_language(f"{spec.name}.{k}", v))
        elif spec.name in LISTS and value:
            cells.update({f"{spec.name}.{i}": str(v) for i, v in enumerate(value, start=1)})
        elif spec.name in RECORD_LISTS and value:
            for i, record in enumerate(value, start=1):
                for k, v in record.items():
                    cells.update(_by_language(f"{spec.name}.{i}.{k}", v))
    return {name: cells[name] for name in sorted(cells, key=_position)}


def _by_language(name: str, value: Any) -> dict[str, str]:
    """One named cell, or one per language for a text given in several (the first's under
    the name itself)."""
    if isinstance(value, dict) and value and all(LANGUAGE.fullmatch(k) for k in value):
        first, *others = value
        return {name: str(value[first]), **{f"{name}/{code}": str(value[code])
                                            for code in others}}
    return {name: str(value or "")}


def _position(name: str) -> tuple[int, int, int]:
    """Where a named cell goes: by field, then element number, then part (a language's
    version just after its first language's)."""
    if (translated := IN_LANGUAGE.fullmatch(name)):
        name = translated[1]
    match = NAME.fullmatch(name)
    if not match:
        return (len(OWN), 0, 0)
    names = [f.name for f in OWN]
    top, number, part = match.groups()
    parts = [f.name for f in NESTED.get(_spec(top).type, ())] if top in names else []
    return (names.index(top) if top in names else len(OWN), int(number or 0),
            parts.index(part) if part in parts else len(parts))


def _spec(name: str) -> Field:
    return next(f for f in OWN if f.name == name)


def cell_name(path: str) -> str:
    """The named cell of a field path as ``plantrack check`` gives it: ``areas[0].id`` is
    ``areas.1.id``."""
    return re.sub(r"\[(\d+)\]", lambda m: f".{int(m[1]) + 1}", path)


def fields_from_cells(cells: list[tuple[str, str]], problem: FieldProblem,
                      language: str = "en") -> dict[str, Any]:
    """Plan fields from named cells (name, text); empty cells are left out, unknown or repeated
    names reported. A text in another language (``title/cy``) joins its first language's
    (``language``) as ``{en: ..., cy: ...}``."""
    seen: set[str] = set()
    fields: dict[str, Any] = {}
    numbered: dict[str, dict[int, Any]] = {}
    translations: list[tuple[str, str, str]] = []
    for index, (name, text) in enumerate(cells):
        name = name.strip()
        if name in seen:
            problem(index, "duplicate-plan-field", f'expected each plan field once, found '
                                                   f'"{name}" again')
            continue
        seen.add(name)
        translated = IN_LANGUAGE.fullmatch(name)
        if translated and _fits_name(translated[1]):
            if text.strip():
                translations.append((translated[1], translated[2], text))
        elif not _fits_name(name):
            problem(index, "unknown-plan-field", f'unknown plan field "{name}"{_hint(name)}')
        elif text.strip():
            _put(fields, numbered, name, text)
    for name, code, text in translations:
        _put(fields, numbered, name, text, (language, code))
    for top, elements in numbered.items():
        fields[top] = [elements[n] for n in sorted(elements)]
    return {name: fields[name] for name in sorted(fields, key=_position)}


def _fits_name(name: str) -> bool:
    """Whether a named cell names a plan field."""
    match = NAME.fullmatch(name)
    return match is not None and _fits(*match.groups())


def _fits(top: str, number: str | None, part: str | None) -> bool:
    """Whether the parts of a name fit the field it starts with."""
    if top in TEXTS:
        return number is None and part is None
    if top in LISTS:
        return number is not None and int(number) > 0 and part is None
    parts = [f.name for f in NESTED[_spec(top).type]] if top in (*RECORDS, *RECORD_LISTS) else []
    if top in RECORDS:
        return number is None and part in parts
    return top in RECORD_LISTS and number is not None and int(number) > 0 and part in parts


def _hint(name: str) -> str:
    known = [*TEXTS, *(f"{r}.{f.name}" for r in RECORDS for f in NESTED[_spec(r).type]),
             *(f"{n}.1" for n in LISTS),
             *(f"{n}.1.{f.name}" for n in RECORD_LISTS for f in NESTED[_spec(n).type])]
    close = difflib.get_close_matches(name, known, n=1)
    return (f'; did you mean "{close[0]}"?' if close else
            "; expected a name such as title, source.title, editorial_notes.1 or areas.1.id")


def _put(fields: dict[str, Any], numbered: dict[str, dict[int, Any]], name: str,
         text: str, language: tuple[str, str] | None = None) -> None:
    """Put a cell's text in its place; with ``language`` (first, this one), as this
    language's version of the text already there."""
    top, number, part = NAME.fullmatch(name).groups()  # type: ignore[union-attr]
    holder: dict[Any, Any]
    key: Any
    if top in TEXTS:
        holder, key = fields, top
    elif top in RECORDS:
        holder, key = fields.setdefault(top, {}), part
    elif top in LISTS:
        holder, key = numbered.setdefault(top, {}), int(number)
    else:
        holder, key = numbered.setdefault(top, {}).setdefault(int(number), {}), part
    if language is None:
        holder[key] = text
        return
    first, code = language
    given = holder.get(key)
    texts = dict(given) if isinstance(given, dict) else ({first: given} if given else {})
    holder[key] = {**texts, code: text}


def json_cells(metadata: dict[str, Any]) -> list[tuple[str, str]]:
    """The named cells of a plan of the JSON export's ``plans`` list (nulls are absent
    values; ``id`` and ``url`` are not fields of the plan file)."""
    cells: list[tuple[str, str]] = []
    for name, value in metadata.items():
        if name in ("id", "url") or value is None:
            continue
        if isinstance(value, dict) and name not in TEXTS:
            for k, v in value.items():
                cells.extend(_by_language(f"{name}.{k}", v).items())
        elif isinstance(value, list):
            for i, element in enumerate(value, start=1):
                if isinstance(element, dict):
                    for k, v in element.items():
                        cells.extend(_by_language(f"{name}.{i}.{k}", v).items())
                else:
                    cells.append((f"{name}.{i}", _text(element)))
        else:
            cells.extend(_by_language(name, value).items())
    return cells


def _text(value: Any) -> str:
    return "" if value is None else str(value)
