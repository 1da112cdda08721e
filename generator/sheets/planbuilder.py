"""The plan an import builds: its items nested by parent, its own fields, and the check.

The rows become items under their parents (duplicate refs, unknown parents and loops are
problems of the row). The plan file is then checked by the loader, as ``plantrack check``
checks it, in a folder holding a stand-in (id and title) for each of the content's decision
records, so that a plan's ``decisions`` are checked against them; each problem is named by
the row and column it came from, or by the cell of the plan's own fields.
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from generator.content.errors import ContentError, PlanTrackerError, Problem
from generator.content.ids import ref_slug
from generator.content.loading import load_site
from generator.content.model import Plan
from generator.content.vocabulary import BUILT_IN_VOCABULARY, Vocabulary, Wording
from generator.content.yamlfile import read_yaml
from generator.sheets.layouts import Entry, ProblemSink

CHECK_SITE = "title: Import check\ncouncil: Import check\nurl: https://example.org/\n"
"""The site settings of the folder a plan is checked in before it is written."""
CHECK_FILE = "plan.yml"

Label = Callable[[str], str | None]
"""The name, for a problem, of the cell a plan field (a checker path) came from, if any."""


def plan_document(plan_id: str, fields: dict[str, Any], entries: list[Entry],
                  problem: ProblemSink, summary: list[str]) -> dict[str, Any]:
    """The plan file's data: its id, own fields, areas the rows name, and nested items."""
    items = _tree(entries, problem)
    plan: dict[str, Any] = {"id": plan_id, **fields}
    listed = {area.get("id") for area in plan.get("areas", [])}
    named = sorted({a for e in entries for a in e.fields.get("areas", [])} - listed)
    if named:
        plan["areas"] = [*plan.get("areas", []), *({"id": a, "name": a} for a in named)]
        summary.append("areas named by the rows, listed with their ids as names (edit the "
                       "names in the plan file): " + ", ".join(named))
    plan["items"] = items
    return plan


def _tree(entries: list[Entry], problem: ProblemSink) -> list[dict[str, Any]]:
    """The entries as nested items; duplicate refs and unknown parents reported."""
    usable = _unique(entries, problem)
    first = {entry.fields["ref"]: entry for entry in usable}
    children: dict[str | None, list[Entry]] = {}
    for entry in usable:
        parent = entry.parent
        if parent is not None and parent not in first:
            problem(entry.row, entry.heading("parent"), "unknown-parent",
                    f'expected the ref of another row, found "{parent}"')
            parent = None  # checked at the top, so that its own problems are found too
        children.setdefault(parent, []).append(entry)
    placed: set[int] = set()
    items = _nest(None, children, placed, "items")
    for entry in usable:
        if entry.row not in placed:
            problem(entry.row, entry.heading("parent"), "parent-loop",
                    f'expected a parent that is not beneath this row, found "{entry.parent}"')
    return items


def _unique(entries: list[Entry], problem: ProblemSink) -> list[Entry]:
    """The entries whose refs are usable: not repeated, with letters or digits, distinct as
    page names; the others reported."""
    first: dict[str, Entry] = {}
    slugs: dict[str, Entry] = {}
    usable: list[Entry] = []
    for entry in entries:
        ref = entry.fields["ref"]
        heading = entry.heading("ref")
        if ref in first:
            problem(entry.row, heading, "duplicate-ref", f'expected a ref unique in the '
                    f'plan, found "{ref}" again (first at {entry.unit} {first[ref].row}); '
                    f"give --fix-refs to rename it")
        elif not ref_slug(ref):
            problem(entry.row, heading, "bad-ref",
                    f'expected a ref with letters or digits, found "{ref}"; give --fix-refs '
                    f"to number it after the row above")
        elif ref_slug(ref) in slugs:
            other = slugs[ref_slug(ref)]
            problem(entry.row, heading, "ref-collision", f'expected refs that differ as page '
                    f'names, found "{ref}" and "{other.fields["ref"]}" ({entry.unit} '
                    f'{other.row}); give --fix-refs to rename it')
        else:
            first[ref] = slugs[ref_slug(ref)] = entry
            usable.append(entry)
    return usable


def _nest(parent: str | None, children: dict[str | None, list[Entry]], placed: set[int],
          at: str) -> list[dict[str, Any]]:
    items = []
    for i, entry in enumerate(children.get(parent, [])):
        placed.add(entry.row)
        entry.path = f"{at}[{i}]"
        item = dict(entry.fields)
        below = _nest(entry.fields["ref"], children, placed, f"{entry.path}.items")
        if below:
            item["items"] = below
        items.append(item)
    return items


