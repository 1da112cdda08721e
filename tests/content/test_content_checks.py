"""Checks that keep the site from stating what the data does not support: no progress dated
in the future, no misspelt month read as a date, no status typo without a did-you-mean. The
same checks run in ``plantrack check``, ``plantrack update``, ``plantrack import`` and the build.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from generator import load_site
from generator.content.errors import ContentError

from ..conftest import ROOT

SITE = """\
title: T
council: Test Council
url: https://plans.example.org/
"""

PLAN = """\
id: p
title: Plan
status: adopted
reported: {reported}
items:
  - ref: "1"
    title: Newsletter
    due: {due}
    status: {status}
    updates:
      - date: 2024-01-31
        status: on-track
      - date: {update}
        status: complete
"""

TODAY = date(2024, 6, 1)


def content(make_content, reported: str = "2024-03-31", due: str = "Aug-24",  # noqa: ANN001
            status: str = "complete", update: str = "2024-05-01", site: str = SITE) -> Path:
    return make_content({"p.yml": PLAN.format(reported=reported, due=due, status=status,
                                              update=update)}, site=site)


def problems(folder: Path, **options: date) -> list[str]:
    with pytest.raises(ContentError) as raised:
        load_site(folder, today=TODAY, **options)
    return [str(problem) for problem in raised.value.problems]


def test_sound_content_loads(make_content) -> None:  # noqa: ANN001
    assert load_site(content(make_content), today=TODAY).plans[0].id == "p"


def test_an_update_dated_after_today_is_refused(make_content) -> None:  # noqa: ANN001
    folder = content(make_content, update="2027-05-01", reported="2027-05-02")
    assert problems(folder) == [
        f"{folder}/plans/p.yml:4: reported: expected a date on or before today (2024-06-01), "
        'found "2027-05-02": progress cannot be reported before it happens [future-date]',
        f"{folder}/plans/p.yml:13: items[0].updates[1].date: expected a date on or before today "
        '(2024-06-01), found "2027-05-01": progress cannot be reported before it happens '
        "[future-date]",
    ]


def test_the_limit_is_the_as_of_date_when_one_is_set(make_content) -> None:  # noqa: ANN001
    in_settings = content(make_content, site=SITE + "as_of: 2024-04-15\n")
    assert problems(in_settings) == [
        f"{in_settings}/plans/p.yml:13: items[0].updates[1].date: expected a date on or before "
        "the site's as_of date in site.yml (2024-04-15), found \"2024-05-01\": progress cannot "
        "be reported before it happens [future-date]",
    ]
    folder = content(make_content)
    assert problems(folder, as_of=date(2024, 4, 30))[0].startswith(
        f"{folder}/plans/p.yml:13: items[0].updates[1].date: expected a date on or before the "
        "as_of date the site is built for (2024-04-30)")


def test_a_misspelt_month_in_a_due_date_is_refused(make_content) -> None:  # noqa: ANN001
    folder = content(make_content, due='"Ocotber 2023"')
    assert problems(folder) == [
        f'{folder}/plans/p.yml:8: items[0].due: expected a month name, found "Ocotber 2023": '
        '"Ocotber" is not a month; did you mean "October"? [unknown-month]',
    ]


def test_a_status_typo_gets_a_did_you_mean(make_content) -> None:  # noqa: ANN001
    folder = content(make_content, status="Ambr")
    assert problems(folder) == [
        f"{folder}/plans/p.yml:9: items[0].status: "
        "expected one of not-started, in-progress, on-track, at-risk, off-track, complete, "
        "cancelled (or Green, Amber, Red, G, A, R, Green - <any text>, Amber - <any text>, Red "
        "- <any text>, Completed, Canceled)"
        '; found "Ambr"; did you mean "Amber"?'
        "; if it is the council's own word, add it under statuses: in site.yml or "
        'the plan file: - {wording: "Ambr", means: MEANING}, MEANING one of not-started, '
        "in-progress, on-track, at-risk, off-track, complete, cancelled [unknown-status]",
    ]


def test_an_update_says_what_it_replaced(make_content) -> None:  # noqa: ANN001
    folder = make_content({"p.yml": """\
        id: p
        title: Plan
        items:
          - ref: "1"
            title: Newsletter
            status: complete
            updates:
              - date: 2024-05-01
                status: complete
                from: Green - on track
              - date: 2024-05-02
                from: Not reported
              - date: 2024-05-03
                from: Finishd
        """}, site=SITE)
    assert problems(folder) == [
        f"{folder}/plans/p.yml:14: items[0].updates[2].from: "
        "expected one of not-started, in-progress, on-track, at-risk, off-track, complete, "
        "cancelled (or Green, Amber, Red, G, A, R, Green - <any text>, Amber - <any text>, Red "
        "- <any text>, Completed, Canceled)"
        ', or "not reported"; found "Finishd"'
        "; if it is the council's own word, add it under statuses: in site.yml or "
        'the plan file: - {wording: "Finishd", means: MEANING}, MEANING one of not-started, '
        "in-progress, on-track, at-risk, off-track, complete, cancelled [unknown-status]",
    ]


def plantrack(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator.cli", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, check=False)


def test_check_and_import_refuse_progress_from_the_future(tmp_path: Path, make_content) -> None:  # noqa: ANN001
    folder = content(make_content, update="2099-01-01")
    result = plantrack("check", "--content", folder)
    assert result.returncode == 1
    assert ('items[0].updates[1].date: expected a date on or before today '
            f"({date.today().isoformat()}), found \"2099-01-01\"") in result.stdout + result.stderr
    sheet = tmp_path / "future.csv"
    sheet.write_text('plan,ref,parent,kind,title,updates\r\n'
                     'q,1,,action,Newsletter,"[{""date"": ""2099-01-01"", ""status"": '
                     '""complete""}]"\r\n', encoding="utf-8")
    target = tmp_path / "q.yml"
    result = plantrack("import", sheet, "--plan", "q", "--format", "plantrack", "--out", target,
                       "--content", folder)
    assert result.returncode == 1 and not target.exists()
    assert "2099-01-01" in result.stderr and "in the future" not in result.stdout
