"""`plantrack round` as a user runs it: its help, and the journey of a quarter's reporting
(close the round, report an update in it with its evidence, then correct that update)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

from generator import load_site

from ..conftest import FIXTURES, ROOT

PLAN_FILE = "content/plans/riverside.yml"


def plantrack(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "100"}  # argparse wraps help to the terminal's width
    return subprocess.run([sys.executable, "-m", "generator.cli", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, check=False)


def test_the_command_list_names_round() -> None:
    result = plantrack("--help")
    assert "    update    add a dated progress update to one item\n" \
           "    round     declare (close) a reporting round of a plan\n" in result.stdout


def test_help_describes_every_option() -> None:
    result = plantrack("round", "--help")
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == """\
usage: plantrack round [-h] [--date DATE] [--note TEXT] [--relayout] [--content CONTENT]
                       PLAN LABEL

Add a reporting round, closed on a date, at the end of a plan's rounds: list. Every update dated
on or before that day (and after the round before) that names no round of its own is then reported
in it. The plan file is edited in place: comments, key order and the layout of everything else are
kept. Nothing is written unless the content still loads without problems.

positional arguments:
  PLAN               the plan's id (as in its file: id: ...)
  LABEL              the round's name as the council gives it, such as "Q1 2024/25"; its page's
                     address is made from it

options:
  -h, --help         show this help message and exit
  --date DATE        the day the round closed, YYYY-MM-DD: after the last round's, and not after
                     today (or the site's as_of) (default: today)
  --note TEXT        where or how it was reported, such as "Cabinet, 10 July 2024"
  --relayout         when the YAML writer cannot keep the layout of other lines (text wrapped by
                     another program), let it lay them out anew; their data stays the same
  --content CONTENT  the folder holding site.yml, plans/ and decisions/ (default: content)
"""


def test_close_a_round_report_in_it_and_correct_the_update(tmp_path: Path) -> None:
    shutil.copytree(FIXTURES / "rounds", tmp_path / "content")  # as_of 2025-01-15
    closed = plantrack("round", "riverside", "Q4 2024/25", "--date", "2025-01-10",
                       "--note", "Cabinet, 23 January 2025", cwd=tmp_path)
    assert (closed.returncode, closed.stderr) == (0, "")
    assert closed.stdout == ('riverside: round "Q4 2024/25" closed on 2025-01-10, no updates '
                             f"reported in it ({PLAN_FILE})\n")

    reported = plantrack(
        "update", "riverside", "1.1", "--status", "on-track", "--date", "2025-01-09",
        "--round", "Q4 2024/25", "--evidence", "Site visit photos=https://example.org/photos",
        "--note", "Survey done; works restart.", cwd=tmp_path)
    assert (reported.returncode, reported.stderr) == (0, "")
    assert reported.stdout == (
        'riverside 1.1: status At risk -> On track, update dated 2025-01-09 added, reported in '
        f'round "Q4 2024/25", 1 evidence link ({PLAN_FILE})\n')

    corrected = plantrack(
        "update", "riverside", "1.1", "--status", "at-risk", "--date", "2025-01-10",
        "--corrects", "2025-01-09", "--due", "June 2025", "--due-reason",
        "The survey found a culvert to repair.", "--note", "Works cannot restart yet.",
        cwd=tmp_path)
    assert (corrected.returncode, corrected.stderr) == (0, "")
    assert corrected.stdout == (
        "riverside 1.1: status On track -> At risk, due March 2025 -> June 2025 (originally due "
        "December 2024; reason given), update dated 2025-01-10 added, reported in round "
        f'"Q4 2024/25" (by its date), correcting the update of 2025-01-09 ({PLAN_FILE})\n')

    text = (tmp_path / PLAN_FILE).read_text(encoding="utf-8")
    assert text.startswith("# A test fixture (not a real council)")  # comments kept
    assert (
        "          - date: 2025-01-09\n"
        "            status: on-track\n"
        "            note: Survey done; works restart.\n"
        "            round: Q4 2024/25\n"
        "            evidence:\n"
        "              - title: Site visit photos\n"
        "                url: https://example.org/photos\n"
        "          - date: 2025-01-10\n"
        "            status: at-risk\n"
        "            note: Works cannot restart yet.\n"
        "            due: June 2025\n"
        "            due_reason: The survey found a culvert to repair.\n"
        "            corrects: 2025-01-09\n"
        "      - ref: \"1.2\"\n") in text

    plan = load_site(tmp_path / "content").plan("riverside")
    assert plan is not None
    assert [(r.label, r.date, r.note) for r in plan.rounds] == [
        ("Q1 2024/25", date(2024, 6, 30), "Reported to Cabinet, 11 July 2024"),
        ("Q2 2024/25", date(2024, 9, 30), "Reported to Cabinet, 10 October 2024"),
        ("Q3 2024/25", date(2024, 12, 31), "Reported to Cabinet, 16 January 2025"),
        ("Q4 2024/25", date(2025, 1, 10), "Cabinet, 23 January 2025")]
    item = plan.find("1.1")
    assert item is not None
    report, correction = item.updates[-2:]
    assert (report.round, correction.round) == ("Q4 2024/25", "Q4 2024/25")
    assert [(e.title, e.url, e.archived) for e in report.evidence] == [
        ("Site visit photos", "https://example.org/photos", None)]
    assert report.corrected_by is correction and correction.corrects == date(2025, 1, 9)
    assert correction.due is not None and correction.due.text == "June 2025"
    assert correction.due_reason == "The survey found a culvert to repair."
    assert item.due is not None and item.original_due is not None
    assert (item.due.text, item.original_due.text) == ("June 2025", "December 2024")
    assert item.current_status == "at-risk"

    checked = plantrack("check", cwd=tmp_path)
    assert (checked.returncode, checked.stderr) == (0, "")
    assert checked.stdout == ("content: 1 plan, 5 items (7 with sections), 0 decision "
                              "records: no problems found\n")
