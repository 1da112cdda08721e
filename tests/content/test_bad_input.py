"""Bad content: every problem reported at once, each with file, line, field and a stable code."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import yaml

from generator import ContentError, load_site
from generator.content.errors import PlanTrackerError, Problem
from generator.content.yamlfile import (
    MAX_ALIAS_VALUES,
    MAX_FILE_BYTES,
    MAX_VALUES,
    _may_hold,
    read_yaml,
)

from ..conftest import FIXTURES

STATUS_WORDS = (
    "expected one of not-started, in-progress, on-track, at-risk, off-track, complete, "
    "cancelled (or Green, Amber, Red, G, A, R, Green - <any text>, Amber - <any text>, "
    "Red - <any text>, Completed, Canceled)"
)


def add_word(wording: str) -> str:
    """What an unknown status's message says of adding the council's own word."""
    return ("; if it is the council's own word, add it under statuses: in site.yml or the "
            f'plan file: - {{wording: "{wording}", means: MEANING}}, MEANING one of '
            "not-started, in-progress, on-track, at-risk, off-track, complete, cancelled")


def problems_of(content: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_site(content)
    return [str(p).replace(str(content) + "/", "") for p in caught.value.problems]


def test_every_problem_in_every_file_is_reported_in_one_run() -> None:
    assert problems_of(FIXTURES / "bad") == [
        "plans/bomb.yml:1: aliases in this file expand to more than 100,000 values; a plan "
        "needs few aliases or none [alias-expansion]",
        'plans/broken.yml:3: status: expected one of draft, adopted, superseded; found '
        '"adoptd" [unknown-status]',
        'plans/broken.yml:4: reported: expected a real calendar date, found "2022-02-30" '
        "[impossible-date]",
        'plans/broken.yml:8: items[0].statuss: unknown field "statuss"; did you mean '
        '"status"? [unknown-field]',
        f'plans/broken.yml:9: items[0].status: {STATUS_WORDS}; found "Greenish"; did you mean '
        f'"Green"?{add_word("Greenish")} [unknown-status]',
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
        f'plans/links.yml:10: items[0].updates[0].status: {STATUS_WORDS}; found "done"'
        f'{add_word("done")} [unknown-status]',
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
        "description, as_of, feedback, licence, statuses, glossary, languages, missing_translations [unknown-field]",
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


# Big is not an attack: the guards count what aliases expand to, not what a file holds.

BIG_ITEMS = 20_000
WORDS = ("council residents parish improve services report community engagement plan "
         "deliver partnership consult review publish local area").split()


def big_plan(items: int) -> str:
    """A plan of ``items`` actions of about 1,250 bytes each, with no aliases."""
    lines = ["id: big", "title: A very big plan", "items:"]
    for n in range(items):
        text = " ".join(WORDS[(n + i) % len(WORDS)] for i in range(125))
        lines += [f'  - ref: "{n + 1}"', "    kind: action", f"    title: Action number {n + 1}",
                  f"    description: {text}", "    lead: Parish Clerk", "    due: Aug-22",
                  "    status: Green - on track", "    updates:", "      - date: 2022-06-30",
                  "        status: on-track", "        note: First issue delivered."]
    return "\n".join(lines) + "\n"


def test_a_big_plan_without_aliases_loads(make_content) -> None:
    content = make_content({"big.yml": big_plan(BIG_ITEMS)})
    size = (content / "plans/big.yml").stat().st_size
    assert 24_000_000 < size < 27_000_000  # far more values than the old limit of 200,000
    site = load_site(content)
    assert sum(1 for _ in site.plans[0].walk()) == BIG_ITEMS


def aliased(uses: int, width: int = 999) -> str:
    """A list of ``width`` values anchored once, then ``uses`` aliases of it (each reaches
    ``width + 1`` values: the list and what it holds)."""
    values = ", ".join(["x"] * width)
    return f"anchor: &a [{values}]\nuses:\n" + "  - *a\n" * uses


def test_aliases_may_expand_to_exactly_the_limit(tmp_path: Path) -> None:
    assert MAX_ALIAS_VALUES == 100_000
    (tmp_path / "a.yml").write_text(aliased(100), encoding="utf-8")
    doc, problems = read_yaml(tmp_path / "a.yml", "a.yml")
    assert problems == [] and len(doc.data["uses"]) == 100 and doc.data["uses"][99][998] == "x"


def test_one_aliased_value_more_is_refused_at_once(tmp_path: Path) -> None:
    (tmp_path / "a.yml").write_text(aliased(101), encoding="utf-8")
    assert read_yaml(tmp_path / "a.yml", "a.yml")[1] == [Problem(
        "a.yml", 1, "", "alias-expansion",
        "aliases in this file expand to more than 100,000 values; a plan needs few aliases or "
        "none")]


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(make_content) -> None:
    content = make_content({"p.yml": "id: p\ntitle: Plan\nitems: []\n"})
    with (content / "plans/huge.yml").open("wb") as huge:  # sparse: no disk space used
        huge.truncate(MAX_FILE_BYTES + 1)
    assert problems_of(content) == [
        "plans/huge.yml: the file is 64.0 MB (64,000,001 bytes); files larger than 64 MB are "
        "not read [file-too-large]"]


TOO_DEEP = ("plans/p.yml:{line}: values nest more than 100 levels deep (or an alias names a "
            "value that holds it); a plan needs far fewer levels [too-deep]")


@pytest.mark.parametrize(("value", "line"), [
    ("[" * 100 + "]" * 100, 3),  # 101 levels with the file's own mapping
    ("&loop [*loop]", 3),  # an alias inside the value it names never ends
    ("[" * 3000 + "]" * 3000, 1),  # too deep even for libyaml; Python's parser recurses
])
def test_values_nested_too_deeply_are_refused(make_content, value: str, line: int) -> None:
    content = make_content({"p.yml": f"id: p\ntitle: Plan\nitems: {value}\n"})
    assert problems_of(content) == [TOO_DEEP.format(line=line)]


def test_values_nested_to_the_limit_are_read(tmp_path: Path) -> None:
    (tmp_path / "a.yml").write_text("x: " + "[" * 99 + "]" * 99 + "\n", encoding="utf-8")
    doc, problems = read_yaml(tmp_path / "a.yml", "a.yml")
    value = doc.data["x"]
    for _ in range(98):
        value = value[0]
    assert (problems, value) == ([], [])


def test_a_file_of_more_values_than_the_limit_is_refused_before_they_are_kept(
        make_content) -> None:
    dense = "{" + "a," * (MAX_VALUES // 2) + "a}\n"  # a mapping of names without values
    content = make_content({"dense.yml": dense})
    started = time.perf_counter()
    assert problems_of(content) == [
        "plans/dense.yml:1: the file holds more than 4,000,000 values; a plan of 20,000 items "
        "holds under 1,000,000 [too-many-values]"]
    assert time.perf_counter() - started < 10  # composing them would take 15 s and 1.3 GB


@pytest.mark.parametrize("text", [
    "{" + "a," * 50 + "a}", "[" + "a: ," * 50 + "]", "{" + "? ," * 50 + "}", "- -\n" * 50,
    "[" + "{a}," * 50 + "]", "[" + "? a," * 50 + "]", "a:\n  b:\n    c: d\n", "- [a, b]\n- {c}\n",
    "a: &x [1, 2]\nb: [*x, *x]\n", "[[[[]]]]", "a", "? a\n? b\n",
])
def test_the_quick_count_that_spares_big_plans_the_slow_one_never_counts_short(
        text: str) -> None:
    """Files the quick count puts under MAX_VALUES are not counted value by value."""
    events = yaml.parse(text, Loader=yaml.SafeLoader)
    values = sum(isinstance(e, (yaml.ScalarEvent, yaml.CollectionStartEvent, yaml.AliasEvent))
                 for e in events)
    assert values <= _may_hold(text)


@pytest.mark.parametrize(("uses", "refused"), [(100_000, False), (100_001, True)])
def test_aliases_of_a_single_value_count_too(tmp_path: Path, uses: int, refused: bool) -> None:
    (tmp_path / "a.yml").write_text("one: &x value\nmany:\n" + "  - *x\n" * uses,
                                    encoding="utf-8")
    problems = read_yaml(tmp_path / "a.yml", "a.yml")[1]
    assert [p.code for p in problems] == (["alias-expansion"] if refused else [])
