"""``plantrack import`` over an existing plan file, of a JSON export and of a file of several
plans: which plan fields it keeps or takes, and the dry run's list of what would change.

Each journey starts from a real export of the sample plan (or of the bundled plans) and runs
the command as a user runs it, with its exact output.
"""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import openpyxl
import pytest
import yaml

from generator import load_site
from generator.content.model import Plan
from generator.opendata.itemrows import item_row

from ..conftest import FIXTURES, ROOT
from .test_import import bundled, content, files, plantrack  # noqa: F401 (content: a fixture)

SAMPLE = FIXTURES / "sample"
SAMPLE_FIELDS = ("title, organisation, kind, status, summary, period, reported, source, "
                 "decisions, areas")


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    """A copy of the sample content folder (the village plan and its decision record)."""
    return Path(shutil.copytree(SAMPLE, tmp_path / "sample"))


def own_fields(plan: Plan) -> dict[str, object]:
    return {k: v for k, v in vars(plan).items() if k not in ("file", "lines", "items")}


def export(content: Path, out: Path, *args: str) -> Path:
    result = plantrack("export", "--content", content, "--out", out, *args)
    assert (result.returncode, result.stderr) == (0, "")
    return out


def test_a_csv_over_its_plan_file_keeps_the_plan_fields_and_says_so(sample: Path,
                                                                      tmp_path: Path) -> None:
    before = load_site(sample).plans[0]
    exported = export(sample, tmp_path / "village.csv")
    result = plantrack("import", exported, "--plan", "village", "--content", sample, "--force")
    plan_file = sample / "plans" / "village.yml"
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (
        f"wrote {plan_file}: 3 items (4 with sections) from {exported}\n"
        "  plantrack layout; cells separated by commas\n"
        f"  plan fields kept from {plan_file} (the file imported has none): {SAMPLE_FIELDS}\n")
    after = load_site(sample).plans[0]
    assert own_fields(after) == own_fields(before)


def test_a_csv_retitled_over_its_plan_file_keeps_the_other_fields(sample: Path,
                                                                   tmp_path: Path) -> None:
    exported = export(sample, tmp_path / "village.csv")
    result = plantrack("import", exported, "--plan", "village", "--title", "Village plan 2022",
                       "--content", sample, "--force")
    assert result.stdout.splitlines()[2] == (
        f"  plan fields kept from {sample}/plans/village.yml (the file imported has none): "
        + SAMPLE_FIELDS.replace("title, ", ""))
    plan = load_site(sample).plans[0]
    assert (plan.title, plan.organisation) == ("Village plan 2022", "Sample Parish Council")


def edited_csv(exported: Path, out: Path) -> Path:
    """The sample's export with 1.01 edited (lead, status, a third update), the indicator 2
    removed and an action 3 added."""
    rows = list(csv.reader(exported.read_text(encoding="utf-8").splitlines()))
    header = rows[0]
    rows = [row for row in rows if row[1] != "2"]
    newsletter = rows[2]
    newsletter[header.index("lead")] = "Clerk"
    newsletter[header.index("status")] = "Amber"
    updates = newsletter[header.index("updates")]
    newsletter[header.index("updates")] = (
        updates[:-1] + ', {"date": "2022-09-30", "status": "Amber", "note": "Printer late."}]')
    rows.append(["village", "3", "", "action", "Plant trees"] + [""] * (len(header) - 5))
    with out.open("w", newline="", encoding="utf-8") as file:
        csv.writer(file).writerows(rows)
    return out


def comments(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.startswith("#")]


def test_dry_run_over_an_existing_plan_lists_every_change(sample: Path, tmp_path: Path) -> None:
    edited = edited_csv(export(sample, tmp_path / "village.csv"), tmp_path / "edited.csv")
    plan_file = sample / "plans" / "village.yml"
    before = files(sample)
    result = plantrack("import", edited, "--plan", "village", "--content", sample, "--dry-run")
    assert (result.returncode, result.stderr) == (0, "")
    assert comments(result.stdout) == [
        f"# would replace {plan_file}: 3 items (4 with sections) from {edited}",
        "#   plantrack layout; cells separated by commas",
        f"#   plan fields kept from {plan_file} (the file imported has none): {SAMPLE_FIELDS}",
        f"#   {plan_file} exists: give --force to replace it",
        "#   changes: 1 item changed, 1 item added, 1 item removed",
        '#     item 1.01 lead: "Parish Clerk" -> "Clerk"',
        '#     item 1.01 status: "Green - on track" -> "Amber"',
        '#     item 1.01 updates.3 added: "date 2022-09-30, status Amber, note Printer late."',
        '#     item 3 added: "Plant trees"',
        '#     item 2 removed: "Households reached by the newsletter"',
    ]
    assert yaml.safe_load(result.stdout)["items"][1]["title"] == "Plant trees"
    assert files(sample) == before


