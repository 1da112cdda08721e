"""`plantrack update`: a dated update added in place, everything else in the file kept."""

from __future__ import annotations

import difflib
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
import yaml

from generator import load_site
from generator.content.errors import PlanTrackerError
from generator.files.yamledit import load_edited

from ..conftest import FIXTURES, ROOT

PLAN_FILE = "content/plans/2022-action-plan.yml"
"""The fixture plan's file; its id is parish-plan (plans are found by id, not file name)."""


def plantrack(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator.cli", *args], cwd=cwd,
                          capture_output=True, text=True, check=False)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A folder holding content/, a copy of tests/fixtures/update."""
    shutil.copytree(FIXTURES / "update", tmp_path / "content")
    return tmp_path


def changed_lines(before: str, after: str) -> list[str]:
    """The lines a diff shows as removed (-) and added (+), in order."""
    diff = difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
    return [line for line in diff if line[:1] in "+-" and line[:3] not in ("+++", "---")]


def update(project: Path, *args: str) -> tuple[subprocess.CompletedProcess[str], str, str]:
    """Run plantrack update; return the result and the plan file's text before and after."""
    file = project / PLAN_FILE
    before = file.read_text(encoding="utf-8")
    result = plantrack("update", *args, cwd=project)
    return result, before, file.read_text(encoding="utf-8")


def test_an_update_changes_only_the_status_progress_and_updates_lines(project: Path) -> None:
    result, before, after = update(project, "parish-plan", "1.01", "--status", "complete",
                                   "--note", "All four issues out", "--date", "2022-12-31",
                                   "--progress", "100")
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (
        "parish-plan 1.01: status On track -> Complete, progress 40% -> 100%, update dated "
        f"2022-12-31 added ({PLAN_FILE})\n")
    assert changed_lines(before, after) == [
        '-        status: "Green - on track"',
        "-        progress: 40",
        '+        status: "complete"',
        "+        progress: 100",
        '+          - date: 2022-12-31',
        '+            status: "complete"',
        '+            note: "All four issues out"',
    ]
    # the blank line and the comment that followed the last update still come after it
    assert after.count('note: "All four issues out"\n\n      # The meeting is held every May.') == 1


def test_a_new_due_date_keeps_the_first_as_original_due(project: Path) -> None:
    result, before, after = update(project, "parish-plan", "1.02", "--status", "Green",
                                   "--date", "2022-12-31", "--due", "Jun-23",
                                   "--note", "Date set")
    assert result.stdout == (
        "parish-plan 1.02: status At risk -> On track, due May-22 -> Jun-23 (originally due "
        f"May-22), update dated 2022-12-31 added ({PLAN_FILE})\n")
    assert changed_lines(before, after) == [
        "-        due: 'May-22'",
        "-        status: Amber",
        "+        due: 'Jun-23'",
        "+        original_due: 'May-22'",
        "+        status: Green",
        "+        updates:",
        "+          - date: 2022-12-31",
        "+            status: 'Green'",
        "+            from: 'Amber'",
        "+            note: 'Date set'",
        "+            due: 'Jun-23'",
    ]
    plan = load_site(project / "content").plan("parish-plan")
    item = plan.find("1.02") if plan else None
    assert item is not None and item.original_due is not None and item.due is not None
    assert (item.original_due.text, item.due.text) == ("May-22", "Jun-23")


def test_an_original_due_date_already_recorded_is_never_replaced(project: Path) -> None:
    result, before, after = update(project, "parish-plan", "2", "--status", "Red",
                                   "--date", "2022-12-31", "--due", "March 2023",
                                   "--note", "Builder withdrew")
    assert result.stdout == (
        "parish-plan 2: status At risk -> Off track, due Dec-22 -> March 2023 (originally due "
        f"Oct-22), update dated 2022-12-31 added ({PLAN_FILE})\n")
    # the updates are newest first in this item, so the new one goes first
    assert changed_lines(before, after) == [
        '-    due: "Dec-22"',
        '+    due: "March 2023"',
        '+    status: "Red"',
        '+      - date: 2022-12-31',
        '+        status: "Red"',
        '+        note: "Builder withdrew"',
        '+        due: "March 2023"',
    ]
    assert '    original_due: "Oct-22"\n' in after
    assert "    updates:   # newest first\n      - date: 2022-12-31\n" in after


