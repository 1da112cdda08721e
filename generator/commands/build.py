"""``plantrack build``: check the content, build the site beside the old one, then swap it in.

MkDocs builds into a staging folder next to OUT; only a build that finishes replaces OUT, so a
failed build leaves the published site as it was (a killed one leaves its staging folder, which
the next build removes: :mod:`generator.files.atomic`). The site gets the modes ``mkdocs
build`` gives it (folders 755 and files 644 under the usual umask), so a web server can read
it. Like ``make site`` the build is strict: a MkDocs warning (a broken link in a hand-written
page, say) fails it.

When OUT holds a site built before, the staging folder starts as hard links to its files and
only the pages whose inputs changed are written again, as new files (:mod:`generator.mkdocs.stamps`); ``--full``
writes every page. The work is :mod:`generator.mkdocs.driver`'s.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from generator.mkdocs.driver import build_site


def add(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = commands.add_parser(
        "build", help="check the content and build the site",
        description="Check the content (every problem is listed), then build the site with "
                    "MkDocs into a staging folder beside OUT and swap it into place. A failed "
                    "build leaves the previous site untouched. MkDocs warnings fail the build.",
    )
    parser.add_argument("--out", type=Path, metavar="DIR",
                        help="the folder to build the site into (default: site_dir in the config)")
    parser.add_argument("--full", action="store_true",
                        help="write every page (default: keep the pages of the site in DIR "
                             "whose inputs have not changed)")
    site_options(parser)
    parser.set_defaults(run=run)


def site_options(parser: argparse.ArgumentParser) -> None:
    """``--config`` and ``--content``, shared with ``plantrack serve``."""
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"), metavar="FILE",
                        help="the MkDocs configuration (default: mkdocs.yml)")
    parser.add_argument("--content", type=Path, metavar="DIR",
                        help="the folder holding site.yml, plans/ and decisions/ (default: the "
                             "plantrack plugin's content setting in the config, content)")


def run(args: argparse.Namespace) -> str:
    built = build_site(args.config, args.out, args.content, args.full)
    plans = f"({built.plans} plan{'s' if built.plans != 1 else ''})"
    if built.written == built.total:
        return f"built {built.written} pages into {built.out} from {built.content} {plans}"
    return (f"rebuilt {built.written} of {built.total} pages into {built.out} from "
            f"{built.content} {plans}; the other {built.total - built.written} had not changed")
