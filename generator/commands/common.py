"""Options and wording shared by the commands."""

from __future__ import annotations

import argparse
from pathlib import Path

from generator.content.errors import count

__all__ = ["content_option", "count"]


def content_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--content", type=Path, default=Path("content"),
                        help="the folder holding site.yml, plans/ and decisions/ "
                             "(default: content)")
