"""Page weight: bytes transferred and requests on a first (cold cache) load, in Chromium.

Builds the bundled site with ``site_url`` set to the address it is then served on (the same
helpers the browser tests use), opens the home page and a commitment page each in a fresh
profile, waits for the network to go quiet (the search index is fetched by Material's web
worker after load) and counts every response. Exits with status 1 if any request leaves
127.0.0.1: the site must load nothing from elsewhere (fonts, analytics, CDNs).

    .venv/bin/python bench/page_weight.py [--url http://127.0.0.1:PORT/]

With ``--url`` it measures a site you already serve instead of building one.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import sys
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser.conftest import (  # noqa: E402
    PAGES,
    built_and_served,
    launch_chromium,
    require_chromium,
)

MEASURED = {"home": PAGES["home"], "commitment": PAGES["commitment"]}
LOCAL_HOSTS = {"127.0.0.1"}


def measure(browser, url: str) -> dict:  # noqa: ANN001 (Playwright browser)
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    requests: list = []
    finished: list = []
    failed: list = []
    # Context-wide, so requests made by Material's search worker count too.
    context.on("request", lambda request: requests.append(request))
    context.on("requestfinished", lambda request: finished.append(request))
    context.on("requestfailed", lambda request: failed.append(request))
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)  # let a late worker fetch land
    by_type: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    total = gzipped = 0
    rows = []
    for request in finished:
        sizes = request.sizes()
        size = sizes["responseBodySize"] + sizes["responseHeadersSize"]
        total += size
        by_type[request.resource_type][0] += 1
        by_type[request.resource_type][1] += size
        rows.append((size, request.resource_type, request.url))
        # Served uncompressed (--plain): estimate what a gzip-serving host would send.
        response = request.response()
        body = response.body() if response is not None else b""
        encoded = response is not None and response.headers.get("content-encoding") == "gzip"
        gzipped += size if encoded else (
            sizes["responseHeadersSize"] + min(len(body), len(gzip.compress(body, 6))))
    outside = sorted({r.url for r in requests if urlsplit(r.url).hostname not in LOCAL_HOSTS
                      and urlsplit(r.url).scheme not in ("data", "blob")})
    context.close()
    return {"requests": len(requests), "finished": len(finished), "failed": [r.url for r in failed],
            "bytes": total, "gzipped": gzipped, "by_type": dict(by_type), "rows": sorted(rows, reverse=True),
            "outside": outside}


def report(name: str, url: str, result: dict) -> None:
    print(f"\n{name}: {url}")
    estimate = (f"; about {result['gzipped']:,} bytes if the host gzips"
                if result["gzipped"] < result["bytes"] else "")
    print(f"  {result['requests']} requests, {result['bytes']:,} bytes transferred "
          f"({result['bytes'] / 1024:.1f} KiB, headers included{estimate})")
    for kind, (count, size) in sorted(result["by_type"].items(), key=lambda kv: -kv[1][1]):
        print(f"    {kind:<11} {count:>3} requests {size:>10,} bytes")
    print("  largest:")
    for size, kind, address in result["rows"][:6]:
        print(f"    {size:>10,}  {kind:<10} {urlsplit(address).path}")
    if result["failed"]:
        print(f"  failed requests: {result['failed']}")
    print("  requests leaving 127.0.0.1: " + (", ".join(result["outside"]) or "none"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", help="measure an already served site (ends with /)")
    parser.add_argument("--plain", action="store_true",
                        help="serve without gzip (by default text is gzipped, as hosts do)")
    args = parser.parse_args(argv)
    require_chromium_or_exit()
    from playwright.sync_api import sync_playwright

    with (contextlib.nullcontext(None) if args.url else built_and_served(gzip=not args.plain)) as site:
        base = args.url or site.url
        outside = []
        with sync_playwright() as playwright:
            browser = launch_chromium(playwright)
            try:
                for name, path in MEASURED.items():
                    result = measure(browser, base + path)
                    report(name, base + path, result)
                    outside += result["outside"]
                    if result["failed"]:
                        outside += [f"(failed) {u}" for u in result["failed"]]
            finally:
                browser.close()
    if outside:
        print(f"\nFAIL: {len(outside)} request(s) left 127.0.0.1 or failed", file=sys.stderr)
        return 1
    print("\nOK: every request stayed on 127.0.0.1")
    return 0


def require_chromium_or_exit() -> None:
    try:
        require_chromium()
    except BaseException as error:  # pytest.fail raises an exception outside pytest too
        print(error, file=sys.stderr)
        raise SystemExit(2) from None


if __name__ == "__main__":
    raise SystemExit(main())
