"""The HTML the core has already rendered, handed past Python-Markdown.

A generated page is Markdown headings (for the table of contents) around blocks of HTML the
templates rendered and escaped. Python-Markdown would parse every such block again (its raw
HTML preprocessor, and MkDocs' own pass looking for anchor ids), which was about half of a
build. Before conversion each block that Markdown would keep as it is anyway (an element
starting a paragraph-level block and closing on its last line) is swapped for a one-word
paragraph; after conversion the paragraph is swapped back, and the block's ids are added to
the page's anchors so link checks still see them. The HTML a page ends with is the same,
byte for byte (``tests/mkdocs/test_passthrough.py`` builds both ways and compares).
"""

from __future__ import annotations

import html
import re
import secrets
from dataclasses import dataclass, field

BLOCK_TAGS = ("div", "table", "nav", "ul", "ol", "p", "section", "figure", "details",
              "form", "dl", "aside", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote")
"""Elements Python-Markdown takes as a raw HTML block when one starts a block."""

_OPENING = re.compile(r"<(" + "|".join(BLOCK_TAGS) + r")(?=[\s>])")
_ID = re.compile(r"""\s(?:id|name)="([^"]*)\"""")


@dataclass
class Stash:
    """The blocks taken out of one page's Markdown, and the token that stands for each."""

    token: str = field(default_factory=lambda: f"ptstash{secrets.token_hex(6)}x")
    blocks: list[str] = field(default_factory=list)

    def put(self, block: str) -> str:
        self.blocks.append(block)
        return f"{self.token}{len(self.blocks) - 1}"

    def restore(self, content: str, hide_excluded: bool = False) -> str:
        """The converted page with every block back in place of its paragraph; with
        ``hide_excluded``, a block search leaves out (``data-search-exclude``, holding no
        heading that starts a search section) stays out, as a comment, until
        :meth:`restore_excluded`, so the search plugin does not parse it to skip it."""
        if not self.blocks:
            return content

        def block(found: re.Match[str]) -> str:
            n = int(found[1])
            hidden = hide_excluded and _excluded(self.blocks[n])
            return (f"<!--{self.token}{n}-->" if hidden else self.blocks[n]) + "\n"

        # Python-Markdown ends a raw block with a newline of its own (the page's last one is
        # stripped with the rest of its end)
        restored = re.sub(f"<p>{self.token}(\\d+)</p>", block, content)
        return restored.rstrip() if restored.endswith("\n") else restored

    def restore_excluded(self, content: str) -> str:
        """The page with the blocks :meth:`restore` kept out of search back in place."""
        return re.sub(f"<!--{self.token}(\\d+)-->", lambda m: self.blocks[int(m[1])], content)

    def anchor_ids(self) -> set[str]:
        """The ids (and ``<a name>``) of the blocks, as MkDocs would have found them."""
        return {html.unescape(found) for block in self.blocks for found in _ID.findall(block)}


_SECTION_HEADING = re.compile(r"<h[1-6]\s[^>]*\bid=")


def _excluded(block: str) -> bool:
    """Whether search leaves the whole block out: its element is ``data-search-exclude`` and
    holds no heading with an id (which starts a section in search even inside one)."""
    opening = block[:block.index(">") + 1]
    return "data-search-exclude" in opening and not _SECTION_HEADING.search(block)


def stash_blocks(markdown: str) -> tuple[str, Stash]:
    """The page's Markdown with its self-contained HTML blocks swapped for tokens."""
    stash = Stash()
    lines = markdown.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        end = _block_end(lines, i) if (i == 0 or not lines[i - 1].strip()) else None
        if end is None:
            out.append(lines[i])
            i += 1
            continue
        out.append(stash.put("\n".join(lines[i:end])))
        i = end
    return "\n".join(out), stash


def _block_end(lines: list[str], start: int) -> int | None:
    """Where the HTML block starting at ``start`` ends (the index after its last line), if
    its first element closes exactly on the line before a blank line or the page's end."""
    opening = _OPENING.match(lines[start])
    if opening is None:
        return None
    tag = opening[1]
    pattern = re.compile(f"<(/?){tag}(?=[\\s>])")
    depth = 0
    for n in range(start, len(lines)):
        line = lines[n]
        if not line.strip():
            return None  # a blank line inside the element: Markdown decides
        for found in pattern.finditer(line):
            depth += -1 if found[1] else 1
        if depth <= 0:
            after = n + 1
            closes_at_end = line.endswith(f"</{tag}>")
            if closes_at_end and (after == len(lines) or not lines[after].strip()):
                return after
            return None
    return None
