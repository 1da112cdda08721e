"""`mkdocs serve` rebuilds the site when a file in the content folder changes."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from ..conftest import ROOT, SITE_YML

PLAN = """\
id: p
title: Plan
items:
  - ref: "1"
    title: {title}
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 (loopback only)
        return response.read().decode("utf-8")


def wait_for(url: str, text: str, seconds: float = 60) -> str:
    deadline = time.monotonic() + seconds
    page = ""
    while time.monotonic() < deadline:
        try:
            page = fetch(url)
            if text in page:
                return page
        except OSError:
            pass
        time.sleep(0.5)
    raise AssertionError(f"{text!r} did not appear at {url} within {seconds} s")


def test_serve_rebuilds_when_content_changes(tmp_path: Path) -> None:
    content = tmp_path / "content"
    (content / "plans").mkdir(parents=True)
    (tmp_path / "docs").mkdir()
    (content / "site.yml").write_text(SITE_YML, encoding="utf-8")
    plan = content / "plans" / "p.yml"
    plan.write_text(PLAN.format(title="First wording"), encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        f"site_name: Serve test\ndocs_dir: docs\ntheme:\n  name: material\n"
        f"  custom_dir: {ROOT / 'overrides'}\n  font: false\n"
        f"plugins:\n  - search\n  - plantrack:\n      content: content\n", encoding="utf-8")
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-f", str(config), "-a", f"127.0.0.1:{port}"],
        cwd=tmp_path, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}/plans/p/1/"
        wait_for(url, "First wording")
        plan.write_text(PLAN.format(title="Second wording"), encoding="utf-8")
        wait_for(url, "Second wording")
    finally:
        server.terminate()
        server.wait(timeout=10)
    assert sorted(p.name for p in (tmp_path / "docs").iterdir()) == []
