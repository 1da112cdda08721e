"""The badges' shapes: the page stylesheet draws the same shapes as the badge images (the
paths of pages/templates/icons.html.j2), one rule per shape, and pages carry no inline icon."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote

from generator import load_site, render_site

from ..conftest import FIXTURES

ROOT = Path(__file__).resolve().parents[2]
FLAGS = ("overdue", "passed", "stale")


def template_paths() -> dict[str, str]:
    text = (ROOT / "generator/pages/templates/icons.html.j2").read_text(encoding="utf-8")
    return dict(re.findall(r'"([a-z-]+)": "([^"]+)"', text))


def stylesheet_paths() -> dict[str, str]:
    css = (ROOT / "overrides/assets/plantrack.css").read_text(encoding="utf-8")
    block = css[css.index("/* icons:start */"):css.index("/* icons:end */")]
    found = re.findall(r'\.pt-(?:badge|flag)--([a-z-]+) \{ --pt-icon: url\("data:image/svg\+xml,'
                       r'([^"]+)"\); \}', block)
    return {name: re.search(r"d='([^']+)'", unquote(svg))[1]  # type: ignore[index]
            for name, svg in found}


def test_the_stylesheet_draws_every_shape_of_the_badge_images() -> None:
    assert stylesheet_paths() == template_paths()


def test_each_flag_shape_is_a_flags_and_each_other_a_badges() -> None:
    css = (ROOT / "overrides/assets/plantrack.css").read_text(encoding="utf-8")
    for name in template_paths():
        kind = "flag" if name in FLAGS else "badge"
        assert f".pt-{kind}--{name} {{ --pt-icon:" in css, name


def test_pages_carry_no_inline_icon() -> None:
    pages = render_site(load_site(FIXTURES / "twoaxis"))
    assert not [path for path, text in pages.items()
                if path.endswith(".md") and 'class="pt-icon"' in text]
