"""Spreadsheets and JSON exports into plan files: what ``plantrack import`` does, apart from
the command line.

A sheet is read (:mod:`generator.spreadsheets`), its header row found and each column given a
role by the layout (charter, Decidim or plantrack) or by ``--map``
(:mod:`generator.import_columns`), and each row turned into an item. A JSON export
(:mod:`generator.import_json`) gives its item objects as plantrack rows. Every row that
cannot be used is a problem named by its row number: the importer gives back either a whole
plan or the full list of problems, never a plan with rows left out.

The plan's own fields (title, organisation, source, editorial notes, ...) come from, in turn:
the Excel export's "Plans" sheet or the JSON export's ``plans`` list; otherwise the plan file
being replaced, whose fields are kept (a CSV file holds items only). ``--title`` names the
title whatever the file says; without any of these the title is the single cell above the
header, else the file's name.

The plan is checked by the same code as ``plantrack check`` before it is returned
(:mod:`generator.import_plan`), so a written file always passes it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any

from generator.content.errors import PlanTrackerError, Problem, count, format_problems
from generator.content.model import Plan
from generator.content.vocabulary import Vocabulary, Wording
from generator.files.planwriter import plan_yaml
from generator.opendata.itemrows import restore_cell
from generator.opendata.plancells import (
    PLANS_COLUMNS,
    PLANS_SHEET,
    cell_name,
    fields_from_cells,
    json_cells,
    named_cells,
    plan_fields,
)
from generator.sheets.columns import choose_layout, column_roles, find_header, row_cells, row_ranges
from generator.sheets.jsonexport import UNIT, JsonExport, exact_lists, item_cells
from generator.sheets.layouts import Entry, Layout, Plantrack
from generator.sheets.planbuilder import (
    check_plan,
    load_plan_file,
    plan_document,
    site_languages,
    site_statuses,
    vocabulary_of,
)
from generator.sheets.reading import Row, Sheet
from generator.sheets.refs import fix_refs
from generator.sheets.wordings import Mapping, read_wordings


@dataclass
class Existing:
    """The plan file an import would replace."""

    path: Path
    content: Path | None = None
    """The content folder, whose decision records the plan's decisions name."""

    @property
    def file(self) -> str:
        return str(self.path)

    @cached_property
    def plan(self) -> Plan | None:
        """The plan the file loads to (read when first asked for); None if it does not pass
        the check."""
        return load_plan_file(self.path, self.content)


@dataclass
class Request:
    """What the officer asked for on the command line."""

    plan_id: str
    title: str | dict[str, str] | None = None
    layout: str = "auto"
    mapping: list[str] = field(default_factory=list)
    content: Path | None = None
    """The content folder, whose decision records a plan's decisions must name."""
    existing: Existing | None = None
    statuses: list[Wording] = field(default_factory=list)
    """The council's wordings and their meanings (``--status``, ``--confidence``)."""
    save_statuses: bool = False
    """Whether those wordings are kept, in the plan's own ``statuses``."""
    fix_refs: bool = False
    """Whether rows without a ref, or with a ref used before, are given one (``--fix-refs``)."""


@dataclass
class Imported:
    """A plan ready to write: its YAML text, the lines of the summary and the plan it loads to."""

    text: str
    items: int
    sections: int
    summary: list[str]
    plan: Plan | None = None


@dataclass
class Found:
    """Plan fields found for the plan, where each named cell came from (the start of a
    problem's place, such as ``sheet "Plans" row 5: ``), and how they were found (a summary
    line)."""

    values: dict[str, Any]
    cells: dict[str, str]
    note: str = ""


class ImportProblems(PlanTrackerError):
    """Rows or columns that could not be used; nothing is written."""

    def __init__(self, file: str, problems: list[Problem], unit: str = "row") -> None:
        self.problems = sorted((replace(p, file=file) for p in problems),
                               key=lambda p: (p.line, _natural(p.field), p.code, p.message))
        super().__init__(format_problems(self.problems, unit,
                                         f"{count(len(problems), 'error')}; nothing written"))


def _natural(text: str) -> list[str | int]:
    """Text with its numbers as numbers, so that row 9 sorts before row 10."""
    return [int(part) if i % 2 else part for i, part in enumerate(re.split(r"(\d+)", text))]


class _Report:
    def __init__(self, file: str, unit: str = "row") -> None:
        self.file = file
        self.unit = unit
        self.problems: list[Problem] = []

    def problem(self, row: int, where: str, code: str, message: str) -> None:
        self.problems.append(Problem(self.file, row, where, code, message))


