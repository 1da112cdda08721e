"""The ``plantrack`` command. Each sub-command lives in ``generator/commands/``.

Errors are printed as one screen of text, never as a traceback, and the exit status is 1.
"""

from __future__ import annotations

import argparse
import os
import sys

from generator.commands import build, check, export, import_, pages, round_, serve, update
from generator.content.errors import PlanTrackerError

COMMANDS = (check, pages, export, update, round_, build, serve, import_)


def parser() -> argparse.ArgumentParser:
    main_parser = argparse.ArgumentParser(
        prog="plantrack", description="Publish a council's plans as a searchable site."
    )
    commands = main_parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for command in COMMANDS:
        command.add(commands)
    return main_parser


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        output = args.run(args)
        if output:
            print(output, flush=True)
    except PlanTrackerError as error:
        print(error, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("stopped", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader (such as `head`) closed the pipe: stop quietly, as Unix tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
