"""Links that last: each page's address, its short aliases, and the committed list of published URLs.

A page's address comes from its file (`muscles/piriformis.md` is `/muscles/piriformis/`). A page may
add short aliases in its front matter (`aliases: [piriformis-stretch]`, published as redirects at
`/piriformis-stretch/`). When `docs/_data/published-urls.txt` exists, every URL in it must still lead
somewhere, and every page and alias must be in it, so a rename cannot silently break a link.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from ..model import PUBLISHED_FILE, page_url
from .pages import Finding, Page


ALIAS = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# Top-level names the site itself uses, besides its pages' folders.
BUILT_NAMES = frozenset({"assets", "search", "sitemap.xml", "sitemap.xml.gz", "404.html", "atlas-graph.json"})


def aliases_of(page: Page) -> list[str]:
    value = page.meta.get("aliases")
    return [a for a in value if isinstance(a, str) and ALIAS.fullmatch(a)] if isinstance(value, list) else []


def alias_problem(value: object) -> str | None:
    if not isinstance(value, list) or not value or not all(isinstance(a, str) and ALIAS.fullmatch(a) for a in value):
        return "must be a list of short lower-case names with hyphens, e.g. [piriformis-stretch]"
    return None


def redirects(pages: dict[str, Page]) -> dict[str, str]:
    """Alias URL -> the address of the page it leads to (clashes are left to the checker)."""
    found: dict[str, str] = {}
    for rel in sorted(pages):
        for alias in aliases_of(pages[rel]):
            found.setdefault(f"/{alias}/", page_url(rel))
    return found


def check_urls(docs: Path, pages: dict[str, Page], shown_root: str) -> Iterable[Finding]:
    readable = {rel: page for rel, page in pages.items() if page.readable}
    taken = {page_url(rel).strip("/").split("/")[0] for rel in readable} | BUILT_NAMES
    seen: dict[str, str] = {}
    for rel in sorted(readable):
        page = readable[rel]
        line = page.field_lines.get("aliases", 1)
        for alias in aliases_of(page):
            if alias in taken:
                yield Finding(page.shown, line, "ALIAS_CLASH",
                              f"alias '{alias}' is already the site's own /{alias}/: choose another name")
            elif alias in seen and seen[alias] != rel:
                yield Finding(page.shown, line, "ALIAS_CLASH",
                              f"alias '{alias}' is already an alias of {seen[alias]}")
            else:
                seen[alias] = rel
    listing = docs / PUBLISHED_FILE
    if not listing.is_file():
        return
    shown = f"{shown_root}/{PUBLISHED_FILE}" if shown_root else PUBLISHED_FILE
    listed: dict[str, int] = {}
    for number, raw in enumerate(listing.read_text(encoding="utf-8", errors="replace").splitlines(), start=1):
        url = raw.split("#", 1)[0].strip()
        if url:
            listed.setdefault(url, number)
    live = {page_url(rel): page for rel, page in readable.items()}
    live_aliases = {f"/{alias}/": readable[rel] for alias, rel in seen.items()}
    for url, number in sorted(listed.items(), key=lambda item: item[1]):
        if url not in live and url not in live_aliases:
            yield Finding(shown, number, "URL_GONE",
                          f"{url} was published but no page or alias has it now: add it as an alias of the "
                          "page that replaced it")
    for url, page in sorted({**live, **live_aliases}.items()):
        if url not in listed:
            line = page.field_lines.get("aliases", 1) if url in live_aliases else 1
            yield Finding(page.shown, line, "URL_UNLISTED",
                          f"{url} is not in {PUBLISHED_FILE}: add it, so that it is kept working")
