"""Read one YAML file safely, remembering the line of every field.

Only plain YAML is accepted: no Python tags, no custom tags. Every scalar stays the text the
council wrote (``1.00`` stays ``"1.00"``, ``No`` stays ``"No"``); validation decides what a field
means. These guards keep a hostile file from filling the memory or the stack, while a big
honest plan (20,000 items make 25 to 42 MB) reads as any other:

- a file larger than :data:`MAX_FILE_BYTES` is refused before it is read, and one holding
  more than :data:`MAX_VALUES` values before they are kept (PyYAML keeps about 300 bytes per
  value: 64 MB of ``{a,a,a,...}`` would take some 20 GB);
- aliases are followed, but once the values reached through aliases pass
  :data:`MAX_ALIAS_VALUES` (an "alias bomb" expands to billions) reading stops at once;
  values written out in full are never counted;
- values nested deeper than :data:`MAX_DEPTH` (or an alias inside the value it names, which
  never ends) are refused instead of exhausting Python's stack.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.content.errors import Problem

MAX_FILE_BYTES = 64_000_000
"""The largest file read, in bytes (64 MB); a plan of 20,000 items with long texts is 42 MB."""

MAX_VALUES = 4_000_000
"""How many values (names, values, lists, mappings) one file may hold; a plan of 20,000 items
holds 480,000 to 630,000."""

MAX_ALIAS_VALUES = 100_000
"""How many values the aliases of one file may expand to; a plan needs few aliases or none."""

MAX_DEPTH = 100
"""How deep lists and mappings may nest; a plan's items nest a handful of levels."""

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


class _Refused(Exception):
    """Reading stops at one problem with the whole file (a guard, the encoding, the syntax)."""

    def __init__(self, line: int, code: str, message: str) -> None:
        super().__init__(message)
        self.line, self.code, self.message = line, code, message


def _too_deep(line: int) -> _Refused:
    return _Refused(line, "too-deep", f"values nest more than {MAX_DEPTH} levels deep (or an "
                                      f"alias names a value that holds it); a plan needs far "
                                      f"fewer levels")


def _too_many_aliased() -> _Refused:
    return _Refused(1, "alias-expansion", f"aliases in this file expand to more than "
                                          f"{MAX_ALIAS_VALUES:,} values; a plan needs few "
                                          f"aliases or none")


class _Converter:
    """Nodes to plain data. PyYAML composes an alias as the very node it names, so a node met
    a second time is reached through an alias, and so is everything beneath it: only those
    values count towards :data:`MAX_ALIAS_VALUES`."""

    def __init__(self, doc: Document, problems: list[Problem]) -> None:
        self.doc = doc
        self.problems = problems
        self.seen: set[int] = set()  # the nodes met so far
        self.aliased = 0  # values reached through an alias so far
        self.in_alias = 0  # how many aliases the value being converted lies beneath
        self.depth = 0

    def problem(self, node: yaml.Node, at: str, code: str, message: str) -> None:
        line = node.start_mark.line + 1
        self.problems.append(Problem(self.doc.path, line, at, code, message))

    def convert(self, node: yaml.Node, at: str) -> Any:
        repeated = self.count(node)
        self.doc.lines.setdefault(at, node.start_mark.line + 1)
        if node.tag not in _PLAIN_TAGS:
            self.problem(node, at, "yaml-tag", f"expected plain YAML, found the tag {node.tag}")
            return None
        if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)):
            return self.collection(node, at, repeated)
        assert isinstance(node, yaml.ScalarNode)
        if node.tag.endswith(":null") or (node.style is None and node.value in _NULL_WORDS):
            return None
        return str(node.value)

    def count(self, node: yaml.Node) -> bool:
        """Count ``node`` if an alias reaches it; return whether it was met before."""
        repeated = id(node) in self.seen
        if repeated or self.in_alias:
            self.aliased += 1
            if self.aliased > MAX_ALIAS_VALUES:
                raise _too_many_aliased()
        else:
            self.seen.add(id(node))
        return repeated

    def collection(self, node: yaml.Node, at: str, repeated: bool) -> Any:
        """A mapping or a list, one level deeper (and beneath one more alias if ``repeated``)."""
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise _too_deep(node.start_mark.line + 1)
        self.in_alias += repeated
        try:
            if isinstance(node, yaml.MappingNode):
                return self.mapping(node, at)
            return [self.convert(child, f"{at}[{i}]") for i, child in enumerate(node.value)]
        finally:
            self.depth -= 1
            self.in_alias -= repeated

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
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except RecursionError:  # the pure-Python parser recurses once per level
        raise _too_deep(1) from None
    except yaml.YAMLError as error:
        raise _syntax_error(error) from None


