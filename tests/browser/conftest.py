"""The bundled site, built and served the way residents reach it, driven in real Chromium.

One build per session: ``mkdocs build --strict`` with a temporary config that inherits the
project's ``mkdocs.yml`` and sets ``site_url`` to the exact address the site is then served on
(instant navigation only works when they match). The site is served by ``python -m
http.server`` on 127.0.0.1 and the server is stopped by its PID at the end.

Chromium is Debian's ``/usr/bin/chromium``; nothing is downloaded. If it is missing the browser
tests fail (they never skip).

The helpers (``serve_site``, ``build_site_for``, ``launch_chromium``) are plain functions so the
report scripts in ``bench/`` can reuse them.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = ROOT / "screenshots"

# Pages the tests visit, by the template or item kind they show.
PAGES = {
    "home": "",
    "plan": "plans/all-councils-charter-2022/",
    "section": "plans/all-councils-charter-2022/1-00/",
    "commitment": "plans/all-councils-charter-2022/2-05/",
    "recommendation": "plans/bcc-community-leadership-2003/1/",
    "action": "plans/bcc-community-leadership-2003/1-1/",
    "aim": "plans/bcc-getting-closer-2005/a1/",
    "objective": "plans/bcc-getting-closer-2005/o1/",
    "step": "plans/bcc-getting-closer-2005/p1-4-1/",
    "indicator": "plans/scdc-community-customer-services-2009/op1-1-1/",
    "indicator-chart": "plans/scdc-community-customer-services-2009/op3-1-3/",
    "decision": "decisions/dl01-03/",
    "methodology": "about/methodology/",
    "accessibility": "about/accessibility/",
    "content-format": "reference/content-format/",
    "404": "404.html",
    # The views (generator/views.py): reports, and browse pages by due date, status, lead,
    # area and tag, with one page per name for the last four, and the indicators list.
    "reports": "reports/",
    "report": "reports/all-councils-charter-2022/",
    "due": "browse/due/",
    "statuses": "browse/status/",
    "status": "browse/status/on-track/",
    "leads": "browse/leads/",
    "lead": "browse/leads/paul-swift/",
    "areas": "browse/areas/",
    "area": "browse/areas/bcc-getting-closer-2005/chesham/",
    "tags": "browse/tags/",
    "tag": "browse/tags/a1/",
    "indicators": "browse/indicators/",
    "changes": "changes/",
    # A list too long for one page (issue 15): the bundled plan of 241 rows is split by
    # section; one of its sections' pages, and one plan's page of the items not yet reported.
    "plan-split": "plans/scdc-community-customer-services-2009/",
    "plan-part": "plans/scdc-community-customer-services-2009/items/op5/",
    "status-part": "browse/status/not-reported/scdc-community-customer-services-2009/",
}


@dataclass(frozen=True)
class Site:
    """A built site and the address it is served on (ends with a slash)."""

    url: str
    path: Path

    def page(self, key_or_path: str) -> str:
        return self.url + PAGES.get(key_or_path, key_or_path)


# --- serving and building -----------------------------------------------------------------


@contextlib.contextmanager
def serve_directory(directory: Path, timeout: float = 15.0, gzip: bool = False) -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1 on a port the OS picks; yield ``http://127.0.0.1:PORT/``.

    Port 0 lets the kernel choose, so there is no race between finding a free port and
    binding it. The server's request log goes to a file, never to an unread pipe.
    """
    directory.mkdir(parents=True, exist_ok=True)
    log = open(directory.parent / f"http-{uuid.uuid4().hex[:8]}.log", "wb")  # noqa: SIM115
    server = [str(Path(__file__).with_name("gzip_server.py"))] if gzip else ["-m", "http.server"]
    proc = subprocess.Popen(
        [sys.executable, "-u", *server, "--bind", "127.0.0.1", "--directory", str(directory), "0"],
        stdout=subprocess.PIPE, stderr=log, cwd=str(directory.parent),
    )
    try:
        assert proc.stdout is not None
        deadline = time.monotonic() + timeout
        line = b""
        while not line.endswith(b"\n"):
            remaining = deadline - time.monotonic()
            if remaining <= 0 or proc.poll() is not None:
                raise RuntimeError(f"http.server did not start (exit {proc.poll()}, said {line!r})")
            ready, _, _ = select.select([proc.stdout], [], [], remaining)
            if ready:
                char = os.read(proc.stdout.fileno(), 1)
                if not char:
                    continue
                line += char
        match = re.search(rb"port (\d+)", line)
        if not match:
            raise RuntimeError(f"unexpected http.server banner: {line!r}")
        yield f"http://127.0.0.1:{int(match.group(1))}/"
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        if proc.stdout is not None:
            proc.stdout.close()
        log.close()


