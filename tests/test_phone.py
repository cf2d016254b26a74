"""Phone first, on a 390 x 844 screen in headless Chromium: the home page shows a search box (that
searches), the body map and urgent help on the first screen, and tables of three or more columns
become labelled cards that fit the screen."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from atlas import model
from sites import PHONE
from test_search import COUNT_SEARCHES, SETTLED, page_of

ROOT = Path(__file__).resolve().parent.parent
SCREEN = PHONE["height"]
PAIN = sorted(p.stem for p in (ROOT / "docs" / model.FOLDER_BY_KIND["pain"]).glob("*.md") if p.name != "index.md")


@pytest.fixture(scope="module")
def phone(reader: Any) -> Any:
    reader.set_viewport_size(PHONE)
    return reader


@pytest.mark.parametrize("name", PAIN)
def test_a_pain_table_is_labelled_cards_that_fit_the_screen(phone: Any, quiet: str, name: str) -> None:
    phone.goto(f"{quiet}/{model.FOLDER_BY_KIND['pain']}/{name}/")
    table = phone.locator(".atlas-section--muscles-that-can-cause-this-pain table").first
    assert table.evaluate("t => t.scrollWidth <= t.closest('article').clientWidth + 1"), "wider than the screen"
    assert table.evaluate("t => [...t.querySelectorAll('tbody td')].every(td => td.dataset.label)")
    assert table.evaluate("t => getComputedStyle(t.querySelector('tbody td'), '::before').content !== 'none'")
    assert table.evaluate("t => getComputedStyle(t.querySelector('tbody tr')).display === 'block'"), "not cards"


def test_the_home_page_starts_with_a_search_box_that_searches(browser: Any, served: str) -> None:
    page = browser.new_page(viewport=PHONE)
    page.add_init_script(COUNT_SEARCHES)
    page.goto(served + "/")
    box = page.get_by_role("searchbox", name="Where does it hurt, and how? Search in your own words")
    shown = box.bounding_box()
    assert shown is not None and shown["y"] + shown["height"] <= SCREEN, "the search box is below the first screen"
    assert shown["height"] >= 44, "the search box is smaller than a finger"
    assert page.get_by_role("link", name="Tap where it hurts on the body map").bounding_box()["y"] < SCREEN
    assert page.get_by_role("link", name="When to get help now").first.bounding_box()["y"] < SCREEN
    box.click()
    page.keyboard.type("sciatica")
    found = [page_of(href) for href in page.evaluate(SETTLED)]
    assert "pain/side-of-leg-pain" in found[:3], found
    page.close()
