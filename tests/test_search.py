"""Search finds the right page from a person's own words: every query in search_queries.yml is typed
into the site's real search box in headless Chromium, and an expected page must be among the first
three page results for at least 95% of them.

search_queries_heldout.yml holds queries written at the same time as the others but never used to
tune names, tags or aliases: their score shows how well search does on words nobody tuned for. Both
scores are printed; the held-out set must reach 80%."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml

from sites import DESKTOP, PHONE

QUERIES = yaml.safe_load((Path(__file__).parent / "search_queries.yml").read_text(encoding="utf-8"))
HELD_OUT = yaml.safe_load((Path(__file__).parent / "search_queries_heldout.yml").read_text(encoding="utf-8"))
TOP = 3
PASS_RATE = 0.95
HELD_OUT_PASS_RATE = 0.80
DOCS = Path(__file__).resolve().parent.parent / "docs"


def page_of(href: str) -> str:
    return urlsplit(href).path.strip("/")


# Counts the queries the page sends to Material's search worker and the results it gets back. Material
# draws the first results in the same task that receives them, so once every query has its answer
# (and one task later) the list on screen is the answer to the last query.
COUNT_SEARCHES = """(() => {
  const Native = window.Worker;
  window.atlasSearches = {sent: 0, answered: 0};
  window.Worker = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', event => { if (event.data?.type === 3) window.atlasSearches.answered++; });
    }
    postMessage(message, ...rest) {
      if (message?.type === 2) window.atlasSearches.sent++;
      return super.postMessage(message, ...rest);
    }
  };
})()"""
SETTLED = """async () => {
  const deadline = Date.now() + 10000;
  while ((!window.atlasSearches.sent || window.atlasSearches.answered < window.atlasSearches.sent) && Date.now() < deadline)
    await new Promise(resolve => setTimeout(resolve, 5));
  await new Promise(resolve => setTimeout(resolve, 0));
  return [...document.querySelectorAll('li.md-search-result__item > a.md-search-result__link:first-child')]
    .map(link => link.getAttribute('href'));
}"""


def search(page: Any, query: str) -> list[str]:
    """Put `query` into the search box as a person would (all but the last key at once, then the last
    key typed); return the result pages, best first, once the search has answered."""
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(query[:-1])
    page.keyboard.type(query[-1:])
    return [page_of(href) for href in page.evaluate(SETTLED)]


@pytest.fixture(scope="module")
def search_page(browser: Any, served: str) -> Any:
    page = browser.new_page(viewport=DESKTOP)
    page.add_init_script(COUNT_SEARCHES)
    page.goto(served + "/")
    page.wait_for_selector(".md-search-result__meta")
    page.wait_for_function("window.atlasSearches !== undefined")
    yield page
    page.close()


@pytest.mark.parametrize("queries", [QUERIES, HELD_OUT], ids=["tuned", "held-out"])
def test_query_file_is_well_formed(queries: list[dict[str, Any]]) -> None:
    assert len(queries) >= 10
    for item in queries:
        assert set(item) == {"query", "expect"}, item
        for expected in item["expect"]:
            assert (DOCS / f"{expected}.md").is_file() or (DOCS / expected / "index.md").is_file(), expected


def test_held_out_queries_are_not_also_tuned_queries() -> None:
    assert not {q["query"].lower() for q in QUERIES} & {q["query"].lower() for q in HELD_OUT}


def score(page: Any, queries: list[dict[str, Any]], name: str) -> tuple[float, str]:
    misses = []
    for item in queries:
        found = search(page, item["query"])
        if not set(found[:TOP]) & set(item["expect"]):
            misses.append(f"  {item['query']!r}: got {found[:TOP]}, expected one of {item['expect']}")
    report = (f"{name}: {len(queries) - len(misses)}/{len(queries)} queries found an expected page in the top {TOP}"
              + "".join("\n" + miss for miss in misses))
    print(report)
    return 1 - len(misses) / len(queries), report


def test_search_finds_the_expected_page_in_the_top_three(search_page: Any) -> None:
    rate, report = score(search_page, QUERIES, "tuned queries")
    assert rate >= PASS_RATE, report


def test_search_finds_held_out_queries_it_was_never_tuned_for(search_page: Any) -> None:
    rate, report = score(search_page, HELD_OUT, "held-out queries")
    assert rate >= HELD_OUT_PASS_RATE, report


def test_misspelling_tags_are_not_shown_in_results(search_page: Any) -> None:
    """A page's tags (misspellings such as "siatica") help search match, but readers never see them."""
    assert search(search_page, "siatica"), "the misspelling no longer finds the sciatica page"
    shown = search_page.eval_on_selector_all(
        ".md-search-result .md-tag", "tags => tags.filter(tag => tag.offsetParent !== null).map(tag => tag.textContent)")
    assert shown == []


def test_the_search_index_loads_only_when_the_reader_turns_to_search(browser: Any, served: str) -> None:
    page = browser.new_page(viewport=PHONE)
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url) if "search_index.json" in request.url else None)
    page.goto(f"{served}/pain/outer-hip-pain/")
    page.wait_for_load_state("networkidle")
    assert asked == [], "the search index was loaded before anyone searched"
    page.locator('label.md-header__button[for="__search"]').click()  # the search button in the header
    page.locator("input.md-search__input").fill("sciatica")
    page.wait_for_selector("li.md-search-result__item")
    assert len(asked) == 1
    page.close()
