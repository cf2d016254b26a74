"""The real site, built strictly with MkDocs: it builds clean, and a broken link makes it fail."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
KIND_FOLDERS = ("pain", "muscles", "stretches")
EXPECTED_INFO = ("Cleaning site directory", "Building documentation", "Documentation built in")


def build(project: Path, site: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}  # Material's end-of-life banner, see scripts/dev.py
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=project, capture_output=True, text=True, env=env,
    )


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    site = tmp_path_factory.mktemp("site")
    result = build(ROOT, site)
    assert result.returncode == 0, result.stderr
    return site, result.stdout + result.stderr


def kind_pages() -> list[Path]:
    return sorted(p for folder in KIND_FOLDERS for p in (ROOT / "docs" / folder).glob("*.md") if p.name != "index.md")


def html_of(site: Path, page: Path) -> str:
    rel = page.relative_to(ROOT / "docs").with_suffix("")
    return (site / rel / "index.html").read_text(encoding="utf-8")


def test_build_prints_nothing_but_progress(built: tuple[Path, str]) -> None:
    _site, output = built
    for line in output.splitlines():
        assert line.startswith("INFO") and any(text in line for text in EXPECTED_INFO), line


def test_every_page_has_a_clean_address(built: tuple[Path, str]) -> None:
    site, _ = built
    assert kind_pages(), "no pages found"
    for page in kind_pages():
        assert html_of(site, page), page


def test_pain_pages_show_the_urgent_box_and_every_page_its_references(built: tuple[Path, str]) -> None:
    site, _ = built
    for page in kind_pages():
        html = html_of(site, page)
        if page.parent.name == "pain":
            assert 'class="admonition danger"' in html and "See a doctor urgently if" in html, page
        footnotes = html.split('<div class="footnote">', 1)
        assert len(footnotes) == 2 and "<li id=\"fn:" in footnotes[1], f"{page}: no references rendered"
        assert "[^" not in html, f"{page}: a footnote reference was left unresolved"


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


def test_search_index_holds_the_names_people_use(built: tuple[Path, str]) -> None:
    site, _ = built
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    text = " ".join(doc["text"] + " " + doc["title"] for doc in index["docs"]).lower()
    for name in ("pyriformis", "lumbago", "hip flexor", "trochanteric bursitis", "sciatica"):
        assert name in text, name


@pytest.mark.parametrize(
    ("breakage", "expected"),
    [
        ("[gone](../muscles/no-such-muscle.md)", "no-such-muscle.md"),
        ("[gone](../muscles/piriformis.md#no-such-section)", "no-such-section"),
    ],
)
def test_strict_build_fails_on_a_broken_link(tmp_path: Path, breakage: str, expected: str) -> None:
    project = tmp_path / "project"
    project.mkdir()
    for name in ("mkdocs.yml", "docs", "overrides"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, project / name)
    page = project / "docs" / "pain" / "index.md"
    page.write_text(page.read_text(encoding="utf-8") + f"\nSee also {breakage}.\n", encoding="utf-8")
    result = build(project, tmp_path / "site")
    assert result.returncode != 0
    assert expected in result.stderr + result.stdout
