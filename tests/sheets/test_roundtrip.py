"""Round trip means round trip: export a plan, import the file back over it, get the same plan.

The property runs over every bundled plan, the sample plan and two hostile plans (the text of
test_escaping and test_export in every field the plan and its items have), in each export
format: load, ``plantrack export --plan``, ``plantrack import --force`` over a copy of the
content folder, load again, and compare the plan's own fields and every item's row. An Excel
or JSON export carries the plan's fields, so it is imported over a stand-in plan file that
has none of them; a CSV file (items only) keeps those of the file it replaces. Exporting the
re-imported plan gives the same file again. The commands run through ``generator.cli.main``
as the ``plantrack`` command runs them.
"""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml

from generator import load_site
from generator.cli import main
from generator.content.model import Item, Plan
from generator.opendata.itemrows import COLUMNS, item_row
from generator.opendata.plancells import fields_from_cells, named_cells
from generator.sheets.changes import pair

from ..conftest import FIXTURES, ROOT, SITE_YML
from ..opendata.test_export import HOSTILE_PLAN
from ..pages.test_escaping import HOSTILE

CHARTER = "all-councils-charter-2022"
FORMATS = ("csv", "xlsx", "json")
BUNDLED = sorted(p.stem for p in (ROOT / "content" / "plans").glob("*.yml"))
STAND_IN = 'id: {}\ntitle: Charter\nitems:\n  - ref: "9"\n    title: Nine\n'
"""A plan file holding none of the plan's fields: an Excel or JSON export must give them."""
FORMULAS = ("=SUM(A1:A9)", "+44 1234", "-minus", "@handle", "'Tis", "''=two")


def hostile_plans() -> dict[str, dict[str, Any]]:
    """Two plans with hostile text in every field a plan and its items have."""
    first = yaml.safe_load(HOSTILE_PLAN)
    first.update(own_fields("hostile"))
    first["items"][0]["items"][0]["updates"][0]["from"] = "Green"
    first["items"][0]["items"][0]["areas"] = ["north", "south-east"]
    second = {
        "id": "escaping", **own_fields("escaping"),
        "items": [{"ref": "1", "kind": "section", "title": HOSTILE, "items": [
            {"ref": "1.1", "title": HOSTILE, "lead": HOSTILE, "description": HOSTILE,
             "comments": HOSTILE, "tags": [HOSTILE, "a; b"], "related": ["1"],
             "updates": [{"date": "2022-01-01", "note": HOSTILE}]}]}],
    }
    return {"hostile": first, "escaping": second}


def own_fields(name: str) -> dict[str, Any]:
    """A plan's own fields, each of them hostile text (or, where the format insists, valid)."""
    return {
        "title": f"{name}: {HOSTILE}", "organisation": FORMULAS[0], "kind": FORMULAS[1],
        "status": "adopted", "summary": f"{HOSTILE}\nSecond line, \"quoted\" & <b>bold</b>",
        "period": FORMULAS[2], "reported": "2022-12-31",
        "source": {"title": HOSTILE, "date": FORMULAS[3], "reference": FORMULAS[4],
                   "url": "https://example.org/plan?a=1&b=2",
                   "note": "Ünïcödé — “✓” 日本"},
        "feedback": {"email": "plans@example.org", "contact": HOSTILE, "note": FORMULAS[5],
                     "deadline": "  31 March  "},
        "areas": [{"id": "north", "name": HOSTILE}, {"id": "south-east", "name": "=South",
                                                    "description": "line one\nline two"}],
        "editorial_notes": [HOSTILE, FORMULAS[0], "a; b, c"],
    }


@pytest.fixture(scope="module")
def hostile_content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    content = tmp_path_factory.mktemp("hostile") / "content"
    (content / "plans").mkdir(parents=True)
    (content / "site.yml").write_text(SITE_YML, encoding="utf-8")
    for plan_id, plan in hostile_plans().items():
        (content / "plans" / f"{plan_id}.yml").write_text(json.dumps(plan, default=str),
                                                                  encoding="utf-8")
    return content


CASES = [*(("bundled", p) for p in BUNDLED), ("sample", "village"), ("hostile", "hostile"),
         ("hostile", "escaping"), ("bilingual", "delivery")]


def source_of(kind: str, hostile: Path) -> Path:
    return {"bundled": ROOT / "content", "sample": FIXTURES / "sample", "hostile": hostile,
            "bilingual": FIXTURES / "bilingual"}[kind]


