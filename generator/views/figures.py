"""An indicator's figures: its baseline, targets and actuals, and which of them are numbers.

Councils write targets as text: "34%", "45", "£3,000", but also "July 09", "Set baseline" or
"Improve/maintain score". Only a figure that is a number and nothing else (with an optional
£ sign, thousands commas and a % sign) is charted; the rest are listed as not numeric, never
guessed at. A baseline may name its period first: "2008 = 33.9%".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.content.catalog import Catalog, english
from generator.content.model import Item

_NUMBER = re.compile(r"£?\s*(?P<number>\d{1,3}(?:,\d{3})+|\d+)(?P<decimals>\.\d+)?\s*(?P<percent>%)?")
_LABELLED = re.compile(r"(?P<label>[^=]+?)\s*=\s*(?P<figure>[^=]+)")


@dataclass(frozen=True)
class Figure:
    """A figure as written, and its value when it is a plain number."""

    text: str
    value: float | None = None
    percent: bool = False

    @property
    def is_number(self) -> bool:
        return self.value is not None


def read_figure(text: str) -> Figure:
    """The figure in ``text`` when the whole text is one number; otherwise text only."""
    match = _NUMBER.fullmatch(text.strip())
    if not match:
        return Figure(text)
    value = float(match["number"].replace(",", "") + (match["decimals"] or ""))
    return Figure(text, value, bool(match["percent"]))


@dataclass(frozen=True)
class Point:
    """One bar of an indicator chart: the baseline, or a period's target or actual."""

    period: str
    role: str  # "baseline", "target" or "actual"
    figure: Figure
    label: str = ""
    """A baseline's own period ("2008" of "2008 = 33.9%"); empty for other points."""


@dataclass
class Indicator:
    """What an indicator page shows: every figure, and which can be charted."""

    baseline: Point | None
    points: list[Point] = field(default_factory=list)
    direction: str | None = None

    @property
    def charted(self) -> list[Point]:
        every = ([self.baseline] if self.baseline else []) + self.points
        return [p for p in every if p.figure.is_number]

    @property
    def not_numeric(self) -> list[Point]:
        every = ([self.baseline] if self.baseline else []) + self.points
        return [p for p in every if not p.figure.is_number]


def read_baseline(text: str, words: Catalog | None = None) -> Point:
    """A baseline, with its period when written as "period = figure", named in ``words``'
    language (default English): "Baseline (2008)"."""
    words = words or english()
    figure = read_figure(text)
    labelled = _LABELLED.fullmatch(text.strip())
    if not figure.is_number and labelled and read_figure(labelled["figure"]).is_number:
        found = read_figure(labelled["figure"])
        return Point(words("figures.baseline_of", period=labelled["label"]), "baseline",
                     Figure(text, found.value, found.percent), labelled["label"])
    return Point(words("figures.baseline"), "baseline", figure)


def indicator(item: Item, words: Catalog | None = None) -> Indicator | None:
    """The figures of an item with a baseline or targets; None for any other item. The
    baseline is named in ``words``' language (default English)."""
    baseline_text = item.text.get("baseline")
    if not item.targets and not baseline_text:
        return None
    points: list[Point] = []
    for target in item.targets:
        points.append(Point(target.period, "target", read_figure(target.target)))
        if target.actual:
            points.append(Point(target.period, "actual", read_figure(target.actual)))
    return Indicator(
        baseline=read_baseline(baseline_text, words) if baseline_text else None,
        points=points,
        direction=item.text.get("direction"),
    )
