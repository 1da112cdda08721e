"""``plantrack export``: every item of one plan or all plans as CSV, JSON or an Excel file."""

from __future__ import annotations

import argparse
import difflib
import os
import sys
from pathlib import Path

from generator.commands.common import content_option, count
from generator.content.errors import PlanTrackerError
from generator.content.loading import load_site
from generator.content.model import Plan, Site
from generator.files.atomic import write_atomic
from generator.opendata.exporting import FORMATS, csv_text, json_text, xlsx_bytes


def add(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = commands.add_parser(
        "export", help="write every item as CSV, JSON or Excel",
        description="Write every item of every plan (or of one plan) as a table: one row per "
                    "item, every field. CSV and JSON go to standard output unless --out is "
                    "given; Excel needs --out. Every format re-imports with 'plantrack "
                    "import': the Excel file (its sheet \"Plans\") and the JSON with the "
                    "plans' own fields, a CSV file (items only) over the plan file it came "
                    "from, whose own fields are kept.",
    )
    content_option(parser)
    parser.add_argument("--format", choices=FORMATS, default=None,
                        help="csv, json or xlsx (default: from the --out file's extension, "
                             "else csv)")
    parser.add_argument("--plan", metavar="ID", help="only this plan (default: every plan)")
    parser.add_argument("--out", type=Path, metavar="PATH",
                        help="file to write (default: standard output)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> str:
    file_format = _format(args.format, args.out)
    site = load_site(args.content)
    plans = [_plan(site, args.plan, args.content)] if args.plan else site.plans
    data = _export(site, plans, file_format)
    if args.out is None:
        _print(data if isinstance(data, bytes) else data.encode("utf-8"))
        return ""
    try:
        write_atomic(args.out, data)
    except OSError as error:
        raise PlanTrackerError(f"plantrack export: cannot write {args.out}: "
                               f"{error.strerror or error}") from None
    items = sum(1 for plan in plans for _ in plan.walk())
    return f"wrote {count(items, 'item')} of {count(len(plans), 'plan')} to {args.out}"


def _print(data: bytes) -> None:
    try:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    except BrokenPipeError:  # the reader stopped early (| head): say so once, quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise PlanTrackerError("plantrack export: the output was closed before all of it "
                               "was written") from None


def _export(site: Site, plans: list[Plan], file_format: str) -> str | bytes:
    if file_format == "xlsx":
        return xlsx_bytes(plans, site.languages)
    if file_format == "json":
        return json_text(site, plans)
    return csv_text(plans, site.languages)


def _format(chosen: str | None, out: Path | None) -> str:
    suffix = out.suffix.lower().lstrip(".") if out else ""
    if chosen and suffix in FORMATS and suffix != chosen:
        raise PlanTrackerError(f"plantrack export: --out {out} ends in .{suffix} but --format "
                               f"is {chosen}; give a file name ending in .{chosen}")
    file_format = chosen or (suffix if suffix in FORMATS else "csv")
    if file_format == "xlsx" and out is None:
        raise PlanTrackerError("plantrack export: an Excel file cannot go to standard output; "
                               "give --out FILE.xlsx")
    return file_format


def _plan(site: Site, plan_id: str, content: Path) -> Plan:
    plan = site.plan(plan_id)
    if plan is not None:
        return plan
    ids = [p.id for p in site.plans]
    guesses = [i for i in ids if plan_id.lower() in i] or difflib.get_close_matches(plan_id, ids)
    hint = f'; did you mean "{guesses[0]}"?' if len(guesses) == 1 else (
        "; did you mean one of: " + ", ".join(guesses) + "?" if guesses else "")
    known = ", ".join(ids) or "none"
    raise PlanTrackerError(f'plantrack export: no plan "{plan_id}" in {content}{hint}\n'
                           f"The plans are: {known}")
