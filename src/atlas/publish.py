"""What the built site publishes besides its pages: a redirect page for every short alias, the
whole pain / muscle / stretch graph as one JSON file (`atlas-graph.json`) for other tools, and each
page's own names for search (`search/names.json`): a query that is exactly a page's title, alias or
other name (`also_called`) puts that page first in the results (overrides/main.html), since
Material's ranking adds up matching words and cannot tell a name from a mention; and the words for each body zone with the pain pages
for it (`search/zones.json`, from docs/_data/zone-words.yml): a query that says where it hurts ("the
outside of my hip") keeps a pain page for that place in the first three results; and the warning signs
(`search/urgent.json`, from docs/_data/urgent-signs.yml): a query that names one ("couldn't empty my
bladder") puts "When to get help now" first; and the words of page names with the real words near
them (`search/spelling.json`, atlas.spelling), so that a misspelt name ("piriformus") is put right.

Runs after any build: `python -m atlas.publish [SITE] [--docs DOCS]`. The MkDocs build runs it itself
(scripts/atlas_hooks.py), so `mkdocs build` and `mkdocs serve` publish both.
"""

from __future__ import annotations

import argparse
import html
import json
import posixpath
import re
import sys
from collections.abc import Callable
from pathlib import Path

from .check.cli import DEFAULT_DOCS, graph_json, load
from .check.pages import Page
from .check.rules import graph_of
from .check.urls import aliases_of, redirects
from .data import ZoneWords, load_urgent_signs, load_zone_words
from .model import EVERYDAY_WORDS_FILE, URGENT_PAGE, page_url
from .spelling import spelling_table
from .wordforms import WORD, everyday_words

GRAPH_FILE = "atlas-graph.json"
NAMES_FILE = "search/names.json"
ZONES_FILE = "search/zones.json"
URGENT_FILE = "search/urgent.json"
SPELLING_FILE = "search/spelling.json"
NOT_A_NAME = re.compile(r"[\W_]+", re.ASCII)  # the same in the script that reads the file


def redirect_page(alias_url: str, target_url: str) -> str:
    """A static page that sends the reader on, with or without JavaScript."""
    relative = posixpath.relpath(target_url, alias_url) + "/"
    href = html.escape(relative, quote=True)
    return (
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<title>Redirecting to {html.escape(target_url)}</title>\n"
        f"<link rel=\"canonical\" href=\"{href}\">\n<meta name=\"robots\" content=\"noindex\">\n"
        f"<meta http-equiv=\"refresh\" content=\"0; url={href}\">\n"
        f"<script>location.replace({json.dumps(relative)} + location.hash)</script>\n</head>\n"
        f"<body><p>This page is at <a href=\"{href}\">{html.escape(target_url)}</a>.</p></body>\n</html>\n"
    )


def tidy_search_index(site: Path, pages: dict[str, Page]) -> int:
    """Material's search index copies a page's front-matter title and tags as they are, and its results
    show them as HTML. Escape them there (the checker rejects markup in front matter; this is the second
    guard). It also copies the tags (a page's names and their word forms, atlas.wordforms) onto every
    section of the page: keep them on the page's own entry only, so that a name leads to the page itself
    and the index does not carry them once per section. Return how many entries were changed."""
    index = site / "search" / "search_index.json"
    if not index.is_file():
        return 0
    data = json.loads(index.read_text(encoding="utf-8"))
    titles = {page_url(rel).lstrip("/"): page.title for rel, page in pages.items() if page.title}
    changed = 0
    for doc in data.get("docs", []):
        raw = titles.get(str(doc.get("location", "")).split("#", 1)[0])
        if raw is not None and doc.get("title") == raw and html.escape(raw, quote=False) != raw:
            doc["title"] = html.escape(raw, quote=False)
            changed += 1
        tags = doc.get("tags")
        if "#" in str(doc.get("location", "")) and tags:
            del doc["tags"]
            changed += 1
            continue
        if isinstance(tags, list) and any(html.escape(str(tag), quote=False) != str(tag) for tag in tags):
            doc["tags"] = [html.escape(str(tag), quote=False) for tag in tags]
            changed += 1
    if changed:
        index.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return changed


def index_words(site: Path) -> set[str]:
    """The lower-case words of the built search index (titles, text and tags), or none without one."""
    index = site / "search" / "search_index.json"
    if not index.is_file():
        return set()
    found: set[str] = set()
    for doc in json.loads(index.read_text(encoding="utf-8")).get("docs", []):
        text = " ".join([str(doc.get("title", "")), str(doc.get("text", "")), *map(str, doc.get("tags") or [])])
        found.update(WORD.findall(html.unescape(re.sub(r"<[^>]+>", " ", text)).lower()))
    return found


def name_key(name: str) -> str:
    """How a name and a query are compared: lower case, words only ("Knee-to-chest" = "knee to chest")."""
    return NOT_A_NAME.sub(" ", name.lower()).strip()


