"""Options and wording shared by the commands."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from generator.content.dates import ImpossibleDate, parse_iso_date
from generator.content.errors import count

__all__ = ["content_option", "count", "read_date", "relayout_option"]


def content_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--content", type=Path, default=Path("content"),
                        help="the folder holding site.yml, plans/ and decisions/ "
                             "(default: content)")


def relayout_option(parser: argparse.ArgumentParser) -> None:
    """--relayout, for the commands that edit a plan file in place."""
    parser.add_argument("--relayout", action="store_true",
                        help="when the YAML writer cannot keep the layout of other lines (text "
                             "wrapped by another program), let it lay them out anew; their "
                             "data stays the same")


def read_date(option: str, text: str, problems: list[str],
              today: date | None = None) -> date | None:
    """An option's date, YYYY-MM-DD; None (and a problem) when it is not one, or is after
    ``today`` when that is given."""
    try:
        day = parse_iso_date(text)
    except ImpossibleDate:
        problems.append(f'{option}: expected a real calendar date, found "{text}"')
    except ValueError:
        problems.append(f'{option}: expected a date as YYYY-MM-DD, found "{text}"')
    else:
        if today is None or day <= today:
            return day
        problems.append(f'{option}: expected a date on or before today ({today.isoformat()}), '
                        f'found "{text}": progress cannot be reported before it happens')
    return None
