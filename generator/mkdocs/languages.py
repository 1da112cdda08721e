"""A site in several languages: the first at the root, each other one a whole site under its
code (``/cy/``) with the same page addresses, so a reader can swap languages on any page.

MkDocs builds one language per build (Material's interface and its search index are set per
build), so the build of the first language ends by building every other one into its folder,
from the same mkdocs.yml. Each page is told its versions in the other languages (the switch and
``hreflang`` links, see overrides/main.html); a hand-written page ``about/x.md`` is given in
another language as ``about/x.<code>.md`` beside it.
"""

from __future__ import annotations

import logging
import posixpath
import re
from importlib import resources
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from generator.content.catalog import Catalog
from generator.content.model import Site
from generator.pages import paths

log = logging.getLogger("mkdocs.plugins.plantrack")

SEPARATOR = r"[\s\-,:;!?=\[\]()\"'“”‘’/]+|\.(?!\d)"
"""Where search splits text into words for a language lunr has no stemmer for: spaces,
hyphens and punctuation, apostrophes included (Welsh "i'r" and "i’r" are both "i" and "r",
however the query is typed)."""


def has_stemmer(code: str) -> bool:
    """Whether Material's search ships a lunr stemmer and stop words for this language."""
    scripts = resources.files("material") / "templates" / "assets" / "javascripts" / "lunr"
    return code == "en" or (scripts / "min" / f"lunr.{code}.min.js").is_file()


def configure(config: MkDocsConfig, site: Site) -> None:
    """Set the theme's interface language, and search's, to the language being built. A
    language lunr cannot stem is indexed word for word: no English stemming or stop words."""
    if len(site.languages) == 1:
        return
    config.theme["language"] = site.language
    search = config.plugins.get("material/search") or config.plugins.get("search")
    if search is None or not hasattr(search.config, "pipeline"):
        return
    if has_stemmer(site.language):
        search.config["lang"] = [site.language]
    else:
        search.config["lang"] = ["en"]
        search.config["pipeline"] = []
        search.config["separator"] = SEPARATOR


def prefix(site: Site, code: str) -> str:
    """Where a language's pages sit in the published site: "" for the first, "cy/"."""
    return "" if code == site.default_language else f"{code}/"


def versions(site: Site, page: str, directory_urls: bool) -> list[dict[str, Any]]:
    """The page in every language of the site, linked relative to this language's page."""
    here = prefix(site, site.language) + page
    return [{"code": code, "name": site.words(f"languages.name.{code}"),
             "href": paths.link(here, prefix(site, code) + page, directory_urls),
             "current": code == site.language}
            for code in site.languages]


def written_pages(files: Files, site: Site, config: MkDocsConfig, strict: bool) -> Files:
    """The hand-written pages of the language being built: ``x.<code>.md`` in place of
    ``x.md``, and no other language's versions. A page with no version in this language is an
    error, or (``missing_translations: warn``) is published in the first language."""
    others = [code for code in site.languages if code != site.default_language]
    if not others:
        return files
    own = re.compile(r"(.+)\.(" + "|".join(map(re.escape, others)) + r")\.md$")
    translated: dict[str, File] = {}
    for file in list(files.documentation_pages()):
        found = own.fullmatch(file.src_uri)
        if found:
            files.remove(file)
            if found[2] == site.language:
                translated[found[1] + ".md"] = file
    if site.language == site.default_language:
        return files
    missing = []
    for file in list(files.documentation_pages()):
        if file.generated_by is not None:
            continue
        if file.src_uri in translated:
            files.remove(file)
            files.append(File.generated(config, file.src_uri,
                                        abs_src_path=str(translated[file.src_uri].abs_src_path)))
        else:
            missing.append(file.src_uri)
    for page in missing:
        stem = posixpath.splitext(page)[0]
        message = (f"{config.docs_dir}/{page} has no {site.language} version "
                   f"({stem}.{site.language}.md beside it)")
        if strict:
            raise PluginError(message)
        log.warning(message + "; it is published in " + site.default_language)
    return files


def build_other_languages(config: MkDocsConfig, site: Site, options: dict[str, Any],
                          dirty: bool = False) -> None:
    """Build each language after the first into ``<site_dir>/<code>``, from the same mkdocs.yml
    with the plugin's options, telling the plugin which language it builds."""
    for code in site.languages[1:]:
        overrides: dict[str, Any] = {"site_dir": str(Path(config.site_dir) / code),
                                     "docs_dir": config.docs_dir, "strict": config.strict,
                                     "use_directory_urls": config.use_directory_urls}
        if config.site_url:
            overrides["site_url"] = config.site_url.rstrip("/") + f"/{code}/"
        nested = load_config(config.config_file_path, **overrides)
        plugin = nested.plugins["plantrack"]
        plugin.config.update({**options, "language": code})
        dirty_here = dirty and (Path(nested.site_dir) / "search" / "search_index.json").is_file()
        nested.plugins.on_startup(command="build", dirty=dirty_here)
        log.info("Building the %s pages into %s/", code, code)
        build(nested, dirty=dirty_here)


def catalog_words(words: Catalog, namespace: str) -> dict[str, str]:
    """A namespace of the catalog as the page scripts read it: every key, plural forms as
    ``key.one``, ``key.other``."""
    found: dict[str, str] = {}
    for key, entry in words.entries.items():
        if key.startswith(namespace + "."):
            if isinstance(entry, str):
                found[key] = entry
            else:
                found.update({f"{key}.{form}": text for form, text in entry.items()})
    return found
