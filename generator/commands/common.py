"""Options and wording shared by the commands."""

from __future__ import annotations

import argparse
from pathlib import Path


def content_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--content", type=Path, default=Path("content"),
                        help="the folder holding site.yml, plans/ and decisions/ "
                             "(default: content)")


def count(number: int, noun: str) -> str:
    """``1 plan``, ``2 plans``."""
    return f"{number} {noun}{'' if number == 1 else 's'}"
