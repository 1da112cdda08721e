"""A static file server that compresses text with gzip, as a real host or CDN does.

Used by the page-weight and Lighthouse reports to measure what residents download from a
normal host; the browser tests use plain ``http.server``. Same command line and banner as
``python -m http.server``: ``gzip_server.py --bind 127.0.0.1 --directory DIR PORT``.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import os
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

TEXT_TYPES = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".map")


class GzipHandler(SimpleHTTPRequestHandler):
    cache: dict[str, bytes] = {}

    def do_GET(self) -> None:  # noqa: N802 (the standard library's name)
        path = self.translate_path(self.path)
        if os.path.isdir(path) and self.path.split("?")[0].endswith("/"):
            path = os.path.join(path, "index.html")
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.endswith(TEXT_TYPES) and os.path.isfile(path)):
            super().do_GET()
            return
        if path not in self.cache:
            with open(path, "rb") as file:
                self.cache[path] = gzip.compress(file.read(), compresslevel=6)
        body = self.cache[path]
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--bind", default="127.0.0.1")
    parser.add_argument("--directory", default=os.getcwd())
    parser.add_argument("port", type=int, nargs="?", default=0)
    args = parser.parse_args()
    handler = functools.partial(GzipHandler, directory=args.directory)
    with ThreadingHTTPServer((args.bind, args.port), handler) as server:
        host, port = server.server_address[:2]
        print(f"Serving HTTP on {host} port {port} (http://{host}:{port}/) ...", flush=True)
        server.serve_forever()


if __name__ == "__main__":
    main()
