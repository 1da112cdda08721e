"""`plantrack update` on a site in two languages: the note in each (--note in the first,
--note-in for the others), written as the content format gives it, on both languages' pages."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from generator import load_site, render_site

from ..conftest import FIXTURES
from ..sheets.test_import import plantrack


@pytest.fixture
def bilingual(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    shutil.copytree(FIXTURES / "bilingual", folder)
    return folder


def update(content: Path, *args: str) -> tuple[int, str, str]:
    result = plantrack("update", "delivery", "2.1", "--status", "complete", "--date",
                       "2025-01-10", *args, "--content", content)
    return result.returncode, result.stdout, result.stderr


def test_a_note_in_each_language(bilingual: Path) -> None:
    code, _, err = update(bilingual, "--note", "All ten hubs are in use.", "--note-in", "cy",
                          "Mae'r deg canolfan i gyd yn cael eu defnyddio.")
    assert (code, err) == (0, "")
    data = yaml.safe_load((bilingual / "plans" / "delivery.yml").read_text(encoding="utf-8"))
    latest = data["items"][1]["items"][0]["updates"][-1]
    assert latest["note"] == {"en": "All ten hubs are in use.",
                              "cy": "Mae'r deg canolfan i gyd yn cael eu defnyddio."}
    welsh = render_site(load_site(bilingual, language="cy"))["plans/delivery/2-1.md"]
    assert "Mae&#x27;r deg canolfan i gyd yn cael eu defnyddio." in welsh
    english = render_site(load_site(bilingual))["plans/delivery/2-1.md"]
    assert "All ten hubs are in use." in english


def test_a_note_in_one_language_is_refused(bilingual: Path) -> None:
    before = (bilingual / "plans" / "delivery.yml").read_bytes()
    code, _, err = update(bilingual, "--note", "All ten hubs are in use.")
    assert code == 1
    assert ("--note-in: expected the note in each of the site's languages (en, cy), found "
            "none in cy; add --note-in cy TEXT") in err
    assert (bilingual / "plans" / "delivery.yml").read_bytes() == before


def test_a_language_the_site_does_not_have_is_refused(bilingual: Path) -> None:
    code, _, err = update(bilingual, "--note", "Done.", "--note-in", "fr", "Fini.")
    assert code == 1
    assert "--note-in: expected one of the site's other languages (cy), found \"fr\"" in err
