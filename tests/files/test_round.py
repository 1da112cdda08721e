"""`plantrack round`: a reporting round added in place at the end of a plan's rounds, every
other line of the file kept; a round that cannot close is refused in one line, the file
untouched."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
import yaml

from generator import load_site

from ..conftest import FIXTURES
from .test_update import changed_lines, plantrack

RIVERSIDE = "content/plans/riverside.yml"
PARISH = "content/plans/2022-action-plan.yml"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A folder holding content/, a copy of the rounds fixture (as_of 2025-01-15)."""
    shutil.copytree(FIXTURES / "rounds", tmp_path / "content")
    return tmp_path


def close(project: Path, file: str, *args: str) -> tuple[subprocess.CompletedProcess[str],
                                                         str, str]:
    """Run plantrack round; return the result and the plan file's text before and after."""
    before = (project / file).read_text(encoding="utf-8")
    result = plantrack("round", *args, cwd=project)
    return result, before, (project / file).read_text(encoding="utf-8")


def test_a_round_goes_at_the_end_of_the_rounds_and_nothing_else_changes(project: Path) -> None:
    result, before, after = close(project, RIVERSIDE, "riverside", "Q4 2024/25", "--date",
                                  "2025-01-10", "--note", "Cabinet, 23 January 2025")
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == ('riverside: round "Q4 2024/25" closed on 2025-01-10, no updates '
                             f"reported in it ({RIVERSIDE})\n")
    assert changed_lines(before, after) == [
        "+  - label: Q4 2024/25",
        "+    date: 2025-01-10",
        "+    note: Cabinet, 23 January 2025",
    ]
    assert "    note: Reported to Cabinet, 16 January 2025\n  - label: Q4 2024/25\n" in after
    plan = load_site(project / "content").plan("riverside")
    assert plan is not None
    assert [(r.label, r.date, r.slug, r.note) for r in plan.rounds[-2:]] == [
        ("Q3 2024/25", date(2024, 12, 31), "q3-2024-25", "Reported to Cabinet, 16 January 2025"),
        ("Q4 2024/25", date(2025, 1, 10), "q4-2024-25", "Cabinet, 23 January 2025")]


def test_the_updates_since_the_last_round_are_counted_in_the_new_one(project: Path) -> None:
    plantrack("update", "riverside", "2.1", "--status", "complete", "--date", "2025-01-05",
              "--note", "Still lit.", cwd=project)
    plantrack("update", "riverside", "2.2", "--status", "on-track", "--date", "2025-01-06",
              cwd=project)
    result, _, _ = close(project, RIVERSIDE, "riverside", "Q4 2024/25", "--date", "2025-01-10")
    assert result.stdout == ('riverside: round "Q4 2024/25" closed on 2025-01-10, 2 updates '
                             f"reported in it ({RIVERSIDE})\n")
    plan = load_site(project / "content").plan("riverside")
    item = plan.find("2.1") if plan else None
    assert item is not None and item.updates[-1].round == "Q4 2024/25"


def test_a_plan_without_rounds_gets_its_rounds_before_its_items(tmp_path: Path) -> None:
    """The field goes where the content format puts it, after the folded summary, and the
    comments stay where they were; the round takes in every update dated up to it."""
    shutil.copytree(FIXTURES / "update", tmp_path / "content")
    result, before, after = close(tmp_path, PARISH, "parish-plan", "Q2 2022/23", "--date",
                                  "2022-09-30", "--note", "Parish meeting, 12 October 2022")
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == ('parish-plan: round "Q2 2022/23" closed on 2022-09-30, 4 updates '
                             f"reported in it ({PARISH})\n")
    assert changed_lines(before, after) == [
        "+rounds:",
        "+  - label: 'Q2 2022/23'",
        "+    date: 2022-09-30",
        "+    note: 'Parish meeting, 12 October 2022'",
    ]
    assert "  the annual meeting.\nrounds:\n  - label: 'Q2 2022/23'\n" in after
    assert "2022-09-30\n    note: 'Parish meeting, 12 October 2022'\nitems:\n" in after


def test_an_empty_list_of_rounds_is_replaced_by_a_block_list(tmp_path: Path) -> None:
    shutil.copytree(FIXTURES / "update", tmp_path / "content")
    file = tmp_path / PARISH
    text = file.read_text(encoding="utf-8")
    file.write_text(text.replace("\nitems:\n", "\nrounds: []\nitems:\n"), encoding="utf-8")
    result, before, after = close(tmp_path, PARISH, "parish-plan", "Q2", "--date", "2022-09-30")
    assert (result.returncode, result.stderr) == (0, "")
    assert changed_lines(before, after) == [
        "-rounds: []", "+rounds:", "+  - label: 'Q2'", "+    date: 2022-09-30"]


