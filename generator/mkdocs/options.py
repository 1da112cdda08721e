"""Typed options of the plugin's configuration, validated when MkDocs reads mkdocs.yml, so a
wrong value is reported as MkDocs reports any option ("Plugin 'plantrack' option 'as_of': ...").
The checks themselves are :mod:`generator.mkdocs.values`'."""

from __future__ import annotations

from datetime import date

from mkdocs.config.base import BaseConfigOption, ValidationError

from generator.mkdocs.values import as_of_value, whole_number


class IsoDate(BaseConfigOption[date]):
    """A date written YYYY-MM-DD."""

    def run_validation(self, value: object) -> date:
        try:
            return as_of_value(value)
        except ValueError as error:
            raise ValidationError(str(error)) from None


class WholeNumber(BaseConfigOption[int]):
    """A whole number of at least ``least``."""

    def __init__(self, least: int, default: int | None = None) -> None:
        super().__init__()
        self.least = least
        self.default = default

    def run_validation(self, value: object) -> int:
        try:
            return whole_number(value, self.least)
        except ValueError as error:
            raise ValidationError(str(error)) from None
