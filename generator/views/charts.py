"""Charts drawn at build time as inline SVG: no chart JavaScript runs in the reader's browser.

Every chart is an ``<svg role="img">`` whose accessible name states every figure it draws, and
every page that shows a chart also shows the same figures in a table. Council text reaches a
chart only through :func:`generator.text.escape_text`. A chart's own words come from ``words``,
the catalog of the page's language (default English).

* :func:`status_bar`: one plan's (or all plans') items by status as a single stacked bar.
  "Not yet reported" is its own hatched segment, never an empty (0%) part of the bar.
* :func:`indicator_chart`: an indicator's baseline, targets and actuals as bars, charting
  only the figures that are numbers.
"""

from __future__ import annotations

from markupsafe import Markup

from generator.content.catalog import Catalog, english
from generator.content.rules import share
from generator.content.status import NOT_REPORTED, ORDER
from generator.pages.text import escape_text
from generator.views.figures import Indicator, Point

FILLS = {
    "complete": "#00703c",
    "on-track": "#1d70b8",
    "at-risk": "#ffdd00",
    "off-track": "#d4351c",
    "not-started": "#b1b4b6",
    "in-progress": "#6f4fb3",
    "cancelled": "#505a5f",
    NOT_REPORTED: "#ffffff",
}
"""Segment colours. Each segment is also separated by a white gap and named in the legend."""

INK = "#0b0c0c"
GRID = "#b1b4b6"
BAR_WIDTH, BAR_HEIGHT = 1000, 48


def _text(value: object) -> Markup:
    """Council text for an SVG attribute or text node: one line, escaped."""
    return escape_text(" ".join(str(value).split()))


def _hatch(pattern_id: str) -> str:
    return (f'<defs><pattern id="{pattern_id}" width="8" height="8" patternUnits="userSpaceOnUse" '
            f'patternTransform="rotate(45)"><rect width="8" height="8" fill="#ffffff"/>'
            f'<rect width="3" height="8" fill="#6f777b"/></pattern></defs>')


def status_summary(by_status: dict[str, int], about: str, words: Catalog | None = None) -> str:
    """The chart's text alternative: every status with a count, and its share."""
    words = words or english()
    total = sum(by_status.values())
    if not total:
        return words("charts.no_items", about=about)
    parts = [words("charts.status_part", status=words(f"status.{w}.label"), count=by_status[w],
                   share=share(by_status[w], total).said(words))
             for w in ORDER if by_status.get(w)]
    return words("charts.status_summary", about=about, count=total, statuses="; ".join(parts))


def status_bar(by_status: dict[str, int], about: str, key: str,
               words: Catalog | None = None) -> Markup:
    """A stacked bar of items by status. ``key`` makes the SVG's ids unique on the page."""
    total = sum(by_status.values())
    alt = _text(status_summary(by_status, about, words))
    hatch = f"pt-hatch-{key}"
    parts = [f'<svg class="pt-chart pt-chart--bar" viewBox="0 0 {BAR_WIDTH} {BAR_HEIGHT}" '
             f'role="img" aria-label="{alt}" focusable="false"><title>{alt}</title>', _hatch(hatch)]
    x = 0.0
    for word in ORDER:
        count = by_status.get(word, 0)
        if not count:
            continue
        width = BAR_WIDTH * count / total
        fill = f"url(#{hatch})" if word == NOT_REPORTED else FILLS[word]
        parts.append(f'<rect class="pt-seg pt-seg--{word}" x="{x:.1f}" y="0" width="{width:.1f}" '
                     f'height="{BAR_HEIGHT}" fill="{fill}" stroke="#ffffff" stroke-width="3"/>')
        x += width
    parts.append(f'<rect x="0.5" y="0.5" width="{BAR_WIDTH - 1}" height="{BAR_HEIGHT - 1}" '
                 f'fill="none" stroke="{INK}" stroke-width="1"/></svg>')
    return Markup("".join(parts))


def swatch(word: str, key: str) -> Markup:
    """A small square in a status's chart colour, for legends (hidden from screen readers)."""
    hatch = f"pt-hatch-swatch-{key}-{word}"
    fill = f"url(#{hatch})" if word == NOT_REPORTED else FILLS[word]
    defs = _hatch(hatch) if word == NOT_REPORTED else ""
    return Markup(f'<svg class="pt-swatch" viewBox="0 0 16 16" width="16" height="16" '
                  f'aria-hidden="true" focusable="false">{defs}<rect x="0.5" y="0.5" width="15" '
                  f'height="15" fill="{fill}" stroke="{INK}"/></svg>')


# --- indicators ---------------------------------------------------------------------------

CHART_W, CHART_H = 400, 256
LEFT, TOP, BOTTOM = 56, 24, 210
ROLE_STYLE = {
    "baseline": 'fill="#505a5f"',
    "target": 'fill="#ffffff" stroke="#1d70b8" stroke-width="3"',
    "actual": 'fill="#1d70b8"',
}


