"""Time the core alone (load and check, then render Markdown) on one content folder.

Run in a fresh process by ``bench/run.py`` so that no cache from an earlier size helps; prints
one line of JSON: seconds to load, seconds to render, CPU seconds of both, pages rendered.

    .venv/bin/python bench/core.py CONTENT [--search-words N] [--profile FILE]

With ``--profile`` it also writes cProfile statistics of the whole run to FILE.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator import (
    load_site,
    render_site,  # noqa: E402
)


def time_core(content: Path, search_words: int | None = None) -> dict[str, float | int]:
    """Seconds (wall clock) to load and to render, CPU seconds of both, pages rendered."""
    cpu = time.process_time()
    started = time.perf_counter()
    site = load_site(content)
    loaded = time.perf_counter()
    pages = render_site(site, search_words=search_words)
    rendered = time.perf_counter()
    return {"load_s": loaded - started, "render_s": rendered - loaded,
            "cpu_s": time.process_time() - cpu, "pages": len(pages)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("content", type=Path)
    parser.add_argument("--profile", type=Path, help="write cProfile statistics here")
    parser.add_argument("--search-words", type=int, default=None,
                        help="the plugin's search_words option (as in mkdocs.yml)")
    args = parser.parse_args(argv)
    if args.profile:
        profiler = cProfile.Profile()
        result = profiler.runcall(time_core, args.content, args.search_words)
        profiler.dump_stats(str(args.profile))
    else:
        result = time_core(args.content, args.search_words)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
