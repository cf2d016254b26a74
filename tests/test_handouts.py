"""Printed handouts: each stretch page prints on one A4 or Letter sheet, both sides (its steps, dose and
when to stop, then the easier, harder and other ways to do it), and each pain page on two sides at
most, with the page's address and QR code, and none of the site's menus; nothing prints below 10 pt,
no printed list loses its lead-in and no printed link points to a part that is not printed; the Copy
link and Print handout buttons work."""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from atlas import model

ROOT = Path(__file__).resolve().parent.parent
SITE_URL = "https://musclepainatlas.org/"
HANDOUTS = sorted(
    (f"{folder}/{path.stem}", 2)
    for kind in ("stretch", "pain") for folder in [model.FOLDER_BY_KIND[kind]]
    for path in (ROOT / "docs" / folder).glob("*.md") if model.kind_of(f"{folder}/{path.name}") == kind
)
# Words that only the screen shows: the table of contents, the buttons, the page and site footers.
CHROME = ("Table of contents", "Print handout", "Copy link", "Next review due", "Made with")
CAUTION = "Caution: not if the outside of your hip hurts"


@pytest.mark.parametrize(("page_path", "most_sheets"), HANDOUTS, ids=[h[0] for h in HANDOUTS])
def test_page_prints_as_a_handout(reader: Any, quiet: str, page_path: str, most_sheets: int) -> None:
    reader.goto(f"{quiet}/{page_path}/")
    sheets = {paper: PdfReader(io.BytesIO(reader.pdf(format=paper, print_background=True))).pages
              for paper in ("A4", "Letter")}
    for paper, printed in sheets.items():
        assert len(printed) <= most_sheets, f"{len(printed)} {paper} sheets"
    # What is printed is the same on both papers; only where the sheets break differs.
    pdf = sheets["A4"]
    text = unicodedata.normalize("NFKC", "\n".join(sheet.extract_text() for sheet in pdf))  # "ﬂ" -> "fl"
    flat = " ".join(text.split())
    assert f"{SITE_URL}{page_path}/" in flat.replace(" ", ""), "the page's address is not printed"
    assert "Last updated" in flat
    assert "Reviewed by" not in flat and "linically reviewed" not in flat, "no clinician reviewed this page"
    for words in CHROME:
        assert words not in text, f"site chrome printed: {words!r}"
    source = (ROOT / "docs" / f"{page_path}.md").read_text(encoding="utf-8")
    if page_path.startswith("stretches/"):
        assert "Your dose" in flat and "How to do it" in flat and "How long and how often" in flat
        assert "Some signs need an emergency department now" in flat, "the urgent-care line is not printed"
        for section in ("Easier and harder versions", "If you cannot kneel or get down to the floor"):
            if f"## {section}" in source:
                assert section in flat, f"the section {section!r} is not printed"
    if "cautions: [outer-hip-tendons]" in source:
        assert "Not if the outside of your hip hurts" in flat, "the stretch's caution box is not printed"
    if "](../stretches/lying-cross-body-buttock.md) [[caution outer-hip-tendons]]" in source:
        assert CAUTION in flat, "a table row linking an adducting stretch prints without its caution"


# What the handout shows, read in the print layout: text set below 10 pt, lists whose lead-in is not
# printed, and links within the page to a part that is not printed.
PRINTED = """() => {
  const shown = el => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const content = document.querySelector('.md-content');
  const small = [], orphans = [], dangling = [];
  for (const el of content.querySelectorAll('*')) {
    if (el.closest('svg') || !shown(el)) continue;
    const words = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    if (words && parseFloat(getComputedStyle(el).fontSize) < 13.3) small.push(el.tagName + ': ' + el.textContent.trim().slice(0, 40));
    if ((el.tagName === 'UL' || el.tagName === 'OL') && el.previousElementSibling
        && el.previousElementSibling.tagName === 'P' && !shown(el.previousElementSibling))
      orphans.push(el.textContent.trim().slice(0, 60));
    const href = el.getAttribute('href');
    if (el.tagName === 'A' && href && href.startsWith('#') && href.length > 1) {
      const target = document.getElementById(decodeURIComponent(href.slice(1)));
      if (!target || !shown(target)) dangling.push(el.textContent.trim() + ' -> ' + href);
    }
  }
  return {small, orphans, dangling};
}"""


@pytest.mark.parametrize("page_path", [h[0] for h in HANDOUTS])
def test_a_handout_prints_at_10_pt_with_its_lead_ins_and_links(reader: Any, quiet: str, page_path: str) -> None:
    reader.emulate_media(media="print")
    try:
        reader.goto(f"{quiet}/{page_path}/")
        found = reader.evaluate(PRINTED)
    finally:
        reader.emulate_media(media=None)
    assert found["small"] == [], "printed below 10 pt"
    assert found["orphans"] == [], "a printed list without its lead-in"
    assert found["dangling"] == [], "a printed link to a part that is not printed"


def test_every_handout_page_has_a_qr_code_of_its_address(built: tuple[Path, str]) -> None:
    for page_path, _ in HANDOUTS:
        html = (built[0] / page_path / "index.html").read_text(encoding="utf-8")
        qr = html.split('class="atlas-qr"', 1)[1].split("</svg>", 1)[0]
        assert "<svg" in qr and f"QR code for {SITE_URL}{page_path}/" in qr


def test_copy_link_and_print_buttons(browser: Any, served: str) -> None:
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(f"{served}/stretches/knee-to-opposite-shoulder/")
    page.evaluate("window.print = () => { window.printed = true; }")
    page.get_by_role("button", name="Print handout").click()
    assert page.evaluate("window.printed") is True
    page.get_by_role("button", name="Copy link").click()
    page.wait_for_function("document.querySelector('.atlas-actions__status').textContent.length > 0")
    assert page.locator(".atlas-actions__status").inner_text() == "Link copied."
    assert page.evaluate("navigator.clipboard.readText()") == f"{SITE_URL}stretches/knee-to-opposite-shoulder/"
    context.close()
