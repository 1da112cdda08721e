"""``plantrack update``: add a dated progress update to one item of a plan."""

from __future__ import annotations

import argparse
import re
from datetime import date

from generator.commands.common import content_option, count
from generator.content.dates import Due, ImpossibleDate, UnknownMonth, parse_due, parse_iso_date
from generator.content.model import Item
from generator.content.status import CONFIDENCE_LEVELS, STATUSES
from generator.files.planedit import Change, Edit, update_item


def add(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = commands.add_parser(
        "update", help="add a dated progress update to one item",
        description="Add a dated update to one item of a plan and set the item's status (and "
                    "progress or due date). The plan file is edited in place: comments, key "
                    "order and the layout of everything else are kept. A changed due date "
                    "keeps the first one as original_due. Nothing is written unless the "
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
    parser.add_argument("--date", metavar="DATE",
                        help="the date of the update, YYYY-MM-DD (default: today)")
    parser.add_argument("--progress", metavar="N", help="progress now, 0 to 100 (percent)")
    parser.add_argument("--due", metavar="DATE",
                        help="a new due date as the council writes it (Dec-22, March 2023)")
    parser.add_argument("--relayout", action="store_true",
                        help="when the YAML writer cannot keep the layout of other lines (text "
                             "wrapped by another program), let it lay them out anew; their "
                             "data stays the same")
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
    on = _date(args.date, today, problems) if args.date is not None else today
    progress = _progress(args.progress, problems)
    due = _due(args.due, problems)
    if len(problems) > found or on is None:
        return None
    return Edit(wording, on, (args.note or "").strip(), progress, due, confidence,
                (args.reason or "").strip() or None)


def _wording(option: str, text: str | None, problems: list[str]) -> str | None:
    if text is not None and not text.strip():
        problems.append(f"{option}: expected a wording, found nothing")
    return text.strip() if text else None


def _date(text: str, today: date, problems: list[str]) -> date | None:
    try:
        day = parse_iso_date(text)
    except ImpossibleDate:
        problems.append(f'--date: expected a real calendar date, found "{text}"')
    except ValueError:
        problems.append(f'--date: expected a date as YYYY-MM-DD, found "{text}"')
    else:
        if day <= today:
            return day
        problems.append(f'--date: expected a date on or before today ({today.isoformat()}), '
                        f'found "{text}": progress cannot be reported before it happens')
    return None


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
        if after.original_due and after.due and after.original_due.text != after.due.text:
            due += f" (originally due {after.original_due.text})"
        parts.append(due)
    parts.append(f"update dated {edit.on.isoformat()} added")
    line = f"{change.plan} {before.ref}: {', '.join(parts)} ({change.file})"
    if change.relaid:
        were = "was" if change.relaid == 1 else "were"
        line += (f"\nnote: {count(change.relaid, 'other line')} of the file {were} laid out "
                 f"anew (--relayout); their data is unchanged")
    return line


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
