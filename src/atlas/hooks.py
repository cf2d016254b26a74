"""MkDocs hooks: the extras a built page gets that a Markdown extension cannot give it.

- each page's kind from the page model, for the templates (a pain or stretch page prints as a handout);
- each page's full address as a QR code (SVG, made here with segno) for printed handouts;
- each page's schema.org structured data (atlas.structured), from its front matter;
- the "Skip to content" link aimed at the start of the page (its title), not past the summary and
  the urgent-care box to the first section;
- each page's hidden search tags: its own names and every form of their words (atlas.wordforms), so
  that search finds a page by its name first and by any form of a word in it;
- after the build, the alias redirects and the graph JSON (atlas.publish).

Everything here is optional for the site to make sense: without it, pages simply print without a
QR code, carry no structured data, search matches only the words as written, and short aliases are
not published. Another generator can run `python -m atlas.publish`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import segno
from mkdocs.structure.toc import AnchorLink, TableOfContents

from .publish import publish
from .model import EVERYDAY_WORDS_FILE, FOLDER_BY_KIND, kind_of, meta_of, read_page
from .structured import json_ld
from .wordforms import common_words, everyday_words, plain_words, search_tags

# The id of the empty target at the very start of a page's content (overrides/main.html).
CONTENT_START = "atlas-content"


_common_words: frozenset[str] = frozenset()  # words in many pages' names, found afresh each build
_plain: frozenset[str] = frozenset()  # words in the text of most pages, found afresh each build
_everyday: dict[str, list[str]] = {}  # docs/_data/everyday-words.yml, read afresh each build


def on_files(files: Any, config: Any, **_: Any) -> Any:
    global _common_words, _everyday, _plain  # noqa: PLW0603 - one value per build, read by on_page_markdown
    texts = [read_page(Path(f.abs_src_path)) for f in files.documentation_pages()]  # each page read once
    _common_words = common_words(meta_of(text) for text in texts)
    _everyday = everyday_words(Path(config["docs_dir"]) / EVERYDAY_WORDS_FILE)
    _plain = plain_words(texts)
    return files


def on_page_markdown(markdown: str, page: Any, **_: Any) -> str:
    """Before the search index reads the page: its names and their word forms become its search tags."""
    if page.meta.get("title"):
        page.meta["tags"] = search_tags(page.meta, _common_words, _everyday, _plain)
    return markdown


def on_page_context(context: dict[str, Any], page: Any, config: Any, nav: Any, **_: Any) -> dict[str, Any]:
    if page.file:
        page.meta["atlas_kind"] = kind_of(page.file.src_uri)
        _mark_section(page, nav)
    address = page.canonical_url or page.url
    if address:
        qr = segno.make(address, error="m")
        page.meta["atlas_address"] = address
        page.meta["atlas_qr"] = qr.svg_inline(scale=3, border=2, dark="#000", light="#fff", omitsize=True,
                                              title=f"QR code for {address}")
    _skip_to_start(page)
    if page.file and page.meta.get("title"):
        page.meta["atlas_json_ld"] = json_ld(page.file.src_uri, page.meta, page.title, page.canonical_url,
                                             config["site_name"], config["site_url"])
    return context


def _skip_to_start(page: Any) -> None:
    """Material aims "Skip to content" at the first entry of the table of contents. On a page whose
    title comes from its front matter that is the first `##` section, past the summary and the
    urgent-care box; put the title in front, as Material's own level-1 entry (which its contents list
    leaves out), pointing at the start of the content."""
    items = list(page.toc.items) if page.toc else []
    if items and items[0].level == 1:
        return
    start = AnchorLink(page.title or "", CONTENT_START, 1)
    start.children = items
    page.toc = TableOfContents([start])


def _mark_section(page: Any, nav: Any) -> None:
    """A pain, muscle or stretch page is listed on its section's index page, not in the navigation:
    mark that section as the one the reader is in (its tab and sidebar entry), for this page only."""
    if page.parent is not None or kind_of(page.file.src_uri) not in FOLDER_BY_KIND:
        return
    index = f"{FOLDER_BY_KIND[kind_of(page.file.src_uri)]}/index.md"
    for item in nav.items:
        children = getattr(item, "children", None) or []
        if any(getattr(child, "file", None) is not None and child.file.src_uri == index for child in children):
            item.active = True
            page.meta["atlas_section"] = item
            return


def on_post_page(output: str, page: Any, **_: Any) -> str:
    section = page.meta.pop("atlas_section", None)
    if section is not None:
        section.active = False
    return output


def on_post_build(config: Any, **_: Any) -> None:
    publish(Path(config["docs_dir"]), Path(config["site_dir"]))