def plantrack(capsys: pytest.CaptureFixture[str], *args: str | Path) -> str:
    """Run the plantrack command; its standard output (it must succeed, saying nothing else)."""
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    assert (code, err) == (0, ""), err
    return out


def view(plan: Plan, excel: bool) -> dict[str, Any]:
    """The plan's own fields and every item's row; line ends as an Excel file holds them."""
    own = {k: v for k, v in vars(plan).items() if k not in ("file", "lines", "items")}
    data = {"fields": plain(own), "rows": [item_row(plan, i, ("en", "cy")) for i in plan.walk()]}
    return lf(data) if excel else data


def model(item: Item) -> dict[str, Any]:
    """Everything the model holds about an item, apart from where it sits in its file."""
    values = {k: v for k, v in vars(item).items() if k not in ("line", "path", "parent",
                                                               "children")}
    return {**values, "parent": item.parent and item.parent.ref,
            "children": [child.ref for child in item.children]}


def plain(value: Any) -> Any:
    if getattr(value, "texts", None):  # a text in several languages: every one of them
        return dict(value.texts)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {"type": type(value).__name__, **plain(vars(value))}
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def lf(value: Any) -> Any:
    """Line breaks as LF, also inside the JSON text of updates and targets cells."""
    if isinstance(value, str):
        return value.replace("\r\n", "\n").replace("\r", "\n").replace("\\r\\n", "\\n")
    if isinstance(value, dict):
        return {k: lf(v) for k, v in value.items()}
    if isinstance(value, list):
        return [lf(v) for v in value]
    return value


