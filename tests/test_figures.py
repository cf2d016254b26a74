"""Every muscle, pain and stretch page shows its picture: present, with a text alternative, and drawn
inside its own box, on a phone and on a desktop, in headless Chromium (one load of each page, laid out
at both widths)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from sites import DESKTOP, PHONE

ROOT = Path(__file__).resolve().parent.parent
FIGURE = {"pain": "figure.atlas-painmap", "muscles": "figure.atlas-painmap", "stretches": "figure.atlas-stretch"}
PAGES = sorted(
    f"{folder}/{path.stem}" for folder in FIGURE for path in (ROOT / "docs" / folder).glob("*.md")
    if path.name != "index.md"
)
VIEWPORTS = {"phone": PHONE, "desktop": DESKTOP}

# For each picture: its text alternative, whether the drawing stays inside the viewBox, and whether
# the picture stays inside the page's content column.
MEASURE = """figure => {
  const column = figure.closest('article').getBoundingClientRect();
  return [...figure.querySelectorAll('svg')].map(svg => {
    const box = svg.viewBox.baseVal, drawn = svg.getBBox(), shown = svg.getBoundingClientRect();
    return {
      label: svg.getAttribute('aria-label') || '',
      role: svg.getAttribute('role'),
      inside: drawn.x >= box.x - 0.5 && drawn.y >= box.y - 0.5 &&
              drawn.x + drawn.width <= box.x + box.width + 0.5 && drawn.y + drawn.height <= box.y + box.height + 0.5,
      visible: shown.width > 50 && shown.height > 50,
      inColumn: shown.left >= column.left - 1 && shown.right <= column.right + 1,
    };
  });
}"""


@pytest.mark.parametrize("page_path", PAGES)
def test_page_shows_its_picture(reader: Any, quiet: str, page_path: str) -> None:
    reader.set_viewport_size(VIEWPORTS["phone"])
    reader.goto(f"{quiet}/{page_path}/")
    figure = reader.locator(FIGURE[page_path.split("/")[0]])
    assert figure.count() == 1, "the page's picture is missing"
    caption = figure.locator("figcaption").inner_text().strip()
    assert len(caption) > 40, "the picture has no caption in words"
    for name, viewport in VIEWPORTS.items():  # the same page, laid out again at each width
        reader.set_viewport_size(viewport)
        pictures = figure.first.evaluate(MEASURE)
        assert pictures, "the figure holds no drawing"
        for picture in pictures:
            assert picture["role"] == "img" and len(picture["label"]) > 30, picture
            assert picture["inside"], f"a drawing spills out of its box: {picture['label'][:60]}"
            assert picture["visible"] and picture["inColumn"], (name, picture)
