"""The plantrack command, run as a user runs it, with its exact output."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from ..conftest import FIXTURES, ROOT


def plantrack(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator.cli", *args], cwd=cwd,
                          capture_output=True, text=True, check=False)


def test_check_on_the_bundled_content() -> None:
    result = plantrack("check")
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == ("content: 4 plans, 339 items (357 with sections), "
                             "1 decision record: no problems found\n")


def test_check_lists_every_problem_grouped_by_file_without_a_traceback() -> None:
    result = plantrack("check", "--content", str(FIXTURES / "bad"))
    assert result.returncode == 1
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert lines[0] == f"{FIXTURES / 'bad'}/plans/bomb.yml"
    assert lines[1] == ("  line 1: aliases in this file expand to more than 100,000 values; a "
                        "plan needs few aliases or none [alias-expansion]")
    assert lines[-1] == "20 errors in 6 files"


def test_check_on_a_folder_without_content() -> None:
    result = plantrack("check", "--content", "/nonexistent")
    assert result.returncode == 1
    assert result.stderr == ("/nonexistent/site.yml: no site settings found (is --content the "
                             "folder holding site.yml and plans/?)\n")


def test_pages_writes_the_generated_markdown(tmp_path: Path) -> None:
    out = tmp_path / "pages"
    result = plantrack("pages", "--content", str(FIXTURES / "sample"), "--out", str(out),
                       "--markdown-only")
    assert result.returncode == 0
    assert result.stdout == f"wrote 44 pages to {out}\n"
    assert (out / "plans/village/1-01.md").read_text(encoding="utf-8").startswith("---\n")


def test_help_describes_each_command() -> None:
    for command in ("check", "pages"):
        result = plantrack(command, "--help")
        assert result.returncode == 0 and "--content" in result.stdout
