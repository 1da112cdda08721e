"""A plan's record over time, checked as it is loaded: its reporting rounds, the round each
update belongs to, the corrections between updates and the revisions of due dates.

Every rule here is one the methodology page states (:data:`generator.content.rounds.RULES`):
rounds are listed oldest first; an update names its round or belongs to the first round
closing on or after its date; a correction names the date of an earlier update of the same
item; an item whose due date an update revises gives the due of the latest revision and the
date it was first published.
"""

from __future__ import annotations

from typing import Protocol

from generator.content.model import Item, Plan, Round, Update


class Reporter(Protocol):
    def problem(self, at: str, code: str, message: str) -> None: ...


def check_history(plan: Plan, reader: Reporter) -> None:
    """Check the plan's rounds, then give every update its round and link its corrections."""
    _check_rounds(plan, reader)
    labels = {r.label for r in plan.rounds}
    for item in plan.walk():
        if item.added_in is not None and item.added_in not in labels:
            reader.problem(f"{item.path}.added_in", "unknown-round",
                           _unknown_round(plan, item.added_in))
            item.added_in = None
        for i, update in enumerate(item.updates):
            _place(plan, item, i, update, reader)
        _link_corrections(item, reader)
        _check_due(item, reader)


def _check_rounds(plan: Plan, reader: Reporter) -> None:
    seen: dict[str, int] = {}
    kept: list[Round] = []
    """The rounds read so far without a problem: each is checked against the last of them."""
    for i, found in enumerate(plan.rounds):
        at = f"rounds[{i}]"
        if not found.slug:
            reader.problem(f"{at}.label", "bad-round-label", f"expected a label with letters "
                           f'or digits, found "{found.label}"')
            continue
        if found.slug in seen:
            first = f"rounds[{seen[found.slug]}]"
            label = plan.rounds[seen[found.slug]].label
            clash = f" again (first at {first})" if label == found.label else (
                f', whose address "{found.slug}" is that of "{label}" ({first})')
            reader.problem(f"{at}.label", "duplicate-round", f"expected a label unique in the "
                           f'plan, found "{found.label}"{clash}')
            continue
        if kept and found.date <= kept[-1].date:
            above = kept[-1]
            reader.problem(f"{at}.date", "round-order", f"expected a date after "
                           f"{above.date.isoformat()}, when the round above ({above.label}) "
                           f"closed, found {found.date.isoformat()}: rounds are listed oldest "
                           f"first")
            continue
        seen[found.slug] = i
        kept.append(found)


def _unknown_round(plan: Plan, label: str) -> str:
    if not plan.rounds:
        return f'expected the label of one of the plan\'s rounds, found "{label}", but the plan ' \
               f"lists no rounds (add it under rounds:, or run plantrack round)"
    known = ", ".join(f'"{r.label}"' for r in plan.rounds)
    return f'expected the label of one of the plan\'s rounds ({known}), found "{label}"'


def _place(plan: Plan, item: Item, i: int, update: Update, reader: Reporter) -> None:
    """The update's round: the one it names, else the first closing on or after its date."""
    if update.round is not None:
        if plan.round(update.round) is None:
            reader.problem(f"{item.path}.updates[{i}].round", "unknown-round",
                           _unknown_round(plan, update.round))
            update.round = None
        return
    update.round = next((r.label for r in plan.rounds if r.date >= update.date), None)


def _link_corrections(item: Item, reader: Reporter) -> None:
    for i, update in enumerate(item.updates):
        if update.corrects is None:
            continue
        at = f"{item.path}.updates[{i}].corrects"
        day = update.corrects
        earlier = [u for u in item.updates if u is not update and u.date <= update.date]
        matching = [u for u in earlier if u.date == day]
        if not matching:
            dates = ", ".join(sorted({u.date.isoformat() for u in earlier})) or "none"
            reader.problem(at, "unknown-correction", f"expected the date of an earlier update "
                           f"of this item ({dates}), found {day.isoformat()}")
        elif len(matching) > 1:
            reader.problem(at, "ambiguous-correction", f"expected a date with one update of "
                           f"this item, found {len(matching)} updates on {day.isoformat()}; "
                           f"correct them one update at a time, on separate days")
        elif matching[0].corrected_by is not None:
            other = matching[0].corrected_by
            reader.problem(at, "already-corrected", f"expected an update not yet corrected, "
                           f"found the update of {day.isoformat()} corrected already by the "
                           f"update of {other.date.isoformat()}; correct that one instead")
        else:
            matching[0].corrected_by = update


def _check_due(item: Item, reader: Reporter) -> None:
    """An item whose due date is revised gives the latest revision as its ``due``, and the
    date first published as its ``original_due``."""
    revisions = [(i, u) for i, u in enumerate(item.updates) if u.due is not None]
    if not revisions:
        return
    i, latest = max(revisions, key=lambda found: (found[1].date, found[0]))
    assert latest.due is not None
    if item.due is None or item.due.text != latest.due.text:
        found = f'"{item.due.text}"' if item.due else "none"
        reader.problem(f"{item.path}.due", "due-not-revised", f'expected "{latest.due.text}", '
                       f"the due date of the latest update that revises it (updates[{i}], "
                       f"{latest.date.isoformat()}), found {found}")
    if item.original_due is None:
        first = min(revisions, key=lambda found: (found[1].date, found[0]))
        reader.problem(f"{item.path}.original_due", "no-original-due", f"expected the due "
                       f"date first published, found none: updates[{first[0]}] revises the "
                       f"due date, so the date it replaced must be given")
