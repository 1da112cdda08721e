"""Spreadsheets in two languages: Decidim's ``/cy`` columns (titles, descriptions, status names)
and a column per language in the charter and plantrack layouts arrive on the Welsh pages."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from generator import load_site, render_site

from ..conftest import FIXTURES
from .test_import import plantrack, relative

DECIDIM = FIXTURES / "import" / "decidim-bilingual.csv"


@pytest.fixture
def bilingual(tmp_path: Path) -> Path:
    """The bilingual fixture's settings and decision record, and no plans."""
    folder = tmp_path / "content"
    shutil.copytree(FIXTURES / "bilingual", folder)
    shutil.rmtree(folder / "plans")
    (folder / "plans").mkdir()
    (folder / "decisions" / "cab-2024-04.yml").unlink()
    return folder


def test_decidim_welsh_columns_arrive_on_the_welsh_pages(bilingual: Path) -> None:
    result = plantrack("import", relative(DECIDIM), "--plan", "routes", "--title",
                       "Safer routes", "--title-in", "cy", "Llwybrau mwy diogel", "--status",
                       "delayed=at-risk", "--save-statuses", "--content", bilingual)
    assert (result.returncode, result.stderr) == (0, "")
    data = yaml.safe_load((bilingual / "plans" / "routes.yml").read_text(encoding="utf-8"))
    assert data["title"] == {"en": "Safer routes", "cy": "Llwybrau mwy diogel"}
    first = data["items"][0]
    assert first["title"] == {"en": "Safer routes to school",
                              "cy": "Llwybrau mwy diogel i'r ysgol"}
    assert first["description"] == {"en": "Crossings and 20 mph zones near every school.",
                                    "cy": "Croesfannau a pharthau 20 mya ger pob ysgol."}
    assert {"wording": {"en": "Delayed", "cy": "Wedi'i ohirio"}, "means": "at-risk"} in data[
        "statuses"]
    welsh = render_site(load_site(bilingual, language="cy"))
    item = welsh["plans/routes/32.md"]
    assert "Adeiladu croesfan ar Ffordd yr Orsaf" in item
    assert "Croesfan sebra y tu allan i&#x27;r ysgol gynradd." in item
    assert "Wedi&#x27;i ohirio" in item and "Delayed" not in item
    english = render_site(load_site(bilingual))["plans/routes/32.md"]
    assert "Build a crossing on Station Road" in english and "Delayed" in english


def test_a_charter_takes_a_column_per_language(bilingual: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "charter.csv"
    sheet.write_text(
        "Ref,Action,Action/cy,Lead,Lead (cy),Due Date,RAG Status\n"
        "1.00,Working together,Cydweithio,,,,\n"
        "1.01,Meet twice a year,Cyfarfod ddwywaith y flwyddyn,Clerk,Clerc,31/03/2025,Green\n",
        encoding="utf-8")
    result = plantrack("import", sheet, "--plan", "charter", "--title", "Charter",
                       "--title-in", "cy", "Siarter", "--content", bilingual)
    assert (result.returncode, result.stderr) == (0, "")
    welsh = load_site(bilingual, language="cy").plans[0]
    item = welsh.items[0].children[0]
    assert (item.title, item.text["lead"]) == ("Cyfarfod ddwywaith y flwyddyn", "Clerc")


def test_a_missing_welsh_cell_stops_the_import(bilingual: Path, tmp_path: Path) -> None:
    sheet = tmp_path / "charter.csv"
    sheet.write_text("Ref,Action,Action/cy,Due Date\n1,Meet twice a year,,31/03/2025\n",
                     encoding="utf-8")
    result = plantrack("import", sheet, "--plan", "charter", "--title", "Charter",
                       "--title-in", "cy", "Siarter", "--content", bilingual)
    assert result.returncode == 1
    assert result.stderr.splitlines()[1] == (
        "  row 2: Action: expected the title in each of the site's languages (en, cy), found "
        "none in cy (only en); give it as title: {en: ..., cy: ...} [missing-translation]")
    assert not (bilingual / "plans" / "charter.yml").exists()
