"""A plan as reported at each of its reporting rounds, and what moved between two rounds.

Everything here is derived from the update log, never from stored copies: the plan at a round
is made of the updates reported in that round or an earlier one, so adding a later round
never changes what an earlier round shows. :data:`RULES` states each rule for the methodology
page (in the catalog's words, ``methodology.rule.<id>``), as the code follows it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from generator.content.dates import Due
from generator.content.model import Item, Judgement, Plan, Round, Update
from generator.content.rules import Rules
from generator.content.status import NOT_REPORTED, ORDER, StatusWord

RULES = Rules(("rounds", "compare", "corrections"))
"""The rules of rounds and corrections, by id: their wording is the catalog's
``methodology.rule.<id>`` (in English here; :meth:`Rules.in_language` in another language)."""

_STAGE: dict[StatusWord, int] = {"not-started": 0, "in-progress": 1, "on-track": 1,
                                 "at-risk": 1, "off-track": 1, "complete": 2}
_RATING: dict[StatusWord, int] = {"off-track": 0, "at-risk": 1, "on-track": 2}
_CONFIDENCE = {"red": 0, "amber": 1, "green": 2}


@dataclass(frozen=True)
class ItemThen:
    """One item as it stood at a round."""

    item: Item
    status: StatusWord
    wording: str | None
    confidence: Judgement | None
    due: Due | None
    status_update: Update | None
    """The update the status comes from (None: not reported by that round)."""
    due_update: Update | None
    """The update whose revised due date is in force (None: the date first published)."""
    in_round: bool
    """Whether any update of the item was reported in this very round."""


@dataclass(frozen=True)
class Snapshot:
    """A plan as reported at one round."""

    plan: Plan
    round: Round
    previous: Round | None
    items: list[ItemThen]

    @property
    def counted(self) -> list[ItemThen]:
        """Items that count in totals: every item but sections."""
        return [then for then in self.items if then.item.kind != "section"]

    def by_status(self) -> dict[StatusWord, int]:
        found = Counter(then.status for then in self.counted)
        return {word: found[word] for word in ORDER if found[word]}

    def overdue(self) -> list[ItemThen]:
        return [then for then in self.counted if is_overdue_then(then, self.round)]

    def reported_in_round(self) -> int:
        return sum(1 for then in self.counted if then.in_round)


@dataclass(frozen=True)
class Move:
    """One change of one item between two rounds."""

    then: ItemThen
    before: ItemThen | None
    """The item at the round before (None: it was not in the plan then)."""
    what: str
    """"status", "confidence" or "due"."""


@dataclass(frozen=True)
class DueMove:
    """A due date that moved between two rounds."""

    then: ItemThen
    before: Due | None
    after: Due | None
    reason: str | None
    later: bool | None
    """Whether the deadline moved later (None when either date names no deadline)."""


@dataclass
class Comparison:
    """What moved between a round and the round before it."""

    snapshot: Snapshot
    completed: list[ItemThen] = field(default_factory=list)
    forward: list[Move] = field(default_factory=list)
    slipped: list[Move] = field(default_factory=list)
    added: list[ItemThen] = field(default_factory=list)
    dropped: list[ItemThen] = field(default_factory=list)
    newly_reported: list[ItemThen] = field(default_factory=list)
    due_moves: list[DueMove] = field(default_factory=list)

    @property
    def unchanged(self) -> int:
        moved = {id(then.item) for then in (*self.completed, *self.added, *self.dropped,
                                            *self.newly_reported)}
        moved |= {id(m.then.item) for m in (*self.forward, *self.slipped)}
        moved |= {id(d.then.item) for d in self.due_moves}
        return sum(1 for then in self.snapshot.counted if id(then.item) not in moved)


def position(plan: Plan, label: str | None) -> int | None:
    """Where a round stands in the plan's list (None for no round)."""
    return next((i for i, r in enumerate(plan.rounds) if r.label == label), None)


