"""One registry of problem codes: every code the checks can raise is in it, with its meaning,
and the content-format reference page lists it."""

from __future__ import annotations

import ast
import re

import pytest

from generator import load_site, render_site
from generator.content.codes import CODES
from generator.content.errors import Problem

from ..conftest import FIXTURES, ROOT

CODE = re.compile(r"[a-z]+(?:-[a-z0-9]+)+")
REPORTERS = {"Problem", "problem", "_Refused"}
"""The calls that make a problem: Problem(...), a reader's or report's problem(...), and the
YAML reader's refusal."""


def codes_in_source() -> dict[str, str]:
    """Every literal code passed to a call that makes a problem, with where it is."""
    found: dict[str, str] = {}
    for path in sorted((ROOT / "generator").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else \
                getattr(node.func, "id", "")
            if name not in REPORTERS:
                continue
            for arg in node.args:
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str) \
                        and CODE.fullmatch(arg.value):
                    found.setdefault(arg.value, f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def test_every_code_raised_is_registered() -> None:
    found = codes_in_source()
    assert len(found) > 40  # the scan finds the checks' codes
    assert {code: where for code, where in found.items() if code not in CODES} == {}


def test_a_code_not_registered_is_a_bug_at_once() -> None:
    with pytest.raises(ValueError, match="'made-up' is not in generator.content.codes"):
        Problem("plan.yml", 1, "title", "made-up", "expected something")


def test_every_code_has_a_one_line_meaning() -> None:
    for code, meaning in CODES.items():
        assert CODE.fullmatch(code), code
        assert meaning.endswith(".") and "\n" not in meaning, code


def test_the_reference_page_lists_every_code() -> None:
    page = render_site(load_site(FIXTURES / "sample"))["reference/content-format.md"]
    for code in CODES:
        assert f'<tr id="code-{code}"><td><code>{code}</code></td>' in page


def test_the_bad_fixture_raises_only_registered_codes() -> None:
    from generator.content.errors import ContentError

    with pytest.raises(ContentError) as raised:
        load_site(FIXTURES / "bad")
    assert {p.code for p in raised.value.problems} <= set(CODES)
