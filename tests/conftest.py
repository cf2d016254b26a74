"""Shared fixtures: one strict build of the real site per test run, served on 127.0.0.1, and a
real browser (Debian's Chromium driven by Playwright) to look at it."""

from __future__ import annotations

import io
import json
import os
import shutil
import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from sites import build

ROOT = Path(__file__).resolve().parent.parent
# As in scripts/dev.py: Debian's headless shell first (the same engine without the desktop browser
# around it, so each page loads faster); a full Chromium works as well.
CHROMIUM_NAMES = ("chromium-headless-shell", "chromium", "chromium-browser", "google-chrome")


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


class _SiteHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        pass


class _WithoutSearchHandler(_SiteHandler):
    """The site with an empty search index in place of the real one (about 600 KB that every page
    fetches for the search box), and with files the browser may keep for an hour, so that page after
    page loads in a fraction of the time. The index is emptied rather than left out, because Material's
    scripts stop working (the light/dark toggle among them) when it fails to load; blocking it in the
    browser instead (a Playwright route) would also turn the browser's cache off."""

    EMPTY_INDEX = json.dumps({"config": {"lang": ["en"], "separator": r"[\s\-]+", "pipeline": []},
                              "docs": []}).encode()

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "max-age=3600")
        super().end_headers()

    def send_head(self) -> Any:
        if self.path.split("?")[0].endswith("/search/search_index.json"):
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(self.EMPTY_INDEX)))
            self.end_headers()
            return io.BytesIO(self.EMPTY_INDEX)
        return super().send_head()


def _serve(site: Path, handler: type[SimpleHTTPRequestHandler]) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def served(built: tuple[Path, str]) -> Iterator[str]:
    """The built site over HTTP on 127.0.0.1 (search needs a real server, not file://)."""
    yield from _serve(built[0], _SiteHandler)


@pytest.fixture(scope="session")
def quiet(built: tuple[Path, str]) -> Iterator[str]:
    """The built site without its search index, for checks that look at pages, not at search."""
    yield from _serve(built[0], _WithoutSearchHandler)


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
    """One tab that a module's page-by-page checks reuse (on the `quiet` site)."""
    tab = browser.new_page()
    yield tab
    tab.context.close()
