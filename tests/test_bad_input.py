"""Bad content: every problem reported at once, each with file, line, field and a stable code."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from generator import ContentError, load_site
from generator.errors import PlanTrackerError

from .conftest import FIXTURES

STATUS_WORDS = (
    "expected one of not-started, on-track, at-risk, off-track, complete, cancelled "
    "(or Green, Amber, Red, G, A, R, Green - on track, Completed)"
)


def problems_of(content: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_site(content)
    return [str(p).replace(str(content) + "/", "") for p in caught.value.problems]


def test_every_problem_in_every_file_is_reported_in_one_run() -> None:
    assert problems_of(FIXTURES / "bad") == [
        "plans/bomb.yml:1: the file expands to more than 200,000 values (too many aliases?) "
        "[too-large]",
        'plans/broken.yml:3: status: expected one of draft, adopted, superseded; found '
        '"adoptd" [unknown-status]',
        'plans/broken.yml:4: reported: expected a real calendar date, found "2022-02-30" '
        "[impossible-date]",
        'plans/broken.yml:8: items[0].statuss: unknown field "statuss"; did you mean '
        '"status"? [unknown-field]',
        f'plans/broken.yml:9: items[0].status: {STATUS_WORDS}; found "Greenish" '
        "[unknown-status]",
        'plans/broken.yml:10: items[0].progress: expected a whole number from 0 to 100, '
        'found "120" [bad-progress]',
        'plans/broken.yml:11: items[0].due: expected a real calendar date, found '
        '"2022-02-30" (2022-02-30 does not exist) [impossible-date]',
        'plans/broken.yml:12: items[0].related[0]: expected a ref of this plan, found "9" '
        "[unknown-ref]",
        "plans/broken.yml:14: items[0].updates[0]: expected a date, found none [missing-date]",
        'plans/broken.yml:16: items[1].ref: expected a ref unique in the plan, found "1" '
        "again (first at line 6) [duplicate-ref]",
        "plans/broken.yml:18: items[2]: expected a ref, found none [missing-ref]",
        'plans/broken.yml:21: items[4].ref: expected refs that differ as page names, found '
        '"a1" and "A1" (line 19) both becoming "a1" [ref-collision]',
        'plans/broken.yml:23: items[5].ref: expected a ref with letters or digits, found '
        '"../" [bad-ref]',
        "plans/latin1.yml:2: expected UTF-8 text, found the byte 0xe9 (save the file as "
        "UTF-8) [not-utf8]",
        'plans/links.yml:3: decisions[0]: expected a decision id, found "no-such-decision" '
        "[unknown-decision]",
        "plans/links.yml:7: items[0].areas[0]: expected an area id listed in the plan's "
        'areas, found "nowhere" [unknown-area]',
        'plans/links.yml:9: items[0].updates[0].date: expected a date as YYYY-MM-DD, found '
        '"31/01/2022" [bad-date]',
        f'plans/links.yml:10: items[0].updates[0].status: {STATUS_WORDS}; found "done" '
        "[unknown-status]",
        "plans/syntax.yml:3: YAML syntax error: expected ',' or ']', but got ':' (while "
        "parsing a flow sequence) [yaml-syntax]",
        "plans/tags.yml:2: title: expected plain YAML, found the tag "
        "tag:yaml.org,2002:python/object:os.system [yaml-tag]",
    ]


def test_alias_bomb_fails_fast() -> None:
    started = time.perf_counter()
    with pytest.raises(ContentError):
        load_site(FIXTURES / "bad")
    assert time.perf_counter() - started < 10  # a generous bound: a bomb would never finish


def test_missing_title_and_unknown_key_in_site_settings(make_content) -> None:
    content = make_content({}, site="title: X\nurl: https://x.example/\ncolour: red\n")
    assert problems_of(content) == [
        "site.yml:1: expected a council, found none [missing-council]",
        'site.yml:3: colour: unknown field "colour"; known fields: title, council, url, '
        "description, as_of, feedback, licence [unknown-field]",
    ]


def test_missing_title_on_an_item(make_content) -> None:
    content = make_content({"p.yml": """\
        id: p
        title: Plan
        items:
          - ref: "1"
            lead: Clerk
        """})
    assert problems_of(content) == ["plans/p.yml:4: items[0]: expected a title, found none "
                                    "[missing-title]"]


def test_nested_items_are_checked_with_their_path(make_content) -> None:
    content = make_content({"p.yml": """\
        id: p
        title: Plan
        items:
          - ref: "1"
            title: Section
            kind: section
            items:
              - ref: "1.1"
                title: Child
                kind: promise
        """})
    assert problems_of(content) == [
        "plans/p.yml:10: items[0].items[0].kind: expected one of section, recommendation, aim, "
        'objective, action, commitment, indicator, step; found "promise" [unknown-kind]'
    ]


def test_yaml_scalars_stay_as_written(make_content) -> None:
    content = make_content({"p.yml": """\
        id: p
        title: Plan
        items:
          - ref: 1.00
            title: No
            lead: 0123
        """})
    item = load_site(content).plans[0].items[0]
    assert (item.ref, item.title, item.text["lead"]) == ("1.00", "No", "0123")


def test_a_missing_content_folder_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(PlanTrackerError, match="no site settings found"):
        load_site(tmp_path / "nowhere")