def workbook_values(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    book = openpyxl.load_workbook(path, read_only=True)
    try:
        return {name: list(book[name].iter_rows(values_only=True)) for name in book.sheetnames}
    finally:
        book.close()


def exported(path: Path) -> Any:
    return workbook_values(path) if path.suffix == ".xlsx" else path.read_bytes()


@pytest.mark.parametrize("file_format", FORMATS)
@pytest.mark.parametrize(("kind", "plan_id"), CASES, ids=[p for _, p in CASES])
def test_an_export_imported_over_its_plan_gives_the_same_plan(
        kind: str, plan_id: str, file_format: str, hostile_content: Path, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    content = tmp_path / "content"
    shutil.copytree(source_of(kind, hostile_content), content)
    before = load_site(content).plan(plan_id)
    assert before is not None
    first, second = tmp_path / f"first.{file_format}", tmp_path / f"second.{file_format}"
    plantrack(capsys, "export", "--content", content, "--plan", plan_id, "--out", first)
    if file_format != "csv":  # the file itself carries the plan's fields: replace them
        (content / "plans" / f"{plan_id}.yml").write_text(STAND_IN.format(plan_id),
                                                          encoding="utf-8")
    out = plantrack(capsys, "import", first, "--plan", plan_id, "--content", content, "--force")
    assert out.startswith(f"wrote {content}/plans/{plan_id}.yml: ")
    after = load_site(content).plan(plan_id)
    assert after is not None
    assert view(after, file_format == "xlsx") == view(before, file_format == "xlsx")
    if file_format == "json":  # lists element by element: a tag "a; b" stays one tag
        assert [model(i) for i in after.walk()] == [model(i) for i in before.walk()]
    plantrack(capsys, "export", "--content", content, "--plan", plan_id, "--out", second)
    assert exported(second) == exported(first)


@pytest.mark.parametrize("file_format", FORMATS)
def test_importing_an_unchanged_export_again_writes_the_same_file(
        file_format: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    plan_file = content / "plans" / f"{CHARTER}.yml"
    written = []
    for turn in range(2):
        export = tmp_path / f"{turn}.{file_format}"
        plantrack(capsys, "export", "--content", content, "--plan", CHARTER, "--out", export)
        plantrack(capsys, "import", export, "--plan", CHARTER, "--content", content, "--force")
        written.append(plan_file.read_bytes())
    assert written[0] == written[1]


def cell(rows: list[tuple[Any, ...]], ref: str, column: str) -> tuple[int, int]:
    """The (row, column) numbers, from 1, of an item's cell in the Items sheet."""
    number = next(n for n, row in enumerate(rows, start=1) if row[1] == ref)
    return number, COLUMNS.index(column) + 1


def test_an_edited_workbook_shows_exactly_its_edit_then_imports_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    plan_file = content / "plans" / f"{CHARTER}.yml"
    export, edited = tmp_path / "charter.xlsx", tmp_path / "edited.xlsx"
    again = tmp_path / "again.xlsx"
    plantrack(capsys, "export", "--content", content, "--plan", CHARTER, "--out", export)
    book = openpyxl.load_workbook(export)
    items = book["Items"]
    row, column = cell(list(items.iter_rows(values_only=True)), "2.05", "status")
    assert items.cell(row, column).value == "Green - on track"
    items.cell(row, column).value = "Complete"
    book.save(edited)

    dry_run = plantrack(capsys, "import", edited, "--plan", CHARTER, "--content", content,
                        "--dry-run")
    assert [line for line in dry_run.splitlines() if line.startswith("#")] == [
        f"# would replace {plan_file}: 25 items (30 with sections) from {edited}",
        '#   plantrack layout; sheet "Items" of 2',
        '#   plan fields from the sheet "Plans"',
        f"#   {plan_file} exists: give --force to replace it",
        "#   changes: 1 item changed",
        '#     item 2.05 status: "Green - on track" -> "Complete"',
    ]
    assert plantrack(capsys, "import", edited, "--plan", CHARTER, "--content", content,
                     "--force") == (
        f"wrote {plan_file}: 25 items (30 with sections) from {edited}\n"
        '  plantrack layout; sheet "Items" of 2\n'
        '  plan fields from the sheet "Plans"\n')
    assert load_site(content).plan(CHARTER).find("2.05").status == "complete"  # type: ignore
    plantrack(capsys, "export", "--content", content, "--plan", CHARTER, "--out", again)
    assert workbook_values(again) == workbook_values(edited)


def test_the_plans_sheet_survives_sorting_and_says_what_changed(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    export, edited = tmp_path / "charter.xlsx", tmp_path / "edited.xlsx"
    plantrack(capsys, "export", "--content", content, "--plan", CHARTER, "--out", export)
    book = openpyxl.load_workbook(export)
    sheet = book["Plans"]
    rows = [list(r) for r in sheet.iter_rows(min_row=2, values_only=True)]
    rows = [r for r in rows if r[1] != "editorial_notes.3"]
    for r in rows:
        if r[1] == "period":
            r[2] = "2020 to 2024"
    sheet.delete_rows(2, sheet.max_row)
    for r in sorted(rows, key=lambda r: str(r[1]), reverse=True):  # sorted Z to A by field
        sheet.append(r)
    book.save(edited)
    dry_run = plantrack(capsys, "import", edited, "--plan", CHARTER, "--content", content,
                        "--dry-run", "--force")
    notes = load_site(ROOT / "content").plan(CHARTER).editorial_notes  # type: ignore[union-attr]
    assert [line for line in dry_run.splitlines() if line.startswith("#   ")] == [
        '#   plantrack layout; sheet "Items" of 2',
        '#   plan fields from the sheet "Plans"',
        "#   changes: 2 plan fields",
        '#     plan period: "2020 to 2023" -> "2020 to 2024"',
        f'#     plan editorial_notes.3 removed: "{notes[2][:47]}..."',
    ]
    plantrack(capsys, "import", edited, "--plan", CHARTER, "--content", content, "--force")
    plan = load_site(content).plan(CHARTER)
    assert plan is not None
    assert plan.period == "2020 to 2024"
    assert plan.editorial_notes == notes[:2] + notes[3:]


# --- the pieces: named cells of a plan's own fields, and the dry run's short values --------

def test_named_cells_read_back_in_any_order() -> None:
    fields = {"title": "T", "source": {"title": "S", "url": "https://example.org/"},
              "decisions": ["d1"], "areas": [{"id": f"a{n}", "name": f"A{n}"} for n in range(12)],
              "editorial_notes": [f"note {n}" for n in range(11)]}
    cells = named_cells(fields)
    assert list(cells)[:12] == ["title", "organisation", "kind", "status", "summary", "period",
                                "reported", "source.title", "source.url", "decisions.1",
                                "areas.1.id", "areas.1.name"]
    assert list(cells)[-2:] == ["editorial_notes.10", "editorial_notes.11"]
    problems: list[tuple[int, str, str]] = []
    shuffled = sorted(cells.items(), reverse=True)  # a sheet sorted Z to A by field
    assert fields_from_cells(shuffled, lambda *p: problems.append(p)) == fields
    assert problems == []


def test_a_change_deep_in_a_long_value_is_shown_where_it_is() -> None:
    old = "The council will publish a contact list for every town and parish council."
    new = old.replace("every town", "each town")
    assert pair(old, new) == ('"...t list for every town and parish council." -> '
                              '"...t list for each town and parish council."')
    assert pair("", "x") == '(none) -> "x"'
    assert pair("two\nlines", "two lines") == '"two\\nlines" -> "two lines"'