def _may_hold(text: str) -> int:
    """No fewer values than ``text`` holds, counted in a blink. Every value but the first
    comes with one of , : - ? [ { before it or beside it: a block mapping's key and value with
    their colon (or question mark), a list entry with its dash, comma or bracket, a flow
    mapping's key and value with the comma or brace before them. So three a character bounds
    the count (the characters are counted wherever they are, in text too)."""
    return 1 + 3 * sum(map(text.count, ",:-?[{"))


_VALUE_EVENTS = (yaml.ScalarEvent, yaml.CollectionStartEvent, yaml.AliasEvent)


def _count_values(text: str) -> None:
    """Refuse a text of more than :data:`MAX_VALUES` values, counted from the parser's events,
    which are dropped as they come (a syntax error is left for the composer to report)."""
    values = 0
    try:
        for event in yaml.parse(text, Loader=_FAST_LOADER):
            values += isinstance(event, _VALUE_EVENTS)
            if values > MAX_VALUES:
                raise _Refused(event.start_mark.line + 1 if event.start_mark else 1,
                               "too-many-values",
                               f"the file holds more than {MAX_VALUES:,} values; a plan of "
                               f"20,000 items holds under 1,000,000")
    except yaml.YAMLError:
        return


def _syntax_error(error: yaml.YAMLError) -> _Refused:
    if not isinstance(error, yaml.MarkedYAMLError):
        return _Refused(1, "yaml-syntax", f"YAML syntax error: {error}")
    mark = error.problem_mark or error.context_mark
    message = f"YAML syntax error: {error.problem or error}"
    if error.context:
        message += f" ({error.context})"
    return _Refused(mark.line + 1 if mark else 1, "yaml-syntax", message)


def _read_text(file: Path) -> str:
    """The file's text; a file over :data:`MAX_FILE_BYTES` is refused before it is read."""
    with file.open("rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        if size > MAX_FILE_BYTES:
            raise _file_too_large(size)
        raw = handle.read(MAX_FILE_BYTES + 1)  # a file growing meanwhile is still bounded
    if len(raw) > MAX_FILE_BYTES:
        raise _file_too_large(len(raw))
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        found = raw[error.start : error.start + 1].hex()
        raise _Refused(line, "not-utf8", f"expected UTF-8 text, found the byte 0x{found} "
                                         f"(save the file as UTF-8)") from None


def _file_too_large(size: int) -> _Refused:
    return _Refused(0, "file-too-large", f"the file is {size / 1e6:.1f} MB ({size:,} bytes); "
                                         f"files larger than {MAX_FILE_BYTES / 1e6:.0f} MB "
                                         f"are not read")


def read_yaml(file: Path, display: str) -> tuple[Document, list[Problem]]:
    """Read ``file``; return its document and the problems found (empty when all is well)."""
    doc = Document(display, None)
    problems: list[Problem] = []
    try:
        text = _read_text(file)
        if _may_hold(text) > MAX_VALUES:  # as good as never for a real plan
            _count_values(text)
        node = _compose(text)
        if node is not None:
            doc.data = _Converter(doc, problems).convert(node, "")
    except _Refused as refused:
        return doc, [Problem(display, refused.line, "", refused.code, refused.message)]
    return doc, problems
