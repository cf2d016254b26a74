"""Phone first, on a 390 x 844 screen in headless Chromium: the home page shows a search box (that
searches), the body map and urgent help on the first screen; a pain page shows its summary, pain
map, a link to the warning signs and the start of its muscles table within three screens, and the
table as labelled cards that fit the screen; a stretch page shows its first step within two."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from atlas import model
from sites import PHONE
from test_search import COUNT_SEARCHES, SETTLED, page_of

ROOT = Path(__file__).resolve().parent.parent
SCREEN = PHONE["height"]


def names_of(kind: str) -> list[str]:
    """The file names (without .md) of every page of a kind."""
    folder = ROOT / "docs" / model.FOLDER_BY_KIND[kind]
    return sorted(path.stem for path in folder.glob("*.md") if path.name != "index.md")


PAIN = names_of("pain")
STRETCHES = names_of("stretch")
# Where something starts on the page, in CSS pixels from the top (None if it is missing).
TOP = "selector => { const found = document.querySelector(selector); return found && found.getBoundingClientRect().top + scrollY; }"
LINE = 24  # about one line of text: what must show of the first step for it to count as on screen


@pytest.fixture(scope="module")
def phone(reader: Any) -> Any:
    reader.set_viewport_size(PHONE)
    return reader


@pytest.mark.parametrize("name", PAIN)
def test_a_pain_page_starts_with_its_answer_and_its_table_is_cards(phone: Any, quiet: str, name: str) -> None:
    phone.goto(f"{quiet}/{model.FOLDER_BY_KIND['pain']}/{name}/")
    for what, selector in (("summary", ".admonition.summary"), ("pain map", "figure.atlas-painmap"),
                           ("muscles table", ".atlas-section--muscles-that-can-cause-this-pain table")):
        top = phone.evaluate(TOP, selector)
        assert top is not None and top + LINE <= 3 * SCREEN, f"the {what} starts at {top} px, below the third screen"
    link = phone.locator(".atlas-urgent-pointer a[href='#warning-signs']")
    assert phone.evaluate(TOP, ".atlas-urgent-pointer") < 3 * SCREEN and link.count() == 1, "no early way to the warning signs"
    assert phone.locator("#warning-signs .admonition.danger").count() == 1, "the warning-signs link leads nowhere"
    table = phone.locator(".atlas-section--muscles-that-can-cause-this-pain table").first
    assert table.evaluate("t => t.scrollWidth <= t.closest('article').clientWidth + 1"), "wider than the screen"
    assert table.evaluate("t => [...t.querySelectorAll('tbody td')].every(td => td.dataset.label)")
    assert table.evaluate("t => getComputedStyle(t.querySelector('tbody td'), '::before').content !== 'none'")
    assert table.evaluate("t => getComputedStyle(t.querySelector('tbody tr')).display === 'block'"), "not cards"


@pytest.mark.parametrize("name", STRETCHES)
def test_a_stretch_page_shows_its_first_step_within_two_screens(phone: Any, quiet: str, name: str) -> None:
    phone.goto(f"{quiet}/{model.FOLDER_BY_KIND['stretch']}/{name}/")
    picture = phone.evaluate(TOP, "figure.atlas-stretch")
    step = phone.evaluate(TOP, ".atlas-section--how-to-do-it ol > li")
    assert picture is not None and step is not None and picture < step
    assert step + LINE <= 2 * SCREEN, f"the first step starts at {step} px, below the second screen"


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