def import_sheet(sheet: Sheet, request: Request) -> Imported:
    """The plan a sheet holds; raise ImportProblems listing everything that stops it."""
    report = _Report(sheet.file)
    header, above = find_header(sheet, report.problem)
    headings = {i: h for i, h in enumerate(header.cells) if h} if header else {}
    layout = choose_layout(request.layout, request.mapping, request.plan_id, headings,
                           report.problem)
    if header is None or layout is None:
        raise ImportProblems(sheet.file, report.problems)
    layout.fix_refs = request.fix_refs
    if layout.name != "decidim":
        layout.language = site_languages(request.content)[0]
    roles = column_roles(headings, layout, request.mapping, header, sheet, report.problem)
    summary = [f"{layout.name} layout" + "".join(f"; {n}" for n in sheet.notes)]
    found = _sheet_fields(sheet, layout, request.plan_id, report, summary)
    fields, places = _own_fields(request, found, above, sheet.file, summary)
    body = [r for r in sheet.rows if r.number > header.number]
    entries = layout.entries(row_cells(body, roles, headings, layout), report.problem, summary)
    summary.extend(layout.notes + _unused(body, roles, headings))
    if not entries and not report.problems:
        report.problem(header.number, "", "no-rows", "expected rows below the header, found none")
    return _finish(request, fields, places, entries, report, summary, layout.usual_words)


def import_json(export: JsonExport, request: Request) -> Imported:
    """The plan a JSON export holds; raise ImportProblems listing everything that stops it."""
    if request.layout not in ("auto", "plantrack") or request.mapping:
        given = "--map" if request.mapping else f"--format {request.layout}"
        raise PlanTrackerError(f"{export.file}: {given} applies to spreadsheets; a JSON file "
                               f"is read as plantrack export writes it")
    report = _Report(export.file, UNIT)
    layout = Plantrack([], request.plan_id, unit=UNIT, fix_refs=request.fix_refs,
                       language=site_languages(request.content)[0])
    summary = ["plantrack layout; a JSON export"]
    found = _json_fields(export, request.plan_id, report, summary,
                         site_languages(request.content)[0])
    fields, places = _own_fields(request, found, None, export.file, summary)
    entries = layout.entries(item_cells(export.items, report.problem), report.problem, summary)
    exact_lists(entries, export.items)
    summary.extend(layout.notes)
    if not entries and not report.problems:
        report.problem(0, "items", "no-rows", "expected items, found none")
    return _finish(request, fields, places, entries, report, summary)


def _finish(request: Request, fields: dict[str, Any], places: dict[str, str],
            entries: list[Entry], report: _Report, summary: list[str],
            usual: Vocabulary | None = None) -> Imported:
    """The plan file of the rows and fields, checked; ImportProblems if anything is wrong."""
    if request.fix_refs:
        fix_refs(entries, summary)
    own = list(fields.get("statuses") or [])
    known = vocabulary_of(own, site_statuses(request.content))
    saved = read_wordings(entries, known, Mapping(request.statuses, request.save_statuses),
                          usual or Vocabulary(), report.problem, summary)
    if saved:
        fields = {**fields, "statuses": [*own, *(w.as_fields() for w in saved)]}
    document = plan_document(request.plan_id, fields, entries, report.problem, summary)
    text = plan_yaml(document)
    plan = check_plan(text, entries, report.problem, lambda path: _place(places, path),
                      request.content)
    if report.problems:
        raise ImportProblems(report.file, report.problems, report.unit)
    sections = sum(1 for e in entries if e.fields.get("kind") == "section")
    return Imported(text, len(entries) - sections, sections, summary, plan)


def _unused(body: list[Row], roles: dict[int, str], headings: dict[int, str]) -> list[str]:
    """Summary lines naming the columns and rows that gave nothing to the plan."""
    lines = []
    left_out = [headings[c] for c, role in roles.items() if not role]
    if left_out:
        lines.append("columns not imported: " + ", ".join(left_out))
    empty = [r.number for r in body if not r.filled]
    if empty:
        lines.append(f"empty rows skipped: {row_ranges(empty)}")
    only = [r.number for r in body if r.filled and not any(roles.get(c) for c in r.filled)]
    if only:
        lines.append(f"rows with data only in columns not imported, skipped: {row_ranges(only)}")
    return lines


