"""What a second language costs to build: the same content built English-only and in Welsh
and English, side by side in one run, with bare MkDocs + Material on plain pages as the
baseline a council would otherwise run.

Two contents, each built both ways with ``mkdocs build --strict`` (the plugin building the
Welsh tree after the English one):

* the bilingual test fixture (``tests/fixtures/bilingual``), and an English-only copy of it
  (each ``{en: ..., cy: ...}`` text replaced by its English, ``languages`` removed);
* synthetic content of ``--items`` items (bench/synthetic.py) English-only, and a bilingual copy
  in which every text field the content format translates is given in both languages (the
  "Welsh" is the English text with a marker word: the same length, so only the second tree is
  measured, not the length of Welsh).

The hand-written pages are an accessibility statement in each language. Figures are CPU
seconds of the build subprocess (see bench/builds.py) and its peak memory.

    .venv/bin/python bench/languages.py [--items 1000] [--runs 1]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import builds  # noqa: E402
import synthetic  # noqa: E402

from generator.content.schema import (  # noqa: E402
    DECISION,
    ITEM,
    NESTED,
    PLAN,
    SITE,
    Field,
)

FIXTURE = ROOT / "tests" / "fixtures" / "bilingual"
WELSH_MARK = "cymraeg"
STATEMENT = {"accessibility.md": "# Accessibility statement\n\nThis site aims to meet WCAG.\n",
             "accessibility.cy.md": "# Datganiad hygyrchedd\n\nNod y wefan yw bodloni WCAG.\n"}


def _table(key: str, table: tuple[Field, ...]) -> tuple[Field, ...] | None:
    if key == "items":
        return ITEM
    if key in NESTED and any(f.name == key for f in table):
        return NESTED[key]
    return None


def in_english(value: Any) -> Any:
    """Content with every per-language text replaced by its English."""
    if isinstance(value, dict):
        if value and set(value) <= {"en", "cy"} and "en" in value:
            return value["en"]
        return {k: in_english(v) for k, v in value.items() if k != "languages"}
    if isinstance(value, list):
        return [in_english(v) for v in value]
    return value


def in_both(value: Any, table: tuple[Field, ...]) -> Any:
    """Content with every text field the format translates given in English and "Welsh"."""
    if isinstance(value, list):
        return [in_both(v, table) for v in value]
    if not isinstance(value, dict):
        return value
    fields = {f.name: f for f in table}
    found: dict[str, Any] = {}
    for key, given in value.items():
        nested = _table(key, table)
        field = fields.get(key)
        if nested is not None:
            found[key] = in_both(given, nested)
        elif field is not None and field.translated and isinstance(given, str):
            found[key] = {"en": given, "cy": f"{given} {WELSH_MARK}"}
        else:
            found[key] = given
    return found


def _rewrite(source: Path, out: Path, change: Any) -> Path:
    shutil.copytree(source, out)
    for file in sorted(out.rglob("*.yml")):
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
        table = SITE if file.name == "site.yml" else (
            DECISION if file.parent.name == "decisions" else PLAN)
        data = change(data, table, file.name == "site.yml")
        file.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True,
                                       width=1_000_000), encoding="utf-8")
    return out


def english_copy(source: Path, out: Path) -> Path:
    return _rewrite(source, out, lambda data, _table, _site: in_english(data))


def bilingual_copy(source: Path, out: Path) -> Path:
    def change(data: Any, table: tuple[Field, ...], site: bool) -> Any:
        data = in_both(data, table)
        return {**data, "languages": ["en", "cy"]} if site else data
    return _rewrite(source, out, change)


def build(content: Path, work: Path, name: str, welsh: bool) -> builds.Measured:
    """``mkdocs build --strict`` of ``content`` with the accessibility statement (in both
    languages for a Welsh and English site) as the hand-written pages."""
    docs = work / f"{name}-docs" / "about"
    docs.mkdir(parents=True)
    for file, text in STATEMENT.items():
        if file.endswith(".cy.md") and not welsh:
            continue
        (docs / file).write_text(text, encoding="utf-8")
    site_dir = work / f"{name}-site"
    settings = builds.plugin_settings(content, site_dir, "https://plans.example.org/")
    return builds.mkdocs_build({**settings, "docs_dir": str(docs.parent)})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="plantrack-languages-"))
    try:
        synthetic.write_content(work / "synthetic-en", args.items)
        contents = {
            "fixture, English only": english_copy(FIXTURE, work / "fixture-en"),
            "fixture, Welsh and English": FIXTURE,
            f"{args.items} items, English only": work / "synthetic-en",
            f"{args.items} items, Welsh and English": bilingual_copy(work / "synthetic-en",
                                                                     work / "synthetic-cy"),
        }
        print(f"{'build':<34} {'pages':>6} {'CPU s':>7} {'wall s':>7} {'peak MB':>8}")
        cpu: dict[str, float] = {}
        for run in range(args.runs):
            for index, (name, content) in enumerate(contents.items()):
                tag = f"{run}-{index}"
                result = build(content, work, tag, name.endswith("Welsh and English"))
                cpu[name] = min(cpu.get(name, result.cpu_s), result.cpu_s)
                count = builds.html_pages(work / f"{tag}-site")
                print(f"{name:<34} {count:>6} {result.cpu_s:>7.2f} {result.seconds:>7.2f} "
                      f"{result.peak_rss / 2**20:>8.0f}")
        plain_count = builds.html_pages(work / f"0-{len(contents) - 1}-site")
        plain = builds.simple_pages_build(work / "plain", plain_count,  # as many as bilingual
                                          "https://plans.example.org/")
        print(f"{'bare MkDocs, plain pages':<34} {plain_count:>6} {plain.cpu_s:>7.2f} "
              f"{plain.seconds:>7.2f} {plain.peak_rss / 2**20:>8.0f}")
        names = list(contents)
        for english, both in ((names[0], names[1]), (names[2], names[3])):
            print(f"{both}: {cpu[both] / cpu[english]:.2f}x the English-only build")
        print(f"{names[3]}: {cpu[names[3]] / plain.cpu_s:.2f}x bare MkDocs on as many pages")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
