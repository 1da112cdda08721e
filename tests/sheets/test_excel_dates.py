"""Date cells in an Excel sheet arrive as text the due-date rules read as that day."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from generator.content.dates import parse_due
from generator.sheets.reading import read_sheet


@pytest.mark.parametrize(("value", "number_format", "text"), [
    (datetime(2024, 3, 31), None, "2024-03-31"),             # openpyxl's own: yyyy-mm-dd h:mm:ss
    (date(2024, 3, 31), None, "2024-03-31"),
    (datetime(2024, 3, 31), "mm-dd-yy", "2024-03-31"),       # Excel's short date, built-in 14
    (datetime(2024, 3, 31), "dd/mm/yyyy", "31/03/2024"),
    (datetime(2024, 3, 31), "d/m/yy", "31/3/24"),
    (datetime(2024, 3, 31), "mmm-yy", "Mar-24"),
    (datetime(2024, 3, 31), "m/d/yy h:mm", "2024-03-31"),    # built-in 22, at midnight
    (datetime(2024, 3, 31, 9, 30), None, "2024-03-31 09:30:00"),
])
def test_a_date_cell_reads_as_its_day(tmp_path: Path, value: object, number_format: str | None,
                                      text: str) -> None:
    book = Workbook()
    cell = book.active.cell(1, 1)
    cell.value = value
    if number_format:
        cell.number_format = number_format
    book.save(tmp_path / "dates.xlsx")
    cells = read_sheet(tmp_path / "dates.xlsx").rows[0].cells
    assert cells == (text,)
    assert parse_due(cells[0]).deadline == date(2024, 3, 31)
