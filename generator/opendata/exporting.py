"""Plans as open data: CSV, JSON and Excel files of every item, one row per item.

The rows are :mod:`generator.itemtable`'s: the same columns, in the same order, in every
format, so every export re-imports (``plantrack import``) to the same data: the Excel and JSON
files with the plans' own fields, a CSV file (one table, items only) over the plan file it
came from, whose own fields are then kept.

* CSV: UTF-8 (no byte order mark), a header row, CRLF line ends, quoted where needed. Every
  cell passes :func:`~generator.itemtable.neutralise_cell`: one apostrophe before a cell that
  starts with = + - @, a tab or a carriage return, so no spreadsheet runs it as a formula.
* Excel: the sheet "Items", laid out as the CSV and neutralised in the same way, then the
  sheet "Plans": each plan's own fields, one row per field, in the columns plan, field and
  value, named as :mod:`generator.planfields` names them (title, source.title,
  editorial_notes.1, areas.1.id), so that sorting or editing the Items sheet cannot disturb
  them. Line breaks are written as LF, and characters an Excel file cannot hold (control
  characters) as U+FFFD.
* JSON: ``{"publisher", "licence", "plans": [plan metadata], "items": [item objects]}`` for one
  plan or all of them. Item objects have the CSV's columns as keys; lists (related, tags,
  areas, updates, targets) are JSON arrays, progress is a number or null, other empty cells
  are "". Absent values inside updates (date, from, status, note), targets and plan metadata
  are null. Each plan and
  each item is one line, so a change to one item is a one-line difference.

The site writes each plan's file and the all-plans file from the same pieces
(:func:`csv_lines`, :func:`json_lines`): every item is serialised once.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from typing import Any

from generator.content.model import Item, Plan, Round, Site, Update
from generator.content.schema import PLAN, UPDATE
from generator.opendata.itemrows import (
    columns,
    in_languages,
    neutralise_cell,
    neutralised_row,
    plan_rows,
    update_fields,
)
from generator.opendata.plancells import PLANS_COLUMNS, PLANS_SHEET, named_cells, plan_fields
from generator.pages import paths

FORMATS = ("csv", "json", "xlsx")
SHEET = "Items"


def rows(plans: Iterable[Plan], languages: Sequence[str] = ("en",)) -> Iterator[dict[str, str]]:
    """Every item of the plans as a row, plan by plan, parents before children."""
    for plan in plans:
        yield from plan_rows(plan, languages)


def csv_header(languages: Sequence[str] = ("en",)) -> str:
    """The CSV's header row, with its line end (a column per language where the site has
    several)."""
    return _csv([list(columns(languages))])


def csv_lines(rows: Iterable[dict[str, str]]) -> str:
    """CSV lines (no header) of item rows (:func:`~generator.itemtable.plan_rows`),
    formula-like cells neutralised."""
    return _csv(list(neutralised_row(row).values()) for row in rows)


def csv_text(plans: Iterable[Plan], languages: Sequence[str] = ("en",)) -> str:
    """The items of the plans as CSV text, formula-like cells neutralised."""
    return csv_header(languages) + "".join(csv_lines(plan_rows(plan, languages))
                                           for plan in plans)


def _csv(lines: Iterable[list[str]]) -> str:
    """Rows already in COLUMNS order (item_row keeps it) as CSV text."""
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\r\n").writerows(lines)
    return out.getvalue()


def xlsx_bytes(plans: Iterable[Plan], languages: Sequence[str] = ("en",)) -> bytes:
    """The items of the plans as an Excel workbook, laid out and neutralised as the CSV, and
    the plans' own fields on a second sheet."""
    from openpyxl import Workbook  # only here: every command would pay for importing it

    plans = list(plans)
    book = Workbook(write_only=True)
    items = _table(book, SHEET, columns(languages))
    for row in rows(plans, languages):
        items.append(_excel_row(row.values()))
    fields = _table(book, PLANS_SHEET, PLANS_COLUMNS)
    for plan in plans:
        for name, value in named_cells(plan_fields(plan)).items():
            fields.append(_excel_row((plan.id, name, value)))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _table(book: Any, title: str, columns: Iterable[str]) -> Any:
    """A new write-only sheet with a bold header row, frozen below it."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    sheet = book.create_sheet(title)
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for column in columns:
        cell = WriteOnlyCell(sheet, value=column)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    return sheet


def _excel_row(cells: Iterable[str]) -> list[str]:
    """Cells as an Excel file holds them, formula-like cells neutralised."""
    return [neutralise_cell(_excel_text(cell)) for cell in cells]


def json_text(site: Site, plans: list[Plan], directory_urls: bool = True) -> str:
    """The plans' metadata and every item, as JSON text."""
    return json_document(site, plans, [json_lines(plan, list(plan_rows(plan, site.languages)))
                                       for plan in plans], directory_urls)


