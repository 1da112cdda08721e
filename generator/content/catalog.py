"""The site's own words in each language: catalogs of interface text.

Every sentence the pages, feeds and calendars write that is not the council's data comes from
a catalog: one set of YAML files per language under ``generator/catalogs/<language>/``, each
file one namespace (``item.yml`` holds ``item.*``). A council may correct a shipped catalog or
add a language with ``content/catalogs/<language>.yml``: its keys replace the shipped ones,
and a language with no shipped catalog must give every key English has.

A catalog entry is text with ``{name}`` placeholders, or, for text that depends on a count,
a mapping of plural forms (``one``, ``other``; Welsh also ``zero``, ``two``, ``few``,
``many``) chosen by the ``count`` value.
"""

from __future__ import annotations

import functools
import string
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import yaml

from generator.content.errors import ContentError, Problem

DEFAULT_LANGUAGE = "en"
PLURAL_FORMS = ("zero", "one", "two", "few", "many", "other")

MissingTranslations = Literal["error", "warn"]

Entry = str | dict[str, str]
"""One catalog entry: text, or text by plural form."""


class Translated(str):
    """A council's text in the language its model was read in, holding its text in every
    language the content gives (``texts``), for the open data that carries them all."""

    language: str
    texts: dict[str, str]
    base: str
    """The text in the site's first language: the one addresses are made from."""

    def __new__(cls, text: str, language: str, texts: dict[str, str],
                base: str | None = None) -> Translated:
        made = super().__new__(cls, text)
        made.language = language
        made.texts = texts
        made.base = text if base is None else base
        return made


class Untranslated(Translated):
    """A council's text shown in another language than the page's, because the content does
    not give it in the page's language (``missing_translations: warn``): pages mark it with
    its ``language``."""


@dataclass
class Languages:
    """The languages a site is published in, and the one its content is being read in."""

    codes: tuple[str, ...] = (DEFAULT_LANGUAGE,)
    """The site's languages, the first at its root."""
    reading: str = DEFAULT_LANGUAGE
    missing: MissingTranslations = "error"
    warnings: list[Problem] = field(default_factory=list)
    """Missing translations the site allows (``missing: warn``), to report as warnings."""

    @property
    def several(self) -> bool:
        return len(self.codes) > 1


def plural_form(language: str, count: int) -> str:
    """The plural form a language uses for ``count`` (CLDR's rules for English and Welsh;
    other languages: ``one`` for 1, else ``other``)."""
    if language == "cy":
        return {0: "zero", 1: "one", 2: "two", 3: "few", 6: "many"}.get(count, "other")
    return "one" if count == 1 else "other"


def placeholders(text: str) -> frozenset[str]:
    """The ``{name}`` placeholders of an entry's text."""
    return frozenset(name for _, name, _, _ in string.Formatter().parse(text) if name)


def _flatten(data: Any, prefix: str, into: dict[str, Entry], where: str,
             problems: list[Problem]) -> None:
    if isinstance(data, str):
        into[prefix] = data
    elif isinstance(data, dict) and data and set(data) <= set(PLURAL_FORMS) and "other" in data:
        into[prefix] = {str(k): str(v) for k, v in data.items()}
    elif isinstance(data, dict):
        for key, value in data.items():
            _flatten(value, f"{prefix}.{key}" if prefix else str(key), into, where, problems)
    elif isinstance(data, list) and all(isinstance(v, str) for v in data):
        for i, value in enumerate(data):
            into[f"{prefix}.{i + 1}"] = value
    else:
        problems.append(Problem(where, 0, prefix, "bad-catalog",
                                f"expected text or a mapping, found {type(data).__name__}"))


def _read(text: str, where: str, problems: list[Problem]) -> dict[str, Entry]:
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as error:
        problems.append(Problem(where, 0, "", "bad-catalog", f"expected YAML, found: {error}"))
        return {}
    found: dict[str, Entry] = {}
    _flatten(data, "", found, where, problems)
    return found


