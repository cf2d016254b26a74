"""Links that last: every published URL still leads to its page, as a page or as a redirect that
works with and without JavaScript."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
LISTED = [
    line.split("#", 1)[0].strip()
    for line in (ROOT / "docs" / "_data" / "published-urls.txt").read_text(encoding="utf-8").splitlines()
    if line.split("#", 1)[0].strip()
]


def destination(site: Path, url: str) -> str | None:
    """Where `url` leads in the built site: itself if it is a page, its target if it redirects."""
    page = site / url.strip("/") / "index.html"
    if not page.is_file():
        return None
    refresh = re.search(r'http-equiv="refresh" content="0; url=([^"]+)"', page.read_text(encoding="utf-8"))
    if refresh is None:
        return url
    target = posixpath.normpath(posixpath.join(url, refresh.group(1))) + "/"
    return target if (site / target.strip("/") / "index.html").is_file() else None


def test_the_list_covers_every_built_page(built: tuple[Path, str]) -> None:
    site = built[0]
    pages = {
        "/" if path.parent == site else f"/{path.parent.relative_to(site).as_posix()}/"
        for path in site.rglob("index.html")
        if "Redirecting to" not in path.read_text(encoding="utf-8")
    }
    assert pages - set(LISTED) == set(), "pages missing from docs/_data/published-urls.txt"


@pytest.mark.parametrize("url", LISTED)
def test_every_published_url_still_leads_to_a_page(built: tuple[Path, str], url: str) -> None:
    assert destination(built[0], url) is not None, f"{url} no longer resolves"


@pytest.mark.parametrize("javascript", [True, False], ids=["with-javascript", "without-javascript"])
def test_a_short_alias_opens_its_page_in_a_browser(browser: Any, served: str, javascript: bool) -> None:
    context = browser.new_context(java_script_enabled=javascript)
    page = context.new_page()
    page.goto(f"{served}/hip-flexor-stretch/")
    page.wait_for_url("**/stretches/half-kneeling-hip-flexor/")
    assert page.locator("h1").inner_text() == "Half-kneeling hip flexor stretch"
    context.close()
