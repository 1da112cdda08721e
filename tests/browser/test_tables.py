"""Tables on a phone, at 200% zoom and on a desktop: every row's ref, title and status show
together, without scrolling sideways, and no badge is ever clipped.

At 320 px, 390 px, 200% zoom of a 1280 px window (a 640 CSS px viewport) and 1280 px, on every
page template that shows a table of items (plan, section, report, the browse pages, the home
page) and on the report's "What changed since the last report" table and the "What's changed"
list: for every row, the ref, the title link and everything in the status cell (badges and
flags) lie inside the viewport and inside the visible box of their table's wrap, and
``document.elementFromPoint`` finds them at both ends after scrolling only vertically (as the
field notes advise: ``scrollIntoView`` would scroll the box sideways and hide the problem). At
the narrow widths no table's wrap scrolls sideways at all. At every width each badge shows all
of itself: its content fits its box and its box fits its cell.

The bundled content has no progress updates, so the what-changed table and list are measured on
a site built from ``tests/fixtures/sample`` (one small build per module).

Status cells will hold a second badge (confidence) and flags: one test adds them to every row
and measures again. Another reads Chromium's accessibility tree at 390 px, where rows are
stacked cards, to show the table keeps its table, row, cell and column header roles, and runs
axe there.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page

from ..conftest import FIXTURES
from .conftest import PAGES, Site, built_and_served
from .test_accessibility import axe_violations, describe

pytestmark = pytest.mark.browser

VIEWPORTS = {
    "320px": {"viewport": {"width": 320, "height": 640}, "device_scale_factor": 1},
    "390px": {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 1},
    "zoom-200": {"viewport": {"width": 640, "height": 400}, "device_scale_factor": 2},
    "1280px": {"viewport": {"width": 1280, "height": 800}, "device_scale_factor": 1},
}
NARROW = {"320px", "390px", "zoom-200"}

# Bundled pages with tables of items, by template: plan, section (an item page), report,
# timeline (due), the status, lead and tag indexes (groups), one page of each group, an area,
# the indicators and the home page.
TABLE_PAGES = ["plan", "section", "report", "due", "statuses", "leads", "tags", "status", "lead",
               "tag", "area", "indicators", "home", "plan-part", "status-part"]
# Pages of the sample site: its report has a "What changed since the last report" table.
SAMPLE = FIXTURES / "sample"
SAMPLE_PAGES = {"sample-report": "reports/village/", "sample-changes": "changes/"}

# Every row of every table on the page (and every entry of the "What's changed" list): the ref,
# the title, and the status cell's contents, each checked where a resident would look for it.
MEASURE = """() => {
  const vw = document.documentElement.clientWidth, vh = window.innerHeight;
  const problems = [], badgeProblems = [], wraps = [];
  let rows = 0, checked = 0, badges = 0;
  const name = (el) => el ? `${el.tagName.toLowerCase()}.${el.getAttribute("class") || ""}` : "nothing";
  const text = (el) => el.textContent.trim().replace(/\\s+/g, " ").slice(0, 50);

  // Visible from both ends: after scrolling only vertically, the point just inside each end of
  // its first and last line box (3 px in: hit testing rounds) is the element itself (or something inside it).
  function reachable(el) {
    const first = el.getBoundingClientRect();
    window.scrollTo(0, window.scrollY + first.top + first.height / 2 - vh / 2);
    const lines = [...el.getClientRects()].filter(r => r.width > 0 && r.height > 0);
    const last = lines[lines.length - 1], inset = (line) => Math.min(3, line.width / 2);
    const ends = [[lines[0], lines[0].left + inset(lines[0])], [last, last.right - inset(last)]];
    for (const [line, x] of ends) {
      const y = line.top + Math.min(line.height / 2, 8);
      const hit = document.elementFromPoint(x, y);
      if (!hit || !(hit === el || el.contains(hit))) {
        return `not reachable at x=${Math.round(x)}: ${name(hit)} is there`;
      }
    }
    return null;
  }

  function check(where, what, el, box) {
    checked += 1;
    const lines = [...el.getClientRects()].filter(r => r.width > 0 && r.height > 0);
    if (!lines.length) { problems.push(`${where}: the ${what} is not displayed`); return null; }
    const r = el.getBoundingClientRect();
    if (r.left < -0.5 || r.right > vw + 0.5) {
      problems.push(`${where}: the ${what} “${text(el)}” spans ${Math.round(r.left)}-${Math.round(r.right)} px, past the ${vw} px viewport`);
    } else if (box && (r.left < box.left - 0.5 || r.right > box.right + 0.5)) {
      problems.push(`${where}: the ${what} “${text(el)}” spans ${Math.round(r.left)}-${Math.round(r.right)} px, outside its table's visible box ${Math.round(box.left)}-${Math.round(box.right)} px`);
    } else {
      const missing = reachable(el);
      if (missing) problems.push(`${where}: the ${what} “${text(el)}” is ${missing}`);
    }
    return el.getBoundingClientRect();
  }

  // Ref, title and status together: within one screen's height of each other.
  function together(where, boxes) {
    const shown = boxes.filter(Boolean);
    if (shown.length < 2) return;
    const span = Math.max(...shown.map(b => b.bottom)) - Math.min(...shown.map(b => b.top));
    if (span > vh) problems.push(`${where}: ref, title and status span ${Math.round(span)} px, more than the ${vh} px screen`);
  }

  function checkBadge(where, badge, box) {
    badges += 1;
    const r = badge.getBoundingClientRect(), cell = badge.closest("td, th, li");
    const range = document.createRange();
    range.selectNodeContents(badge);
    const inner = range.getBoundingClientRect(), c = cell.getBoundingClientRect();
    const label = `${where}: the badge “${text(badge)}”`;
    if (badge.scrollWidth > badge.clientWidth || badge.scrollHeight > badge.clientHeight + 1) {
      badgeProblems.push(`${label} is clipped: content ${badge.scrollWidth}x${badge.scrollHeight} px in a ${badge.clientWidth}x${badge.clientHeight} px box`);
    } else if (inner.left < r.left - 0.5 || inner.right > r.right + 0.5) {
      badgeProblems.push(`${label}: its text (${Math.round(inner.left)}-${Math.round(inner.right)} px) overflows the badge (${Math.round(r.left)}-${Math.round(r.right)} px)`);
    } else if (r.left < c.left - 0.5 || r.right > c.right + 0.5) {
      badgeProblems.push(`${label} (${Math.round(r.left)}-${Math.round(r.right)} px) overflows its cell (${Math.round(c.left)}-${Math.round(c.right)} px)`);
    } else if (box && (r.left < box.left - 0.5 || r.right > box.right + 0.5)) {
      badgeProblems.push(`${label} (${Math.round(r.left)}-${Math.round(r.right)} px) is outside its table's visible box (${Math.round(box.left)}-${Math.round(box.right)} px)`);
    }
  }

  for (const wrap of document.querySelectorAll(".pt-table-wrap")) {
    const table = wrap.querySelector("table");
    if (!table) continue;
    const label = wrap.getAttribute("aria-label");
    const outer = wrap.getBoundingClientRect();
    const box = {left: outer.left + wrap.clientLeft, right: outer.left + wrap.clientLeft + wrap.clientWidth};
    wraps.push({label, scrollWidth: wrap.scrollWidth, clientWidth: wrap.clientWidth,
                tableWidth: Math.round(table.getBoundingClientRect().width)});
    [...table.tBodies].flatMap(body => [...body.rows]).forEach((row, i) => {
      if (row.hidden) return;
      rows += 1;
      const where = `“${label}” row ${i + 1}`;
      const ref = row.querySelector(":scope > .pt-ref");
      const head = row.querySelector(":scope > .pt-col-item, :scope > th[scope=row]");
      const title = head && (head.querySelector("a") || head);
      const status = [...row.querySelectorAll(":scope > .pt-col-status > *")];
      for (const el of row.querySelectorAll(".pt-badge, .pt-flag")) {
        if (!status.includes(el)) status.push(el);
      }
      const boxes = [ref && check(where, "ref", ref, box), title && check(where, "title", title, box),
                     ...status.map(el => check(where, "status", el, box))];
      if (ref || title) together(where, boxes);
      for (const badge of row.querySelectorAll(".pt-badge")) checkBadge(where, badge, box);
    });
  }
  // The "What's changed" list: each entry's ref and title (one link) and its badge.
  document.querySelectorAll("ul.pt-changes > li").forEach((entry, i) => {
    rows += 1;
    const where = `“What's changed” entry ${i + 1}`;
    const title = entry.querySelector("a");
    const boxes = [check(where, "ref and title", title, null),
                   ...[...entry.querySelectorAll(".pt-badge, .pt-flag")].map(el => check(where, "status", el, null))];
    together(where, boxes);
    for (const badge of entry.querySelectorAll(".pt-badge")) checkBadge(where, badge, null);
  });
  const scrollX = window.scrollX;
  window.scrollTo(0, 0);
  return {rows, checked, badges, wraps, scrollX, problems: problems.slice(0, 15),
          problemCount: problems.length, badgeProblems: badgeProblems.slice(0, 15),
          badgeProblemCount: badgeProblems.length, viewport: vw};
}"""


def measure(page: Page, where: str, narrow: bool) -> dict:
    found = page.evaluate(MEASURE)
    assert found["rows"] > 0 and found["checked"] > 0, f"{where}: no table rows found: {found}"
    assert found["scrollX"] == 0, f"{where}: the page scrolled sideways to {found['scrollX']} px"
    assert not found["problems"], (
        f"{where}: {found['problemCount']} cell(s) not visible without scrolling sideways:\n  "
        + "\n  ".join(found["problems"]))
    assert not found["badgeProblems"], (
        f"{where}: {found['badgeProblemCount']} badge(s) clipped:\n  "
        + "\n  ".join(found["badgeProblems"]))
    if narrow:
        wide = [w for w in found["wraps"] if w["scrollWidth"] > w["clientWidth"]]
        assert not wide, f"{where}: table(s) wider than their box, so they scroll sideways: {wide}"
    return found


@pytest.fixture(scope="module")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The site of ``tests/fixtures/sample`` (it has dated progress updates), built and served."""
    with built_and_served(tmp_path_factory.mktemp("sample-site"), content=SAMPLE) as served:
        yield served


