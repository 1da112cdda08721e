"""``plantrack import``: a spreadsheet (.csv or .xlsx) or a JSON export into a plan file."""

from __future__ import annotations

import argparse
from pathlib import Path

from generator.commands.common import content_option, count
from generator.content.checking import SLUG
from generator.content.errors import PlanTrackerError
from generator.content.status import CONFIDENCES, REPORTED_WORDS
from generator.content.vocabulary import Wording, parse_mapping
from generator.content.yamlfile import read_yaml
from generator.files.atomic import write_atomic
from generator.opendata.plancells import PLANS_SHEET
from generator.sheets.changes import changes
from generator.sheets.importing import Existing, Imported, Request, import_json, import_sheet
from generator.sheets.jsonexport import read_json_export
from generator.sheets.layouts import LAYOUTS
from generator.sheets.planbuilder import site_languages
from generator.sheets.reading import read_sheet

DESCRIPTION = """\
Turn a spreadsheet, or the JSON of `plantrack export`, into one plan file. Every row becomes
an item, or is listed as a problem with its row number (as the spreadsheet shows it); when
there is any problem nothing is written and the exit status is 1. The file written passes
`plantrack check`."""

EPILOG = """\
layouts (--format):
  charter    columns Ref, Action, Quality Criteria, Lead, Support, Due Date, RAG Status.
             A row whose ref ends .00 with no lead or due date is a section holding the
             rows below it; a row with only an Action is a sub-heading, the group of the
             rows beneath it; a cell holding only "-" is empty; due dates and statuses
             are kept as written.
  decidim    Decidim's accountability export: id, parent/id, title/<locale>,
             description/<locale> (HTML, made plain text), end_date (the due date),
             status/key, status/name/<locale>, progress (rounded to a whole number).
             The locale is en when there is one, else the first. Other Decidim columns
             are listed as not imported.
  plantrack  the columns of `plantrack export` (plan, ref, parent, kind, title, ...);
             of a file of several plans, the rows of --plan. An Excel export's sheet
             "Plans" gives the plan's own fields; so does a JSON export (.json).
  auto       the layout the header row looks like (the default).

The plan's own fields (title, organisation, source, editorial notes, ...) come from the
export's "Plans" sheet or JSON; a file without them (a CSV file) keeps those of the plan
file it replaces.

Statuses (and confidences) are kept as the sheet words them when the vocabulary knows
them: the built-in wordings (on-track, Green, "Amber - <any text>", Completed, ...), and
the statuses: of site.yml and of the plan file replaced. Say what another wording means
with --status "WORD=MEANING" (--confidence for a confidence column); it is then published
as its meaning, or, with --save-statuses, kept as written and saved in the plan's
statuses: so that the next import needs no flags. A Decidim status is known by its name
or its key. An unknown wording is an error naming the flag that would import it.

A row without a ref, or with a ref an earlier row has, stops the import; --fix-refs
numbers it after the row above (or renames it ref-2), keeps the source's ref in
source_ref and says so in editorial_note, as the bundled charter records its own.

The header is the first row with two or more filled cells; a single filled cell above it
is the plan's title (unless --title is given), otherwise the title comes from the file
name. A column the layout does not know is an error: name its field with
--map "Column=field", or leave it out with --map "Column=".

examples:
  plantrack import charter.xlsx --plan village-charter-2022
  plantrack import results.csv --plan budget-2023 --format decidim --dry-run
  plantrack import plan.csv --plan village --map "Source ref=source_ref" --force
  plantrack import charter.xlsx --plan charter --status "Slipping=at-risk" --save-statuses
  plantrack import results.csv --plan budget --status "delayed=at-risk" --fix-refs"""


