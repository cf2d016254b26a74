"""The body map on "Where does it hurt?": made from the pain pages' zones at build time, plain links
that work without JavaScript, usable with the keyboard and a screen reader, and a zone leads to the
pain page that lists the right muscles."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import markdown
import pytest
import yaml

from atlas.model import ZONE_LABELS, ZONE_MAP_LABELS
from sites import DESKTOP, PHONE

ROOT = Path(__file__).resolve().parent.parent
MAP = "where-does-it-hurt/index.html"


def pain_zones() -> dict[str, set[str]]:
    """zone -> the addresses of the pain pages that name it, from the pages' front matter."""
    zones: dict[str, set[str]] = {}
    for path in (ROOT / "docs" / "pain").glob("*.md"):
        if path.name != "index.md":
            meta = yaml.safe_load(path.read_text(encoding="utf-8").split("---", 2)[1])
            for zone in meta["zones"]:
                zones.setdefault(zone, set()).add(f"pain/{path.stem}/")
    return zones


def zone_links(page: str, zone: str) -> list[str]:
    """The targets of the map's links for `zone`."""
    tags = re.findall(rf'<a [^>]*data-zone="{zone}"[^>]*>', page)
    return [re.search(r'href="([^"]+)"', tag).group(1) for tag in tags]  # type: ignore[union-attr]


def test_every_zone_of_every_pain_page_is_on_the_map(built: tuple[Path, str]) -> None:
    page = (built[0] / MAP).read_text(encoding="utf-8")
    for zone, pages in pain_zones().items():
        links = zone_links(page, zone)
        assert links, f"zone {zone} is not drawn"
        if len(pages) == 1:
            assert {re.sub(r"^(\.\./)+", "", link) for link in links} == pages
        else:
            assert set(links) == {f"#zone-{zone}"}
            entry = page.split(f'id="zone-{zone}"', 1)[1].split("</ul>", 1)[0]
            assert {re.sub(r"^(\.\./)+", "", href) for href in re.findall(r'href="([^"]+)"', entry)} == pages


def test_a_new_pain_page_appears_on_the_map_without_editing_it(tmp_path: Path) -> None:
    """The map is drawn from the pain pages' front matter each time: a new page needs no other edit.
    (Drawn in-process, through the site's Markdown extension, from a copy of the docs.)"""
    docs = tmp_path / "docs"
    shutil.copytree(ROOT / "docs" / "_data", docs / "_data")
    shutil.copytree(ROOT / "docs" / "pain", docs / "pain")
    (docs / "pain" / "calf-cramp.md").write_text(
        "---\ntitle: Cramp in the calf at night\ndescription: x\nalso_called: [cramp]\nzones: [calf]\n"
        "---\n\nA page that only the map knows about.\n", encoding="utf-8")
    page = markdown.markdown("[[body-map]]", extensions=["atlas.bodymap"],
                             extension_configs={"atlas.bodymap": {"docs_dir": str(docs)}})
    assert set(zone_links(page, "calf")) == {"#zone-calf"}
    entry = page.split('id="zone-calf"', 1)[1].split("</ul>", 1)[0]
    assert "Cramp in the calf at night" in entry and "pain/calf-cramp.md" in entry  # MkDocs turns it into /pain/calf-cramp/


@pytest.mark.parametrize("javascript", [True, False], ids=["with-javascript", "without-javascript"])
def test_tapping_a_zone_opens_the_pain_page_with_its_muscles(browser: Any, served: str, javascript: bool) -> None:
    context = browser.new_context(viewport=PHONE, java_script_enabled=javascript, has_touch=True)
    page = context.new_page()
    page.goto(f"{served}/where-does-it-hurt/")
    page.locator('a.atlas-zone[data-zone="ankle"] .atlas-hit').first.click()
    page.wait_for_url("**/pain/side-of-leg-pain/")
    text = page.locator("article table").first.inner_text()
    assert "Gluteus minimus" in text and "Tensor fasciae latae" in text
    context.close()


def test_a_zone_with_several_pages_leads_to_its_list(browser: Any, served: str) -> None:
    page = browser.new_page(viewport=PHONE)
    page.goto(f"{served}/where-does-it-hurt/")
    page.locator('a.atlas-zone[data-zone="buttock"] .atlas-hit').first.click()
    page.wait_for_url("**/where-does-it-hurt/#zone-buttock")
    entry = page.locator("#zone-buttock")
    assert entry.is_visible()
    assert entry.locator("a").count() == len(pain_zones()["buttock"])
    page.close()


def test_zones_are_named_for_screen_readers_and_reachable_by_keyboard(browser: Any, served: str) -> None:
    page = browser.new_page(viewport=DESKTOP)
    page.goto(f"{served}/where-does-it-hurt/")
    zones = page.locator("a.atlas-zone")
    drawn = {name for name in ZONE_LABELS if name in pain_zones()}
    assert {zones.nth(i).get_attribute("data-zone") for i in range(zones.count())} == drawn
    for i in range(zones.count()):
        label = zones.nth(i).get_attribute("aria-label") or ""
        assert label.split(":")[0] == ZONE_MAP_LABELS[zones.nth(i).get_attribute("data-zone")], label
    reached: list[str] = []
    for _ in range(80):  # Tab through the page from the top, as a keyboard user would
        page.keyboard.press("Tab")
        name = page.evaluate("document.activeElement.getAttribute('data-zone')")
        if name:
            reached.append(name)
            ring = page.evaluate("getComputedStyle(document.activeElement.querySelector('.atlas-hit')).stroke")
            assert ring not in ("", "none"), "a focused zone shows no focus ring"
    assert set(reached) == drawn
    page.close()
