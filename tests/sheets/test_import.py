"""``plantrack import``: spreadsheets into plan files, run as a user runs it, with exact output.

The charter fixtures are the seed charter's rows typed into spreadsheets twice: as the source
gives them (charter-raw.csv: ref "1" in section 2, a row without a ref, two rows "5.0") and as
an officer corrects them (charter-corrected.csv: the refs the bundled plan uses, a "Source ref"
column keeping the source's own, line breaks inside four Quality Criteria cells). The Excel
fixtures are built from the same rows, typed as Excel holds them.
"""

from __future__ import annotations

import csv
import os
import re
import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
import yaml
from openpyxl import Workbook

from generator import load_site
from generator.content.model import Plan
from generator.files.planwriter import plan_yaml
from generator.opendata.itemrows import item_row

from ..conftest import FIXTURES, ROOT

IMPORT = FIXTURES / "import"
RAW = IMPORT / "charter-raw.csv"
CORRECTED = IMPORT / "charter-corrected.csv"
DECIDIM = IMPORT / "decidim-results.csv"
CHARTER = "all-councils-charter-2022"
UPDATE = os.environ.get("PLANTRACK_UPDATE_GOLDEN") == "1"
MAP_SOURCE = ("--map", "Source ref=source_ref")
SPREADSHEET_FIELDS = ("quality_criteria", "lead", "support", "group")