def snapshot(plan: Plan, found: Round) -> Snapshot:
    """The plan as reported at ``found``: items added by then, each as its updates of that
    round or earlier give it."""
    upto = position(plan, found.label)
    assert upto is not None, f"{found.label} is not a round of {plan.id}"
    previous = plan.rounds[upto - 1] if upto > 0 else None
    items = [_item_then(item, plan, upto) for item in plan.walk()
             if (position(plan, item.added_in) or 0) <= upto]
    return Snapshot(plan, found, previous, items)


def _item_then(item: Item, plan: Plan, upto: int) -> ItemThen:
    known = [(position(plan, u.round), i, u) for i, u in enumerate(item.updates)]
    reported = sorted(((p, u.date, i, u) for p, i, u in known if p is not None and p <= upto),
                      key=lambda found: found[:3])
    log = [u for *_, u in reported]
    status = next((u for u in reversed(log) if u.status), None)
    confidence = next((u for u in reversed(log) if u.confidence), None)
    revised = next((u for u in reversed(log) if u.due is not None), None)
    return ItemThen(
        item=item,
        status=status.status if status and status.status else NOT_REPORTED,
        wording=status.wording if status else None,
        confidence=Judgement(confidence.confidence, confidence.confidence_wording
                             or confidence.confidence, confidence.confidence_reason,
                             confidence.date)
        if confidence and confidence.confidence else None,
        due=revised.due if revised else (item.original_due or item.due),
        status_update=status,
        due_update=revised,
        in_round=any(p == upto for p, *_ in reported),
    )


def is_overdue_then(then: ItemThen, at: Round) -> bool:
    """Overdue at the round: reported, not done, and its deadline then passed by the close."""
    deadline = then.due.deadline if then.due else None
    return (deadline is not None and deadline < at.date and then.status != NOT_REPORTED
            and then.status not in ("complete", "cancelled"))


def compare(now: Snapshot) -> Comparison:
    """What moved since the round before ``now`` (nothing to compare for the first round)."""
    result = Comparison(now)
    if now.previous is None:
        return result
    before = {id(then.item): then for then in snapshot(now.plan, now.previous).items}
    for then in now.counted:
        was = before.get(id(then.item))
        if was is None:
            result.added.append(then)
            continue
        _compare_item(result, then, was)
    return result


def _compare_item(result: Comparison, then: ItemThen, was: ItemThen) -> None:
    if then.status != was.status:
        if was.status == NOT_REPORTED:
            result.newly_reported.append(then)
        elif then.status == "complete":
            result.completed.append(then)
        elif then.status == "cancelled":
            result.dropped.append(then)
        elif (way := _direction(was.status, then.status)) is not None:
            (result.forward if way > 0 else result.slipped).append(Move(then, was, "status"))
    old = was.confidence.level if was.confidence else None
    new = then.confidence.level if then.confidence else None
    if old and new and old != new:
        way = _CONFIDENCE[new] - _CONFIDENCE[old]
        (result.forward if way > 0 else result.slipped).append(Move(then, was, "confidence"))
    if (then.due.text if then.due else None) != (was.due.text if was.due else None):
        result.due_moves.append(_due_move(then, was))


def _direction(old: StatusWord, new: StatusWord) -> int | None:
    """+1 forward, -1 back, None when the two cannot be ranked (such as cancelled)."""
    if old not in _STAGE or new not in _STAGE:
        return None
    if _STAGE[new] != _STAGE[old]:
        return 1 if _STAGE[new] > _STAGE[old] else -1
    if old in _RATING and new in _RATING and old != new:
        return 1 if _RATING[new] > _RATING[old] else -1
    return None


def _due_move(then: ItemThen, was: ItemThen) -> DueMove:
    old = was.due.deadline if was.due else None
    new = then.due.deadline if then.due else None
    later = None if old is None or new is None else new > old
    reason = then.due_update.due_reason if then.due_update else None
    return DueMove(then, was.due, then.due, reason, later)
