"""Due dates as councils write them, and status words as councils write them."""

from __future__ import annotations

from datetime import date

import pytest

from generator.content.dates import ImpossibleDate, UnknownMonth, parse_due
from generator.content.rules import months_before


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


# Due dates as councils write them in spreadsheets (issue 12)


@pytest.mark.parametrize(("text", "deadline"), [
    ("Q1 2024", date(2024, 3, 31)),
    ("Q2 2024", date(2024, 6, 30)),
    ("Q3 2024", date(2024, 9, 30)),
    ("Q4 2024", date(2024, 12, 31)),
    ("2024 Q2", date(2024, 6, 30)),
    ("2024-Q2", date(2024, 6, 30)),
    ("Q2-24", date(2024, 6, 30)),
    ("Q2 24", date(2024, 6, 30)),
    ("q2 2024", date(2024, 6, 30)),
    ("Quarter 2 2024", date(2024, 6, 30)),
    ("Qtr 2 2024", date(2024, 6, 30)),
    ("By end of Q3 2024", date(2024, 9, 30)),
    ("Q2 2024 and Q4 2024", date(2024, 6, 30)),
])
def test_a_calendar_quarter_ends_on_the_quarters_last_day(text: str, deadline: date) -> None:
    due = parse_due(text)
    assert (due.text, due.deadline, due.reading) == (text, deadline, "deadline")


@pytest.mark.parametrize(("text", "deadline"), [
    ("Q1 2024/25", date(2024, 6, 30)),
    ("Q2 2024/25", date(2024, 9, 30)),
    ("Q3 2024/25", date(2024, 12, 31)),
    ("Q4 2024/25", date(2025, 3, 31)),
    ("2024/25 Q2", date(2024, 9, 30)),
    ("2024-25 Q2", date(2024, 9, 30)),
    ("Q2 2024-25", date(2024, 9, 30)),
    ("Q2 2024/2025", date(2024, 9, 30)),
    ("Q2 24/25", date(2024, 9, 30)),
    ("Q2 FY2024/25", date(2024, 9, 30)),
    ("Quarter 4 2009/10", date(2010, 3, 31)),
])
def test_a_quarter_of_a_financial_year_counts_from_april(text: str, deadline: date) -> None:
    assert parse_due(text).deadline == deadline


@pytest.mark.parametrize(("text", "message"), [
    ("Q5 2024", "quarter 5 of 2024"),
    ("Q0 2024", "quarter 0 of 2024"),
    ("2024 Q5", "quarter 5 of 2024"),
    ("Q5 2024/25", "quarter 5 of 2024/25"),
])
def test_a_quarter_that_does_not_exist_is_an_error_not_a_guess(text: str, message: str) -> None:
    with pytest.raises(ImpossibleDate) as raised:
        parse_due(text)
    assert str(raised.value) == message


@pytest.mark.parametrize("text", ["Q3", "By end Q3", "Q2 2024/26", "Q1 24/26"])
def test_a_quarter_without_a_year_it_can_read_gives_no_deadline(text: str) -> None:
    assert (parse_due(text).deadline, parse_due(text).reading) == (None, "no-date")


@pytest.mark.parametrize(("text", "deadline"), [
    ("2024/25", date(2025, 3, 31)),
    ("2024-25", date(2025, 3, 31)),
    ("2024-2025", date(2025, 3, 31)),
    ("FY2024/25", date(2025, 3, 31)),
    ("FY 2024-25", date(2025, 3, 31)),
    ("By 2008/09", date(2009, 3, 31)),
    ("1999/00", date(2000, 3, 31)),
])
def test_a_financial_year_ends_on_31_march(text: str, deadline: date) -> None:
    assert parse_due(text).deadline == deadline


@pytest.mark.parametrize(("text", "deadline"), [
    ("2011-12", date(2011, 12, 31)),   # a month first: the year and month exist
    ("2009-10", date(2009, 10, 31)),
    ("2024-12", date(2024, 12, 31)),
])
def test_a_year_and_a_month_that_exists_stay_a_month(text: str, deadline: date) -> None:
    assert parse_due(text).deadline == deadline


@pytest.mark.parametrize("text", ["2024/26", "2024/2026", "2024-2026"])
def test_years_that_do_not_follow_each_other_are_no_financial_year(text: str) -> None:
    assert (parse_due(text).deadline, parse_due(text).reading) == (None, "no-date")


@pytest.mark.parametrize("text", ["2024-26", "2024-13"])
def test_a_year_and_a_month_number_that_fit_neither_reading_is_an_impossible_month(
        text: str) -> None:
    with pytest.raises(ImpossibleDate) as raised:
        parse_due(text)
    assert str(raised.value) == text


@pytest.mark.parametrize("text", ["TBC", "TBA", "tbc", "To be confirmed", "To be agreed",
                                  "Ongoing", "N/A", "n/a", "-"])
def test_words_that_name_no_date_give_no_deadline(text: str) -> None:
    due = parse_due(text)
    assert (due.text, due.deadline, due.reading) == (text, None, "no-date")


@pytest.mark.parametrize(("text", "deadline"), [
    ("Sep-23 and Mar-24", date(2023, 9, 30)),
    ("31/03/2024", date(2024, 3, 31)),
    ("31/3/24", date(2024, 3, 31)),
    ("1/4/2024", date(2024, 4, 1)),
    ("31.03.2024", date(2024, 3, 31)),
    ("31-03-2024", date(2024, 3, 31)),
    ("31.3.24", date(2024, 3, 31)),
    ("2024-03-31 00:00:00", date(2024, 3, 31)),
    ("2024-03-31 09:30:00", date(2024, 3, 31)),
    ("By 31/03/2024 then yearly", date(2024, 3, 31)),
])
def test_dates_as_typed_in_a_sheet(text: str, deadline: date) -> None:
    due = parse_due(text)
    assert (due.text, due.deadline, due.reading) == (text, deadline, "deadline")


@pytest.mark.parametrize(("text", "impossible"), [
    ("30/02/2024", "2024-02-30"), ("31/4/24", "2024-04-31"), ("29.02.2023", "2023-02-29"),
    ("03-31-24", "2024-31-03"),
])
def test_impossible_dates_in_a_sheet_are_refused(text: str, impossible: str) -> None:
    with pytest.raises(ImpossibleDate) as raised:
        parse_due(text)
    assert str(raised.value) == impossible


@pytest.mark.parametrize("text", ["FY 2024", "FY2024", "Q2 FY2024", "FY2024 Q2"])
def test_a_financial_year_named_by_one_year_gives_no_deadline(text: str) -> None:
    """FY2024 may mean 2023/24 or 2024/25: no deadline is read rather than a guess."""
    assert (parse_due(text).deadline, parse_due(text).reading) == (None, "no-date")


@pytest.mark.parametrize(("text", "deadline"), [
    ("2024/03/31", date(2024, 3, 31)), ("from Q2 2024", None), ("Completed Q2 2024", None),
    ("Ongoing from Q3 2024/25", None), ("Q2 2024 (June)", date(2024, 6, 30)),
    ("Quarter 2, 2024/25", date(2024, 9, 30)), ("Phase 2 2024", date(2024, 12, 31)),
])
def test_quarters_and_days_follow_the_other_rules(text: str, deadline: date | None) -> None:
    assert parse_due(text).deadline == deadline
