"""Record progress on one item of a plan: the core of ``plantrack update``.

The plan file is edited in place, keeping its comments and layout (:mod:`generator.files.
yamledit`). Before the file is replaced, the whole content folder is loaded again with the
edited text, and every item of the plan is compared with what it was: only the item asked for
may have changed, and only as asked. Anything wrong leaves the file as it was.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from generator.content.catalog import Translated
from generator.content.dates import parse_due
from generator.content.errors import PlanTrackerError
from generator.content.model import Evidence, Item, Plan, Round, Site, Update
from generator.content.rules import CONTAINER_KINDS, counted
from generator.content.schema import ITEM, UPDATE
from generator.content.status import NO_EARLIER_STATUS, Confidence, StatusWord
from generator.content.vocabulary import Vocabulary, add_to_file, unknown_message
from generator.files.atomic import write_atomic
from generator.files.yamlcomments import insert_keeping_comments
from generator.files.yamledit import (
    NOTHING_CHANGED,
    alternatives,
    edited_text,
    house_style,
    like,
    listed,
    load_before,
    load_edited,
    misread,
    no_such_plan,
    node_at,
    plan_fields,
    set_field,
)
from generator.opendata.itemrows import item_row

FIELD_ORDER = tuple(f.name for f in ITEM)
"""Where a new field goes in an item: the order of the content format."""


@dataclass(frozen=True)
class Edit:
    """An update the options ask for: the status (and confidence) in the council's wording,
    and, once read with the plan's vocabulary, as published words."""

    wording: str | None
    on: date
    note: str
    progress: int | None
    due: str | None
    confidence_wording: str | None = None
    reason: str | None = None
    """Why the council gives the confidence, in its words."""
    status: StatusWord | None = None
    confidence: Confidence | None = None
    round: str | None = None
    """The label of the round the update is reported in (None: by its date)."""
    evidence: tuple[Evidence, ...] = ()
    corrects: date | None = None
    """The date of the earlier update of the item that this one corrects."""
    due_reason: str | None = None
    notes: tuple[tuple[str, str], ...] = ()
    """The note by language, on a site in several (``note`` is the first language's)."""

    def read_with(self, vocabulary: Vocabulary, problems: list[str]) -> Edit | None:
        """The edit with its wordings read as published words; None (and a problem for each
        wording) when the vocabulary does not know them."""
        status = vocabulary.status(self.wording) if self.wording else None
        confidence = (vocabulary.confidence(self.confidence_wording)
                      if self.confidence_wording else None)
        for option, wording, found, axis in (
                ("--status", self.wording, status, "status"),
                ("--confidence", self.confidence_wording, confidence, "confidence")):
            if wording and found is None:
                problems.append(f"{option}: " + unknown_message(
                    wording, axis, vocabulary, add_to_file(wording, axis)))  # type: ignore[arg-type]
        if (self.wording and status is None) or (self.confidence_wording and confidence is None):
            return None
        return replace(self, status=status, confidence=confidence)


@dataclass(frozen=True)
class Change:
    """What an update did: the item before and after, for the message the command prints."""

    plan: str
    file: str
    before: Item
    after: Item
    edit: Edit
    relaid: int
    """Lines elsewhere in the file that the YAML writer could not lay out as they were."""
    added: Update
    """The new update as the edited file reads: with its round, when the plan has rounds."""
    last_round: Round | None
    """The plan's latest round, if any."""


