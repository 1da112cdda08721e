"""Council data is text: these functions make it safe wherever a page shows it.

Everything a council writes is escaped before it reaches a generated page, so HTML, Markdown,
attribute lists, template braces and snippet markers appear literally and are never run. The
escaping goes further than HTML needs: characters that Markdown extensions act on are written
as character references, which browsers show as the characters themselves.
"""

from __future__ import annotations

import html
import re
import unicodedata

from markupsafe import Markup

_EXTRA = str.maketrans({c: f"&#{ord(c)};" for c in "{}[]`*_\\|~^"})
_PARAGRAPHS = re.compile(r"\n\s*\n")
_LINE_BREAK = re.compile(r"\r?\n")


def escape_text(value: object) -> Markup:
    """Text safe inside HTML (and the Markdown around it); line breaks become <br>."""
    if isinstance(value, Markup):
        return value
    text = html.escape(str(value), quote=True).translate(_EXTRA).strip()
    return Markup(_LINE_BREAK.sub("<br>", text) if "\n" in text else text)


def paragraphs(value: object) -> Markup:
    """Text split at blank lines into <p> paragraphs, with no raw line breaks left."""
    parts = [p for p in _PARAGRAPHS.split(str(value).strip()) if p.strip()]
    return Markup("".join(f"<p>{escape_text(p)}</p>" for p in parts))


def plain_title(value: str) -> str:
    """A title for the page <title>, the nav and the search index: HTML-escaped only.

    MkDocs and Material insert page titles into HTML without escaping them, so the title
    must be escaped once; it is kept otherwise as written so that search finds "2.05".
    """
    return html.escape(" ".join(value.split()), quote=True)


def shorten(value: str, limit: int = 155) -> str:
    """Text cut at a word boundary to fit a meta description."""
    text = " ".join(value.split())
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0] + "…"


def ascii_slug(text: str) -> str:
    """Lowercase ASCII letters, digits and single hyphens: a safe file name ("" if none)."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")
