"""The Markdown side of the site's pictures: a paragraph that is just a marker line becomes a picture."""

from __future__ import annotations

import re
from collections.abc import Callable
from xml.etree.ElementTree import Element

from markdown import Markdown
from markdown.blockprocessors import BlockProcessor


class MarkerProcessor(BlockProcessor):
    """Replaces a paragraph that is just a marker line with the picture `draw` appends for it."""

    def __init__(self, md: Markdown, pattern: re.Pattern[str], draw: Callable[[Element, re.Match[str]], None]) -> None:
        super().__init__(md.parser)
        self.pattern = pattern
        self.draw = draw

    def test(self, parent: Element, block: str) -> bool:
        return bool(self.pattern.fullmatch(block.strip()))

    def run(self, parent: Element, blocks: list[str]) -> None:
        match = self.pattern.fullmatch(blocks.pop(0).strip())
        assert match is not None
        self.draw(parent, match)
