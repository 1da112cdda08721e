"""Shared helpers: content folders written by tests, and real MkDocs builds."""

from __future__ import annotations

import logging
import shutil
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"

SITE_YML = """\
title: Test council plans
council: Test Council
url: https://plans.example.org/
as_of: 2023-01-15
feedback:
  email: plans@example.org
"""


@pytest.fixture
def make_content(tmp_path: Path) -> Callable[..., Path]:
    """Write a content folder: site.yml plus plan files given as YAML text."""

    def write(plans: dict[str, str], site: str = SITE_YML) -> Path:
        content = tmp_path / "content"
        (content / "plans").mkdir(parents=True, exist_ok=True)
        (content / "site.yml").write_text(site, encoding="utf-8")
        for name, text in plans.items():
            (content / "plans" / name).write_text(textwrap.dedent(text), encoding="utf-8")
        return content

    return write


def build_site(project: Path, content: Path, site_dir: Path, **extra: object) -> None:
    """A real `mkdocs build --strict` of ``content`` with the project's theme and plugin."""
    docs = project / "docs"
    docs.mkdir(exist_ok=True)
    config = load_config(
        str(ROOT / "mkdocs.yml"),
        docs_dir=str(docs),
        site_dir=str(site_dir),
        strict=True,
        plugins={"search": {}, "plantrack": {"content": str(content)}},
        **extra,
    )
    build(config)


class _Warnings(logging.Handler):
    """The warnings MkDocs logs while it builds."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.found: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.found.append(record.getMessage())


def build_site_and_warnings(root: Path, content: Path) -> tuple[Path, list[str]]:
    """A strict build of ``content`` into ``root/site``, and the warnings MkDocs logged."""
    handler = _Warnings()
    logging.getLogger("mkdocs").addHandler(handler)
    try:
        build_site(root, content, root / "site")
    finally:
        logging.getLogger("mkdocs").removeHandler(handler)
    return root / "site", handler.found


@pytest.fixture
def copy_fixture(tmp_path: Path) -> Callable[[str], Path]:
    def copy(name: str) -> Path:
        target = tmp_path / name
        shutil.copytree(FIXTURES / name, target)
        return target

    return copy
