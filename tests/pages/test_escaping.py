"""Data is text: hostile text in any field appears literally and never becomes markup."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest

from ..conftest import build_site

HOSTILE = (
    '<script>alert(1)</script> **bold** {: onclick="steal()" } '
    "[click](javascript:alert(2)) {{ config.site_name }} {% raw %} "
    '--8<-- "mkdocs.yml" <img src=x onerror=alert(3)>'
)


class Page(HTMLParser):
    """Collects what a browser would see: text, tags and attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        (self.scripts if self._in_script else self.text).append(data)


def read(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile")
    content = root / "content"
    (content / "plans").mkdir(parents=True)
    (content / "site.yml").write_text(
        "title: Test\ncouncil: Test Council\nurl: https://plans.example.org/\n"
        "feedback:\n  email: plans@example.org\n", encoding="utf-8")
    plan = {
        "id": "hostile", "title": HOSTILE, "summary": HOSTILE,
        "items": [{
            "ref": "1", "kind": "section", "title": HOSTILE,
            "items": [{"ref": "1.1", "title": HOSTILE, "lead": HOSTILE, "description": HOSTILE,
                       "comments": HOSTILE, "due": HOSTILE, "tags": [HOSTILE],
                       "updates": [{"date": "2022-01-01", "note": HOSTILE}]}],
        }],
    }
    (content / "plans" / "hostile.yml").write_text(json.dumps(plan), encoding="utf-8")
    build_site(root, content, root / "site")
    return root / "site"


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_hostile_text_is_shown_literally_on_item_and_plan_pages(built: Path) -> None:
    for path in (built / "plans/hostile/1-1/index.html", built / "plans/hostile/index.html"):
        text = " ".join(" ".join(read(path).text).split())
        assert HOSTILE in text, path


def test_hostile_text_never_becomes_markup_anywhere(built: Path) -> None:
    for path in pages(built):
        page = read(path)
        for tag, attrs in page.tags:
            assert not any(name.startswith("on") for name in attrs), (path, tag, attrs)
            assert not (attrs.get("href") or "").startswith("javascript:"), (path, attrs)
            assert not (tag == "img" and attrs.get("src") == "x"), path
        assert not any("alert(" in script for script in page.scripts), path
        assert "<strong>bold" not in path.read_text(encoding="utf-8")


def test_templates_and_snippets_are_not_run(built: Path) -> None:
    text = " ".join(read(built / "plans/hostile/1-1/index.html").text)
    assert "{{ config.site_name }}" in text
    assert '--8<-- "mkdocs.yml"' in text
    assert "site_name" not in text.replace("{{ config.site_name }}", "")


def test_hostile_titles_are_escaped_in_title_tag_and_nav(built: Path) -> None:
    html = (built / "plans/hostile/1-1/index.html").read_text(encoding="utf-8")
    assert "<title>1.1 &lt;script&gt;alert(1)&lt;/script&gt;" in html
    nav_page = (built / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in nav_page
    assert "<script>alert(1)" not in nav_page


def test_search_index_keeps_hostile_text_escaped(built: Path) -> None:
    index = json.loads((built / "search/search_index.json").read_text(encoding="utf-8"))
    entries = [d for d in index["docs"] if d["location"].startswith("plans/hostile/1-1/")]
    assert entries
    for entry in entries:
        assert "<script>" not in entry["title"] + entry["text"]
        assert "<img" not in entry["text"]


@pytest.mark.parametrize(("words", "html"), [
    (None, "<p>one two<br>three</p><p>&lt;b&gt; &#123;x&#125;</p>"),
    (9, "<p>one two<br>three</p><p>&lt;b&gt; &#123;x&#125;</p>"),
    (2, "<p>one two<br><span data-search-exclude>three</span></p>"
        "<p data-search-exclude>&lt;b&gt; &#123;x&#125;</p>"),
    (4, "<p>one two<br>three</p><p>&lt;b&gt; <span data-search-exclude>&#123;x&#125;</span></p>"),
])
def test_only_the_first_words_of_a_text_are_marked_for_the_search_index(
    words: int | None, html: str
) -> None:
    from generator.pages.text import paragraphs

    assert paragraphs("one two\nthree\n\n<b> {x}", words) == html


def test_search_words_are_shared_by_the_description_and_the_details(make_content) -> None:
    from generator import load_site, render_site

    content = make_content({"p.yml": """\
        id: p
        title: P
        items:
          - ref: "1"
            title: One
            description: Five words of the description.
            lead: Head of a very long named service
            quality_criteria: one two three four five six
            outputs: never indexed here
        """})
    page = render_site(load_site(content), search_words=8)["plans/p/1.md"]
    assert "<p>Five words of the description.</p>" in page
    assert ('<tr><th scope="row">Lead</th><td><a href="../../../browse/leads/'
            'head-of-a-very-long-named-service/">Head of a very long named service</a>') in page
    assert ('<tr><th scope="row">Quality criteria</th><td>one two three '
            '<span data-search-exclude>four five six</span></td></tr>') in page
    assert ('<tr data-search-exclude><th scope="row">Outputs</th><td>never indexed here</td>'
            '</tr>') in page
