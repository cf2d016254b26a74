"""The real site, built strictly with MkDocs: it builds clean, and a broken link makes it fail."""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from atlas import model
from sites import build, copy_project

ROOT = Path(__file__).resolve().parent.parent
KIND_FOLDERS = tuple(model.FOLDER_BY_KIND.values())
EXPECTED_INFO = ("Cleaning site directory", "Building documentation", "Documentation built in")


def kind_pages() -> list[Path]:
    return sorted(p for folder in KIND_FOLDERS for p in (ROOT / "docs" / folder).glob("*.md")
                  if model.kind_of(p.relative_to(ROOT / "docs").as_posix()) in model.FOLDER_BY_KIND)


KIND_PAGES = kind_pages()
PAGE_IDS = [p.relative_to(ROOT / "docs").as_posix() for p in KIND_PAGES]


def html_of(site: Path, page: Path) -> str:
    url = model.page_url(page.relative_to(ROOT / "docs").as_posix())
    return (site / url.strip("/") / "index.html").read_text(encoding="utf-8")


def test_build_prints_nothing_but_progress(built: tuple[Path, str]) -> None:
    _site, output = built
    for line in output.splitlines():
        assert line.startswith("INFO") and any(text in line for text in EXPECTED_INFO), line


def test_every_page_in_the_docs_is_built(built: tuple[Path, str]) -> None:
    site, _ = built
    sources = sorted(p for p in (ROOT / "docs").rglob("*.md") if "_snippets" not in p.parts)
    assert sources, "no pages found"
    for source in sources:
        url = model.page_url(source.relative_to(ROOT / "docs").as_posix())
        assert (site / url.strip("/") / "index.html").is_file(), f"{source} was not built at {url}"


@pytest.mark.parametrize("page", KIND_PAGES, ids=PAGE_IDS)
def test_page_shows_urgent_box_and_references(built: tuple[Path, str], page: Path) -> None:
    html = html_of(built[0], page)
    if page.parent.name == "pain":
        now, same_day = urgent_boxes(html)
        assert "Go to an emergency department now if" in now and "See a doctor the same day if" in same_day
        assert 'href="../../urgent/"' in html, "the page does not link to When to get help now"
    footnotes = html.split('<div class="footnote">', 1)
    assert len(footnotes) == 2 and "<li id=\"fn:" in footnotes[1], "no references rendered"
    assert "[^" not in html, "a footnote reference was left unresolved"


def urgent_boxes(html: str) -> tuple[str, str]:
    """The emergency box and the same-day box of a page's urgent-care section."""
    html = html.split('<section class="atlas-urgent" id="warning-signs">', 1)[1]
    now = html.split('<div class="admonition danger">', 1)[1].split("</div>", 1)[0]
    same_day = html.split('<div class="admonition warning">', 1)[1].split("</div>", 1)[0]
    return now, same_day


# What sends a reader to an emergency department now, never "the same day" (NHS back pain and
# sciatica pages): the signs of cauda equina syndrome, and sudden severe tummy or back pain.
EMERGENCY_SIGNS = ("cannot pee", "cannot control when you poo", "saddle", "both</strong> legs",
                   "getting worse, or a foot", "aortic aneurysm")


@pytest.mark.parametrize("page", ["pain/outer-hip-pain.md", "pain/buttock-and-back-of-leg-pain.md",
                                  "index.md", "where-does-it-hurt.md", "about/disclaimer.md", "urgent.md"])
def test_emergency_signs_are_in_the_emergency_box(built: tuple[Path, str], page: str) -> None:
    source = ROOT / "docs" / page
    html = html_of(built[0], source) if page != "index.md" else (built[0] / "index.html").read_text("utf-8")
    now, same_day = urgent_boxes(html)
    for sign in EMERGENCY_SIGNS:
        assert sign in now, f"{sign!r} is not in the emergency box"
        assert sign not in same_day, f"{sign!r} is in the same-day box"
    assert "high temperature" in same_day and "high temperature" not in now
    assert "jospt.2020.9971" in html.split('<div class="footnote">', 1)[1]


@pytest.mark.parametrize("page", [p for p in KIND_PAGES if p.parent.name == "pain"], ids=lambda p: p.stem)
def test_blood_clot_signs_where_the_pain_reaches_the_calf(built: tuple[Path, str], page: Path) -> None:
    now, same_day = urgent_boxes(html_of(built[0], page))
    zones = yaml.safe_load(page.read_text(encoding="utf-8").split("---", 2)[1])["zones"]
    calf = "calf" in zones
    assert ("deep vein thrombosis" in same_day) is calf
    assert ("short of breath or have chest pain" in now) is calf


