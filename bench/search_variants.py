"""What the search index's size does to search time: one built site, its index rewritten.

Material builds its search index in the browser from ``search_index.json`` on every first page
load, so the wait for results grows with the text indexed. This takes a site built by
``bench/run.py --keep``, rewrites its index as template changes would (item pages' Details or
Progress updates sections left out, the title not repeated in the page's text; half of every
text cut, or all of it, to show the trend), serves each version and times a search in
Chromium. The site's own index is put back afterwards.

    .venv/bin/python bench/run.py --sizes 10000 --no-search --keep
    .venv/bin/python bench/search_variants.py bench/out/work/n10000/site --items 10000
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import statistics
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from report import update_docs  # noqa: E402
from search_time import QUERY, time_search  # noqa: E402

Doc = dict[str, Any]
ITEM_PAGE = re.compile(r"plans/[^/]+/[^/]+/$")


def _item_section(doc: Doc, *anchors: str) -> bool:
    page, _, anchor = doc["location"].partition("#")
    return bool(ITEM_PAGE.fullmatch(page)) and anchor in anchors


def _without(*anchors: str) -> Callable[[list[Doc]], list[Doc]]:
    return lambda docs: [d for d in docs if not _item_section(d, *anchors)]


def _title_once(docs: list[Doc]) -> list[Doc]:
    """Item pages' text without the title repeated at its start (an h1 with an id does it)."""
    found = []
    for doc in docs:
        if ITEM_PAGE.fullmatch(doc["location"]) and doc["text"].startswith(doc["title"]):
            doc = {**doc, "text": doc["text"][len(doc["title"]):].lstrip()}
        found.append(doc)
    return found


def _half(docs: list[Doc]) -> list[Doc]:
    cut = []
    for doc in docs:
        words = doc["text"].split(" ")
        cut.append({**doc, "text": " ".join(words[: len(words) // 2])})
    return cut


def _compact(docs: list[Doc]) -> list[Doc]:
    return _title_once(_without("details", "progress-updates")(docs))


def _item_words(limit: int) -> Callable[[list[Doc]], list[Doc]]:
    """:func:`_compact`, then item pages' text cut to its first ``limit`` words (what
    ``search_words`` does)."""
    def cut(docs: list[Doc]) -> list[Doc]:
        return [{**d, "text": " ".join(d["text"].split(" ")[:limit])}
                if ITEM_PAGE.fullmatch(d["location"]) else d for d in _compact(docs)]
    return cut


VARIANTS: dict[str, Callable[[list[Doc]], list[Doc]]] = {
    "as built": lambda docs: docs,
    "item pages without Details": _without("details"),
    "item pages without Details and Progress updates": _without("details", "progress-updates"),
    "... and the title not repeated in the text":
        _compact,
    **{f"... and item text cut to {n} words": _item_words(n) for n in (120, 100, 80, 60)},
    "every text cut to half (trend)": _half,
    "titles only, no text (the floor)": lambda docs: [{**d, "text": ""} for d in docs],
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path, help="a site built by bench/run.py --keep")
    parser.add_argument("--items", type=int, required=True, help="items in that site")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", default="", help="run only the variants whose name has this")
    parser.add_argument("--docs", action="store_true",
                        help="copy the table into docs/benchmarks.md (bench:search markers)")
    args = parser.parse_args(argv)
    args.site = args.site.resolve()
    from tests.browser.conftest import serve_directory

    index = args.site / "search" / "search_index.json"
    original = args.site / "search" / "search_index.original.json"
    shutil.copyfile(index, original)
    data = json.loads(original.read_text(encoding="utf-8"))
    rows = []
    try:
        with serve_directory(args.site) as url:
            for name, change in VARIANTS.items():
                if args.only not in name:
                    continue
                docs = change(data["docs"])
                text = json.dumps({**data, "docs": docs}, separators=(",", ":"))
                index.write_text(text, encoding="utf-8")
                timing = time_search(url, QUERY, args.runs)
                rows.append((name, len(docs), len(text.encode()), timing.from_navigation))
                print(f"  {name}: {statistics.median(timing.from_navigation):.2f} s", flush=True)
    finally:
        shutil.move(original, index)
    table = markdown(rows, args)
    print("\n" + table)
    if args.docs:
        update_docs(BENCH.parent / "docs" / "benchmarks.md", table, "search")
    return 0


def markdown(rows: list[tuple[str, int, int, list[float]]], args: argparse.Namespace) -> str:
    lines = [
        f"Measured with `.venv/bin/python bench/search_variants.py SITE --items {args.items}` on "
        f"a site of {args.items:,} items built by `bench/run.py --keep`; query \"{QUERY}\", "
        f"{args.runs} runs each, from asking for the home page to the first result.",
        "",
        "| search_index.json | entries | size | per item | search, median (range) |",
        "|---|---:|---:|---:|---:|",
    ]
    for name, entries, size, times in rows:
        lines.append(f"| {name} | {entries:,} | {size / 1e6:.1f} MB | {size / args.items:,.0f} B "
                     f"| {statistics.median(times):.2f} s ({min(times):.2f}-{max(times):.2f}) |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    raise SystemExit(main())
