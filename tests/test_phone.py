"""Phone first, on a 390 x 844 screen in headless Chromium: the home page shows a search box (that
searches), the body map and urgent help on the first screen; the body map shows both views within two
screens, its first label on the first, every label a tap target of 44 x 44 px or more that overlaps no
other and holds its words; a pain page shows its summary, pain
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


# Each label of the body map: its box, the box of its words, and whether a tap at its centre (with the
# label scrolled to the middle of the screen) lands on the label's own link.
LABELS = """() => [...document.querySelectorAll('a.atlas-zone')].map(link => {
  const target = link.querySelector('.atlas-hit');
  target.scrollIntoView({block: 'center', behavior: 'instant'});
  const box = target.getBoundingClientRect();
  const words = link.querySelector('.atlas-label').getBoundingClientRect();
  const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
  return {zone: link.dataset.zone, x: box.x, y: box.y + scrollY, w: box.width, h: box.height,
          words: [words.x, words.y + scrollY, words.right, words.bottom + scrollY],
          tapped: hit !== null && hit.closest('a') === link};
})"""


def test_the_body_map_fits_a_phone_with_labels_big_enough_to_tap(phone: Any, quiet: str) -> None:
    phone.goto(f"{quiet}/where-does-it-hurt/")
    views = phone.evaluate("[...document.querySelectorAll('.atlas-bodymap__view')].map(v => "
                           "{ const r = v.getBoundingClientRect(); return [r.top + scrollY, r.bottom + scrollY]; })")
    assert len(views) == 2
    assert views[-1][1] - views[0][0] <= 2 * SCREEN, f"the two views take {views[-1][1] - views[0][0]:.0f} px"
    first = phone.evaluate("document.querySelector('a.atlas-zone .atlas-hit').getBoundingClientRect().bottom + scrollY")
    assert first <= SCREEN, "no label to tap on the first screen"
    labels = phone.evaluate(LABELS)
    assert len(labels) >= 20
    width = PHONE["width"]
    for label in labels:
        assert label["w"] >= 44 and label["h"] >= 44, f"{label['zone']}: {label['w']:.0f} x {label['h']:.0f} px"
        assert 0 <= label["x"] and label["x"] + label["w"] <= width, f"{label['zone']} is off the screen"
        left, top, right, bottom = label["words"]
        assert label["x"] <= left and right <= label["x"] + label["w"], f"{label['zone']}: its words overflow"
        assert label["y"] <= top and bottom <= label["y"] + label["h"], f"{label['zone']}: its words overflow"
    for i, a in enumerate(labels):
        for b in labels[i + 1:]:
            apart = (a["x"] + a["w"] <= b["x"] or b["x"] + b["w"] <= a["x"]
                     or a["y"] + a["h"] <= b["y"] or b["y"] + b["h"] <= a["y"])
            assert apart, f"the labels {a['zone']} and {b['zone']} overlap"
    assert [label["zone"] for label in labels if not label["tapped"]] == [], "a tap there lands elsewhere"
