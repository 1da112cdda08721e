"""Reporting rounds, evidence and corrections on the pages (issue 13).

The rounds fixture is a delivery plan reported in three quarterly rounds: 1.1 slips and its
deadline moves (with a reason and evidence), 1.2 is completed in Q2 and the council corrects
that in Q3, 1.3 is dropped, 2.2 is added in Q2 and moves forward in Q3. Each round has a page
showing the plan as reported then and what moved since the round before; that page never
changes when later rounds are added. The sample site has no rounds and no corrections, and
shows none of it.
"""

from __future__ import annotations

import html
import re
import shutil
from functools import cache
from pathlib import Path

from generator import load_site, render_site
from generator.content import rounds
from generator.content.model import Site
from generator.mkdocs.nav import build_nav

from ..conftest import FIXTURES, ROOT

ROUNDS = FIXTURES / "rounds"
PLAN = "plans/riverside"
ROUND_PAGES = [f"{PLAN}/rounds/q{n}-2024-25.md" for n in (1, 2, 3)]
_TAG = re.compile(r"<[^>]+>")
_BLOCK = re.compile(r"</?(?:p|li|ul|ol|tr|td|th|caption|div|h[1-6]|br)\b[^>]*>")
_ATTRS = re.compile(r"\s*\{ [#.a-z][^}]* \}$")


@cache
def site() -> Site:
    return load_site(ROUNDS)


@cache
def pages() -> dict[str, str]:
    return render_site(site())


def reading(markdown: str) -> str:
    """What a resident reads: one line per block, tags and heading marks removed."""
    lines = []
    for line in markdown.splitlines():
        words = " ".join(html.unescape(_TAG.sub("", _BLOCK.sub(" ", _ATTRS.sub("", line))))
                         .split())
        if words:
            lines.append(words.lstrip("# "))
    return "\n".join(lines)


def between(page: str, start: str, end: str) -> str:
    text = pages()[page]
    first = text.index(start)
    return reading(text[first:text.index(end, first)])


def test_the_q2_comparison_reads_as_a_resident_reads_it() -> None:
    assert between(ROUND_PAGES[1], "## Since", "## Every item") == """\
Since Q1 2024/25
What moved between Q1 2024/25 (closed on 30 June 2024) and Q2 2024/25. How rounds are compared.
Completed
1.2 Add 20 litter bins on the high street: Complete, reported on 25 September 2024
Moved forward
No item moved forward.
Slipped
1.1 Open the riverside path: from On track to At risk
Added
2.2 Fund two more community wardens: added to the plan in Q2 2024/25; status then Not started
Dropped
No item was dropped.
Newly reported
No item was reported for the first time.
Due dates moved
1.1 Open the riverside path: due date moved later, from December 2024 to March 2025. Reason \
given: The Environment Agency asked for a flood survey before works begin.
2 other items are in none of these lists."""


def test_the_q3_comparison_reads_as_a_resident_reads_it() -> None:
    assert between(ROUND_PAGES[2], "## Since", "## Every item") == """\
Since Q2 2024/25
What moved between Q2 2024/25 (closed on 30 September 2024) and Q3 2024/25. How rounds are \
compared.
Completed
No item became complete.
Moved forward
2.2 Fund two more community wardens: from Not started to On track
Slipped
1.2 Add 20 litter bins on the high street: from Complete to In progress (a correction of the \
update of 25 September 2024)
Added
No item was added to the plan.
Dropped
1.3 Trial food waste collections: Cancelled, reported on 29 November 2024
Newly reported
No item was reported for the first time.
Due dates moved
No due date moved.
2 other items are in none of these lists."""


def test_the_first_round_has_nothing_to_compare_with() -> None:
    assert between(ROUND_PAGES[0], "## Since", "## Every item") == """\
Since the round before
Q1 2024/25 is the first reporting round of this plan: there is no earlier round to compare \
with."""


def test_a_round_page_gives_the_totals_of_its_snapshot() -> None:
    plan = site().plans[0]
    q3 = rounds.snapshot(plan, plan.rounds[2])
    assert q3.by_status() == {"in-progress": 1, "on-track": 1, "at-risk": 1, "complete": 1,
                              "cancelled": 1}
    page = pages()[ROUND_PAGES[2]]
    assert 'title: "Riverside Delivery Plan 2024/25: as reported at Q3 2024/25"' in page
    words = reading(page)
    assert ("Items by status at Q3 2024/25\nStatus Items Share\nIn progress 1 20%\nOn track 1 20%\n"
            "At risk 1 20%\nComplete 1 20%\nCancelled 1 20%\nAll items 5 100%") in words
    assert "5 items in the plan at this round\n3 with an update reported in this round\n" \
           "1 overdue when the round closed" in words
    assert between(ROUND_PAGES[2], "## Overdue when", "## Since") == """\
Overdue when the round closed
1 item was overdue when the round closed on 31 December 2024: the status reported by then was \
not complete or cancelled, and the due date then had passed.
Overdue when Q3 2024/25 closed
Ref Item Lead Due then Status then
1.2 Add 20 litter bins on the high street Head of Street Scene September 2024 In progress Overdue"""
    q2 = reading(pages()[ROUND_PAGES[1]])
    assert "Not started 2 40%\nAt risk 1 20%\nComplete 2 40%\nAll items 5 100%" in q2
    assert "No item was overdue when the round closed on 30 September 2024." in q2


