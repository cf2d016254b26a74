"""Search finds the right page from a person's own words: every query in search_queries.yml is typed
into the site's real search box in headless Chromium, and an expected page must be among the first
three page results for at least 95% of them.

search_queries_heldout.yml holds queries written at the same time as the others but never used to
tune names, tags or aliases: their score shows how well search does on words nobody tuned for. Both
scores are printed; the held-out set must reach 80%.

search_queries_forum.yml holds real phrasings from public forums and question-and-answer pages, with
their source addresses, each written down with the pages it should find before it was first scored
(the first 158 before search was tuned for them; five later batches, of 29, 23, 63, 50 and 57, after).
Search may be tuned on the tuned two-thirds, never on the held-out third, and the two are scored
apart."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml

from atlas.data import load_urgent_signs, load_zone_words
from atlas.model import read_meta
from atlas.publish import name_key
from sites import DESKTOP, PHONE

QUERIES = yaml.safe_load((Path(__file__).parent / "search_queries.yml").read_text(encoding="utf-8"))
HELD_OUT = yaml.safe_load((Path(__file__).parent / "search_queries_heldout.yml").read_text(encoding="utf-8"))
FORUM = yaml.safe_load((Path(__file__).parent / "search_queries_forum.yml").read_text(encoding="utf-8"))
FORUM_TUNED = [item for item in FORUM if not item.get("held_out")]
FORUM_HELD_OUT = [item for item in FORUM if item.get("held_out")]
# Floors a little under what the forum suite scores today, to catch a loss: the tuned part 255/265;
# the held-out third 104/115 (90.4%; the aim for it is 90%), reported apart.
FORUM_PASS_RATE = 0.95
FORUM_HELD_OUT_PASS_RATE = 0.88
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
      if (message?.type === 2) { window.atlasSearches.sent++; window.atlasSearches.last = message.data; }
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


@pytest.mark.parametrize("queries", [QUERIES, HELD_OUT, FORUM], ids=["tuned", "held-out", "forum"])
def test_query_file_is_well_formed(queries: list[dict[str, Any]]) -> None:
    assert len(queries) >= 10
    for item in queries:
        if queries is FORUM:
            assert {"query", "source", "expect"} <= set(item) <= {"query", "source", "expect", "held_out"}, item
            assert item["source"].startswith(("https://", "http://")), item
        else:
            assert set(item) == {"query", "expect"}, item
        for expected in item["expect"]:
            assert (DOCS / f"{expected}.md").is_file() or (DOCS / expected / "index.md").is_file(), expected


def test_held_out_queries_are_not_also_tuned_queries() -> None:
    assert not {q["query"].lower() for q in QUERIES} & {q["query"].lower() for q in HELD_OUT}
    assert not {q["query"].lower() for q in QUERIES + HELD_OUT} & {q["query"].lower() for q in FORUM}
    assert 0.25 <= len(FORUM_HELD_OUT) / len(FORUM) <= 0.42, "the forum suite keeps about a third aside"


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


SUITES = [(QUERIES, PASS_RATE, "tuned queries"), (HELD_OUT, HELD_OUT_PASS_RATE, "held-out queries"),
          (FORUM_TUNED, FORUM_PASS_RATE, "forum phrasings (tuned part)"),
          (FORUM_HELD_OUT, FORUM_HELD_OUT_PASS_RATE, "forum phrasings (held-out third)")]


@pytest.mark.parametrize(("queries", "least", "name"), SUITES, ids=["tuned", "held-out", "forum", "forum-held-out"])
def test_search_finds_the_expected_page_in_the_top_three(search_page: Any, queries: list[dict[str, Any]],
                                                         least: float, name: str) -> None:
    rate, report = score(search_page, queries, name)
    assert rate >= least, report


def searchable_pages() -> list[tuple[str, dict[str, Any]]]:
    """(page, front matter) for every page search can find, the page as search reports it."""
    found = []
    for path in sorted(DOCS.rglob("*.md")):
        rel = path.relative_to(DOCS)
        meta = read_meta(path)
        if rel.parts[0].startswith("_") or (meta.get("search") or {}).get("exclude") or not meta.get("title"):
            continue
        found.append((rel.with_suffix("").as_posix().removesuffix("/index").removesuffix("index"), meta))
    return found


def own_names() -> list[tuple[str, str]]:
    """(a page's title or one of its aliases as words, that page) for every page search can find."""
    return [(name, page) for page, meta in searchable_pages()
            for name in [meta["title"], *(alias.replace("-", " ") for alias in meta.get("aliases") or [])]]


# Every title and alias puts its own page first. Material's ranking alone did so for 144 of 160: a
# query that is exactly a page's name is put first by overrides/main.html from search/names.json.
OWN_NAME_PASS_RATE = 1.0


def test_a_pages_own_title_or_alias_puts_it_first(search_page: Any) -> None:
    names = own_names()
    misses = [f"  {query!r}: got {found[:TOP]}, expected {page} first" for query, page in names
              if (found := search(search_page, query))[:1] != [page]]
    print(f"own names: {len(names) - len(misses)}/{len(names)} put their page first" + "".join("\n" + m for m in misses))
    assert 1 - len(misses) / len(names) >= OWN_NAME_PASS_RATE, "\n".join(misses)


def other_names() -> list[tuple[str, str]]:
    """(one of a page's other names, `also_called`, that page) for every such name that no other page
    has as a title, alias or other name (compared in lower case, words only)."""
    titles = {name_key(name) for name, _page in own_names()}
    found: dict[str, list[tuple[str, str]]] = {}
    for page, meta in searchable_pages():
        for name in dict.fromkeys(str(name) for name in meta.get("also_called") or []):
            found.setdefault(name_key(name), []).append((name, page))
    return [pairs[0] for name, pairs in found.items() if len(pairs) == 1 and name not in titles]


def test_a_pages_other_names_put_it_first(search_page: Any) -> None:
    """A query that is one of a page's other names ("trochanteric bursitis", "charley horse") puts that
    page first, unless another page shares the name."""
    names = other_names()
    assert len(names) >= 150  # before search/names.json held them, 306 of 390 put their page first
    misses = [f"  {query!r}: got {found[:TOP]}, expected {page} first" for query, page in names
              if (found := search(search_page, query))[:1] != [page]]
    assert misses == [], "\n".join(misses)


def zone_queries() -> list[tuple[str, list[str]]]:
    """For each body zone in docs/_data/zone-words.yml, a query that says in everyday words where it
    hurts, among other words, and the pain pages for that zone: those whose first zone it is, or if
    none, every pain page that names it (read from the pages themselves)."""
    words = load_zone_words(DOCS)[0]
    pain = [(f"pain/{path.stem}", read_meta(path).get("zones") or []) for path in sorted((DOCS / "pain").glob("*.md"))
            if path.stem != "index"]
    found = []
    for zone, named in words.items():
        place = f"the {named['where'][0]} of my {named['part'][0]}" if named["where"] else f"my {named['part'][0]}"
        pages = [page for page, zones in pain if zones[:1] == [zone]] or [page for page, zones in pain if zone in zones]
        found.append((f"dull ache and tightness in {place} after running and sitting", pages))
    return found


def test_a_query_that_says_where_it_hurts_finds_a_pain_page_for_that_place(search_page: Any) -> None:
    """Material adds up matching words, so other words in a query ("running", "sitting") can push the
    page for the place named out of sight: search/zones.json keeps one in the first three."""
    queries = zone_queries()
    assert len(queries) == 21
    misses = [f"  {query!r}: got {found[:TOP]}, expected one of {pages}" for query, pages in queries
              if not set((found := search(search_page, query))[:TOP]) & set(pages)]
    assert misses == [], "\n".join(misses)


def named_within_queries() -> list[tuple[str, str]]:
    """For each muscle page, a query that holds its title or an alias among other words, and the page."""
    found = []
    for path in sorted((DOCS / "muscles").glob("*.md")):
        meta = read_meta(path)
        if path.stem == "index":
            continue
        for name in [meta["title"], *(alias.replace("-", " ") for alias in meta.get("aliases") or [])]:
            found.append((f"sore and tight {name.lower()} when I run or sit for long", f"muscles/{path.stem}"))
    return found


def test_a_query_that_holds_a_pages_name_among_other_words_finds_that_page(search_page: Any) -> None:
    """Other words in a query can outweigh a muscle's name ("my adductors feel tight when I kick"): a
    query that holds one page's own name keeps that page in the first three."""
    queries = named_within_queries()
    assert len(queries) >= 30
    misses = [f"  {query!r}: got {found[:TOP]}, expected {page}" for query, page in queries
              if page not in (found := search(search_page, query))[:TOP]]
    assert misses == [], "\n".join(misses)


def test_warning_signs_put_when_to_get_help_now_first(search_page: Any) -> None:
    """Every tuned query whose first expected page is "When to get help now" finds it first."""
    urgent = [item for item in QUERIES + FORUM_TUNED if item["expect"][0] == "urgent"]
    assert len(urgent) >= 10
    misses = [f"  {item['query']!r}: got {found[:TOP]}" for item in urgent
              if (found := search(search_page, item["query"]))[:1] != ["urgent"]]
    assert misses == [], "\n".join(misses)


def urgent_sign_queries() -> list[str]:
    """For each word of each warning sign in docs/_data/urgent-signs.yml, a query that holds it, the
    first word of each other group of that sign, and other words of pain."""
    signs = load_urgent_signs(DOCS)[0]
    found = []
    for groups in signs.values():
        for at, group in enumerate(groups):
            for word in group:
                words = [word if other == at else groups[other][0] for other in range(len(groups))]
                found.append(f"sore back and hip pain with {' '.join(words)} since yesterday")
    return found


def test_a_query_that_names_a_warning_sign_puts_when_to_get_help_now_first(search_page: Any) -> None:
    """Pain words can outweigh a warning sign ("sore back and hip pain with numb groin"): a query that
    names a sign from search/urgent.json puts "When to get help now" first."""
    queries = urgent_sign_queries()
    assert len(queries) >= 60  # Material's ranking alone put the page first for 51 of 89
    misses = [f"  {query!r}: got {found[:TOP]}" for query in queries
              if (found := search(search_page, query))[:1] != ["urgent"]]
    assert misses == [], "\n".join(misses)


def stretch_queries() -> list[str]:
    """For each body zone in docs/_data/zone-words.yml, a query that asks for a stretch for that part."""
    words = load_zone_words(DOCS)[0]
    parts = list(dict.fromkeys(named["part"][0] for named in words.values()))
    return [f"{ask} for my {part} when it aches" for part in parts for ask in ("stretch", "stretches", "stretching")]


def test_a_query_that_asks_for_a_stretch_finds_a_stretch_page(search_page: Any) -> None:
    """Pain words can outweigh the word "stretch" ("stretches for my tailbone when it aches"): a query
    that asks for a stretch keeps a stretch page in the first three."""
    queries = stretch_queries()
    assert len(queries) >= 30  # Material's ranking alone found a stretch page for 10 of 48
    found = {query: search(search_page, query)[:TOP] for query in queries}
    misses = [f"  {query!r}: got {pages}" for query, pages in found.items()
              if not [page for page in pages if page.startswith("stretches/")]]
    assert misses == [], "\n".join(misses)


def test_misspelling_tags_are_not_shown_in_results(search_page: Any) -> None:
    """A page's tags (misspellings such as "siatica") help search match, but readers never see them."""
    assert search(search_page, "siatica"), "the misspelling no longer finds the sciatica page"
    shown = search_page.eval_on_selector_all(
        ".md-search-result .md-tag", "tags => tags.filter(tag => tag.offsetParent !== null).map(tag => tag.textContent)")
    assert shown == []


@pytest.mark.parametrize(("typed", "sent", "first"), [
    ("glutteus medius", "gluteus medius", "muscles/gluteus-medius"),
    ("quadradus lumborum", "quadratus lumborum", "muscles/quadratus-lumborum"),
    ("ilopsoas", "iliopsoas", "muscles/iliopsoas"),
    ("tailbome pain", "tailbone pain", "pain/tailbone-pain"),
    ("spikes of pain in my back", "spikes of pain in my back", None),  # English, though near "spines"
    ("stretches for hamstrings", "stretches for hamstrings", None),  # words the site knows
    ("my heal hurts", "my heal hurts", None),  # a real word, and too short to put right
])
def test_a_misspelt_name_is_put_right_before_it_is_searched(search_page: Any, typed: str, sent: str,
                                                            first: str | None) -> None:
    """Material matches only words that start with what was typed: "glutteus" finds nothing."""
    found = search(search_page, typed)
    assert search_page.evaluate("window.atlasSearches.last") == sent
    if first:
        assert found[:1] == [first], found[:3]
    shown = search_page.locator(".atlas-search-spelt")  # the reader is told what was searched
    if sent != typed:
        assert shown.is_visible() and shown.inner_text() == f"Searched for {sent}"
    else:
        assert not shown.is_visible()


def test_the_search_index_loads_only_when_the_reader_turns_to_search(browser: Any, served: str) -> None:
    """The index, and the four small files that put its queries right and its results in order (first, so that the first
    results are already in order), load only when the reader turns to search."""
    page = browser.new_page(viewport=PHONE)
    asked: list[str] = []
    page.on("request", lambda request: asked.append(urlsplit(request.url).path.rsplit("/", 1)[-1])
            if "/search/" in request.url else None)
    page.goto(f"{served}/pain/outer-hip-pain/")
    page.wait_for_load_state("networkidle")
    assert asked == [], "the search index was loaded before anyone searched"
    page.locator('label.md-header__button[for="__search"]').click()  # the search button in the header
    page.locator("input.md-search__input").fill("sciatica")
    page.wait_for_selector("li.md-search-result__item")
    assert sorted(asked[:4]) == ["names.json", "spelling.json", "urgent.json", "zones.json"], asked
    assert asked[4:] == ["search_index.json"], asked
    page.close()


@pytest.mark.parametrize(("query", "helped"), [("sciatica", False), ("qwzx", True), ("sciatica qwzx", True),
                                               ("gluteus medius pain", False)],
                         ids=["found", "nothing found", "best page misses a word", "only its other sections miss one"])
def test_weak_results_offer_the_body_map_and_urgent_help(browser: Any, served: str, query: str, helped: bool) -> None:
    page = browser.new_page(viewport=DESKTOP)
    page.add_init_script(COUNT_SEARCHES)
    page.goto(f"{served}/")
    search(page, query)
    help_line = page.locator(".atlas-search-help")
    assert help_line.is_visible() is helped
    if helped:
        assert help_line.get_by_role("link", name="tap where it hurts on the body map").get_attribute("href") == "where-does-it-hurt/"
        assert help_line.get_by_role("link", name="When to get help now").get_attribute("href") == "urgent/"
    page.close()
