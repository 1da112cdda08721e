"""``plantrack check``: check every file and list every problem."""

from __future__ import annotations

import argparse

from generator.commands.common import content_option, count
from generator.content.loading import load_site
from generator.content.rules import counted


def add(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = commands.add_parser(
        "check", help="check the content and list every problem",
        description="Check every file in the content folder; list every problem with its file, "
                    "line and field. Exit status 1 when there is any problem.",
    )
    content_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> str:
    site = load_site(args.content)
    items = [item for plan in site.plans for item in plan.walk()]
    return (f"{args.content}: {count(len(site.plans), 'plan')}, "
            f"{count(len(counted(items)), 'item')} ({len(items)} with sections), "
            f"{count(len(site.decisions), 'decision record')}: no problems found")