def plantrack(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator.cli", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, check=False)


def relative(path: Path) -> str:
    return str(path.relative_to(ROOT))


def files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """An empty content folder: the bundled site settings and no plans."""
    folder = tmp_path / "content"
    (folder / "plans").mkdir(parents=True)
    shutil.copy(ROOT / "content" / "site.yml", folder / "site.yml")
    return folder


def charter_workbook(source: Path, out: Path) -> Path:
    """The rows of a charter CSV fixture typed into Excel as Excel holds them: due dates as
    dates shown mmm-yy, numeric refs as numbers shown as typed, the rest as text; the plan on
    the first sheet, and a second sheet of notes."""
    text = source.read_text(encoding="utf-8-sig")
    rows = list(csv.reader(text.splitlines(keepends=True), delimiter=";" if ";Action;" in text
                           else ","))
    book = Workbook()
    sheet = book.active
    sheet.title = "Action plan"
    for number, row in enumerate(rows, start=1):
        for column, value in enumerate(row, start=1):
            cell = sheet.cell(number, column)
            if column == 6 and re.fullmatch(r"[A-Z][a-z]{2}-\d\d", value):
                cell.value = datetime.strptime(value, "%b-%y")
                cell.number_format = "mmm-yy"
            elif column == 1 and re.fullmatch(r"\d+(\.\d+)?", value):
                cell.value = float(value) if "." in value else int(value)
                cell.number_format = "0." + "0" * len(value.split(".")[1]) if "." in value else "0"
            elif value:
                cell.value = value
    book.create_sheet("Notes")["A1"] = "Typed from the All Councils Charter Action Plan."
    book.save(out)
    return out


def spreadsheet_view(plan: Plan) -> list[tuple[object, ...]]:
    """Every item as far as the charter spreadsheet gives it, with its place in the plan."""
    return [
        (item.ref, item.kind, item.title, item.parent.ref if item.parent else None,
         {name: item.text.get(name) for name in SPREADSHEET_FIELDS},
         item.due.text if item.due else None, item.wording, item.source_ref)
        for item in plan.walk()
    ]


def bundled(plan_id: str) -> Plan:
    return next(p for p in load_site(ROOT / "content").plans if p.id == plan_id)


CORRECTED_SUMMARY = """\
  title "All Councils Charter Action Plan" from the row above the header
  sub-headings, each the group of the rows beneath it: row 16 "Consultation", row 24 \
"Devolution", row 27 "Community Boards", row 31 "Training & Support"
  empty rows skipped: 11, 17, 29, 39
"""

RAW_PROBLEMS = """\
  row 33: Ref: expected a ref, found none (its Action is "Develop a training plan to provide \
training, su..."); give --fix-refs to number it after the row above [missing-ref]
  row 41: Ref: expected a ref unique in the plan, found "5.0" again (first at row 40); give \
--fix-refs to rename it [duplicate-ref]
2 errors; nothing written
"""


def test_the_corrected_charter_csv_reproduces_the_bundled_plan(content: Path) -> None:
    out = content / "plans" / f"{CHARTER}.yml"
    result = plantrack("import", relative(CORRECTED), "--plan", CHARTER, *MAP_SOURCE,
                       "--content", content)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (
        f"wrote {out}: 25 items (30 with sections) from {relative(CORRECTED)}\n"
        "  charter layout; cells separated by semicolons\n" + CORRECTED_SUMMARY)
    imported = load_site(content).plans[0]
    assert imported.title == bundled(CHARTER).title
    assert spreadsheet_view(imported) == spreadsheet_view(bundled(CHARTER))
    check = plantrack("check", "--content", content)
    assert (check.returncode, check.stderr) == (0, "")


def test_the_charter_as_the_source_gives_it_reports_the_missing_and_the_repeated_ref(
        content: Path) -> None:
    result = plantrack("import", relative(RAW), "--plan", CHARTER, "--content", content)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == f"{relative(RAW)}\n" + RAW_PROBLEMS
    assert files(content / "plans") == {}


def test_the_corrected_charter_in_excel_reproduces_the_bundled_plan(
        content: Path, tmp_path: Path) -> None:
    workbook = charter_workbook(CORRECTED, tmp_path / "charter.xlsx")
    out = content / "plans" / f"{CHARTER}.yml"
    result = plantrack("import", workbook, "--plan", CHARTER, *MAP_SOURCE, "--content", content)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (
        f"wrote {out}: 25 items (30 with sections) from {workbook}\n"
        '  charter layout; sheet "Action plan" of 2\n' + CORRECTED_SUMMARY)
    assert spreadsheet_view(load_site(content).plans[0]) == spreadsheet_view(bundled(CHARTER))


def test_the_charter_in_excel_as_the_source_gives_it_reports_the_same_rows(
        content: Path, tmp_path: Path) -> None:
    workbook = charter_workbook(RAW, tmp_path / "charter.xlsx")
    result = plantrack("import", workbook, "--plan", CHARTER, "--content", content)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == f"{workbook}\n" + RAW_PROBLEMS
    assert files(content / "plans") == {}


def test_the_decidim_export_keeps_hierarchy_statuses_and_progress(content: Path) -> None:
    result = plantrack("import", relative(DECIDIM), "--plan", "budget-2022", "--title",
                       "Participatory budget 2022", "--content", content)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines()[0] == (
        f"wrote {content}/plans/budget-2022.yml: 7 items from {relative(DECIDIM)}")
    plan = load_site(content).plans[0]
    assert [(i.ref, i.parent.ref if i.parent else None, i.status, i.wording, i.progress,
             i.due.text if i.due else None) for i in plan.walk()] == [
        ("11", None, "in-progress", "In progress", 50, "2023-12-31"),
        ("12", "11", "complete", "Completed", 100, "2023-03-31"),
        ("13", "12", "in-progress", "In progress", 33, "2023-09-30"),
        ("14", "11", "not-started", "Not started", 0, "2024-03-31"),
        ("15", None, "not-started", "not-started", None, "2024-07-31"),
        ("16", "15", "complete", "complete", 100, "2023-01-31"),
        ("17", "15", "on-track", "On track", 60, "2023-06-30"),
    ]
    assert described(plan, "12") == (
        "Trees on the five busiest roads, chosen with residents & the tree officer.\n\n"
        "Each tree gets a watering bag \u2013 and a name plate.\n\n- Station Road\n- High Street")
    assert described(plan, "16") == "Lights & markings."


def test_the_decidim_dry_run_prints_the_plan_file_and_what_was_read() -> None:
    golden = IMPORT / "decidim-results.dry-run.txt"
    result = plantrack("import", relative(DECIDIM), "--plan", "budget-2022", "--dry-run",
                       "--content", "content")
    assert (result.returncode, result.stderr) == (0, "")
    if UPDATE:
        golden.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == golden.read_text(encoding="utf-8")
    assert yaml.safe_load(result.stdout)["id"] == "budget-2022"


def test_dry_run_writes_nothing(content: Path) -> None:
    before = files(content)
    result = plantrack("import", relative(CORRECTED), "--plan", CHARTER, *MAP_SOURCE,
                       "--dry-run", "--content", content)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.startswith(
        f"# would write {content}/plans/{CHARTER}.yml: 25 items (30 with sections) from "
        f"{relative(CORRECTED)}\n#   charter layout; cells separated by semicolons\n"
        f"#   title \"All Councils Charter Action Plan\"")
    assert f'\nid: {CHARTER}\ntitle: "All Councils Charter Action Plan"\nitems:\n' in result.stdout
    assert files(content) == before


@pytest.mark.parametrize("plan_id", [CHARTER, "bcc-community-leadership-2003",
                                     "bcc-getting-closer-2005",
                                     "scdc-community-customer-services-2009", "village"])
@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_an_exported_plan_reimports_to_the_same_items(
        plan_id: str, suffix: str, content: Path, tmp_path: Path) -> None:
    source = FIXTURES / "sample" if plan_id == "village" else ROOT / "content"
    original = next(p for p in load_site(source).plans if p.id == plan_id)
    if original.decisions:  # the decision records the plan's decisions name
        shutil.copytree(source / "decisions", content / "decisions")
    exported = tmp_path / f"export.{suffix}"
    assert plantrack("export", "--content", source, "--plan", plan_id, "--out",
                     exported).returncode == 0
    result = plantrack("import", exported, "--plan", plan_id, "--title", original.title,
                       "--content", content)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines()[1].startswith("  plantrack layout")
    back = load_site(content).plans[0]
    assert [item_row(back, i) for i in back.walk()] == [
        item_row(original, i) for i in original.walk()]


def test_export_of_every_plan_reimports_the_plan_asked_for(content: Path,
                                                           tmp_path: Path) -> None:
    exported = tmp_path / "all.csv"
    assert plantrack("export", "--out", exported).returncode == 0
    result = plantrack("import", exported, "--plan", CHARTER, "--content", content)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (
        f"wrote {content}/plans/{CHARTER}.yml: 25 items (30 with sections) from {exported}\n"
        "  plantrack layout; cells separated by commas\n"
        '  title "All" from the file name (--title gives another)\n'
        "  327 rows of other plans left out (bcc-community-leadership-2003, "
        "bcc-getting-closer-2005, scdc-community-customer-services-2009)\n")
    back = load_site(content).plans[0]
    assert [item_row(back, i) for i in back.walk()] == [
        item_row(bundled(CHARTER), i) for i in bundled(CHARTER).walk()]


def described(plan: Plan, ref: str) -> str | None:
    item = plan.find(ref)
    return item.text.get("description") if item else None


def write(tmp_path: Path, name: str, data: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    return path


BAD_INPUT = {
    "missing-file": ("missing.csv", None, [],
                     "{file}: cannot read this spreadsheet: no such file"),
    "not-a-spreadsheet": ("notes.pdf", b"%PDF-1.4\n", [],
                          "{file}: cannot read this spreadsheet: expected a spreadsheet ending "
                          ".csv or .xlsx, or the JSON of plantrack export ending .json"),
    "binary-csv": ("plan.csv", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", [],
                   "{file}: cannot read this spreadsheet: it holds binary data, not text (an "
                   "Excel file should end .xlsx)"),
    "csv-named-xlsx": ("plan.xlsx", "Ref,Action\n1,Do it\n", [],
                       "{file}: cannot read this spreadsheet: not an Excel workbook (File is not "
                       "a zip file)"),
    "old-excel": ("plan.xls", b"\xd0\xcf\x11\xe0", [],
                  "{file}: cannot read this spreadsheet: an Excel 97-2003 workbook (.xls); save "
                  "it as .xlsx or .csv"),
    "unknown-columns": (
        "plan.csv", "Ref,Action,Lead,RAG Statu,Source ref,Notes\n1.01,Do it,Clerk,Green,,x\n", [],
        "{file}\n"
        '  row 1: column D: unknown column "RAG Statu" for the charter layout; did you mean '
        '"RAG Status"? Or leave it out with --map "RAG Statu=" [unknown-column]\n'
        '  row 1: column E: unknown column "Source ref" for the charter layout; did you mean '
        '--map "Source ref=source_ref"? Or leave it out with --map "Source ref=" '
        "[unknown-column]\n"
        '  row 1: column F: unknown column "Notes" for the charter layout; name its field with '
        '--map "Notes=FIELD", or leave it out with --map "Notes=" [unknown-column]\n'
        "3 errors; nothing written"),
    "rows-it-cannot-use": (
        "plan.csv", "Ref,Action,RAG Status,Due Date\n1.01,Do it,Purple,Aug-22\n"
        "1.02,Other,Green - on track,2022-02-30\n,Third,Red,\n1.01,Again,,\n", [],
        "{file}\n"
        "  row 2: RAG Status: expected one of not-started, in-progress, on-track, at-risk, "
        "off-track, complete, cancelled (or Green, Amber, Red, G, A, R, Green - <any text>, "
        "Amber - <any text>, Red - <any text>, Completed, Canceled); found \"Purple\"; to "
        'import it, add --status "Purple=MEANING", MEANING one of not-started, in-progress, '
        "on-track, at-risk, off-track, complete, cancelled [unknown-status]\n"
        '  row 3: Due Date: expected a real calendar date, found "2022-02-30" (2022-02-30 '
        "does not exist) [impossible-date]\n"
        '  row 4: Ref: expected a ref, found none (its Action is "Third"); give --fix-refs to '
        "number it after the row above [missing-ref]\n"
        '  row 5: Ref: expected a ref unique in the plan, found "1.01" again (first at row 2); '
        "give --fix-refs to rename it [duplicate-ref]\n"
        "4 errors; nothing written"),
    "bad-maps": (
        "plan.csv", "Ref,Action,Owner\n1.01,Do it,Clerk\n",
        ["--map", "Owner=leed", "--map", "Ownr=lead", "--map", "Action"],
        "{file}\n"
        '  --map "Action": expected "Column=field" (or "Column=" to leave the column out) '
        "[bad-map]\n"
        '  --map "Owner=leed": expected an item field, found "leed"; did you mean "lead"? '
        "[unknown-map-field]\n"
        '  --map "Ownr=lead": expected a column of the header, found "Ownr"; did you mean '
        '"Owner"? [unknown-map-column]\n'
        '  row 1: column C: unknown column "Owner" for the charter layout; name its field '
        'with --map "Owner=FIELD", or leave it out with --map "Owner=" [unknown-column]\n'
        "4 errors; nothing written"),
    "unknown-decidim-status": (
        "results.csv", "id;parent/id;title/en;status/key;status/name/en;progress\r\n"
        "1;;Parks;awaiting_funding;Awaiting funding;10\r\n2;9;Benches;;;\r\n", [],
        "{file}\n"
        "  row 2: status/name/en: expected one of not-started, in-progress, on-track, at-risk, "
        "off-track, complete, cancelled (or Green, Amber, Red, G, A, R, Green - <any text>, "
        "Amber - <any text>, Red - <any text>, Completed, Canceled); found \"Awaiting "
        'funding" (key "awaiting_funding"); to import it, add --status "Awaiting '
        'funding=MEANING" (or by its key, --status "awaiting_funding=MEANING"), MEANING one of not-started, in-progress, on-track, at-risk, '
        "off-track, complete, cancelled [unknown-status]\n"
        '  row 3: parent/id: expected the ref of another row, found "9" [unknown-parent]\n'
        "2 errors; nothing written"),
    "plantrack-rows": (
        "export.csv", "plan,ref,parent,title\nx,1,,One\nx,2,1,Two\nx,3,9,Three\nx,4,3,Four\n"
        "x,5,6,Five\nx,6,5,Six\nx,7,,\n", [],
        "{file}\n"
        '  row 4: parent: expected the ref of another row, found "9" [unknown-parent]\n'
        '  row 6: parent: expected a parent that is not beneath this row, found "6" '
        "[parent-loop]\n"
        '  row 7: parent: expected a parent that is not beneath this row, found "5" '
        "[parent-loop]\n"
        '  row 8: title: expected a title, found none (the row\'s ref is "7") [missing-title]\n'
        "4 errors; nothing written"),
    "data-outside-the-table": (
        "plan.csv", "Village plan\nDraft 2\nRef,Action,\n1,Do it,stray\n", [],
        "{file}\n"
        '  row 2: expected at most a title above the header row, found "Draft 2" '
        "[text-above-header]\n"
        "  row 3: column C: expected a heading above data, found none (data in row 4) "
        "[unnamed-column]\n"
        "2 errors; nothing written"),
    "unknown-layout": (
        "plan.csv", "Number,Commitment\n1,Do it\n", [],
        '{file}\n  --format: cannot tell the layout from the headings ("Number", "Commitment"); '
        "give --format charter, decidim or plantrack, or --map columns to ref and title "
        "[unknown-layout]\n1 error; nothing written"),
    "bad-plan-id": ("plan.csv", "Ref,Action\n1,Do it\n", ["--plan", "Village Plan"],
                    '--plan: expected lowercase letters, digits and hyphens, found "Village '
                    'Plan"'),
    "existing-file": ("plan.csv", "Ref,Action\n1,Do it\n", ["--plan", "taken"],
                      "{content}/plans/taken.yml: already exists; give --force to replace it, "
                      "or --out to write another file"),
    "id-of-another-plan": ("plan.csv", "Ref,Action\n1,Do it\n", ["--plan", "village"],
                           '{content}/plans/other.yml: already holds the plan "village"; '
                           "choose another --plan, or replace that file with --out "
                           "{content}/plans/other.yml --force"),
    "not-json": ("plan.json", "[1] {", [],
                 "{file}: cannot read this JSON file: not JSON (Extra data: line 1 column 5 "
                 "(char 4))"),
    "json-not-an-export": ("plan.json", '{"items": {}}', [],
                           "{file}: cannot read this JSON file: expected the JSON of plantrack "
                           'export: an object with a "plans" list of objects and an "items" '
                           "list"),
    "json-with-map": ("plan.json", '{"plans": [], "items": []}', ["--map", "Lead=lead"],
                      "{file}: --map applies to spreadsheets; a JSON file is read as plantrack "
                      "export writes it"),
    "json-as-charter": ("plan.json", '{"plans": [], "items": []}', ["--format", "charter"],
                        "{file}: --format charter applies to spreadsheets; a JSON file is read "
                        "as plantrack export writes it"),
    "json-with-sheet": ("plan.json", '{"plans": [], "items": []}', ["--sheet", "Items"],
                        "{file}: --sheet applies to Excel files only"),
    "json-without-items": ("plan.json", '{"plans": [], "items": []}', [],
                           "{file}\n  items: expected items, found none [no-rows]\n"
                           "1 error; nothing written"),
}


@pytest.mark.parametrize("case", BAD_INPUT)
def test_bad_input_is_refused_with_one_message_and_nothing_written(
        case: str, content: Path, tmp_path: Path) -> None:
    name, data, extra, expected = BAD_INPUT[case]
    (content / "plans" / "taken.yml").write_text("id: taken\n", encoding="utf-8")
    shutil.copy(FIXTURES / "sample" / "plans" / "village.yml", content / "plans" / "other.yml")
    file = tmp_path / name if data is None else write(tmp_path, name, data)
    before = files(tmp_path)
    plan = [] if "--plan" in extra else ["--plan", "new-plan"]
    result = plantrack("import", file, *plan, *extra, "--content", content)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == expected.format(file=file, content=content) + "\n"
    assert files(tmp_path) == before


def test_a_workbook_sheet_that_does_not_exist(content: Path, tmp_path: Path) -> None:
    workbook = charter_workbook(CORRECTED, tmp_path / "charter.xlsx")
    result = plantrack("import", workbook, "--plan", "x", "--sheet", "Plan", "--content", content)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (f'{workbook}: no sheet named "Plan"; the sheets are "Action plan", '
                             f'"Notes"\n')


def test_excel_csv_from_windows_and_tab_separated_text(content: Path, tmp_path: Path) -> None:
    windows = write(tmp_path, "costs.csv", "Ref;Action;Due Date\r\n1;Budget \u00a35,000;"
                                           "March 2023\r\n".encode("cp1252"))
    result = plantrack("import", windows, "--plan", "costs", "--content", content)
    assert result.stdout == (
        f"wrote {content}/plans/costs.yml: 1 item from {windows}\n"
        "  charter layout; cells separated by semicolons; read as Windows-1252 text (it is "
        "not UTF-8)\n"
        '  title "Costs" from the file name (--title gives another)\n')
    assert load_site(content).plans[0].items[0].title == "Budget \u00a35,000"
    tabs = write(tmp_path, "pasted.txt", "Ref\tAction\tSupport\n1\t\"Two\nlines\"\t-\n")
    result = plantrack("import", tabs, "--plan", "pasted", "--content", content, "--dry-run")
    assert result.stdout.endswith('    kind: commitment\n    title: |\n      Two\n      lines\n')


def test_a_replaced_plan_file_needs_force(content: Path) -> None:
    args = ("import", relative(CORRECTED), "--plan", CHARTER, *MAP_SOURCE, "--content", content)
    assert plantrack(*args).returncode == 0
    assert plantrack(*args).returncode == 1
    assert plantrack(*args, "--force").returncode == 0


@pytest.mark.parametrize("text", [
    "plain", "=HYPERLINK(\"http://example.org\")", "'quoted'", "# not a comment", "- a dash",
    "key: value", "tab\there", "  ", "ends with a colon:", "null", "yes", "1.50", "@handle",
    "line one\nline two", "\u2028separator", "bell\x07", "\ufeffbom", "emoji \U0001f333",
    "a " * 60, "two  spaces " * 10, "first\n  indented\n\nafter a blank line", "\\backslash",
])
def test_any_text_is_written_as_yaml_that_reads_back_the_same(text: str) -> None:
    plan = {"id": "p", "title": text, "items": [{"ref": text, "title": text, "comments": text}]}
    read = yaml.safe_load(plan_yaml(plan))
    item = read["items"][0]
    assert {item["comments"].strip(), item["ref"].strip(), read["title"].strip()} == {text.strip()}


def test_help_explains_the_layouts() -> None:
    result = plantrack("import", "--help")
    assert result.returncode == 0
    for words in ("charter ", "decidim ", "plantrack ", "--map", "--dry-run", "--force",
                  "--content", 'a cell holding only "-" is empty'):
        assert words in result.stdout

