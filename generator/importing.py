"""Spreadsheets into plan files: what ``plantrack import`` does, apart from the command line.

A sheet is read (:mod:`generator.spreadsheets`), its header row found (the first row with two
or more filled cells; a single filled cell above it is the plan's title), each column given a
role by the layout (charter, Decidim or plantrack) or by ``--map``, and each row turned into an
item. Every row that cannot be used is a problem named by its row number: the importer gives
back either a whole plan or the full list of problems, never a plan with rows left out.

The plan is checked by the same code as ``plantrack check`` before it is returned, so a
written file always passes it.
"""

from __future__ import annotations

import difflib
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ContentError, PlanTrackerError, Problem
from .import_layouts import LAYOUTS, Cells, Entry, Layout, detect, short
from .loader import load_site, ref_slug
from .schema import ITEM
from .spreadsheets import Row, Sheet, column_letter
from .yamlwriter import plan_yaml

MAPPABLE = tuple(f.name for f in ITEM if f.name != "items")
"""The item fields a column can be mapped to with ``--map``."""
CHECK_SITE = "title: Import check\ncouncil: Import check\nurl: https://example.org/\n"
"""The site settings of the folder a plan is checked in before it is written."""
CLOSE = 0.75
"""How alike two names must be for a did-you-mean suggestion (difflib's ratio)."""


@dataclass
class Request:
    """What the officer asked for on the command line."""

    plan_id: str
    title: str | None = None
    layout: str = "auto"
    mapping: list[str] = field(default_factory=list)


@dataclass
class Imported:
    """A plan ready to write: its YAML text and the lines of the summary."""

    text: str
    items: int
    sections: int
    summary: list[str]


class ImportProblems(PlanTrackerError):
    """Rows or columns that could not be used; nothing is written."""

    def __init__(self, file: str, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: (p.line, p.field, p.code, p.message))
        lines = [file]
        for problem in self.problems:
            where = f"row {problem.line}" if problem.line else problem.field
            column = f" {problem.field}:" if problem.line and problem.field else ""
            lines.append(f"  {where}:{column} {problem.message} [{problem.code}]")
        noun = "error" if len(problems) == 1 else "errors"
        lines.append(f"{len(problems)} {noun}; nothing written")
        super().__init__("\n".join(lines))


def import_sheet(sheet: Sheet, request: Request) -> Imported:
    """The plan a sheet holds; raise ImportProblems listing everything that stops it."""
    problems: list[Problem] = []
    report = _Report(sheet.file, problems)
    header, title = _header(sheet, report)
    headings = {i: h for i, h in enumerate(header.cells) if h} if header else {}
    layout = _layout(request, headings, report)
    if header is None or layout is None:
        raise ImportProblems(sheet.file, problems)
    roles = _roles(headings, layout, request.mapping, header, sheet, report)
    summary = [f"{layout.name} layout" + "".join(f"; {n}" for n in sheet.notes)]
    title = _title(request, title, sheet, summary)
    body = [r for r in sheet.rows if r.number > header.number]
    entries = layout.entries(_cells(body, roles, headings, layout), report.problem, summary)
    summary.extend(layout.notes + _unused(body, roles, headings))
    if not entries and not problems:
        report.problem(header.number, "", "no-rows", "expected rows below the header, found none")
    text = plan_yaml(_plan(request, title, entries, report, summary))
    _check(text, entries, report)
    if problems:
        raise ImportProblems(sheet.file, problems)
    sections = sum(1 for e in entries if e.fields.get("kind") == "section")
    return Imported(text, len(entries) - sections, sections, summary)


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


class _Report:
    def __init__(self, file: str, problems: list[Problem]) -> None:
        self.file = file
        self.problems = problems

    def problem(self, row: int, where: str, code: str, message: str) -> None:
        self.problems.append(Problem(self.file, row, where, code, message))


def _header(sheet: Sheet, report: _Report) -> tuple[Row | None, str | None]:
    above: list[Row] = []
    for row in sheet.rows:
        if len(row.filled) >= 2:
            title = above[0].cells[above[0].filled[0]] if above else None
            for extra in above[1:]:
                report.problem(extra.number, "", "text-above-header",
                               "expected at most a title above the header row, found "
                               f'"{short(extra.cells[extra.filled[0]])}"')
            return row, title
        if row.filled:
            above.append(row)
    report.problem(0, "header", "no-header",
                   "expected a header row (the first row with two or more headings), found none")
    return None, None


