"""A Python-Markdown extension that names the footnote back-links and the heading permalinks with
`aria-label` instead of `title`: a screen reader reads the same words, and Material does not build a
tooltip for each of them when the page opens (a long page has over a hundred; with `content.tooltips`
each costs the phone time before the page responds). Abbreviations keep their `title`, and with it
their tooltip.
"""

from __future__ import annotations

from typing import Any
from xml.etree.ElementTree import Element

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

NAMED_BY_LABEL = ("footnote-backref", "headerlink")  # link classes whose title becomes their aria-label


class TitleToLabelProcessor(Treeprocessor):
    def run(self, root: Element) -> None:
        for link in root.iter("a"):
            title = link.get("title")
            if title and set(link.get("class", "").split()) & set(NAMED_BY_LABEL):
                del link.attrib["title"]
                link.set("aria-label", title)


class TitleToLabelExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        # After the footnotes (priority 50) and the table of contents' permalinks (priority 5).
        md.treeprocessors.register(TitleToLabelProcessor(md), "atlas_titles", 1)


def makeExtension(**kwargs: Any) -> TitleToLabelExtension:  # noqa: N802 - Python-Markdown's name
    return TitleToLabelExtension(**kwargs)
