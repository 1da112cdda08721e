"""``plantrack serve``: preview the site on 127.0.0.1, rebuilt whenever the content changes.

The plantrack plugin asks MkDocs' live-reload server to watch the content folder; MkDocs
watches the hand-written pages and the config itself.
"""

from __future__ import annotations

import argparse
import copy
import errno
import logging
import socket
import sys
from pathlib import Path
from typing import Any

from mkdocs.commands.serve import serve
from mkdocs.exceptions import MkDocsException
from mkdocs.utils.yaml import yaml_load

from generator.content.errors import PlanTrackerError
from generator.content.loading import load_site
from generator.commands.build import PLUGIN, mkdocs_messages, site_config, site_options, use_content

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
    with mkdocs_messages(sys.stderr, logging.INFO):
        config = site_config(args.config, dev_addr=address)
        content = use_content(config, args.content)
        load_site(content)
        _refuse_busy(port)
        overrides: dict[str, Any] = {"dev_addr": address}
        if args.content is not None:
            overrides["plugins"] = _plugins_reading(args.config, args.content.resolve())
        print(f"serving the site from {content} at http://{address}/ (rebuilt when it "
              f"changes; press Ctrl+C to stop)", flush=True)
        try:
            serve(str(args.config), livereload=True, **overrides)
        except KeyboardInterrupt:
            pass
        except MkDocsException as error:
            raise PlanTrackerError(f"the site could not be served: {error}") from None
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


def _plugins_reading(config_file: Path, content: Path) -> _Fresh:
    """The config's plugins, with the plantrack plugin reading ``content``. MkDocs serve loads
    the config again on every rebuild, so the folder is given as an override it keeps."""
    with config_file.open("rb") as file:
        listed = (yaml_load(file) or {}).get("plugins", [])
    plugins = _Fresh()
    for entry in listed.items() if isinstance(listed, dict) else listed:
        name, options = entry if isinstance(entry, tuple) else \
            next(iter(entry.items())) if isinstance(entry, dict) else (entry, {})
        plugins[name] = options or {}
    plugins[PLUGIN] = {**plugins.get(PLUGIN, {}), "content": str(content)}
    return plugins


class _Fresh(dict):  # type: ignore[type-arg]
    """Plugin settings that read as fresh copies each time: MkDocs takes options out of the
    settings it validates, and serve passes the same settings again on every rebuild."""

    def items(self) -> list[tuple[Any, Any]]:  # type: ignore[override]
        return [(name, copy.deepcopy(options)) for name, options in super().items()]
