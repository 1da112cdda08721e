"""The JSON export (``plantrack export --format json``) read back by ``plantrack import``.

The file is ``{"publisher", "licence", "plans": [plan metadata], "items": [item objects]}``
(see :mod:`generator.exporting`). Each item object is a row of the plantrack layout, numbered
from 1 in the order of the file: "item 3" in a problem is the third object of ``items``. Its
lists (related, tags, areas) are taken element by element, its updates and targets as they
are, a null as an absent value; its text is taken as written (a JSON file is not neutralised
against formulas, so nothing is undone). The plan's own fields come from its object in
``plans`` (:func:`generator.planfields.json_cells`).
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.content.catalog import shipped_languages
from generator.content.errors import PlanTrackerError
from generator.opendata.itemrows import COLUMNS, LIST_FIELDS, TRANSLATED_COLUMNS
from generator.sheets.layouts import Cells, Entry, ProblemSink
from generator.sheets.reading import read_bytes

UNIT = "item"
"""What a problem's number counts in a JSON file."""


@dataclass
class JsonExport:
    """What a JSON export holds: the plans' metadata and the item objects."""

    file: str
    plans: list[dict[str, Any]]
    items: list[Any]

    def plan(self, plan_id: str) -> tuple[int, dict[str, Any]] | None:
        """The position and metadata of the plan asked for (or of the only plan), if any."""
        for index, plan in enumerate(self.plans):
            if plan.get("id") == plan_id:
                return index, plan
        return (0, self.plans[0]) if len(self.plans) == 1 else None


def read_json_export(path: Path) -> JsonExport:
    """Read a JSON export; raise PlanTrackerError when the file is not one."""
    raw = read_bytes(path, "JSON file")
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise _unreadable(path, "expected UTF-8 text") from None
    except ValueError as error:
        raise _unreadable(path, f"not JSON ({error})") from None
    plans = data.get("plans", []) if isinstance(data, dict) else None
    items = data.get("items") if isinstance(data, dict) else None
    if (not isinstance(items, list) or not isinstance(plans, list)
            or not all(isinstance(p, dict) for p in plans)):
        raise _unreadable(path, 'expected the JSON of plantrack export: an object with a '
                                '"plans" list of objects and an "items" list')
    return JsonExport(str(path), plans, items)


def _unreadable(path: Path, reason: str) -> PlanTrackerError:
    return PlanTrackerError(f"{path}: cannot read this JSON file: {reason}")


def item_cells(items: list[Any], problem: ProblemSink) -> list[Cells]:
    """Each item object as the cells of a plantrack row; other values and fields reported."""
    rows = []
    for number, item in enumerate(items, start=1):
        if not isinstance(item, dict):
            problem(number, "", "not-an-object", f"expected an object of fields, found "
                    f"{type(item).__name__}")
            continue
        for name in item:
            if name not in COLUMNS and not _translation(name):
                problem(number, name, "unknown-field", _unknown(name))
        values = {name: _cell(item[name]) for name in COLUMNS if name in item}
        headings = {name: name for name in values}
        for name in item:
            if (role := _translation(name)):
                values[role], headings[role] = _cell(item[name]), name
        rows.append(Cells(number, values, headings))
    return rows


def _translation(name: str) -> str | None:
    """The role of a field in another language (``title/cy`` is ``title@cy``), if it is one."""
    column, _, code = name.partition("/")
    if column in TRANSLATED_COLUMNS and code in shipped_languages():
        return f"{column}@{code}"
    return None


def _unknown(name: str) -> str:
    close = difflib.get_close_matches(name, COLUMNS, n=1)
    hint = f'did you mean "{close[0]}"?' if close else "expected a column of plantrack export"
    return f'unknown field "{name}"; {hint}'


def _cell(value: Any) -> str:
    """A JSON value as the text of a cell: lists joined as the CSV joins them, records as
    JSON text without their nulls."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return "; ".join(value)
    return json.dumps(_without_nulls(value), ensure_ascii=False)


def _without_nulls(value: Any) -> Any:
    if isinstance(value, list):
        return [_without_nulls(v) for v in value]
    if isinstance(value, dict):
        return {k: _without_nulls(v) for k, v in value.items() if v is not None}
    return value


def exact_lists(entries: list[Entry], items: list[Any]) -> None:
    """Give each entry its item's lists element by element (a "; " inside one is kept)."""
    for entry in entries:
        item = items[entry.row - 1]
        for name in LIST_FIELDS:
            value = item.get(name)
            if isinstance(value, list):
                elements = [v.strip() if isinstance(v, str) else v for v in value
                            if v is not None]
                entry.fields.pop(name, None)
                if any(e != "" for e in elements):
                    entry.fields[name] = [e for e in elements if e != ""]
