"""A Python-Markdown extension that puts each `##` section of a page in its own element,
`<section class="atlas-section atlas-section--<heading-in-kebab-case>">`, so the print stylesheet can
keep a handout to what a patient needs (and style each part) without any change to the pages.
"""

from __future__ import annotations

import re
from typing import Any
from xml.etree.ElementTree import Element

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from . import model


def section_class(heading: str) -> str:
    return "atlas-section--" + "-".join(re.findall(r"[a-z0-9]+", heading.lower()))


class SectionProcessor(Treeprocessor):
    def run(self, root: Element) -> None:
        children = list(root)
        if not any(child.tag == "h2" for child in children):
            return
        for child in children:
            root.remove(child)
        section: Element | None = None
        for child in children:
            if child.tag == "h2":
                words = [child.text or ""] + [
                    "".join(sub.itertext()) + (sub.tail or "") for sub in child if sub.get("class") != "headerlink"
                ]
                text = "".join(words).strip()
                section = Element("section", {"class": f"atlas-section {section_class(text)}"})
                if text == model.REFERENCES_SECTION:  # the sources: on the page, not in the search index
                    section.set("data-search-exclude", "")
                root.append(section)
            (section if section is not None else root).append(child)


class SectionExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        md.treeprocessors.register(SectionProcessor(md), "atlas_sections", 4)  # after the table of contents


def makeExtension(**kwargs: Any) -> SectionExtension:  # noqa: N802 - Python-Markdown's name
    return SectionExtension(**kwargs)
