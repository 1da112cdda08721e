"""A council's own words for progress, and what each one means.

Every council writes status its own way: "Green - on track", "Amber - some slippage",
"Delayed under 3 months", "Won't be met". A vocabulary is a list of wordings, each with the
published status (or confidence) it means. Wordings are matched without regard to case,
spaces, hyphens or dashes; ``*`` in a wording stands for any text, so "Amber - *" matches
"Amber - at risk of delay". The first wording that matches wins: a plan's own ``statuses``,
then site.yml's, then the built-in wordings below. A wording no entry matches is an error
whose message says how to add it; it is never guessed.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from generator.content.status import (
    CONFIDENCES,
    NO_EARLIER_STATUS,
    NOT_REPORTED,
    REPORTED_WORDS,
    Confidence,
    StatusWord,
)

Axis = Literal["status", "confidence"]
"""Which field a wording is read for: the status, or the separate confidence."""

BUILT_IN = "built-in"
MEANINGS: tuple[str, ...] = (*REPORTED_WORDS, *CONFIDENCES)


@dataclass(frozen=True)
class Wording:
    """One council wording and the published word it means."""

    wording: str
    means: str
    explained: str | None = None
    origin: str = field(default=BUILT_IN, compare=False)
    """Where the wording was given: "built-in", "site.yml", or the plan file."""
    others: tuple[str, ...] = field(default=(), compare=False)
    """The wording in the site's other languages: data may use any of them, and pages show
    the one in their language (``wording``)."""
    texts: tuple[tuple[str, str], ...] = field(default=(), compare=False)
    """The wording by language, as a plan file gives it (an import's, to write)."""

    def as_fields(self) -> dict[str, Any]:
        """The wording as a plan file or site.yml gives it."""
        fields: dict[str, Any] = {"wording": dict(self.texts) if self.texts else self.wording,
                                  "means": self.means}
        return {**fields, "explained": self.explained} if self.explained else fields

    @property
    def axis(self) -> Axis:
        return "confidence" if self.means in CONFIDENCES else "status"

    @property
    def is_pattern(self) -> bool:
        return "*" in self.wording

    def matches(self, wording_key: str) -> bool:
        return any(_matches(form, wording_key) for form in (self.wording, *self.others))

    def in_language(self, text: str) -> str:
        """How a page in the language this wording was read in writes ``text``, a wording it
        matches: this wording, where the data wrote it in another language."""
        if not self.others or self.is_pattern or key(text) == key(self.wording):
            return text
        return self.wording


def _matches(form: str, wording_key: str) -> bool:
    """Whether one form of a wording (``*`` for any text) matches a wording's key."""
    own = key(form)
    if "*" not in form:
        return own == wording_key
    parts = [re.escape(part) for part in own.split("*")]
    return re.fullmatch(".+".join(parts), wording_key) is not None


def key(text: str) -> str:
    """A wording as it is compared: lower case, runs of spaces, hyphens and dashes as one
    space, curly apostrophes straight."""
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    return re.sub(r"[\s_\-\u2010-\u2015]+", " ", text).strip()


def _built_in() -> tuple[Wording, ...]:
    statuses: dict[str, StatusWord] = {
        **{word.replace("-", " "): word for word in REPORTED_WORDS},
        "Green": "on-track", "Amber": "at-risk", "Red": "off-track",
        "G": "on-track", "A": "at-risk", "R": "off-track",
        "Green - *": "on-track", "Amber - *": "at-risk", "Red - *": "off-track",
        "Completed": "complete", "Canceled": "cancelled",
    }
    confidences: dict[str, Confidence] = {
        "Green": "green", "Amber": "amber", "Red": "red", "G": "green", "A": "amber",
        "R": "red", "Green - *": "green", "Amber - *": "amber", "Red - *": "red",
    }
    return (*(Wording(w, m) for w, m in statuses.items()),
            *(Wording(w, m) for w, m in confidences.items()))


class Vocabulary:
    """Wordings in the order they are tried: the first that matches gives the meaning."""

    def __init__(self, wordings: Sequence[Wording] = ()) -> None:
        self.wordings = tuple(wordings)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Vocabulary) and self.wordings == other.wordings

    def __hash__(self) -> int:
        return hash(self.wordings)

    def extended(self, first: Iterable[Wording]) -> Vocabulary:
        """This vocabulary with ``first`` tried before it."""
        return Vocabulary((*first, *self.wordings))

    def meaning(self, wording: str, axis: Axis) -> Wording | None:
        """The entry that gives ``wording`` its meaning on ``axis``, if any."""
        found = key(wording)
        return next((w for w in self.wordings if w.axis == axis and w.matches(found)), None)

    def status(self, wording: str) -> StatusWord | None:
        entry = self.meaning(wording, "status")
        return entry.means if entry else None  # type: ignore[return-value]

    def status_before(self, wording: str) -> StatusWord | None:
        """The status an update's ``from`` names: a status, or "not-reported" for none."""
        return NOT_REPORTED if key(wording) in NO_EARLIER_STATUS else self.status(wording)

    def confidence(self, wording: str) -> Confidence | None:
        entry = self.meaning(wording, "confidence")
        return entry.means if entry else None  # type: ignore[return-value]

    def councils_own(self) -> list[Wording]:
        """The wordings a council added (site.yml's and plans'), in the order tried."""
        return [w for w in self.wordings if w.origin != BUILT_IN]

    def shown(self, axis: Axis) -> list[str]:
        """The wordings that mean something on ``axis``, as written (patterns with ``*``)."""
        seen: dict[str, str] = {}
        for entry in self.wordings:
            if entry.axis == axis:
                seen.setdefault(key(entry.wording), entry.wording)
        return list(seen.values())

    def suggestion(self, wording: str, axis: Axis) -> str | None:
        """The closest whole wording (no single letters, no patterns) to a mistyped one."""
        whole = {key(w): w for w in self.shown(axis) if len(w) > 1 and "*" not in w}
        close = difflib.get_close_matches(key(wording), list(whole), n=1, cutoff=0.6)
        return whole[close[0]] if close else None


