"""``plantrack update``: add a dated progress update to one item of a plan."""

from __future__ import annotations

import argparse
import re
from datetime import date

from generator.commands.common import content_option, count, read_date, relayout_option
from generator.content.checking import WEB_URL
from generator.content.dates import Due, ImpossibleDate, UnknownMonth, parse_due
from generator.content.model import Evidence, Item
from generator.content.status import CONFIDENCE_LEVELS, STATUSES
from generator.files.planedit import Change, Edit, update_item
from generator.sheets.planbuilder import site_languages, site_setting


def add(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = commands.add_parser(
        "update", help="add a dated progress update to one item",
        description="Add a dated update to one item of a plan and set the item's status (and "
                    "progress or due date). The plan file is edited in place: comments, key "
                    "order and the layout of everything else are kept. A changed due date "
                    "keeps the first one as original_due, and the update records the new one "
                    "(and why it moved). The update can name its reporting round, link its "
                    "evidence and correct an earlier update. Nothing is written unless the "
                    "content still loads without problems.",
    )
    parser.add_argument("plan", metavar="PLAN", help="the plan's id (as in its file: id: ...)")
    parser.add_argument("ref", metavar="REF", help="the item's ref, such as 2.05")
    parser.add_argument("--status", metavar="WORD",
                        help="the status now: not-started, in-progress, on-track, at-risk, "
                             "off-track, complete, cancelled, or the council's wording (Green, "
                             "Amber - some slippage, Completed, or a word in the plan's "
                             "statuses)")
    parser.add_argument("--confidence", metavar="WORD",
                        help="where the council judges confidence separately from the status: "
                             "green, amber, red, or its wording for them")
    parser.add_argument("--reason", metavar="TEXT",
                        help="why the council gives that confidence, in its words")
    parser.add_argument("--note", metavar="TEXT", help="what changed, in plain words")
    parser.add_argument("--note-in", nargs=2, action="append", default=[],
                        metavar=("LANGUAGE", "TEXT"),
                        help="the note in another of the site's languages, such as --note-in "
                             "cy \"Dechreuodd y gwaith.\" (repeat for more languages)")
    parser.add_argument("--date", metavar="DATE",
                        help="the date of the update, YYYY-MM-DD (default: today)")
    parser.add_argument("--progress", metavar="N", help="progress now, 0 to 100 (percent)")
    parser.add_argument("--due", metavar="DATE",
                        help="a new due date as the council writes it (Dec-22, March 2023)")
    parser.add_argument("--due-reason", metavar="TEXT",
                        help="why the due date moved, in the council's words (with --due)")
    parser.add_argument("--round", metavar="LABEL",
                        help="the reporting round the update is reported in, as the plan's "
                             "rounds: list it (default: the first round closing on or after "
                             "its date)")
    parser.add_argument("--evidence", action="append", default=[], metavar="TITLE=URL",
                        help='a link to the evidence for the update, such as "Cabinet '
                             'minutes=https://...": a title, "=", and an http:// or https:// '
                             "address (repeatable)")
    parser.add_argument("--archived", metavar="URL",
                        help="the address of an archived copy of the last --evidence")
    parser.add_argument("--corrects", metavar="DATE",
                        help="the date (YYYY-MM-DD) of the earlier update of the item that "
                             "this one corrects; the earlier one stays, marked as corrected")
    relayout_option(parser)
    content_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> str:
    problems: list[str] = []
    edit = read_options(args, date.today(), problems)
    wordings = (args.status and args.status.strip(), args.confidence and args.confidence.strip())
    return describe(update_item(args.content, args.plan, args.ref, edit, problems,
                                args.relayout, wordings))


def read_options(args: argparse.Namespace, today: date, problems: list[str]) -> Edit | None:
    """The update the options ask for, or None when any is wrong (each adds a problem)."""
    found = len(problems)
    wording = _wording("--status", args.status, problems)
    confidence = _wording("--confidence", args.confidence, problems)
    if args.status is None and args.confidence is None:
        problems.append("--status or --confidence: expected at least one, found neither")
    if args.reason is not None and args.confidence is None:
        problems.append("--reason: expected with --confidence (it is the confidence's "
                        "reason), found without it")
    on = read_date("--date", args.date, problems, today) if args.date is not None else today
    progress = _progress(args.progress, problems)
    due = _due(args.due, problems)
    if args.due_reason is not None and args.due is None:
        problems.append("--due-reason: expected with --due (it is why the due date moved), "
                        "found without it")
    evidence = _evidence(args.evidence, args.archived, problems)
    corrects = read_date("--corrects", args.corrects, problems) if args.corrects else None
    if args.round is not None and not args.round.strip():
        problems.append("--round: expected the label of one of the plan's rounds, found "
                        "nothing")
    notes = _notes(args, problems)
    if len(problems) > found or on is None:
        return None
    return Edit(wording, on, (args.note or "").strip(), progress, due, confidence,
                (args.reason or "").strip() or None, round=(args.round or "").strip() or None,
                evidence=evidence, corrects=corrects,
                due_reason=(args.due_reason or "").strip() or None, notes=notes)


def _notes(args: argparse.Namespace, problems: list[str]) -> tuple[tuple[str, str], ...]:
    """The note in each of the site's languages: --note in the first, --note-in for the
    others; every one is needed unless the site publishes missing translations."""
    codes = site_languages(args.content)
    given = {code.strip(): text.strip() for code, text in args.note_in}
    for code in given:
        if code not in codes[1:]:
            problems.append(f"--note-in: expected one of the site's other languages "
                            f"({', '.join(codes[1:]) or 'it has none'}), found \"{code}\"")
    note = (args.note or "").strip()
    if given and not note:
        problems.append("--note-in: give --note as well, the note in the site's first "
                        f"language ({codes[0]})")
    missing = [c for c in codes[1:] if c not in given]
    if note and missing and site_setting(args.content, "missing_translations") != "warn":
        problems.append(f"--note-in: expected the note in each of the site's languages "
                        f"({', '.join(codes)}), found none in {', '.join(missing)}; add "
                        + " ".join(f"--note-in {c} TEXT" for c in missing))
    if not given or not note:
        return ()
    return ((codes[0], note), *((c, given[c]) for c in codes[1:] if c in given))


def _evidence(given: list[str], archived: str | None,
              problems: list[str]) -> tuple[Evidence, ...]:
    """Each --evidence TITLE=URL as evidence, the last with its --archived copy."""
    found: list[Evidence] = []
    for text in given:
        match = re.fullmatch(r"(.*?)=(https?://.*)", text.strip(), re.IGNORECASE)
        if not match or not match[1].strip() or not WEB_URL.fullmatch(match[2].strip()):
            problems.append(f"--evidence: expected TITLE=URL with an http:// or https:// "
                            f'address, found "{text}"')
            continue
        found.append(Evidence(match[1].strip(), match[2].strip()))
    if archived is not None:
        if not given:
            problems.append("--archived: expected with --evidence (it is the archived copy of "
                            "the last one), found without it")
        elif not WEB_URL.fullmatch(archived.strip()):
            problems.append(f'--archived: expected an http:// or https:// address, found '
                            f'"{archived}"')
        elif found:
            found[-1] = Evidence(found[-1].title, found[-1].url, archived.strip())
    return tuple(found)


def _wording(option: str, text: str | None, problems: list[str]) -> str | None:
    if text is not None and not text.strip():
        problems.append(f"{option}: expected a wording, found nothing")
    return text.strip() if text else None


def _progress(text: str | None, problems: list[str]) -> int | None:
    if text is None:
        return None
    number = text.strip().rstrip("%").strip()
    if re.fullmatch(r"\d+", number) and int(number) <= 100:
        return int(number)
    problems.append(f'--progress: expected a whole number from 0 to 100, found "{text}"')
    return None


def _due(text: str | None, problems: list[str]) -> str | None:
    if text is None:
        return None
    if not text.strip():
        problems.append("--due: expected a due date as the council writes it (Dec-22, "
                        "March 2023), found nothing")
        return None
    try:
        return parse_due(text.strip()).text
    except ImpossibleDate as error:
        problems.append(f'--due: expected a real calendar date, found "{text}" '
                        f"({error} does not exist)")
    except UnknownMonth as error:
        problems.append(f'--due: expected a month name, found "{text}": {error}')
    return None


def describe(change: Change) -> str:
    """One line saying what changed, and a note when other lines had to be laid out anew."""
    before, after, edit = change.before, change.after, change.edit
    parts = [f"status {_change(_label(before), _label(after))}"] if edit.wording else []
    if edit.confidence_wording:
        parts.append(f"confidence {_change(_judged(before), _judged(after))}")
    if edit.progress is not None:
        parts.append(f"progress {_change(_percent(before.progress), _percent(after.progress))}")
    if edit.due is not None:
        due = f"due {_change(_due_text(before.due), _due_text(after.due))}"
        said = [f"originally due {after.original_due.text}"] if (
            after.original_due and after.due and after.original_due.text != after.due.text) else []
        if change.added.due_reason:
            said.append("reason given")
        parts.append(due + (f" ({'; '.join(said)})" if said else ""))
    parts.append(f"update dated {edit.on.isoformat()} added")
    parts.extend(_over_time(change))
    line = f"{change.plan} {before.ref}: {', '.join(parts)} ({change.file})"
    if change.relaid:
        were = "was" if change.relaid == 1 else "were"
        line += (f"\nnote: {count(change.relaid, 'other line')} of the file {were} laid out "
                 f"anew (--relayout); their data is unchanged")
    return line


def _over_time(change: Change) -> list[str]:
    """The round the update is reported in, its evidence and the update it corrects."""
    added, last = change.added, change.last_round
    parts = []
    if added.round:
        given = change.edit.round is not None
        parts.append(f'reported in round "{added.round}"' + ("" if given else " (by its date)"))
    elif last is not None:
        parts.append(f'in no round yet (the last, "{last.label}", closed on '
                     f"{last.date.isoformat()})")
    if added.evidence:
        archived = sum(1 for e in added.evidence if e.archived)
        parts.append(count(len(added.evidence), "evidence link")
                     + (f" ({archived} archived)" if archived else ""))
    if added.corrects:
        parts.append(f"correcting the update of {added.corrects.isoformat()}")
    return parts


def _label(item: Item) -> str:
    return STATUSES[item.current_status].label


def _judged(item: Item) -> str:
    judgement = item.current_confidence
    if judgement is None:
        return "not judged"
    label = CONFIDENCE_LEVELS[judgement.level].label
    return label + (f" ({judgement.reason})" if judgement.reason else "")


def _change(old: str, new: str) -> str:
    return f"{new} (unchanged)" if old == new else f"{old} -> {new}"


def _percent(value: int | None) -> str:
    return "not given" if value is None else f"{value}%"


def _due_text(due: Due | None) -> str:
    return due.text if due else "not given"
