"""`plantrack build` and `plantrack serve`, run as a user runs them."""

from __future__ import annotations

import os
import pty
import signal
import socket
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator import build_pages

from ..conftest import FIXTURES, ROOT
from ..mkdocs.test_serve import free_port, wait_for

CONFIG = f"""\
site_name: Build test
docs_dir: docs
theme:
  name: material
  custom_dir: {ROOT / 'overrides'}
  font: false
plugins:
  - search
  - plantrack:
      content: {{content}}
"""


def plantrack(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator.cli", *args], cwd=cwd,
                          capture_output=True, text=True, check=False)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """mkdocs.yml, an empty docs/ and content/ (a copy of the sample fixture)."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(CONFIG.format(content="content"), encoding="utf-8")
    copy_content(FIXTURES / "sample", tmp_path / "content")
    return tmp_path


def copy_content(source: Path, target: Path) -> None:
    for file in source.rglob("*"):
        if file.is_file():
            (target / file.relative_to(source)).parent.mkdir(parents=True, exist_ok=True)
            (target / file.relative_to(source)).write_bytes(file.read_bytes())


def page_count(content: Path, hand_written: int = 0) -> int:
    return hand_written + sum(path.endswith(".md") for path in build_pages(content))


def progress_lines(total: int) -> list[str]:
    """Off a terminal: a line at each quarter of reading, then of writing."""
    return [f"{stage} pages: {done}/{total}" for stage in ("reading", "writing")
            for done in range(1, total + 1) if done * 4 // total > (done - 1) * 4 // total]


def test_build_checks_builds_and_shows_progress(project: Path) -> None:
    result = plantrack("build", cwd=project)
    total = page_count(project / "content")
    assert (result.returncode, result.stdout) == (
        0, f"built {total} pages into site from content (1 plan)\n")
    assert result.stderr.splitlines() == progress_lines(total)
    page = (project / "site/plans/village/1-01/index.html").read_text(encoding="utf-8")
    assert "Publish a quarterly newsletter" in page
    assert sorted(os.listdir(project)) == ["content", "docs", "mkdocs.yml", "site"]


def test_a_new_build_replaces_the_old_site_whole(project: Path) -> None:
    (project / "site").mkdir()
    (project / "site/left-over.html").write_text("old", encoding="utf-8")
    result = plantrack("build", "--out", "site", cwd=project)
    assert result.returncode == 0, result.stderr
    assert not (project / "site/left-over.html").exists()
    assert (project / "site/index.html").is_file()
    assert sorted(os.listdir(project)) == ["content", "docs", "mkdocs.yml", "site"]


def test_a_failed_build_leaves_the_previous_site_untouched(project: Path) -> None:
    (project / "site").mkdir()
    (project / "site/index.html").write_text("the published site", encoding="utf-8")
    (project / "docs/about-us.md").write_text("# About\n\nSee [this](missing.md).\n",
                                              encoding="utf-8")
    result = plantrack("build", cwd=project)
    assert (result.returncode, result.stdout) == (1, "")
    messages = [line for line in result.stderr.splitlines()
                if not line.startswith(("reading pages", "writing pages"))]
    assert messages == [
        "WARNING -  Doc file 'about-us.md' contains a link 'missing.md', but the target is not "
        "found among documentation files.",
        "the build failed: Aborted with 1 warnings in strict mode!",
        "site was left as it was",
    ]
    assert (project / "site/index.html").read_text(encoding="utf-8") == "the published site"
    assert sorted(os.listdir(project)) == ["content", "docs", "mkdocs.yml", "site"]


def test_content_with_problems_is_reported_before_anything_is_built(project: Path) -> None:
    bad = project / "bad"
    copy_content(FIXTURES / "bad", bad)
    result = plantrack("build", "--content", "bad", cwd=project)
    check = plantrack("check", "--content", "bad", cwd=project)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == check.stderr
    assert result.stderr.endswith("20 errors in 6 files\n")
    assert sorted(os.listdir(project)) == ["bad", "content", "docs", "mkdocs.yml"]


def test_content_option_overrides_the_plugin_setting(project: Path) -> None:
    (project / "mkdocs.yml").write_text(CONFIG.format(content="elsewhere"), encoding="utf-8")
    copy_content(FIXTURES / "update", project / "parish")
    result = plantrack("build", "--content", "parish", "--out", "public", cwd=project)
    assert (result.returncode, result.stdout) == (
        0, f"built {page_count(project / 'parish')} pages into public from parish (1 plan)\n")
    assert (project / "public/plans/parish-plan/3/index.html").is_file()


def test_without_options_the_config_names_the_content_and_the_site(project: Path) -> None:
    elsewhere = project / "docs"
    result = plantrack("build", "--config", str(project / "mkdocs.yml"), cwd=elsewhere)
    total = page_count(project / "content")
    assert (result.returncode, result.stdout) == (
        0, f"built {total} pages into {project / 'site'} from {project / 'content'} (1 plan)\n")


@pytest.mark.parametrize(("out", "message"), [
    ("content", "content: the site folder is replaced as a whole, so it must not be or hold "
                "content; choose another with --out"),
    ("content/site", "content/site: the site must not be built inside content; choose another "
                     "folder with --out"),
])
def test_the_site_folder_never_replaces_the_content(project: Path, out: str, message: str) -> None:
    result = plantrack("build", "--out", out, cwd=project)
    assert (result.returncode, result.stdout, result.stderr) == (1, "", message + "\n")
    assert sorted(os.listdir(project / "content")) == ["decisions", "plans", "site.yml"]


def test_a_missing_config_is_named(project: Path) -> None:
    result = plantrack("build", "--config", "site.yml", cwd=project)
    assert (result.returncode, result.stderr) == (
        1, "site.yml: no MkDocs configuration found (use --config to name it)\n")


def test_a_config_without_the_plugin_is_refused(project: Path) -> None:
    (project / "plain.yml").write_text("site_name: Plain\ndocs_dir: docs\n", encoding="utf-8")
    result = plantrack("build", "--config", "plain.yml", cwd=project)
    assert (result.returncode, result.stderr) == (
        1, "plain.yml: the plantrack plugin is not listed under plugins, so the site would have "
           "no plans\n")


def test_on_a_terminal_the_count_is_rewritten_in_place(project: Path) -> None:
    leader, follower = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "generator.cli", "build"], cwd=project,
                               stdout=subprocess.PIPE, stderr=follower)
    os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the terminal closes when the build ends
            break
        if not chunk:
            break
        shown += chunk
    stdout, _ = process.communicate()
    os.close(leader)
    total = page_count(project / "content")
    expected = "".join(
        "".join(f"\r{stage} pages: {done}/{total}" for done in range(1, total + 1)) + "\r\n"
        for stage in ("reading", "writing"))
    assert process.returncode == 0
    assert shown.decode() == expected
    assert stdout.decode().startswith(f"built {total} pages")


def test_the_bundled_site_builds_with_the_command(tmp_path: Path) -> None:
    out = tmp_path / "site"
    result = plantrack("build", "--out", str(out), cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout == (f"built {page_count(ROOT / 'content', hand_written=1)} pages "
                             f"into {out} from content (4 plans)\n")
    assert (out / "plans/all-councils-charter-2022/2-05/index.html").is_file()
    assert sorted(os.listdir(tmp_path)) == ["site"]


def test_serve_shows_content_edits(project: Path) -> None:
    (project / "mkdocs.yml").write_text(CONFIG.format(content="elsewhere"), encoding="utf-8")
    plan = project / "content/plans/village.yml"
    port = free_port()
    # Ctrl+C reaches the server even when this run was started in the background by a shell,
    # which ignores SIGINT for its background jobs: the child inherits an ignored SIGINT, but
    # a handler is reset to the default when the child starts.
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        server = subprocess.Popen(
            [sys.executable, "-m", "generator.cli", "serve", "--port", str(port), "--content",
             "content"], cwd=project, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    finally:
        signal.signal(signal.SIGINT, previous)
    try:
        url = f"http://127.0.0.1:{port}/plans/village/1-01/"
        wait_for(url, "Publish a quarterly newsletter")
        text = plan.read_text(encoding="utf-8")
        plan.write_text(text.replace("a quarterly", "a monthly"), encoding="utf-8")
        wait_for(url, "Publish a monthly newsletter")
    finally:
        server.send_signal(signal.SIGINT)
        stdout, stderr = server.communicate(timeout=30)
    assert server.returncode == 0, stderr
    assert stdout == (f"serving the site from content at http://127.0.0.1:{port}/ (rebuilt "
                      f"when it changes; press Ctrl+C to stop)\nstopped\n")
    assert f"Serving on http://127.0.0.1:{port}/" in stderr
    assert "Reloading browsers" in stderr and "Traceback" not in stderr
    assert sorted(os.listdir(project)) == ["content", "docs", "mkdocs.yml"]


def test_serve_on_a_busy_port_says_so(project: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = plantrack("serve", "--port", str(port), cwd=project)
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == (f"cannot serve on 127.0.0.1:{port}: another program is using it; "
                             f"choose another port with --port\n")


def test_serve_refuses_a_port_that_is_not_a_number(project: Path) -> None:
    result = plantrack("serve", "--port", "http", cwd=project)
    assert (result.returncode, result.stderr) == (
        1, '--port: expected a port number from 1 to 65535, found "http"\n')


@pytest.mark.parametrize(("command", "options"), [
    ("build", ("--out DIR", "--config FILE", "--content DIR")),
    ("serve", ("--port PORT", "--config FILE", "--content DIR")),
])
def test_help_lists_every_option(command: str, options: tuple[str, ...]) -> None:
    result = plantrack(command, "--help", cwd=ROOT)
    assert result.returncode == 0
    for option in options:
        assert option in result.stdout


# Files a web server can read, and no litter from killed builds.

@pytest.fixture(params=[0o022, 0o027])
def umask(request: pytest.FixtureRequest) -> Iterator[int]:
    """Run the test (and the commands it starts, which inherit it) under this umask."""
    original = os.umask(request.param)
    try:
        yield request.param
    finally:
        os.umask(original)


def modes(site: Path) -> set[tuple[str, int]]:
    """Each kind of entry in ``site`` (the folder itself included) with the modes found."""
    found = {("folder", stat.S_IMODE(site.stat().st_mode))}
    for path in site.rglob("*"):
        kind = "folder" if path.is_dir() else "file"
        found.add((kind, stat.S_IMODE(path.lstat().st_mode)))
    return found


def dead_pid() -> int:
    """The process ID of a process that has ended (and been waited for)."""
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


@pytest.mark.parametrize("umask", [0o027], indirect=True)
def test_the_site_gets_the_modes_mkdocs_build_gives(project: Path, umask: int) -> None:
    result = plantrack("build", "--out", "public", cwd=project)
    assert result.returncode == 0, result.stderr
    assert modes(project / "public") == {("folder", 0o750), ("file", 0o640)}
    (project / "public").chmod(0o700)  # as plantrack built it before
    result = plantrack("build", "--out", "public", cwd=project)
    assert result.stdout.startswith("rebuilt 0 of "), result.stderr  # a copy of the old site
    assert modes(project / "public") == {("folder", 0o750), ("file", 0o640)}


def test_a_build_removes_what_a_killed_build_left_but_not_a_running_one(project: Path) -> None:
    killed = project / f".site-build-{dead_pid()}-0123abcd"
    old_site = project / f".site-old-{dead_pid()}"  # as swap_in named it before
    running = project / f".site-build-{os.getpid()}-89abcdef"  # this test runs meanwhile
    for folder in (killed, old_site, running):
        (folder / "plans").mkdir(parents=True)
        (folder / "plans/index.html").write_text("half a site", encoding="utf-8")
    result = plantrack("build", cwd=project)
    assert result.returncode == 0, result.stderr
    assert sorted(os.listdir(project)) == [running.name, "content", "docs", "mkdocs.yml", "site"]
