"""Charts drawn at build time: SVG with a text alternative, and only numbers charted."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from generator.content.model import Item, Target
from generator.views import charts
from generator.views.figures import indicator, read_baseline, read_figure

SVG = "{http://www.w3.org/2000/svg}"


def parse(markup: str) -> ET.Element:
    """The chart as XML (inline SVG is written so that it also parses as XML)."""
    return ET.fromstring(str(markup).replace("<svg ", '<svg xmlns="http://www.w3.org/2000/svg" ', 1))


@pytest.mark.parametrize(("text", "value", "percent"), [
    ("34%", 34.0, True),
    ("45", 45.0, False),
    (" 5.28 % ", 5.28, True),
    ("£3,000", 3000.0, False),
    ("1,234,567", 1234567.0, False),
    ("July 09", None, False),
    ("Set baseline", None, False),
    ("-", None, False),
    ("15.3% (tentative baseline - County wide figure)", None, False),
    ("2,34", None, False),
])
def test_a_figure_is_a_number_only_when_the_whole_text_is_one(text, value, percent) -> None:
    found = read_figure(text)
    assert found.value == value and found.text == text
    assert found.percent == (percent if value is not None else False)


def test_a_baseline_may_name_its_period() -> None:
    point = read_baseline("2008 = 33.9%")
    assert (point.period, point.figure.value, point.figure.percent) == ("Baseline (2008)", 33.9, True)
    assert point.figure.text == "2008 = 33.9%"
    assert read_baseline("2007/08 = none").figure.value is None
    assert read_baseline("72% in 2008").figure.value is None


def indicator_item(**fields) -> Item:
    return Item(plan_id="p", ref="IP1", slug="ip1", kind="indicator", title="Satisfaction",
                line=1, **fields)


def test_status_bar_has_a_segment_per_status_and_states_every_figure() -> None:
    svg = parse(charts.status_bar({"on-track": 7, "complete": 6, "not-reported": 12}, "Charter", "c"))
    assert svg.get("role") == "img"
    alt = "Charter: 25 items. On track 7 (28%); Complete 6 (24%); Not yet reported 12 (48%)."
    assert svg.get("aria-label") == alt and svg.find(f"{SVG}title").text == alt
    segments = [r for r in svg.iter(f"{SVG}rect") if (r.get("class") or "").startswith("pt-seg ")]
    assert [s.get("class").split("--")[1] for s in segments] == ["on-track", "complete", "not-reported"]
    assert [float(s.get("width")) for s in segments] == [280.0, 240.0, 480.0]
    assert segments[2].get("fill") == "url(#pt-hatch-c)"  # hatched, never an empty 0% gap


def test_chart_text_is_escaped() -> None:
    markup = charts.status_bar({"not-reported": 1}, '<script>alert(1)</script> & "x"', "k")
    assert "<script>" not in markup and "&lt;script&gt;" in markup
    parse(markup)


def test_indicator_chart_draws_only_numbers_and_names_the_rest() -> None:
    found = indicator(indicator_item(
        text={"baseline": "2008 = 33.9%", "direction": "higher"},
        targets=[Target("2009/10", "34%", "35%"), Target("2010/11", "Set baseline"),
                 Target("2011/12", "40%")]))
    assert found is not None
    assert [(p.period, p.role) for p in found.charted] == [
        ("Baseline (2008)", "baseline"), ("2009/10", "target"), ("2009/10", "actual"),
        ("2011/12", "target")]
    assert [(p.period, p.figure.text) for p in found.not_numeric] == [("2010/11", "Set baseline")]
    svg = parse(charts.indicator_chart(found, "IP1 Satisfaction"))
    assert svg.get("aria-label") == ("IP1 Satisfaction: Baseline (2008) 33.9%; 2009/10 target 34%; "
                                     "2009/10 actual 35%; 2011/12 target 40%. Higher is better.")
    labels = [t.text for t in svg.iter(f"{SVG}text")]
    assert labels[:3] == ["0%", "25%", "50%"]  # axis from 0 to a round top above 40%
    for shown in ("33.9%", "34%", "35%", "40%", "Baseline", "2008", "2009/10", "2011/12"):
        assert shown in labels
    assert "2010/11" not in labels


def test_no_chart_when_nothing_is_a_number() -> None:
    found = indicator(indicator_item(targets=[Target("2009/10", "July 09")]))
    assert found is not None and charts.indicator_chart(found, "x") is None
    assert indicator(Item(plan_id="p", ref="1", slug="1", kind="action", title="t", line=1)) is None


def test_indicator_pages_chart_numbers_and_explain_text_targets() -> None:
    from generator import load_site, render_site

    from ..conftest import ROOT

    pages = render_site(load_site(ROOT / "content"))
    page = pages["plans/scdc-community-customer-services-2009/op1-3-4.md"]
    assert '<svg class="pt-chart pt-chart--indicator"' in page
    assert '<table class="pt-targets">' in page
    assert "2009/10 target 45; 2010/11 target 50; 2011/12 target 55" in page
    text_only = pages["plans/scdc-community-customer-services-2009/op1-1-2.md"]
    assert "pt-chart--indicator" not in text_only
    assert ("No chart, because these figures are not a number: the 2009/10 target (“July 09”); "
            "the 2010/11 target (“July 10”); the 2011/12 target (“July 11”).") in text_only


def test_bundled_indicator_states_its_direction_and_charts_its_baseline() -> None:
    from generator import load_site, render_site

    from ..conftest import ROOT

    page = render_site(load_site(ROOT / "content"))[
        "plans/scdc-community-customer-services-2009/op3-1-3.md"]
    assert '<p class="pt-direction"><strong>Lower is better.</strong></p>' in page
    assert ("Baseline (01/04/08) 5.28%; 2009/10 target 4%; 2010/11 target 2%; 2011/12 target 0%. "
            "Lower is better.") in page
