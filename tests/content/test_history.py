"""A plan over time: reporting rounds, the round of each update, corrections, revised due
dates and evidence, as loaded and checked (generator/content/history.py), and the plan as
reported at each round with what moved between rounds (generator/content/rounds.py).

The rounds fixture is a delivery plan reported in three quarterly rounds; bad variants of
it are written to a temporary folder, each error checked word for word.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from generator import load_site
from generator.content import rounds
from generator.content.model import Plan

from ..conftest import FIXTURES
from .test_bad_input import problems_of

ROUNDS = FIXTURES / "rounds"
PLAN_FILE = "plans/riverside.yml"


@pytest.fixture(scope="module")
def plan() -> Plan:
    found = load_site(ROUNDS).plan("riverside")
    assert found is not None
    return found


def variant(tmp_path: Path, *edits: tuple[str, str]) -> Path:
    """The fixture with each (old, new) text replaced once in its plan file."""
    content = tmp_path / "content"
    shutil.copytree(ROUNDS, content)
    plan_file = content / PLAN_FILE
    text = plan_file.read_text(encoding="utf-8")
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    plan_file.write_text(text, encoding="utf-8")
    return content


def test_rounds_and_the_round_of_each_update(plan: Plan) -> None:
    assert [(r.label, r.date, r.slug) for r in plan.rounds] == [
        ("Q1 2024/25", date(2024, 6, 30), "q1-2024-25"),
        ("Q2 2024/25", date(2024, 9, 30), "q2-2024-25"),
        ("Q3 2024/25", date(2024, 12, 31), "q3-2024-25"),
    ]
    bins = plan.find("1.2")
    assert bins is not None
    # by date (the first round closing on or after it), or as the update names it
    assert [(u.date.isoformat(), u.round) for u in bins.updates] == [
        ("2024-06-20", "Q1 2024/25"), ("2024-09-25", "Q2 2024/25"),
        ("2024-10-20", "Q3 2024/25")]


def test_a_correction_is_linked_to_the_update_it_corrects(plan: Plan) -> None:
    bins = plan.find("1.2")
    assert bins is not None
    wrong, correction = bins.updates[1], bins.updates[2]
    assert wrong.corrected_by is correction
    assert correction.corrects == date(2024, 9, 25) and correction.corrected_by is None
    assert bins.current_status == "in-progress"


def test_evidence_and_a_revised_due_date(plan: Plan) -> None:
    path = plan.find("1.1")
    assert path is not None
    first, second = path.updates
    assert [(e.title, e.archived is not None) for e in first.evidence] == [
        ("Cabinet minutes, 11 July 2024", True)]
    assert second.due is not None and second.due.text == "March 2025"
    assert second.due_reason == "The Environment Agency asked for a flood survey before " \
        "works begin."
    assert path.due is not None and path.due.text == "March 2025"
    assert path.original_due is not None and path.original_due.text == "December 2024"


def test_the_plan_as_reported_at_each_round(plan: Plan) -> None:
    seen = {r.label: rounds.snapshot(plan, r) for r in plan.rounds}
    q1, q2, q3 = seen.values()
    assert q1.by_status() == {"not-started": 1, "in-progress": 1, "on-track": 1, "complete": 1}
    assert [then.item.ref for then in q1.counted] == ["1.1", "1.2", "1.3", "2.1"]  # 2.2 later
    assert q2.by_status() == {"not-started": 2, "at-risk": 1, "complete": 2}
    assert q3.by_status() == {"in-progress": 1, "on-track": 1, "at-risk": 1, "complete": 1,
                              "cancelled": 1}
    due_then = {then.item.ref: then.due.text if then.due else None for then in q1.counted}
    assert due_then["1.1"] == "December 2024"  # the due first published, before the revision
    assert [then.item.ref for then in q3.overdue()] == ["1.2"]  # due September 2024
    assert [q.reported_in_round() for q in seen.values()] == [4, 3, 3]


def test_what_moved_between_rounds(plan: Plan) -> None:
    q1, q2, q3 = (rounds.compare(rounds.snapshot(plan, r)) for r in plan.rounds)
    assert q1.snapshot.previous is None and q1.unchanged == 4
    assert [t.item.ref for t in q2.completed] == ["1.2"]
    assert [(m.then.item.ref, m.before.status if m.before else None, m.then.status)
            for m in q2.slipped] == [("1.1", "on-track", "at-risk")]
    assert [t.item.ref for t in q2.added] == ["2.2"]
    [moved] = q2.due_moves
    assert (moved.then.item.ref, moved.before.text if moved.before else None,
            moved.after.text if moved.after else None, moved.later) == (
        "1.1", "December 2024", "March 2025", True)
    assert moved.reason == "The Environment Agency asked for a flood survey before works begin."
    assert [(m.then.item.ref, m.what) for m in q3.forward] == [("2.2", "status")]
    assert [(m.then.item.ref, m.then.status) for m in q3.slipped] == [("1.2", "in-progress")]
    assert [t.item.ref for t in q3.dropped] == ["1.3"]
    assert (q2.unchanged, q3.unchanged) == (2, 2)


def test_a_status_rating_and_a_confidence_rank_the_same_way() -> None:
    assert rounds._direction("not-started", "off-track") == 1  # work began: a stage up
    assert rounds._direction("on-track", "off-track") == -1
    assert rounds._direction("in-progress", "on-track") is None  # no rating to compare
    assert rounds._direction("complete", "in-progress") == -1
    assert rounds._direction("on-track", "cancelled") is None


@pytest.mark.parametrize(("edits", "expected"), [
    ((("    date: 2024-09-30\n", "    date: 2024-06-01\n"),),
     ["plans/riverside.yml:18: rounds[1].date: expected a date after 2024-06-30, when the "
      "round above (Q1 2024/25) closed, found 2024-06-01: rounds are listed oldest first "
      "[round-order]"]),
    ((("  - label: Q2 2024/25\n", "  - label: Q1 2024-25\n"),),
     ['plans/riverside.yml:17: rounds[1].label: expected a label unique in the plan, found '
      '"Q1 2024-25", whose address "q1-2024-25" is that of "Q1 2024/25" '
      '(rounds[0]) [duplicate-round]',
      'plans/riverside.yml:95: items[1].items[1].added_in: expected the label of one of the '
      'plan\'s rounds ("Q1 2024/25", "Q1 2024-25", "Q3 2024/25"), found "Q2 2024/25" '
      '[unknown-round]']),
    ((("            round: Q3 2024/25\n", "            round: Q4 2024/25\n"),),
     ['plans/riverside.yml:65: items[0].items[1].updates[2].round: expected the label of one '
      'of the plan\'s rounds ("Q1 2024/25", "Q2 2024/25", "Q3 2024/25"), found "Q4 2024/25" '
      "[unknown-round]"]),
    ((("        added_in: Q2 2024/25\n", "        added_in: Q5\n"),),
     ['plans/riverside.yml:95: items[1].items[1].added_in: expected the label of one of the '
      'plan\'s rounds ("Q1 2024/25", "Q2 2024/25", "Q3 2024/25"), found "Q5" [unknown-round]']),
    ((("            corrects: 2024-09-25\n", "            corrects: 2024-09-26\n"),),
     ["plans/riverside.yml:64: items[0].items[1].updates[2].corrects: expected the date of an "
      "earlier update of this item (2024-06-20, 2024-09-25), found 2024-09-26 "
      "[unknown-correction]"]),
    ((("        due: March 2025\n        original_due: December 2024\n",
       "        due: December 2024\n"),),
     ["plans/riverside.yml:28: items[0].items[0].original_due: expected the due date first "
      "published, found none: updates[1] revises the due date, so the date it replaced must "
      "be given [no-original-due]",
      'plans/riverside.yml:32: items[0].items[0].due: expected "March 2025", the due date of '
      "the latest update that revises it (updates[1], 2024-09-27), found \"December 2024\" "
      "[due-not-revised]"]),
])
def test_each_fault_in_the_record_over_time_is_named(tmp_path: Path,
                                                      edits: tuple[tuple[str, str], ...],
                                                      expected: list[str]) -> None:
    assert problems_of(variant(tmp_path, *edits)) == expected


def test_evidence_must_be_a_web_address(tmp_path: Path) -> None:
    content = variant(
        tmp_path,
        ("url: https://democracy.example.org/minutes/2024-07-11\n",
         "url: javascript:alert(1)\n"),
        ("url: https://www.example.org/documents/ea-letter.pdf\n",
         "url: documents/ea-letter.pdf\n"))
    assert problems_of(content) == [
        'plans/riverside.yml:40: items[0].items[0].updates[0].evidence[0].url: expected an '
        'http:// or https:// address, found "javascript:alert(1)" [bad-url]',
        'plans/riverside.yml:49: items[0].items[0].updates[1].evidence[0].url: expected an '
        'http:// or https:// address, found "documents/ea-letter.pdf" [bad-url]',
    ]


def test_a_correction_of_a_corrected_update_is_refused(tmp_path: Path) -> None:
    content = variant(tmp_path, (
        "            note: Only 12 of the 20 bins were installed by September; the last 8 "
        "are on order.\n",
        "            note: Only 12 of the 20 bins were installed by September; the last 8 "
        "are on order.\n          - date: 2024-10-21\n            corrects: 2024-09-25\n"
        "            note: Again.\n"))
    assert problems_of(content) == [
        "plans/riverside.yml:68: items[0].items[1].updates[3].corrects: expected an update not "
        "yet corrected, found the update of 2024-09-25 corrected already by the update of "
        "2024-10-20; correct that one instead [already-corrected]"]


def test_a_round_cannot_close_after_the_day_the_site_judges_against(tmp_path: Path) -> None:
    content = variant(tmp_path, ("    date: 2024-12-31\n", "    date: 2025-02-28\n"))
    assert problems_of(content) == [
        "plans/riverside.yml:21: rounds[2].date: expected a date on or before the site's as_of "
        'date in site.yml (2025-01-15), found "2025-02-28": progress cannot be reported before '
        "it happens [future-date]"]


def test_the_bundled_plans_have_no_rounds() -> None:
    site = load_site(Path(__file__).parents[2] / "content")
    assert all(not plan.rounds for plan in site.plans)
    assert all(update.round is None and not update.evidence and update.corrects is None
               for plan in site.plans for item in plan.walk() for update in item.updates)
