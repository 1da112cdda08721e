"""``plantrack round``: declare (close) a reporting round of a plan."""

from __future__ import annotations

import argparse
from datetime import date

from generator.commands.common import content_option, count, read_date, relayout_option
from generator.files.roundedit import Closed, close_round


def add(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = commands.add_parser(
        "round", help="declare (close) a reporting round of a plan",
        description="Add a reporting round, closed on a date, at the end of a plan's rounds: "
                    "list. Every update dated on or before that day (and after the round "
                    "before) that names no round of its own is then reported in it. The plan "
                    "file is edited in place: comments, key order and the layout of everything "
                    "else are kept. Nothing is written unless the content still loads without "
                    "problems.",
    )
    parser.add_argument("plan", metavar="PLAN", help="the plan's id (as in its file: id: ...)")
    parser.add_argument("label", metavar="LABEL",
                        help='the round\'s name as the council gives it, such as "Q1 2024/25"; '
                             "its page's address is made from it")
    parser.add_argument("--date", metavar="DATE",
                        help="the day the round closed, YYYY-MM-DD: after the last round's, and "
                             "not after today (or the site's as_of) (default: today)")
    parser.add_argument("--note", metavar="TEXT",
                        help='where or how it was reported, such as "Cabinet, 10 July 2024"')
    relayout_option(parser)
    content_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> str:
    problems: list[str] = []
    label = args.label.strip()
    on = read_date("--date", args.date, problems) if args.date is not None else date.today()
    return describe(close_round(args.content, args.plan, label, on,
                                (args.note or "").strip() or None, problems, args.relayout))


def describe(closed: Closed) -> str:
    """One line saying what was declared, and a note when other lines were laid out anew."""
    reported = count(closed.updates, "update") if closed.updates else "no updates"
    line = (f'{closed.plan}: round "{closed.round.label}" closed on '
            f"{closed.round.date.isoformat()}, {reported} reported in it ({closed.file})")
    if closed.relaid:
        were = "was" if closed.relaid == 1 else "were"
        line += (f"\nnote: {count(closed.relaid, 'other line')} of the file {were} laid out "
                 f"anew (--relayout); their data is unchanged")
    return line
