"""Council data is text: these functions make it safe wherever a page shows it.

Everything a council writes is escaped before it reaches a generated page, so HTML, Markdown,
attribute lists, template braces and snippet markers appear literally and are never run. The
escaping goes further than HTML needs: characters that Markdown extensions act on are written
as character references, which browsers show as the characters themselves.
"""

from __future__ import annotations

import functools
import html
import re
import string
from typing import Any

from markupsafe import Markup

from generator.content.catalog import Untranslated

_EXTRA = str.maketrans({c: f"&#{ord(c)};" for c in "{}[]`*_\\|~^"})
_PARAGRAPHS = re.compile(r"\n\s*\n")
_LINE_BREAK = re.compile(r"\r?\n")
_WORD = re.compile(r"\S+")
SEARCH_EXCLUDE = "data-search-exclude"
"""Material's attribute for what its search index leaves out."""


def fill(pattern: str, values: dict[str, Any]) -> Markup:
    """A catalog entry's text with its ``{name}`` placeholders filled: the entry's own words
    escaped like council text (its spaces kept), each value escaped unless it is markup."""
    out: list[str] = []
    for literal, name, spec, conversion in string.Formatter().parse(pattern):
        if literal:
            out.append(html.escape(literal, quote=True).translate(_EXTRA))
        if name is not None:
            value = values[name]
            if spec or conversion:
                value = format(value, spec or "")
            out.append(value if isinstance(value, Markup) else escape_text(value))
    return Markup("".join(out))


UNTRANSLATED = "pt-untranslated"
"""The class of council text shown in another language than its page's."""


def escape_text(value: object) -> Markup:
    """Text safe inside HTML (and the Markdown around it); line breaks become <br>. Text the
    content does not give in the page's language is marked with the language it is in."""
    if isinstance(value, Markup):
        return value
    if isinstance(value, Untranslated):
        return Markup(f'<span lang="{value.language}" class="{UNTRANSLATED}">'
                      f"{_escaped(str(value))}</span>")
    return _escaped(value if type(value) is str else str(value))


@functools.lru_cache(maxsize=65_536)
def _escaped(text: str) -> Markup:
    """Escaping, once per distinct text: plan titles, leads and labels recur on every page."""
    text = html.escape(text, quote=True).translate(_EXTRA).strip()
    return Markup(_LINE_BREAK.sub("<br>", text) if "\n" in text else text)


def paragraphs(value: object, indexed_words: int | None = None) -> Markup:
    """Text split at blank lines into <p> paragraphs, with no raw line breaks left.

    With ``indexed_words``, only that many words go into the site's search index: the rest
    is marked ``data-search-exclude`` (the page shows all of it, unchanged).
    """
    if isinstance(value, Untranslated):
        inner = paragraphs(str(value), indexed_words)
        return Markup(f'<div lang="{value.language}" class="{UNTRANSLATED}">{inner}</div>')
    html_parts, left = [], indexed_words
    for part in (p for p in _PARAGRAPHS.split(str(value).strip()) if p.strip()):
        if left == 0:
            html_parts.append(f"<p {SEARCH_EXCLUDE}>{escape_text(part)}</p>")
        else:
            html_parts.append(f"<p>{indexed_text(part, left)}</p>")
            left = None if left is None else max(0, left - len(part.split()))
    return Markup("".join(html_parts))


def indexed_text(value: object, words: int | None) -> Markup:
    """Text as :func:`escape_text` gives it, with only its first ``words`` words indexed for
    search (the rest marked ``data-search-exclude``; None: all of it)."""
    text = str(value)
    if words is None:
        return escape_text(text)
    if words <= 0:
        return Markup(f"<span {SEARCH_EXCLUDE}>{escape_text(text)}</span>")
    cut = _word_end(text, words)
    rest = _WORD.search(text, cut)
    if rest is None:
        return escape_text(text)
    gap = "<br>" if "\n" in text[cut:rest.start()] else " "
    return Markup(f"{escape_text(text[:cut])}{gap}"
                  f"<span {SEARCH_EXCLUDE}>{escape_text(text[rest.start():])}</span>")


def _word_end(text: str, words: int) -> int:
    """Where the text's first ``words`` words end."""
    for count, match in enumerate(_WORD.finditer(text), start=1):
        if count == words:
            return match.end()
    return len(text)


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


