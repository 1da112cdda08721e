"""What handing the core's HTML past Python-Markdown saves: the same synthetic site built with
the plugin as shipped, and with Markdown parsing every HTML block again, side by side in one
run (CPU seconds of each ``mkdocs build --strict`` subprocess, best of ``--runs``).

    .venv/bin/python bench/passthrough.py [--items 2000] [--runs 1]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

import builds  # noqa: E402
import synthetic  # noqa: E402

PARSING = ("from generator.mkdocs.plugin import PlanTrackerPlugin; "
           "PlanTrackerPlugin.pass_html_through = False; "
           "from mkdocs.__main__ import cli; cli()")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="plantrack-passthrough-"))
    try:
        synthetic.write_content(work / "content", args.items)
        settings = builds.plugin_settings(work / "content", work / "site",
                                          "https://plans.example.org/")
        best: dict[str, float] = {}
        for _ in range(args.runs):
            with builds.config_file(settings) as config:
                for name, command in (
                        ("HTML handed past Markdown (shipped)",
                         [sys.executable, "-m", "mkdocs"]),
                        ("Markdown parsing every HTML block", [sys.executable, "-c", PARSING])):
                    run = builds.measured([*command, "build", "--strict", "--quiet", "-f",
                                           str(config)]).check(name)
                    best[name] = min(best.get(name, run.cpu_s), run.cpu_s)
        for name, cpu in best.items():
            print(f"{name:<40} {cpu:>7.2f} s CPU")
        shipped, parsing = best.values()
        print(f"saved: {parsing - shipped:.2f} s ({100 * (1 - shipped / parsing):.0f}%) "
              f"at {args.items:,} items")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
