"""Record progress on one item of a plan: the core of ``plantrack update``.

The plan file is edited in place with ruamel.yaml's round-trip mode, so the comments, key
order, quoting and layout of everything else are kept; a file whose layout ruamel.yaml cannot
reproduce (text wrapped by PyYAML, say) is left alone unless the caller accepts a new layout.
Before the file is replaced, the whole content folder is loaded again with the edited text,
and every item of the plan is compared with what it was: only the item asked for may have
changed, and only as asked. Anything wrong leaves the file as it was.
"""

from __future__ import annotations

import codecs
import difflib
import io
import re
import shutil
import tempfile
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    SingleQuotedScalarString,
)

from generator.content.dates import parse_due
from generator.content.errors import ContentError, PlanTrackerError
from generator.content.loading import load_site
from generator.content.model import Item, Plan, Site, Update
from generator.content.rules import CONTAINER_KINDS, counted
from generator.content.schema import ITEM
from generator.content.status import NO_EARLIER_STATUS, Confidence, StatusWord
from generator.content.vocabulary import Vocabulary, add_to_file, unknown_message
from generator.files.atomic import write_atomic
from generator.files.yamlcomments import insert_keeping_comments
from generator.opendata.itemrows import item_row

NOTHING_CHANGED = "nothing was changed"
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


def update_item(content: Path, plan_id: str, ref: str, edit: Edit | None,
                problems: list[str], relayout: bool = False,
                wordings: tuple[str | None, str | None] = (None, None)) -> Change:
    """Add a dated update to one item and set its status (and progress, due date).

    ``edit`` is None when the command's options had problems (listed in ``problems``); the
    plan and ref are checked too, and every problem is reported together. When the YAML
    writer cannot keep the layout of other lines the file is left alone unless ``relayout``."""
    site = _load_before(content)
    found = _find(site, content, plan_id, ref, problems)
    # The wordings are read with the plan's vocabulary, also when other options are wrong
    # (``wordings`` then gives them), so that every problem is reported at once.
    asked = edit or Edit(wordings[0], date.min, "", None, None, wordings[1])
    wording_problems: list[str] = []
    read = asked.read_with(found[0].vocabulary if found else site.vocabulary, wording_problems)
    edit = read if edit is not None else None
    problems[0:0] = wording_problems  # the options' order: --status comes first
    if problems or edit is None or found is None:
        raise PlanTrackerError("\n".join([*problems, NOTHING_CHANGED]))
    plan, item = found
    _refuse_repeat(item, edit)
    file = Path(plan.file)
    try:
        text, relaid = _edited_text(file.read_bytes(), plan, item, edit)
    except YAMLError as error:
        raise PlanTrackerError(f"{plan.file}: the YAML editor cannot read this file "
                               f"({_first_line(error)}); {NOTHING_CHANGED}") from None
    if relaid and not relayout:
        raise PlanTrackerError(
            f"{plan.file}: the YAML writer cannot keep the layout of {relaid} other "
            f"line{'s' if relaid != 1 else ''} (text wrapped by another program, or unusual "
            f"indentation); {NOTHING_CHANGED}\nrun again with --relayout to let it lay them "
            f"out anew (their data stays the same)")
    expected = _expected(item, edit)
    _verify(plan, item, expected, load_edited(content, file, text).plan(plan.id))
    write_atomic(file, text.encode("utf-8"))
    return Change(plan.id, plan.file, item, expected, edit, relaid)


def _load_before(content: Path) -> Site:
    try:
        return load_site(content)
    except ContentError as error:
        raise PlanTrackerError(f"{error}\nfix these first (plantrack check lists them); "
                               f"{NOTHING_CHANGED}") from None


def _find(site: Site, content: Path, plan_id: str, ref: str,
          problems: list[str]) -> tuple[Plan, Item] | None:
    plan = site.plan(plan_id)
    if plan is None:
        ids = [p.id for p in site.plans]
        problems.append(f'no plan has the id "{plan_id}" in {content / "plans"}; '
                        f'{_alternatives(plan_id, ids, "the plans are", "it holds none")}')
        return None
    item = plan.find(ref)
    if item is None:
        refs = [i.ref for i in plan.walk()]
        problems.append(f'{plan.id} ({plan.file}) has no item "{ref}"; '
                        f'{_alternatives(ref, refs, "its refs are", "it has no items")}')
        return None
    if item.kind in CONTAINER_KINDS:
        beneath = [i.ref for i in counted(item.walk())]
        problems.append(f"{plan.id} {item.ref} is a {item.kind}: it only groups items, and its "
                        f"progress is the roll-up of the items within it; update one of them "
                        f"instead ({_listed(beneath, 'it holds none')})")
        return None
    return plan, item


