"""The scale benchmark, in one command: synthetic content of N items, built and measured.

For each size (by default 1,000, 2,000 and 10,000 items) it writes synthetic content in the
project's own format (bench/synthetic.py) and measures:

1. the core alone (load and check, render Markdown), in a fresh process;
2. the full ``mkdocs build --strict`` with the project's mkdocs.yml and plugin;
3. the baselines: bare MkDocs + Material building the same Markdown (``plantrack pages``) from a
   plain docs folder, same mkdocs.yml minus the plugin, same nav, same pages out of the nav;
   and bare MkDocs + Material building as many simple one-screen pages (a heading, a short
   table, about 200 words): what MkDocs costs for a site of that many pages; and Hugo
   (Debian's package, when installed) building those simple pages with a minimal template,
   the reference for what a compiled generator does on this machine;
4. peak memory of each build, total site size, HTML bytes per item page, the largest page
   (and the largest as it would be with full lists: every list at ROWS_PER_PAGE rows, the
   most a list page holds), search index bytes;
5. at one size (1,000), the rebuild after one item's status changes: ``plantrack update``, then
   ``plantrack build`` (which writes only the changed pages), checked against a full build;
6. in Chromium, the time from opening the home page until a typed query shows results.

It prints a table, checks the targets, and writes JSON to bench/out/ (gitignored): a dated
file and latest.json, with latest.md holding the Markdown table. ``--docs`` also copies that
table into docs/benchmarks.md.

    .venv/bin/python bench/run.py                    # 1,000, 2,000 and 10,000 (minutes)
    .venv/bin/python bench/run.py --sizes 50 --rebuild-at 50 --no-search   # smoke run
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shlex
import shutil
import sys
import time
from dataclasses import asdict
from datetime import datetime, timezone
from importlib.metadata import version
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

import builds  # noqa: E402
import report  # noqa: E402
from builds import ROOT  # noqa: E402
from search_time import QUERY  # noqa: E402
from synthetic import write_content  # noqa: E402


def measure_size(items: int, args: argparse.Namespace) -> dict[str, Any]:
    """Every figure for one size; the work folder is removed afterwards unless --keep."""
    from tests.browser.conftest import serve_directory

    work = args.out / "work" / f"n{items}"
    shutil.rmtree(work, ignore_errors=True)
    content, site_dir = work / "content", work / "site"
    say(f"n={items}: writing synthetic content")
    shape = write_content(content, items, args.seed, args.plans, args.sections)
    result: dict[str, Any] = {"items": items, "plans": shape.plans,
                              "sections": shape.plans * shape.sections,
                              "load_average": [os.getloadavg()[0]]}
    say(f"n={items}: core")
    timings, core_run = builds.core(content)
    core_s = timings["load_s"] + timings["render_s"]
    result["core"] = {**timings, "total_s": core_s, "items_per_s": items / timings["cpu_s"],
                      "peak_rss": core_run.peak_rss}
    with serve_directory(site_dir) as url:
        say(f"n={items}: mkdocs build with the plugin")
        settings = builds.plugin_settings(content, site_dir, url, args.feature)
        build = builds.mkdocs_build(settings)
        result["build"] = run_figures(build, items)
        result["site"] = asdict(builds.site_figures(site_dir))
        if args.search:
            say(f"n={items}: search in Chromium ({args.search_runs} runs)")
            from search_time import time_search

            result["search"] = asdict(time_search(url, QUERY, args.search_runs))
        say(f"n={items}: baseline (bare MkDocs + Material)")
        docs = work / "baseline-docs"
        pages = builds.write_baseline_docs(content, docs)
        baseline = builds.mkdocs_build(
            builds.baseline_settings(content, docs, work / "baseline-site", url, args.feature))
        result["baseline"] = {**run_figures(baseline, items), "pages_command_s": pages.seconds}
        result["baseline_site"] = asdict(builds.site_figures(work / "baseline-site"))
        count = builds.html_pages(site_dir)
        say(f"n={items}: bare MkDocs + Material on {count:,} simple pages")
        simple = builds.simple_pages_build(work / "simple", count, url)
        result["simple"] = {**run_figures(simple, items), "pages": count}
        hugo = builds.hugo_simple_pages(work / "simple", count)
        if hugo is not None:
            say(f"n={items}: Hugo on the same {count:,} simple pages")
            result["hugo"] = run_figures(hugo, items)
        if items == args.rebuild_at:
            result["rebuild"] = rebuild(content, site_dir, settings)
    result["load_average"].append(os.getloadavg()[0])
    result["ratio"] = result["build"]["cpu_s"] / result["baseline"]["cpu_s"]
    result["ratio_wall"] = result["build"]["seconds"] / result["baseline"]["seconds"]
    result["ratio_simple"] = result["build"]["cpu_s"] / result["simple"]["cpu_s"]
    result["core_share"] = result["core"]["cpu_s"] / result["build"]["cpu_s"]
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return result


def run_figures(run: builds.Measured, items: int) -> dict[str, float]:
    return {"seconds": run.seconds, "cpu_s": run.cpu_s, "items_per_s": items / run.cpu_s,
            "peak_rss": run.peak_rss}


def rebuild(content: Path, site_dir: Path, settings: dict[str, Any]) -> dict[str, Any]:
    """The communications team's round: ``plantrack update`` changes one item's status, then
    ``plantrack build`` writes only the pages that changed into the site built above. The
    site is checked to show the change and to be, byte for byte, what a full build gives."""
    from rebuild import PLAN, update_one_item

    say("rebuild after one update")
    update, method = update_one_item(content)
    build = builds.plantrack_build(settings)
    page = (site_dir / "plans" / PLAN / "1-01" / "index.html").read_text(encoding="utf-8")
    say("full build of the updated content, to compare")
    full_dir = site_dir.with_name("site-full")
    full = builds.mkdocs_build({**settings, "site_dir": str(full_dir)})
    differing = builds.differing_files(site_dir, full_dir)
    shutil.rmtree(full_dir, ignore_errors=True)
    return {"method": method, "update_s": update.seconds, "build_s": build.seconds,
            "total_s": update.seconds + build.seconds, "update_cpu_s": update.cpu_s,
            "build_cpu_s": build.cpu_s, "total_cpu_s": update.cpu_s + build.cpu_s,
            **_pages_written(build.output), "full_build_cpu_s": full.cpu_s,
            "page_shows_change": "Benchmark:" in page, "differs_from_full_build": differing}


def _pages_written(output: str) -> dict[str, int]:
    """The page counts from plantrack build's last line ("rebuilt N of M pages ...")."""
    found = re.search(r"rebuilt (\d+) of (\d+) pages", output)
    if found is None:
        raise RuntimeError(f"plantrack build did not rebuild only some pages:\n{output}")
    return {"pages_written": int(found.group(1)), "pages": int(found.group(2))}


