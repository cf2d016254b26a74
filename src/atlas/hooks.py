"""MkDocs hooks: the extras a built page gets that a Markdown extension cannot give it.

- each page's kind from the page model, for the templates (a pain or stretch page prints as a handout);
- each page's full address as a QR code (SVG, made here with segno) for printed handouts;
- each page's schema.org structured data (atlas.structured), from its front matter;
- after the build, the alias redirects and the graph JSON (atlas.publish).

Everything here is optional for the site to make sense: without it, pages simply print without a
QR code, carry no structured data, and short aliases are not published. Another generator can run `python -m atlas.publish`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import segno

from .publish import publish
from .model import kind_of
from .structured import json_ld


def on_page_context(context: dict[str, Any], page: Any, config: Any, **_: Any) -> dict[str, Any]:
    if page.file:
        page.meta["atlas_kind"] = kind_of(page.file.src_uri)
    address = page.canonical_url or page.url
    if address:
        qr = segno.make(address, error="m")
        page.meta["atlas_address"] = address
        page.meta["atlas_qr"] = qr.svg_inline(scale=3, border=2, dark="#000", light="#fff", omitsize=True,
                                              title=f"QR code for {address}")
    if page.file and page.meta.get("title"):
        page.meta["atlas_json_ld"] = json_ld(page.file.src_uri, page.meta, page.title, page.canonical_url,
                                             config["site_name"], config["site_url"])
    return context


def on_post_build(config: Any, **_: Any) -> None:
    publish(Path(config["docs_dir"]), Path(config["site_dir"]))
