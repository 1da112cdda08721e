"""``plantrack pages``: write the site as a project that builders without the plugin can build
(:mod:`generator.mkdocs.project`), or the generated Markdown pages alone."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from generator import render_site
from generator.commands.common import content_option, count
from generator.content.loading import load_site
from generator.files.atomic import discard, staging_folder, swap_in, write_atomic
from generator.mkdocs import project
from generator.mkdocs.values import whole_number


def add(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = commands.add_parser(
        "pages", help="write the site as Markdown for builders that cannot run the plugin",
        description="Write OUT/mkdocs.yml (the MkDocs config without the plantrack plugin, with "
                    "the site's nav), OUT/docs/ (every generated page and the hand-written pages "
                    "of the config's docs_dir) and OUT/overrides/ (the theme's custom_dir), so "
                    "that `zensical build` or a plain `mkdocs build` in OUT builds the site. "
                    "OUT is replaced only when everything is written.",
    )
    content_option(parser)
    parser.add_argument("--out", required=True, type=Path, help="folder to write to")
    parser.add_argument("--config", type=Path, default=Path(project.CONFIG), metavar="FILE",
                        help="the MkDocs config to start from (default: mkdocs.yml); the "
                             "plantrack plugin's as_of and search_words in it apply unless "
                             "given here")
    parser.add_argument("--markdown-only", action="store_true",
                        help="write only the generated Markdown pages and download files "
                             "into OUT, with no config, hand-written pages or overrides")
    parser.add_argument("--as-of", type=date.fromisoformat, default=None,
                        help="judge overdue against this date (YYYY-MM-DD)")
    parser.add_argument("--search-words", type=_positive, default=None, metavar="N",
                        help="index only N words of each item's own text (description "
                             "first) for search (the plugin's search_words option)")
    parser.set_defaults(run=run)


def _positive(text: str) -> int:
    try:
        return whole_number(int(text), 1)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number of 1 or more, found {text}") \
            from None


def run(args: argparse.Namespace) -> str:
    if args.markdown_only:
        return _markdown_only(args)
    source = project.read_config(args.config)
    as_of = args.as_of or source.as_of()
    search_words = args.search_words or source.search_words()
    site = load_site(args.content, as_of=as_of)
    pages = render_site(site, as_of, project.directory_urls(source), search_words,
                        source.rows_per_page())
    written = project.write_project(source, site, pages, args.out)
    overrides = f", {project.OVERRIDES}/" if written.overrides else ""
    return (f"wrote {count(written.generated, 'page')} and "
            f"{count(written.hand_written, 'hand-written file')} to {args.out / project.DOCS}, "
            f"with {project.CONFIG}{overrides}")


def _markdown_only(args: argparse.Namespace) -> str:
    pages = render_site(load_site(args.content, as_of=args.as_of), args.as_of,
                        search_words=args.search_words)
    staging = staging_folder(args.out)
    try:
        for path, text in pages.items():
            write_atomic(staging / path, text)
    except BaseException:
        discard(staging)
        raise
    swap_in(staging, args.out)
    return f"wrote {len(pages)} pages to {args.out}"