def _layout(request: Request, headings: dict[int, str], report: _Report) -> Layout | None:
    found = list(headings.values())
    if request.layout != "auto":
        return LAYOUTS[request.layout](found, request.plan_id)
    if not headings:
        return None
    mapped = {_field_name(m.rpartition("=")[2]) for m in request.mapping}
    layout = detect(found, mapped)
    if layout is None:
        shown = ", ".join(f'"{h}"' for h in found[:8])
        report.problem(0, "--format", "unknown-layout",
                       f"cannot tell the layout from the headings ({shown}); give --format "
                       f"charter, decidim or plantrack, or --map columns to ref and title")
        return None
    return layout(found, request.plan_id)


def _key(text: str) -> str:
    return re.sub(r"[\s_]+", " ", text.strip().lower())


def _field_name(text: str) -> str:
    return _key(text).replace(" ", "_")


def _roles(headings: dict[int, str], layout: Layout, mapping: list[str], header: Row,
           sheet: Sheet, report: _Report) -> dict[int, str]:
    """The role (an item field, or a layout's own column) of each column; "" means unused."""
    mapped = _mapping(mapping, headings, report)
    roles: dict[int, str] = {}
    row = header.number
    for column, heading in headings.items():
        role = mapped.get(_key(heading), layout.role(heading))
        if role is None:
            report.problem(row, f'column {column_letter(column)}', "unknown-column",
                           _unknown_column(heading, layout))
            continue
        roles[column] = role
    claimed: dict[str, int] = {}
    for column, role in roles.items():
        if role and role in claimed:
            report.problem(row, f"column {column_letter(column)}", "duplicate-column",
                           f'expected one column giving {role}, found "{headings[claimed[role]]}"'
                           f' and "{headings[column]}"')
        claimed.setdefault(role, column)
    _unnamed_columns(headings, header, sheet, report)
    return roles


def _mapping(mapping: list[str], headings: dict[int, str], report: _Report) -> dict[str, str]:
    by_key = {_key(h): h for h in headings.values()}
    result: dict[str, str] = {}
    for text in mapping:
        column, equals, name = text.rpartition("=")
        where = f'--map "{text}"'
        if not equals or not column.strip():
            report.problem(0, where, "bad-map", 'expected "Column=field" (or "Column=" to leave '
                                                'the column out)')
            continue
        if _key(column) not in by_key:
            report.problem(0, where, "unknown-map-column",
                           f'expected a column of the header, found "{column}"'
                           + _did_you_mean(column, list(headings.values())))
            continue
        field_name = _field_name(name)
        if field_name and field_name not in MAPPABLE:
            report.problem(0, where, "unknown-map-field",
                           f'expected an item field, found "{name}"'
                           + _did_you_mean(field_name, list(MAPPABLE)))
            continue
        result[_key(column)] = field_name
    return result


def _did_you_mean(text: str, choices: list[str]) -> str:
    by_key = {_key(c): c for c in choices}
    close = difflib.get_close_matches(_key(text), by_key, n=1, cutoff=CLOSE)
    return f'; did you mean "{by_key[close[0]]}"?' if close else ""


def _unknown_column(heading: str, layout: Layout) -> str:
    fields = {_key(f): f for f in MAPPABLE}
    known = {_key(h): h for h in layout.headings}
    close = difflib.get_close_matches(_key(heading), [*known, *fields], n=1, cutoff=CLOSE)
    if close and close[0] in known:
        hint = f'did you mean "{known[close[0]]}"? Or '
    elif close:
        hint = f'did you mean --map "{heading}={fields[close[0]]}"? Or '
    else:
        hint = f'name its field with --map "{heading}=FIELD", or '
    return (f'unknown column "{heading}" for the {layout.name} layout; {hint}leave it out '
            f'with --map "{heading}="')


def _unnamed_columns(headings: dict[int, str], header: Row, sheet: Sheet,
                     report: _Report) -> None:
    used: dict[int, list[int]] = {}
    for row in sheet.rows:
        if row.number > header.number:
            for column in row.filled:
                if column not in headings:
                    used.setdefault(column, []).append(row.number)
    for column, rows in sorted(used.items()):
        report.problem(header.number, f"column {column_letter(column)}", "unnamed-column",
                       f"expected a heading above data, found none (data in "
                       f"{'row' if len(rows) == 1 else 'rows'} {row_ranges(rows)})")


def _cells(rows: list[Row], roles: dict[int, str], headings: dict[int, str],
           layout: Layout) -> list[Cells]:
    used = {column: role for column, role in roles.items() if role}
    named = {role: headings[column] for column, role in used.items()}
    return [Cells(row.number, {role: layout.clean(role, row.cell(column, layout.raw_cells))
                               for column, role in used.items()}, named)
            for row in rows]