def role_swatch(role: str) -> Markup:
    """A small square drawn like an indicator chart's bar, for legends."""
    return Markup(f'<svg class="pt-swatch" viewBox="0 0 16 16" width="16" height="16" '
                  f'aria-hidden="true" focusable="false"><rect x="1.5" y="1.5" width="13" '
                  f'height="13" {ROLE_STYLE[role]}/></svg>')


def _nice_top(value: float) -> float:
    """The smallest of 1, 2, 2.5 or 5 times a power of ten that is at least ``value``."""
    if value <= 0:
        return 1.0
    power = 10.0 ** (len(str(int(value))) - 1) if value >= 1 else 1.0
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * power:
            return step * power
    return 10 * power


def _format(value: float, percent: bool) -> str:
    shown = f"{int(value):,}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")
    return shown + ("%" if percent else "")


def number(point: Point) -> str:
    """A charted figure as a short label: 34%, 5.28, 3,000."""
    return _format(point.figure.value or 0.0, point.figure.percent)


def indicator_summary(found: Indicator, about: str, words: Catalog | None = None) -> str:
    """The chart's text alternative: each charted figure in order."""
    words = words or english()
    parts = [words(f"charts.point.{p.role}", period=p.period, figure=number(p))
             for p in found.charted]
    summary = words("charts.indicator_summary", about=about, figures="; ".join(parts))
    if found.direction in ("higher", "lower"):
        summary += " " + words(f"charts.direction.{found.direction}")
    return summary


def _groups(points: list[Point]) -> list[tuple[str, list[Point]]]:
    groups: dict[str, list[Point]] = {}
    for point in points:
        groups.setdefault(point.period, []).append(point)
    return list(groups.items())


def indicator_chart(found: Indicator, about: str, words: Catalog | None = None) -> Markup | None:
    """Bars for the numeric figures of an indicator, or None when none is a number."""
    words = words or english()
    charted = found.charted
    if not charted:
        return None
    top = _nice_top(max(p.figure.value or 0.0 for p in charted))
    scale = (BOTTOM - TOP) / top
    alt = _text(indicator_summary(found, about, words))
    out = [f'<svg class="pt-chart pt-chart--indicator" viewBox="0 0 {CHART_W} {CHART_H}" '
           f'role="img" aria-label="{alt}" focusable="false"><title>{alt}</title>']
    for fraction in (0, 0.5, 1):
        y = BOTTOM - fraction * top * scale
        label = _format(fraction * top, all(p.figure.percent for p in charted))
        out.append(f'<line x1="{LEFT}" y1="{y:.1f}" x2="{CHART_W - 4}" y2="{y:.1f}" '
                   f'stroke="{INK if fraction == 0 else GRID}" stroke-width="1"/>'
                   f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="13" '
                   f'fill="{INK}">{label}</text>')
    groups = _groups(charted)
    width = (CHART_W - LEFT - 8) / len(groups)
    for index, (period, points) in enumerate(groups):
        out.append(_group(points, LEFT + 4 + index * width, width, scale, words))
    out.append("</svg>")
    return Markup("".join(out))


def _group(points: list[Point], x: float, width: float, scale: float, words: Catalog) -> str:
    bar = min(40.0, (width - 10) / len(points))
    start = x + (width - bar * len(points)) / 2
    out = []
    for n, point in enumerate(points):
        height = (point.figure.value or 0.0) * scale
        left = start + n * bar
        out.append(f'<rect x="{left + 2:.1f}" y="{BOTTOM - height:.1f}" width="{bar - 4:.1f}" '
                   f'height="{height:.1f}" {ROLE_STYLE[point.role]}/>'
                   f'<text x="{left + bar / 2:.1f}" y="{BOTTOM - height - 5:.1f}" '
                   f'text-anchor="middle" font-size="12" fill="{INK}">{number(point)}</text>')
    out.append(_period_label(points[0], x + width / 2, width, words))
    return "".join(out)


def _period_label(point: Point, middle: float, width: float, words: Catalog) -> str:
    """The period under its bars, on two lines for a baseline with its own period ("Baseline"
    over "2008")."""
    lines = [point.period]
    if point.role == "baseline" and point.label:
        lines = [words("figures.baseline"), point.label]
    out = []
    for n, line in enumerate(lines):
        fit = f' textLength="{width - 8:.0f}" lengthAdjust="spacingAndGlyphs"' if (
            len(line) * 7.5 > width - 8) else ""
        out.append(f'<text x="{middle:.1f}" y="{BOTTOM + 20 + n * 16}" text-anchor="middle" '
                   f'font-size="13" fill="{INK}"{fit}>{_text(line)}</text>')
    return "".join(out)