def say(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def machine() -> dict[str, Any]:
    return {
        "platform": platform.platform(), "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "mkdocs": version("mkdocs"), "mkdocs-material": version("mkdocs-material"),
        "markdown": version("markdown"), "jinja2": version("jinja2"),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 2000, 10000])
    parser.add_argument("--rebuild-at", type=int, default=1000,
                        help="the size at which to time the rebuild after one update")
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--plans", type=int, default=None,
                        help="plans in the site (default: items/100, at most 10)")
    parser.add_argument("--sections", type=int, default=5, help="sections per plan")
    parser.add_argument("--feature", action="append", default=[], metavar="NAME",
                        help="add a Material theme feature to both builds (e.g. navigation.prune)")
    parser.add_argument("--no-search", dest="search", action="store_false",
                        help="skip the search timing in Chromium")
    parser.add_argument("--search-runs", type=int, default=3)
    parser.add_argument("--out", type=Path, default=BENCH / "out")
    parser.add_argument("--keep", action="store_true", help="keep the content and sites built")
    parser.add_argument("--docs", nargs="?", const="table", metavar="NAME",
                        help="copy the table into docs/benchmarks.md, between its "
                             "<!-- bench:NAME:start/end --> markers (NAME: table)")
    args = parser.parse_args(argv)
    args.out = args.out.resolve()
    args.out.mkdir(parents=True, exist_ok=True)
    command = ".venv/bin/python bench/run.py " + shlex.join(argv or sys.argv[1:])
    started = datetime.now(timezone.utc)
    sizes = {str(n): measure_size(n, args) for n in sorted(set(args.sizes))}
    data = {"command": command.strip(), "date": started.isoformat(timespec="seconds"),
            "seed": args.seed, "query": QUERY, "features_added": args.feature,
            "machine": machine(), "sizes": sizes}
    data["targets"] = report.targets(data)
    print(report.text_table(data))
    stamp = started.strftime("%Y%m%d-%H%M%S")
    for name in (f"bench-{stamp}.json", "latest.json"):
        (args.out / name).write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    markdown = report.markdown(data)
    (args.out / "latest.md").write_text(markdown, encoding="utf-8")
    if args.docs:
        report.update_docs(ROOT / "docs" / "benchmarks.md", markdown, args.docs)
    print(f"\nJSON in {args.out / 'latest.json'}; table in {args.out / 'latest.md'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
