"""``plantrack pages``: write the generated Markdown pages to a folder."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from generator import render_site
from generator.files.atomic import staging_folder, swap_in, write_atomic
from generator.content.loading import load_site
from generator.commands.common import content_option


def add(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = commands.add_parser(
        "pages", help="write the generated Markdown pages to a folder",
        description="Write every generated page as Markdown into OUT (for tools that cannot run "
                    "the MkDocs plugin). OUT is replaced only when all pages are written.",
    )
    content_option(parser)
    parser.add_argument("--out", required=True, type=Path, help="folder to write the pages to")
    parser.add_argument("--as-of", type=date.fromisoformat, default=None,
                        help="judge overdue against this date (YYYY-MM-DD)")
    parser.add_argument("--search-words", type=_positive, default=None, metavar="N",
                        help="index only N words of each item's own text (description "
                             "first) for search (the plugin's search_words option)")
    parser.set_defaults(run=run)


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of 1 or more, found {text}")
    return value


def run(args: argparse.Namespace) -> str:
    pages = render_site(load_site(args.content, as_of=args.as_of), args.as_of,
                        search_words=args.search_words)
    staging = staging_folder(args.out)
    for path, text in pages.items():
        write_atomic(staging / path, text)
    swap_in(staging, args.out)
    return f"wrote {len(pages)} pages to {args.out}"