def test_dry_run_of_an_unchanged_export_says_no_changes(sample: Path, tmp_path: Path) -> None:
    exported = export(sample, tmp_path / "village.xlsx")
    result = plantrack("import", exported, "--plan", "village", "--content", sample,
                       "--dry-run", "--force")
    assert comments(result.stdout) == [
        f"# would replace {sample}/plans/village.yml: 3 items (4 with sections) from {exported}",
        '#   plantrack layout; sheet "Items" of 2',
        '#   plan fields from the sheet "Plans"',
        "#   no changes",
    ]


def test_dry_run_names_changed_plan_fields(sample: Path, tmp_path: Path) -> None:
    exported = export(sample, tmp_path / "village.json", "--format", "json")
    data = json.loads(exported.read_text(encoding="utf-8"))
    data["plans"][0].update({"status": "superseded", "summary": None,
                             "source": {"title": "Village Action Plan 2022 (revised)"}})
    exported.write_text(json.dumps(data), encoding="utf-8")
    result = plantrack("import", exported, "--plan", "village", "--content", sample,
                       "--dry-run", "--force")
    assert comments(result.stdout)[3:] == [
        "#   changes: 5 plan fields",
        '#     plan status: "adopted" -> "superseded"',
        '#     plan summary: "What the parish council promised for 2022." -> (none)',
        '#     plan source.title: "Village Action Plan 2022" -> "Village Action Plan 2022 '
        '(revised)"',
        '#     plan source.date: "March 2022" -> (none)',
        '#     plan source.reference: "VAP/22" -> (none)',
    ]


def test_a_json_export_imports_with_its_plan_fields(content: Path, tmp_path: Path) -> None:
    shutil.copytree(SAMPLE / "decisions", content / "decisions")
    exported = export(SAMPLE, tmp_path / "village.json")
    result = plantrack("import", exported, "--plan", "village", "--content", content)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (
        f"wrote {content}/plans/village.yml: 3 items (4 with sections) from {exported}\n"
        "  plantrack layout; a JSON export\n"
        '  plan fields from "plans" in the JSON file\n')
    original, back = bundled_sample(), load_site(content).plans[0]
    assert own_fields(back) == own_fields(original)
    assert [item_row(back, i) for i in back.walk()] == [
        item_row(original, i) for i in original.walk()]


def bundled_sample() -> Plan:
    return load_site(SAMPLE).plans[0]


def test_json_problems_are_named_by_item_and_field(content: Path, tmp_path: Path) -> None:
    exported = export(SAMPLE, tmp_path / "village.json")
    data = json.loads(exported.read_text(encoding="utf-8"))
    data["items"][1]["titel"] = "x"
    data["items"][3]["progress"] = 150
    data["plans"][0].update({"status": "Adopted-ish", "sumary": "x"})
    exported.write_text(json.dumps(data), encoding="utf-8")
    result = plantrack("import", exported, "--plan", "village", "--content", content)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        f"{exported}\n"
        '  plans[0].decisions.1: expected a decision id, found "pc-2022-01" '
        "[unknown-decision]\n"
        '  plans[0].status: expected one of draft, adopted, superseded; found "Adopted-ish" '
        "[unknown-status]\n"
        '  plans[0].sumary: unknown plan field "sumary"; did you mean "summary"? '
        "[unknown-plan-field]\n"
        '  item 2: titel: unknown field "titel"; did you mean "title"? [unknown-field]\n'
        '  item 4: progress: expected a whole number from 0 to 100, found "150" '
        "[bad-progress]\n"
        "5 errors; nothing written\n")


@pytest.mark.parametrize(("suffix", "read", "unit"), [
    ("xlsx", 'sheet "Items" of 2', "rows"), ("json", "a JSON export", "items")])
def test_an_export_of_every_plan_gives_the_plan_asked_for_its_own_fields(
        suffix: str, read: str, unit: str, content: Path, tmp_path: Path) -> None:
    exported = export(ROOT / "content", tmp_path / f"all.{suffix}")
    plan_id = "bcc-getting-closer-2005"
    result = plantrack("import", exported, "--plan", plan_id, "--content", content)
    assert (result.returncode, result.stderr) == (0, "")
    where = 'the sheet "Plans"' if suffix == "xlsx" else '"plans" in the JSON file'
    assert result.stdout == (
        f"wrote {content}/plans/{plan_id}.yml: 30 items (31 with sections) from {exported}\n"
        f"  plantrack layout; {read}\n"
        f"  plan fields from {where}\n"
        f"  326 {unit} of other plans left out (all-councils-charter-2022, "
        "bcc-community-leadership-2003, scdc-community-customer-services-2009)\n")
    original, back = bundled(plan_id), load_site(content).plans[0]
    assert own_fields(back) == own_fields(original)
    assert [item_row(back, i) for i in back.walk()] == [
        item_row(original, i) for i in original.walk()]