def build_site_for(site_url: str, site_dir: Path, content: Path | None = None) -> None:
    """``mkdocs build --strict`` of the bundled site (or of ``content``) into ``site_dir``,
    for ``site_url``.

    MkDocs has no ``--site-url`` flag, so a temporary config that INHERITs the project's
    ``mkdocs.yml`` sets it. The file sits in the project root so every relative path in
    ``mkdocs.yml`` (docs_dir, custom_dir, the plugin's content folder) still resolves; it is
    removed afterwards whatever happens.
    """
    config = ROOT / f".plantrack-test-{uuid.uuid4().hex[:12]}.yml"
    plugins = ("plugins:\n  - search\n  - plantrack:\n"
               f"      content: {json.dumps(str(content))}\n") if content else ""
    config.write_text(
        "INHERIT: mkdocs.yml\n"
        f"site_url: {site_url}\n"
        f"site_dir: {json.dumps(str(site_dir))}\n" + plugins,
        encoding="utf-8",
    )
    try:
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(config)],
            cwd=str(ROOT), capture_output=True, text=True, timeout=600,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
    finally:
        config.unlink(missing_ok=True)
    if result.returncode != 0:
        raise RuntimeError(
            f"mkdocs build --strict failed ({result.returncode}):\n{result.stdout}\n{result.stderr}"
        )
    if not (site_dir / "index.html").is_file():
        raise RuntimeError(f"mkdocs build wrote no index.html into {site_dir}")


def wait_until_served(url: str, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 (loopback)
                if response.status == 200:
                    return
        except OSError:
            if time.monotonic() > deadline:
                raise
        time.sleep(0.1)


@contextlib.contextmanager
def built_and_served(workdir: Path | None = None, gzip: bool = False,
                     content: Path | None = None) -> Iterator[Site]:
    """Serve an empty folder, build the site (the bundled one, or that of ``content``) into it
    for that exact URL, yield the Site.

    ``gzip=True`` serves text compressed, as a real host does (for the weight reports)."""
    own = workdir is None
    base = Path(tempfile.mkdtemp(prefix="plantrack-site-")) if own else workdir
    assert base is not None
    site_dir = base / "site"
    try:
        with serve_directory(site_dir, gzip=gzip) as url:
            build_site_for(url, site_dir, content)
            wait_until_served(url)
            yield Site(url=url, path=site_dir)
    finally:
        if own:
            shutil.rmtree(base, ignore_errors=True)


def require_chromium() -> None:
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        pytest.fail(
            f"Chromium not found at {CHROMIUM}. Install Debian's package "
            "(apt-get update && apt-get install -y chromium); the browser tests never "
            "download a browser and never skip.",
            pytrace=False,
        )


def launch_chromium(playwright):  # noqa: ANN001, ANN201 (Playwright types)
    return playwright.chromium.launch(
        executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
    )


# --- fixtures -----------------------------------------------------------------------------


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    with built_and_served(tmp_path_factory.mktemp("browser")) as served:
        yield served


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = launch_chromium(playwright)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def context(browser):  # noqa: ANN001, ANN201
    """A fresh browser profile per test, desktop sized, that may only talk to 127.0.0.1."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 800}, locale="en-GB")
    ctx.set_default_timeout(20_000)
    outside: list[str] = []

    def note(request) -> None:  # noqa: ANN001
        parts = urlsplit(request.url)
        if parts.scheme not in ("data", "blob") and parts.hostname != "127.0.0.1":
            outside.append(request.url)

    ctx.on("request", note)
    yield ctx
    ctx.close()
    assert not outside, f"the site asked for something beyond 127.0.0.1: {outside}"


@pytest.fixture
def page(context):  # noqa: ANN001, ANN201
    new = context.new_page()
    errors: list[str] = []
    new.on("pageerror", lambda error: errors.append(str(error)))
    yield new
    assert not errors, f"JavaScript errors on the page: {errors}"


@pytest.fixture(scope="session")
def screenshots_dir() -> Path:
    SCREENSHOTS.mkdir(exist_ok=True)
    return SCREENSHOTS
