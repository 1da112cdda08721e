"""Embeddable badges: an SVG per item at a stable address, and the code to embed it."""

from __future__ import annotations

import html
import xml.etree.ElementTree as ET

from generator import load_site, render_site

from ..conftest import FIXTURES

SVG = "{http://www.w3.org/2000/svg}"


def pages() -> dict[str, str]:
    return render_site(load_site(FIXTURES / "sample"))


def test_every_item_but_sections_has_a_badge_at_a_stable_address() -> None:
    found = sorted(path for path in pages() if path.startswith("badges/"))
    assert found == ["badges/village/1-01.svg", "badges/village/1-02.svg", "badges/village/2.svg"]


def test_badge_is_standalone_svg_with_the_status_in_words() -> None:
    badge = ET.fromstring(pages()["badges/village/1-01.svg"])
    assert badge.tag == f"{SVG}svg" and badge.get("role") == "img"
    assert badge.get("aria-label") == "1.01: On track"
    assert badge.find(f"{SVG}title").text == "1.01: On track"
    texts = [t.text for t in badge.iter(f"{SVG}text")]
    assert texts == ["1.01", "On track"]
    assert badge.find(f".//{SVG}path[@fill-rule='evenodd']") is not None  # the status symbol
    frame = badge.find(f"{SVG}rect")
    assert frame.get("stroke")  # a border, so it reads in black and white


def test_unreported_badge_says_so_with_a_dashed_border() -> None:
    badge = ET.fromstring(pages()["badges/village/2.svg"])
    assert [t.text for t in badge.iter(f"{SVG}text")] == ["2", "Not yet reported"]
    assert badge.find(f"{SVG}rect").get("stroke-dasharray")


def test_item_page_shows_the_badge_and_escaped_code_to_embed_it() -> None:
    page = pages()["plans/village/1-01.md"]
    assert '<img class="pt-embed__badge" src="../../../badges/village/1-01.svg"' in page
    code = page.split('<pre class="pt-embed__code"><code>')[1].split("</code></pre>")[0]
    assert "<" not in code  # shown as text, never run
    assert html.unescape(code) == (
        '<a href="https://plans.example.org/plans/village/1-01/"><img '
        'src="https://plans.example.org/badges/village/1-01.svg" '
        'alt="Current progress status of 1.01, from Sample council plans"></a>')


def test_hostile_refs_stay_text_in_badges(make_content) -> None:
    content = make_content({"p.yml": """\
        id: p
        title: P
        items:
          - ref: "<b>&\\"{x}"
            title: T
    """})
    found = render_site(load_site(content))
    badge = next(text for path, text in found.items() if path.startswith("badges/"))
    parsed = ET.fromstring(badge)
    assert [t.text for t in parsed.iter(f"{SVG}text")][0] == '<b>&"{x}'
    assert "<b>" not in badge
