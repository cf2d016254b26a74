"""Shared fixtures: one strict build of the real site per test run, served on 127.0.0.1, and a
real browser (Debian's Chromium driven by Playwright) to look at it."""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from sites import build, quiet_tab

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test that drives Chromium is a browser test: `pytest -m "not browser"` is the quick run."""
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The real site, built strictly: (site folder, everything the build printed). `dev.py check` has
    just made this build itself and names it in ATLAS_BUILT_SITE (its output beside it, in a .log
    file), so the check builds the site once; otherwise it is built here."""
    given = os.environ.get("ATLAS_BUILT_SITE")
    if given:
        return Path(given), Path(f"{given}.log").read_text(encoding="utf-8")
    site = tmp_path_factory.mktemp("site")
    result = build(ROOT, site)
    assert result.returncode == 0, result.stderr
    return site, result.stdout + result.stderr


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        pass


@pytest.fixture(scope="session")
def served(built: tuple[Path, str]) -> Iterator[str]:
    """The built site over HTTP on 127.0.0.1 (search needs a real server, not file://)."""
    handler = partial(_QuietHandler, directory=str(built[0]))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def chromium_path() -> str | None:
    configured = os.environ.get("ATLAS_CHROMIUM")
    if configured:
        return configured
    return next((found for name in CHROMIUM_NAMES if (found := shutil.which(name))), None)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """Headless Chromium. Missing Chromium skips the browser tests on a laptop, and fails them in CI."""
    path = chromium_path()
    if path is None:
        message = "no Chromium found: install Debian's chromium package (python3 scripts/dev.py check does, as root)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=path, args=["--no-sandbox"])
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def reader(browser: Any) -> Iterator[Any]:
    """One quiet tab that a module's page-by-page checks reuse."""
    tab = quiet_tab(browser)
    yield tab
    tab.context.close()
