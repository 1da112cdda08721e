"""Due dates as councils write them.

A council writes "Aug-22", "March 2003", "By December 2003", "2005/06", "Ongoing" or "To be
confirmed". We keep those words for display and derive a deadline (the last day of the period
named) for sorting and for judging "overdue". Words that name a start ("Ongoing from May 2003",
"Post April 2003"), that state completion ("Completed March 2003 ...") or no date at all give no
deadline: such an item is never called overdue. A word that looks like a misspelt month
("Ocotber 2023", "Marhc-23") is an error, never a guess.
"""

from __future__ import annotations

import calendar
import difflib
import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

MONTHS = {
    name: number
    for number in range(1, 13)
    for name in {calendar.month_name[number].lower(), calendar.month_abbr[number].lower()}
}
MONTHS["sept"] = 9

_ISO_DAY = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_ISO_MONTH = re.compile(r"\b(\d{4})-(\d{1,2})\b")
_UK_DAY = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
_MONTH_YEAR = re.compile(r"\b([a-z]{3,9})\.?[\s-]+'?(\d{4}|\d{2})\b", re.IGNORECASE)
_FINANCIAL_YEAR = re.compile(r"\b(\d{4})/(\d{4}|\d{2})\b")
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


def _candidates(text: str) -> list[tuple[int, date]]:
    found: list[tuple[int, date]] = []
    for m in _ISO_DAY.finditer(text):
        found.append((m.start(), _day(int(m[1]), int(m[2]), int(m[3]))))
    for m in _UK_DAY.finditer(text):
        found.append((m.start(), _day(int(m[3]), int(m[2]), int(m[1]))))
    for m in _ISO_MONTH.finditer(text):
        if not _ISO_DAY.match(text, m.start()):
            found.append((m.start(), _month_end(int(m[1]), int(m[2]))))
    for m in _MONTH_YEAR.finditer(text):
        month = MONTHS.get(m[1].lower())
        if month:
            found.append((m.start(), _month_end(_two_digit_year(m[2]), month)))
        else:
            _refuse_month_like(m[1])
    for m in _FINANCIAL_YEAR.finditer(text):
        if int(m[2]) % 100 == (int(m[1]) + 1) % 100:  # 2005/06, 2010/2011: ends 31 March
            found.append((m.start(), date(int(m[1]) + 1, 3, 31)))
    return found


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
    return bool(re.match(r"\d{4}[-/]", text[at:])) or (at > 0 and text[at - 1] in "-/")
