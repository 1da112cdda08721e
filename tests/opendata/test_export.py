"""``plantrack export``: CSV, JSON and Excel, formula injection, and the round trip back to plans.

The round trip rebuilds each plan from the exported CSV (or Excel) rows with
``itemtable.restored_row`` and ``itemtable.row_fields``, loads it with ``load_site`` and compares
every field of every item with the original.
"""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml

from generator import load_site
from generator.content.model import Item, Site
from generator.opendata.itemrows import (
    COLUMNS,
    neutralise_cell,
    restore_cell,
    restored_row,
    row_fields,
)

from ..conftest import FIXTURES, ROOT, SITE_YML

SAMPLE = FIXTURES / "sample"
HEADER = ",".join(COLUMNS)

HOSTILE_PLAN = """\
id: hostile
title: "Plan with <b>markup</b>, \\"quotes\\" & formulas"
items:
  - ref: "1"
    kind: section
    title: "=HYPERLINK(\\"http://evil.example\\",\\"Click\\")"
    items:
      - ref: "1.1"
        title: "+44 1234 567890"
        lead: "-Minus lead"
        support: "@SUM(A1:A9)"
        description: "First line, with a comma\\nSecond line; \\"quoted\\"\\r\\nThird"
        comments: "'=already quoted"
        cost: "''+two apostrophes"
        risks: "'Tis plain"
        quality_criteria: "Ünïcödé — “curly” ✓ 日本"
        due: "Aug-22"
        status: "Amber"
        progress: 0
        tags: ["=1+1", "-x"]
        updates:
          - date: 2022-07-01
            status: at-risk
            note: "=cmd|' /C calc'!A0"
          - date: 2022-07-01
            note: "Same day, <script>alert(1)</script>"
      - ref: "-2"
        title: "Dash ref"
        source_ref: ""
  - ref: "3"
    kind: indicator
    title: "Reach"
    baseline: "=40%"
    targets:
      - period: 2022/23
        target: "+60%"
"""


def plantrack(*args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "generator.cli", *args], cwd=ROOT,
                          capture_output=True, check=False)


@pytest.fixture
def hostile(make_content: Any) -> Path:
    return make_content({"hostile.yml": HOSTILE_PLAN})


# --- what the command prints ------------------------------------------------------------------

def test_csv_of_the_sample_to_standard_output() -> None:
    result = plantrack("export", "--content", str(SAMPLE))
    assert (result.returncode, result.stderr) == (0, b"")
    assert result.stdout.decode("utf-8").split("\r\n") == [
        HEADER,
        "village,1.00,,section,Keeping residents informed" + "," * 29,
        "village,1.01,1.00,commitment,Publish a quarterly newsletter,,,Parish Clerk,"
        "Communications volunteer,Aug-22,,,,Delivered to every household.,,,,,,Green - on track,,,"
        '40,"[{""date"": ""2022-03-31"", ""status"": ""not-started"", ""note"": ""Budget agreed.""}, '
        '{""date"": ""2022-06-30"", ""status"": ""on-track"", ""note"": ""First issue delivered.""}]",'
        "1.02,newsletter,north,,,,,,,",
        "village,1.02,1.00,commitment,Hold an annual parish meeting,,,Chair,,May-22,,,,,,,,,,"
        "Complete,,,,,,,,,1,The source numbers this row 1; it belongs in section 1.,,,,",
        "village,2,,indicator,Households reached by the newsletter,,,Parish Clerk,,"
        "To be confirmed,,,,,,,,,,,,,,,,,,,,,,2021 = 40%,"
        '"[{""period"": ""2022/23"", ""target"": ""60%"", ""actual"": ""55%""}, '
        '{""period"": ""2023/24"", ""target"": ""80%""}]",higher',
        "",
    ]


def test_json_of_one_plan_to_standard_output() -> None:
    result = plantrack("export", "--content", str(SAMPLE), "--format", "json", "--plan", "village")
    assert (result.returncode, result.stderr) == (0, b"")
    data = json.loads(result.stdout)
    assert list(data) == ["publisher", "licence", "plans", "items"]
    assert (data["publisher"], data["licence"]) == ("Sample Parish Council", None)
    plan = data["plans"][0]
    assert plan["id"] == "village" and plan["reported"] == "2022-06-30"
    assert plan["source"] == {"title": "Village Action Plan 2022", "date": "March 2022",
                              "reference": "VAP/22", "url": None, "note": None}
    assert plan["url"] == "https://plans.example.org/plans/village/"
    assert [item["ref"] for item in data["items"]] == ["1.00", "1.01", "1.02", "2"]
    newsletter = data["items"][1]
    assert list(newsletter) == list(COLUMNS)
    assert newsletter["progress"] == 40 and newsletter["related"] == ["1.02"]
    assert newsletter["updates"][1] == {
        "date": "2022-06-30", "status": "on-track", "from": None, "confidence": None,
        "confidence_reason": None, "note": "First issue delivered.", "round": None, "due": None,
        "due_reason": None, "evidence": None, "corrects": None}
    assert newsletter["added_in"] == ""
    assert data["items"][3]["targets"] == [
        {"period": "2022/23", "target": "60%", "actual": "55%"},
        {"period": "2023/24", "target": "80%", "actual": None},
    ]
    assert data["items"][0]["progress"] is None and data["items"][0]["updates"] == []