@pytest.mark.parametrize(("suffix", "said"), [
    ("csv", 'rows of plan "nope" in the plan column'),
    ("xlsx", 'rows of plan "nope" in the plan column'),
    ("json", 'items of plan "nope" in the plan field')])
def test_an_export_of_every_plan_without_the_plan_asked_for(suffix: str, said: str,
                                                            content: Path,
                                                            tmp_path: Path) -> None:
    exported = export(ROOT / "content", tmp_path / f"all.{suffix}")
    result = plantrack("import", exported, "--plan", "nope", "--content", content)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        f"{exported}\n  plan: expected {said}, found all-councils-charter-2022, "
        "bcc-community-leadership-2003, bcc-getting-closer-2005, "
        "scdc-community-customer-services-2009 [unknown-plan]\n1 error; nothing written\n")
    assert files(content / "plans") == {}


def test_an_export_of_one_plan_imports_under_another_id(sample: Path, tmp_path: Path) -> None:
    exported = export(sample, tmp_path / "village.xlsx")
    result = plantrack("import", exported, "--plan", "village-copy", "--content", sample)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines()[2:] == [
        '  plan fields from the sheet "Plans"',
        '  rows of plan "village" imported as "village-copy"']
    copy = load_site(sample).plan("village-copy")
    assert copy is not None
    assert {**own_fields(copy), "id": "village"} == own_fields(bundled_sample())


def edit_plans_sheet(workbook: Path, rows: list[tuple[str, str, str]],
                     header: tuple[str, ...] = ("plan", "field", "value")) -> Path:
    """The workbook with its Plans sheet's header and rows replaced."""
    book = openpyxl.load_workbook(workbook)
    sheet = book["Plans"]
    sheet.delete_rows(1, sheet.max_row)
    for row in (header, *rows):
        sheet.append(row)
    book.save(workbook)
    return workbook


def test_plans_sheet_problems_are_named_by_its_rows(content: Path, tmp_path: Path) -> None:
    workbook = edit_plans_sheet(export(SAMPLE, tmp_path / "village.xlsx"), [
        ("village", "title", "Village plan"), ("village", "status", "Adopted-ish"),
        ("village", "sumary", "x"), ("village", "title", "Again"),
        ("village", "areas.1.id", "north"), ("village", "areas.1.nmae", "North ward"),
        ("village", "editorial_notes.0", "x"), ("village", "source.url", "javascript:x")])
    result = plantrack("import", workbook, "--plan", "village", "--content", content)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (
        f"{workbook}\n"
        '  sheet "Plans" row 3: status: expected one of draft, adopted, superseded; found '
        '"Adopted-ish" [unknown-status]\n'
        '  sheet "Plans" row 4: sumary: unknown plan field "sumary"; did you mean "summary"? '
        "[unknown-plan-field]\n"
        '  sheet "Plans" row 5: title: expected each plan field once, found "title" again '
        "[duplicate-plan-field]\n"
        '  sheet "Plans" row 6: areas.1: expected a name, found none [missing-name]\n'
        '  sheet "Plans" row 7: areas.1.nmae: unknown plan field "areas.1.nmae"; did you mean '
        '"areas.1.name"? [unknown-plan-field]\n'
        '  sheet "Plans" row 8: editorial_notes.0: unknown plan field "editorial_notes.0"; did '
        'you mean "editorial_notes.1"? [unknown-plan-field]\n'
        '  sheet "Plans" row 9: source: expected a title, found none [missing-title]\n'
        '  sheet "Plans" row 9: source.url: expected an http(s) address or a path, found '
        '"javascript:x" [bad-url]\n'
        "  row 3: areas: expected an area id listed in the plan's areas, found \"north\" "
        "[unknown-area]\n"
        "9 errors; nothing written\n")


def test_a_plans_sheet_without_its_columns(content: Path, tmp_path: Path) -> None:
    workbook = edit_plans_sheet(export(SAMPLE, tmp_path / "village.xlsx"),
                                [("village", "title", "x")], header=("plan", "name", "value"))
    result = plantrack("import", workbook, "--plan", "village", "--content", content)
    assert result.stderr == (
        f'{workbook}\n  sheet "Plans": expected the columns plan, field and value in its first '
        'row, found "plan", "name", "value" [bad-plans-sheet]\n1 error; nothing written\n')