def update_item(content: Path, plan_id: str, ref: str, edit: Edit | None,
                problems: list[str], relayout: bool = False,
                wordings: tuple[str | None, str | None] = (None, None)) -> Change:
    """Add a dated update to one item and set its status (and progress, due date).

    ``edit`` is None when the command's options had problems (listed in ``problems``); the
    plan and ref are checked too, and every problem is reported together. When the YAML
    writer cannot keep the layout of other lines the file is left alone unless ``relayout``."""
    site = load_before(content)
    found = _find(site, content, plan_id, ref, problems)
    # The wordings are read with the plan's vocabulary, also when other options are wrong
    # (``wordings`` then gives them), so that every problem is reported at once.
    asked = edit or Edit(wordings[0], date.min, "", None, None, wordings[1])
    wording_problems: list[str] = []
    read = asked.read_with(found[0].vocabulary if found else site.vocabulary, wording_problems)
    edit = read if edit is not None else None
    problems[0:0] = wording_problems  # the options' order: --status comes first
    if edit is not None and found is not None:
        _check_due_reason(found[1], edit, problems)
    if problems or edit is None or found is None:
        raise PlanTrackerError("\n".join([*problems, NOTHING_CHANGED]))
    plan, item = found
    _refuse_repeat(item, edit)
    replaced = [plan.lines[f"{item.path}.{key}"] for key in ("status", "progress", "due")
                if f"{item.path}.{key}" in plan.lines]
    file = Path(plan.file)
    text, relaid = edited_text(plan.file, file.read_bytes(),
                               lambda data: _apply(node_at(data, item.path), item, edit),
                               replaced, relayout)
    expected = _expected(plan, item, edit)
    after = load_edited(content, file, text).plan(plan.id)
    _verify(plan, item, expected, after)
    write_atomic(file, text.encode("utf-8"))
    added = expected.updates[_update_position(item.updates, edit.on)]
    return Change(plan.id, plan.file, item, expected, edit, relaid, added,
                  plan.rounds[-1] if plan.rounds else None)


def _find(site: Site, content: Path, plan_id: str, ref: str,
          problems: list[str]) -> tuple[Plan, Item] | None:
    plan = site.plan(plan_id)
    if plan is None:
        problems.append(no_such_plan(site, content, plan_id))
        return None
    item = plan.find(ref)
    if item is None:
        refs = [i.ref for i in plan.walk()]
        problems.append(f'{plan.id} ({plan.file}) has no item "{ref}"; '
                        f'{alternatives(ref, refs, "its refs are", "it has no items")}')
        return None
    if item.kind in CONTAINER_KINDS:
        beneath = [i.ref for i in counted(item.walk())]
        problems.append(f"{plan.id} {item.ref} is a {item.kind}: it only groups items, and its "
                        f"progress is the roll-up of the items within it; update one of them "
                        f"instead ({listed(beneath, 'it holds none')})")
        return None
    return plan, item


def _check_due_reason(item: Item, edit: Edit, problems: list[str]) -> None:
    """A reason is for a due date that moves: not for the first one, nor for the same one."""
    if edit.due_reason is None or edit.due is None or revises_due(item, edit):
        return
    found = (f"{item.ref}'s first due date" if item.due is None
             else f'the due date {item.ref} has already ("{edit.due}")')
    problems.append(f"--due-reason: expected with a due date that replaces another, found "
                    f"{found}")


def _refuse_repeat(item: Item, edit: Edit) -> None:
    for update in item.updates:
        if ((update.date, update.wording, update.confidence_wording, update.note)
                == (edit.on, edit.wording, edit.confidence_wording, edit.note)):
            said = ", ".join(f'{name} "{value}"' for name, value in (
                ("status", edit.wording), ("confidence", edit.confidence_wording)) if value)
            raise PlanTrackerError(
                f"{item.plan_id} {item.ref} already has this update (dated {edit.on}, {said}, "
                f"the same note); {NOTHING_CHANGED}")


# --- the edit itself, in ruamel.yaml's round-trip form ---------------------------------------


def _apply(node: CommentedMap, item: Item, edit: Edit) -> None:
    quoted = house_style(node)
    if edit.wording:
        _set(node, "status", quoted(edit.wording))
    if edit.confidence_wording:
        _set(node, "confidence", quoted(edit.confidence_wording))
        if edit.reason:
            _set(node, "confidence_reason", quoted(edit.reason))
        elif "confidence_reason" in node:
            del node["confidence_reason"]  # the reason was for the confidence replaced
    if edit.progress is not None:
        old = node.get("progress")
        _set(node, "progress", str(edit.progress) if isinstance(old, str) else edit.progress)
    if edit.due is not None and (item.due is None or item.due.text != edit.due):
        if item.due is not None and item.original_due is None:
            _set(node, "original_due", like(node["due"], str(node["due"])))
        _set(node, "due", quoted(edit.due))
    update = _update_entry(item, edit, quoted)
    if "updates" not in node or not isinstance(node["updates"], CommentedSeq):
        _set(node, "updates", CommentedSeq([update]))
    else:
        insert_keeping_comments(node["updates"], _update_position(item.updates, edit.on), None, update)


