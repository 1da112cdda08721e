"""Progress of a parent item (recommendation, section, aim, objective) from the items beneath it.

A parent shows how many of the items beneath it are complete, how many have any reported
status, and the mean of the progress percentages that items state; where the plan uses a
second axis, how many beneath it have each confidence. Where no item beneath it
reports anything, the roll-up says so: an unreported plan is never shown as 0% done.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from generator.content.model import Item
from generator.content.rules import ConfidenceCounts, confidence_counts, counted
from generator.content.status import NOT_REPORTED, ORDER


@dataclass(frozen=True)
class Rollup:
    """The progress of the items beneath one parent (sections left out, as in totals)."""

    by_status: dict[str, int]
    stated: tuple[int, ...]
    """Progress percentages stated by the items beneath, in plan order."""
    confidence: ConfidenceCounts | None = None
    """Counts by confidence, when the plan uses that axis."""

    @property
    def total(self) -> int:
        return sum(self.by_status.values())

    @property
    def complete(self) -> int:
        return self.by_status.get("complete", 0)

    @property
    def cancelled(self) -> int:
        return self.by_status.get("cancelled", 0)

    @property
    def reported(self) -> int:
        """Items beneath with any published status."""
        return self.total - self.by_status.get(NOT_REPORTED, 0)

    @property
    def mean_progress(self) -> int | None:
        """Mean of the stated percentages (rounded), or None when no item states one."""
        return round(sum(self.stated) / len(self.stated)) if self.stated else None


def rollup(parent: Item, with_confidence: bool = False) -> Rollup | None:
    """The roll-up of every item beneath ``parent``; None when nothing beneath is counted.
    ``with_confidence``: count confidences too (for a plan that uses them)."""
    beneath = counted(item for child in parent.children for item in child.walk())
    if not beneath:
        return None
    found = Counter(item.current_status for item in beneath)
    return Rollup(
        by_status={word: found[word] for word in ORDER if found[word]},
        stated=tuple(item.progress for item in beneath if item.progress is not None),
        confidence=confidence_counts(beneath) if with_confidence else None,
    )
