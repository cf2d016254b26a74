"""Search finds the right page from a person's own words: every query in search_queries.yml is typed
into the site's real search box in headless Chromium, and an expected page must be among the first
three page results for at least 95% of them."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml

QUERIES = yaml.safe_load((Path(__file__).parent / "search_queries.yml").read_text(encoding="utf-8"))
TOP = 3
PASS_RATE = 0.95
DOCS = Path(__file__).resolve().parent.parent / "docs"


def page_of(href: str) -> str:
    return urlsplit(href).path.strip("/")


def search(page: Any, query: str) -> list[str]:
    """Put `query` into the search box as a person would (all but the last key at once, then the last
    key typed); return the result pages, best first, once they have settled."""
    box = page.locator("input.md-search__input")
    box.click()
    box.fill("")
    page.wait_for_function("!document.querySelector('li.md-search-result__item')")
    box.fill(query[:-1])
    page.keyboard.type(query[-1:])
    previous, stable, deadline = None, 0, time.monotonic() + 10
    while stable < 2 and time.monotonic() < deadline:  # results, or "no results", the same twice running
        time.sleep(0.05)
        current = page.eval_on_selector_all(
            "li.md-search-result__item > a.md-search-result__link:first-child",
            "links => links.map(link => link.getAttribute('href'))",
        )
        meta = page.text_content(".md-search-result__meta") or ""
        answered = bool(current) or "No matching" in meta
        stable = stable + 1 if answered and current == previous and "Initializing" not in meta else 0
        previous = current
    return [page_of(href) for href in previous or []]


@pytest.fixture(scope="module")
def search_page(browser: Any, served: str) -> Any:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(served + "/")
    page.wait_for_selector(".md-search-result__meta")
    yield page
    page.close()


def test_query_file_is_well_formed() -> None:
    assert len(QUERIES) >= 60
    for item in QUERIES:
        assert set(item) == {"query", "expect"}, item
        for expected in item["expect"]:
            assert (DOCS / f"{expected}.md").is_file() or (DOCS / expected / "index.md").is_file(), expected


def test_search_finds_the_expected_page_in_the_top_three(search_page: Any) -> None:
    misses = []
    for item in QUERIES:
        found = search(search_page, item["query"])
        if not set(found[:TOP]) & set(item["expect"]):
            misses.append(f"  {item['query']!r}: got {found[:TOP]}, expected one of {item['expect']}")
    rate = 1 - len(misses) / len(QUERIES)
    report = f"{len(QUERIES) - len(misses)}/{len(QUERIES)} queries found an expected page in the top {TOP}"
    print(report, *misses, sep="\n")
    assert rate >= PASS_RATE, report + " (misses above)\n" + "\n".join(misses)
