"""The README documents every command the code has, with every option the command takes."""

from __future__ import annotations

import re

from generator.cli import COMMANDS, parser

from ..conftest import ROOT


def documented_commands() -> dict[str, str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `plantrack (\w+)([^`]*)` \|", readme, flags=re.MULTILINE)
    return {name: options for name, options in rows}


def test_every_command_is_in_the_readme_table() -> None:
    names = {command.__name__.rsplit(".", 1)[1].rstrip("_") for command in COMMANDS}
    assert set(documented_commands()) == names


def test_the_readme_names_only_options_that_exist() -> None:
    subparsers = parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    for name, options in documented_commands().items():
        known = {flag for action in subparsers[name]._actions for flag in action.option_strings}
        for option in re.findall(r"--[a-z-]+", options):
            assert option in known, (name, option)
