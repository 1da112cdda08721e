"""Due dates as councils write them.

A council writes "Aug-22", "March 2003", "By December 2003", "2005/06", "Q2 2024", "31/03/2024",
"Ongoing" or "To be confirmed". We keep those words for display and derive a deadline (the last
day of the period named) for sorting and for judging "overdue". Words that name a start ("Ongoing
from May 2003", "Post April 2003"), that state completion ("Completed March 2003 ...") or no date
at all ("TBC", "N/A") give no deadline: such an item is never called overdue. A word that looks
like a misspelt month ("Ocotber 2023", "Marhc-23") and a quarter that does not exist ("Q5 2024")
are errors, never a guess. When the text names several dates ("Sep-23 and Mar-24"), the first is
the deadline.

The periods, each ending on its last day:

- a day: 2024-03-31, 31/03/2024, 31/3/24, 31.03.2024, 31-03-2024 (day first, as in the UK);
- a month: Aug-22, March 2003, 2022-08;
- a calendar quarter: Q2 2024, 2024 Q2, Q2-24, Quarter 2 2024 (Q2 is April to June);
- a financial year, which starts on 1 April: 2005/06, 2010/2011, 2024-25, 2024-2025, FY2024/25
  (but 2011-12 is December 2011: a year and a month that exists stay a month);
- a quarter of a financial year: Q2 2024/25, 2024/25 Q2 (Q1 is April to June 2024, Q4 January
  to March 2025);
- a year alone: 31 December.
"""

from __future__ import annotations

import calendar
import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Literal

MONTHS = {
    name: number
    for number in range(1, 13)
    for name in {calendar.month_name[number].lower(), calendar.month_abbr[number].lower()}
}
MONTHS["sept"] = 9

_ISO_DAY = re.compile(r"\b(\d{4})([-/])(\d{1,2})\2(\d{1,2})\b")
_ISO_MONTH = re.compile(r"\b(\d{4})-(\d{1,2})\b")
_UK_DAY = re.compile(r"\b(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})\b")
_MONTH_YEAR = re.compile(r"\b([a-z]{3,9})\.?[\s-]+'?(\d{4}|\d{2})\b", re.IGNORECASE)
_FINANCIAL_YEAR = re.compile(r"\b(?:fy\s*)?(\d{4})([/-])(\d{4}|\d{2})\b", re.IGNORECASE)
_QUARTER = r"(?:q|qtr\.?|quarter)\s*(?P<quarter>\d{1,2})"
_QUARTER_YEARS = re.compile(  # Q2 2024, Q2-24, Q2 2024/25, Q2 24/25, Q2 FY2024/25
    r"\b" + _QUARTER + r"[\s,-]+(?P<fy>fy\s*)?(?P<years>\d{2}(?:\d{2})?(?:[/-]\d{2}(?:\d{2})?)?)\b",
    re.IGNORECASE)
_YEARS_QUARTER = re.compile(  # 2024 Q2, 2024-Q2, 2024/25 Q2, FY2024/25 Q2
    r"\b(?P<fy>fy\s*)?(?P<years>\d{4}(?:[/-]\d{2}(?:\d{2})?)?)[\s-]+" + _QUARTER + r"\b",
    re.IGNORECASE)
_YEAR = re.compile(r"\b(19\d{2}|20\d{2})\b")
_STARTS = re.compile(r"\b(from|post|after|starting|beginning)\s*$", re.IGNORECASE)
_COMPLETION = re.compile(r"\s*(completed?|done|achieved|delivered|finished)\b", re.IGNORECASE)
MONTH_LIKE_CUTOFF = 0.8
"""How close (difflib's ratio) a word before a year must be to a month name to be taken as a
misspelt month: "Ocotber" (0.86) and "Marhc" (0.8) are; "Mayor" (0.75), "Summer" are not."""

Reading = Literal["deadline", "start", "completion", "no-date"]
"""What a due text states: a deadline, only a start, a completion, or no date at all."""


class ImpossibleDate(ValueError):
    """The text names a calendar date that does not exist, such as 2022-02-30."""


class UnknownMonth(ValueError):
    """A word before a year is close to a month name but is not one ("Ocotber 2023")."""

    def __init__(self, word: str, month: str) -> None:
        super().__init__(word)
        self.word = word
        self.month = month

    def __str__(self) -> str:
        return f'"{self.word}" is not a month; did you mean "{self.month}"?'


@dataclass(frozen=True)
class Due:
    """A due date: the council's own words, and the deadline they imply (if any)."""

    text: str
    deadline: date | None
    reading: Reading = "deadline"

    @property
    def is_dated(self) -> bool:
        return self.deadline is not None


def parse_iso_date(text: str) -> date:
    """A strict ``YYYY-MM-DD`` date; raises ValueError (ImpossibleDate when it cannot exist)."""
    match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text.strip())
    if not match:
        raise ValueError(text)
    return _day(*(int(part) for part in match.groups()))


def parse_due(text: str) -> Due:
    """Read a due date as written; raises ImpossibleDate for dates that cannot exist and
    UnknownMonth for a misspelt month."""
    found = _candidates(text)
    if _COMPLETION.match(text):
        return Due(text, None, "completion")
    deadline = _deadline(text, found)
    if deadline is not None:
        return Due(text, deadline)
    return Due(text, None, "start" if found or _year_only(text) else "no-date")