def test_every_item_is_listed_as_it_stood_then() -> None:
    rows = between(ROUND_PAGES[1], "## Every item", "\n</table>")
    assert rows == """\
Every item at Q2 2024/25
Every item of Riverside Delivery Plan 2024/25 as reported at Q2 2024/25
Ref Item Lead Due then Status then
1 Clean and green Not given Section
1.1 Open the riverside path Head of Parks March 2025 (originally due December 2024) At risk
1.2 Add 20 litter bins on the high street Head of Street Scene September 2024 Complete
1.3 Trial food waste collections Head of Street Scene December 2024 Not started
2 A safer town Not given Section
2.1 Light the station underpass Head of Parks June 2024 Complete
2.2 Fund two more community wardens Community Safety Manager March 2025 Not started"""
    q1 = reading(pages()[ROUND_PAGES[0]])
    assert "1.1 Open the riverside path Head of Parks December 2024 On track" in q1
    assert "2.2" not in q1  # added in Q2
    assert 'class="pt-items pt-round-items"' in pages()[ROUND_PAGES[0]]
    assert "data-pt-print" in pages()[ROUND_PAGES[0]]


def test_the_rounds_page_lists_every_round_newest_first() -> None:
    words = reading(pages()[f"{PLAN}/rounds/index.md"])
    assert """\
Round Closed on Note Items by status then
Q3 2024/25 31 December 2024 Reported to Cabinet, 16 January 2025 In progress 1 · On track 1 · \
At risk 1 · Complete 1 · Cancelled 1 (5 items)
Q2 2024/25 30 September 2024 Reported to Cabinet, 10 October 2024 Not started 2 · At risk 1 · \
Complete 2 (5 items)
Q1 2024/25 30 June 2024 Reported to Cabinet, 11 July 2024 Not started 1 · In progress 1 · \
On track 1 · Complete 1 (4 items)""" in words
    page = pages()[f"{PLAN}/rounds/index.md"]
    assert '<a href="q3-2024-25/">Q3 2024/25</a>' in page
    assert "no round yet" not in page  # every update of the fixture is in a round


def test_the_plan_page_the_report_and_the_nav_link_the_rounds() -> None:
    assert '<a href="rounds/">Reporting rounds</a>' in pages()[f"{PLAN}/index.md"]
    assert '<a href="../../plans/riverside/rounds/">the plan as reported at each round</a>' in \
        pages()["reports/riverside.md"]
    plans = build_nav(site(), None)[1]["Plans"]
    assert plans == [{"Riverside Delivery Plan 2024/25": [
        f"{PLAN}/index.md", {"1 Clean and green": f"{PLAN}/1.md"}, {"2 A safer town": f"{PLAN}/2.md"},
        {"Reporting rounds": f"{PLAN}/rounds/index.md"}]}]


def _later(folder: Path) -> None:
    """A fourth round with updates in it, a due date moved, a correction of a Q3 update, and
    a later as_of."""
    plan = folder / "plans/riverside.yml"
    text = plan.read_text(encoding="utf-8")
    text = text.replace("    note: Reported to Cabinet, 16 January 2025\n",
                        "    note: Reported to Cabinet, 16 January 2025\n"
                        "  - label: Q4 2024/25\n    date: 2025-03-31\n")
    text = text.replace("        added_in: Q2 2024/25\n        due: March 2025\n",
                        "        added_in: Q2 2024/25\n        due: June 2025\n"
                        "        original_due: March 2025\n")
    text = text.replace('      - ref: "1.2"\n', """\
          - date: 2025-03-20
            status: complete
            note: The path is open.
            evidence:
              - title: Opening notice
                url: https://www.example.org/news/path-open
      - ref: "1.2"
""")
    text += """\
          - date: 2025-02-10
            status: at-risk
            due: June 2025
            due_reason: One warden left.
            note: Recruiting again.
"""
    text = text.replace("""            note: The funding was not granted.
""", """            note: The funding was not granted.
          - date: 2025-02-03
            status: cancelled
            corrects: 2024-11-29
            note: The funding was refused in writing on 28 November.
""")
    plan.write_text(text, encoding="utf-8")
    settings = folder / "site.yml"
    settings.write_text(settings.read_text(encoding="utf-8").replace(
        "as_of: 2025-01-15", "as_of: 2025-04-20"), encoding="utf-8")


