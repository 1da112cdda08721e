"""The status and confidence wordings of an import, read with the council's vocabulary.

A row's status (or confidence) is kept as the sheet writes it when the vocabulary knows it:
the built-in wordings, site.yml's ``statuses`` and those of the plan file being replaced.
Otherwise the officer's ``--status "WORD=MEANING"`` (``--confidence``) and then the wordings
the layout's exports usually use (Decidim's "Planned", "Finished") say what it means, by the
wording or by the other name the row gives it (a Decidim status's key). Such a wording is
written as its meaning, or, with ``--save-statuses``, kept as written and added to the plan's
own ``statuses`` so that the next import needs no flags. A wording none of them knows is a
problem of its row whose message gives the exact flag that would import it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.content.vocabulary import (
    Axis,
    Vocabulary,
    Wording,
    add_on_import,
    key,
    unknown_message,
)
from generator.sheets.columns import row_ranges
from generator.sheets.layouts import Entry, ProblemSink

AXES: tuple[Axis, ...] = ("status", "confidence")


@dataclass
class Mapping:
    """What the officer said the council's wordings mean, and whether to keep them."""

    given: list[Wording] = field(default_factory=list)
    save: bool = False


@dataclass
class _Read:
    """One wording (and the other name it was given) read on one axis, and its rows."""

    axis: Axis
    said: tuple[str, ...]
    means: str
    by_flag: bool
    rows: list[int] = field(default_factory=list)
    texts: dict[str, str] = field(default_factory=dict)
    """The wording by language, where the source gives it in several."""


def read_wordings(entries: list[Entry], known: Vocabulary, mapping: Mapping,
                  usual: Vocabulary, problem: ProblemSink, summary: list[str]) -> list[Wording]:
    """Give each entry's status and confidence a wording the plan file will know; return the
    wordings to add to the plan's ``statuses`` (with ``--save-statuses``)."""
    given = Vocabulary(mapping.given)
    read: dict[tuple[Axis, str], _Read] = {}
    for entry in entries:
        for axis in AXES:
            text = str(entry.fields.get(axis) or "")
            if not text or known.meaning(text, axis):
                continue
            names = (text, *([entry.also[axis]] if axis in entry.also else []))
            found, by_flag = _meaning(names, axis, given, usual, known)
            if found is None:
                problem(entry.row, entry.heading(axis), f"unknown-{axis}", _unknown(names, axis,
                                                                                     known))
                del entry.fields[axis]
                continue
            if not mapping.save:
                entry.fields[axis] = found.means
            texts = entry.wordings if axis == "status" else {}
            read.setdefault((axis, key(text)), _Read(axis, names, found.means, by_flag,
                                                     texts=texts)).rows.append(entry.row)
    summary.extend(_summary(list(read.values()), mapping, given))
    return _to_save(list(read.values())) if mapping.save else []


def _meaning(names: tuple[str, ...], axis: Axis, given: Vocabulary, usual: Vocabulary,
             known: Vocabulary) -> tuple[Wording | None, bool]:
    """The wording that says what one of ``names`` means, and whether a flag gave it."""
    for vocabulary, by_flag in ((given, True), (known, False), (usual, False)):
        for name in names:
            found = vocabulary.meaning(name, axis)
            if found:
                return found, by_flag
    return None, False


def _unknown(names: tuple[str, ...], axis: Axis, known: Vocabulary) -> str:
    how = add_on_import(names[0], axis)
    if len(names) > 1:
        flag = "--confidence" if axis == "confidence" else "--status"
        how = how.replace("=MEANING\"", f'=MEANING" (or by its key, {flag} "{names[1]}=MEANING")', 1)
    message = unknown_message(names[0], axis, known, how)
    if len(names) > 1:
        message = message.replace(f'found "{names[0]}"', f'found "{names[0]}" (key "{names[1]}")',
                                  1)
    return message


def _summary(read: list[_Read], mapping: Mapping, given: Vocabulary) -> list[str]:
    lines = []
    for each in read:
        said = " / ".join(f'"{name}"' for name in each.said)
        rows = f"{'row' if len(each.rows) == 1 else 'rows'} {row_ranges(each.rows)}"
        how = "kept, saved in the plan's statuses as" if mapping.save else "published as"
        lines.append(f"{each.axis} {said} {how} {each.means} ({rows})")
    if read and not mapping.save:
        lines.append("the council's wording of these is not kept: give --save-statuses to keep "
                     "it, saved in the plan's statuses")
    used = {key(name) for each in read if each.by_flag for name in each.said}
    for wording in given.wordings:
        if not any(wording.matches(name) for name in used):
            lines.append(f'{wording.origin} "{wording.wording}={wording.means}" matches no row')
    return lines


def _to_save(read: list[_Read]) -> list[Wording]:
    return [Wording(each.said[0], each.means, origin="plan",
                    texts=tuple(each.texts.items())) for each in read]
