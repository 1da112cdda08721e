"""Reflow (WCAG 1.4.10) at 320 CSS px and at 200% zoom, and screenshots for review.

At 320 px, and at 200% zoom on a 1280 px desktop (a 640 CSS px viewport drawn at device scale
2), the page never scrolls sideways: nothing reaches past the right edge unless it sits in a
box that scrolls itself (wide tables in ``.pt-table-wrap``) or in Material's off-canvas drawer.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser

from .conftest import Site

pytestmark = pytest.mark.browser

REFLOW_PAGES = ["home", "plan", "commitment", "indicator-chart", "report", "reports", "due",
                "statuses", "status", "leads", "lead", "areas", "area", "tags", "tag", "indicators",
                "plan-split", "plan-part"]
VIEWPORTS = {
    "320px": {"viewport": {"width": 320, "height": 640}, "device_scale_factor": 1},
    "zoom-200": {"viewport": {"width": 640, "height": 400}, "device_scale_factor": 2},
}

# Everything that reaches past the right edge of the viewport, with the box that contains it.
OVERFLOW = """() => {
  const root = document.documentElement, width = root.clientWidth;
  const escaping = [], wraps = [];
  const name = (el) => `${el.tagName.toLowerCase()}.${el.getAttribute("class") || ""}`;
  for (const el of document.body.querySelectorAll("*")) {
    if (el instanceof SVGElement && el.ownerSVGElement) continue;  // judged by its <svg>
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || box.right <= width + 1) continue;
    // Fine if some ancestor scrolls sideways (it can be reached) or is Material's drawer.
    let reachable = !!el.parentElement.closest(".md-sidebar, .md-search"), clipper = null;
    for (let a = el.parentElement; a && a !== document.body && !reachable; a = a.parentElement) {
      const overflow = getComputedStyle(a).overflowX;
      if (overflow === "auto" || overflow === "scroll") reachable = true;
      else if (overflow !== "visible" && !clipper) clipper = a;
    }
    if (reachable) continue;
    escaping.push(`${name(el)} right=${Math.round(box.right)}`
                  + (clipper ? ` (cut off by ${name(clipper)})` : ""));
  }
  for (const wrap of document.querySelectorAll(".pt-table-wrap")) {
    const box = wrap.getBoundingClientRect(), style = getComputedStyle(wrap);
    wraps.push({label: wrap.getAttribute("aria-label"), left: box.left, right: box.right,
                scrollWidth: wrap.scrollWidth, clientWidth: wrap.clientWidth,
                overflowX: style.overflowX});
  }
  return {scrollWidth: root.scrollWidth, clientWidth: width,
          bodyScrollWidth: document.body.scrollWidth, escaping: escaping.slice(0, 20), wraps};
}"""


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_pages_reflow_without_sideways_scrolling(browser: Browser, site: Site, viewport: str):
    context = browser.new_context(**VIEWPORTS[viewport])
    try:
        page = context.new_page()
        for template in REFLOW_PAGES:
            page.goto(site.page(template))
            found = page.evaluate(OVERFLOW)
            where = f"{template} at {viewport}"
            assert found["scrollWidth"] <= found["clientWidth"], f"{where} scrolls sideways: {found}"
            assert found["bodyScrollWidth"] <= found["clientWidth"], f"{where}: body too wide: {found}"
            assert not found["escaping"], f"{where}: content past the right edge: {found['escaping']}"
            for wrap in found["wraps"]:
                assert wrap["left"] >= 0 and wrap["right"] <= found["clientWidth"] + 1, (where, wrap)
                if wrap["scrollWidth"] > wrap["clientWidth"]:
                    assert wrap["overflowX"] in ("auto", "scroll"), (where, wrap)
            # A wide table scrolls inside its own box, and the page stays put.
            moved = page.evaluate("""() => {
              const wrap = [...document.querySelectorAll(".pt-table-wrap")]
                .find(w => w.scrollWidth > w.clientWidth);
              if (!wrap) return null;
              wrap.scrollLeft = 40;
              return {inner: wrap.scrollLeft, page: window.scrollX};
            }""")
            if moved is not None:
                assert moved["inner"] > 0 and moved["page"] == 0, (where, moved)
        # Tables of items become cards on narrow screens (test_tables.py), so no table need
        # scroll here; any that does scrolls inside its own box, as checked above.
    finally:
        context.close()


SHOTS = {"home": "home", "plan": "plan", "commitment": "commitment", "report": "report",
         "browse-lead": "lead", "browse-due": "due", "indicator": "indicator-chart"}
WIDTHS = {"desktop": 1280, "phone": 390}


@pytest.mark.parametrize("width", list(WIDTHS))
def test_screenshots(browser: Browser, site: Site, screenshots_dir: Path, width: str):
    context = browser.new_context(viewport={"width": WIDTHS[width], "height": 900})
    try:
        page = context.new_page()
        for name, template in SHOTS.items():
            page.goto(site.page(template))
            page.wait_for_load_state("load")
            target = screenshots_dir / f"{name}-{width}-{WIDTHS[width]}.png"
            page.screenshot(path=str(target), full_page=True)
            assert target.stat().st_size > 5_000, f"{target} looks empty"
    finally:
        context.close()
