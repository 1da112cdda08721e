"""The words for progress: what councils write, what we publish, and what each one means.

There are six statuses. An item with none is "not yet reported": that is never shown as a
failure and never as 0%. Councils' own wording (RAG colours, "Green - on track", "Completed")
is accepted case-insensitively and kept beside the published status.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Literal

StatusWord = Literal["not-started", "on-track", "at-risk", "off-track", "complete", "cancelled",
                     "not-reported"]
"""The published statuses: the six a council reports, and "not-reported" for none."""

NOT_REPORTED: StatusWord = "not-reported"


@dataclass(frozen=True)
class Status:
    """One published status: its word, its label on badges, and what it means to a resident."""

    word: StatusWord
    label: str
    meaning: str


STATUSES: dict[StatusWord, Status] = {
    s.word: s
    for s in (
        Status("not-started", "Not started", "Work has not begun."),
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

ORDER: tuple[StatusWord, ...] = tuple(STATUSES)
"""Statuses in the order tables and totals show them."""

REPORTED_WORDS: tuple[str, ...] = tuple(w for w in STATUSES if w != NOT_REPORTED)

_ALIASES: dict[str, StatusWord] = {
    "not started": "not-started",
    "on track": "on-track",
    "at risk": "at-risk",
    "off track": "off-track",
    "complete": "complete",
    "cancelled": "cancelled",
    "green": "on-track",
    "g": "on-track",
    "green on track": "on-track",
    "amber": "at-risk",
    "a": "at-risk",
    "amber at risk": "at-risk",
    "red": "off-track",
    "r": "off-track",
    "red off track": "off-track",
    "completed": "complete",
    "canceled": "cancelled",
}

NO_EARLIER_STATUS = ("not reported", "none")
"""What an update's ``from`` says when the item had no status before it."""

ACCEPTED_WORDING = "not-started, on-track, at-risk, off-track, complete, cancelled " + (
    "(or Green, Amber, Red, G, A, R, Green - on track, Completed)"
)


_SHOWN: dict[str, str] = {
    **{_word.replace("-", " "): _word for _word in STATUSES if _word != NOT_REPORTED},
    "green": "Green", "amber": "Amber", "red": "Red", "green on track": "Green - on track",
    "amber at risk": "Amber - at risk", "red off track": "Red - off track",
    "completed": "Completed",
}
"""How a did-you-mean writes each accepted wording (single letters are never suggested)."""


def _key(text: str) -> str:
    return re.sub(r"[\s_\-\u2010-\u2015]+", " ", text.lower()).strip()


def normalise_status(wording: str) -> StatusWord | None:
    """The published status word for a council's wording, or None if it is not one we know."""
    return _ALIASES.get(_key(wording))


def normalise_status_before(wording: str) -> StatusWord | None:
    """The status an update's ``from`` names: a status, or "not-reported" for none."""
    return NOT_REPORTED if _key(wording) in NO_EARLIER_STATUS else normalise_status(wording)


def unknown_status_message(wording: str) -> str:
    """What an error says of a wording no status matches: what is accepted, what was found,
    and the closest accepted wording when one is close ("Ambr": did you mean "Amber"?)."""
    message = f'expected one of {ACCEPTED_WORDING}; found "{wording}"'
    close = difflib.get_close_matches(_key(wording), list(_SHOWN), n=1, cutoff=0.6)
    return message + (f'; did you mean "{_SHOWN[close[0]]}"?' if close else "")
