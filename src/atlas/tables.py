"""A Python-Markdown extension that labels each cell of a table with its column's heading,
`<td data-label="Stretches">`, so that on a phone the stylesheet can show each row as a card of
labelled lines (every column, in order) instead of a table wider than the screen. A cell of one or two
plain words also carries them, `<td data-label="Zone" data-value="Spill-over">`, so that a printed
handout can show a short column's value in another column. Tables of two columns fit a phone as they
are and are left alone. A table whose Zone column says "Main" or "Spill-over" gets a caption saying
what they mean (atlas.model.ZONE_KEY).
"""

from __future__ import annotations

import re
from typing import Any
from xml.etree.ElementTree import Element

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from .model import ZONE_COLUMN, ZONE_KEY, ZONE_VALUES

# The narrowest table that is shown as cards on a phone.
CARD_COLUMNS = 3
SHORT_WORDS = 2  # a cell of this many plain words or fewer carries them as data-value
_STASHED = re.compile("\x02[^\x03]*\x03")  # Python-Markdown's placeholders for raw HTML


def heading_text(cell: Element) -> str:
    return " ".join(_STASHED.sub("", "".join(cell.itertext())).split())


class TableLabelProcessor(Treeprocessor):
    def run(self, root: Element) -> None:
        for table in root.iter("table"):
            head = table.find("thead/tr")
            if head is None:
                continue
            labels = [heading_text(cell) for cell in head.findall("th")]
            if len(labels) < CARD_COLUMNS:
                continue
            zones = False
            for row in table.iterfind("tbody/tr"):
                for label, cell in zip(labels, row.findall("td")):
                    if label:
                        cell.set("data-label", label)
                    words = heading_text(cell)
                    if len(cell) == 0 and 0 < len(words.split()) <= SHORT_WORDS:
                        cell.set("data-value", words)
                        zones = zones or (label == ZONE_COLUMN and words in ZONE_VALUES)
            if zones:
                caption = Element("caption", {"data-search-exclude": ""})  # a key, not words to find the page by
                caption.text = ZONE_KEY
                table.insert(0, caption)


class TableLabelExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        md.treeprocessors.register(TableLabelProcessor(md), "atlas_tables", 3)  # after inline markup


def makeExtension(**kwargs: Any) -> TableLabelExtension:  # noqa: N802 - Python-Markdown's name
    return TableLabelExtension(**kwargs)
