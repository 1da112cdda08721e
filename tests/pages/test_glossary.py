"""The glossary page, and the council's terms explained where its text uses them."""

from __future__ import annotations

import re
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markupsafe import Markup

from generator import load_site, render_site
from generator.content.model import Term
from generator.content.schema import ITEM_KINDS
from generator.content.status import STATUSES
from generator.pages import glossary
from generator.pages.text import escape_text

from ..conftest import SITE_YML, build_site

GLOSSARY_YML = SITE_YML + """\
glossary:
  - term: BMKALC
    meaning: Buckinghamshire and Milton Keynes Association of Local Councils.
  - term: T&PCs
    meaning: Town and parish councils.
  - term: CDRP
    meaning: Crime and Disorder Reduction Partnership.
  - term: E&D
    meaning: Equality and diversity.
  - term: E&DO
    meaning: Equality and Diversity Officer.
  - term: Item
    meaning: A council's own use of the word, to test that anchors stay unique.
  - term: amp
    meaning: Never found inside a character reference.
  - term: br
    meaning: Never found inside a tag.
"""

PLAN = """\
    id: charter
    title: Charter plan with BMKALC
    summary: "Agreed with the T&PCs and BMKALC."
    editorial_notes:
      - "BMKALC supplied the list."
    items:
      - ref: "1"
        kind: commitment
        title: Meet BMKALC
        description: "Work with <b>BMKALC</b> and the CDRPs.\\n\\nNot BMKALCX, XBMKALC or BMKALC_2."
        lead: "Policy Officer (T&PCs)"
        support: "BMKALC & E&DO"
        quality_criteria: "E&D training; a & b\\nsecond line"
        updates:
          - date: 2023-01-01
            note: "BMKALC agreed."
      - ref: "2"
        kind: action
        title: Second
        lead: "Policy Officer (T&PCs)/ Clerk"
"""


class Links(HTMLParser):
    """Every glossary link on a page, with the text it holds and whether it sits in a link."""

    def __init__(self) -> None:
        super().__init__()
        self.terms: list[dict[str, str]] = []
        self.nested: list[str] = []
        self._open: list[dict[str, str] | None] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "a":
            return
        found = {k: v or "" for k, v in attrs}
        if "pt-term" in found.get("class", ""):
            if any(self._open):
                self.nested.append(found.get("href", ""))
            entry = {"href": found.get("href", ""), "title": found.get("title", ""), "text": ""}
            self.terms.append(entry)
            self._open.append(entry)
        else:
            self._open.append({"href": found.get("href", ""), "title": "", "text": ""})

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._open:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        for entry in self._open:
            if entry is not None:
                entry["text"] += data


def links(markdown: str) -> Links:
    found = Links()
    found.feed(markdown.split("---\n", 2)[-1])
    return found


@pytest.fixture
def pages(make_content: Callable[..., Path]) -> dict[str, str]:
    return render_site(load_site(make_content({"charter.yml": PLAN}, site=GLOSSARY_YML)))


def test_the_glossary_page_lists_the_sites_words_and_the_councils_terms(
    pages: dict[str, str],
) -> None:
    page = pages["about/glossary.md"]
    for kind in ITEM_KINDS:
        assert f'<dt id="{kind}">{kind.capitalize()}</dt>' in page
    for status in STATUSES.values():
        assert f'<dt id="{status.word}">{status.label}</dt>' in page
    for anchor in ("item", "plan", "section", "status", "rag-status", "as-of", "due-date", "lead",
                   "support", "overdue", "passed-unreported", "roll-up", "draft", "adopted",
                   "superseded", "source-ref", "editorial-note"):
        assert f'<dt id="{anchor}">' in page
    assert '<dt id="bmkalc">BMKALC</dt>' in page
    assert '<dt id="t-pcs">T&amp;PCs</dt>\n<dd>Town and parish councils.</dd>' in page
    assert '<dt id="item-2">Item</dt>' in page  # the site's "item" keeps its anchor
    ids = re.findall(r' id="([^"]+)"', page)
    assert len(ids) == len(set(ids))


def test_a_site_without_a_glossary_says_so(make_content: Callable[..., Path]) -> None:
    page = render_site(load_site(make_content({"charter.yml": PLAN})))["about/glossary.md"]
    assert "No abbreviations or terms from the council’s plans have been listed." in page
    assert 'class="pt-term" href="../glossary/#bmkalc"' not in page