@functools.lru_cache(maxsize=None)
def shipped(language: str) -> Mapping[str, Entry]:
    """The catalog Plan Tracker ships for ``language`` (empty when it ships none)."""
    folder = resources.files("generator") / "catalogs" / language
    if not folder.is_dir():
        return {}
    problems: list[Problem] = []
    found: dict[str, Entry] = {}
    for file in sorted(folder.iterdir(), key=lambda f: f.name):
        if file.name.endswith(".yml"):
            found.update(_read(file.read_text(encoding="utf-8"), file.name, problems))
    if problems:
        raise ContentError(problems)
    return found


@functools.lru_cache(maxsize=1)
def english() -> Catalog:
    """Plan Tracker's English catalog, as shipped: one per process, shared by every reader
    (a catalog is never changed once made)."""
    return catalog(DEFAULT_LANGUAGE)


def shipped_languages() -> tuple[str, ...]:
    folder = resources.files("generator") / "catalogs"
    return tuple(sorted(f.name for f in folder.iterdir() if f.is_dir()))


def missing_keys(entries: Mapping[str, Entry], english: Mapping[str, Entry]) -> list[str]:
    """English's keys that ``entries`` lacks, or gives with other placeholders."""
    missing = []
    for key, text in english.items():
        if key not in entries:
            missing.append(key)
        elif _placeholders(entries[key]) != _placeholders(text):
            missing.append(key)
    return missing


def _placeholders(entry: Entry) -> frozenset[str]:
    texts = [entry] if isinstance(entry, str) else list(entry.values())
    return frozenset().union(*(placeholders(t) for t in texts))


@dataclass(frozen=True)
class Catalog:
    """The interface text of one language."""

    language: str
    entries: Mapping[str, Entry]

    def __call__(self, key: str, /, **values: Any) -> str:
        """The text of ``key`` with its placeholders filled (``count`` picks a plural form)."""
        return self.pattern(key, values.get("count")).format(**values)

    def pattern(self, key: str, count: Any = None) -> str:
        """The text of ``key`` before its placeholders are filled."""
        entry = self.entries[key]
        if isinstance(entry, str):
            return entry
        form = plural_form(self.language, count) if isinstance(count, int) else "other"
        return entry.get(form) or entry["other"]

    @functools.cached_property
    def fingerprint(self) -> int:
        """The same number for catalogs with the same entries."""
        return hash(tuple(sorted((k, v if isinstance(v, str) else tuple(sorted(v.items())))
                                 for k, v in self.entries.items())))

    def has(self, key: str) -> bool:
        return key in self.entries

    def month(self, number: int) -> str:
        return self(f"dates.month.{number}")

    def long_date(self, day: date) -> str:
        """A date as this language writes it in running text: 25 September 2024, 25 Medi
        2024."""
        return self("dates.long", day=day.day, month=self.month(day.month), year=day.year)

    def month_year(self, day: date) -> str:
        return self("dates.month_year", month=self.month(day.month), year=day.year)


def catalog(language: str, content: Path | None = None) -> Catalog:
    """The catalog of ``language``: Plan Tracker's, with the council's corrections from
    ``content/catalogs/<language>.yml`` (a language Plan Tracker does not ship must give
    every key English has)."""
    entries = dict(shipped(language))
    own = content / "catalogs" / f"{language}.yml" if content else None
    if own and own.is_file():
        problems: list[Problem] = []
        where = f"catalogs/{language}.yml"
        theirs = _read(own.read_text(encoding="utf-8"), where, problems)
        english = shipped(DEFAULT_LANGUAGE)
        for key in sorted(theirs):
            if key not in english:
                problems.append(Problem(where, 0, key, "bad-catalog",
                                        "expected a key of the English catalog, found one "
                                        "it does not have"))
        entries.update(theirs)
        problems.extend(Problem(where, 0, key, "bad-catalog", "expected this key (English has "
                                "it) with the same placeholders, found none")
                        for key in missing_keys(entries, english))
        if problems:
            raise ContentError(problems)
    elif not entries:
        known = ", ".join(shipped_languages())
        raise ContentError([Problem("site.yml", 0, "languages", "unknown-language",
                                    f"expected a language with a catalog ({known}, or "
                                    f'content/catalogs/{language}.yml), found "{language}"')])
    return Catalog(language, entries)
