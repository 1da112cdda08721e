"""Inserting into ruamel.yaml's round-trip data without moving comments.

ruamel.yaml keeps the comment and blank lines that follow a field on the last scalar before
them. A field or list entry inserted after that scalar would take those lines with it; here
they move to after the new one, where they were in the file: they belong to what comes next.
"""

from __future__ import annotations

from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark
from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString
from ruamel.yaml.tokens import CommentToken


def insert_keeping_comments(container: CommentedMap | CommentedSeq, at: int, key: str | None, value: Any) -> None:
    """Insert a field (or list entry) without taking the comment lines that follow the one
    before it: those lines belong to what comes next, so they move to after the new one."""
    before = (list(container)[at - 1] if isinstance(container, CommentedMap) else at - 1) \
        if at > 0 else None
    following = _detach_following(container, before) if before is not None else ""
    if isinstance(container, CommentedMap):
        assert key is not None
        container.insert(at, key, value)
        _attach_following(container, key, following)
    else:
        container.insert(at, value)
        _attach_following(container, at, following)


def _last_holder(container: Any, key: Any) -> tuple[Any, Any]:
    """The mapping or list, and the key in it, whose comment slot holds the lines after
    ``container[key]`` (ruamel keeps them on the last scalar inside a block collection)."""
    value = container[key]
    while isinstance(value, (CommentedMap, CommentedSeq)) and value \
            and not value.fa.flow_style():
        container = value
        key = list(value)[-1] if isinstance(value, CommentedMap) else len(value) - 1
        value = container[key]
    return container, key


def _slot(holder: Any) -> int:
    return 2 if isinstance(holder, CommentedMap) else 0


def _detach_following(container: Any, key: Any) -> str:
    """Remove and return the whole lines (comments, blank lines) after ``container[key]``;
    a comment at the end of its own line stays."""
    holder, last = _last_holder(container, key)
    entry = holder.ca.items.get(last)
    token = entry[_slot(holder)] if entry else None
    if token is None:
        return ""
    text: str = token.value
    if isinstance(holder[last], (LiteralScalarString, FoldedScalarString)):
        kept, following = "", " " * int(token.column) + text
    else:
        kept, _, following = text.partition("\n")
    if kept.strip():
        token.value = kept + "\n"
    else:
        entry[_slot(holder)] = None
    return following


def _attach_following(container: Any, key: Any, following: str) -> None:
    if not following:
        return
    holder, last = _last_holder(container, key)
    entry = holder.ca.items.setdefault(last, [None, None, None, None])
    token = entry[_slot(holder)]
    if token is None:
        entry[_slot(holder)] = CommentToken("\n" + following, CommentMark(0), None)
    else:
        token.value = token.value + following
