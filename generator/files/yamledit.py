"""Editing a plan file in place: what ``plantrack update`` and ``plantrack round`` share.

The file is read with ruamel.yaml's round-trip mode, changed, and written again in the layout
it had (its indentation, with text on one line or wrapped at 80 columns, its byte order mark
and line ends), so the comments, key order, quoting and layout of everything else are kept.
A file whose layout ruamel.yaml cannot reproduce (text wrapped by PyYAML, say) is left alone
unless the caller accepts a new layout. Before the file is replaced, the whole content folder
is loaded again with the edited text (:func:`load_edited`), so every rule of the content
format applies; anything wrong leaves the file as it was.
"""

from __future__ import annotations

import codecs
import difflib
import io
import re
import shutil
import tempfile
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.error import YAMLError
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, SingleQuotedScalarString

from generator.content.errors import ContentError, PlanTrackerError
from generator.content.loading import load_site
from generator.content.model import Plan, Site
from generator.files.yamlcomments import insert_keeping_comments

NOTHING_CHANGED = "nothing was changed"


def load_before(content: Path) -> Site:
    """The content as it is; an edit is refused while it has problems."""
    try:
        return load_site(content)
    except ContentError as error:
        raise PlanTrackerError(f"{error}\nfix these first (plantrack check lists them); "
                               f"{NOTHING_CHANGED}") from None


def no_such_plan(site: Site, content: Path, plan_id: str) -> str:
    """What to say when no plan has the id asked for."""
    ids = [p.id for p in site.plans]
    return (f'no plan has the id "{plan_id}" in {content / "plans"}; '
            f'{alternatives(plan_id, ids, "the plans are", "it holds none")}')


def listed(known: list[str], empty: str, shown: int = 12) -> str:
    more = f" and {len(known) - shown} more" if len(known) > shown else ""
    return f"{', '.join(known[:shown])}{more}" if known else empty


def alternatives(wrong: str, known: list[str], intro: str, empty: str, shown: int = 12) -> str:
    """Did-you-mean for a close match, else the first few known names."""
    close = difflib.get_close_matches(wrong, known, n=3, cutoff=0.6)
    if close:
        return "did you mean " + " or ".join(f'"{word}"' for word in close) + "?"
    return f"{intro} {listed(known, empty, shown)}" if known else empty


def edited_text(file: str, raw: bytes, change: Callable[[Any], None], replaced: list[int],
                relayout: bool) -> tuple[str, int]:
    """The file's new text once ``change`` has changed its data (with its BOM and line ends
    kept), and how many other lines had to be laid out anew: refused unless ``relayout``.
    ``replaced`` numbers the lines the change replaces, which are not counted as moved."""
    bom = raw.startswith(codecs.BOM_UTF8)
    text = raw.decode("utf-8-sig")
    crlf = "\r\n" in text
    text = text.replace("\r\n", "\n")
    try:
        data = _yaml(2, 4, 2).load(text)
    except YAMLError as error:
        raise PlanTrackerError(f"{file}: the YAML editor cannot read this file "
                               f"({_first_line(error)}); {NOTHING_CHANGED}") from None
    change(data)
    out, relaid = _laid_out_as(text, data, replaced)
    if relaid and not relayout:
        raise PlanTrackerError(
            f"{file}: the YAML writer cannot keep the layout of {relaid} other "
            f"line{'s' if relaid != 1 else ''} (text wrapped by another program, or unusual "
            f"indentation); {NOTHING_CHANGED}\nrun again with --relayout to let it lay them "
            f"out anew (their data stays the same)")
    if crlf:
        out = out.replace("\n", "\r\n")
    return ("\ufeff" if bom else "") + out, relaid


def _first_line(error: Exception) -> str:
    return next((line for line in str(error).splitlines() if line.strip()), type(error).__name__)


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


# --- changing the round-trip data -----------------------------------------------------------


def node_at(data: Any, path: str) -> CommentedMap:
    """The mapping at a loader path such as ``items[1].items[4]`` ("" for the document)."""
    node = data
    for key, index in re.findall(r"([^.\[\]]+)|\[(\d+)\]", path):
        node = node[int(index)] if index else node[key]
    assert isinstance(node, CommentedMap)
    return node


def house_style(node: CommentedMap, keys: tuple[str, ...] = ("status", "due", "title")) -> Any:
    """New text is quoted as the first of ``keys`` that is quoted in ``node`` (plain if none
    is): an item's status, due date or title."""
    for key in keys:
        value = node.get(key)
        if isinstance(value, (DoubleQuotedScalarString, SingleQuotedScalarString)):
            return type(value)
    return str


def like(old: Any, new: str) -> Any:
    """``new`` quoted as ``old`` was (plain when it was plain)."""
    for style in (DoubleQuotedScalarString, SingleQuotedScalarString):
        if isinstance(old, style):
            return style(new)
    return str(new)


def set_field(node: CommentedMap, key: str, value: Any, order: tuple[str, ...]) -> None:
    """Set a field; a new one goes after the last field (in the file's order) that ``order``,
    the content format's, puts before it: original_due after due, rounds before items."""
    if key in node:
        node[key] = like(node[key], value) if isinstance(value, str) else value
        return

    def rank(name: str) -> int:
        return order.index(name) if name in order else len(order)

    earlier = [i for i, k in enumerate(node) if rank(k) < rank(key)]
    insert_keeping_comments(node, max(earlier) + 1 if earlier else 0, key, value)


# --- checking the result before it replaces the file ----------------------------------------


def load_edited(content: Path, file: Path, text: str) -> Site:
    """The content folder as it will be, loaded from a copy with the edited plan file."""
    with tempfile.TemporaryDirectory(prefix="plantrack-edit-") as folder:
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


def plan_fields(plan: Plan) -> dict[str, Any]:
    """The plan's own fields, as read: what an edit of its items must leave alone."""
    return {k: v for k, v in vars(plan).items()
            if k not in ("file", "lines", "items", "vocabulary")}


def misread(plan: Plan) -> PlanTrackerError:
    """The error for an edited file that loads but would not read as intended."""
    return PlanTrackerError(f"the edited {plan.file} would not read back as intended, so it "
                            f"was left as it was; please report this")