def check_plan(text: str, entries: list[Entry], problem: ProblemSink, label: Label,
               content: Path | None) -> Plan | None:
    """The plan the text loads to, checked as ``plantrack check`` will; each problem named by
    its row and column, or by ``label`` for the plan's own fields."""
    plan, found = load_plan_text(text, content)
    by_path = {e.path: e for e in entries if e.path}
    for each in found:
        path = each.field
        while path and path not in by_path:
            path = path[: max(path.rfind("."), path.rfind("["), 0)]
        if path:
            entry = by_path[path]
            name = each.field[len(path) + 1:]
            problem(entry.row, entry.heading(re.split(r"[.\[]", name)[0]), each.code,
                    each.message)
            continue
        where = label(each.field) or {"id": "--plan", "title": "--title"}.get(each.field,
                                                                             each.field)
        problem(0, where, each.code, each.message)
    return plan


def load_plan_text(text: str, content: Path | None) -> tuple[Plan | None, list[Problem]]:
    """The plan a plan file's text loads to (None if it does not), and the problems of that
    file, loaded beside the decision records of ``content``."""
    with tempfile.TemporaryDirectory() as folder:
        check = Path(folder)
        (check / "plans").mkdir()
        statuses = site_statuses(content)
        languages = site_languages(content)
        settings = _in_every(CHECK_SITE, languages) + (
            f"statuses: {json.dumps(statuses)}\n" if statuses else "")
        if len(languages) > 1:
            settings += f"languages: {json.dumps(languages)}\n"
            missing = site_setting(content, "missing_translations")
            settings += f"missing_translations: {json.dumps(missing)}\n" if missing else ""
            if content is not None and (content / "catalogs").is_dir():
                shutil.copytree(content / "catalogs", check / "catalogs")
        (check / "site.yml").write_text(settings, encoding="utf-8")
        _stand_ins(content, check / "decisions", languages)
        file = check / "plans" / CHECK_FILE
        file.write_text(text, encoding="utf-8")
        try:
            site = load_site(check)
        except ContentError as error:
            return None, [p for p in error.problems if p.file == str(file)]
    return site.plans[0], []


def site_setting(content: Path | None, name: str) -> Any:
    """A field of the content's site.yml, as written (None when it cannot be read)."""
    file = content / "site.yml" if content else None
    if file is None or not file.is_file():
        return None
    try:
        data = read_yaml(file, str(file))[0].data
    except PlanTrackerError:
        return None
    return data.get(name) if isinstance(data, dict) else None


def site_statuses(content: Path | None) -> list[dict[str, Any]]:
    """The ``statuses`` of the content's site.yml, as written (none when it cannot be read)."""
    statuses = site_setting(content, "statuses")
    return [s for s in statuses if isinstance(s, dict)] if isinstance(statuses, list) else []


def site_languages(content: Path | None) -> list[str]:
    """The languages of the content's site.yml (["en"] when it names none)."""
    codes = site_setting(content, "languages")
    if isinstance(codes, list) and codes and all(isinstance(c, str) for c in codes):
        return codes
    return ["en"]


def vocabulary_of(*lists: list[dict[str, Any]]) -> Vocabulary:
    """The built-in vocabulary with the wordings of ``statuses`` lists tried first, in order
    (entries that are not a wording and a meaning are left to the check)."""
    wordings = [Wording(str(entry["wording"]), str(entry["means"]).lower(), origin="file")
                for statuses in lists for entry in statuses
                if isinstance(entry.get("wording"), str) and isinstance(entry.get("means"), str)]
    return BUILT_IN_VOCABULARY.extended(wordings)


def _in_every(settings: str, languages: list[str]) -> str:
    """Stand-in settings (``name: text`` lines) with each text given in every language."""
    if len(languages) < 2:
        return settings
    lines = [line.partition(": ") for line in settings.splitlines()]
    return "".join(f"{name}: {json.dumps({code: text for code in languages})}\n"
                   if name != "url" else f"{name}: {text}\n" for name, _, text in lines)


def _stand_ins(content: Path | None, folder: Path, languages: list[str]) -> None:
    """A decision file (its id and a title) for each decision record of the content."""
    records = sorted((content / "decisions").glob("*.y*ml")) if content else []
    folder.mkdir()
    for number, record in enumerate(records):
        data = read_yaml(record, str(record))[0].data
        if isinstance(data, dict) and isinstance(data.get("id"), str):
            (folder / f"{number}.yml").write_text(
                f"id: {json.dumps(data['id'])}\n" + _in_every("title: stand-in\n", languages),
                encoding="utf-8")


def load_plan_file(path: Path, content: Path | None) -> Plan | None:
    """The plan a plan file holds, or None when it cannot be read or does not pass the check."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    try:
        return load_plan_text(text, content)[0]
    except PlanTrackerError:
        return None