def _day(year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise ImpossibleDate(f"{year:04d}-{month:02d}-{day:02d}") from None


def _month_end(year: int, month: int) -> date:
    if not 1 <= month <= 12:
        raise ImpossibleDate(f"{year:04d}-{month:02d}")
    return date(year, month, calendar.monthrange(year, month)[1])


def _two_digit_year(value: str) -> int:
    year = int(value)
    return year if len(value) == 4 else (2000 + year if year < 70 else 1900 + year)


def _follows(year: int, written: str) -> bool:
    """Whether ``written`` ("25", "2025") is the year after ``year``: 2024/25 is one year."""
    return int(written) == (year + 1 if len(written) == 4 else (year + 1) % 100)


def _years(written: str) -> tuple[int, bool] | None:
    """The first year of "2024", "24", "2024/25", "2024-2025" or "24/25", and whether it is a
    financial year; None when the second year does not follow the first ("2024/26")."""
    first, *rest = re.split(r"[/-]", written)
    year = _two_digit_year(first)
    if not rest:
        return year, False
    return (year, True) if _follows(year, rest[0]) else None


def _quarter_end(match: re.Match[str]) -> date | None:
    """The last day of a calendar quarter (Q2 2024: 30 June 2024) or of a quarter of a financial
    year, which starts in April (Q2 2024/25: 30 September 2024)."""
    quarter, written = int(match["quarter"]), match["years"]
    if not 1 <= quarter <= 4:
        raise ImpossibleDate(f"quarter {quarter} of {written}")
    years = _years(written)
    if years is None or (match["fy"] and not years[1]):  # FY2024 may be 2023/24 or 2024/25
        return None
    year, financial = years
    month = 3 * quarter + (3 if financial else 0)
    return _month_end(year + 1, month - 12) if month > 12 else _month_end(year, month)


def _financial_year_end(match: re.Match[str]) -> date | None:
    """31 March of a financial year's second year (2005/06, 2024-25, FY2024/25); "2011-12" is left
    to the month rule (December 2011), because that year and month exist."""
    year, dash, second = int(match[1]), match[2] == "-", match[3]
    if dash and len(second) == 2 and 1 <= int(second) <= 12:
        return None
    return date(year + 1, 3, 31) if _follows(year, second) else None


def _month_year(match: re.Match[str]) -> date | None:
    month = MONTHS.get(match[1].lower())
    if month:
        return _month_end(_two_digit_year(match[2]), month)
    _refuse_month_like(match[1])
    return None


_Rule = tuple[re.Pattern[str], Callable[[re.Match[str]], date | None]]
_RULES: tuple[_Rule, ...] = (
    (_QUARTER_YEARS, _quarter_end),
    (_YEARS_QUARTER, _quarter_end),
    (_ISO_DAY, lambda m: _day(int(m[1]), int(m[3]), int(m[4]))),
    (_UK_DAY, lambda m: _day(_two_digit_year(m[4]), int(m[3]), int(m[1]))),
    (_FINANCIAL_YEAR, _financial_year_end),
    (_ISO_MONTH, lambda m: _month_end(int(m[1]), int(m[2]))),
    (_MONTH_YEAR, _month_year),
)
"""The periods a due text may name, in order: a later rule never reads inside the words an
earlier one has read (the 2024/25 of "Q2 2024/25" is not also a financial year)."""


def _candidates(text: str) -> list[tuple[int, date]]:
    """Every date the text names, with where it starts."""
    read: list[tuple[int, int, date]] = []
    for pattern, reading in _RULES:
        for match in pattern.finditer(text):
            if any(start <= match.start() < end for start, end, _ in read):
                continue
            deadline = reading(match)
            if deadline is not None:
                read.append((match.start(), match.end(), deadline))
    return [(start, deadline) for start, _, deadline in read]


def _refuse_month_like(word: str) -> None:
    close = difflib.get_close_matches(word.lower(), _MONTH_WORDS, n=1, cutoff=MONTH_LIKE_CUTOFF)
    if close:
        raise UnknownMonth(word, calendar.month_name[MONTHS[close[0]]])


_MONTH_WORDS = sorted(MONTHS)


def _year_only(text: str) -> list[tuple[int, date]]:
    return [(m.start(), date(int(m[1]), 12, 31)) for m in _YEAR.finditer(text)
            if not _inside_date(text, m.start())]


def _deadline(text: str, found: list[tuple[int, date]]) -> date | None:
    found = found or _year_only(text)
    if not found:
        return None
    start, deadline = min(found)
    return None if _STARTS.search(text[:start]) else deadline


def _inside_date(text: str, at: int) -> bool:
    """Whether the year at ``at`` is part of a date, or follows "FY" (FY2024 may mean 2023/24 or
    2024/25, so it names no deadline)."""
    return bool(re.match(r"\d{4}[-/]", text[at:]) or re.search(r"[-/]$|\bfy\s*$", text[:at],
                                                              re.IGNORECASE))