def test_terms_are_linked_in_data_text_with_links_right_for_the_page(
    pages: dict[str, str],
) -> None:
    item = links(pages["plans/charter/1.md"])
    linked = [(t["text"], t["href"]) for t in item.terms]
    assert ("BMKALC", "../../../about/glossary/#bmkalc") in linked
    assert ("CDRPs", "../../../about/glossary/#cdrp") in linked  # a plural "s" is the term
    assert ("E&DO", "../../../about/glossary/#e-do") in linked  # the longer term wins
    assert ("E&D", "../../../about/glossary/#e-d") in linked
    assert ("Commitment", "../../../about/glossary/#commitment") in linked  # the Kind row
    texts = [t["text"] for t in item.terms]
    assert texts.count("BMKALC") == 3  # the description, the support and the update note
    plan = links(pages["plans/charter/index.md"])
    assert ("T&PCs", "../../about/glossary/#t-pcs") in [(t["text"], t["href"]) for t in plan.terms]
    assert sum(t["text"] == "BMKALC" for t in plan.terms) == 2  # summary and editorial note
    home = links(pages["index.md"])
    assert ("BMKALC", "about/glossary/#bmkalc") in [(t["text"], t["href"]) for t in home.terms]
    bmkalc = next(t for t in item.terms if t["text"] == "BMKALC")
    assert bmkalc["title"] == "Buckinghamshire and Milton Keynes Association of Local Councils."


def test_whole_words_only_and_never_inside_a_reference_or_a_tag(pages: dict[str, str]) -> None:
    page = pages["plans/charter/1.md"]
    assert "Not BMKALCX, XBMKALC or BMKALC&#95;2." in page
    assert "training; a &amp; b<br>second line" in page
    assert 'title="Never found' not in page  # "amp" and "br" are not in the text


def test_nothing_is_linked_inside_a_link(pages: dict[str, str]) -> None:
    for path, text in pages.items():
        if path.endswith(".md"):
            assert not links(text).nested, path
    item = pages["plans/charter/1.md"]
    # The lead is a link to the lead's page: its T&PCs stays plain link text.
    assert re.search(r'<a href="[^"]*/leads/policy-officer-t-pcs/">Policy Officer '
                     r"\(T&amp;PCs\)</a>", item)
    assert "<h1 data-search-exclude><span class=\"pt-ref\">1</span> Meet BMKALC</h1>" in item
    # Where the lead is not one name, the text is linked and the names are links of their own.
    second = links(pages["plans/charter/2.md"])
    assert "T&PCs" in [t["text"] for t in second.terms]


def test_html_in_data_stays_text_around_a_linked_term(pages: dict[str, str]) -> None:
    page = pages["plans/charter/1.md"]
    assert ('Work with &lt;b&gt;<a class="pt-term" href="../../../about/glossary/#bmkalc" '
            'title="Buckinghamshire and Milton Keynes Association of Local Councils.">'
            "<abbr>BMKALC</abbr></a>&lt;/b&gt; and the") in page
    assert "<b>" not in page


def test_the_linker_escapes_terms_and_meanings() -> None:
    entries = glossary.council_entries([Term("<x>", 'A "quoted" {meaning}\nover two lines')])
    linker = glossary.TermLinker(entries)
    found = linker.link(escape_text("say <x> and <b>"), "g/")
    assert found == Markup('say <a class="pt-term" href="g/#x" title="A &quot;quoted&quot; '
                           '&#123;meaning&#125; over two lines"><abbr>&lt;x&gt;</abbr></a>'
                           " and &lt;b&gt;")


def test_text_already_in_a_link_or_an_abbreviation_is_left() -> None:
    linker = glossary.TermLinker(glossary.council_entries([Term("BV", "Best Value.")]))
    text = Markup('<a href="x">BV</a> <abbr>BV</abbr> BV')
    assert linker.link(text, "g/") == Markup(
        '<a href="x">BV</a> <abbr>BV</abbr> '
        '<a class="pt-term" href="g/#bv" title="Best Value."><abbr>BV</abbr></a>')


def test_every_kind_has_a_meaning_and_every_site_anchor_is_unique() -> None:
    assert set(glossary.KIND_MEANINGS) == set(ITEM_KINDS)
    ids = [e.id for g in glossary.SITE_GROUPS for e in g.entries]
    ids += [g.id for g in glossary.SITE_GROUPS]
    assert len(ids) == len(set(ids))


def test_a_real_build_keeps_every_glossary_link_and_anchor(tmp_path: Path) -> None:
    content = tmp_path / "content"
    (content / "plans").mkdir(parents=True)
    (content / "site.yml").write_text(GLOSSARY_YML, encoding="utf-8")
    (content / "plans" / "charter.yml").write_text(
        "\n".join(line[4:] for line in PLAN.splitlines()) + "\n", encoding="utf-8")
    build_site(tmp_path, content, tmp_path / "site")  # --strict: a broken anchor fails
    html = (tmp_path / "site/plans/charter/1/index.html").read_text(encoding="utf-8")
    assert ('<a class="pt-term" href="../../../about/glossary/#bmkalc" title="Buckinghamshire '
            'and Milton Keynes Association of Local Councils."><abbr>BMKALC</abbr></a>') in html
    assert "&lt;b&gt;" in html and "<b>" not in html
    glossary_page = (tmp_path / "site/about/glossary/index.html").read_text(encoding="utf-8")
    assert '<dt id="bmkalc">BMKALC</dt>' in glossary_page