def test_new_fields_go_in_the_format_order_and_the_last_comment_stays_last(
    project: Path,
) -> None:
    result, before, after = update(project, "parish-plan", "3", "--status", "not-started",
                                   "--date", "2022-12-31", "--progress", "0", "--due", "Nov-23")
    assert result.stdout == (
        "parish-plan 3: status Not yet reported -> Not started, progress not given -> 0%, due "
        f"not given -> Nov-23, update dated 2022-12-31 added ({PLAN_FILE})\n")
    assert after.endswith(
        "    lead: Tree warden\n    due: Nov-23\n    status: not-started\n    progress: 0\n"
        "    updates:\n      - date: 2022-12-31\n        status: not-started\n"
        "        from: not reported\n    # Trees come from the county's free scheme.\n")
    assert after.startswith(before[: before.index("  - ref: \"3\"")])


def test_the_update_is_dated_today_by_default(project: Path) -> None:
    settings = project / "content/site.yml"  # a site judged as of today, not a fixed date
    settings.write_text(settings.read_text(encoding="utf-8").replace("as_of: 2023-01-15\n", ""),
                        encoding="utf-8")
    first = date.today().isoformat()
    result, _, after = update(project, "parish-plan", "3", "--status", "G")
    days = {first, date.today().isoformat()}
    assert any(result.stdout == (f"parish-plan 3: status Not yet reported -> On track, update "
                                 f"dated {day} added ({PLAN_FILE})\n") for day in days)
    assert any(f"- date: {day}\n" in after for day in days)


