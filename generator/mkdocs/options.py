"""Typed options of the plugin's configuration, validated when MkDocs reads mkdocs.yml, so a
wrong value is reported as MkDocs reports any option ("Plugin 'plantrack' option 'as_of': ...")."""

from __future__ import annotations

from datetime import date

from mkdocs.config.base import BaseConfigOption, ValidationError


class IsoDate(BaseConfigOption[date]):
    """A date written YYYY-MM-DD (quoted or not: YAML reads an unquoted one as a date)."""

    def run_validation(self, value: object) -> date:
        if isinstance(value, date):
            return value
        try:
            return date.fromisoformat(str(value).strip())
        except ValueError:
            raise ValidationError(f"expected a date as YYYY-MM-DD, found {value!r}") from None


class WholeNumber(BaseConfigOption[int]):
    """A whole number of at least ``least``."""

    def __init__(self, least: int) -> None:
        super().__init__()
        self.least = least

    def run_validation(self, value: object) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value < self.least:
            raise ValidationError(f"expected a whole number of {self.least} or more, found "
                                  f"{value!r}")
        return value
