"""A site in several languages: every text in each, read in the language being built; a missing
translation is an error naming file, line, field and language, or a warning where the site
allows it, and the page then says so in its own language."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator import load_site, render_site
from generator.content.catalog import Translated, Untranslated
from generator.content.errors import ContentError, PlanTrackerError

from ..conftest import FIXTURES

SITE = """title: {en: Example plans, cy: Cynlluniau Enghraifft}
council: {en: Example Council, cy: Cyngor Enghraifft}
url: https://plans.example.org/
as_of: 2025-01-15
languages: [en, cy]
"""

PLAN = """id: town
title:
  en: Town plan
  cy: Cynllun y dref
period: 2024/25
items:
  - ref: "1"
    title:
      en: Mend the bridge
    lead: Head of Highways
    due:
      en: March 2025
      cy: Mawrth 2025
    updates:
      - date: 2024-06-01
        status: on-track
        note:
          en: Works began.
          cy: Dechreuodd y gwaith.
          fr: Les travaux ont commencé.
  - ref: "2"
    title:
      en: Open the library on Sundays
      cy: Agor y llyfrgell ar y Sul
    due: 31/03/2025
"""


def content(tmp_path: Path, site: str = SITE, plan: str = PLAN) -> Path:
    (tmp_path / "plans").mkdir(parents=True)
    (tmp_path / "site.yml").write_text(site, encoding="utf-8")
    (tmp_path / "plans" / "town.yml").write_text(plan, encoding="utf-8")
    return tmp_path


def problems(folder: Path) -> list[str]:
    with pytest.raises(ContentError) as raised:
        load_site(folder)
    return [problem.located() for problem in raised.value.problems]


def test_a_missing_translation_names_file_line_field_and_language(tmp_path: Path) -> None:
    assert problems(content(tmp_path)) == [
        "line 8: items[0].title: expected the title in each of the site's languages (en, cy), "
        "found none in cy (only en); give it as title: {en: ..., cy: ...} [missing-translation]",
        "line 10: items[0].lead: expected the lead in each of the site's languages (en, cy), "
        "found none in cy (only en); give it as lead: {en: ..., cy: ...} [missing-translation]",
        "line 20: items[0].updates[0].note.fr: expected one of the site's languages (en, cy), "
        'found "fr" [not-a-site-language]',
    ]


def test_every_missing_translation_of_the_site_settings_is_reported(tmp_path: Path) -> None:
    site = SITE.replace("council: {en: Example Council, cy: Cyngor Enghraifft}",
                        "council: Example Council") + "description: Our plans.\n"
    found = problems(content(tmp_path, site=site, plan=PLAN.replace(
        "      en: Mend the bridge\n", "      en: Mend the bridge\n      cy: Trwsio'r bont\n"
    ).replace("    lead: Head of Highways\n", "").replace("          fr: Les travaux ont commencé.\n", "")))
    assert found == [
        "line 2: council: expected the council in each of the site's languages (en, cy), found "
        "none in cy (only en); give it as council: {en: ..., cy: ...} [missing-translation]",
        "line 6: description: expected the description in each of the site's languages (en, "
        "cy), found none in cy (only en); give it as description: {en: ..., cy: ...} "
        "[missing-translation]",
    ]


def fixed(tmp_path: Path, missing: str = "") -> Path:
    plan = PLAN.replace("          fr: Les travaux ont commencé.\n", "")
    return content(tmp_path, site=SITE + missing, plan=plan)


def test_warn_publishes_the_first_language_and_says_so_in_welsh(tmp_path: Path) -> None:
    folder = fixed(tmp_path, "missing_translations: warn\n")
    english = load_site(folder)
    assert [str(w) for w in english.warnings][0].endswith(
        "items[0].title: expected the title in each of the site's languages (en, cy), found "
        "none in cy (only en); give it as title: {en: ..., cy: ...} [missing-translation]")
    welsh = load_site(folder, language="cy")
    item = welsh.plans[0].items[0]
    assert isinstance(item.title, Untranslated) and item.title.language == "en"
    page = render_site(welsh)["plans/town/1.md"]
    assert '<span lang="en" class="pt-untranslated">Mend the bridge</span>' in page
    assert ('<p class="pt-untranslated-note">Mae&#x27;r testun hwn ar gael yn Saesneg yn unig.</p>'
            in page)
    assert "pt-untranslated" not in render_site(english)["plans/town/1.md"]


def test_each_language_reads_its_own_text(tmp_path: Path) -> None:
    folder = fixed(tmp_path, "missing_translations: warn\n")
    welsh = load_site(folder, language="cy")
    plan = welsh.plans[0]
    assert (welsh.title, plan.title) == ("Cynlluniau Enghraifft", "Cynllun y dref")
    assert isinstance(plan.title, Translated) and plan.title.texts == {
        "en": "Town plan", "cy": "Cynllun y dref"}
    first = plan.items[0]
    assert first.due is not None and first.due.text == "Mawrth 2025"
    assert first.due.deadline is not None and first.due.deadline.isoformat() == "2025-03-31"
    assert first.updates[0].note == "Dechreuodd y gwaith."
    assert welsh.words.long_date(first.updates[0].date) == "1 Mehefin 2024"


def test_figures_need_no_translation(tmp_path: Path) -> None:
    """period: 2024/25 and due: 31/03/2025 are the same in every language."""
    welsh = load_site(fixed(tmp_path, "missing_translations: warn\n"), language="cy")
    assert welsh.plans[0].period == "2024/25"
    assert welsh.plans[0].items[1].due is not None
    assert welsh.plans[0].items[1].due.text == "31/03/2025"


def test_both_languages_have_the_same_pages(tmp_path: Path) -> None:
    folder = fixed(tmp_path, "missing_translations: warn\n")
    assert sorted(render_site(load_site(folder))) == sorted(
        render_site(load_site(folder, language="cy")))


def test_the_bilingual_fixture_has_every_text_in_both_languages() -> None:
    site = load_site(FIXTURES / "bilingual")
    assert site.warnings == [] and site.languages == ["en", "cy"]
    english = render_site(site)
    welsh = render_site(load_site(FIXTURES / "bilingual", language="cy"))
    assert sorted(english) == sorted(welsh)
    assert not any("pt-untranslated" in page for page in welsh.values())


def test_a_language_with_no_catalog_is_refused(tmp_path: Path) -> None:
    folder = fixed(tmp_path)
    (folder / "site.yml").write_text(SITE.replace("[en, cy]", "[en, cy, xx]"), encoding="utf-8")
    found = problems(folder)
    assert ('file: languages: expected a language with a catalog (cy, en, or '
            'content/catalogs/xx.yml), found "xx" [unknown-language]') in found


def test_a_bad_language_code_is_refused(tmp_path: Path) -> None:
    folder = fixed(tmp_path)
    (folder / "site.yml").write_text(SITE.replace("[en, cy]", "[en, Welsh]"), encoding="utf-8")
    assert ('line 5: languages[1]: expected a language code such as en or cy, found "Welsh" '
            '[unknown-language]') in problems(folder)


def test_a_language_the_site_does_not_publish_cannot_be_loaded(tmp_path: Path) -> None:
    with pytest.raises(PlanTrackerError, match="not published in 'ga'"):
        load_site(fixed(tmp_path), language="ga")


def test_a_one_language_site_is_unchanged(tmp_path: Path) -> None:
    target = tmp_path / "sample"
    shutil.copytree(FIXTURES / "sample", target)
    site = load_site(target)
    assert site.languages == ["en"] and site.language == "en"
    assert not isinstance(site.plans[0].title, Translated)
