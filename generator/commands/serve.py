"""``plantrack serve``: preview the site on 127.0.0.1, rebuilt whenever the content changes.

The plantrack plugin asks MkDocs' live-reload server to watch the content folder; MkDocs
watches the hand-written pages and the config itself.
"""

from __future__ import annotations

import argparse
import errno
import socket
from pathlib import Path

from generator.commands.build import site_options
from generator.content.errors import PlanTrackerError
from generator.mkdocs.driver import serve_site

HOST = "127.0.0.1"


def add(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = commands.add_parser(
        "serve", help="preview the site, rebuilt when the content changes",
        description=f"Check the content, then serve the site on {HOST} (this computer only) and "
                    f"rebuild it whenever a file in the content folder, the pages or the config "
                    f"changes. Press Ctrl+C to stop.",
    )
    parser.add_argument("--port", default="8000", metavar="PORT",
                        help="the port to serve on (default: 8000)")
    site_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> str:
    port = _port(args.port)
    address = f"{HOST}:{port}"

    def announce(content: Path) -> None:
        _refuse_busy(port)
        print(f"serving the site from {content} at http://{address}/ (rebuilt when it "
              f"changes; press Ctrl+C to stop)", flush=True)

    serve_site(args.config, args.content, address, announce)
    return "stopped"


def _port(text: str) -> int:
    if text.isdigit() and 1 <= int(text) <= 65535:
        return int(text)
    raise PlanTrackerError(f'--port: expected a port number from 1 to 65535, found "{text}"')


def _refuse_busy(port: int) -> None:
    """Fail at once, in plain words, when the port cannot be used."""
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((HOST, port))
        except OSError as error:
            reason = ("another program is using it" if error.errno == errno.EADDRINUSE
                      else error.strerror)
            raise PlanTrackerError(f"cannot serve on {HOST}:{port}: {reason}; choose another "
                                   f"port with --port") from None
