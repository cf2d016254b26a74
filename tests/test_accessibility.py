"""Accessibility in a real browser: axe-core (the npm package, pinned and checked by scripts/dev.py)
run in Chromium on the built site. Every page is checked on a phone in light mode; one page of each
kind is also checked on a phone in dark mode and on a desktop in light and dark mode. Any violation
fails, with the rule, the element and axe's reason."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from atlas import model
from sites import quiet_tab

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
PAGES = sorted(model.page_url(path.relative_to(DOCS).as_posix())
               for path in DOCS.rglob("*.md") if not path.relative_to(DOCS).as_posix().startswith("_"))
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
MODES = {"phone-dark": (PHONE, "dark"), "desktop-light": (DESKTOP, "light"), "desktop-dark": (DESKTOP, "dark")}
# One page of each kind, checked in every mode.
SAMPLE = ["/", "/where-does-it-hurt/", "/urgent/", "/pain/outer-hip-pain/", "/muscles/iliopsoas/",
          "/stretches/half-kneeling-hip-flexor/", "/about/contributing/"]
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


def open_tab(browser: Any, axe_source: str, viewport: dict[str, int], scheme: str) -> Any:
    tab = quiet_tab(browser, viewport=viewport, color_scheme=scheme)
    tab.add_init_script(axe_source)
    return tab


@pytest.fixture(scope="module")
def phone_light(browser: Any, axe_source: str) -> Any:
    page = open_tab(browser, axe_source, PHONE, "light")
    yield page
    page.context.close()


def test_the_sample_covers_every_kind_and_exists() -> None:
    assert set(SAMPLE) <= set(PAGES)
    kinds = {model.kind_of(path.relative_to(DOCS).as_posix()) for path in DOCS.rglob("*.md")
             if model.page_url(path.relative_to(DOCS).as_posix()) in SAMPLE}
    assert {"pain", "muscle", "stretch", "index", "other"} <= kinds


@pytest.mark.parametrize("address", PAGES)
def test_no_axe_violations_on_a_phone(phone_light: Any, served: str, address: str) -> None:
    phone_light.goto(served + address)
    assert phone_light.evaluate(RUN_AXE) == []


@pytest.mark.parametrize("mode", MODES)
def test_no_axe_violations_in_dark_mode_and_on_a_desktop(browser: Any, axe_source: str, served: str, mode: str) -> None:
    viewport, scheme = MODES[mode]
    page = open_tab(browser, axe_source, viewport, scheme)
    found = {}
    for address in SAMPLE:
        page.goto(served + address)
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == (
            "slate" if scheme == "dark" else "default")
        found[address] = page.evaluate(RUN_AXE)
    page.context.close()
    assert {address: violations for address, violations in found.items() if violations} == {}
