"""What an import would change in the plan file it replaces (``plantrack import --dry-run``).

The plan the file loads to now is compared with the plan the import would write: first the
plan's own fields, by the names of :mod:`generator.planfields` (``plan title``, ``plan
source.title``, ``plan editorial_notes.2``), then the items by ref: added, removed, or changed
column by column as the export gives them (:mod:`generator.itemtable`), and whether the items
come in another order. Lists (editorial notes, decisions, updates, targets) are compared
element by element, so that one note taken out reads as that note removed (``plan
editorial_notes.3 removed: ...``), not as every later note changed. Values are shown
short, as ``"old" -> "new"``: 50 characters at most from near the first difference, line breaks
as ``\\n``, ``(none)`` for no value.
"""

from __future__ import annotations

import difflib
import json
from typing import Any

from generator.content.errors import count
from generator.content.model import Plan
from generator.opendata.itemrows import COLUMNS, JSON_FIELDS, item_row
from generator.opendata.plancells import LISTS, named_cells, plan_fields

LIMIT = 50
"""The most characters of a value shown."""
CONTEXT = 12
"""How many characters before the first difference are shown when a value is cut."""
NONE = "(none)"


def changes(old: Plan, new: Plan) -> list[str]:
    """A line counting the changes, then one line per change; ``["no changes"]`` if none."""
    fields = _field_changes(old, new)
    old_rows, new_rows = _rows(old), _rows(new)
    added = [ref for ref in new_rows if ref not in old_rows]
    removed = [ref for ref in old_rows if ref not in new_rows]
    lines = list(fields)
    changed = 0
    for ref, row in new_rows.items():
        if ref in added:
            lines.append(f"item {ref} added: {_shown(row['title'])}")
            continue
        item_lines = _item_changes(ref, old_rows[ref], row)
        changed += bool(item_lines)
        lines.extend(item_lines)
    lines.extend(f"item {ref} removed: {_shown(old_rows[ref]['title'])}" for ref in removed)
    if [r for r in new_rows if r in old_rows] != [r for r in old_rows if r in new_rows]:
        lines.append("items in another order")
    if not lines:
        return ["no changes"]
    counts = [_count(len(fields), "plan field"), _count(changed, "item", "changed"),
              _count(len(added), "item", "added"), _count(len(removed), "item", "removed")]
    return ["changes: " + (", ".join(c for c in counts if c) or "the order of the items"),
            *(f"  {line}" for line in lines)]


def _count(number: int, noun: str, what: str = "") -> str:
    if not number:
        return ""
    return count(number, noun) + (f" {what}" if what else "")


def _field_changes(old: Plan, new: Plan) -> list[str]:
    before, after = _plan_cells(old), _plan_cells(new)
    names = [*after, *(name for name in before if name not in after)]
    lines = [f"plan {name}: {pair(before.get(name, ''), after.get(name, ''))}"
             for name in names if before.get(name, "") != after.get(name, "")]
    for name in LISTS:
        lines.extend(_list_changes(f"plan {name}", getattr(old, name), getattr(new, name)))
    return lines


def _plan_cells(plan: Plan) -> dict[str, str]:
    """The plan's id and own fields as named cells, lists of text left out."""
    cells = named_cells(plan_fields(plan))
    return {"id": plan.id, **{n: v for n, v in cells.items() if n.split(".")[0] not in LISTS}}


def _list_changes(name: str, old: list[str], new: list[str]) -> list[str]:
    """Elements added, removed or changed (numbered from 1: removed ones as they were)."""
    lines: list[str] = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        pairs = min(i2 - i1, j2 - j1)
        lines.extend(f"{name}.{j1 + k + 1}: {pair(old[i1 + k], new[j1 + k])}"
                     for k in range(pairs))
        lines.extend(f"{name}.{i + 1} removed: {_shown(old[i])}" for i in range(i1 + pairs, i2))
        lines.extend(f"{name}.{j + 1} added: {_shown(new[j])}" for j in range(j1 + pairs, j2))
    return lines


def _rows(plan: Plan) -> dict[str, dict[str, str]]:
    return {item.ref: item_row(plan, item) for item in plan.walk()}


def _item_changes(ref: str, old: dict[str, str], new: dict[str, str]) -> list[str]:
    lines = []
    for column in COLUMNS[2:]:
        if old[column] == new[column]:
            continue
        if column in JSON_FIELDS:
            lines.extend(_list_changes(f"item {ref} {column}", _entries(old[column]),
                                       _entries(new[column])))
        else:
            lines.append(f"item {ref} {column}: {pair(old[column], new[column])}")
    return lines


def _entries(cell: str) -> list[str]:
    """The updates or targets of a cell, each as ``name value, name value``."""
    values: list[Any] = json.loads(cell) if cell else []
    return [", ".join(f"{k} {v}" for k, v in value.items()) for value in values]


def pair(old: str, new: str) -> str:
    """``"old" -> "new"``, each cut to the part around where they first differ."""
    a, b = _escaped(old), _escaped(new)
    same = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    start = max(0, same - CONTEXT) if max(len(a), len(b)) > LIMIT else 0
    return f"{_cut(a, start) if old else NONE} -> {_cut(b, start) if new else NONE}"


def _shown(text: str) -> str:
    return _cut(_escaped(text), 0) if text else NONE


def _escaped(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)[1:-1]


def _cut(text: str, start: int) -> str:
    part = ("..." if start else "") + text[start:]
    return '"' + (part if len(part) <= LIMIT else part[: LIMIT - 3] + "...") + '"'