def test_the_bundled_charter_item_as_in_the_issue(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    file = tmp_path / "content/plans/all-councils-charter-2022.yml"
    before = file.read_text(encoding="utf-8")
    result = plantrack("update", "all-councils-charter-2022", "2.05", "--status", "Complete",
                       "--date", "2026-11-24", "--due", "Dec-22", "--note",
                       "List published: see the council's website", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (
        "all-councils-charter-2022 2.05: status On track -> Complete, due Aug-22 -> Dec-22 "
        "(originally due Aug-22), update dated 2026-11-24 added "
        "(content/plans/all-councils-charter-2022.yml)\n")
    assert changed_lines(before, file.read_text(encoding="utf-8")) == [
        '-        due: "Aug-22"',
        '-        status: "Green - on track"',
        '+        due: "Dec-22"',
        '+        original_due: "Aug-22"',
        '+        status: "Complete"',
        "+        updates:",
        "+          - date: 2026-11-24",
        '+            status: "Complete"',
        '+            from: "Green - on track"',
        '+            note: "List published: see the council\'s website"',
        '+            due: "Dec-22"',
    ]


@pytest.mark.parametrize(("plan", "ref"), [
    ("bcc-community-leadership-2003", "12.3"),
    ("bcc-getting-closer-2005", "O14"),
    ("scdc-community-customer-services-2009", "CA1"),
])
def test_every_bundled_plan_file_keeps_its_layout(tmp_path: Path, plan: str, ref: str) -> None:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    file = tmp_path / "content/plans" / f"{plan}.yml"
    before = file.read_text(encoding="utf-8")
    result = plantrack("update", plan, ref, "--status", "at-risk", "--date", "2026-11-24",
                       cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    after = file.read_text(encoding="utf-8")
    assert [" ".join(line.split()) for line in changed_lines(before, after)] == [
        '+ status: "at-risk"', "+ updates:", "+ - date: 2026-11-24", '+ status: "at-risk"',
        '+ from: "not reported"']


@pytest.mark.parametrize("note", [
    "Cost: £1,200 # not # a comment - \"quoted\" and 'single'",
    "<script>alert(1)</script> {{ site }} {% raw %} [link](javascript:x) *bold*",
    "First line\nsecond line: with a colon",
    "@mention, `code`, | pipe, > angle, - dash, ? query, ! bang, & amp, * star",
])
def test_any_note_reads_back_as_typed(project: Path, note: str) -> None:
    result, _, _ = update(project, "parish-plan", "2", "--status", "Amber", "--date",
                          "2023-01-02", "--note", note)
    assert result.returncode == 0, result.stderr
    plan = load_site(project / "content").plan("parish-plan")
    item = plan.find("2") if plan else None
    assert item is not None and item.updates[0].note == note


def test_windows_line_ends_and_a_byte_order_mark_are_kept(project: Path) -> None:
    file = project / PLAN_FILE
    text = file.read_text(encoding="utf-8")
    file.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    result = plantrack("update", "parish-plan", "2", "--status", "G", "--date", "2023-01-02",
                       cwd=project)
    assert result.returncode == 0, result.stderr
    raw = file.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf# The parish action plan")
    assert raw.count(b"\n") == raw.count(b"\r\n") == text.count("\n") + 3


def test_a_file_laid_out_by_pyyaml_keeps_its_layout(project: Path) -> None:
    """Unindented lists and long text wrapped at 80 columns, as yaml.safe_dump writes them."""
    file = project / PLAN_FILE
    data = yaml.safe_load(file.read_text(encoding="utf-8"))
    data["summary"] = "What the parish council promised for 2022. " * 4
    file.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    before = file.read_text(encoding="utf-8")
    result = plantrack("update", "parish-plan", "3", "--status", "complete", "--date",
                       "2023-01-02", cwd=project)
    assert result.stdout.endswith(f"({PLAN_FILE})\n")
    assert changed_lines(before, file.read_text(encoding="utf-8")) == [
        "+  status: complete",
        "+  updates:",
        "+  - date: 2023-01-02",
        "+    status: complete",
        "+    from: not reported",
    ]


def test_text_wrapped_by_another_program_is_laid_out_anew_only_when_asked(
    project: Path,
) -> None:
    """ruamel.yaml wraps long plain text differently from PyYAML, so it cannot keep such lines."""
    file = project / PLAN_FILE
    data = yaml.safe_load(file.read_text(encoding="utf-8"))
    data["summary"] = "What the parish council promised for 2022 at its annual meeting " * 3
    data["summary"] = data["summary"].strip()
    file.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    args = ["parish-plan", "3", "--status", "complete", "--date", "2023-01-02"]
    result, before, after = update(project, *args)
    assert (result.returncode, result.stdout, after) == (1, "", before)
    assert result.stderr == (
        f"{PLAN_FILE}: the YAML writer cannot keep the layout of 3 other lines (text wrapped "
        "by another program, or unusual indentation); nothing was changed\n"
        "run again with --relayout to let it lay them out anew (their data stays the same)\n")
    result, _, after = update(project, *args, "--relayout")
    assert result.stdout == (
        f"parish-plan 3: status Not yet reported -> Complete, update dated 2023-01-02 added "
        f"({PLAN_FILE})\nnote: 3 other lines of the file were laid out anew (--relayout); "
        "their data is unchanged\n")
    assert yaml.safe_load(after)["summary"] == data["summary"]


def test_every_bad_option_is_reported_at_once_and_the_file_is_untouched(project: Path) -> None:
    result, before, after = update(project, "parish-plan", "1.1", "--status", "Finished",
                                   "--date", "24/11/2022", "--progress", "150",
                                   "--due", "2022-02-30")
    assert (result.returncode, result.stdout, after) == (1, "", before)
    assert result.stderr == (
        "--status: expected one of not-started, in-progress, on-track, at-risk, off-track, "
        "complete, cancelled (or Green, Amber, Red, G, A, R, Green - <any text>, Amber - <any "
        'text>, Red - <any text>, Completed, Canceled); found "Finished"'
        "; if it is the council's own word, add it under statuses: in site.yml or the plan "
        'file: - {wording: "Finished", means: MEANING}, MEANING one of not-started, in-progress, '
        "on-track, at-risk, off-track, complete, cancelled\n"
        '--date: expected a date as YYYY-MM-DD, found "24/11/2022"\n'
        '--progress: expected a whole number from 0 to 100, found "150"\n'
        '--due: expected a real calendar date, found "2022-02-30" (2022-02-30 does not exist)\n'
        f'parish-plan ({PLAN_FILE}) has no item "1.1"; did you mean "1.01"?\n'
        "nothing was changed\n")


@pytest.mark.parametrize(("args", "message"), [
    (["parish-plann", "1.01", "--status", "G"],
     'no plan has the id "parish-plann" in content/plans; did you mean "parish-plan"?'),
    (["village", "1.01", "--status", "G"],
     'no plan has the id "village" in content/plans; the plans are parish-plan'),
    (["parish-plan", "9", "--status", "G"],
     f'parish-plan ({PLAN_FILE}) has no item "9"; its refs are 1.00, 1.01, 1.02, 2, 3'),
    (["parish-plan", "3", "--status", "G", "--date", "2023-02-29", "--progress", "-3"],
     '--date: expected a real calendar date, found "2023-02-29"\n'
     '--progress: expected a whole number from 0 to 100, found "-3"'),
    (["parish-plan", "3", "--status", "G", "--due", " "],
     "--due: expected a due date as the council writes it (Dec-22, March 2023), found nothing"),
])
def test_unknown_plans_refs_and_bad_values_are_refused(
    project: Path, args: list[str], message: str
) -> None:
    result, before, after = update(project, *args)
    assert (result.returncode, result.stdout, after) == (1, "", before)
    assert result.stderr == f"{message}\nnothing was changed\n"


def test_refs_beyond_a_screenful_are_counted(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "content", tmp_path / "content")
    result = plantrack("update", "all-councils-charter-2022", "7.7", "--status", "G",
                       cwd=tmp_path)
    assert result.stderr == (
        "all-councils-charter-2022 (content/plans/all-councils-charter-2022.yml) has no item "
        '"7.7"; its refs are 1.00, 1.01, 1.02, 2.00, 2.01, 2.02, 2.03, 2.04, 2.05, 2.06, 2.07, '
        "2.08 and 18 more\nnothing was changed\n")


def test_the_same_update_twice_is_refused(project: Path) -> None:
    args = ["parish-plan", "1.01", "--status", "on-track", "--date", "2022-06-30", "--note",
            "First issue delivered."]
    result, before, after = update(project, *args)
    assert (result.returncode, after) == (1, before)
    assert result.stderr == ('parish-plan 1.01 already has this update (dated 2022-06-30, '
                             'status "on-track", the same note); nothing was changed\n')


def test_content_with_problems_is_not_edited(tmp_path: Path) -> None:
    shutil.copytree(FIXTURES / "bad", tmp_path / "content")
    result = plantrack("update", "x", "1", "--status", "G", cwd=tmp_path)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.endswith(
        "errors in 6 files\nfix these first (plantrack check lists them); nothing was changed\n")


def test_an_edit_that_would_not_load_is_reported_with_the_real_file_name(project: Path) -> None:
    content = project / "content"
    file = content / "plans/2022-action-plan.yml"
    before = file.read_bytes()
    with pytest.raises(PlanTrackerError) as raised:
        load_edited(content, file, "id: parish-plan\ntitle: Plan\nitems: nothing\n")
    assert str(raised.value) == (
        "the edited file would not load, so it was left as it was:\n"
        f"{file}\n  line 3: items: expected a list of items, found \"nothing\" [not-a-list]\n"
        "1 error in 1 file")
    assert file.read_bytes() == before


def test_help_lists_every_option() -> None:
    result = plantrack("update", "--help", cwd=ROOT)
    assert result.returncode == 0
    for option in ("PLAN", "REF", "--status WORD", "--note TEXT", "--date DATE", "--progress N",
                   "--due DATE", "--relayout", "--content"):
        assert option in result.stdout


def test_an_update_on_a_section_is_refused_with_what_to_update_instead(project: Path) -> None:
    result, before, after = update(project, "parish-plan", "1.00", "--status", "complete")
    assert (result.returncode, result.stdout, after) == (1, "", before)
    assert result.stderr == (
        "parish-plan 1.00 is a section: it only groups items, and its progress is the roll-up "
        "of the items within it; update one of them instead (1.01, 1.02)\n"
        "nothing was changed\n")


def test_future_dates_typos_and_misspelt_months_are_refused(project: Path) -> None:
    result, before, after = update(project, "parish-plan", "3", "--status", "Ambr",
                                   "--date", "2999-05-01", "--due", "Ocotber 2023")
    assert (result.returncode, result.stdout, after) == (1, "", before)
    assert result.stderr == (
        "--status: expected one of not-started, in-progress, on-track, at-risk, off-track, "
        "complete, cancelled (or Green, Amber, Red, G, A, R, Green - <any text>, Amber - <any "
        'text>, Red - <any text>, Completed, Canceled); found "Ambr"; did you mean "Amber"?'
        "; if it is the council's own word, add it under statuses: in site.yml or the plan "
        'file: - {wording: "Ambr", means: MEANING}, MEANING one of not-started, in-progress, '
        "on-track, at-risk, off-track, complete, cancelled\n"
        f"--date: expected a date on or before today ({date.today().isoformat()}), found "
        '"2999-05-01": progress cannot be reported before it happens\n'
        '--due: expected a month name, found "Ocotber 2023": "Ocotber" is not a month; did you '
        'mean "October"?\n'
        "nothing was changed\n")


def test_an_update_after_the_sites_as_of_date_is_refused(project: Path) -> None:
    result, before, after = update(project, "parish-plan", "3", "--status", "G",
                                   "--date", "2023-02-01")
    assert (result.returncode, after) == (1, before)
    assert result.stderr == (
        "the edited file would not load, so it was left as it was:\n"
        f"{PLAN_FILE}\n"
        "  line 58: items[2].updates[0].date: expected a date on or before the site's as_of "
        'date in site.yml (2023-01-15), found "2023-02-01": progress cannot be reported before '
        "it happens [future-date]\n"
        "1 error in 1 file\n")


def test_the_report_reads_status_before_from_what_the_update_recorded(tmp_path: Path) -> None:
    """The charter's 2.05 was "Green - on track" with no dated update: after an update, the
    report's "what changed" says On track -> Complete, as the command did."""
    from generator import render_site
    from generator.views.report import report

    shutil.copytree(ROOT / "content", tmp_path / "content")
    result = plantrack("update", "all-councils-charter-2022", "2.05", "--status", "complete",
                       "--date", "2026-11-24", cwd=tmp_path)
    assert result.stdout.startswith("all-councils-charter-2022 2.05: status On track -> Complete")
    plan = load_site(tmp_path / "content").plan("all-councils-charter-2022")
    assert plan is not None
    changes = report(plan, date(2026, 12, 1)).changes
    assert [(c.item.ref, c.before, c.update.status) for c in changes] == [
        ("2.05", "on-track", "complete")]
    page = render_site(load_site(tmp_path / "content"), as_of=date(2026, 12, 1))[
        "reports/all-councils-charter-2022.md"]
    row = page.split("<caption>Changes since the last report</caption>")[1].split("</tr>")[1]
    assert row.index("On track</strong>") < row.index("Complete</strong>")
    assert "Not yet reported" not in row and "Not recorded" not in row


# --- a plan over time: rounds, evidence, corrections and due revisions ---------------------

RIVERSIDE = "content/plans/riverside.yml"


@pytest.fixture
def riverside(tmp_path: Path) -> Path:
    """A folder holding content/, a copy of the rounds fixture (as_of 2025-01-15)."""
    shutil.copytree(FIXTURES / "rounds", tmp_path / "content")
    return tmp_path


def update_riverside(project: Path, *args: str) -> tuple[subprocess.CompletedProcess[str],
                                                         str, str]:
    file = project / RIVERSIDE
    before = file.read_text(encoding="utf-8")
    result = plantrack("update", "riverside", *args, cwd=project)
    return result, before, file.read_text(encoding="utf-8")


def test_round_evidence_and_its_archived_copy_are_written_in_the_format_order(
    riverside: Path,
) -> None:
    result, before, after = update_riverside(
        riverside, "2.1", "--status", "complete", "--date", "2024-12-20", "--round",
        "Q3 2024/25", "--note", "Still lit.", "--evidence", "Photo=https://example.org/a?x=1",
        "--evidence", "Minutes = 3 = 3=https://example.org/m", "--archived",
        "https://web.archive.org/web/2024/https://example.org/m")
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (
        'riverside 2.1: status Complete (unchanged), update dated 2024-12-20 added, reported in '
        'round "Q3 2024/25", 2 evidence links (1 archived) (content/plans/riverside.yml)\n')
    assert changed_lines(before, after) == [
        "+        status: complete",
        "+          - date: 2024-12-20",
        "+            status: complete",
        "+            note: Still lit.",
        "+            round: Q3 2024/25",
        "+            evidence:",
        "+              - title: Photo",
        "+                url: https://example.org/a?x=1",
        "+              - title: Minutes = 3 = 3",
        "+                url: https://example.org/m",
        "+                archived: https://web.archive.org/web/2024/https://example.org/m",
    ]


def test_the_round_is_said_by_date_when_not_given(riverside: Path) -> None:
    result, before, after = update_riverside(riverside, "2.1", "--status", "complete",
                                             "--date", "2024-12-20")
    assert result.stdout == (
        'riverside 2.1: status Complete (unchanged), update dated 2024-12-20 added, reported in '
        'round "Q3 2024/25" (by its date) (content/plans/riverside.yml)\n')
    assert "round" not in "".join(changed_lines(before, after))
    result, _, _ = update_riverside(riverside, "2.1", "--status", "complete", "--date",
                                    "2025-01-05")
    assert result.stdout == (
        'riverside 2.1: status Complete (unchanged), update dated 2025-01-05 added, in no round '
        'yet (the last, "Q3 2024/25", closed on 2024-12-31) (content/plans/riverside.yml)\n')


def test_a_due_date_moved_is_recorded_in_the_update_with_its_reason(riverside: Path) -> None:
    result, before, after = update_riverside(
        riverside, "2.2", "--status", "at-risk", "--date", "2025-01-08", "--due", "June 2025",
        "--due-reason", "The second warden starts late.", "--note", "One warden so far.")
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == (
        "riverside 2.2: status On track -> At risk, due March 2025 -> June 2025 (originally due "
        "March 2025; reason given), update dated 2025-01-08 added, in no round yet (the last, "
        '"Q3 2024/25", closed on 2024-12-31) (content/plans/riverside.yml)\n')
    assert changed_lines(before, after) == [
        "-        due: March 2025",
        "+        due: June 2025",
        "+        original_due: March 2025",
        "+        status: at-risk",
        "+          - date: 2025-01-08",
        "+            status: at-risk",
        "+            note: One warden so far.",
        "+            due: June 2025",
        "+            due_reason: The second warden starts late.",
    ]
    plan = load_site(riverside / "content").plan("riverside")
    item = plan.find("2.2") if plan else None
    assert item is not None and item.due is not None and item.original_due is not None
    assert (item.due.text, item.original_due.text) == ("June 2025", "March 2025")
    moved = item.updates[-1]
    assert (moved.due.text if moved.due else None, moved.due_reason) == (
        "June 2025", "The second warden starts late.")


def test_a_due_moved_again_keeps_the_original_and_records_the_latest(riverside: Path) -> None:
    result, before, after = update_riverside(riverside, "1.1", "--status", "at-risk", "--date",
                                             "2025-01-08", "--due", "June 2025")
    assert result.stdout == (
        "riverside 1.1: status At risk (unchanged), due March 2025 -> June 2025 (originally due "
        "December 2024), update dated 2025-01-08 added, in no round yet (the last, "
        '"Q3 2024/25", closed on 2024-12-31) (content/plans/riverside.yml)\n')
    assert changed_lines(before, after) == [
        "-        due: March 2025",
        "+        due: June 2025",
        "+        status: at-risk",
        "+          - date: 2025-01-08",
        "+            status: at-risk",
        "+            due: June 2025",
    ]


def test_a_correction_names_the_update_it_corrects(riverside: Path) -> None:
    result, before, after = update_riverside(
        riverside, "2.1", "--status", "in-progress", "--date", "2024-12-20", "--corrects",
        "2024-06-14", "--note", "Two of the lights failed in June.")
    assert result.stdout == (
        "riverside 2.1: status Complete -> In progress, update dated 2024-12-20 added, reported "
        'in round "Q3 2024/25" (by its date), correcting the update of 2024-06-14 '
        "(content/plans/riverside.yml)\n")
    assert changed_lines(before, after)[-2:] == [
        "+            note: Two of the lights failed in June.", "+            corrects: 2024-06-14"]
    plan = load_site(riverside / "content").plan("riverside")
    item = plan.find("2.1") if plan else None
    assert item is not None and item.updates[0].corrected_by is item.updates[1]


def test_bad_options_over_time_are_all_named_and_nothing_is_written(riverside: Path) -> None:
    result, before, after = update_riverside(
        riverside, "1.1", "--status", "at-risk", "--evidence", "Minutes=javascript:alert(1)",
        "--evidence", "https://example.org/no-title", "--evidence", "No address",
        "--archived", "ftp://example.org/x", "--due-reason", "Late.", "--corrects",
        "2025-13-01", "--round", " ")
    assert (result.returncode, result.stdout, after) == (1, "", before)
    assert result.stderr == (
        "--due-reason: expected with --due (it is why the due date moved), found without it\n"
        '--evidence: expected TITLE=URL with an http:// or https:// address, found '
        '"Minutes=javascript:alert(1)"\n'
        '--evidence: expected TITLE=URL with an http:// or https:// address, found '
        '"https://example.org/no-title"\n'
        '--evidence: expected TITLE=URL with an http:// or https:// address, found '
        '"No address"\n'
        '--archived: expected an http:// or https:// address, found "ftp://example.org/x"\n'
        '--corrects: expected a real calendar date, found "2025-13-01"\n'
        "--round: expected the label of one of the plan's rounds, found nothing\n"
        "nothing was changed\n")


@pytest.mark.parametrize(("args", "message"), [
    (["--archived", "https://web.archive.org/web/2024/x"],
     "--archived: expected with --evidence (it is the archived copy of the last one), found "
     "without it\nnothing was changed"),
    (["--due", "March 2025", "--due-reason", "No change."],
     '--due-reason: expected with a due date that replaces another, found the due date 2.2 '
     'has already ("March 2025")\nnothing was changed'),
    (["--corrects", "2024-06-15", "--date", "2025-01-05"],
     "the edited file would not load, so it was left as it was:\n"
     "content/plans/riverside.yml\n  line 107: items[1].items[1].updates[2].corrects: expected "
     "the date of an earlier update of this item (2024-09-20, 2024-12-12), found 2024-06-15 "
     "[unknown-correction]\n1 error in 1 file"),
    (["--round", "Q5 2024/25", "--date", "2025-01-05"],
     "the edited file would not load, so it was left as it was:\n"
     "content/plans/riverside.yml\n  line 107: items[1].items[1].updates[2].round: expected "
     'the label of one of the plan\'s rounds ("Q1 2024/25", "Q2 2024/25", "Q3 2024/25"), '
     'found "Q5 2024/25" [unknown-round]\n1 error in 1 file'),
])
def test_an_update_over_time_that_cannot_be_recorded_is_refused(
    riverside: Path, args: list[str], message: str
) -> None:
    result, before, after = update_riverside(riverside, "2.2", "--status", "on-track", *args)
    assert (result.returncode, result.stdout, after) == (1, "", before)
    assert result.stderr == f"{message}\n"


def test_help_lists_the_options_over_time() -> None:
    result = plantrack("update", "--help", cwd=ROOT)
    for option in ("--due-reason TEXT", "--round LABEL", "--evidence TITLE=URL",
                   "--archived URL", "--corrects DATE"):
        assert option in result.stdout
