"""A real `mkdocs build --strict` of the twoaxis fixture (status and confidence): no warning,
every page built, the pages by confidence in the navigation, and every link and anchor of the
built site resolves (the whole-site checks of :mod:`tests.mkdocs.test_site_checks`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from ..conftest import FIXTURES, build_site_and_warnings
from .test_site_checks import SiteReport, check_site


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    return build_site_and_warnings(tmp_path_factory.mktemp("twoaxis"), FIXTURES / "twoaxis")


@pytest.fixture(scope="module")
def report(built: tuple[Path, list[str]]) -> SiteReport:
    return check_site(built[0])


def test_the_strict_build_logs_no_warning(built: tuple[Path, list[str]]) -> None:
    assert built[1] == []


def test_both_axes_are_on_the_built_pages(built: tuple[Path, list[str]]) -> None:
    site = built[0]
    item = (site / "plans/corporate/1-1/index.html").read_text(encoding="utf-8")
    assert "pt-badge--in-progress" in item and "Confidence: Amber" in item
    plan = (site / "plans/corporate/index.html").read_text(encoding="utf-8")
    assert "Items of this plan by confidence" in plan
    for level in ("green", "amber", "red", "none"):
        assert (site / f"browse/confidence/{level}/index.html").is_file(), level
    browse = (site / "browse/status/index.html").read_text(encoding="utf-8")
    nav = browse[browse.index('class="md-nav md-nav--primary"'):]  # its section is open here
    assert nav.index("By status") < nav.index("By confidence") < nav.index("By lead")


def test_every_link_and_anchor_resolves(report: SiteReport) -> None:
    assert report.links_checked and report.anchors_checked
    assert report.problems() == []
