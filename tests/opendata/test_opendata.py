"""Open data on the site: the download files, the Open data page, "What's changed", and links."""

from __future__ import annotations

import csv
import io
import json
import posixpath
import re
from html import unescape
from pathlib import Path
from typing import Any

import pytest

from generator import ContentError, load_site, render_site
from generator.content.schema import ITEM
from generator.mkdocs.nav import build_nav
from generator.opendata.itemrows import COLUMNS
from generator.pages.paths import address

from ..conftest import FIXTURES, ROOT

SAMPLE = FIXTURES / "sample"
DATA = ("downloads/", "feeds/", "calendars/")
FOLLOWING = ("feeds/items/", "feeds/leads/", "feeds/areas/")
"""The feeds of one item, lead or area: each page links its own, the Open data page none."""


def pages(content: Path, directory_urls: bool = True) -> dict[str, str]:
    return render_site(load_site(content), directory_urls=directory_urls)


def links(built: dict[str, str], page: str, directory_urls: bool = True) -> list[str]:
    """Where each link of a page leads, as a path from the site root."""
    here = posixpath.dirname(address(page, directory_urls))
    return [posixpath.normpath(posixpath.join(here, unescape(href)))
            for href in re.findall(r'href="([^"#:]+)', built[page])]


def data_files(built: dict[str, str]) -> list[str]:
    return sorted(p for p in built if p.startswith(DATA) and p != "downloads/schema.json")


@pytest.fixture(scope="module")
def sample() -> dict[str, str]:
    return pages(SAMPLE)


@pytest.fixture(scope="module")
def bundled() -> dict[str, str]:
    return pages(ROOT / "content")


def test_the_data_files_of_the_sample(sample: dict[str, str]) -> None:
    assert data_files(sample) == [
        "calendars/village.ics", "downloads/all-plans.csv", "downloads/all-plans.json",
        "downloads/village.csv", "downloads/village.json", "feeds/areas/village/north.xml",
        "feeds/items/village/1-01.xml", "feeds/items/village/1-02.xml",
        "feeds/items/village/2.xml", "feeds/leads/chair.xml", "feeds/leads/parish-clerk.xml",
        "feeds/updates.xml", "feeds/village.xml",
    ]
    assert {"open-data.md", "changes.md"} <= sample.keys()


def test_all_plans_files_hold_every_plan(bundled: dict[str, str]) -> None:
    plans = [p.id for p in load_site(ROOT / "content").plans]
    every = bundled["downloads/all-plans.csv"].split("\r\n", 1)
    assert every[0] == ",".join(COLUMNS)
    assert every[1] == "".join(bundled[f"downloads/{p}.csv"].split("\r\n", 1)[1] for p in plans)
    rows = list(csv.DictReader(io.StringIO(bundled["downloads/all-plans.csv"], newline="")))
    assert len(rows) == 357
    data = json.loads(bundled["downloads/all-plans.json"])
    assert [p["id"] for p in data["plans"]] == plans and len(data["items"]) == 357
    assert data["licence"] == "Open Government Licence v3.0"
    one = json.loads(bundled[f"downloads/{plans[0]}.json"])
    assert list(one) == list(data) and one["plans"] == data["plans"][:1]


@pytest.mark.parametrize("directory_urls", [True, False])
def test_every_plan_page_links_its_own_files(directory_urls: bool) -> None:
    built = pages(ROOT / "content", directory_urls)
    for plan in load_site(ROOT / "content").plans:
        page = f"plans/{plan.id}/index.md"
        linked = [t for t in links(built, page, directory_urls) if t.startswith(DATA)]
        assert sorted(linked) == sorted(p for p in data_files(built) if f"/{plan.id}." in p)
        assert "open-data" in built[page] and "Data and updates" in built[page]


def test_the_open_data_page_lists_every_file(bundled: dict[str, str]) -> None:
    linked = links(bundled, "open-data.md")
    assert sorted({t for t in linked if t.startswith(DATA)} - {"downloads/schema.json"}) == [
        p for p in data_files(bundled) if not p.startswith(FOLLOWING)]
    assert "downloads/schema.json" in linked
    assert "<p>Licence: <strong>Open Government Licence v3.0</strong>." in bundled["open-data.md"]
    assert '<a href="../downloads/all-plans.csv" download>all-plans.csv</a>' in (
        bundled["open-data.md"])


def test_the_open_data_page_describes_every_column(sample: dict[str, str]) -> None:
    text = unescape(sample["open-data.md"])
    rows = re.findall(r"<tr><td><code>([^<]+)</code></td><td>([^<]+)</td></tr>", text)
    assert [name for name, _ in rows] == list(COLUMNS)
    docs = dict(rows)
    for field in ITEM:
        if field.name != "items":
            assert docs[field.name].startswith(field.doc)
    assert "No licence has been stated for this data." in text


def test_whats_changed_groups_updates_by_date_newest_first(sample: dict[str, str]) -> None:
    text = sample["changes.md"]
    assert re.findall(r"^## (.*)$", text, re.M) == [
        "30 June 2022 { #updates-2022-06-30 }", "31 March 2022 { #updates-2022-03-31 }"]
    june = text.split("## 30 June 2022")[1].split("## 31 March")[0]
    assert '<a href="../plans/village/1-01/">1.01 Publish a quarterly newsletter</a>' in june
    assert "pt-badge--on-track" in june and "<p>First issue delivered.</p>" in june
    assert '<a href="../plans/village/">Village Action Plan</a>' in june


def test_whats_changed_says_so_when_nothing_has_changed(bundled: dict[str, str]) -> None:
    text = bundled["changes.md"]
    assert "<p class=\"pt-empty\">No progress updates have been published yet." in text
    assert "## " not in text


def test_whats_changed_shows_data_as_text(make_content: Any) -> None:
    built = pages(make_content({"p.yml": """\
        id: p
        title: "<i>Plan</i>"
        items:
          - ref: "1"
            title: "<img src=x onerror=alert(1)>"
            updates:
              - date: 2023-01-02
                note: "**not bold** {{ not_a_template }} <script>x</script>"
        """}))
    text = built["changes.md"]
    assert "<img" not in text and "<script>" not in text and "<i>" not in text
    assert "{{" not in text and "**" not in text
    assert "&lt;script&gt;x&lt;/script&gt;" in text


@pytest.mark.parametrize("plan_id", ["all-plans", "updates", "schema"])
def test_plan_ids_that_would_overwrite_site_files_are_refused(make_content: Any,
                                                             plan_id: str) -> None:
    content = make_content({"p.yml": f"id: {plan_id}\ntitle: P\nitems:\n"
                                     "  - ref: '1'\n    title: One\n"})
    with pytest.raises(ContentError, match=f'reserved-id') as error:
        pages(content)
    assert f'found "{plan_id}"' in str(error.value)


def test_the_navigation_has_an_open_data_section() -> None:
    nav = build_nav(load_site(SAMPLE), None)
    assert {"Open data": [{"Open data": "open-data.md"}, {"What’s changed": "changes.md"}]} in nav