def test_urgent_page_is_linked_from_home_map_and_navigation(built: tuple[Path, str]) -> None:
    site = built[0]
    home = (site / "index.html").read_text(encoding="utf-8")
    body_map = (site / "where-does-it-hurt" / "index.html").read_text(encoding="utf-8")
    assert 'href="urgent/"' in home and 'href="../urgent/"' in body_map
    nav = home.split('class="md-tabs__list"', 1)[1].split("</ul>", 1)[0]
    assert "When to get help now" in nav


def test_no_page_claims_a_review_that_did_not_happen(built: tuple[Path, str]) -> None:
    reviewed = [p for p in ROOT.joinpath("docs").rglob("*.md") if "\nreviewer:" in p.read_text(encoding="utf-8")]
    assert reviewed == [], "update this test: a page now names a reviewer"
    for html_file in built[0].rglob("*.html"):
        html = html_file.read_text(encoding="utf-8")
        assert "clinically reviewed" not in html.lower() and "reviewed by clinicians" not in html.lower(), html_file
        for part in re.findall(r'<aside class="atlas-page-footer".*?</aside>|<div class="atlas-print-header">.*?</div>'
                               r'|<script type="application/ld\+json">.*?</script>', html, re.S):
            assert "Reviewed by" not in part and "reviewedBy" not in part and "lastReviewed" not in part, html_file
        if "atlas-page-footer" in html:
            assert "Last updated" in html and "Next review due" in html


def test_every_table_link_to_an_adducting_stretch_shows_its_caution(built: tuple[Path, str]) -> None:
    adducting = [p.stem for p in (ROOT / "docs" / "stretches").glob("*.md") if "cautions: [outer-hip-tendons]" in p.read_text("utf-8")]
    assert len(adducting) == 3
    checked = 0
    for html_file in built[0].rglob("*.html"):
        html = html_file.read_text(encoding="utf-8")
        for cell in re.findall(r"<td[^>]*>(.*?)</td>", html, re.S):
            for link in re.finditer(r'<a href="[^"]*stretches/([\w-]+)/"', cell):
                if link.group(1) in adducting:
                    after = cell[link.end():]
                    after = after.split("<a href=", 1)[0] if "stretches/" in after else after
                    assert 'class="atlas-caution"' in after and "not if the outside of your hip hurts" in after
                    checked += 1
    assert checked >= 12
    for stem in adducting:
        page = (built[0] / "stretches" / stem / "index.html").read_text(encoding="utf-8")
        box = page.split('<div class="admonition warning atlas-caution-box">', 1)[1].split("</div>", 1)[0]
        assert "Not if the outside of your hip hurts" in box and "gluteal tendinopathy" in box
        assert "10.1007/s40279-015-0336-5" in page.split('<div class="footnote">', 1)[1]


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
    location = model.page_url(page.relative_to(ROOT / "docs").as_posix()).lstrip("/")
    text = " ".join(
        html.unescape(re.sub(r"<[^>]+>", " ", doc["text"])).lower()
        for doc in index["docs"] if doc["location"].split("#", 1)[0] == location
    )
    text = " ".join(text.split())
    meta = yaml.safe_load(page.read_text(encoding="utf-8").split("---", 2)[1])
    for name in [*meta["also_called"], *meta.get("described_as", [])]:
        assert " ".join(name.lower().split()) in text, f"'{name}' is not in the search index"


def test_strict_build_fails_on_a_broken_link_and_a_broken_anchor(tmp_path: Path) -> None:
    project = copy_project(ROOT, tmp_path)
    page = project / "docs" / "about" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nSee also [gone](../muscles/no-such-muscle.md) and "
                    "[gone too](disclaimer.md#no-such-section).\n", encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "no-such-muscle.md" in result.stderr + result.stdout
    assert "no-such-section" in result.stderr + result.stdout


def test_references_and_pictures_stay_out_of_the_search_index(built: tuple[Path, str]) -> None:
    """Nobody searches for a citation or a figure legend: they are on the page, not in the index."""
    docs = json.loads((built[0] / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    content = [doc for doc in docs if doc["location"].split("/")[0] in ("pain", "muscles", "stretches")]
    assert content, "no pain, muscle or stretch page in the search index"
    assert not [doc["location"] for doc in content if doc["location"].endswith("#references") and doc["text"]]
    assert not [doc["location"] for doc in content if "doi.org/" in doc["text"] or "orange band" in doc["text"]]
