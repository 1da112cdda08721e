"""Plan files written as the bundled ones are: plain YAML, fields in the order of the content
format, refs and text in double quotes, long text as a folded block (``>``), text with line
breaks as a literal block (``|``), records (source, feedback) as indented mappings, and a list
of text on one line (``[a, b]``) when it fits, otherwise one double-quoted element a line.

Every value is text. A block is used only when reading it back gives the same text; otherwise
the value goes in double quotes, with escapes for anything YAML would not keep as it is.
"""

from __future__ import annotations

import re
import textwrap
from typing import Any

import yaml

from generator.content.schema import AREA, ITEM, NESTED, PLAN, Field

WIDTH = 88
"""The longest line a block is wrapped to, as in the bundled plan files."""

PLAIN_KEYS = frozenset({"id", "kind"})
PLAIN_PLAN_KEYS = frozenset({"status"})
"""Fields of the plan itself (not of its items) written without quotes when they are words."""
ONE_LINE_KEYS = frozenset({"ref", "title", "source_ref"})
"""Fields written on one line however long, as the bundled plans write titles."""
PLAIN = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
YAML_WORDS = frozenset({"y", "n", "yes", "no", "on", "off", "true", "false", "null"})
_FIRST = ("ref", "kind", "group", "title", "source_ref", "editorial_note", "description",
          "quality_criteria")
ITEM_ORDER = (*_FIRST, *(f.name for f in ITEM if f.name not in _FIRST))
"""Item fields in the order the bundled plans give them; the rest in the format's order."""
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": "\\t", "\r": "\\r", "\x00": "\\0"}
_KEEP = re.compile("[\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd"
                   "\U00010000-\U0010ffff]")


def plan_yaml(plan: dict[str, Any]) -> str:
    """The YAML text of a plan file (a mapping of text, lists and mappings)."""
    return "\n".join(_mapping(plan, 0, tuple(f.name for f in PLAN))) + "\n"


def _order(fields: tuple[Field, ...]) -> tuple[str, ...]:
    return tuple(f.name for f in fields)


_ORDERS = {"items": ITEM_ORDER, "areas": _order(AREA),
           **{name: _order(fields) for name, fields in NESTED.items()}}


def _mapping(data: dict[str, Any], indent: int, order: tuple[str, ...]) -> list[str]:
    pad = " " * indent
    lines: list[str] = []
    for name in sorted(data, key=lambda n: order.index(n) if n in order else len(order)):
        value = data[name]
        if isinstance(value, list) and any(isinstance(v, dict) for v in value):
            lines.append(f"{pad}{name}:")
            for element in value:
                inner = _mapping(element, indent + 4, _ORDERS.get(name, ()))
                inner[0] = f"{pad}  - {inner[0][indent + 4:]}"
                lines.extend(inner)
        elif isinstance(value, list):
            lines.extend(_text_list(name, [str(v) for v in value], pad))
        elif isinstance(value, dict):
            lines.append(f"{pad}{name}:")
            lines.extend(_mapping(value, indent + 2, _ORDERS.get(name, ())))
        else:
            lines.extend(pad + line if line else "" for line in _scalar(name, str(value), indent))
    return lines


def _text_list(name: str, values: list[str], pad: str) -> list[str]:
    """A list of text: ``name: [a, b]`` when that fits the width, else one element a line."""
    one_line = f"{pad}{name}: [{', '.join(quoted(v) for v in values)}]"
    if len(one_line) <= WIDTH or not values:
        return [one_line]
    return [f"{pad}{name}:", *(f"{pad}  - {quoted(v)}" for v in values)]


def _scalar(name: str, text: str, indent: int) -> list[str]:
    """``name: value`` as lines without the indent, in the plainest form that reads back."""
    plain = name in PLAIN_KEYS or indent == 0 and name in PLAIN_PLAN_KEYS
    if (plain and PLAIN.fullmatch(text) and text not in YAML_WORDS
            or name == "progress" and re.fullmatch(r"[1-9]?[0-9]|100", text)):
        return [f"{name}: {text}"]
    one_line = f"{name}: {quoted(text)}"
    if "\n" in text:
        block = [f"{name}: |", *(f"  {line}" if line else "" for line in text.split("\n"))]
    elif indent + len(one_line) > WIDTH and name not in ONE_LINE_KEYS:
        wrapped = textwrap.wrap(text, WIDTH - indent - 2, break_long_words=False,
                                break_on_hyphens=False)
        block = [f"{name}: >", *(f"  {line}" for line in wrapped)]
    else:
        return [one_line]
    return block if _reads_back(block, name, text) else [one_line]


def _reads_back(lines: list[str], name: str, text: str) -> bool:
    try:
        value = yaml.safe_load("\n".join(lines) + "\n")
    except yaml.YAMLError:
        return False
    read = value.get(name) if isinstance(value, dict) else None
    return isinstance(read, str) and read.strip() == text == text.strip()


def quoted(text: str) -> str:
    """Text in YAML double quotes, escaping what a reader would change or refuse."""
    out = []
    for char in text:
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif _KEEP.fullmatch(char):
            out.append(char)
        else:
            code = ord(char)
            out.append(f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}")
    return '"' + "".join(out) + '"'
