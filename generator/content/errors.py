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

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        field = f" {self.field}:" if self.field else ""
        return f"{where}:{field} {self.message} [{self.code}]"


class ContentError(PlanTrackerError):
    """The content has one or more problems; all of them are listed."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__(format_problems(self.problems))


def format_problems(problems: list[Problem]) -> str:
    """Problems grouped by file, each on one line, with a count at the end."""
    lines: list[str] = []
    for file, group in groupby(problems, key=lambda p: p.file):
        lines.append(file)
        for problem in group:
            where = f"line {problem.line}" if problem.line else "file"
            field = f" {problem.field}:" if problem.field else ""
            lines.append(f"  {where}:{field} {problem.message} [{problem.code}]")
    files = len({p.file for p in problems})
    noun = "error" if len(problems) == 1 else "errors"
    lines.append(f"{len(problems)} {noun} in {files} file{'s' if files != 1 else ''}")
    return "\n".join(lines)
