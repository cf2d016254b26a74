"""The real site, built strictly with MkDocs: it builds clean, and a broken link makes it fail."""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from sites import build, copy_project

ROOT = Path(__file__).resolve().parent.parent
KIND_FOLDERS = ("pain", "muscles", "stretches")
EXPECTED_INFO = ("Cleaning site directory", "Building documentation", "Documentation built in")


def kind_pages() -> list[Path]:
    return sorted(p for folder in KIND_FOLDERS for p in (ROOT / "docs" / folder).glob("*.md") if p.name != "index.md")


KIND_PAGES = kind_pages()
PAGE_IDS = [p.relative_to(ROOT / "docs").as_posix() for p in KIND_PAGES]


def html_of(site: Path, page: Path) -> str:
    rel = page.relative_to(ROOT / "docs").with_suffix("")
    return (site / rel / "index.html").read_text(encoding="utf-8")


def test_build_prints_nothing_but_progress(built: tuple[Path, str]) -> None:
    _site, output = built
    for line in output.splitlines():
        assert line.startswith("INFO") and any(text in line for text in EXPECTED_INFO), line


def test_every_page_in_the_docs_is_built(built: tuple[Path, str]) -> None:
    site, _ = built
    sources = sorted(p for p in (ROOT / "docs").rglob("*.md") if "_snippets" not in p.parts)
    assert sources, "no pages found"
    for source in sources:
        rel = source.relative_to(ROOT / "docs").with_suffix("")
        folder = rel.parent if rel.name == "index" else rel  # pain/x.md -> pain/x/, pain/index.md -> pain/
        assert (site / folder / "index.html").is_file(), f"{source} was not built at a clean address"


@pytest.mark.parametrize("page", KIND_PAGES, ids=PAGE_IDS)
def test_page_shows_urgent_box_and_references(built: tuple[Path, str], page: Path) -> None:
    html = html_of(built[0], page)
    if page.parent.name == "pain":
        assert 'class="admonition danger"' in html and "See a doctor urgently if" in html
    footnotes = html.split('<div class="footnote">', 1)
    assert len(footnotes) == 2 and "<li id=\"fn:" in footnotes[1], "no references rendered"
    assert "[^" not in html, "a footnote reference was left unresolved"


def test_urgent_box_renders_with_its_source(built: tuple[Path, str]) -> None:
    html = (built[0] / "about" / "disclaimer" / "index.html").read_text(encoding="utf-8")
    box = html.split('class="admonition danger"', 1)[1].split("</div>", 1)[0]
    assert "both</strong> legs" in box and "saddle" in box
    assert "jospt.2020.9971" in html.split('<div class="footnote">', 1)[1]


class _Requests(HTMLParser):
    """Collects the URLs a page makes the browser fetch (not the links a reader may follow)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag in ("script", "img", "iframe", "source", "audio", "video") and values.get("src"):
            self.urls.append(values["src"] or "")
        if tag == "link" and values.get("rel") in ("stylesheet", "preload", "preconnect", "icon", "manifest"):
            self.urls.append(values.get("href") or "")


def test_no_request_goes_to_another_host(built: tuple[Path, str]) -> None:
    site, _ = built
    for html_file in site.rglob("*.html"):
        parser = _Requests()
        parser.feed(html_file.read_text(encoding="utf-8"))
        external = [u for u in parser.urls if re.match(r"(https?:)?//", u)]
        assert external == [], f"{html_file}: {external}"
    for css in site.rglob("*.css"):
        assert "fonts.googleapis" not in css.read_text(encoding="utf-8"), css


@pytest.mark.parametrize("page", KIND_PAGES, ids=PAGE_IDS)
def test_search_index_holds_every_name_people_use(built: tuple[Path, str], page: Path) -> None:
    """Material's search does not index front matter, so each name and phrase must be visible text."""
    index = json.loads((built[0] / "search" / "search_index.json").read_text(encoding="utf-8"))
    location = page.relative_to(ROOT / "docs").with_suffix("").as_posix() + "/"
    text = " ".join(
        html.unescape(re.sub(r"<[^>]+>", " ", doc["text"])).lower()
        for doc in index["docs"] if doc["location"].split("#", 1)[0] == location
    )
    text = " ".join(text.split())
    meta = yaml.safe_load(page.read_text(encoding="utf-8").split("---", 2)[1])
    for name in [*meta["also_called"], *meta.get("described_as", [])]:
        assert " ".join(name.lower().split()) in text, f"'{name}' is not in the search index"


@pytest.mark.parametrize(
    ("breakage", "expected"),
    [
        ("[gone](../muscles/no-such-muscle.md)", "no-such-muscle.md"),
        ("[gone](disclaimer.md#no-such-section)", "no-such-section"),
    ],
)
def test_strict_build_fails_on_a_broken_link(tmp_path: Path, breakage: str, expected: str) -> None:
    project = copy_project(ROOT, tmp_path)
    page = project / "docs" / "about" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + f"\nSee also {breakage}.\n", encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert expected in result.stderr + result.stdout
