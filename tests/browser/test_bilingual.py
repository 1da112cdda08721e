"""A site in Welsh and English, in a real browser: the bilingual fixture built with
``mkdocs build --strict`` for the address it is served on, English at the root and Welsh under
``cy/``.

axe finds no violation on any template in either language; every page says which language it
is in (``lang``), links its other version in its head (``hreflang``) and through a visible
switch that keeps the reader on the same page; and a search on the Welsh site finds Welsh
pages by their Welsh words.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from ..conftest import FIXTURES, build_site
from .conftest import Site, serve_directory, wait_until_served
from .test_accessibility import axe_violations, describe
from .test_journeys import result_links, search_box

pytestmark = pytest.mark.browser

LANGUAGES = {"en": "", "cy": "cy/"}

# A page of each template of the fixture, by what it shows.
TEMPLATES = {
    "home": "",
    "plan": "plans/delivery/",
    "section": "plans/delivery/1/",
    "action": "plans/delivery/1-1/",
    "indicator": "plans/delivery/2-3/",
    "decision": "decisions/cab-2024-04/",
    "rounds": "plans/delivery/rounds/",
    "round": "plans/delivery/rounds/q2-2024-25/",
    "corrections": "corrections/",
    "changes": "changes/",
    "reports": "reports/",
    "report": "reports/delivery/",
    "due": "browse/due/",
    "statuses": "browse/status/",
    "status": "browse/status/at-risk/",
    "confidences": "browse/confidence/",
    "confidence": "browse/confidence/amber/",
    "leads": "browse/leads/",
    "lead": "browse/leads/head-of-planning/",
    "areas": "browse/areas/",
    "area": "browse/areas/delivery/north/",
    "tags": "browse/tags/",
    "tag": "browse/tags/pl1/",
    "indicators": "browse/indicators/",
    "open-data": "open-data/",
    "methodology": "about/methodology/",
    "glossary": "about/glossary/",
    "written": "about/accessibility/",
    "content-format": "reference/content-format/",
}

ACCESSIBILITY = {
    "accessibility.md": "# Accessibility statement\n\nThis site aims to meet WCAG 2.2 AA.\n",
    "accessibility.cy.md": "# Datganiad hygyrchedd\n\nNod y wefan hon yw bodloni WCAG 2.2 AA.\n",
}


@pytest.fixture(scope="module")
def bilingual_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """The bilingual fixture with an accessibility statement in both languages, built into
    the folder it is served from, for that exact address."""
    base = tmp_path_factory.mktemp("bilingual-site")
    (base / "project" / "docs" / "about").mkdir(parents=True)
    for name, text in ACCESSIBILITY.items():
        (base / "project" / "docs" / "about" / name).write_text(text, encoding="utf-8")
    with serve_directory(base / "site") as url:
        build_site(base / "project", FIXTURES / "bilingual", base / "site", site_url=url)
        wait_until_served(url)
        yield Site(url=url, path=base / "site")


@pytest.mark.parametrize("language", list(LANGUAGES))
@pytest.mark.parametrize("template", list(TEMPLATES))
def test_no_axe_violations_in_either_language(page: Page, bilingual_site: Site, template: str,
                                              language: str) -> None:
    url = bilingual_site.url + LANGUAGES[language] + TEMPLATES[template]
    response = page.goto(url)
    assert response is not None and response.ok, f"{url} did not load"
    assert page.locator("html").get_attribute("lang") == language
    violations = axe_violations(page)
    assert not violations, describe(f"the {language} {template} page", violations)


def test_the_404_page_in_welsh_is_welsh(page: Page, bilingual_site: Site) -> None:
    response = page.goto(bilingual_site.url + "cy/404.html")
    assert response is not None and response.ok
    assert page.locator("html").get_attribute("lang") == "cy"
    violations = axe_violations(page)
    assert not violations, describe("the Welsh 404 page", violations)


@pytest.mark.parametrize("template", ["home", "action", "round", "written", "glossary"])
def test_the_switch_opens_the_same_page_in_the_other_language(
        page: Page, bilingual_site: Site, template: str) -> None:
    english = bilingual_site.url + TEMPLATES[template]
    welsh = bilingual_site.url + "cy/" + TEMPLATES[template]
    page.goto(english)
    switch = page.locator(".pt-languages a[hreflang=cy]")
    expect(switch).to_be_visible()
    expect(switch).to_have_text("Cymraeg")
    assert switch.get_attribute("lang") == "cy"
    switch.click()
    page.wait_for_url(welsh)
    assert page.locator("html").get_attribute("lang") == "cy"
    back = page.locator(".pt-languages a[hreflang=en]")
    expect(back).to_have_text("English")
    back.click()
    page.wait_for_url(english)
    assert page.locator("html").get_attribute("lang") == "en"


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_each_page_names_its_other_version_in_its_head(page: Page, bilingual_site: Site,
                                                       language: str) -> None:
    for template in ("home", "action", "report", "methodology"):
        page.goto(bilingual_site.url + LANGUAGES[language] + TEMPLATES[template])
        found = page.evaluate("""() => Object.fromEntries(
            [...document.querySelectorAll('head link[rel=alternate][hreflang]')]
              .map(link => [link.hreflang, link.href]))""")
        assert found == {code: bilingual_site.url + prefix + TEMPLATES[template]
                         for code, prefix in LANGUAGES.items()}, template


def test_welsh_text_on_a_welsh_page_is_marked_welsh(page: Page, bilingual_site: Site) -> None:
    page.goto(bilingual_site.url + "cy/" + TEMPLATES["action"])
    expect(page.locator("article h1")).to_contain_text("Mabwysiadu'r CDLl newydd")
    assert page.evaluate("() => document.querySelector('article h1').closest('[lang]').lang") \
        == "cy"
    expect(page.locator(".pt-details")).to_contain_text("Pennaeth Cynllunio")
    expect(page.locator("article")).not_to_contain_text("Head of Planning")


def test_a_search_on_the_welsh_site_finds_welsh_pages(page: Page, bilingual_site: Site) -> None:
    page.goto(bilingual_site.url + "cy/")
    box = search_box(page)
    box.click()
    box.press_sequentially("archwiliad")  # in the Welsh description of 1.1
    hit = page.locator('.md-search-result__link[href*="/cy/plans/delivery/1-1/"]').first
    expect(hit).to_be_visible()
    expect(hit).to_contain_text("Mabwysiadu")
    hrefs = [link.get_attribute("href") or "" for link in result_links(page).all()]
    assert hrefs and all("/cy/" in href for href in hrefs)
    box.fill("")
    box.press_sequentially("examination")  # the English description's word
    expect(page.locator(".md-search-result__meta")).to_contain_text("Dim")


def test_a_search_on_the_english_site_finds_english_pages(page: Page,
                                                         bilingual_site: Site) -> None:
    page.goto(bilingual_site.url)
    box = search_box(page)
    box.click()
    box.press_sequentially("examination")
    hit = page.locator('.md-search-result__link[href*="plans/delivery/1-1/"]').first
    expect(hit).to_be_visible()
    expect(hit).to_contain_text("Adopt the new LDP")
    hrefs = [link.get_attribute("href") or "" for link in result_links(page).all()]
    assert hrefs and not any("/cy/" in href for href in hrefs)
    box.fill("")
    box.press_sequentially("archwiliad")  # the Welsh word is not on the English site
    expect(page.locator(".md-search-result__meta")).to_contain_text("No matching")


def test_the_plan_filters_count_in_welsh(page: Page, bilingual_site: Site) -> None:
    page.goto(bilingual_site.url + "cy/" + TEMPLATES["plan"])
    count = page.locator(".pt-filters__count").first
    expect(count).to_contain_text("Yn dangos pob un o'r")


def test_the_english_search_is_written_in_english_and_the_welsh_in_welsh(
        page: Page, bilingual_site: Site) -> None:
    page.goto(bilingual_site.url + "cy/")
    placeholder = search_box(page).get_attribute("placeholder") or ""
    page.goto(bilingual_site.url)
    assert (search_box(page).get_attribute("placeholder") or "") == "Search"
    assert placeholder and placeholder != "Search"
