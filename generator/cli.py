"""The ``plantrack`` command: check a council's content, or write its pages to a folder.

Errors in the content are printed as a list grouped by file, never as a traceback.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import date
from pathlib import Path

from . import render_site
from .errors import PlanTrackerError
from .loader import load_site
from .progress import counted


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="plantrack", description="Publish a council's plans as a searchable site."
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    check = commands.add_parser(
        "check", help="check the content and list every problem",
        description="Check every file in the content folder; list every problem with its file, "
                    "line and field. Exit status 1 when there is any problem.",
    )
    _content_option(check)
    pages = commands.add_parser(
        "pages", help="write the generated Markdown pages to a folder",
        description="Write every generated page as Markdown into OUT (for tools that cannot run "
                    "the MkDocs plugin). OUT is replaced only when all pages are written.",
    )
    _content_option(pages)
    pages.add_argument("--out", required=True, type=Path, help="folder to write the pages to")
    pages.add_argument("--as-of", type=date.fromisoformat, default=None,
                       help="judge overdue against this date (YYYY-MM-DD)")
    return parser


def _content_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--content", type=Path, default=Path("content"),
                        help="the folder holding site.yml, plans/ and decisions/ "
                             "(default: content)")


def check(content: Path) -> str:
    site = load_site(content)
    items = [item for plan in site.plans for item in plan.walk()]
    return (f"{content}: {_count(len(site.plans), 'plan')}, "
            f"{_count(len(counted(items)), 'item')} ({len(items)} with sections), "
            f"{_count(len(site.decisions), 'decision record')}: no problems found")


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def write_pages(content: Path, out: Path, as_of: date | None) -> str:
    pages = render_site(load_site(content), as_of)
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".plantrack-", dir=out.parent))
    for path, text in pages.items():
        target = staging / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    if out.exists():
        old = out.with_name(out.name + ".old")
        out.rename(old)
        staging.rename(out)
        _remove(old)
    else:
        staging.rename(out)
    return f"wrote {len(pages)} pages to {out}"


def _remove(folder: Path) -> None:
    for path in sorted(folder.rglob("*"), reverse=True):
        path.rmdir() if path.is_dir() else path.unlink()
    folder.rmdir()


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "check":
            print(check(args.content))
        else:
            print(write_pages(args.content, args.out, args.as_of))
    except PlanTrackerError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
