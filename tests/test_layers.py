"""The package's layers, read from the imports of every module: imports run one way, there is
no cycle, only the MkDocs adapter (and the commands that run MkDocs) import MkDocs, and the
content layer imports no Jinja2. The README's map of the code lists every module."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from .conftest import ROOT

PACKAGE = ROOT / "generator"

ALLOWED: dict[str, set[str]] = {
    "content": {"content"},
    "pages": {"content", "pages"},
    "views": {"content", "pages", "views"},
    "opendata": {"content", "pages", "opendata"},
    "site": {"content", "pages", "views", "opendata", "site"},
    "files": {"content", "opendata", "files"},
    "sheets": {"content", "opendata", "files", "sheets"},
    "mkdocs": {"content", "pages", "views", "opendata", "site", "files", "mkdocs", "api"},
    "commands": {"content", "pages", "views", "opendata", "site", "files", "sheets", "mkdocs",
                 "commands", "api"},
    "api": {"content", "site", "api"},
    "cli": {"content", "commands", "cli"},
}
"""Which layers each layer may import: content <- pages <- views, opendata <- site <- adapters.
``api`` is generator/__init__.py, ``site`` the assembly in generator/site.py."""

MKDOCS = {"mkdocs", "material"}
MAY_IMPORT_MKDOCS = {"generator.commands.build", "generator.commands.serve"}
TEMPLATING = {"jinja2", "markupsafe"}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer(module: str) -> str:
    parts = module.split(".")
    if len(parts) == 1:
        return "api"
    return parts[1] if parts[1] in ALLOWED else parts[1]


def imports(path: Path) -> set[str]:
    """The absolute names of the modules ``path`` imports (inside functions too)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{path}: use absolute imports"
            base = node.module or ""
            found.add(base)
            if base.startswith("generator"):
                found.update(f"{base}.{alias.name}" for alias in node.names
                             if (PACKAGE.parent / f"{base}.{alias.name}".replace(".", "/")).with_suffix(".py").exists()
                             or (PACKAGE.parent / f"{base}.{alias.name}".replace(".", "/")).is_dir())
    return found


def graph() -> dict[str, set[str]]:
    modules = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    return {name: {m for m in imports(path) if m in modules} for name, path in modules.items()}


def problems_in(edges: dict[str, set[str]], third_party: dict[str, set[str]]) -> list[str]:
    """Every import against the layering, and every cycle."""
    found = []
    for module, targets in sorted(edges.items()):
        for target in sorted(targets):
            if layer(target) not in ALLOWED[layer(module)]:
                found.append(f"{module} imports {target} ({layer(module)} may not import "
                             f"{layer(target)})")
        for name in sorted(third_party[module]):
            top = name.split(".")[0]
            if top in MKDOCS and layer(module) != "mkdocs" and module not in MAY_IMPORT_MKDOCS:
                found.append(f"{module} imports {name} (only generator.mkdocs may)")
            if top in TEMPLATING and layer(module) == "content":
                found.append(f"{module} imports {name} (content imports no templating)")
    found += [" -> ".join(cycle) for cycle in cycles(edges)]
    return found


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """One cycle for each strongly connected group of modules that import each other."""
    found: list[list[str]] = []
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for target in sorted(edges.get(node, ())):
            if state.get(target) == 1:
                found.append([*stack[stack.index(target):], target])
            elif target not in state:
                visit(target)
        stack.pop()
        state[node] = 2

    for node in sorted(edges):
        if node not in state:
            visit(node)
    return found


def third_party_imports() -> dict[str, set[str]]:
    return {module_name(p): {m for m in imports(p) if not m.startswith("generator")}
            for p in PACKAGE.rglob("*.py")}


def test_imports_run_one_way_with_no_cycle() -> None:
    assert problems_in(graph(), third_party_imports()) == []


def test_the_check_finds_a_cycle_and_an_import_against_the_layers() -> None:
    """Today's tree had render -> views -> render; such a tree fails."""
    edges = {"generator.pages.engine": {"generator.views.dashboard"},
             "generator.views.dashboard": {"generator.pages.engine"}}
    none = {name: set() for name in edges}
    assert problems_in(edges, none) == [
        "generator.pages.engine imports generator.views.dashboard (pages may not import views)",
        "generator.pages.engine -> generator.views.dashboard -> generator.pages.engine",
    ]
    assert problems_in({"generator.content.dates": set()},
                       {"generator.content.dates": {"jinja2", "mkdocs.plugins"}}) == [
        "generator.content.dates imports jinja2 (content imports no templating)",
        "generator.content.dates imports mkdocs.plugins (only generator.mkdocs may)",
    ]


def test_every_package_says_what_it_owns_and_may_import() -> None:
    for init in PACKAGE.glob("*/__init__.py"):
        doc = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))) or ""
        assert "May import:" in doc, init


def test_the_readme_maps_every_module() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    tree = readme.split("## How it is built", 1)[1].split("```")[1]
    listed = set(re.findall(r"[\w/]+\.py|[\w]+/", tree))
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "__init__.py":
            continue
        relative = path.relative_to(PACKAGE)
        assert path.name in tree or str(relative) in listed, f"README lacks {relative}"
    for folder in sorted(p for p in PACKAGE.iterdir() if p.is_dir() and p.name != "__pycache__"):
        assert f"{folder.name}/" in tree, f"README lacks {folder.name}/"


def test_the_content_layer_loads_without_templating() -> None:
    import subprocess
    import sys

    code = ("import sys, generator.content.dates; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('jinja2', 'markupsafe', 'mkdocs')))")
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           check=True, cwd=ROOT).stdout.strip()
    assert found == "[]"
