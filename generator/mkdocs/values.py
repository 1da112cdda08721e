"""The values the plugin's options take, checked without MkDocs: both the plugin's typed
options (:mod:`generator.mkdocs.options`) and the portable project, which reads mkdocs.yml
without MkDocs (:mod:`generator.mkdocs.project`), check them here, with the same messages."""

from __future__ import annotations

from datetime import date


def as_of_value(value: object) -> date:
    """A date written YYYY-MM-DD (quoted or not: YAML reads an unquoted one as a date);
    raises ValueError saying what was expected and found."""
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise ValueError(f"expected a date as YYYY-MM-DD, found {value!r}") from None


def whole_number(value: object, least: int) -> int:
    """A whole number of at least ``least``; raises ValueError otherwise."""
    if isinstance(value, bool) or not isinstance(value, int) or value < least:
        raise ValueError(f"expected a whole number of {least} or more, found {value!r}")
    return value
