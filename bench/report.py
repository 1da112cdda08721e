"""The benchmark's figures as tables (terminal and Markdown), and the targets they must meet.

Sizes are decimal: 1 KB = 1,000 bytes, 1 MB = 1,000,000 bytes (the stricter reading of the
targets). Times are judged on CPU seconds (user + system) of each process, which equal
wall-clock seconds for these single-threaded builds on an idle machine and stay steady when
other work shares it; wall-clock seconds are shown beside them.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable
from pathlib import Path
from typing import Any

Size = dict[str, Any]


def _kb(n: float) -> str:
    return f"{n / 1000:,.1f} KB"


def _mb(n: float) -> str:
    return f"{n / 1e6:,.0f} MB"


def _s(n: float) -> str:
    return f"{n:,.2f} s"


def _search(s: Size) -> str:
    found = s.get("search")
    if not found:
        return "-"
    times = found["from_navigation"]
    return f"{statistics.median(times):.2f} s ({min(times):.2f}-{max(times):.2f})"


def _rebuild(s: Size) -> str:
    r = s.get("rebuild")
    if not r:
        return "-"
    return (f"{r['total_cpu_s']:.2f} s ({r['update_cpu_s']:.2f} update + "
            f"{r['build_cpu_s']:.2f} build); wall {r['total_s']:.2f} s")


def _cpu(run: dict[str, float]) -> str:
    return f"{run['cpu_s']:,.2f} s (wall {run['seconds']:,.2f} s)"


ROWS: list[tuple[str, Callable[[Size], str]]] = [
    ("items (+ sections), plans", lambda s: f"{s['items']:,} (+{s['sections']}), {s['plans']}"),
    ("files rendered by the core (pages, downloads)", lambda s: f"{s['core']['pages']:,}"),
    ("(1) core: load + check", lambda s: _s(s["core"]["load_s"])),
    ("(1) core: render", lambda s: _s(s["core"]["render_s"])),
    ("(1) core: CPU total, items/s", lambda s: f"{_s(s['core']['cpu_s'])}, "
                                              f"{s['core']['items_per_s']:,.0f}/s"),
    ("(2) mkdocs build with plugin: CPU", lambda s: _cpu(s["build"])),
    ("(2) items per CPU second", lambda s: f"{s['build']['items_per_s']:,.0f}/s"),
    ("(3) baseline, bare MkDocs + Material: CPU", lambda s: _cpu(s["baseline"])),
    ("ratio (2)/(3)", lambda s: f"{s['ratio']:.2f} (wall {s['ratio_wall']:.2f})"),
    ("(3b) bare MkDocs + Material, as many simple pages: CPU",
     lambda s: _cpu(s["simple"]) if s.get("simple") else "-"),
    ("ratio (2)/(3b)", lambda s: f"{s['ratio_simple']:.2f}" if s.get("simple") else "-"),
    ("(3c) Hugo, the same simple pages: CPU",
     lambda s: _cpu(s["hugo"]) if s.get("hugo") else "- (hugo not installed)"),
    ("core share of (2)", lambda s: f"{100 * s['core_share']:.1f}%"),
    ("(4) peak memory: (2) / (3)", lambda s: f"{_mb(s['build']['peak_rss'])} / "
                                             f"{_mb(s['baseline']['peak_rss'])}"),
    ("(4) site size, files", lambda s: f"{_mb(s['site']['total_bytes'])}, {s['site']['files']:,}"),
    ("(4) item page HTML: average (largest)", lambda s: f"{_kb(s['site']['item_page_avg'])} "
                                                        f"({_kb(s['site']['item_page_max'])})"),
    ("(4) plan page HTML: average", lambda s: _kb(s["site"]["plan_page_avg"])),
    ("(4) largest page HTML", lambda s: f"{_kb(s['site']['page_max'])} "
                                        f"({s['site']['page_max_path']})"),
    ("(4) largest page with full lists", lambda s: f"{_kb(s['site']['page_full_max'])} "
                                                   f"({s['site']['page_full_max_path']})"),
    ("(4) search_index.json (gzipped)", lambda s: f"{_kb(s['site']['search_index'])} "
                                                  f"({_kb(s['site']['search_index_gzip'])})"),
    ("(4) search index per item", lambda s: f"{s['site']['search_index'] / s['items']:,.0f} B"),
    ("(5) rebuild after one update", _rebuild),
    ("(6) search: page opened to first result, median (range)", _search),
    ("machine load average, start to end", lambda s: " to ".join(f"{x:.1f}" for x in
                                                                s["load_average"])),
]


PAGE_BUDGET = 250_000
"""The most HTML one page may weigh, at any size of site."""


def _target(name: str, at: str, value: float, limit: float, shown: str,
            wanted: str) -> dict[str, Any]:
    return {"target": name, "at": at, "value": value, "limit": limit, "shown": shown,
            "wanted": wanted, "met": value <= limit}


def _at_largest(large: Size) -> list[dict[str, Any]]:
    at, per_item = f"n={large['items']:,}", large["site"]["search_index"] / large["items"]
    found = [
        _target("ratio (2)/(3)", at, large["ratio"], 1.2, f"{large['ratio']:.3f}", "<= 1.2"),
        _target("largest page HTML", at, large["site"]["page_max"], PAGE_BUDGET,
                _kb(large["site"]["page_max"]), "<= 250 KB"),
        _target("core share of full build", at, large["core_share"], 0.10,
                f"{100 * large['core_share']:.1f}%", "<= 10%"),
        _target("peak memory of the build", at, large["build"]["peak_rss"], 600e6,
                _mb(large["build"]["peak_rss"]), "<= 600 MB"),
        _target("average item page HTML", at, large["site"]["item_page_avg"], 40_000,
                _kb(large["site"]["item_page_avg"]), "<= 40 KB"),
        _target("search index per item", at, per_item, 1_500, f"{per_item:,.0f} B",
                "<= 1,500 B"),
    ]
    if large.get("search"):
        median = statistics.median(large["search"]["from_navigation"])
        found.append(_target("search results after opening a page", at, median, 2.0,
                             _s(median), "<= 2 s"))
    return found


def targets(data: dict[str, Any]) -> list[dict[str, Any]]:
    """Each target, the figure it is judged on, and whether it is met."""
    sizes = sorted(data["sizes"].values(), key=lambda s: s["items"])
    found = _at_largest(sizes[-1])
    if len(sizes) > 1:
        small, large = sizes[0], sizes[-1]
        growth = large["build"]["cpu_s"] / small["build"]["cpu_s"]
        limit = 1.2 * large["items"] / small["items"]
        found.append(_target("build time growth", f"n={small['items']:,} to {large['items']:,}",
                             growth, limit, f"{growth:.1f}x", f"<= {limit:.0f}x"))
        memory = large["build"]["peak_rss"] / small["build"]["peak_rss"]
        found.append(_target("peak memory growth", f"n={small['items']:,} to {large['items']:,}",
                             memory, 10.0, f"{memory:.1f}x", "<= 10x"))
    found += [_target("ratio (2)/(3b), against simple pages", f"n={s['items']:,}",
                      s["ratio_simple"], 2.0, f"{s['ratio_simple']:.2f}x", "<= 2.0x (stretch 1.5x)")
              for s in sizes if s.get("simple") and s["items"] >= 2_000]
    found += [_target("largest page with full lists", f"n={s['items']:,}",
                      s["site"]["page_full_max"], PAGE_BUDGET, _kb(s["site"]["page_full_max"]),
                      "<= 250 KB") for s in sizes]
    found += [_target("rebuild after one update", f"n={s['items']:,}",
                      s["rebuild"]["total_cpu_s"], 2.0, _s(s["rebuild"]["total_cpu_s"]), "<= 2 s")
              for s in sizes if s.get("rebuild")]
    return found


def text_table(data: dict[str, Any]) -> str:
    sizes = sorted(data["sizes"].values(), key=lambda s: s["items"])
    width = max(len(label) for label, _ in ROWS)
    cells = [[cell(s) for s in sizes] for _, cell in ROWS]
    col = max(22, *(len(c) for row in cells for c in row))
    lines = [f"{'':<{width}}  " + "  ".join(f"{'n=' + format(s['items'], ','):>{col}}"
                                            for s in sizes)]
    for (label, _), row in zip(ROWS, cells):
        lines.append(f"{label:<{width}}  " + "  ".join(f"{c:>{col}}" for c in row))
    lines.append("")
    for t in data["targets"]:
        mark = "met" if t["met"] else "MISSED"
        lines.append(f"{mark:>6}  {t['target']} at {t['at']}: {t['shown']} (target {t['wanted']})")
    return "\n".join(lines)


def markdown(data: dict[str, Any]) -> str:
    sizes = sorted(data["sizes"].values(), key=lambda s: s["items"])
    machine = data["machine"]
    lines = [
        f"Measured {data['date']} with `{data['command']}` (seed {data['seed']}; search query "
        f"\"{data['query']}\"), on {machine['cpus']} CPUs, {machine['platform']}, Python "
        f"{machine['python']}, MkDocs {machine['mkdocs']}, Material {machine['mkdocs-material']}."
        + (f" Theme features added to both builds: {', '.join(data['features_added'])}."
           if data.get("features_added") else ""),
        "",
        "| figure | " + " | ".join(f"n = {s['items']:,}" for s in sizes) + " |",
        "|---|" + "---:|" * len(sizes),
    ]
    lines += [f"| {label} | " + " | ".join(cell(s) for s in sizes) + " |" for label, cell in ROWS]
    lines += ["", "| target | at | measured | wanted | |", "|---|---|---:|---|---|"]
    lines += [f"| {t['target']} | {t['at']} | {t['shown']} | {t['wanted']} | "
              f"{'met' if t['met'] else '**missed**'} |" for t in data["targets"]]
    for r in (s["rebuild"] for s in sizes if s.get("rebuild")):
        differing = r.get("differs_from_full_build", [])
        lines += ["", f"The rebuild: {r['method']}, then `plantrack build`, which wrote "
                      f"{r['pages_written']:,} of {r['pages']:,} pages and kept the others. A "
                      f"full build of the updated content took {r['full_build_cpu_s']:.2f} s of "
                      f"CPU; the rebuilt site "
                      + ("is byte for byte the same as the full build's." if not differing else
                         f"differs from it in {len(differing)} files: {', '.join(differing[:5])}.")]
    return "\n".join(lines) + "\n"


def update_docs(path: Path, table: str, name: str = "table") -> None:
    """Replace what stands between ``<!-- bench:NAME:start -->`` and ``<!-- bench:NAME:end -->``
    in ``path`` with ``table``."""
    start, end = f"<!-- bench:{name}:start -->", f"<!-- bench:{name}:end -->"
    text = path.read_text(encoding="utf-8")
    if start not in text or end not in text:
        raise SystemExit(f"{path}: no {start} ... {end} markers to put the table between")
    before, rest = text.split(start, 1)
    _, after = rest.split(end, 1)
    path.write_text(f"{before}{start}\n{table}{end}{after}", encoding="utf-8")
