"""The words for progress: the statuses and confidences we publish, and what each one means.

A status says where the work stands; a council that uses a second axis also judges its
confidence of delivery (green, amber, red) separately. An item with no status is "not yet
reported": that is never shown as a failure and never as 0%. What a council's own wording
("Green - on track", "Delayed under 3 months") means is looked up in a vocabulary
(:mod:`generator.content.vocabulary`); the wording is kept beside the published word.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

StatusWord = Literal["not-started", "in-progress", "on-track", "at-risk", "off-track",
                     "complete", "cancelled", "not-reported"]
"""The published statuses: the seven a council reports, and "not-reported" for none."""

Confidence = Literal["green", "amber", "red"]
"""The second axis: the council's confidence that an item will be delivered as promised."""

NOT_REPORTED: StatusWord = "not-reported"
CONFIDENCES: tuple[Confidence, ...] = get_args(Confidence)


@dataclass(frozen=True)
class Status:
    """One published status (or confidence): its word, its label, and what it means."""

    word: str
    label: str
    meaning: str


STATUSES: dict[StatusWord, Status] = {
    s.word: s  # type: ignore[misc]
    for s in (
        Status("not-started", "Not started", "Work has not begun."),
        Status("in-progress", "In progress", "Work is under way; whether it is on time is "
               "not part of this status (the council may judge it as a confidence)."),
        Status("on-track", "On track", "Work is under way and expected to finish on time."),
        Status("at-risk", "At risk", "Work is under way but may be late or fall short."),
        Status("off-track", "Off track", "Work is late or will not deliver what was promised."),
        Status("complete", "Complete", "The council reports the commitment as done."),
        Status("cancelled", "Cancelled", "The council has stopped this commitment."),
        Status(
            NOT_REPORTED,
            "Not yet reported",
            "The council has not published a status for this commitment.",
        ),
    )
}

CONFIDENCE_LEVELS: dict[Confidence, Status] = {
    c.word: c  # type: ignore[misc]
    for c in (
        Status("green", "Green", "The council is confident it will be delivered as promised."),
        Status("amber", "Amber", "The council sees risks to delivery that it can manage."),
        Status("red", "Red", "The council expects it not to be delivered as promised without "
               "action."),
    )
}

ORDER: tuple[StatusWord, ...] = tuple(STATUSES)
"""Statuses in the order tables and totals show them."""

OPTIONAL_WORDS: frozenset[StatusWord] = frozenset({"in-progress"})
"""Statuses that only some councils use: totals list them only when some item has them, so
a site that never uses one looks as it did before it existed."""

REPORTED_WORDS: tuple[StatusWord, ...] = tuple(w for w in STATUSES if w != NOT_REPORTED)

NO_EARLIER_STATUS = ("not reported", "none")
"""What an update's ``from`` says when the item had no status before it."""


def shown_in_totals(word: StatusWord, count: int) -> bool:
    """Whether a totals table lists ``word``: always, unless it is optional and unused."""
    return bool(count) or word not in OPTIONAL_WORDS