def _title(request: Request, above: str | None, sheet: Sheet, summary: list[str]) -> str:
    if request.title is not None:
        return request.title
    if above:
        summary.append(f'title "{above}" from the row above the header')
        return above
    title = Path(sheet.file).stem.replace("_", " ").replace("-", " ").strip().capitalize()
    summary.append(f'title "{title}" from the file name (--title gives another)')
    return title


def _plan(request: Request, title: str, entries: list[Entry], report: _Report,
          summary: list[str]) -> dict[str, Any]:
    items = _tree(entries, report)
    plan: dict[str, Any] = {"id": request.plan_id, "title": title}
    areas = sorted({a for e in entries for a in e.fields.get("areas", [])})
    if areas:
        plan["areas"] = [{"id": a, "name": a} for a in areas]
        summary.append("areas named by the rows, listed with their ids as names (edit the "
                       "names in the plan file): " + ", ".join(areas))
    plan["items"] = items
    return plan


def _tree(entries: list[Entry], report: _Report) -> list[dict[str, Any]]:
    """The entries as nested items; duplicate refs and unknown parents reported."""
    first: dict[str, Entry] = {}
    slugs: dict[str, Entry] = {}
    usable: list[Entry] = []
    for entry in entries:
        ref = entry.fields["ref"]
        heading = entry.heading("ref")
        if ref in first:
            report.problem(entry.row, heading, "duplicate-ref", f'expected a ref unique in the '
                           f'plan, found "{ref}" again (first at row {first[ref].row})')
        elif not ref_slug(ref):
            report.problem(entry.row, heading, "bad-ref",
                           f'expected a ref with letters or digits, found "{ref}"')
        elif ref_slug(ref) in slugs:
            report.problem(entry.row, heading, "ref-collision", f'expected refs that differ as '
                           f'page names, found "{ref}" and "{slugs[ref_slug(ref)].fields["ref"]}"'
                           f' (row {slugs[ref_slug(ref)].row})')
        else:
            first[ref] = slugs[ref_slug(ref)] = entry
            usable.append(entry)
    children: dict[str | None, list[Entry]] = {}
    for entry in usable:
        parent = entry.parent
        if parent is not None and parent not in first:
            report.problem(entry.row, entry.heading("parent"), "unknown-parent",
                           f'expected the ref of another row, found "{parent}"')
            parent = None  # checked at the top, so that its own problems are found too
        children.setdefault(parent, []).append(entry)
    placed: set[int] = set()
    items = _nest(None, children, placed, "items")
    for entry in usable:
        if entry.row not in placed:
            report.problem(entry.row, entry.heading("parent"), "parent-loop",
                           f'expected a parent that is not beneath this row, found '
                           f'"{entry.parent}"')
    return items


def _nest(parent: str | None, children: dict[str | None, list[Entry]], placed: set[int],
          at: str) -> list[dict[str, Any]]:
    items = []
    for i, entry in enumerate(children.get(parent, [])):
        placed.add(entry.row)
        entry.path = f"{at}[{i}]"
        item = dict(entry.fields)
        below = _nest(entry.fields["ref"], children, placed, f"{entry.path}.items")
        if below:
            item["items"] = below
        items.append(item)
    return items


def _check(text: str, entries: list[Entry], report: _Report) -> None:
    """Check the plan as ``plantrack check`` will; name each problem by row and column."""
    found: list[Problem] = []
    with tempfile.TemporaryDirectory() as folder:
        content = Path(folder)
        (content / "plans").mkdir()
        (content / "site.yml").write_text(CHECK_SITE, encoding="utf-8")
        (content / "plans" / "plan.yml").write_text(text, encoding="utf-8")
        try:
            load_site(content)
        except ContentError as error:
            found = error.problems
    by_path = {e.path: e for e in entries if e.path}
    for problem in found:
        path = problem.field
        while path and path not in by_path:
            path = path[: max(path.rfind("."), path.rfind("["), 0)]
        if not path:
            where = {"id": "--plan", "title": "--title"}.get(problem.field, problem.field)
            report.problem(0, where, problem.code, problem.message)
            continue
        entry = by_path[path]
        name = problem.field[len(path) + 1:]
        report.problem(entry.row, entry.heading(re.split(r"[.\[]", name)[0]),
                       problem.code, problem.message)


def row_ranges(rows: list[int]) -> str:
    """``2, 5-7, 9`` for rows 2, 5, 6, 7 and 9."""
    spans: list[list[int]] = []
    for row in sorted(rows):
        if spans and row == spans[-1][1] + 1:
            spans[-1][1] = row
        else:
            spans.append([row, row])
    return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in spans)
