"""The home page's dashboard for the bundled content: its figures, as a resident reads them.

The expected figures were counted by hand from the plan files (content/plans/*.yml), not by
the code under test:

- Charter (adopted): 25 commitments. RAG column: 7 "Green - on track" (1.01, 1.02, 2.05, 2.06,
  3.07, 4.02, 4.03), 6 "Complete" (2.01, 2.02, 2.03, 2.04, 3.06, 4.01), 12 blank. Every
  commitment has a due date, the latest Jul-23. Overdue needs a reported status that is not
  complete: on 24 November 2026 the 7 on track are overdue, and the 12 blank ones have passed
  their due date with no progress reported (never counted as overdue). On 1 September 2022 the
  overdue ones are those on track and due by Aug-22: 1.01 (Aug-22), 1.02 (Jul-22), 2.05
  (Aug-22), 3.07 (May-22), 4.03 (May-22): 5; no blank one is due by then. Due from 1 September
  to 30 November 2022 (90 days) and not complete: 2.06 and 5.02 (both Sep-22): 2.
- 2003 improvement plan: 12 recommendations + 43 actions = 55, no status.
- 2005 strategy: 5 aims + 14 objectives + 5 actions + 6 steps = 30 (the one section is not
  counted), no status.
- 2009 service plan: 241 items less 12 sections = 229, no status.
The three are drafts: their dates were proposals, so the site makes no deadline claim about
them ("No claim (a draft plan)"), whatever their due dates say.
"""

from __future__ import annotations

from datetime import date
from html.parser import HTMLParser

import pytest

from generator import load_site, render_site

from ..conftest import ROOT

PLANS = [
    "All plans",
    "All Councils Charter Action Plan",
    "Best Value Review of Community Leadership: Draft Improvement Plan",
    "Getting Closer to Communities: A strategy for local area working in Buckinghamshire",
    "Service Plan for Community and Customer Services 2009/10 to 2011/12",
]
HEADER = ["Plan", "On track", "Complete", "Not yet reported", "All items", "Overdue"]

# (on track, complete, not yet reported, all items) per row of PLANS; then overdue per date.
COUNTS = [
    ("7 (2%)", "6 (2%)", "326 (96%)", "339"),
    ("7 (28%)", "6 (24%)", "12 (48%)", "25"),
    ("0", "0", "55 (100%)", "55"),
    ("0", "0", "30 (100%)", "30"),
    ("0", "0", "229 (100%)", "229"),
]
NO_CLAIM = "No claim (a draft plan)"
OVERDUE = {
    date(2026, 11, 24): ["7", "7", NO_CLAIM, NO_CLAIM, NO_CLAIM],
    date(2022, 9, 1): ["5", "5", NO_CLAIM, NO_CLAIM, NO_CLAIM],
}


class Tables(HTMLParser):
    """Every table of a page as rows of cell texts, by the table's class."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: dict[str, list[list[str]]] = {}
        self._rows: list[list[str]] | None = None
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self._rows = self.tables.setdefault(dict(attrs).get("class") or "", [])
        elif tag == "tr" and self._rows is not None:
            self._rows.append([])
        elif tag in ("td", "th") and self._rows is not None:
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None and self._rows is not None:
            self._rows[-1].append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "table":
            self._rows = None

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)


def home(as_of: date) -> str:
    return render_site(load_site(ROOT / "content"), as_of=as_of)["index.md"]


@pytest.mark.parametrize("as_of", sorted(OVERDUE))
def test_dashboard_table_shows_the_counted_figures(as_of: date) -> None:
    parser = Tables()
    parser.feed(home(as_of))
    rows = parser.tables["pt-dashboard"]
    assert rows[0] == HEADER
    expected = [[plan, *counts, overdue]
                for plan, counts, overdue in zip(PLANS, COUNTS, OVERDUE[as_of])]
    assert rows[1:] == expected


def test_key_figures_and_due_soon_on_1_september_2022() -> None:
    page = home(date(2022, 9, 1))
    figures = [part.split("</span>")[0] for part in page.split('<span class="pt-kpi__figure">')[1:]]
    # items, with a reported status (7 + 6), not yet reported, overdue, due in 90 days
    assert figures == ["339", "13", "326", "5", "2"]
    parser = Tables()
    parser.feed(page)
    due = parser.tables["pt-items pt-entries"]
    assert [row[1] for row in due[1:]] == ["2.06", "5.02"]
    assert "between 1 September 2022 and 30 November 2022" in page


def test_unreported_items_past_their_date_are_counted_apart_from_overdue() -> None:
    page = home(date(2026, 11, 24))
    figures = [part.split("</span>")[0] for part in page.split('<span class="pt-kpi__figure">')[1:]]
    # items, reported, not yet reported, overdue, past due with nothing reported, due soon
    assert figures == ["339", "13", "326", "7", "12", "0"]
    assert ("<strong>7 items are overdue</strong> as of 24 November 2026: the council has "
            "reported a status that is not complete or cancelled, and the due date has passed. "
            "12 other items have a due date that has passed with no progress reported: that is "
            "not called overdue. Draft and superseded plans make no deadline claims: their dates "
            "were proposals.") in page


def test_nothing_due_soon_and_no_updates_are_said_plainly() -> None:
    page = home(date(2026, 11, 24))
    assert "No item falls due between 24 November 2026 and 22 February 2027." in page
    assert "No plan has published a dated progress update yet." in page


def test_unreported_is_its_own_category_in_every_chart() -> None:
    page = home(date(2026, 11, 24))
    assert ('aria-label="Best Value Review of Community Leadership: Draft Improvement Plan: '
            '55 items. Not yet reported 55 (100%)."') in page
    assert ('aria-label="All Councils Charter Action Plan: 25 items. On track 7 (28%); '
            'Complete 6 (24%); Not yet reported 12 (48%)."') in page
    assert page.count('class="pt-seg pt-seg--not-reported"') == 5