def test_out_writes_the_file_atomically_and_says_so(tmp_path: Path) -> None:
    out = tmp_path / "exports" / "village.csv"
    result = plantrack("export", "--content", str(SAMPLE), "--out", str(out))
    assert (result.returncode, result.stderr) == (0, b"")
    assert result.stdout.decode() == f"wrote 4 items of 1 plan to {out}\n"
    assert out.read_bytes() == plantrack("export", "--content", str(SAMPLE)).stdout
    assert sorted(p.name for p in out.parent.iterdir()) == ["village.csv"]


def test_the_format_follows_the_out_file_name(tmp_path: Path) -> None:
    out = tmp_path / "all.json"
    assert plantrack("export", "--content", str(SAMPLE), "--out", str(out)).returncode == 0
    assert json.loads(out.read_text(encoding="utf-8"))["plans"][0]["id"] == "village"


def test_unknown_plan_suggests_the_nearest_id() -> None:
    result = plantrack("export", "--plan", "charter")
    assert (result.returncode, result.stdout) == (1, b"")
    assert result.stderr.decode() == (
        'plantrack export: no plan "charter" in content; did you mean '
        '"all-councils-charter-2022"?\n'
        "The plans are: all-councils-charter-2022, bcc-community-leadership-2003, "
        "bcc-getting-closer-2005, scdc-community-customer-services-2009\n")
    typo = plantrack("export", "--content", str(SAMPLE), "--plan", "vilage")
    assert typo.stderr.decode() == ('plantrack export: no plan "vilage" in '
                                    f'{SAMPLE}; did you mean "village"?\n'
                                    "The plans are: village\n")


@pytest.mark.parametrize(("args", "message"), [
    (["--format", "xlsx"],
     "plantrack export: an Excel file cannot go to standard output; give --out FILE.xlsx\n"),
    (["--format", "json", "--out", "x.csv"],
     "plantrack export: --out x.csv ends in .csv but --format is json; give a file name "
     "ending in .json\n"),
])
def test_impossible_requests_are_refused(args: list[str], message: str) -> None:
    result = plantrack("export", "--content", str(SAMPLE), *args)
    assert (result.returncode, result.stdout, result.stderr.decode()) == (1, b"", message)


def test_unwritable_out_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    folder = tmp_path / "out.csv"
    folder.mkdir()
    result = plantrack("export", "--content", str(SAMPLE), "--out", str(folder))
    assert result.returncode == 1
    assert result.stderr.decode() == f"plantrack export: cannot write {folder}: Is a directory\n"
    assert list(tmp_path.iterdir()) == [folder] and not list(folder.iterdir())


def test_bad_content_is_reported_without_a_traceback() -> None:
    result = plantrack("export", "--content", str(FIXTURES / "bad"))
    assert result.returncode == 1 and result.stdout == b""
    assert "Traceback" not in result.stderr.decode()
    assert result.stderr.decode().splitlines()[-1] == "20 errors in 6 files"


def test_a_reader_that_stops_early_gets_no_traceback() -> None:
    read, write = os.pipe()
    os.close(read)  # like `plantrack export | head` once head has what it wants
    try:
        result = subprocess.run([sys.executable, "-m", "generator.cli", "export"], cwd=ROOT,
                                stdout=write, stderr=subprocess.PIPE, check=False)
    finally:
        os.close(write)
    assert (result.returncode, result.stderr.decode()) == (
        1, "plantrack export: the output was closed before all of it was written\n")


def test_help() -> None:
    result = plantrack("export", "--help")
    assert result.returncode == 0
    for option in ("--format", "--plan", "--out", "--content"):
        assert option in result.stdout.decode()


