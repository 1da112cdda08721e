"""Embeddable status badges: one SVG file per item at a stable address, for other websites.

A parish council can show ``badges/<plan>/<slug>.svg`` on its own site; the file is rebuilt
with the site, so the badge always shows the item's current status. Like the badges on the
site, it says the status in words (in the language of the catalog it is given, default
English) and with a symbol, inside a border, so it reads in black and white.
"""

from __future__ import annotations

from markupsafe import Markup

from generator.content.catalog import Catalog, english
from generator.content.model import Item
from generator.content.status import NOT_REPORTED
from generator.pages.text import escape_text

COLOURS = {  # (text and border, background): the site's badge colours
    "complete": ("#00512a", "#cce2d8"),
    "on-track": ("#0b3a6b", "#d2e4f5"),
    "at-risk": ("#574000", "#fff2b3"),
    "off-track": ("#7a1208", "#f6d7d2"),
    "cancelled": ("#383f43", "#e5e6e7"),
    "not-started": ("#383f43", "#eeeff0"),
    "in-progress": ("#3d2375", "#e9e3f5"),
    NOT_REPORTED: ("#383f43", "#ffffff"),
}
FONT = "Verdana,'DejaVu Sans',Arial,sans-serif"
HEIGHT = 22
_NARROW = frozenset("ijlI.,:;'!|()[] /-")
_WIDE = frozenset("mwMW%@")


def text_width(text: str) -> float:
    """An estimate of the width of ``text`` in 12px Verdana; the SVG stretches it to fit."""
    width = 0.0
    for char in text:
        if char in _NARROW:
            width += 4.2
        elif char in _WIDE:
            width += 11.0
        elif char.isupper() or char.isdigit():
            width += 8.2
        else:
            width += 7.2
    return width


def _one_line(value: str) -> Markup:
    return escape_text(" ".join(value.split()))


def badge_svg(item: Item, icon: Markup, words: Catalog | None = None) -> str:
    """The badge of ``item`` as a standalone SVG document; ``icon`` is the status symbol."""
    word = item.current_status
    label = (words or english())(f"status.{word}.label")
    ink, background = COLOURS[word]
    ref = _one_line(item.ref)
    ref_width = text_width(item.ref)
    left = ref_width + 14
    label_width = text_width(label) * 1.1  # bold
    width = round(left + 24 + label_width + 8)
    name = _one_line(f"{item.ref}: {label}")
    dashes = ' stroke-dasharray="3 2"' if word == NOT_REPORTED else ""
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" '
        f'width="{width}" height="{HEIGHT}" viewBox="0 0 {width} {HEIGHT}" role="img" '
        f'aria-label="{name}"><title>{name}</title>'
        f'<rect x="0.5" y="0.5" width="{width - 1}" height="{HEIGHT - 1}" rx="3" '
        f'fill="{background}" stroke="{ink}"{dashes}/>'
        f'<path d="M3.5 0.5h{left - 3.5:.1f}v{HEIGHT - 1}h-{left - 3.5:.1f}'
        f'a3 3 0 0 1-3-3v-{HEIGHT - 7}a3 3 0 0 1 3-3z" fill="#383f43"/>'
        f'<g font-family="{FONT}" font-size="12">'
        f'<text x="7" y="15.5" fill="#ffffff" textLength="{ref_width:.1f}" '
        f'lengthAdjust="spacingAndGlyphs">{ref}</text>'
        f'<g transform="translate({left + 6:.1f} 5) scale(0.75)" fill="{ink}">{icon}</g>'
        f'<text x="{left + 24:.1f}" y="15.5" fill="{ink}" font-weight="bold" '
        f'textLength="{label_width:.1f}" lengthAdjust="spacingAndGlyphs">{label}</text>'
        "</g></svg>\n"
    )
