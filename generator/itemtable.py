"""A plan's items as rows of a table: one row per item, every field, and back again.

This is the format of the CSV, JSON and Excel exports and of ``plantrack import --format
plantrack``, so an export re-imports to the same data. Lists are joined with "; " and the
structured fields (updates, targets) are JSON text in their cell.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from .model import Item, Plan
from .schema import ITEM

LIST_FIELDS = ("related", "tags", "areas")
JSON_FIELDS = ("updates", "targets")
COLUMNS: tuple[str, ...] = (
    "plan", "ref", "parent",
    *(f.name for f in ITEM if f.name not in ("ref", "items")),
)
"""Every column, in order: the plan id, the item's ref and its parent's ref, then each field."""

SEPARATOR = "; "
NO_SOURCE_REF = "(none)"
"""The source_ref cell of an item whose source document gives it no ref."""


def item_row(plan: Plan, item: Item) -> dict[str, str]:
    """One item as a row of text cells (empty string where the item has no value)."""
    values: dict[str, Any] = {
        "plan": plan.id,
        "ref": item.ref,
        "parent": item.parent.ref if item.parent else "",
        "kind": item.kind,
        "title": item.title,
        **item.text,
        "due": item.due.text if item.due else "",
        "original_due": item.original_due.text if item.original_due else "",
        "status": item.wording or "",
        "progress": "" if item.progress is None else str(item.progress),
        "source_ref": {None: "", "": NO_SOURCE_REF}.get(item.source_ref, item.source_ref),
        "related": SEPARATOR.join(item.related),
        "tags": SEPARATOR.join(item.tags),
        "areas": SEPARATOR.join(item.areas),
        "updates": _json([
            {"date": u.date.isoformat(), **({"status": u.wording} if u.wording else {}),
             **({"note": u.note} if u.note else {})}
            for u in item.updates
        ]),
        "targets": _json([
            {k: v for k, v in vars(t).items() if v is not None} for t in item.targets
        ]),
    }
    return {column: str(values.get(column) or "") for column in COLUMNS}


def plan_rows(plan: Plan) -> Iterator[dict[str, str]]:
    """Every item of the plan as a row, parents before children."""
    for item in plan.walk():
        yield item_row(plan, item)


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


def _json(values: list[dict[str, str]]) -> str:
    return json.dumps(values, ensure_ascii=False) if values else ""
