"""The scale benchmark runs end to end: a smoke run at N = 50 (figures are printed, never judged).

The real run (N = 1,000 and 10,000) takes minutes and is not a test; see docs/benchmarks.md.
These tests only check that every step works and every figure is written.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RUN = ROOT / "bench" / "run.py"
SYNTHETIC = ROOT / "bench" / "synthetic.py"
PAGE_BUDGET = 250_000
"""The most HTML any page may weigh (bench/report.py)."""


def bench(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, str(RUN), *args], cwd=cwd, capture_output=True, text=True,
        timeout=600, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, f"bench/run.py failed:\n{result.stdout}\n{result.stderr}"
    return result


def test_smoke_run_at_50_items_writes_every_figure(tmp_path: Path) -> None:
    result = bench("--sizes", "50", "--rebuild-at", "50", "--no-search", "--out", str(tmp_path))

    data = json.loads((tmp_path / "latest.json").read_text(encoding="utf-8"))
    size = data["sizes"]["50"]
    assert size["items"] == 50
    assert size["core"]["pages"] > 50
    for build in ("build", "baseline"):
        assert size[build]["seconds"] > 0
        assert size[build]["peak_rss"] > 0
    assert size["site"]["item_pages"] == 50 + size["sections"]
    assert size["site"]["item_page_avg"] > 0
    assert size["site"]["search_index"] > 0
    assert size["rebuild"]["page_shows_change"], "the rebuilt page does not show the update"
    assert 0 < size["rebuild"]["pages_written"] < size["rebuild"]["pages"], size["rebuild"]
    assert size["rebuild"]["differs_from_full_build"] == []
    assert "search" not in size
    # No page of the smoke run exceeds its share of the page budget: each page, with every
    # list on it at the most rows a page holds, stays within what any page may weigh.
    site = size["site"]
    assert 0 < site["page_max"] <= site["page_full_max"] <= PAGE_BUDGET, site
    assert {t["target"] for t in data["targets"]} >= {
        "ratio (2)/(3)", "core share of full build", "peak memory of the build",
        "average item page HTML", "search index per item", "rebuild after one update",
        "largest page HTML", "largest page with full lists",
    }
    for row in ("(1) core: CPU total", "(2) mkdocs build with plugin", "ratio (2)/(3)",
                "(5) rebuild after one update"):
        assert row in result.stdout
    markdown = (tmp_path / "latest.md").read_text(encoding="utf-8")
    assert markdown.count("| n = 50 |") == 1
    assert not (tmp_path / "work").joinpath("n50").exists(), "the work folder was not removed"


def test_synthetic_content_is_the_same_for_the_same_seed(tmp_path: Path) -> None:
    for name in ("a", "b"):
        subprocess.run([sys.executable, str(SYNTHETIC), str(tmp_path / name), "--items", "120"],
                       check=True, capture_output=True)
    first = sorted((tmp_path / "a").rglob("*.yml"))
    assert [p.name for p in first] == ["plan-01.yml", "site.yml"]
    for path in first:
        twin = tmp_path / "b" / path.relative_to(tmp_path / "a")
        assert path.read_bytes() == twin.read_bytes(), f"{path.name} differs between runs"


def test_synthetic_content_passes_the_checker(tmp_path: Path) -> None:
    subprocess.run([sys.executable, str(SYNTHETIC), str(tmp_path / "c"), "--items", "300"],
                   check=True, capture_output=True)
    result = subprocess.run(
        [sys.executable, "-m", "generator.cli", "check", "--content", str(tmp_path / "c")],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "3 plans, 300 items (315 with sections)" in result.stdout


@pytest.mark.browser
def test_smoke_run_times_a_search_in_chromium(tmp_path: Path) -> None:
    bench("--sizes", "50", "--rebuild-at", "0", "--search-runs", "1", "--out", str(tmp_path))

    data = json.loads((tmp_path / "latest.json").read_text(encoding="utf-8"))
    search = data["sizes"]["50"]["search"]
    assert len(search["from_navigation"]) == 1
    assert "matching" in search["results"].lower()
