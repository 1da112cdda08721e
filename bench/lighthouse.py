"""Lighthouse scores (performance, accessibility, best practices, SEO) for the built site.

Builds and serves the bundled site the way the browser tests do, then runs Lighthouse from npm
with Debian's Chromium on the home page and a commitment page, mobile and desktop, and prints
the four scores. JSON reports go to ``bench/out/lighthouse/`` (gitignored).

Lighthouse is installed on first use with ``npm install --prefix bench/out/node lighthouse``
(or give ``--prefix DIR`` for an existing install). Nothing else is downloaded: Chromium is
``/usr/bin/chromium`` (``CHROME_PATH``).

    .venv/bin/python bench/lighthouse.py [--prefix DIR] [--url http://127.0.0.1:PORT/]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser.conftest import CHROMIUM, PAGES, built_and_served  # noqa: E402

OUT = ROOT / "bench" / "out"
LIGHTHOUSE_SPEC = "lighthouse@13"
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
MEASURED = {"home": PAGES["home"], "commitment": PAGES["commitment"]}


def lighthouse_binary(prefix: Path) -> Path:
    binary = prefix / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        print(f"installing {LIGHTHOUSE_SPEC} into {prefix} ...", flush=True)
        prefix.mkdir(parents=True, exist_ok=True)
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--prefix", str(prefix),
                        LIGHTHOUSE_SPEC], check=True)
    return binary


def run_lighthouse(binary: Path, url: str, form: str, report: Path) -> dict[str, float]:
    command = [str(binary), url, "--output=json", f"--output-path={report}", "--quiet",
               f"--chrome-flags={CHROME_FLAGS}",
               "--only-categories=" + ",".join(CATEGORIES)]
    if form == "desktop":
        command.append("--preset=desktop")
    env = {**os.environ, "CHROME_PATH": str(CHROMIUM)}
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    if result.returncode != 0 or not report.exists():
        raise RuntimeError(f"lighthouse failed on {url} ({form}):\n{result.stderr[-3000:]}")
    data = json.loads(report.read_text(encoding="utf-8"))
    scores = {name: data["categories"][name]["score"] for name in CATEGORIES}
    if data.get("runtimeError"):
        raise RuntimeError(f"lighthouse runtime error on {url}: {data['runtimeError']}")
    return scores


def failing_audits(report: Path, limit: int = 6) -> list[str]:
    """The audits that cost points, to explain a score below 100."""
    data = json.loads(report.read_text(encoding="utf-8"))
    found = []
    for category in CATEGORIES:
        for ref in data["categories"][category]["auditRefs"]:
            audit = data["audits"][ref["id"]]
            if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 0.9:
                found.append(f"{category}: {ref['id']} ({audit['score']:.2f}) "
                             f"{audit.get('displayValue', '')}".rstrip())
    return found[:limit]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--prefix", type=Path, default=OUT / "node",
                        help="npm prefix holding (or to hold) lighthouse")
    parser.add_argument("--url", help="measure an already served site (ends with /)")
    parser.add_argument("--plain", action="store_true",
                        help="serve without gzip (by default text is gzipped, as hosts do)")
    args = parser.parse_args(argv)
    if not CHROMIUM.exists():
        print(f"Chromium not found at {CHROMIUM}", file=sys.stderr)
        return 2
    binary = lighthouse_binary(args.prefix)
    reports = OUT / "lighthouse"
    reports.mkdir(parents=True, exist_ok=True)

    rows = []
    with (contextlib.nullcontext(None) if args.url else built_and_served(gzip=not args.plain)) as site:
        base = args.url or site.url
        for name, path in MEASURED.items():
            for form in ("mobile", "desktop"):
                report = reports / f"{name}-{form}.json"
                started = time.monotonic()
                scores = run_lighthouse(binary, base + path, form, report)
                rows.append((name, form, scores, time.monotonic() - started, report))

    print(f"\n{'page':<11} {'form':<8} " + " ".join(f"{c:>14}" for c in CATEGORIES) + "   time")
    for name, form, scores, seconds, report in rows:
        cells = " ".join(f"{round(scores[c] * 100) if scores[c] is not None else '-':>14}"
                         for c in CATEGORIES)
        print(f"{name:<11} {form:<8} {cells}  {seconds:4.1f}s")
    for name, form, scores, _, report in rows:
        for line in failing_audits(report):
            print(f"  {name} {form}: {line}")
    print(f"\nJSON reports in {reports}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