@pytest.mark.parametrize("template", TABLE_PAGES)
@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_every_row_shows_ref_title_and_status(browser: Browser, site: Site, viewport: str,
                                              template: str):
    context = browser.new_context(**VIEWPORTS[viewport])
    try:
        page = context.new_page()
        response = page.goto(site.page(template))
        assert response is not None and response.ok, f"{template}: {site.page(template)} did not load"
        measure(page, f"{template} /{PAGES[template]} at {viewport}", viewport in NARROW)
    finally:
        context.close()


@pytest.mark.parametrize("template", list(SAMPLE_PAGES))
@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_what_changed_shows_ref_title_and_status(browser: Browser, sample_site: Site,
                                                 viewport: str, template: str):
    context = browser.new_context(**VIEWPORTS[viewport])
    try:
        page = context.new_page()
        response = page.goto(sample_site.url + SAMPLE_PAGES[template])
        assert response is not None and response.ok, f"{template} did not load"
        if template == "sample-report":
            assert page.locator("table.pt-changes tbody tr").count() > 0, "no changes table"
        else:
            assert page.locator("ul.pt-changes > li .pt-badge").count() > 0, "no updates listed"
        measure(page, f"{template} at {viewport}", viewport in NARROW)
    finally:
        context.close()


# A second badge (confidence, with a reason) and a flag in every status cell, as the two-axis
# vocabulary will write them: the cell wraps and still shows all of them.
ADD_BADGES = """() => {
  let added = 0;
  for (const cell of document.querySelectorAll("td.pt-col-status")) {
    const first = cell.querySelector(".pt-badge");
    if (!first) continue;
    const second = document.createElement("span");
    second.className = "pt-badge pt-badge--amber pt-confidence";
    second.append("Confidence: amber, some slippage");
    first.after(second);
    const flag = document.createElement("strong");
    flag.className = "pt-flag pt-flag--overdue";
    flag.textContent = "Overdue";
    cell.append(" ", flag);
    added += 1;
  }
  return added;
}"""


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_a_status_cell_holds_two_badges_and_flags(browser: Browser, site: Site, viewport: str):
    context = browser.new_context(**VIEWPORTS[viewport])
    try:
        page = context.new_page()
        for template in ("plan", "due"):
            page.goto(site.page(template))
            assert page.evaluate(ADD_BADGES) > 0, f"{template}: no status cell with a badge"
            found = measure(page, f"{template} with two badges at {viewport}", viewport in NARROW)
            assert found["badges"] > 0
    finally:
        context.close()