def add(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = commands.add_parser(
        "import", help="turn a spreadsheet (.csv or .xlsx) into a plan file",
        description=DESCRIPTION, epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("file", type=Path, metavar="FILE",
                        help="the spreadsheet: .csv (commas, semicolons or tabs) or .xlsx; "
                             "or the .json of plantrack export")
    parser.add_argument("--plan", required=True, metavar="ID",
                        help="the plan's id: lowercase letters, digits and hyphens")
    parser.add_argument("--title", help="the plan's title")
    parser.add_argument("--title-in", nargs=2, action="append", default=[],
                        metavar=("LANGUAGE", "TITLE"),
                        help="the plan's title in another of the site's languages, such as "
                             "--title-in cy \"Cynllun y dref\" (repeat for more languages)")
    parser.add_argument("--format", choices=("auto", *LAYOUTS), default="auto",
                        help="the spreadsheet's layout (default: auto)")
    parser.add_argument("--map", action="append", default=[], metavar="COLUMN=FIELD",
                        help="take an item field from a column (repeat for more columns)")
    parser.add_argument("--status", action="append", default=[], metavar="WORD=MEANING",
                        help="what a council's status wording means: one of "
                             f"{', '.join(REPORTED_WORDS)} (repeat for more wordings)")
    parser.add_argument("--confidence", action="append", default=[], metavar="WORD=MEANING",
                        help="what a council's confidence wording means: one of "
                             f"{', '.join(CONFIDENCES)} (repeat for more wordings)")
    parser.add_argument("--save-statuses", action="store_true",
                        help="keep the wordings of --status and --confidence as written, "
                             "saved in the plan's statuses: (else each is written as its "
                             "meaning)")
    parser.add_argument("--fix-refs", action="store_true",
                        help="give rows without a ref, or with a ref used before, a ref of "
                             "their own, recorded in source_ref and editorial_note")
    parser.add_argument("--sheet", metavar="NAME",
                        help="the sheet of an Excel file to read (default: the first)")
    parser.add_argument("--out", type=Path, metavar="PATH",
                        help="the plan file to write (default: CONTENT/plans/ID.yml)")
    parser.add_argument("--force", action="store_true",
                        help="replace the plan file when it exists (refused otherwise)")
    parser.add_argument("--dry-run", action="store_true",
                        help="print the plan file that would be written and, over an "
                             "existing one, what would change; write nothing")
    content_option(parser)
    parser.set_defaults(run=run)


def _title(args: argparse.Namespace) -> str | dict[str, str] | None:
    """--title, or with --title-in the title by language (--title's in the site's first)."""
    if not args.title_in:
        return args.title  # type: ignore[no-any-return]
    if args.title is None:
        raise PlanTrackerError("--title-in: give --title as well, the title in the site's "
                               "first language")
    return {site_languages(args.content)[0]: args.title, **dict(args.title_in)}


def run(args: argparse.Namespace) -> str:
    if not SLUG.fullmatch(args.plan):
        raise PlanTrackerError(f'--plan: expected lowercase letters, digits and hyphens, found '
                               f'"{args.plan}"')
    out: Path = args.out or args.content / "plans" / f"{args.plan}.yml"
    if not args.dry_run:
        _check_target(out, args)
    existing = Existing(out, args.content) if out.is_file() else None
    request = Request(args.plan, _title(args), args.format, args.map, args.content, existing,
                      _wordings(args), args.save_statuses, args.fix_refs)
    imported = _import(args, request)
    if args.dry_run:
        return _dry_run(out, imported, existing, args)
    try:
        write_atomic(out, imported.text)
    except OSError as error:
        raise PlanTrackerError(f"{out}: cannot write the plan file: "
                               f"{error.strerror or error}") from None
    return "\n".join(_summary(f"wrote {out}", imported, args))


def _wordings(args: argparse.Namespace) -> list[Wording]:
    """The wordings of --status and --confidence; every one that is not WORD=MEANING of its
    kind named in one error."""
    wordings: list[Wording] = []
    wrong: list[str] = []
    for flag, texts, meanings in (("--status", args.status, REPORTED_WORDS),
                                  ("--confidence", args.confidence, CONFIDENCES)):
        for text in texts:
            read = parse_mapping(text, meanings, flag)
            if isinstance(read, str):
                wrong.append(f"{flag}: {read}")
            else:
                wordings.append(read)
    if wrong:
        raise PlanTrackerError("\n".join(wrong))
    return wordings


def _import(args: argparse.Namespace, request: Request) -> Imported:
    """The plan the file holds: a JSON export, or a spreadsheet (with its "Plans" sheet)."""
    if args.file.suffix.lower() == ".json":
        if args.sheet:
            raise PlanTrackerError(f"{args.file}: --sheet applies to Excel files only")
        return import_json(read_json_export(args.file), request)
    return import_sheet(read_sheet(args.file, args.sheet, also=(PLANS_SHEET,)), request)


def _dry_run(out: Path, imported: Imported, existing: Existing | None,
             args: argparse.Namespace) -> str:
    """The summary and, over an existing plan file, what would change, as YAML comments;
    then the plan file."""
    lines = _summary(f"would {'replace' if existing else 'write'} {out}", imported, args)
    if existing is not None:
        if not args.force:
            lines.append(f"  {out} exists: give --force to replace it")
        lines.extend(f"  {line}" for line in _changes(existing, imported))
    return "\n".join(f"# {line}" for line in lines) + "\n" + imported.text.rstrip("\n")


def _changes(existing: Existing, imported: Imported) -> list[str]:
    if existing.plan is None or imported.plan is None:
        return [f"changes not listed: {existing.file} does not pass plantrack check"]
    return changes(existing.plan, imported.plan)


def _summary(done: str, imported: Imported, args: argparse.Namespace) -> list[str]:
    items = count(imported.items, "item")
    if imported.sections:
        items += f" ({imported.items + imported.sections} with sections)"
    return [f"{done}: {items} from {args.file}", *(f"  {line}" for line in imported.summary)]


def _check_target(out: Path, args: argparse.Namespace) -> None:
    """Refuse to replace a file without --force, or to give a second plan the same id."""
    if out.is_dir():
        raise PlanTrackerError(f"{out}: is a folder; --out names the plan file to write")
    if out.exists() and not args.force:
        raise PlanTrackerError(f"{out}: already exists; give --force to replace it, or --out "
                               f"to write another file")
    plans = args.content / "plans"
    if out.parent.resolve() != plans.resolve() or not plans.is_dir():
        return
    for other in sorted(plans.iterdir()):
        if other.suffix not in (".yml", ".yaml") or other.resolve() == out.resolve():
            continue
        data = read_yaml(other, str(other))[0].data
        if isinstance(data, dict) and data.get("id") == args.plan:
            raise PlanTrackerError(f'{other}: already holds the plan "{args.plan}"; choose '
                                   f"another --plan, or replace that file with --out {other} "
                                   f"--force")
