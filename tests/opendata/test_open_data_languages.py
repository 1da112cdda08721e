"""The open data of a site in two languages carries both: a column per language for each
translated field (``title``, ``title/cy``) in CSV and JSON, the plan's own texts by language,
and the same files in both language trees."""

from __future__ import annotations

import csv
import io
import json

from generator import load_site, render_site

from ..conftest import FIXTURES
from ..sheets.test_import import plantrack

BILINGUAL = FIXTURES / "bilingual"


def test_the_csv_has_a_column_per_language() -> None:
    result = plantrack("export", "--content", str(BILINGUAL), "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    header = result.stdout.splitlines()[0].split(",")
    assert header[4:6] == ["title", "title/cy"] and "lead/cy" in header
    assert "status/cy" not in header and "ref/cy" not in header  # statuses and refs: once
    adopt = next(row for row in rows if row["ref"] == "1.1")
    assert (adopt["title"], adopt["title/cy"]) == ("Adopt the new LDP",
                                                   "Mabwysiadu'r CDLl newydd")
    assert (adopt["lead"], adopt["lead/cy"]) == ("Head of Planning", "Pennaeth Cynllunio")


def test_the_json_gives_the_plan_texts_by_language() -> None:
    result = plantrack("export", "--content", str(BILINGUAL), "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["plans"][0]["title"] == {"en": "Delivery Plan 2024/25",
                                         "cy": "Cynllun Cyflawni 2024/25"}
    adopt = next(item for item in data["items"] if item["ref"] == "1.1")
    assert adopt["title/cy"] == "Mabwysiadu'r CDLl newydd"


def test_both_trees_publish_the_same_data_files() -> None:
    english = render_site(load_site(BILINGUAL))
    welsh = render_site(load_site(BILINGUAL, language="cy"))
    data = [path for path in english if path.endswith((".csv", ".json"))]
    assert data and all(english[path] == welsh[path] for path in data)
    assert "Mabwysiadu'r CDLl newydd" in english[next(p for p in data if p.endswith(".csv"))]
