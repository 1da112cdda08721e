"""A council's own words for progress: the built-in wordings, patterns, plan and site
vocabularies, and what an unknown wording's message says."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from generator.content.errors import ContentError
from generator.content.loading import load_site
from generator.content.vocabulary import (
    BUILT_IN_VOCABULARY,
    Wording,
    add_on_import,
    add_to_file,
    parse_mapping,
    unknown_message,
)
from tests.conftest import SITE_YML


@pytest.mark.parametrize(("wording", "word"), [
    ("Green - on track", "on-track"), ("green", "on-track"), ("G", "on-track"),
    ("Amber", "at-risk"), ("R", "off-track"), ("Complete", "complete"),
    ("Completed", "complete"), ("not-started", "not-started"), ("On Track", "on-track"),
    ("Green – on track", "on-track"), ("Cancelled", "cancelled"), ("Greenish", None),
    ("", None), ("In progress", "in-progress"),
    ("Amber - some slippage", "at-risk"), ("Red - off track", "off-track"),
    ("Amber – at risk of delay", "at-risk"), ("Amber -", "at-risk"),
])
def test_built_in_wordings_and_the_rag_with_a_tail(wording: str, word: str | None) -> None:
    assert BUILT_IN_VOCABULARY.status(wording) == word


def test_confidence_is_read_on_its_own_axis() -> None:
    assert BUILT_IN_VOCABULARY.confidence("Amber - at risk of delay") == "amber"
    assert BUILT_IN_VOCABULARY.confidence("On track") is None
    assert BUILT_IN_VOCABULARY.status("Amber") == "at-risk"


def test_a_councils_words_come_first() -> None:
    own = BUILT_IN_VOCABULARY.extended([
        Wording("Delayed under 3 months", "at-risk", origin="site.yml"),
        Wording("Won't be met", "off-track", origin="site.yml"),
        Wording("Green", "complete", origin="plans/x.yml"),
    ])
    assert own.status("delayed under 3 months") == "at-risk"
    assert own.status("Won’t be met") == "off-track"
    assert own.status("Green") == "complete"
    assert [w.wording for w in own.councils_own()] == [
        "Delayed under 3 months", "Won't be met", "Green"]


@pytest.mark.parametrize(("wording", "suggestion"), [
    ("Ambr", "Amber"), ("Gren", "Green"), ("Completd", "Completed"), ("on trak", "on track"),
    ("Cancled", "Canceled"), ("In progres", "in progress"),
])
def test_status_typos_get_a_did_you_mean(wording: str, suggestion: str) -> None:
    message = unknown_message(wording, "status", BUILT_IN_VOCABULARY, "")
    assert message.endswith(f'found "{wording}"; did you mean "{suggestion}"?')


def test_an_unknown_word_says_how_to_add_it() -> None:
    message = unknown_message("Delayed", "status", BUILT_IN_VOCABULARY,
                              add_to_file("Delayed", "status"))
    assert message == (
        "expected one of not-started, in-progress, on-track, at-risk, off-track, complete, "
        "cancelled (or Green, Amber, Red, G, A, R, Green - <any text>, Amber - <any text>, "
        'Red - <any text>, Completed, Canceled); found "Delayed"; if it is the council\'s own '
        'word, add it under statuses: in site.yml or the plan file: - {wording: "Delayed", '
        "means: MEANING}, MEANING one of not-started, in-progress, on-track, at-risk, "
        "off-track, complete, cancelled")
    assert add_on_import("Delayed", "status") == (
        'to import it, add --status "Delayed=MEANING", MEANING one of not-started, '
        "in-progress, on-track, at-risk, off-track, complete, cancelled")


def test_a_mapping_option_is_read_or_refused() -> None:
    assert parse_mapping("Won't be met = off-track") == Wording(
        "Won't be met", "off-track", origin="--status")
    assert parse_mapping("Delayed") == (
        'expected WORD=MEANING, such as "Delayed=at-risk"; found "Delayed"')
    assert parse_mapping("Delayed=late") == (
        "expected a meaning after = (one of not-started, in-progress, on-track, at-risk, "
        'off-track, complete, cancelled, green, amber, red); found "late" in "Delayed=late"')


def _content(make_content: Callable[..., Path], site_extra: str, plan_extra: str,
             items: str) -> Path:
    return make_content({"p.yml": "id: p\ntitle: P\n" + plan_extra + "items:\n" + items},
                        site=SITE_YML + site_extra)


def test_site_and_plan_vocabularies_are_read_with_the_file(make_content: Callable[..., Path]) -> None:
    content = _content(
        make_content,
        "statuses:\n  - wording: Delayed under 3 months\n    means: at-risk\n",
        "statuses:\n  - wording: Won't be met\n    means: off-track\n"
        "  - wording: High\n    means: green\n",
        "  - ref: '1'\n    title: A\n    status: Delayed under 3 months\n"
        "  - ref: '2'\n    title: B\n    status: Won't be met\n    confidence: High\n"
        "    confidence_reason: Funding agreed\n",
    )
    plan = load_site(content).plans[0]
    first, second = plan.items
    assert (first.status, first.wording) == ("at-risk", "Delayed under 3 months")
    assert (second.status, second.wording) == ("off-track", "Won't be met")
    judged = second.current_confidence
    assert judged is not None
    assert (judged.level, judged.wording, judged.reason) == ("green", "High", "Funding agreed")
    assert plan.uses_confidence


def test_vocabulary_problems_are_named_by_file_line_and_field(make_content: Callable[..., Path]) -> None:
    content = _content(
        make_content, "",
        "statuses:\n  - wording: Delayed\n    means: late\n"
        "  - wording: Slipping\n    means: at-risk\n  - wording: slipping\n    means: at-risk\n",
        "  - ref: '1'\n    title: A\n    status: Stalled\n    confidence: Amberish\n",
    )
    with pytest.raises(ContentError) as raised:
        load_site(content)
    found = [(p.line, p.field, p.code) for p in raised.value.problems]
    assert found == [
        (5, "statuses[0].means", "unknown-meaning"),
        (8, "statuses[2].wording", "duplicate-wording"),
        (13, "items[0].status", "unknown-status"),
        (14, "items[0].confidence", "unknown-confidence"),
    ]