def _place(starts: dict[str, str], path: str) -> str | None:
    """Where the plan field at a checker's path came from: ``sheet "Plans" row 6: areas.1``
    (a record is placed at its first cell)."""
    name = cell_name(path)
    start = starts.get(name) or next((v for k, v in starts.items() if k.startswith(name + ".")),
                                     None)
    return None if start is None else start + name


def _sheet_fields(sheet: Sheet, layout: Layout, plan_id: str, report: _Report,
                  summary: list[str]) -> Found | None:
    """The plan's fields from the workbook's "Plans" sheet (plantrack layout only)."""
    rows = sheet.others.get(PLANS_SHEET)
    if rows is None or layout.name != "plantrack":
        return None
    where = f'sheet "{PLANS_SHEET}"'
    header = next((row for row in rows if row.filled), None)
    columns = {cell.lower(): i for i, cell in enumerate(header.cells)} if header else {}
    if header is None or not set(PLANS_COLUMNS) <= columns.keys():
        found = ", ".join(f'"{c}"' for c in header.cells if c) if header else "nothing"
        report.problem(0, where, "bad-plans-sheet", "expected the columns plan, field and "
                       f"value in its first row, found {found}")
        return None
    body = [row for row in rows if row.number > header.number and row.filled]
    ids = sorted({row.cell(columns["plan"]) for row in body} - {""})
    chosen = plan_id if plan_id in ids else ids[0] if len(ids) == 1 else None
    if chosen is None:
        summary.append(f'{where} gives no fields of plan "{plan_id}"')
        return None
    mine = [row for row in body if row.cell(columns["plan"]) in ("", chosen)]
    cells = [(row.cell(columns["field"]), restore_cell(row.cell(columns["value"], raw=True)))
             for row in mine]
    starts = [f"{where} row {row.number}: " for row in mine]
    return _found(cells, starts, report, f"plan fields from the {where}", layout.language)


def _json_fields(export: JsonExport, plan_id: str, report: _Report,
                 summary: list[str], language: str = "en") -> Found | None:
    """The plan's fields from its object in the JSON export's ``plans`` list."""
    chosen = export.plan(plan_id)
    if chosen is None:
        if export.plans:
            summary.append(f'"plans" gives no fields of plan "{plan_id}"')
        return None
    index, metadata = chosen
    cells = json_cells(metadata)
    starts = [f"plans[{index}]." for _ in cells]
    return _found(cells, starts, report, 'plan fields from "plans" in the JSON file',
                  language)


def _found(cells: list[tuple[str, str]], starts: list[str], report: _Report,
           note: str, language: str = "en") -> Found:
    """The fields of named cells; ``starts`` gives where each cell is, for its problems."""
    def problem(index: int, code: str, message: str) -> None:
        report.problem(0, starts[index] + cells[index][0].strip(), code, message)

    values = fields_from_cells(cells, problem, language)
    return Found(values, {name.strip(): start for (name, _), start in zip(cells, starts)}, note)


def _own_fields(request: Request, found: Found | None, above: str | None, file: str,
                summary: list[str]) -> tuple[dict[str, Any], dict[str, str]]:
    """The plan's own fields, and where each named cell came from; the summary says where."""
    if found is not None:
        summary.append(found.note)
    elif request.existing is not None:
        found = _kept(request.existing, request.title is not None or bool(above), summary)
    fields = dict(found.values) if found else {}
    places = dict(found.cells) if found else {}
    if request.title is not None:
        fields["title"] = request.title
        places.pop("title", None)
    elif "title" not in fields:
        fields["title"] = _title(above, file, summary)
    return fields, places


def _kept(existing: Existing, retitled: bool, summary: list[str]) -> Found | None:
    """The fields of the plan file being replaced (all but the title when it is given)."""
    if existing.plan is None:
        summary.append(f"plan fields of {existing.file} not kept: it does not pass "
                       "plantrack check")
        return None
    values = plan_fields(existing.plan)
    if retitled:
        values.pop("title", None)
    if values:
        summary.append(f"plan fields kept from {existing.file} (the file imported has none): "
                       + ", ".join(values))
    return Found(values, dict.fromkeys(named_cells(values), f"{existing.file}: "))


def _title(above: str | None, file: str, summary: list[str]) -> str:
    if above:
        summary.append(f'title "{above}" from the row above the header')
        return above
    title = Path(file).stem.replace("_", " ").replace("-", " ").strip().capitalize()
    summary.append(f'title "{title}" from the file name (--title gives another)')
    return title
