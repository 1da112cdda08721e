"""The catalogs of the site's own words: every language gives every key English has, every key
the templates and the code ask for exists, and every page renders in every shipped language."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from generator import load_site, render_site
from generator.content.catalog import (
    DEFAULT_LANGUAGE,
    catalog,
    missing_keys,
    placeholders,
    plural_form,
    shipped,
    shipped_languages,
)
from generator.content.errors import ContentError

from ..conftest import FIXTURES

PACKAGE = Path(__file__).resolve().parents[2] / "generator"
LITERAL_KEY = re.compile(r"""\b(?:t|words)\(\s*["']([a-z0-9_.-]+)["']\s*[,)]""")
"""A catalog key written out where it is used: ``t("item.details")``, ``h.words("...")``."""


def used_keys() -> dict[str, str]:
    """Every literal catalog key in the templates and the code, with a file that uses it."""
    found: dict[str, str] = {}
    for file in [*PACKAGE.rglob("*.j2"), *PACKAGE.rglob("*.py")]:
        for key in LITERAL_KEY.findall(file.read_text(encoding="utf-8")):
            found.setdefault(key, file.relative_to(PACKAGE).as_posix())
    return found


def in_language(fixture: str, language: str) -> dict[str, str]:
    """Every page of an English-only fixture, rendered with another language's catalog."""
    site = load_site(FIXTURES / fixture)
    site.words, site.language = catalog(language), language
    return render_site(site)


def test_english_and_welsh_are_shipped() -> None:
    assert {"en", "cy"} <= set(shipped_languages())


@pytest.mark.parametrize("language", [c for c in shipped_languages() if c != DEFAULT_LANGUAGE])
def test_every_language_gives_every_key_english_has(language: str) -> None:
    english = shipped(DEFAULT_LANGUAGE)
    theirs = shipped(language)
    assert missing_keys(theirs, english) == []
    assert sorted(set(theirs) - set(english)) == []


def test_every_key_the_templates_and_code_use_is_in_english() -> None:
    english = shipped(DEFAULT_LANGUAGE)
    assert {k: f for k, f in used_keys().items() if k not in english} == {}


def test_a_missing_key_is_named() -> None:
    words = {"dates.long": "{day} {month} {year}", "dates.month_year": "{month}"}
    assert missing_keys(words, {**words, "item.details": "Details",
                                "dates.month_year": "{month} {year}"}) == [
        "dates.month_year", "item.details"]


def test_placeholders_are_read_from_an_entry() -> None:
    assert placeholders("Due date moved from {before} to {after}.") == {"before", "after"}


def test_welsh_plural_forms() -> None:
    assert [plural_form("cy", n) for n in (0, 1, 2, 3, 4, 6, 7)] == [
        "zero", "one", "two", "few", "other", "many", "other"]
    assert [plural_form("en", n) for n in (0, 1, 2)] == ["other", "one", "other"]


def test_welsh_dates() -> None:
    welsh = catalog("cy")
    assert welsh.long_date(date(2024, 9, 25)) == "25 Medi 2024"
    assert welsh.long_date(date(2025, 3, 1)) == "1 Mawrth 2025"
    assert welsh.month_year(date(2024, 7, 1)) == "Gorffennaf 2024"
    assert catalog("en").long_date(date(2024, 9, 25)) == "25 September 2024"


def test_a_council_corrects_a_shipped_catalog(tmp_path: Path) -> None:
    (tmp_path / "catalogs").mkdir()
    (tmp_path / "catalogs" / "cy.yml").write_text(
        "badges:\n  overdue: Ar ei hôl hi\n", encoding="utf-8")
    assert catalog("cy", tmp_path)("badges.overdue") == "Ar ei hôl hi"
    assert catalog("cy")("badges.overdue") == "Yn hwyr"


def test_a_council_catalog_of_a_new_language_must_be_complete(tmp_path: Path) -> None:
    (tmp_path / "catalogs").mkdir()
    (tmp_path / "catalogs" / "ga.yml").write_text(
        "badges:\n  overdue: Thar téarma\n  colour: dearg\n", encoding="utf-8")
    with pytest.raises(ContentError) as raised:
        catalog("ga", tmp_path)
    messages = [str(p) for p in raised.value.problems]
    assert "catalogs/ga.yml: badges.colour: expected a key of the English catalog, found one " \
           "it does not have [bad-catalog]" in messages
    assert "catalogs/ga.yml: dates.long: expected this key (English has it) with the same " \
           "placeholders, found none [bad-catalog]" in messages


@pytest.mark.parametrize("fixture", ["sample", "twoaxis", "rounds"])
@pytest.mark.parametrize("language", [c for c in shipped_languages() if c != DEFAULT_LANGUAGE])
def test_every_page_renders_in_every_language(fixture: str, language: str) -> None:
    english = render_site(load_site(FIXTURES / fixture))
    pages = in_language(fixture, language)
    assert sorted(pages) == sorted(english)


def test_the_page_script_gives_the_english_catalog_words() -> None:
    """The English built into the page scripts and the theme (for sites built without the
    plugin, which gives each language's words) is the English catalog's."""
    from generator.mkdocs.languages import catalog_words
    script = (PACKAGE.parent / "overrides" / "assets" / "plantrack-views.js").read_text(
        encoding="utf-8")
    block = script[script.index("var ENGLISH = {"):script.index("};", script.index("ENGLISH"))]
    given = dict(re.findall(r'"(script\.[a-z_]+)":\s*"([^"]*)"', block))
    theme = (PACKAGE.parent / "overrides" / "main.html").read_text(encoding="utf-8")
    given.update(re.findall(r'\["(script\.[a-z_]+)"\] if config\.extra\.plantrack_words '
                            r'else "([^"]*)"', theme))
    assert given == catalog_words(catalog(DEFAULT_LANGUAGE), "script")
