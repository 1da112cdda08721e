"""Due dates as councils write them, and status words as councils write them."""

from __future__ import annotations

from datetime import date

import pytest

from generator.content.dates import ImpossibleDate, UnknownMonth, parse_due
from generator.content.rules import months_before
from generator.content.status import normalise_status, unknown_status_message


@pytest.mark.parametrize(("text", "deadline"), [
    ("2022-08-31", date(2022, 8, 31)),
    ("2022-08", date(2022, 8, 31)),
    ("Aug-22", date(2022, 8, 31)),
    ("May-21", date(2021, 5, 31)),
    ("March 2003", date(2003, 3, 31)),
    ("By December 2003", date(2003, 12, 31)),
    ("By 2004", date(2004, 12, 31)),
    ("2005/06", date(2006, 3, 31)),
    ("2010/2011", date(2011, 3, 31)),
    ("July 09", date(2009, 7, 31)),
    ("31/01/2003", date(2003, 1, 31)),
    ("October 2003 and then annually", date(2003, 10, 31)),
    ("Ongoing by PSA completion date – March 2005", date(2005, 3, 31)),
    ("Ongoing", None),
    ("To be confirmed", None),
    ("Ongoing from May 2003", None),
    ("Post April 2003", None),
    ("By end Q3", None),
])
def test_due_dates_keep_their_words_and_give_a_deadline(text: str, deadline: date | None) -> None:
    due = parse_due(text)
    assert (due.text, due.deadline) == (text, deadline)


@pytest.mark.parametrize("text", ["2022-02-30", "2022-13", "31/02/2022", "2023-02-29"])
def test_impossible_dates_are_refused(text: str) -> None:
    with pytest.raises(ImpossibleDate):
        parse_due(text)


@pytest.mark.parametrize(("wording", "word"), [
    ("Green - on track", "on-track"), ("green", "on-track"), ("G", "on-track"),
    ("Amber", "at-risk"), ("R", "off-track"), ("Complete", "complete"),
    ("Completed", "complete"), ("not-started", "not-started"), ("On Track", "on-track"),
    ("Green – on track", "on-track"), ("Cancelled", "cancelled"), ("Greenish", None),
    ("", None),
])
def test_council_wording_maps_to_published_statuses(wording: str, word: str | None) -> None:
    assert normalise_status(wording) == word


def test_six_months_before_handles_month_ends() -> None:
    assert months_before(date(2023, 8, 31), 6) == date(2023, 2, 28)
    assert months_before(date(2023, 1, 15), 6) == date(2022, 7, 15)


@pytest.mark.parametrize(("text", "reading"), [
    ("Aug-22", "deadline"),
    ("Completed March 2003 and updated on an annual basis", "completion"),
    ("Ongoing from May 2003", "start"),
    ("Post April 2003", "start"),
    ("Ongoing", "no-date"),
    ("To be confirmed", "no-date"),
    ("See Actions", "no-date"),
])
def test_what_a_due_text_states(text: str, reading: str) -> None:
    due = parse_due(text)
    assert due.reading == reading
    assert (due.deadline is not None) == (reading == "deadline")


@pytest.mark.parametrize(("text", "message"), [
    ("Ocotber 2023", '"Ocotber" is not a month; did you mean "October"?'),
    ("Marhc-23", '"Marhc" is not a month; did you mean "March"?'),
    ("By Decemeber 2003", '"Decemeber" is not a month; did you mean "December"?'),
    ("31 Janury 2024", '"Janury" is not a month; did you mean "January"?'),
])
def test_a_misspelt_month_is_an_error_not_a_guess(text: str, message: str) -> None:
    with pytest.raises(UnknownMonth) as raised:
        parse_due(text)
    assert str(raised.value) == message


@pytest.mark.parametrize("text", ["Summer 2023", "Spring 2024", "Mayor's review 2023",
                                  "Phase 2 2024", "Autumn 2022"])
def test_words_that_are_not_month_like_are_left_alone(text: str) -> None:
    assert parse_due(text).deadline == date(int(text[-4:]), 12, 31)


@pytest.mark.parametrize(("wording", "suggestion"), [
    ("Ambr", "Amber"), ("Gren", "Green"), ("Completd", "Completed"), ("on trak", "on-track"),
    ("Red - of track", "Red - off track"), ("Cancled", "cancelled"),
])
def test_status_typos_get_a_did_you_mean(wording: str, suggestion: str) -> None:
    assert unknown_status_message(wording).endswith(
        f'found "{wording}"; did you mean "{suggestion}"?')


def test_a_word_far_from_any_status_gets_no_guess() -> None:
    assert unknown_status_message("Delayed").endswith('; found "Delayed"')
