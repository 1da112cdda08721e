"""The columns of a spreadsheet: its header row, its layout and the role of each column.

The header is the first row with two or more filled cells (a single filled cell above it is
the plan's title); each heading is given a role by the layout or by ``--map``. Headings the
layout does not know, columns claimed twice and data under no heading are problems named by
the header's row and the column's letter.
"""

from __future__ import annotations

import difflib
import re

from generator.content.schema import ITEM
from generator.sheets.layouts import LAYOUTS, Cells, Layout, ProblemSink, detect, short
from generator.sheets.reading import Row, Sheet, column_letter

MAPPABLE = tuple(f.name for f in ITEM if f.name != "items")
"""The item fields a column can be mapped to with ``--map``."""
CLOSE = 0.75
"""How alike two names must be for a did-you-mean suggestion (difflib's ratio)."""


def find_header(sheet: Sheet, problem: ProblemSink) -> tuple[Row | None, str | None]:
    """The header row (the first with two or more filled cells) and the title above it."""
    above: list[Row] = []
    for row in sheet.rows:
        if len(row.filled) >= 2:
            title = above[0].cells[above[0].filled[0]] if above else None
            for extra in above[1:]:
                problem(extra.number, "", "text-above-header",
                        "expected at most a title above the header row, found "
                        f'"{short(extra.cells[extra.filled[0]])}"')
            return row, title
        if row.filled:
            above.append(row)
    problem(0, "header", "no-header",
            "expected a header row (the first row with two or more headings), found none")
    return None, None


def choose_layout(name: str, mapping: list[str], plan_id: str, headings: dict[int, str],
                  problem: ProblemSink) -> Layout | None:
    """The layout asked for, or (``auto``) the one the headings look like; None if unknown."""
    found = list(headings.values())
    if name != "auto":
        return LAYOUTS[name](found, plan_id)
    if not headings:
        return None
    mapped = {_field_name(m.rpartition("=")[2]) for m in mapping}
    layout = detect(found, mapped)
    if layout is None:
        shown = ", ".join(f'"{h}"' for h in found[:8])
        problem(0, "--format", "unknown-layout",
                f"cannot tell the layout from the headings ({shown}); give --format "
                f"charter, decidim or plantrack, or --map columns to ref and title")
        return None
    return layout(found, plan_id)


def _key(text: str) -> str:
    return re.sub(r"[\s_]+", " ", text.strip().lower())


def _field_name(text: str) -> str:
    return _key(text).replace(" ", "_")


def column_roles(headings: dict[int, str], layout: Layout, mapping: list[str], header: Row,
                 sheet: Sheet, problem: ProblemSink) -> dict[int, str]:
    """The role (an item field, or a layout's own column) of each column; "" means unused."""
    mapped = _mapping(mapping, headings, problem)
    roles: dict[int, str] = {}
    row = header.number
    for column, heading in headings.items():
        role = mapped.get(_key(heading), layout.role(heading))
        if role is None:
            problem(row, f'column {column_letter(column)}', "unknown-column",
                    _unknown_column(heading, layout))
            continue
        roles[column] = role
    claimed: dict[str, int] = {}
    for column, role in roles.items():
        if role and role in claimed:
            problem(row, f"column {column_letter(column)}", "duplicate-column",
                    f'expected one column giving {role}, found "{headings[claimed[role]]}"'
                    f' and "{headings[column]}"')
        claimed.setdefault(role, column)
    _unnamed_columns(headings, header, sheet, problem)
    return roles


def _mapping(mapping: list[str], headings: dict[int, str],
             problem: ProblemSink) -> dict[str, str]:
    by_key = {_key(h): h for h in headings.values()}
    result: dict[str, str] = {}
    for text in mapping:
        column, equals, name = text.rpartition("=")
        where = f'--map "{text}"'
        if not equals or not column.strip():
            problem(0, where, "bad-map", 'expected "Column=field" (or "Column=" to leave '
                                         'the column out)')
            continue
        if _key(column) not in by_key:
            problem(0, where, "unknown-map-column",
                    f'expected a column of the header, found "{column}"'
                    + _did_you_mean(column, list(headings.values())))
            continue
        field_name = _field_name(name)
        if field_name and field_name not in MAPPABLE:
            problem(0, where, "unknown-map-field",
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
                     problem: ProblemSink) -> None:
    used: dict[int, list[int]] = {}
    for row in sheet.rows:
        if row.number > header.number:
            for column in row.filled:
                if column not in headings:
                    used.setdefault(column, []).append(row.number)
    for column, rows in sorted(used.items()):
        problem(header.number, f"column {column_letter(column)}", "unnamed-column",
                f"expected a heading above data, found none (data in "
                f"{'row' if len(rows) == 1 else 'rows'} {row_ranges(rows)})")


def row_cells(rows: list[Row], roles: dict[int, str], headings: dict[int, str],
              layout: Layout) -> list[Cells]:
    """Each row's cells by role, cleaned as the layout cleans them."""
    used = {column: role for column, role in roles.items() if role}
    named = {role: headings[column] for column, role in used.items()}
    return [Cells(row.number, {role: layout.clean(role, row.cell(column, layout.raw_cells))
                               for column, role in used.items()}, named)
            for row in rows]


def row_ranges(rows: list[int]) -> str:
    """``2, 5-7, 9`` for rows 2, 5, 6, 7 and 9."""
    spans: list[list[int]] = []
    for row in sorted(rows):
        if spans and row == spans[-1][1] + 1:
            spans[-1][1] = row
        else:
            spans.append([row, row])
    return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in spans)
