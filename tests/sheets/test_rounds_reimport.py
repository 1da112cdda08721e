"""A plan reported in rounds, with revised due dates, evidence and a correction, goes out as
CSV, JSON and Excel and comes back as the same plan; an evidence address that is not http(s)
in an imported file is refused with its row and field, as in a plan file (issue 13)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from generator import load_site
from generator.content.model import Plan

from ..conftest import FIXTURES
from .test_import import plantrack

ROUNDS = FIXTURES / "rounds"
FORMATS = ("csv", "json", "xlsx")
LETTER = "https://www.example.org/documents/ea-letter.pdf"


def export(content: Path, out: Path) -> Path:
    result = plantrack("export", "--content", content, "--plan", "riverside", "--out", out)
    assert (result.returncode, result.stdout, result.stderr) == (
        0, f"wrote 7 items of 1 plan to {out}\n", "")
    return out


def empty_content(folder: Path, kind: str) -> Path:
    """A content folder with the fixture's site.yml; for CSV (items only) also the plan file
    it replaces, whose own fields (rounds among them) the import keeps."""
    (folder / "plans").mkdir(parents=True)
    shutil.copyfile(ROUNDS / "site.yml", folder / "site.yml")
    if kind == "csv":
        shutil.copyfile(ROUNDS / "plans" / "riverside.yml", folder / "plans" / "riverside.yml")
    return folder


def import_(source: Path, content: Path) -> tuple[int, str]:
    result = plantrack("import", source, "--plan", "riverside", "--content", content, "--force")
    return result.returncode, result.stderr


def contents(path: Path) -> Any:
    """A file's contents as compared: an Excel file's cells, sheet by sheet; else its bytes."""
    if path.suffix != ".xlsx":
        return path.read_bytes()
    book = openpyxl.load_workbook(path, read_only=True)
    return {sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)]
            for sheet in book.worksheets}


def history(plan: Plan) -> list[tuple[Any, ...]]:
    return [(item.ref, item.added_in, item.due.text if item.due else None,
             item.original_due.text if item.original_due else None,
             [(u.date, u.round, u.due.text if u.due else None, u.due_reason,
               [(e.title, e.url, e.archived) for e in u.evidence], u.corrects)
              for u in item.updates])
            for item in plan.walk()]


@pytest.mark.parametrize("kind", FORMATS)
def test_export_import_export_gives_the_same_files(tmp_path: Path, kind: str) -> None:
    first = export(ROUNDS, tmp_path / f"first.{kind}")
    content = empty_content(tmp_path / "content", kind)
    assert import_(first, content)[0] == 0
    for again in FORMATS:
        assert contents(export(content, tmp_path / f"again.{again}")) == contents(
            export(ROUNDS, tmp_path / f"expected.{again}")), again
    before = load_site(ROUNDS).plan("riverside")
    after = load_site(content).plan("riverside")
    assert before is not None and after is not None
    assert [(r.label, r.date, r.note) for r in after.rounds] == [
        (r.label, r.date, r.note) for r in before.rounds]
    assert history(after) == history(before)


def test_the_export_carries_rounds_revisions_evidence_and_corrections(tmp_path: Path) -> None:
    data = json.loads(export(ROUNDS, tmp_path / "riverside.json").read_text(encoding="utf-8"))
    items = {item["ref"]: item for item in data["items"]}
    assert items["2.2"]["added_in"] == "Q2 2024/25" and items["1.1"]["added_in"] == ""
    slipped = items["1.1"]["updates"][1]
    assert (slipped["round"], slipped["due"], slipped["evidence"][0]["url"]) == (
        "Q2 2024/25", "March 2025", LETTER)
    assert slipped["due_reason"].startswith("The Environment Agency asked")
    assert items["1.2"]["updates"][2]["corrects"] == "2024-09-25"
    assert data["plans"][0]["rounds"][0] == {
        "label": "Q1 2024/25", "date": "2024-06-30", "note": "Reported to Cabinet, 11 July 2024"}


def bad_evidence(source: Path, out: Path) -> Path:
    """The export with the first evidence address made a javascript: address."""
    if source.suffix == ".xlsx":
        book = openpyxl.load_workbook(source)
        for row in book.worksheets[0].iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and LETTER in cell.value:
                    cell.value = cell.value.replace(LETTER, "javascript:alert(1)")
        book.save(out)
    else:
        out.write_text(source.read_text(encoding="utf-8").replace(
            LETTER, "javascript:alert(1)"), encoding="utf-8")
    return out


@pytest.mark.parametrize(("kind", "where"), [("csv", "row 3"), ("json", "item 2"),
                                             ("xlsx", "row 3")])
def test_an_evidence_address_that_is_not_http_is_refused_with_its_row(
        tmp_path: Path, kind: str, where: str) -> None:
    source = bad_evidence(export(ROUNDS, tmp_path / f"first.{kind}"), tmp_path / f"bad.{kind}")
    content = empty_content(tmp_path / "content", kind)
    written = {p.name: p.read_bytes() for p in (content / "plans").iterdir()}
    assert import_(source, content) == (1, (
        f"{source}\n"
        f'  {where}: updates: expected an http:// or https:// address, found '
        f'"javascript:alert(1)" [bad-url]\n'
        "1 error; nothing written\n"))
    assert {p.name: p.read_bytes() for p in (content / "plans").iterdir()} == written
