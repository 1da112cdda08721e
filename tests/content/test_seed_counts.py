"""The bundled plans hold every item of their source documents: counted by kind, per plan.

The expected figures were counted in the source documents themselves:
- charter: 5 section rows (1.00-5.00) and 25 action rows, including the row numbered "1",
  the two rows numbered "5.0" and the training row with no ref; 7 "Green - on track",
  6 "Complete", 12 with no RAG status.
- 2003 improvement plan: recommendations 1-12; actions per recommendation
  5, 3, 4, 1, 5, 6, 4, 8, 1, 1, 2, 3 (43).
- 2005 strategy: 5 aims, objectives 1-14, the phase 1 action plan (one section) with its
  5 actions and the 6 numbered trial elements of the fourth.
- 2009 service plan: 12 Council Actions with 36 numbered steps; 7 operational plan tables
  with 26 supporting objectives and 70 indicator rows; the improvement plan (1 section,
  3 service objectives) with 22 improvement objectives and 63 actions.
"""

from __future__ import annotations

from collections import Counter

import pytest

from generator import load_site

from ..conftest import ROOT

EXPECTED = {
    "all-councils-charter-2022": {"section": 5, "commitment": 25},
    "bcc-community-leadership-2003": {"recommendation": 12, "action": 43},
    "bcc-getting-closer-2005": {"aim": 5, "objective": 14, "section": 1, "action": 5, "step": 6},
    "scdc-community-customer-services-2009": {
        "section": 12, "action": 75, "step": 36, "objective": 48, "indicator": 70,
    },
}


@pytest.fixture(scope="module")
def site():
    return load_site(ROOT / "content")


@pytest.mark.parametrize("plan_id", sorted(EXPECTED))
def test_items_per_kind_match_the_source(site, plan_id: str) -> None:
    plan = site.plan(plan_id)
    assert plan is not None
    assert dict(Counter(item.kind for item in plan.walk())) == EXPECTED[plan_id]


def test_the_charter_statuses_are_the_sources_and_no_more(site) -> None:
    charter = site.plan("all-councils-charter-2022")
    found = Counter(i.current_status for i in charter.walk() if i.kind == "commitment")
    assert found == {"on-track": 7, "complete": 6, "not-reported": 12}


def test_no_progress_is_invented_for_plans_whose_source_gives_none(site) -> None:
    for plan_id in ("bcc-community-leadership-2003", "bcc-getting-closer-2005",
                    "scdc-community-customer-services-2009"):
        plan = site.plan(plan_id)
        assert {i.current_status for i in plan.walk()} == {"not-reported"}, plan_id
        assert not any(i.progress is not None or i.updates for i in plan.walk()), plan_id


def test_the_charters_garbled_refs_keep_the_sources_ref_beside_ours(site) -> None:
    charter = site.plan("all-councils-charter-2022")
    assert [(i.ref, i.source_ref) for i in charter.walk() if i.source_ref is not None] == [
        ("2.01", "1"), ("3.09", ""), ("5.01", "5.0"), ("5.02", "5.0"),
    ]
    assert all(charter.find(ref).text.get("editorial_note") for ref in ("2.01", "3.09", "5.01"))


def test_the_decision_record_and_its_plan_link_both_ways(site) -> None:
    decision = site.decision("dl01-03")
    assert decision is not None and decision.approves == ["bcc-community-leadership-2003"]
    assert site.plan("bcc-community-leadership-2003").decisions == ["dl01-03"]
    assert decision.feedback is not None and decision.feedback.email == "cabinet@buckscc.gov.uk"
