"""Read one YAML file safely, remembering the line of every field.

Only plain YAML is accepted: no Python tags, no custom tags. Every scalar stays the text the
council wrote (``1.00`` stays ``"1.00"``, ``No`` stays ``"No"``); validation decides what a field
means. Aliases are followed, but a file that expands to an absurd number of values (an "alias
bomb") fails at once instead of filling the memory.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import Problem

MAX_VALUES = 200_000
"""How many values one file may expand to; far above any real plan, far below a bomb."""

_PLAIN_TAGS = {
    f"tag:yaml.org,2002:{name}"
    for name in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")
}
_NULL_WORDS = {"", "~", "null", "Null", "NULL"}


@dataclass
class Document:
    """The data of one YAML file, with the line each field path starts on."""

    path: str
    data: Any
    lines: dict[str, int] = field(default_factory=dict)

    def line(self, at: str) -> int:
        """The line of a field path, or of its nearest parent that has one."""
        while at:
            if at in self.lines:
                return self.lines[at]
            at = _parent(at)
        return self.lines.get("", 1)


def _parent(at: str) -> str:
    cut = max(at.rfind("."), at.rfind("["))
    return at[:cut] if cut > 0 else ""


class _TooLarge(Exception):
    pass


class _Converter:
    def __init__(self, doc: Document, problems: list[Problem]) -> None:
        self.doc = doc
        self.problems = problems
        self.count = 0

    def problem(self, node: yaml.Node, at: str, code: str, message: str) -> None:
        line = node.start_mark.line + 1
        self.problems.append(Problem(self.doc.path, line, at, code, message))

    def convert(self, node: yaml.Node, at: str) -> Any:
        self.count += 1
        if self.count > MAX_VALUES:
            raise _TooLarge
        self.doc.lines.setdefault(at, node.start_mark.line + 1)
        if node.tag not in _PLAIN_TAGS:
            self.problem(node, at, "yaml-tag", f"expected plain YAML, found the tag {node.tag}")
            return None
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, at)
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(child, f"{at}[{i}]") for i, child in enumerate(node.value)]
        if node.tag.endswith(":null") or (node.style is None and node.value in _NULL_WORDS):
            return None
        return str(node.value)

    def mapping(self, node: yaml.MappingNode, at: str) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.problem(key_node, at, "yaml-key", "expected a field name, found a list or mapping")
                continue
            key = str(key_node.value)
            child = f"{at}.{key}" if at else key
            if key in result:
                self.problem(key_node, child, "duplicate-key", f'the field "{key}" is given twice')
                continue
            self.doc.lines[child] = key_node.start_mark.line + 1
            result[key] = self.convert(value_node, child)
        return result


_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _compose(text: str) -> yaml.Node | None:
    """The document's node tree, by libyaml when installed (several times faster).

    On a syntax error the pure-Python parser reads the file again, so every message is worded
    the same with or without libyaml."""
    if _FAST_LOADER is not yaml.SafeLoader:
        try:
            return yaml.compose(text, Loader=_FAST_LOADER)
        except yaml.YAMLError:
            pass
    return yaml.compose(text, Loader=yaml.SafeLoader)


def read_yaml(file: Path, display: str) -> tuple[Document, list[Problem]]:
    """Read ``file``; return its document and the problems found (empty when all is well)."""
    doc = Document(display, None)
    raw = file.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        found = raw[error.start : error.start + 1].hex()
        message = f"expected UTF-8 text, found the byte 0x{found} (save the file as UTF-8)"
        return doc, [Problem(display, line, "", "not-utf8", message)]
    try:
        node = _compose(text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        message = f"YAML syntax error: {error.problem or error}"
        if error.context:
            message += f" ({error.context})"
        return doc, [Problem(display, line, "", "yaml-syntax", message)]
    except yaml.YAMLError as error:
        return doc, [Problem(display, 1, "", "yaml-syntax", f"YAML syntax error: {error}")]
    problems: list[Problem] = []
    if node is None:
        return doc, problems
    try:
        doc.data = _Converter(doc, problems).convert(node, "")
    except _TooLarge:
        message = f"the file expands to more than {MAX_VALUES:,} values (too many aliases?)"
        return doc, [Problem(display, 1, "", "too-large", message)]
    return doc, problems