def test_the_excel_file_carries_each_plan_s_own_fields_on_a_second_sheet(tmp_path: Path) -> None:
    out = tmp_path / "village.xlsx"
    assert plantrack("export", "--content", str(SAMPLE), "--out", str(out)).returncode == 0
    book = openpyxl.load_workbook(out, read_only=True)
    assert book.sheetnames == ["Items", "Plans"]
    rows = [tuple(c or "" for c in row) for row in book["Plans"].iter_rows(values_only=True)]
    book.close()
    assert rows == [
        ("plan", "field", "value"),
        ("village", "title", "Village Action Plan"),
        ("village", "organisation", "Sample Parish Council"),
        ("village", "kind", "Charter action plan"),
        ("village", "status", "adopted"),
        ("village", "summary", "What the parish council promised for 2022."),
        ("village", "period", "2022"),
        ("village", "reported", "2022-06-30"),
        ("village", "source.title", "Village Action Plan 2022"),
        ("village", "source.date", "March 2022"),
        ("village", "source.reference", "VAP/22"),
        ("village", "decisions.1", "pc-2022-01"),
        ("village", "areas.1.id", "north"),
        ("village", "areas.1.name", "North ward"),
    ]


def test_plan_fields_in_excel_are_neutralised_too(make_content: Any, tmp_path: Path) -> None:
    content = make_content({"p.yml": "id: p\ntitle: '=HYPERLINK(\"x\")'\nsummary: '+44'\n"
                                     "editorial_notes: ['@x', '-y']\nitems:\n"
                                     "  - ref: '1'\n    title: One\n"})
    out = tmp_path / "p.xlsx"
    assert plantrack("export", "--content", str(content), "--out", str(out)).returncode == 0
    sheet = openpyxl.load_workbook(out)["Plans"]
    values = {row[1]: row[2] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert (values["title"], values["summary"]) == ("'=HYPERLINK(\"x\")", "'+44")
    assert (values["editorial_notes.1"], values["editorial_notes.2"]) == ("'@x", "'-y")
    assert {c.data_type for row in sheet.iter_rows() for c in row if c.value} == {"s"}


# --- formula injection ------------------------------------------------------------------------

@pytest.mark.parametrize(("cell", "written"), [
    ("=1+2", "'=1+2"), ("+44", "'+44"), ("-x", "'-x"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"), ("\rx", "'\rx"), ("'=x", "''=x"), ("''+x", "'''+x"),
    ("'Tis", "'Tis"), ("plain", "plain"), ("", ""), ("a=b", "a=b"), ("'", "'"),
])
def test_neutralise_and_restore_are_exact_inverses(cell: str, written: str) -> None:
    assert neutralise_cell(cell) == written
    assert restore_cell(written) == cell


def test_csv_cells_never_start_a_formula(hostile: Path) -> None:
    result = plantrack("export", "--content", str(hostile))
    rows = list(csv.reader(io.StringIO(result.stdout.decode("utf-8"), newline="")))
    cells = [cell for row in rows[1:] for cell in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    by_ref = {row[1]: dict(zip(COLUMNS, row)) for row in rows[1:]}
    assert by_ref["1"]["title"] == "'=HYPERLINK(\"http://evil.example\",\"Click\")"
    assert by_ref["1.1"]["lead"] == "'-Minus lead"
    assert by_ref["1.1"]["comments"] == "''=already quoted"
    assert by_ref["1.1"]["risks"] == "'Tis plain"
    assert by_ref["1.1"]["tags"] == "'=1+1; -x"
    assert "'-2" in by_ref and by_ref["3"]["baseline"] == "'=40%"


def test_excel_cells_are_text_never_formulas(hostile: Path, tmp_path: Path) -> None:
    out = tmp_path / "hostile.xlsx"
    result = plantrack("export", "--content", str(hostile), "--out", str(out))
    assert result.stdout.decode() == f"wrote 4 items of 1 plan to {out}\n"
    sheet = openpyxl.load_workbook(out)["Items"]
    assert [c.value for c in sheet[1]] == list(COLUMNS)
    cells = [cell for row in sheet.iter_rows(min_row=2) for cell in row]
    assert {cell.data_type for cell in cells if cell.value is not None} == {"s"}
    title = sheet.cell(row=2, column=COLUMNS.index("title") + 1).value
    assert title == "'=HYPERLINK(\"http://evil.example\",\"Click\")"


# --- round trip -------------------------------------------------------------------------------

def rebuild(content: Path, rows: list[dict[str, str]], target: Path) -> Site:
    """A content folder like ``content`` whose plans' items come from the exported rows."""
    shutil.copytree(content, target)
    items: dict[tuple[str, str], dict[str, Any]] = {}
    tops: dict[str, list[dict[str, Any]]] = {}
    for raw in rows:
        row = restored_row(raw)
        item = row_fields(row)
        items[(row["plan"], row["ref"])] = item
        parent = items[(row["plan"], row["parent"])] if row["parent"] else None
        siblings = parent.setdefault("items", []) if parent else tops.setdefault(row["plan"], [])
        siblings.append(item)
    for file in (target / "plans").glob("*.yml"):
        plan = yaml.safe_load(file.read_text(encoding="utf-8"))
        plan["items"] = tops[plan["id"]]
        file.write_text(yaml.safe_dump(plan, allow_unicode=True, sort_keys=False),
                        encoding="utf-8")
    return load_site(target)


def fields(item: Item) -> dict[str, Any]:
    """Everything the model holds about an item, apart from where it sits in its file."""
    values = {k: v for k, v in vars(item).items() if k not in ("line", "path", "parent", "children")}
    return {**values, "parent": item.parent and item.parent.ref,
            "children": [child.ref for child in item.children]}


def same_items(original: Site, rebuilt: Site) -> int:
    assert [p.id for p in rebuilt.plans] == [p.id for p in original.plans]
    compared = 0
    for old, new in zip(original.plans, rebuilt.plans):
        assert [fields(i) for i in new.walk()] == [fields(i) for i in old.walk()]
        compared += sum(1 for _ in old.walk())
    return compared


def csv_rows(content: Path) -> list[dict[str, str]]:
    result = plantrack("export", "--content", str(content))
    assert result.returncode == 0, result.stderr
    return list(csv.DictReader(io.StringIO(result.stdout.decode("utf-8"), newline="")))


@pytest.mark.parametrize("content", [ROOT / "content", SAMPLE], ids=["bundled", "sample"])
def test_csv_round_trip(content: Path, tmp_path: Path) -> None:
    compared = same_items(load_site(content), rebuild(content, csv_rows(content), tmp_path / "c"))
    assert compared == {"content": 357, "sample": 4}[content.name]


def test_csv_round_trip_of_hostile_text(hostile: Path, tmp_path: Path) -> None:
    original = load_site(hostile)
    assert original.plans[0].find("1.1").text["description"] == (
        'First line, with a comma\nSecond line; "quoted"\r\nThird')
    assert same_items(original, rebuild(hostile, csv_rows(hostile), tmp_path / "c")) == 4


def test_excel_round_trip(tmp_path: Path) -> None:
    content = ROOT / "content"
    out = tmp_path / "all.xlsx"
    assert plantrack("export", "--content", str(content), "--out", str(out)).returncode == 0
    book = openpyxl.load_workbook(out, read_only=True)
    values = list(book["Items"].iter_rows(values_only=True))
    book.close()
    rows = [{c: v or "" for c, v in zip(values[0], row)} for row in values[1:]]
    assert same_items(load_site(content), rebuild(content, rows, tmp_path / "c")) == 357


def test_an_item_with_only_a_ref_and_a_title(make_content: Any) -> None:
    content = make_content({"p.yml": "id: p\ntitle: P\nitems:\n  - ref: '1'\n    title: One\n"},
                           site=SITE_YML)
    assert csv_rows(content) == [{**dict.fromkeys(COLUMNS, ""), "plan": "p", "ref": "1",
                                  "kind": "action", "title": "One"}]


# --- round trip through `plantrack import --format plantrack` -------------------------------

def imported_plan(content: Path, plan_id: str, suffix: str, tmp_path: Path) -> Site:
    """Export one plan, import the file with ``plantrack import``, load the plan file written."""
    exported = tmp_path / f"{plan_id}.{suffix}"
    written = tmp_path / "content" / "plans" / f"{plan_id}.yml"
    written.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(content / "site.yml", written.parent.parent / "site.yml")
    plan = load_site(content).plan(plan_id)
    if plan is not None and plan.decisions:  # the decision records the plan's decisions name
        shutil.copytree(content / "decisions", written.parent.parent / "decisions")
    assert plantrack("export", "--content", str(content), "--plan", plan_id,
                     "--out", str(exported)).returncode == 0
    result = plantrack("import", str(exported), "--plan", plan_id, "--format", "plantrack",
                       "--out", str(written), "--force", "--content", str(content))
    assert result.returncode == 0, result.stderr.decode()
    return load_site(written.parent.parent)


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_plantrack_import_reads_the_export_back(suffix: str, hostile: Path,
                                                tmp_path: Path) -> None:
    compared = 0
    for content in (ROOT / "content", hostile):
        for plan in load_site(content).plans:
            rebuilt = imported_plan(content, plan.id, suffix, tmp_path / plan.id).plans[0]
            expected = [fields(i) for i in plan.walk()]
            if suffix == "xlsx":  # Excel files hold line breaks as LF
                expected = [{**f, "text": {k: v.replace("\r\n", "\n") for k, v in f["text"].items()}}
                            for f in expected]
            assert [fields(i) for i in rebuilt.walk()] == expected
            compared += sum(1 for _ in plan.walk())
    assert compared == 357 + 4