def _update_entry(item: Item, edit: Edit, quoted: Any) -> CommentedMap:
    """The new entry of the item's updates, its fields in the content format's order."""
    revised = revises_due(item, edit)
    values: dict[str, Any] = {
        "date": edit.on,
        "status": edit.wording and quoted(edit.wording),
        "from": edit.wording and _quoted_or_none(quoted, replaced_wording(item)),
        "confidence": edit.confidence_wording and quoted(edit.confidence_wording),
        "confidence_reason": edit.confidence_wording and edit.reason and quoted(edit.reason),
        "note": edit.note and (CommentedMap([(code, quoted(text)) for code, text in edit.notes])
                               if edit.notes else quoted(edit.note)),
        "round": edit.round and quoted(edit.round),
        "due": revised and edit.due and quoted(edit.due),
        "due_reason": revised and edit.due_reason and quoted(edit.due_reason),
        "evidence": edit.evidence and CommentedSeq([CommentedMap(
            [(k, quoted(v)) for k, v in vars(e).items() if v]) for e in edit.evidence]),
        "corrects": edit.corrects,
    }
    return CommentedMap([(f.name, values[f.name]) for f in UPDATE if values.get(f.name)])


def _quoted_or_none(quoted: Any, text: str | None) -> Any:
    return None if text is None else quoted(text)


def _set(node: CommentedMap, key: str, value: Any) -> None:
    set_field(node, key, value, FIELD_ORDER)


def revises_due(item: Item, edit: Edit) -> bool:
    """Whether the update records a revised due date: a new due for an item that had one (a
    first due date is no revision)."""
    return edit.due is not None and item.due is not None and item.due.text != edit.due


def replaced_wording(item: Item) -> str | None:
    """What a new update records it replaced (its ``from``), when no earlier update of the
    item gives the status in force: the council's wording of it, or "not reported"."""
    dated = [u for u in item.updates if u.status]
    latest = max(dated, key=lambda u: u.date) if dated else None
    if latest is not None and latest.status == item.current_status:
        return None
    if item.current_status == "not-reported":
        return NO_EARLIER_STATUS[0]
    return item.wording or item.current_status


def _update_position(updates: list[Update], on: date) -> int:
    """Keep the updates in the order the file has them: oldest first unless newest first."""
    if len(updates) > 1 and updates[0].date > updates[-1].date:
        return next((i for i, u in enumerate(updates) if u.date <= on), len(updates))
    return next((i for i, u in enumerate(updates) if u.date > on), len(updates))


# --- checking the result before it replaces the file ----------------------------------------


def _expected(plan: Plan, item: Item, edit: Edit) -> Item:
    """The item as it should read after the edit."""
    due, original_due = item.due, item.original_due
    if edit.due is not None and (due is None or due.text != edit.due):
        original_due = original_due or due
        due = parse_due(edit.due)
    updates = list(item.updates)
    replaced = replaced_wording(item) if edit.wording else None
    before = None if replaced is None else (
        "not-reported" if replaced == NO_EARLIER_STATUS[0] else item.current_status)
    note = (Translated(edit.note, edit.notes[0][0], dict(edit.notes)) if edit.notes
            else edit.note)
    updates.insert(_update_position(updates, edit.on),
                   Update(edit.on, edit.status, edit.wording, note, before, replaced,
                          edit.confidence, edit.confidence_wording, edit.reason,
                          round=edit.round or next((r.label for r in plan.rounds
                                                    if r.date >= edit.on), None),
                          due=parse_due(edit.due) if edit.due and revises_due(item, edit)
                          else None,
                          due_reason=edit.due_reason if revises_due(item, edit) else None,
                          evidence=list(edit.evidence), corrects=edit.corrects))
    progress = item.progress if edit.progress is None else edit.progress
    changed = replace(item, progress=progress, due=due, original_due=original_due,
                      updates=updates)
    if edit.wording:
        changed = replace(changed, status=edit.status, wording=edit.wording)
    if edit.confidence_wording:
        changed = replace(changed, confidence=edit.confidence,
                          confidence_wording=edit.confidence_wording,
                          confidence_reason=edit.reason)
    return changed


def _verify(plan: Plan, item: Item, expected: Item, after: Plan | None) -> None:
    """Every item of the plan reads as before, except the edited one, which reads as asked."""
    before_rows = [item_row(plan, expected if i is item else i) for i in plan.walk()]
    after_rows = [item_row(after, i) for i in after.walk()] if after else []
    if after is None or before_rows != after_rows or plan_fields(plan) != plan_fields(after):
        raise misread(plan)