def test_a_round_page_stays_the_same_when_later_rounds_are_added(tmp_path: Path) -> None:
    folder = tmp_path / "rounds"
    shutil.copytree(ROUNDS, folder)
    before = render_site(load_site(folder))
    _later(folder)
    later_site = load_site(folder)
    assert [r.label for r in later_site.plans[0].rounds][-1] == "Q4 2024/25"
    after = render_site(later_site)
    q4 = reading(after[f"{PLAN}/rounds/q4-2024-25.md"])
    assert "1.1 Open the riverside path: Complete, reported on 20 March 2025" in q4
    assert "2.2 Fund two more community wardens: due date moved later, from March 2025 to June " \
           "2025. Reason given: One warden left." in q4
    assert after[f"{PLAN}/1-1.md"] != before[f"{PLAN}/1-1.md"]
    for page in ROUND_PAGES:
        assert after[page] == before[page], page


def test_the_item_page_log_shows_round_evidence_and_the_due_date_moved() -> None:
    page = pages()[f"{PLAN}/1-1.md"]
    log = between(f"{PLAN}/1-1.md", "## Progress updates", "## Show")
    assert log == """\
Progress updates
27 September 2024 At risk Reported in Q2 2024/25 Flood survey commissioned. Due date moved \
from December 2024 to March 2025. Reason given: The Environment Agency asked for a flood survey \
before works begin. Evidence: Environment Agency letter
28 June 2024 On track Reported in Q1 2024/25 Contract awarded. Evidence: Cabinet minutes, 11 \
July 2024 (archived copy)"""
    assert '<li id="update-2024-09-27">' in page and '<li id="update-2024-06-28">' in page
    assert '<a href="../rounds/q2-2024-25/">Q2 2024/25</a>' in page
    assert ('Evidence: <a href="https://democracy.example.org/minutes/2024-07-11">Cabinet '
            'minutes, 11 July 2024</a> (<a href="https://web.archive.org/web/2024/https://'
            'democracy.example.org/minutes/2024-07-11">archived copy</a>)') in page


def test_the_item_page_marks_the_corrected_update_and_links_both_ways() -> None:
    page = pages()[f"{PLAN}/1-2.md"]
    corrected = page[page.index('<li id="update-2024-09-25"'):]
    corrected = corrected[:corrected.index("</li>")]
    assert 'class="pt-update--corrected"' in corrected
    assert '<a href="#update-2024-10-20">Corrected on 20 October 2024</a>' in corrected
    assert "All 20 bins installed." in corrected  # the corrected update stays
    correction = page[page.index('<li id="update-2024-10-20"'):]
    correction = correction[:correction.index("</li>")]
    assert 'Corrects the update of <a href="#update-2024-09-25">25 September 2024</a>' in \
        correction
    assert reading(correction) == (
        "20 October 2024 In progress Reported in Q3 2024/25 Corrects the update of 25 September "
        "2024. Only 12 of the 20 bins were installed by September; the last 8 are on order.")
    assert reading(corrected) == (
        "25 September 2024 Complete Reported in Q2 2024/25 Corrected on 20 October 2024: the "
        "council has corrected this update. All 20 bins installed.")


def test_the_corrections_page_lists_each_correction() -> None:
    assert between("corrections.md", "## ", "\n</div>") == """\
20 October 2024: 1.2 Add 20 litter bins on the high street
Riverside Delivery Plan 2024/25 · the correction on the page of 1.2 Add 20 litter bins on the \
high street
The update of 25 September 2024 (reported in Q2 2024/25) said: Complete All 20 bins installed.
The correction of 20 October 2024 (reported in Q3 2024/25) says: In progress Only 12 of the 20 \
bins were installed by September; the last 8 are on order."""
    page = pages()["corrections.md"]
    assert '<a href="../plans/riverside/1-2/#update-2024-09-25">25 September 2024</a>' in page
    assert 'href="../plans/riverside/1-2/#update-2024-10-20"' in page
    assert '<a href="../corrections/">every correction</a>' in pages()["changes.md"]


def test_the_methodology_page_states_the_rules_of_rounds_and_corrections() -> None:
    page = html.unescape(pages()["about/methodology.md"])
    for name, rule in rounds.RULES.items():
        assert rule in page, name
    assert "## Reporting rounds" in page and "## Comparing rounds" in page
    assert "## Corrections" in page


def test_the_sample_sites_show_no_rounds_and_no_corrections() -> None:
    for folder in (FIXTURES / "sample", ROOT / "content"):
        found = load_site(folder)
        rendered = render_site(found)
        assert not [p for p in rendered if "/rounds/" in p], folder
        assert "corrections.md" not in rendered
        assert "Reporting rounds" not in str(build_nav(found, None))
        methodology = html.unescape(rendered["about/methodology.md"])
        assert all(rule not in methodology for rule in rounds.RULES.values())
        assert "corrections" not in rendered["changes.md"]
        assert "Reporting rounds" not in "".join(rendered[p] for p in rendered if p.endswith(".md"))
