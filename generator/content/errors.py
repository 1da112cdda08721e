"""One family of errors for everything that can go wrong with a council's content.

Every problem found in the content is a :class:`Problem`: a stable code, the file, the line,
the field (as a path such as ``items[3].status``) and a message that says what was expected
and what was found. Loading and validation collect every problem before stopping, and raise
one :class:`ContentError` holding all of them, so an officer fixes everything in one pass.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import groupby

from generator.content.codes import CODES


class PlanTrackerError(Exception):
    """Base of every error the CLI and the MkDocs plugin print without a traceback."""


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in the content, located precisely enough to fix it."""

    file: str
    line: int
    field: str
    code: str
    message: str

    def __post_init__(self) -> None:
        if self.code not in CODES:
            raise ValueError(f"the problem code {self.code!r} is not in generator.content.codes")

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        field = f" {self.field}:" if self.field else ""
        return f"{where}:{field} {self.message} [{self.code}]"

    def located(self, unit: str = "line") -> str:
        """The problem within its file: ``line 9: items[0].status: ... [code]`` (or ``row 9``
        in a spreadsheet; a problem of a whole sheet names its field, or the file)."""
        if self.line or unit == "line":
            where = f"{unit} {self.line}" if self.line else "file"
            field = f" {self.field}:" if self.field else ""
        else:
            where, field = self.field, ""
        return f"{where}:{field} {self.message} [{self.code}]"


class ContentError(PlanTrackerError):
    """The content has one or more problems; all of them are listed."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__(format_problems(self.problems))


def format_problems(problems: list[Problem], unit: str = "line",
                    closing: str | None = None) -> str:
    """Problems grouped by file, each on one line (by ``unit``: the line of a YAML file, the
    row of a spreadsheet), then ``closing`` or a count of errors and files."""
    lines: list[str] = []
    for file, group in groupby(problems, key=lambda p: p.file):
        lines.append(file)
        lines.extend(f"  {problem.located(unit)}" for problem in group)
    if closing is None:
        files = len({p.file for p in problems})
        closing = f"{count(len(problems), 'error')} in {count(files, 'file')}"
    lines.append(closing)
    return "\n".join(lines)


def count(number: int, noun: str) -> str:
    """ "1 error", "3 errors". """
    return f"{number} {noun}{'' if number == 1 else 's'}"