def json_lines(plan: Plan, rows: list[dict[str, str]]) -> list[str]:
    """Each item of the plan as one line of JSON, from its row (:func:`plan_rows` order)."""
    return [_json_line(json_item(item, row)) for item, row in zip(plan.walk(), rows)]


def json_document(site: Site, plans: list[Plan], item_lines: list[list[str]],
                  directory_urls: bool = True) -> str:
    """The JSON file of the plans, from their items' lines (:func:`json_lines`)."""
    metadata = [_json_line(plan_metadata(site, plan, directory_urls)) for plan in plans]
    items = [line for lines in item_lines for line in lines]
    return "".join([
        "{\n",
        f'"publisher": {_json_line(_plain(site.council))},\n',
        f'"licence": {_json_line(_plain(site.licence))},\n',
        f'"plans": {_json_list(metadata)},\n',
        f'"items": {_json_list(items)}\n',
        "}\n",
    ])


def _json_line(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _json_list(lines: list[str]) -> str:
    return "[\n" + ",\n".join(lines) + "\n]" if lines else "[]"


def plan_metadata(site: Site, plan: Plan, directory_urls: bool = True) -> dict[str, Any]:
    """A plan's own fields (everything but its items) and the address of its page."""
    fields = {f.name: _plain(getattr(plan, f.name)) for f in PLAN if f.name != "items"}
    return {**fields, "url": paths.absolute(site.url, paths.plan_page(plan), directory_urls)}


def json_item(item: Item, row: dict[str, str]) -> dict[str, Any]:
    """One item as a JSON object: its row's columns, lists and numbers as themselves."""
    return {
        **row,
        "progress": item.progress,
        "related": list(item.related),
        "tags": list(item.tags),
        "areas": list(item.areas),
        "updates": [_json_update(u) for u in item.updates],
        "targets": [{k: in_languages(v) for k, v in vars(target).items()}
                    for target in item.targets],
    }


def _json_update(update: Update) -> dict[str, Any]:
    """An update as a JSON object: every field of the content format, null where absent."""
    fields = update_fields(update)
    return {spec.name: fields.get(spec.name) for spec in UPDATE}


def _plain(value: Any) -> Any:
    """A model value as JSON data: dates as YYYY-MM-DD, records as objects, a text in several
    languages as an object of them."""
    if getattr(value, "texts", None) and len(value.texts) > 1:
        return dict(value.texts)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Round):  # as the plan file gives it: the slug is the site's own
        return {"label": value.label, "date": value.date.isoformat(),
                "note": in_languages(value.note)}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {k: _plain(v) for k, v in vars(value).items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def _excel_text(cell: str) -> str:
    """Text an Excel file holds as written: line breaks as LF (XML readers turn a bare CR
    into LF anyway), control characters as U+FFFD."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    text = cell.replace("\r\n", "\n").replace("\r", "\n")
    return str(ILLEGAL_CHARACTERS_RE.sub("\ufffd", text))