def test_text_wrapped_by_another_program_is_laid_out_anew_only_when_asked(
    project: Path,
) -> None:
    file = project / RIVERSIDE
    data = yaml.safe_load(file.read_text(encoding="utf-8"))
    data["summary"] = " ".join(["A plan reported in rounds, with a long summary."] * 3)
    file.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    args = ["riverside", "Q4 2024/25", "--date", "2025-01-10"]
    result, before, after = close(project, RIVERSIDE, *args)
    assert (result.returncode, result.stdout, after) == (1, "", before)
    assert result.stderr == (
        f"{RIVERSIDE}: the YAML writer cannot keep the layout of 4 other lines (text wrapped "
        "by another program, or unusual indentation); nothing was changed\n"
        "run again with --relayout to let it lay them out anew (their data stays the same)\n")
    result, _, after = close(project, RIVERSIDE, *args, "--relayout")
    assert result.stdout == (
        'riverside: round "Q4 2024/25" closed on 2025-01-10, no updates reported in it '
        f"({RIVERSIDE})\nnote: 4 other lines of the file were laid out anew (--relayout); "
        "their data is unchanged\n")
    assert yaml.safe_load(after)["summary"] == data["summary"]


def test_windows_line_ends_and_a_byte_order_mark_are_kept(project: Path) -> None:
    file = project / RIVERSIDE
    text = file.read_text(encoding="utf-8")
    file.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    result = plantrack("round", "riverside", "Q4 2024/25", "--date", "2025-01-10", cwd=project)
    assert result.returncode == 0, result.stderr
    raw = file.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf# A test fixture")
    assert raw.count(b"\n") == raw.count(b"\r\n") == text.count("\n") + 2
    assert b"  - label: Q4 2024/25\r\n    date: 2025-01-10\r\nitems:\r\n" in raw


def test_the_round_closes_today_by_default(project: Path) -> None:
    settings = project / "content/site.yml"  # a site judged as of today, not a fixed date
    settings.write_text(settings.read_text(encoding="utf-8").replace("as_of: 2025-01-15\n", ""),
                        encoding="utf-8")
    first = date.today().isoformat()
    result, _, after = close(project, RIVERSIDE, "riverside", "Q4 2024/25")
    days = {first, date.today().isoformat()}
    assert any(result.stdout == (f'riverside: round "Q4 2024/25" closed on {day}, no updates '
                                 f"reported in it ({RIVERSIDE})\n") for day in days)
    assert any(f"  - label: Q4 2024/25\n    date: {day}\nitems:\n" in after for day in days)


@pytest.mark.parametrize(("args", "message"), [
    (["riverside", "Q3 2024/25", "--date", "2025-01-10"],
     'riverside already has a round "Q3 2024/25" (closed on 2024-12-31); nothing was changed'),
    (["riverside", "Q4 2024/25", "--date", "2024-12-31"],
     "--date: expected a date after 2024-12-31, when the last round (Q3 2024/25) closed, found "
     "2024-12-31: rounds are listed oldest first; nothing was changed"),
    (["riverside", "Q4 2024/25", "--date", "2025-01-16"],
     "--date: expected a date on or before the site's as_of date in site.yml (2025-01-15), "
     'found "2025-01-16": progress cannot be reported before it happens; nothing was changed'),
    (["riverside", "q3 2024-25", "--date", "2025-01-10"],
     'LABEL: expected a label unique in the plan, found "q3 2024-25", whose address '
     '"q3-2024-25" is that of "Q3 2024/25"; nothing was changed'),
    (["riverside", "//", "--date", "2025-01-10"],
     'LABEL: expected a label with letters or digits, found "//"; nothing was changed'),
    (["riversde", "Q4 2024/25", "--date", "2025-01-10"],
     'no plan has the id "riversde" in content/plans; did you mean "riverside"?; nothing was '
     "changed"),
    (["riverside", "Q4 2024/25", "--date", "10/01/2025"],
     '--date: expected a date as YYYY-MM-DD, found "10/01/2025"; nothing was changed'),
    (["riverside", "Q3 2024/25", "--date", "2024-11-30"],
     'riverside already has a round "Q3 2024/25" (closed on 2024-12-31)\n'
     "--date: expected a date after 2024-12-31, when the last round (Q3 2024/25) closed, found "
     "2024-11-30: rounds are listed oldest first\nnothing was changed"),
])
def test_a_round_that_cannot_close_is_refused_and_the_file_untouched(
    project: Path, args: list[str], message: str
) -> None:
    raw = (project / RIVERSIDE).read_bytes()
    result = plantrack("round", *args, cwd=project)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == f"{message}\n"
    assert (project / RIVERSIDE).read_bytes() == raw


def test_without_as_of_the_limit_is_today(project: Path) -> None:
    settings = project / "content/site.yml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("as_of: 2025-01-15\n", ""),
                        encoding="utf-8")
    result, before, after = close(project, RIVERSIDE, "riverside", "Q9", "--date", "2999-01-01")
    assert (result.returncode, after) == (1, before)
    assert result.stderr.startswith("--date: expected a date on or before today (")
    assert result.stderr.endswith('found "2999-01-01": progress cannot be reported before it '
                                  "happens; nothing was changed\n")


def test_content_with_problems_is_not_edited(tmp_path: Path) -> None:
    shutil.copytree(FIXTURES / "bad", tmp_path / "content")
    result = plantrack("round", "x", "Q1", "--date", "2020-01-01", cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.endswith(
        "errors in 6 files\nfix these first (plantrack check lists them); nothing was changed\n")