def _listed(known: list[str], empty: str, shown: int = 12) -> str:
    listed = ", ".join(known[:shown])
    more = f" and {len(known) - shown} more" if len(known) > shown else ""
    return f"{listed}{more}" if known else empty


def _alternatives(wrong: str, known: list[str], intro: str, empty: str, shown: int = 12) -> str:
    """Did-you-mean for a close match, else the first few known names."""
    close = difflib.get_close_matches(wrong, known, n=3, cutoff=0.6)
    if close:
        return "did you mean " + " or ".join(f'"{word}"' for word in close) + "?"
    return f"{intro} {_listed(known, empty, shown)}" if known else empty


def _first_line(error: Exception) -> str:
    return next((line for line in str(error).splitlines() if line.strip()), type(error).__name__)


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


def _edited_text(raw: bytes, plan: Plan, item: Item, edit: Edit) -> tuple[str, int]:
    """The file's new text (with its BOM and line ends), and how many other lines moved."""
    bom = raw.startswith(codecs.BOM_UTF8)
    text = raw.decode("utf-8-sig")
    crlf = "\r\n" in text
    text = text.replace("\r\n", "\n")
    data = _yaml(2, 4, 2).load(text)
    _apply(_node(data, item.path), item, edit)
    replaced = [plan.lines[f"{item.path}.{key}"] for key in ("status", "progress", "due")
                if f"{item.path}.{key}" in plan.lines]
    out, relaid = _laid_out_as(text, data, replaced)
    if crlf:
        out = out.replace("\n", "\r\n")
    return ("\ufeff" if bom else "") + out, relaid


def _laid_out_as(text: str, data: Any, replaced: list[int]) -> tuple[str, int]:
    """``data`` written in the layout of ``text`` (the first that keeps every line the edit
    does not replace), and the number of lines no layout tried could keep."""
    best: tuple[int, str] | None = None
    for layout in _layouts(text):
        yaml = _yaml(*layout)
        yaml.explicit_start = bool(re.match(r"(?:[ \t]*(?:#.*)?\n)*---", text))
        out = _dump(yaml, data)
        relaid = _lines_lost(text, out, replaced)
        if relaid == 0:
            return out, 0
        if best is None or relaid < best[0]:
            best = (relaid, out)
    assert best is not None
    return best[1], best[0]


def _yaml(mapping: int, sequence: int, offset: int, width: int = 1_000_000) -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = width
    yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
    return yaml


def _layouts(text: str) -> list[tuple[int, int, int, int]]:
    """Indentation (mapping, sequence, dash offset) as found in the text, with text kept on
    one line (as the bundled and imported files have it) or wrapped at 80 columns (as
    PyYAML's default writes it)."""
    key = r"^( *)[^\s#-][^\n]*:[ \t]*\n(?:[ \t]*(?:#[^\n]*)?\n)*"
    mapping = re.search(key + r"( +)[^\s#-]", text, re.MULTILINE)
    dash = re.search(key + r"( *)-( +)\S", text, re.MULTILINE)
    step = len(mapping[2]) - len(mapping[1]) if mapping else 2
    offset = len(dash[2]) - len(dash[1]) if dash else 2
    sequence = offset + 1 + len(dash[3]) if dash else 4
    return [(step, sequence, offset, 1_000_000), (step, sequence, offset, 80)]


def _dump(yaml: YAML, data: Any) -> str:
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def _lines_lost(old: str, new: str, replaced: list[int]) -> int:
    """Lines of ``old`` missing from ``new``, apart from those the edit replaces (by number)."""
    lost = Counter(old.split("\n")) - Counter(new.split("\n"))
    lines = old.split("\n")
    for number in replaced:
        lost[lines[number - 1]] -= 1
    return sum(count for count in lost.values() if count > 0)


def _node(data: Any, path: str) -> CommentedMap:
    """The mapping at a loader path such as ``items[1].items[4]``."""
    node = data
    for key, index in re.findall(r"([^.\[\]]+)|\[(\d+)\]", path):
        node = node[int(index)] if index else node[key]
    assert isinstance(node, CommentedMap)
    return node