def own_names(pages: dict[str, Page]) -> dict[str, str]:
    """{a page's title, alias or other name (`also_called`), compared as `name_key`: the page's address
    without its leading slash} for every page search can find. A title or alias wins over another
    page's other name; a name two pages share in the same rank leads to neither."""
    found: dict[str, str] = {}
    for names_of in (_title_and_aliases, _other_names):
        found.update((key, url) for key, url in _unshared_names(pages, names_of).items() if key not in found)
    return found


def _title_and_aliases(page: Page) -> list[str]:
    return [page.title, *(alias.replace("-", " ") for alias in aliases_of(page))]


def _other_names(page: Page) -> list[str]:
    return [str(name) for name in page.meta.get("also_called") or []]


def _unshared_names(pages: dict[str, Page], names_of: Callable[[Page], list[str]]) -> dict[str, str]:
    """{each name `names_of` gives a page search can find, as `name_key`: that page's address}, leaving
    out a name two pages share."""
    found: dict[str, str] = {}
    shared: set[str] = set()
    for rel in sorted(pages):
        page = pages[rel]
        if not page.title or not _searchable(page):
            continue
        for name in names_of(page):
            key, url = name_key(name), page_url(rel).lstrip("/")
            if key and found.setdefault(key, url) != url:
                shared.add(key)
    return {key: url for key, url in found.items() if key not in shared}


def _searchable(page: Page) -> bool:
    """Whether search can find the page (its front matter does not say `search: {exclude: true}`)."""
    return not (page.meta.get("search") or {}).get("exclude")


def zone_pages(pages: dict[str, Page], words: ZoneWords) -> list[dict[str, object]]:
    """For each zone with words: the words, the pain pages whose first (main) zone it is, and every pain
    page that names it, each list in the order of the pages' paths."""
    pain = [(page_url(rel).lstrip("/"), page.meta.get("zones") or []) for rel, page in sorted(pages.items())
            if page.kind == "pain" and _searchable(page)]
    return [{"zone": zone, **named,
             "main": [url for url, zones in pain if zones[:1] == [zone]],
             "any": [url for url, zones in pain if zone in zones]}
            for zone, named in words.items()]


def publish(docs: Path, site: Path) -> list[str]:
    """Write the redirects and the graph into the built site; return what was written."""
    pages, _problems = load(docs, "docs")  # the checker reports problems; publishing never blocks on them
    graph = graph_of(pages)
    written: list[str] = []
    for alias_url, target_url in redirects(graph.pages).items():
        path = site / alias_url.strip("/") / "index.html"
        if path.exists() and "Redirecting to" not in path.read_text(encoding="utf-8", errors="replace"):
            continue  # never overwrite a real page (the checker reports the clash)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(redirect_page(alias_url, target_url), encoding="utf-8")
        written.append(alias_url)
    (site / GRAPH_FILE).write_text(json.dumps(graph_json(graph), indent=1), encoding="utf-8")
    tidy_search_index(site, graph.pages)
    written.append(f"/{GRAPH_FILE}")
    if (site / NAMES_FILE).parent.is_dir():  # only where the site has search
        (site / NAMES_FILE).write_text(json.dumps(own_names(graph.pages), separators=(",", ":")), encoding="utf-8")
        written.append(f"/{NAMES_FILE}")
        zones = zone_pages(graph.pages, load_zone_words(docs)[0])  # the checker reports its problems
        (site / ZONES_FILE).write_text(json.dumps(zones, separators=(",", ":")), encoding="utf-8")
        written.append(f"/{ZONES_FILE}")
        signs = {"page": page_url(URGENT_PAGE).lstrip("/") if URGENT_PAGE in graph.pages else "",
                 "signs": list(load_urgent_signs(docs)[0].values())}  # the checker reports its problems
        (site / URGENT_FILE).write_text(json.dumps(signs, separators=(",", ":")), encoding="utf-8")
        written.append(f"/{URGENT_FILE}")
        table = spelling_table((page.meta for page in graph.pages.values() if _searchable(page)),
                               everyday_words(docs / EVERYDAY_WORDS_FILE), index_words(site))
        (site / SPELLING_FILE).write_text(json.dumps(table, separators=(",", ":")), encoding="utf-8")
        written.append(f"/{SPELLING_FILE}")
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m atlas.publish", description=__doc__.split("\n\n")[0])
    parser.add_argument("site", nargs="?", default="site", help="the built site folder (default: site)")
    parser.add_argument("--docs", default=str(DEFAULT_DOCS), help="the docs folder (default: the project's docs/)")
    args = parser.parse_args(argv)
    site, docs = Path(args.site), Path(args.docs)
    if not site.is_dir() or not docs.is_dir():
        print(f"atlas.publish: error: folder not found: {site if not site.is_dir() else docs}", file=sys.stderr)
        return 2
    written = publish(docs, site)
    print(f"Published {len(written) - 1} redirects and {GRAPH_FILE} in {site}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