def accessibility_tree_of(page: Page, selector: str) -> list[dict]:
    """Chromium's own accessibility tree below the element, as (depth, role, name) rows."""
    cdp = page.context.new_cdp_session(page)
    try:
        root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
        target = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
        backend = cdp.send("DOM.describeNode", {"nodeId": target})["node"]["backendNodeId"]
        nodes = cdp.send("Accessibility.getFullAXTree")["nodes"]
    finally:
        cdp.detach()
    by_id = {node["nodeId"]: node for node in nodes}
    start = next(node for node in nodes if node.get("backendDOMNodeId") == backend)
    rows: list[dict] = []

    def walk(node: dict, depth: int) -> None:
        if not node.get("ignored"):
            rows.append({"depth": depth, "role": node["role"]["value"],
                         "name": node.get("name", {}).get("value", "")})
        for child in node.get("childIds", []):
            if child in by_id:
                walk(by_id[child], depth + 1)

    walk(start, 0)
    return rows


def test_stacked_table_keeps_its_table_semantics_and_axe_finds_nothing(browser: Browser,
                                                                        site: Site):
    context = browser.new_context(**VIEWPORTS["390px"])
    try:
        page = context.new_page()
        page.goto(site.page("plan"))
        page.wait_for_load_state("load")
        shape = page.evaluate("""() => {
          const table = document.getElementById("pt-items");
          const row = table.tBodies[0].rows[1];
          return {rows: table.rows.length, cells: [...table.tBodies[0].rows].reduce((n, r) => n + r.cells.length, 0),
                  display: getComputedStyle(row).display, lead: row.querySelector("[data-label=Lead]").textContent};
        }""")
        assert shape["display"] != "table-row", f"rows are not stacked at 390 px: {shape}"

        tree = accessibility_tree_of(page, "#pt-items")
        roles = [node["role"] for node in tree]
        assert roles[0] == "table", tree[:3]
        assert tree[0]["name"].startswith("Every item of"), tree[0]
        assert roles.count("columnheader") == 5, "the (visually hidden) column headers are kept"
        assert roles.count("row") == shape["rows"], (roles.count("row"), shape)
        assert roles.count("cell") == shape["cells"], (roles.count("cell"), shape)
        # The "Lead:" and "Due:" labels are for the eye: screen readers hear the column header.
        cells = [node["name"] for node in tree if node["role"] == "cell"]
        assert shape["lead"] in cells and not any(name.startswith(("Lead:", "Due:", "Status:"))
                                                  for name in cells), cells[:10]

        violations = axe_violations(page)
        assert not violations, describe("plan at 390 px (stacked table)", violations)
    finally:
        context.close()


def test_filtered_rows_stay_hidden_when_stacked(browser: Browser, site: Site):
    context = browser.new_context(**VIEWPORTS["390px"])
    try:
        page = context.new_page()
        page.goto(site.page("plan"))
        page.get_by_label("Status", exact=True).select_option("complete")
        shown = page.evaluate("""() => [...document.querySelectorAll("#pt-items tbody tr")]
          .map(r => ({hidden: r.hidden, height: r.getBoundingClientRect().height}))""")
        assert all(row["height"] == 0 for row in shown if row["hidden"]), shown
        # 6 complete commitments and the 3 sections they belong to (see test_views.py).
        assert sum(1 for row in shown if not row["hidden"] and row["height"] > 0) == 9, shown
    finally:
        context.close()
