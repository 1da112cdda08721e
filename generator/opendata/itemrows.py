"""A plan's items as rows of a table: one row per item, every field, and back again.

This is the format of the CSV, JSON and Excel exports and of ``plantrack import --format
plantrack``, so an export re-imports to the same data. Lists are joined with "; " and the
structured fields (updates, targets) are JSON text in their cell.

In CSV and Excel files every cell passes :func:`neutralise_cell` (an apostrophe before a cell
that a spreadsheet would run as a formula); importers undo it with :func:`restore_cell`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import Any

from generator.content.model import Item, Plan, Update
from generator.content.schema import ITEM

LIST_FIELDS = ("related", "tags", "areas")
JSON_FIELDS = ("updates", "targets")
COLUMNS: tuple[str, ...] = (
    "plan", "ref", "parent",
    *(f.name for f in ITEM if f.name not in ("ref", "items")),
)
"""Every column, in order: the plan id, the item's ref and its parent's ref, then each field."""

TRANSLATED_COLUMNS = frozenset(
    f.name for f in ITEM if f.translated or f.type == "due") - {"ref"}
"""The columns a site in several languages gives once per language: ``title``, ``title/cy``."""


def columns(languages: Sequence[str] = ("en",)) -> tuple[str, ...]:
    """Every column of a site in ``languages``: each translated column is followed by its
    other languages' (``title``, ``title/cy``); a one-language site's are :data:`COLUMNS`."""
    if len(languages) < 2:
        return COLUMNS
    return tuple(name for column in COLUMNS for name in (
        column, *((f"{column}/{code}" for code in languages[1:])
                  if column in TRANSLATED_COLUMNS else ())))


def in_languages(value: Any) -> Any:
    """A text as open data gives it: by language where the content gives several."""
    texts = getattr(value, "texts", None)
    return dict(texts) if texts and len(texts) > 1 else value


def base_text(value: Any) -> Any:
    """A text in the site's first language (the base of a translated one)."""
    return getattr(value, "base", value)


SEPARATOR = "; "
NO_SOURCE_REF = "(none)"
"""The source_ref cell of an item whose source document gives it no ref."""


def item_row(plan: Plan, item: Item, languages: Sequence[str] = ("en",)) -> dict[str, str]:
    """One item as a row of text cells (empty string where the item has no value); on a site
    in several languages, each translated field once per language."""
    values: dict[str, Any] = {
        "plan": plan.id,
        "ref": item.ref,
        "parent": item.parent.ref if item.parent else "",
        "kind": item.kind,
        "title": item.title,
        **item.text,
        "due": item.due.text if item.due else "",
        "original_due": item.original_due.text if item.original_due else "",
        "confidence_reason": item.confidence_reason or "",
        "status": item.wording or "",
        "confidence": item.confidence_wording or "",
        "progress": "" if item.progress is None else str(item.progress),
        "source_ref": {None: "", "": NO_SOURCE_REF}.get(item.source_ref, item.source_ref),
        "added_in": item.added_in or "",
        "related": SEPARATOR.join(item.related),
        "tags": SEPARATOR.join(item.tags),
        "areas": SEPARATOR.join(item.areas),
        "updates": _json([update_fields(u) for u in item.updates]),
        "targets": _json([
            {k: in_languages(v) for k, v in vars(t).items() if v is not None}
            for t in item.targets
        ]),
    }
    if len(languages) < 2:
        return {column: str(values.get(column) or "") for column in COLUMNS}
    row: dict[str, str] = {}
    for column in columns(languages):
        name, _, code = column.partition("/")
        value = values.get(name)
        texts = getattr(value, "texts", {})
        row[column] = str((texts.get(code) if code else base_text(value)) or "")
    return row


def update_fields(update: Update) -> dict[str, Any]:
    """An update as in a plan file: its date, the status it replaced (``from``), its status and
    its note, each status as the council worded it, the round it was reported in, a revised
    due date, its evidence and the date of the update it corrects; absent values left out."""
    values: dict[str, Any] = {
        "date": update.date.isoformat(), "from": update.before_wording or update.before,
        "status": update.wording, "confidence": update.confidence_wording,
        "confidence_reason": in_languages(update.confidence_reason),
        "note": in_languages(update.note),
        "round": update.round, "due": in_languages(update.due.text) if update.due else None,
        "due_reason": in_languages(update.due_reason),
        "evidence": [{k: in_languages(v) for k, v in vars(e).items() if v}
                     for e in update.evidence],
        "corrects": update.corrects.isoformat() if update.corrects else None}
    return {name: value for name, value in values.items() if value}


def plan_rows(plan: Plan, languages: Sequence[str] = ("en",)) -> Iterator[dict[str, str]]:
    """Every item of the plan as a row, parents before children."""
    for item in plan.walk():
        yield item_row(plan, item, languages)


def row_fields(row: dict[str, str]) -> dict[str, Any]:
    """The item fields (as in a plan file) of one row; empty cells are left out.

    ``plan`` and ``parent`` are not fields: they say where the item goes.
    """
    fields: dict[str, Any] = {}
    for column in COLUMNS[3:]:
        cell = (row.get(column) or "").strip()
        if not cell:
            continue
        if column in LIST_FIELDS:
            fields[column] = [part.strip() for part in cell.split(";") if part.strip()]
        elif column in JSON_FIELDS:
            fields[column] = json.loads(cell)
        elif column == "source_ref" and cell == NO_SOURCE_REF:
            fields[column] = ""
        else:
            fields[column] = cell
    if "ref" in row:
        fields = {"ref": row["ref"].strip(), **fields}
    return fields


def _json(values: list[dict[str, Any]]) -> str:
    return json.dumps(values, ensure_ascii=False) if values else ""


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""First characters that make a spreadsheet program read a cell as a formula."""

FORMULA_GUARD = "'"
"""The apostrophe written before such a cell in CSV and Excel exports (formula injection)."""


def neutralise_cell(cell: str) -> str:
    """A cell safe to open in a spreadsheet: an apostrophe before a formula-like start.

    A cell that starts with one of :data:`FORMULA_STARTS`, or with apostrophes followed by one
    of them, gains one leading apostrophe; every other cell is unchanged. :func:`restore_cell`
    removes exactly that apostrophe, so ``restore_cell(neutralise_cell(x)) == x`` for all text.
    """
    return FORMULA_GUARD + cell if _guarded(cell) else cell


def restore_cell(cell: str) -> str:
    """The cell as it was before :func:`neutralise_cell`. Importers of the plantrack format
    apply this to every raw cell (before stripping spaces), then call :func:`row_fields`."""
    if cell.startswith(FORMULA_GUARD) and _guarded(cell[1:]):
        return cell[1:]
    return cell


def neutralised_row(row: dict[str, str]) -> dict[str, str]:
    """Every cell of a row through :func:`neutralise_cell`."""
    return {column: neutralise_cell(cell) for column, cell in row.items()}


def restored_row(row: dict[str, str]) -> dict[str, str]:
    """Every cell of a row read from a CSV or Excel export through :func:`restore_cell`."""
    return {column: restore_cell(cell or "") for column, cell in row.items()}


def _guarded(cell: str) -> bool:
    return cell.lstrip(FORMULA_GUARD).startswith(FORMULA_STARTS)