def _apply(node: CommentedMap, item: Item, edit: Edit) -> None:
    quoted = _house_style(node)
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
            _set(node, "original_due", _like(node["due"], str(node["due"])))
        _set(node, "due", quoted(edit.due))
    update = CommentedMap(date=edit.on)
    if edit.wording:
        update["status"] = quoted(edit.wording)
        replaced = replaced_wording(item)
        if replaced is not None:
            update["from"] = quoted(replaced)
    if edit.confidence_wording:
        update["confidence"] = quoted(edit.confidence_wording)
        if edit.reason:
            update["confidence_reason"] = quoted(edit.reason)
    if edit.note:
        update["note"] = quoted(edit.note)
    if "updates" not in node or not isinstance(node["updates"], CommentedSeq):
        _set(node, "updates", CommentedSeq([update]))
    else:
        insert_keeping_comments(node["updates"], _update_position(item.updates, edit.on), None, update)


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


def _house_style(node: CommentedMap) -> Any:
    """New text is quoted as the item's status, due date or title is (plain if none is)."""
    for key in ("status", "due", "title"):
        value = node.get(key)
        if isinstance(value, (DoubleQuotedScalarString, SingleQuotedScalarString)):
            return type(value)
    return str


def _update_position(updates: list[Update], on: date) -> int:
    """Keep the updates in the order the file has them: oldest first unless newest first."""
    if len(updates) > 1 and updates[0].date > updates[-1].date:
        return next((i for i, u in enumerate(updates) if u.date <= on), len(updates))
    return next((i for i, u in enumerate(updates) if u.date > on), len(updates))


def _like(old: Any, new: str) -> Any:
    """``new`` quoted as ``old`` was (plain when it was plain)."""
    for style in (DoubleQuotedScalarString, SingleQuotedScalarString):
        if isinstance(old, style):
            return style(new)
    return str(new)


def _set(node: CommentedMap, key: str, value: Any) -> None:
    if key in node:
        node[key] = _like(node[key], value) if isinstance(value, str) else value
        return
    rank = _rank(key)
    earlier = [i for i, k in enumerate(node) if _rank(k) < rank]
    insert_keeping_comments(node, max(earlier) + 1 if earlier else 0, key, value)


def _rank(key: str) -> int:
    """A new field goes after the last field (in the file's order) that the content format
    puts before it: original_due after due, status after the item's descriptive fields."""
    return FIELD_ORDER.index(key) if key in FIELD_ORDER else len(FIELD_ORDER)


# --- checking the result before it replaces the file ----------------------------------------


def load_edited(content: Path, file: Path, text: str) -> Site:
    """The content folder as it will be, loaded from a copy with the edited plan file."""
    with tempfile.TemporaryDirectory(prefix="plantrack-update-") as folder:
        copy = Path(folder)
        shutil.copyfile(content / "site.yml", copy / "site.yml")
        for part in ("plans", "decisions"):
            (copy / part).mkdir()
            for source in (content / part).glob("*.y*ml"):
                if source.is_file():
                    shutil.copyfile(source, copy / part / source.name)
        (copy / "plans" / file.name).write_bytes(text.encode("utf-8"))
        try:
            return load_site(copy)
        except ContentError as error:
            problems = [replace(p, file=p.file.replace(str(copy), str(content), 1))
                        for p in error.problems]
            raise PlanTrackerError(f"the edited file would not load, so it was left as it "
                                   f"was:\n{ContentError(problems)}") from None


def _expected(item: Item, edit: Edit) -> Item:
    """The item as it should read after the edit."""
    due, original_due = item.due, item.original_due
    if edit.due is not None and (due is None or due.text != edit.due):
        original_due = original_due or due
        due = parse_due(edit.due)
    updates = list(item.updates)
    replaced = replaced_wording(item) if edit.wording else None
    before = None if replaced is None else (
        "not-reported" if replaced == NO_EARLIER_STATUS[0] else item.current_status)
    updates.insert(_update_position(updates, edit.on),
                   Update(edit.on, edit.status, edit.wording, edit.note, before, replaced,
                          edit.confidence, edit.confidence_wording, edit.reason))
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
    if after is None or before_rows != after_rows or _plan_fields(plan) != _plan_fields(after):
        raise PlanTrackerError(f"the edited {plan.file} would not read back as intended, so it "
                               f"was left as it was; please report this")


def _plan_fields(plan: Plan) -> dict[str, Any]:
    return {k: v for k, v in vars(plan).items()
            if k not in ("file", "lines", "items", "vocabulary")}
