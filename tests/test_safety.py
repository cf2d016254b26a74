"""What a page says of itself comes from its front matter, safely and truthfully: hostile text is
rejected by the checker (see the FIELD_UNSAFE fixtures) and escaped by the built site anyway, in the
page, the navigation and search results; a page says who reviewed it only when its front matter
names a reviewer."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from sites import build, copy_project
from test_search import COUNT_SEARCHES, search

ROOT = Path(__file__).resolve().parent.parent
OVERRIDES = ROOT / "overrides" / "partials"
MARK = "__atlasInjected"
HOSTILE_TITLE = f"Outer hip pain <script>window.{MARK}=1</script><img src=x onerror=\"window.{MARK}=2\">"
HOSTILE_DESCRIPTION = f"x\"><script>window.{MARK}=3</script><meta name=\"x"
REVIEWER = "reviewer: {name: Test Reviewer, profession: Physiotherapist, date: 2026-11-30}"


def _without_header(text: str) -> str:
    """A template without its opening {#- ... -#} comment."""
    return re.sub(r"\A\{#-.*?-#\}\n?", "", text, count=1, flags=re.S)


# What an override changes in Material's partial besides escaping, as (ours, Material's): the search
# dialog's name, and the help line for weak results that the search partial adds (taken from it whole:
# everything around it must still be Material's).
HELP = (Path(__file__).resolve().parent.parent / "overrides" / "partials" / "search.html").read_text(encoding="utf-8")
HELP = HELP[HELP.index('<p class="atlas-search-spelt"'):HELP.index('<ol class="md-search-result__list"')]  # the two lines added
CHANGED = {"search.html": [('role="dialog" aria-label="{{ lang.t(\'search\') }}"', 'role="dialog"'), (HELP, "")]}


@pytest.mark.parametrize("partial", sorted(OVERRIDES.glob("*.html")), ids=lambda p: p.name)
def test_overridden_partials_are_materials_own_with_titles_escaped(partial: Path) -> None:
    """Each overridden partial is Material's file with `| e` added to titles (or the few words listed
    in CHANGED), and nothing else, so an upgrade of Material that changes the file is noticed here."""
    import material

    original = Path(material.__file__).parent / "templates" / "partials" / partial.name
    ours = _without_header(partial.read_text(encoding="utf-8"))
    theirs = _without_header(original.read_text(encoding="utf-8"))
    assert ours != theirs, "the override changes nothing"
    for changed, material_own in CHANGED.get(partial.name, []):
        assert ours.count(changed) == 1, f"{partial.name} no longer has {changed!r}"
        ours = ours.replace(changed, material_own)
    assert _unescaped(ours) == _unescaped(theirs)


def _unescaped(template: str) -> str:
    """The template with every `| e` filter taken out, and spacing before `}}` made even."""
    return re.sub(r"\s*\}\}", "}}", re.sub(r"\s*\|\s*e(?=\s*\}\})", "", template))


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, with hostile text put in one page's front matter behind the checker's back, and
    a named reviewer on another."""
    tmp = tmp_path_factory.mktemp("hostile")
    project = copy_project(ROOT, tmp)
    page = project / "docs" / "pain" / "outer-hip-pain.md"
    text = page.read_text(encoding="utf-8")
    text = re.sub(r"^title: .*$", f"title: '{HOSTILE_TITLE}'", text, count=1, flags=re.M)
    text = re.sub(r"^description: .*$", f"description: '{HOSTILE_DESCRIPTION}'", text, count=1, flags=re.M)
    page.write_text(text, encoding="utf-8")
    reviewed = project / "docs" / "stretches" / "knee-to-opposite-shoulder.md"
    text = reviewed.read_text(encoding="utf-8")
    reviewed.write_text(re.sub(r"^(review_due: .*)$", rf"\1\n{REVIEWER}", text, count=1, flags=re.M), encoding="utf-8")
    result = build(project, tmp / "site")
    assert result.returncode == 0, result.stderr
    return tmp / "site"


def test_built_pages_escape_front_matter(hostile_site: Path) -> None:
    pages = list(hostile_site.rglob("*.html"))
    assert len(pages) > 20
    for html_file in pages:
        html = html_file.read_text(encoding="utf-8")
        assert f"<script>window.{MARK}" not in html, html_file
        assert "<img src=x" not in html, html_file
    index = (hostile_site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert f"<script>window.{MARK}" not in index and "<img src=x" not in index
    own = (hostile_site / "pain" / "outer-hip-pain" / "index.html").read_text(encoding="utf-8")
    assert "Outer hip pain &lt;script&gt;" in own  # shown as text, not dropped
    assert re.search(r'<meta name="description" content="x&#34;&gt;&lt;script&gt;', own)


def test_hostile_title_runs_nothing_in_a_browser(hostile_site: Path, browser: Any) -> None:
    """Open the page and search for it: no script from the front matter runs."""
    import threading
    from functools import partial
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *_: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(hostile_site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        page = browser.new_page()
        page.add_init_script(COUNT_SEARCHES)
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.goto(f"http://127.0.0.1:{server.server_address[1]}/pain/outer-hip-pain/")
        page.wait_for_load_state("networkidle")
        assert page.evaluate(f"window.{MARK}") is None
        found = search(page, "outer hip pain script")
        assert "pain/outer-hip-pain" in found, found
        page.wait_for_timeout(500)
        assert page.evaluate(f"window.{MARK}") is None
        assert dialogs == []
        page.close()
    finally:
        server.shutdown()
        server.server_close()


def test_a_named_reviewer_is_shown_and_carried_in_structured_data(hostile_site: Path) -> None:
    html = (hostile_site / "stretches" / "knee-to-opposite-shoulder" / "index.html").read_text(encoding="utf-8")
    footer = html.split('<aside class="atlas-page-footer"', 1)[1].split("</aside>", 1)[0]
    said = " ".join(re.sub(r"<[^>]+>", "", footer).split())
    assert "Reviewed by Test Reviewer, Physiotherapist, on 30 November 2026." in said
    header = html.split('<div class="atlas-print-header">', 1)[1].split("</div>", 1)[0]
    assert "Reviewed by Test Reviewer, Physiotherapist, on 30 November 2026." in " ".join(header.split())
    data = json.loads(re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)[0])
    assert data["lastReviewed"] == "2026-11-30"
    assert data["reviewedBy"] == {"@type": "Person", "name": "Test Reviewer", "jobTitle": "Physiotherapist"}
    other = (hostile_site / "stretches" / "standing-side-bend" / "index.html").read_text(encoding="utf-8")
    assert "Reviewed by" not in other and "reviewedBy" not in other
