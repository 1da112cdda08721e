"""Rendered pages compared with golden files. Refresh them with PLANTRACK_UPDATE_GOLDEN=1."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from generator import load_site, render_site

from ..conftest import FIXTURES

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "sample"
UPDATE = os.environ.get("PLANTRACK_UPDATE_GOLDEN") == "1"


def rendered() -> dict[str, str]:
    return render_site(load_site(FIXTURES / "sample"))


def test_the_set_of_pages_is_as_expected() -> None:
    pages = rendered()
    if UPDATE:
        for path, text in pages.items():
            (GOLDEN / path).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / path).write_text(text, encoding="utf-8", newline="")
    expected = sorted(p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*") if p.is_file())
    assert sorted(pages) == expected


@pytest.mark.parametrize(
    "path", sorted(p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*") if p.is_file())
)
def test_page_matches_golden_file(path: str) -> None:
    with open(GOLDEN / path, encoding="utf-8", newline="") as golden:
        assert rendered()[path] == golden.read()


def test_as_of_comes_from_site_settings_and_can_be_overridden() -> None:
    site = load_site(FIXTURES / "sample")
    later = render_site(site, as_of=date(2023, 6, 1))["plans/village/1-02.md"]
    assert "Overdue" not in later  # complete items are never overdue
    assert "Overdue" in render_site(site, as_of=date(2023, 6, 1))["plans/village/1-01.md"]
    assert "Overdue" not in render_site(site, as_of=date(2022, 7, 1))["plans/village/1-01.md"]
