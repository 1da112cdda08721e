"""Declare (close) a reporting round of a plan: the core of ``plantrack round``.

The round is added at the end of the plan file's ``rounds:`` list (which is made, after the
fields the content format puts before it, when the plan has none), keeping comments and the
layout of every other line as ``plantrack update`` does (:mod:`generator.files.yamledit`).
A label already used, a date not after the last round's, or one after the day the site is
judged against, is refused in one line; the edited text is then loaded and checked before it
replaces the file, so every rule of the content format applies and a refused edit writes
nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from generator.content.errors import PlanTrackerError
from generator.content.ids import ascii_slug
from generator.content.model import Item, Plan, Round, Site
from generator.content.schema import PLAN
from generator.files.atomic import write_atomic
from generator.files.yamlcomments import insert_keeping_comments
from generator.files.yamledit import (
    NOTHING_CHANGED,
    edited_text,
    house_style,
    load_before,
    load_edited,
    misread,
    no_such_plan,
    plan_fields,
    set_field,
)
from generator.opendata.itemrows import item_row

PLAN_ORDER = tuple(f.name for f in PLAN)
"""Where ``rounds:`` goes in a plan without one: the order of the content format."""


@dataclass(frozen=True)
class Closed:
    """What declaring a round did, for the line the command prints."""

    plan: str
    file: str
    """The plan file edited."""
    round: Round
    updates: int
    """How many updates are reported in the round, now it is declared."""
    relaid: int
    """Lines elsewhere in the file that the YAML writer could not lay out as they were."""


def close_round(content: Path, plan_id: str, label: str, on: date | None, note: str | None,
                problems: list[str], relayout: bool = False,
                today: date | None = None) -> Closed:
    """Add the round ``label``, closed on ``on``, at the end of the plan's rounds.

    ``on`` is None when the command's --date was wrong (a problem in ``problems``); the plan,
    the label and the date are checked too, and every problem is reported together."""
    site = load_before(content)
    plan = site.plan(plan_id)
    if plan is None:
        problems.append(no_such_plan(site, content, plan_id))
    else:
        problems.extend(_refusals(site, plan, label, on, today or date.today()))
    if problems or plan is None or on is None:
        raise refusal(problems)
    file = Path(plan.file)
    emptied = [plan.lines["rounds"]] if not plan.rounds and "rounds" in plan.lines else []
    text, relaid = edited_text(plan.file, file.read_bytes(),
                               lambda data: _add_round(data, label, on, note), emptied,
                               relayout)
    after = load_edited(content, file, text).plan(plan.id)
    closed = _verify(plan, Round(label, on, "", note), after)
    write_atomic(file, text.encode("utf-8"))
    assert after is not None
    reported = sum(1 for item in after.walk() for u in item.updates if u.round == label)
    return Closed(plan.id, plan.file, closed, reported, relaid)


def refusal(problems: list[str]) -> PlanTrackerError:
    """One problem in one line; several each in theirs, then that nothing was changed."""
    if len(problems) == 1:
        return PlanTrackerError(f"{problems[0]}; {NOTHING_CHANGED}")
    return PlanTrackerError("\n".join([*problems, NOTHING_CHANGED]))


def _refusals(site: Site, plan: Plan, label: str, on: date | None, today: date) -> list[str]:
    """What is wrong with the round asked for, each in one line (the loader checks again)."""
    found: list[str] = []
    same = plan.round(label)
    clash = next((r for r in plan.rounds if r.slug == ascii_slug(label)), None)
    if same is not None:
        found.append(f'{plan.id} already has a round "{label}" (closed on '
                     f"{same.date.isoformat()})")
    elif not ascii_slug(label):
        found.append(f'LABEL: expected a label with letters or digits, found "{label}"')
    elif clash is not None:
        found.append(f'LABEL: expected a label unique in the plan, found "{label}", whose '
                     f'address "{clash.slug}" is that of "{clash.label}"')
    if on is None:
        return found
    latest, name = (site.as_of, "the site's as_of date in site.yml") if site.as_of else (
        today, "today")
    if plan.rounds and on <= plan.rounds[-1].date:
        last = plan.rounds[-1]
        found.append(f"--date: expected a date after {last.date.isoformat()}, when the last "
                     f"round ({last.label}) closed, found {on.isoformat()}: rounds are listed "
                     f"oldest first")
    elif on > latest:
        found.append(f"--date: expected a date on or before {name} ({latest.isoformat()}), "
                     f'found "{on.isoformat()}": progress cannot be reported before it happens')
    return found


def _add_round(data: CommentedMap, label: str, on: date, note: str | None) -> None:
    rounds = data.get("rounds")
    last = rounds[-1] if isinstance(rounds, CommentedSeq) and rounds else None
    quoted = house_style(last, ("label", "note")) if isinstance(last, CommentedMap) else (
        house_style(data, ("title",)))
    entry = CommentedMap(label=quoted(label), date=on)
    if note:
        entry["note"] = quoted(note)
    if isinstance(rounds, CommentedSeq) and rounds:
        insert_keeping_comments(rounds, len(rounds), None, entry)
    elif "rounds" in data:
        data["rounds"] = CommentedSeq([entry])  # rounds: [] or nothing at all
    else:
        set_field(data, "rounds", CommentedSeq([entry]), PLAN_ORDER)


def _verify(plan: Plan, asked: Round, after: Plan | None) -> Round:
    """The edited plan reads as before with one more round, the one asked for, and each update
    it did not place in a round before now in it when dated on or before its closing date.
    Returns the round as read."""
    if after is None or not after.rounds or after.rounds[:-1] != plan.rounds:
        raise misread(plan)
    closed = after.rounds[-1]
    expected_rows = [item_row(plan, _placed(item, asked)) for item in plan.walk()]
    if (replace(closed, slug="") != asked
            or expected_rows != [item_row(after, item) for item in after.walk()]
            or _without_rounds(plan) != _without_rounds(after)):
        raise misread(plan)
    return closed


def _placed(item: Item, closed: Round) -> Item:
    """The item with the updates the new round takes in it."""
    return replace(item, updates=[
        replace(u, round=closed.label) if u.round is None and u.date <= closed.date else u
        for u in item.updates])


def _without_rounds(plan: Plan) -> dict[str, Any]:
    return {k: v for k, v in plan_fields(plan).items() if k != "rounds"}
