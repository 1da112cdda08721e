"""A real `mkdocs build --strict` of the rounds fixture (three reporting rounds, evidence, a
correction): no warning, the round pages and the corrections page built, the rounds in the
navigation, and every link and anchor of the built site resolves."""

from __future__ import annotations

from pathlib import Path

import pytest

from ..conftest import FIXTURES, build_site_and_warnings
from .test_site_checks import SiteReport, check_site


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    return build_site_and_warnings(tmp_path_factory.mktemp("rounds"), FIXTURES / "rounds")


@pytest.fixture(scope="module")
def report(built: tuple[Path, list[str]]) -> SiteReport:
    return check_site(built[0])


def test_the_strict_build_logs_no_warning(built: tuple[Path, list[str]]) -> None:
    assert built[1] == []


def test_the_round_pages_are_built_and_in_the_nav(built: tuple[Path, list[str]]) -> None:
    site = built[0]
    for page in ("plans/riverside/rounds/index.html", "corrections/index.html",
                 *(f"plans/riverside/rounds/q{n}-2024-25/index.html" for n in (1, 2, 3))):
        assert (site / page).is_file(), page
    plan = (site / "plans/riverside/index.html").read_text(encoding="utf-8")
    nav = plan[plan.index('class="md-nav md-nav--primary"'):]
    assert "Reporting rounds" in nav
    q3 = (site / "plans/riverside/rounds/q3-2024-25/index.html").read_text(encoding="utf-8")
    assert 'id="since-the-round-before"' in q3 and 'id="overdue-when-the-round-closed"' in q3
    assert "Q4" not in q3 and "next round" not in q3.lower()
    item = (site / "plans/riverside/1-2/index.html").read_text(encoding="utf-8")
    assert 'id="update-2024-09-25"' in item and 'href="#update-2024-10-20"' in item


def test_every_link_and_anchor_resolves(report: SiteReport) -> None:
    assert report.links_checked and report.anchors_checked
    assert report.problems() == []
