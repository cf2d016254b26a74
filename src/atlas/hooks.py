"""MkDocs hooks: the extras a built page gets that a Markdown extension cannot give it.

- each page's full address as a QR code (SVG, made here with segno) for printed handouts;
- after the build, the alias redirects and the graph JSON (atlas.publish).

Everything here is optional for the site to make sense: without it, pages simply print without a
QR code, and short aliases are not published. Another generator can run `python -m atlas.publish`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import segno

from .publish import publish


def on_page_context(context: dict[str, Any], page: Any, config: Any, **_: Any) -> dict[str, Any]:
    address = page.canonical_url or page.url
    if address:
        qr = segno.make(address, error="m")
        page.meta["atlas_address"] = address
        page.meta["atlas_qr"] = qr.svg_inline(scale=3, border=2, dark="#000", light="#fff", omitsize=True,
                                              title=f"QR code for {address}")
    return context


def on_post_build(config: Any, **_: Any) -> None:
    publish(Path(config["docs_dir"]), Path(config["site_dir"]))
