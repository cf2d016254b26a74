"""Accessibility in a real browser: axe-core (the npm package, pinned and checked by scripts/dev.py)
run in Chromium on every page of the built site, in four modes: phone and desktop, light and dark.
Each page loads once; it is laid out again at the other width, and its colours are switched with the
site's own light/dark toggle. Any violation fails, with the mode, the rule, the element and axe's reason.
The open search dialog, with all its lines showing, is checked on a phone in light and dark."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from atlas import model
from sites import DESKTOP, PHONE

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
PAGES = sorted(model.page_url(path.relative_to(DOCS).as_posix())
               for path in DOCS.rglob("*.md") if not path.relative_to(DOCS).as_posix().startswith("_"))
# The order ends in light mode, the mode the next page starts in.
MODES = (("phone", PHONE, "light"), ("phone", PHONE, "dark"), ("desktop", DESKTOP, "dark"),
         ("desktop", DESKTOP, "light"))
SCHEME = {"light": "default", "dark": "slate"}  # Material's names for them
# Each page starts in light mode, whatever the toggle was last set to (Material keeps it in local
# storage). Material itself turns colour transitions off while it switches.
START_LIGHT = "localStorage.clear();"
TOGGLE = """scheme => document.querySelector(`[data-md-component=palette] input[data-md-color-scheme=${scheme}]`).click()"""
SWITCHED = "scheme => document.body.getAttribute('data-md-color-scheme') === scheme"
RUN_AXE = """async () => (await axe.run(document, {resultTypes: ['violations']})).violations.map(v =>
  `${v.id} (${v.nodes.length}): ${v.nodes[0].target.join(' ')}: ${(v.nodes[0].failureSummary || '').replace(/\\s+/g, ' ')}`)"""


@pytest.fixture(scope="module")
def axe_source() -> str:
    path = os.environ.get("ATLAS_AXE")
    if not path or not Path(path).is_file():
        message = "axe-core not found: python3 scripts/dev.py check downloads it (ATLAS_AXE names the file)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return Path(path).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def auditor(browser: Any, axe_source: str) -> Iterator[Any]:
    tab = browser.new_page(color_scheme="light")
    tab.add_init_script(START_LIGHT)
    tab.add_init_script(axe_source)
    yield tab
    tab.context.close()


@pytest.mark.parametrize("address", PAGES)
def test_no_axe_violations_on_phone_and_desktop_in_light_and_dark(auditor: Any, quiet: str, address: str) -> None:
    auditor.set_viewport_size(PHONE)
    auditor.goto(quiet + address)
    found = {}
    for screen, viewport, colours in MODES:
        auditor.set_viewport_size(viewport)
        auditor.evaluate(TOGGLE, SCHEME[colours])
        auditor.wait_for_function(SWITCHED, arg=SCHEME[colours], timeout=5000)
        found[f"{screen} {colours}"] = auditor.evaluate(RUN_AXE)
    assert {mode: violations for mode, violations in found.items() if violations} == {}


@pytest.mark.parametrize("colours", ["light", "dark"])
def test_no_axe_violations_in_the_search_dialog_with_all_its_lines(browser: Any, axe_source: str, served: str,
                                                                   colours: str) -> None:
    """The open search dialog on a phone, showing the query as searched ("Searched for ..."), the help
    line, a result with a missing word and highlighted words."""
    tab = browser.new_page(color_scheme="light", viewport=PHONE)
    try:
        tab.add_init_script(START_LIGHT)
        tab.add_init_script(axe_source)
        tab.goto(served + "/pain/outer-hip-pain/")
        tab.evaluate(TOGGLE, SCHEME[colours])
        tab.wait_for_function(SWITCHED, arg=SCHEME[colours], timeout=5000)
        tab.locator('label.md-header__button[for="__search"]').click()
        tab.locator("input.md-search__input").fill("my abdomem hurts qqzx")
        tab.wait_for_selector(".atlas-search-spelt:not([hidden])")
        tab.wait_for_selector(".atlas-search-help:not([hidden])")
        tab.wait_for_selector(".md-search-result__terms")
        assert tab.evaluate(RUN_AXE) == []
    finally:
        tab.context.close()
