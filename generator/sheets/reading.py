"""Spreadsheets (CSV and Excel .xlsx) as rows of text cells, numbered as the spreadsheet shows them.

A CSV file may be UTF-8 (with or without the byte order mark Excel writes), UTF-16 (Excel's
"Unicode text") or Windows-1252 (Excel's plain "CSV" on a UK Windows machine); its cells may be
separated by commas, semicolons or tabs, and quoted cells may run over several lines. Row numbers
count records, as a spreadsheet program shows them, not lines of the file.

In an Excel file every cell is shown as Excel shows it: a date formatted ``mmm-yy`` reads
``Aug-22``, a number formatted ``0.00`` reads ``1.00``. A date in Excel's default short date
format, which Excel shows in each reader's own locale (31/03/2024 in the UK), and a date and time
at midnight read as the day, ``2024-03-31``. Besides the sheet asked for, a
workbook's sheets named in ``also`` are read when it has them (the export's "Plans" sheet).
"""

from __future__ import annotations

import calendar
import csv
import io
import re
import warnings
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from generator.content.errors import PlanTrackerError

CSV_SUFFIXES = (".csv", ".tsv", ".txt")
EXCEL_SUFFIXES = (".xlsx", ".xlsm")
DELIMITERS = (",", ";", "\t")


@dataclass(frozen=True)
class Row:
    """One row: its number as the spreadsheet shows it (the first row is 1) and its cells."""

    number: int
    cells: tuple[str, ...]
    raw: tuple[str, ...] = ()
    """The cells exactly as stored (``cells`` has spaces trimmed and line ends made \\n)."""

    def cell(self, column: int, raw: bool = False) -> str:
        cells = self.raw if raw else self.cells
        return cells[column] if column < len(cells) else ""

    @property
    def filled(self) -> list[int]:
        """The columns (from 0) of the cells that hold something."""
        return [i for i, cell in enumerate(self.cells) if cell]


@dataclass
class Sheet:
    """The rows of one spreadsheet, and how it was read (for the summary)."""

    file: str
    rows: list[Row]
    notes: list[str] = field(default_factory=list)
    others: dict[str, list[Row]] = field(default_factory=dict)
    """Other sheets of the workbook, by name: those asked for with ``also`` that it has."""