BUILT_IN_VOCABULARY = Vocabulary(_built_in())


def expected(axis: Axis, vocabulary: Vocabulary) -> str:
    """What a status (or confidence) field accepts, for error messages."""
    words = REPORTED_WORDS if axis == "status" else CONFIDENCES
    others = [w.replace("*", "<any text>") for w in vocabulary.shown(axis)
              if key(w) not in {key(x.replace("-", " ")) for x in words}]
    return f"one of {', '.join(words)} (or {', '.join(others)})"


def unknown_message(wording: str, axis: Axis, vocabulary: Vocabulary, how_to_add: str) -> str:
    """What an error says of a wording the vocabulary does not know: what is accepted, what
    was found, the closest known wording, and how to add the council's own word."""
    message = f'expected {expected(axis, vocabulary)}; found "{wording}"'
    close = vocabulary.suggestion(wording, axis)
    if close:
        message += f'; did you mean "{close}"?'
    return f"{message}; {how_to_add}" if how_to_add else message


def add_to_file(wording: str, axis: Axis) -> str:
    """How to add a wording to the vocabulary in the content files."""
    meanings = ", ".join(REPORTED_WORDS if axis == "status" else CONFIDENCES)
    return (f'if it is the council\'s own word, add it under statuses: in site.yml or the '
            f'plan file: - {{wording: "{wording}", means: MEANING}}, MEANING one of {meanings}')


def add_on_import(wording: str, axis: Axis) -> str:
    """How to map a wording when importing a spreadsheet."""
    meanings = ", ".join(REPORTED_WORDS if axis == "status" else CONFIDENCES)
    flag = "--status" if axis == "status" else "--confidence"
    return f'to import it, add {flag} "{wording}=MEANING", MEANING one of {meanings}'


def parse_mapping(text: str, meanings: Sequence[str] = MEANINGS,
                  origin: str = "--status") -> Wording | str:
    """A ``WORD=MEANING`` option as a wording, or the message saying why it is not one."""
    wording, sep, means = text.rpartition("=")
    wording, means = wording.strip(), means.strip().lower()
    if not sep or not wording:
        return f'expected WORD=MEANING, such as "Delayed=at-risk"; found "{text}"'
    if means not in meanings:
        return (f"expected a meaning after = (one of {', '.join(meanings)}); "
                f'found "{means}" in "{text}"')
    return Wording(wording, means, origin=origin)
