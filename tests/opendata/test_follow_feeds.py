"""Following one commitment, one lead or one area: an Atom feed for each, entries that say the
round, the evidence, a due date moved and a correction in words, the pages advertising their
feeds with <link rel="alternate"> (checked in a real `mkdocs build --strict`), the calendar
following a revised due date, and the open data carrying rounds, evidence and corrections
through export and import unchanged.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from functools import cache
from pathlib import Path

import feedparser
import icalendar
import pytest

from generator import load_site, render_site
from generator.opendata.exporting import json_document, json_lines
from generator.opendata.itemrows import plan_rows

from ..conftest import FIXTURES, build_site

ROUNDS = FIXTURES / "rounds"
ATOM_LINK = re.compile(r'<link rel="alternate" type="application/atom\+xml" title="([^"]*)" '
                       r'href="([^"]*)">')


@cache
def pages() -> dict[str, str]:
    return render_site(load_site(ROUNDS))


def test_a_feed_for_every_item_lead_and_area() -> None:
    feeds = sorted(p for p in pages() if p.startswith("feeds/"))
    assert feeds == [
        "feeds/areas/riverside/north.xml", "feeds/areas/riverside/south.xml",
        "feeds/items/riverside/1-1.xml", "feeds/items/riverside/1-2.xml",
        "feeds/items/riverside/1-3.xml", "feeds/items/riverside/2-1.xml",
        "feeds/items/riverside/2-2.xml", "feeds/leads/community-safety-manager.xml",
        "feeds/leads/head-of-parks.xml", "feeds/leads/head-of-street-scene.xml",
        "feeds/riverside.xml", "feeds/updates.xml"]
    for path in feeds:
        parsed = feedparser.parse(pages()[path])
        assert not parsed.bozo, path
        assert parsed.feed.title and parsed.feed.id and parsed.feed.updated, path
    parks = feedparser.parse(pages()["feeds/leads/head-of-parks.xml"])
    assert [e.id.rsplit("/", 2)[-2] for e in parks.entries] == ["1-1", "1-1", "2-1"]
    north = feedparser.parse(pages()["feeds/areas/riverside/north.xml"])
    assert {e.id.rsplit("/", 2)[-2] for e in north.entries} == {"1-1", "1-3"}


def test_an_entry_has_one_id_in_every_feed() -> None:
    def ids(path: str) -> set[str]:
        return {e.id for e in feedparser.parse(pages()[path]).entries}
    item = ids("feeds/items/riverside/1-1.xml")
    assert item <= ids("feeds/riverside.xml") and item <= ids("feeds/leads/head-of-parks.xml")
    assert item == {"https://plans.example.org/plans/riverside/1-1/#update-2024-06-28",
                    "https://plans.example.org/plans/riverside/1-1/#update-2024-09-27"}


def test_entries_say_round_due_move_evidence_and_correction() -> None:
    path = feedparser.parse(pages()["feeds/items/riverside/1-1.xml"]).entries
    assert path[0].content[0].value == (
        "Riverside Delivery Plan 2024/25, action 1.1: Open the riverside path\n"
        "Reported on 2024-09-27: At risk\nReported in Q2 2024/25\n\n"
        "Flood survey commissioned.\n\nDue date moved from December 2024 to March 2025. "
        "Reason given: The "
        "Environment Agency asked for a flood survey before works begin.\n"
        "Evidence: Environment Agency letter <https://www.example.org/documents/ea-letter.pdf>")
    assert "(archived copy: <https://web.archive.org/web/2024/" in path[1].content[0].value
    bins = feedparser.parse(pages()["feeds/items/riverside/1-2.xml"]).entries
    assert "Corrects the update of 2024-09-25" in bins[0].content[0].value
    corrected = bins[1]
    assert "Corrected on 2024-10-20: the council has corrected this update" in \
        corrected.content[0].value
    assert (corrected.published[:10], corrected.updated[:10]) == ("2024-09-25", "2024-10-20")


def test_the_calendar_follows_the_revised_due_date() -> None:
    calendar = icalendar.Calendar.from_ical(pages()["calendars/riverside.ics"])
    events = {str(e["UID"]).split("@")[0]: e for e in calendar.walk("VEVENT")}
    path = events["riverside/1-1"]
    assert path.decoded("DTSTART").isoformat() == "2025-03-31"
    assert "Due date moved from December 2024 on 2024-09-27 (The Environment Agency asked " \
           "for a flood survey before works begin.)" in str(path["DESCRIPTION"])
    assert int(path["SEQUENCE"]) == 1
    assert "SEQUENCE" not in events["riverside/2-1"]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("follow")
    build_site(root, ROUNDS, root / "site")
    return root / "site"


def advertised(built: Path, page: str) -> list[tuple[str, str]]:
    return ATOM_LINK.findall((built / page).read_text(encoding="utf-8"))


def test_each_page_advertises_the_feeds_that_follow_it(built: Path) -> None:
    assert advertised(built, "plans/riverside/1-2/index.html") == [
        ("1.2 Add 20 litter bins on the high street: progress updates",
         "../../../feeds/items/riverside/1-2.xml"),
        ("Riverside Delivery Plan 2024/25: progress updates", "../../../feeds/riverside.xml")]
    assert advertised(built, "index.html") == [("Riverside plans: progress updates",
                                                "feeds/updates.xml")]
    assert advertised(built, "plans/riverside/index.html") == [
        ("Riverside Delivery Plan 2024/25: progress updates", "../../feeds/riverside.xml")]
    assert advertised(built, "browse/leads/head-of-parks/index.html") == [
        ("Head of Parks: progress updates", "../../../feeds/leads/head-of-parks.xml")]
    assert advertised(built, "browse/areas/riverside/north/index.html") == [
        ("North ward: progress updates", "../../../../feeds/areas/riverside/north.xml")]
    for page in ("plans/riverside/1-2/index.html", "browse/areas/riverside/north/index.html"):
        for _, href in advertised(built, page):
            assert (built / Path(page).parent / href).resolve().is_file(), href


def test_the_open_data_carries_rounds_evidence_and_corrections() -> None:
    site = load_site(ROUNDS)
    plan = site.plan("riverside")
    assert plan is not None
    data = json.loads(json_document(site, [plan], [json_lines(plan, list(plan_rows(plan)))]))
    assert [r["label"] for r in data["plans"][0]["rounds"]] == ["Q1 2024/25", "Q2 2024/25",
                                                                "Q3 2024/25"]
    bins = next(i for i in data["items"] if i["ref"] == "1.2")
    assert bins["updates"][2]["corrects"] == "2024-09-25"
    assert bins["updates"][2]["round"] == "Q3 2024/25"
    path = next(i for i in data["items"] if i["ref"] == "1.1")
    assert path["updates"][1]["evidence"] == [
        {"title": "Environment Agency letter",
         "url": "https://www.example.org/documents/ea-letter.pdf"}]
    assert next(i for i in data["items"] if i["ref"] == "2.2")["added_in"] == "Q2 2024/25"
    schema = json.loads(pages()["downloads/schema.json"])
    assert {"rounds"} <= schema["properties"].keys()


@pytest.mark.parametrize("kind", ["json", "xlsx"])
def test_export_import_export_gives_the_same_plan(tmp_path: Path, kind: str) -> None:
    exported = tmp_path / f"riverside.{kind}"
    cli = [sys.executable, "-m", "generator.cli"]
    subprocess.run([*cli, "export", "--content", str(ROUNDS), "--plan", "riverside",
                    "--format", kind, "--out", str(exported)], check=True, capture_output=True)
    content = tmp_path / "content"
    (content / "plans").mkdir(parents=True)
    shutil.copyfile(ROUNDS / "site.yml", content / "site.yml")
    subprocess.run([*cli, "import", str(exported), "--content", str(content), "--plan",
                    "riverside"], check=True, capture_output=True)
    again = tmp_path / "again.json"
    first = tmp_path / "first.json"
    for source, out in ((ROUNDS, first), (content, again)):
        subprocess.run([*cli, "export", "--content", str(source), "--plan", "riverside",
                        "--format", "json", "--out", str(out)], check=True, capture_output=True)
    assert json.loads(again.read_text()) == json.loads(first.read_text())
