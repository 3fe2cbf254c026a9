"""A live server over the seed knowledge base, and headless Chromium driven by Playwright.

The browser is Debian's ``chromium`` package (``.ci/run`` installs it when missing); nothing is
ever downloaded. Without it the browser tests are skipped, except in CI (``CI`` set), where
they fail: CI must run them.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from playwright.sync_api import Browser, sync_playwright

from visitkb.api import create_app
from visitkb.config import Settings
from visitkb.database import make_engine
from visitkb.documents import read_documents
from visitkb.ingest import ingest

from ..conftest import ON_POSTGRES, ROOT, SEEDS, postgres_database

CHROMIUM = Path("/usr/bin/chromium")
# Flags for a headless run in a container: no sandbox (no user namespaces there), no GPU, and
# none of the background traffic a browser makes on its own.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Where the screenshots docs/ui.md shows are written, and the window they are taken in.
SCREENSHOTS = ROOT / "docs" / "ui"
VIEWPORT = {"width": 1200, "height": 900}
# The most of a page a screenshot shows (CSS pixels), so the PNGs in the repository stay small.
SCREENSHOT_HEIGHT = 1500
# How long the server may take to start.
STARTUP_SECONDS = 30


@pytest.fixture(scope="session")
def seed_database_url(
    migrated_template: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """A knowledge base built from the seed articles, once per run."""
    if ON_POSTGRES:
        with postgres_database("browser", template=migrated_template) as url:
            _ingest_seeds(url)
            yield url
        return
    path = tmp_path_factory.mktemp("seeds") / "visitkb.sqlite3"
    shutil.copyfile(migrated_template, path)
    _ingest_seeds(f"sqlite:///{path}")
    yield f"sqlite:///{path}"


def _ingest_seeds(url: str) -> None:
    engine = make_engine(url)
    try:
        ingest(engine, read_documents([SEEDS]))
    finally:
        engine.dispose()


@pytest.fixture(scope="session")
def live_server(seed_database_url: str) -> Iterator[str]:
    """The app served by uvicorn on a free loopback port in a thread; yields its base URL."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    app = create_app(Settings(database_url=seed_database_url))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + STARTUP_SECONDS
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    host, port = sock.getsockname()
    yield f"http://{host}:{port}"
    server.should_exit = True
    thread.join(STARTUP_SECONDS)
    sock.close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Headless Chromium from the system's package."""
    if not CHROMIUM.exists():
        message = f"{CHROMIUM} is missing: apt-get install chromium fonts-noto-core"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, live_server):
    """A fresh browser tab whose relative addresses go to the live server."""
    context = browser.new_context(base_url=live_server, viewport=VIEWPORT, accept_downloads=True)
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.on(
        "console", lambda message: errors.append(message.text) if message.type == "error" else None
    )
    yield tab
    context.close()
    assert not errors, errors  # no script error and no failed load on any page visited


@pytest.fixture
def screenshot():
    """Save the tab's page as docs/ui/<name>.png (from the top, SCREENSHOT_HEIGHT at most)."""

    def take(tab, name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        height = min(tab.evaluate("document.documentElement.scrollHeight"), SCREENSHOT_HEIGHT)
        clip = {"x": 0, "y": 0, "width": VIEWPORT["width"], "height": height}
        tab.screenshot(path=str(path), full_page=True, clip=clip)
        return path

    return take