def column_letter(column: int) -> str:
    """``A`` for the first column (0), ``AA`` for the 27th."""
    letters = ""
    column += 1
    while column:
        column, remainder = divmod(column - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def read_sheet(path: Path, sheet_name: str | None = None, also: tuple[str, ...] = ()) -> Sheet:
    """Read a .csv or .xlsx file (and of a workbook, the sheets named in ``also`` that it has
    besides the one read); raise PlanTrackerError when it cannot be read as one."""
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise _unreadable(path, "an Excel 97-2003 workbook (.xls); save it as .xlsx or .csv")
    if suffix not in CSV_SUFFIXES + EXCEL_SUFFIXES:
        raise _unreadable(path, "expected a spreadsheet ending .csv or .xlsx, or the JSON "
                                 "of plantrack export ending .json")
    data = read_bytes(path, "spreadsheet")
    if suffix in EXCEL_SUFFIXES:
        return _read_excel(path, data, sheet_name, also)
    if sheet_name:
        raise PlanTrackerError(f"{path}: --sheet applies to Excel files only")
    return _read_csv(path, data)


def _unreadable(path: Path, reason: str, what: str = "spreadsheet") -> PlanTrackerError:
    return PlanTrackerError(f"{path}: cannot read this {what}: {reason}")


def read_bytes(path: Path, what: str) -> bytes:
    """The bytes of a file to import; a missing or unreadable file is one clear message."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise _unreadable(path, "no such file", what) from None
    except IsADirectoryError:
        raise _unreadable(path, "it is a folder, not a file", what) from None
    except OSError as error:
        raise _unreadable(path, error.strerror or str(error), what) from None


def _clean(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


# CSV


def _decode(path: Path, data: bytes, notes: list[str]) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if data.startswith(b"PK\x03\x04") or b"\x00" in data[:4096]:
        raise _unreadable(path, "it holds binary data, not text (an Excel file should end .xlsx)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as error:
        found = data[error.start : error.start + 1].hex()
        raise _unreadable(path, f"expected UTF-8 text, found the byte 0x{found} "
                                f"(save it as \"CSV UTF-8\")") from None
    notes.append("read as Windows-1252 text (it is not UTF-8)")
    return text


def _parse(text: str, delimiter: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


def _header_width(records: list[list[str]]) -> int:
    """How many filled cells the header (the first row with two or more) has."""
    for record in records[:50]:
        filled = sum(1 for cell in record if cell.strip())
        if filled >= 2:
            return filled
    return 0


def _read_csv(path: Path, data: bytes) -> Sheet:
    notes: list[str] = []
    text = _decode(path, data, notes)
    try:
        parsed = {d: _parse(text, d) for d in DELIMITERS}
    except csv.Error as error:
        raise _unreadable(path, f"not a CSV file ({error})") from None
    delimiter = max(DELIMITERS, key=lambda d: _header_width(parsed[d]))
    rows = [Row(n, tuple(_clean(cell) for cell in record), tuple(record))
            for n, record in enumerate(parsed[delimiter], start=1)]
    name = {",": "commas", ";": "semicolons", "\t": "tabs"}[delimiter]
    notes.insert(0, f"cells separated by {name}")
    return Sheet(str(path), rows, notes)


# Excel


def _read_excel(path: Path, data: bytes, sheet_name: str | None,
                also: tuple[str, ...]) -> Sheet:
    from openpyxl import load_workbook  # imported here: only Excel files need it
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
            try:
                return _excel_sheet(path, book, sheet_name, also)
            finally:
                book.close()
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, TypeError,
            OSError) as error:
        reason = "not an Excel workbook" + (f" ({error})" if str(error) else "")
        raise _unreadable(path, reason) from None


def _excel_sheet(path: Path, book: Any, sheet_name: str | None, also: tuple[str, ...]) -> Sheet:
    names: list[str] = book.sheetnames
    if sheet_name is not None and sheet_name not in names:
        raise PlanTrackerError(f'{path}: no sheet named "{sheet_name}"; the sheets are '
                               + ", ".join(f'"{n}"' for n in names))
    chosen = sheet_name or names[0]
    notes = [f'sheet "{chosen}" of {len(names)}'] if len(names) > 1 else []
    others = {name: _excel_rows(book[name]) for name in also if name in names and name != chosen}
    return Sheet(str(path), _excel_rows(book[chosen]), notes, others)


def _excel_rows(worksheet: Any) -> list[Row]:
    """Every row of a worksheet, each cell as Excel shows it."""
    rows = []
    for number, cells in enumerate(worksheet.iter_rows(min_row=1), start=1):
        raw = tuple(_excel_text(c.value, getattr(c, "number_format", None)) for c in cells)
        rows.append(Row(number, tuple(_clean(cell) for cell in raw), raw))
    return rows


_DATE_TOKENS = re.compile(r"yyyy|yy|mmmm|mmm|mm|m|dddd|ddd|dd|d", re.IGNORECASE)


def _excel_text(value: object, number_format: str | None) -> str:
    """A cell's value as Excel shows it (for the number formats councils use)."""
    fmt = (number_format or "General").split(";")[0]
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime):
        if value.time() != time(0):
            return value.isoformat(sep=" ")
        value = value.date()
    if isinstance(value, date):
        return _date_text(value, fmt)
    if isinstance(value, time):
        return value.isoformat()
    if isinstance(value, (int, float)):
        return _number_text(value, fmt)
    return str(value)


SHORT_DATE = "mm-dd-yy"
"""openpyxl's name for Excel's built-in format 14, the locale's short date: not month first."""


def _date_text(day: date, fmt: str) -> str:
    fmt = re.sub(r"\[[^\]]*\]|\\|\"", "", fmt)
    if (fmt == SHORT_DATE or not re.search(r"[dmy]", fmt, re.IGNORECASE)
            or re.search(r"[hs]", fmt, re.IGNORECASE)):
        return day.isoformat()
    values = {
        "yyyy": f"{day.year:04d}", "yy": f"{day.year % 100:02d}",
        "mmmm": calendar.month_name[day.month], "mmm": calendar.month_abbr[day.month],
        "mm": f"{day.month:02d}", "m": str(day.month),
        "dddd": calendar.day_name[day.weekday()], "ddd": calendar.day_abbr[day.weekday()],
        "dd": f"{day.day:02d}", "d": str(day.day),
    }
    return _DATE_TOKENS.sub(lambda m: values[m[0].lower()], fmt)


def _number_text(number: float, fmt: str) -> str:
    places = re.fullmatch(r"[#,]*0(?:\.(0+))?(%?)", fmt.strip())
    if places:
        decimals = len(places[1] or "")
        if places[2]:
            return f"{number * 100:.{decimals}f}%"
        return f"{number:.{decimals}f}"
    if float(number).is_integer():
        return str(int(number))
    return repr(float(number))
