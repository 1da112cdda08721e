"""The core's HTML handed past Python-Markdown: a build that does so writes the same site,
byte for byte, as one that lets Markdown parse every block (every page, the search index,
the sitemap), and the link checks still see every anchor."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.mkdocs.passthrough import stash_blocks
from generator.mkdocs.plugin import PlanTrackerPlugin

from ..conftest import FIXTURES, ROOT, build_site_and_warnings

BUNDLED = ROOT / "content"


def files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted(root.rglob("*")) if p.is_file() and p.suffix != ".gz"}


@pytest.mark.parametrize("content", [FIXTURES / "sample", FIXTURES / "rounds",
                                     FIXTURES / "twoaxis", FIXTURES / "bilingual", BUNDLED],
                         ids=["sample", "rounds", "twoaxis", "bilingual", "bundled"])
def test_the_site_is_the_same_either_way(content: Path, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    # both built in the same place: a page's build stamp names the folder it is built into
    (tmp_path / "project").mkdir()
    built, passed_warnings = build_site_and_warnings(tmp_path / "project", content)
    passed = built.rename(tmp_path / "passed")
    monkeypatch.setattr(PlanTrackerPlugin, "pass_html_through", False)
    parsed, parsed_warnings = build_site_and_warnings(tmp_path / "project", content)
    assert passed_warnings == parsed_warnings == []
    mine, theirs = files(passed), files(parsed)
    assert sorted(mine) == sorted(theirs)
    assert [path for path in mine if mine[path] != theirs[path]] == []


def test_a_block_closing_on_its_last_line_is_stashed() -> None:
    markdown = ('## Summary\n\n<div class="a"><p id="x">One</p>\n<p>Two</p></div>\n\n'
                "Some *Markdown*.\n")
    out, stash = stash_blocks(markdown)
    assert out == f"## Summary\n\n{stash.token}0\n\nSome *Markdown*.\n"
    assert stash.anchor_ids() == {"x"}
    assert stash.restore(f"<h2>Summary</h2>\n<p>{stash.token}0</p>\n<p>Some</p>") == (
        '<h2>Summary</h2>\n<div class="a"><p id="x">One</p>\n<p>Two</p></div>\n\n<p>Some</p>')


@pytest.mark.parametrize("markdown", [
    "<div>\n\ntext\n</div>\n",           # a blank line inside: Markdown decides
    "<div>one</div>\n## Heading\n",     # the element closes before the block ends
    "text\n<div>x</div>\n",             # not at the start of a block
    "<span>inline</span>\n",            # not a block element
])
def test_other_html_is_left_to_markdown(markdown: str) -> None:
    out, stash = stash_blocks(markdown)
    assert out == markdown and stash.blocks == []


def test_a_block_search_leaves_out_waits_until_search_has_read_the_page() -> None:
    markdown = ('<nav data-search-exclude><a href="../">Home</a></nav>\n\n'
                '<div data-search-exclude><h2 id="kept">Kept</h2></div>\n')
    _, stash = stash_blocks(markdown)
    converted = f"<p>{stash.token}0</p>\n<p>{stash.token}1</p>"
    for_search = stash.restore(converted, hide_excluded=True)
    assert for_search == (f"<!--{stash.token}0-->\n\n"
                          '<div data-search-exclude><h2 id="kept">Kept</h2></div>')
    assert stash.restore_excluded(for_search) == stash.restore(converted)
