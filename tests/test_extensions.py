"""The site's Python-Markdown extensions and its publisher, in process: Markdown in, HTML out, in the
style of pymdown-extensions' own tests. No MkDocs build and no browser, so each test takes milliseconds.

The real docs/ tree is the data where it is enough; a test that breaks something works on a copy of
docs/_data/ (and of the pages it needs) in pytest's tmp_path. Expected values are read from the data
files with plain PyYAML, not through atlas.data, so that a loader bug cannot hide itself.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import textwrap
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import markdown
import pytest
import yaml

from atlas import bodymap, model
from atlas.data import DataError, load_body, load_cautions, load_poses, load_urgent_signs, load_zone_words
from atlas.publish import GRAPH_FILE, publish

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
DATA_EXTENSIONS = ("atlas.bodymap", "atlas.figures", "atlas.cautions")  # those with a docs_dir setting
CENTRE = 100.0  # the body outline's centre line in body.yml's coordinates

try:
    from mkdocs.exceptions import BuildError
except ImportError:  # pragma: no cover - the project always installs MkDocs
    BuildError = None  # type: ignore[assignment, misc]


# --- helpers -------------------------------------------------------------------------------------

def render(text: str, *extensions: str, docs: Path = DOCS, config: dict[str, dict[str, Any]] | None = None) -> str:
    """`text` as HTML through `extensions`, the site's own reading their data from `docs`."""
    configs: dict[str, dict[str, Any]] = {
        name: {"docs_dir": str(docs)} for name in extensions if name in DATA_EXTENSIONS}
    for name, values in (config or {}).items():
        configs[name] = {**configs.get(name, {}), **values}
    return markdown.markdown(text, extensions=list(extensions), extension_configs=configs)


@dataclass
class Node:
    """An element of rendered HTML. Tag and attribute names are lower case (HTMLParser's doing:
    SVG's viewBox is `viewbox` here)."""

    tag: str
    attrs: dict[str, str]
    children: list[Node | str] = field(default_factory=list)

    def classes(self) -> list[str]:
        return self.attrs.get("class", "").split()

    def elements(self) -> Iterator[Node]:
        for child in self.children:
            if isinstance(child, Node):
                yield child
                yield from child.elements()

    def find_all(self, tag: str, cls: str | None = None) -> list[Node]:
        return [node for node in self.elements() if node.tag == tag and (cls is None or cls in node.classes())]

    def find(self, tag: str, cls: str | None = None) -> Node:
        found = self.find_all(tag, cls)
        assert len(found) == 1, f"expected one <{tag} class={cls!r}>, found {len(found)}"
        return found[0]

    def text(self) -> str:
        return "".join(child if isinstance(child, str) else child.text() for child in self.children)


class _TreeBuilder(HTMLParser):
    VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {})
        self.open = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {name: value or "" for name, value in attrs})
        self.open[-1].children.append(node)
        if tag not in self.VOID:
            self.open.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.open[-1].children.append(Node(tag, {name: value or "" for name, value in attrs}))

    def handle_endtag(self, tag: str) -> None:
        if any(node.tag == tag for node in self.open[1:]):
            while self.open.pop().tag != tag:
                pass

    def handle_data(self, data: str) -> None:
        self.open[-1].children.append(data)


def tree(html: str) -> Node:
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root


def words(text: str) -> str:
    """Text with its runs of white space made single spaces, to compare wrapped YAML and HTML text."""
    return " ".join(text.split())


def read_yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def front_matter(path: Path) -> dict[str, Any]:
    return yaml.safe_load(path.read_text(encoding="utf-8").split("---", 2)[1])  # type: ignore[no-any-return]


def kind_pages(folder: str) -> list[Path]:
    return sorted(path for path in (DOCS / folder).glob("*.md") if path.name != "index.md")


def assert_data_error(error: BaseException, *fragments: str) -> None:
    """A DataError, a MkDocs BuildError when MkDocs is installed, whose message holds every fragment."""
    assert isinstance(error, DataError), f"{type(error).__name__} instead of DataError: {error!r}"
    if BuildError is not None:
        assert isinstance(error, BuildError), "not a mkdocs BuildError: MkDocs would print a traceback"
    message = str(error)  # what MkDocs prints
    for fragment in fragments:
        assert fragment in message, f"{fragment!r} not in the message: {message}"


def edit(path: Path, old: str, new: str) -> None:
    """Replace the one occurrence of `old` in the file."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def line_of(path: Path, text: str) -> int:
    """The 1-based number of the first line of the file that contains `text`."""
    return next(number for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text in line)


COPIED_PAGES = ("muscles/piriformis.md", "pain/outer-hip-pain.md", "stretches/half-kneeling-hip-flexor.md")


@pytest.fixture
def docs_copy(tmp_path: Path) -> Path:
    """A small docs tree to break: a copy of docs/_data/ and of a muscle, a pain and a stretch page."""
    docs = tmp_path / "docs"
    shutil.copytree(DOCS / model.DATA_DIR, docs / model.DATA_DIR)
    for rel in COPIED_PAGES:
        (docs / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(DOCS / rel, docs / rel)
    return docs


# --- atlas.sections ------------------------------------------------------------------------------

PAGE = """# A page

Words before the first section.

## What you can do

Rest.

### A smaller heading

Still in the first section.

## When to stop

Stop if it hurts.
"""


def test_sections_wrap_each_h2_and_its_content_in_a_named_section() -> None:
    root = tree(render(PAGE, "atlas.sections"))
    sections = root.find_all("section")
    assert [section.attrs["class"] for section in sections] == [
        "atlas-section atlas-section--what-you-can-do",
        "atlas-section atlas-section--when-to-stop",
    ]
    first, second = sections
    assert [node.tag for node in first.children if isinstance(node, Node)] == ["h2", "p", "h3", "p"]
    assert first.find("h2").text() == "What you can do" and "Still in the first section." in first.text()
    assert second.find("h2").text() == "When to stop" and "Stop if it hurts." in second.text()
    assert "Stop if it hurts." not in first.text()


def test_sections_leave_the_text_before_the_first_heading_alone() -> None:
    root = tree(render(PAGE, "atlas.sections"))
    top = [node for node in root.children if isinstance(node, Node)]
    assert [node.tag for node in top] == ["h1", "p", "section", "section"]
    assert top[1].text() == "Words before the first section."


def test_a_page_without_h2_is_unchanged() -> None:
    text = "# Title\n\nA paragraph.\n\n### Small heading\n\n- a list\n- of things\n"
    html = render(text, "atlas.sections")
    assert html == render(text)
    assert "<section" not in html and "<h3>Small heading</h3>" in html


def test_section_class_is_made_from_the_heading_words_only() -> None:
    html = render("## When to *stop* (`now`)!\n\nText.", "atlas.sections", "toc", config={"toc": {"permalink": True}})
    section = tree(html).find("section")
    assert section.classes() == ["atlas-section", "atlas-section--when-to-stop-now"]  # no permalink mark in it
    assert len(section.find_all("a", cls="headerlink")) == 1


# --- atlas.tables --------------------------------------------------------------------------------

WIDE_TABLE = """| Muscle | Where | Stretches |
| --- | --- | --- |
| [Psoas](p.md) | Back | **Lunge**, bridge |
| Piriformis | Buttock | |
"""


def test_each_cell_of_a_wide_table_is_labelled_with_its_column() -> None:
    rows = tree(render(WIDE_TABLE, "atlas.tables", "tables")).find("tbody").find_all("tr")
    labels = [[cell.attrs.get("data-label") for cell in row.find_all("td")] for row in rows]
    assert labels == [["Muscle", "Where", "Stretches"]] * 2
    assert rows[0].find_all("td")[2].text() == "Lunge, bridge"  # the cells themselves unchanged


def test_a_cell_of_one_or_two_plain_words_carries_them_for_the_stylesheet() -> None:
    text = WIDE_TABLE.replace("| Back |", "| Spill-over |").replace("| Buttock |", "| Low back and buttock |")
    rows = tree(render(text, "atlas.tables", "tables")).find("tbody").find_all("tr")
    values = [[cell.attrs.get("data-value") for cell in row.find_all("td")] for row in rows]
    assert values == [[None, "Spill-over", None], ["Piriformis", None, None]]  # a link, bold or long cell: none


def test_a_table_with_a_zone_column_says_what_main_and_spill_over_mean() -> None:
    zoned = WIDE_TABLE.replace("| Where |", "| Zone |").replace("| Back |", "| Main |").replace("| Buttock |", "| Spill-over |")
    caption = tree(render(zoned, "atlas.tables", "tables")).find("caption")
    assert caption.text() == model.ZONE_KEY
    assert "data-search-exclude" in caption.attrs  # the same on every page: not words to find a page by
    assert tree(render(WIDE_TABLE, "atlas.tables", "tables")).find_all("caption") == []  # no Zone column
    other = zoned.replace("| Main |", "| Low back |").replace("| Spill-over |", "| Buttock |")
    assert tree(render(other, "atlas.tables", "tables")).find_all("caption") == []  # a Zone column of other words


def test_heading_markup_is_left_out_of_the_label() -> None:
    text = WIDE_TABLE.replace("| Muscle |", "| **Muscle** (*name*) |")
    cell = tree(render(text, "atlas.tables", "tables")).find("tbody").find_all("td")[0]
    assert cell.attrs["data-label"] == "Muscle (name)"


def test_a_two_column_table_fits_a_phone_and_is_left_alone() -> None:
    text = "| Part | Details |\n| --- | --- |\n| Origin | The pelvis |\n"
    assert render(text, "atlas.tables", "tables") == render(text, "tables")


# --- atlas.titles --------------------------------------------------------------------------------

FOOTNOTED = """## Warning signs

A GP can help.[^nhs]

[^nhs]: NHS. Back pain.

*[GP]: General practitioner
"""


def test_back_links_and_permalinks_are_named_by_aria_label_and_abbreviations_keep_their_title() -> None:
    extensions = ("footnotes", "abbr", "toc")
    before = tree(render(FOOTNOTED, *extensions, config={"toc": {"permalink": True}}))
    after = tree(render(FOOTNOTED, *extensions, "atlas.titles", config={"toc": {"permalink": True}}))
    for css in ("footnote-backref", "headerlink"):
        plain, named = before.find("a", cls=css), after.find("a", cls=css)
        assert plain.attrs.get("title") and "aria-label" not in plain.attrs  # what the extension changes
        assert "title" not in named.attrs and named.attrs["aria-label"] == plain.attrs["title"], css
    assert after.find("abbr").attrs["title"] == "General practitioner"


# --- atlas.cautions ------------------------------------------------------------------------------

CAUTION = "outer-hip-tendons"
CAUTION_EXTENSIONS = ("atlas.cautions", "admonition", "footnotes", "tables")


def caution_data() -> dict[str, Any]:
    entry: dict[str, Any] = read_yaml(DOCS / model.CAUTIONS_FILE)[CAUTION]
    return entry


def assert_sources_footnote(root: Node) -> None:
    """The page ends with the caution's sources as one footnote, referred to from the text."""
    footnotes = root.find("div", cls="footnote")
    items = footnotes.find_all("li")
    assert [item.attrs.get("id") for item in items] == [f"fn:caution-{CAUTION}"]
    text = words(items[0].text())
    for source in caution_data()["sources"]:
        doi = re.search(r"doi:\[([^\]]+)\]", source)
        assert doi and doi.group(1) in text, f"source missing from the footnote: {source[:60]}"
        assert words(source).split(".")[0] in text  # the authors, as written
    refs = [a for a in root.find_all("a", cls="footnote-ref") if a.attrs.get("href") == f"#fn:caution-{CAUTION}"]
    assert len(refs) >= 1, "the caution does not refer to its sources"


def test_a_caution_line_becomes_a_warning_box_with_its_sources() -> None:
    entry = caution_data()
    html = render(f"Intro.\n\n[[caution {CAUTION}]]\n\n## How to do it\n\nSteps.", *CAUTION_EXTENSIONS)
    root = tree(html)
    box = root.find("div", cls="admonition")
    assert box.classes() == ["admonition", "warning", "atlas-caution-box"]  # the class lets print lay it out
    assert box.find("p", cls="admonition-title").text() == entry["title"]
    body = words(box.text())
    assert [strong.text() for strong in box.find_all("strong")] == re.findall(r"\*\*(.+?)\*\*", entry["text"])
    assert words(re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", entry["text"]).replace("**", "")) in body
    assert box.find("a", cls="footnote-ref").attrs["href"] == f"#fn:caution-{CAUTION}"  # in the box
    assert_sources_footnote(root)
    assert "[[caution" not in html


def test_an_inline_caution_in_a_table_cell_becomes_its_short_line() -> None:
    table = (
        "| Stretch | Position |\n| --- | --- |\n"
        f"| [Lying cross-body buttock stretch](lying.md) [[caution {CAUTION}]] | lying down |\n"
    )
    root = tree(render(table, *CAUTION_EXTENSIONS))
    cell = root.find_all("td")[0]
    assert cell.find_all("a")[0].attrs["href"] == "lying.md"  # the link is kept, the caution follows it
    span = cell.find("span", cls="atlas-caution")
    assert "data-search-exclude" in span.attrs
    assert words(span.text()).startswith(f"(Caution: {caution_data()['short']}")
    assert span.find("strong").text() == "Caution:"
    assert span.find("a", cls="footnote-ref").attrs["href"] == f"#fn:caution-{CAUTION}"
    assert root.find_all("div", cls="admonition") == []  # the short line only, no box in a table
    assert_sources_footnote(root)


def test_a_caution_shown_twice_lists_its_sources_once() -> None:
    text = f"[[caution {CAUTION}]]\n\n| A | B |\n| --- | --- |\n| [x](x.md) [[caution {CAUTION}]] | y |\n"
    root = tree(render(text, *CAUTION_EXTENSIONS))
    assert len(root.find_all("span", cls="atlas-caution")) == 1 and len(root.find_all("div", cls="admonition")) == 1
    assert_sources_footnote(root)


@pytest.mark.parametrize("text", [
    f"Write `[[caution {CAUTION}]]` above the first section.",
    f"Write ``[[caution {CAUTION}]]`` above the first section.",
    f"```\n[[caution {CAUTION}]]\n```",
], ids=["code-span", "double-backtick-span", "fenced-block"])
def test_a_caution_marker_in_code_is_left_as_written(text: str) -> None:
    html = render(text, *CAUTION_EXTENSIONS, "pymdownx.superfences")
    codes = tree(html).find_all("code")
    assert [code.text().strip() for code in codes] == [f"[[caution {CAUTION}]]"]
    assert "atlas-caution" not in html and "admonition" not in html and "footnote" not in html


@pytest.mark.parametrize("text", [
    "[[caution no-such-caution]]",
    "| A | B |\n| --- | --- |\n| [x](x.md) [[caution no-such-caution]] | y |",
], ids=["box", "inline"])
def test_an_unknown_caution_is_a_data_error_naming_the_marker(text: str) -> None:
    with pytest.raises(DataError) as caught:
        render(text, *CAUTION_EXTENSIONS)
    assert_data_error(caught.value, "[[caution no-such-caution]]", "docs/_data/cautions.yml", CAUTION)


def test_a_data_error_prints_its_message_as_mkdocs_does() -> None:
    # MkDocs logs str(error) for a BuildError; with DataError first among its bases, ClickException's
    # __init__ never ran, `message` was unset and str() raised AttributeError inside MkDocs.
    if BuildError is None:  # pragma: no cover - the project always installs MkDocs
        pytest.skip("MkDocs is not installed")
    with pytest.raises(DataError) as caught:
        render("[[caution no-such-caution]]", *CAUTION_EXTENSIONS)
    assert "[[caution no-such-caution]]" in str(caught.value)  # what mkdocs.commands.build logs
    assert "[[caution no-such-caution]]" in caught.value.format_message()  # type: ignore[attr-defined]


# --- atlas.bodymap -------------------------------------------------------------------------------

def body_yaml(docs: Path = DOCS) -> dict[str, Any]:
    data: dict[str, Any] = read_yaml(docs / model.BODY_FILE)
    return data


def pages_by_zone() -> dict[str, list[tuple[str, str]]]:
    """zone -> (file name, title) of each pain page that names it, from the pages' front matter."""
    zones: dict[str, list[tuple[str, str]]] = {}
    for path in kind_pages("pain"):
        meta = front_matter(path)
        for zone in meta["zones"]:
            zones.setdefault(zone, []).append((path.name, meta["title"]))
    return zones


def test_the_body_map_draws_each_view_with_one_link_per_zone_that_has_pain_pages() -> None:
    body, zones = body_yaml(), pages_by_zone()
    root = tree(render("[[body-map]]", "atlas.bodymap", config={"atlas.bodymap": {"base": "../"}}))
    views = root.find("div", cls="atlas-bodymap").find_all("figure", cls="atlas-bodymap__view")
    assert [view.find("figcaption").text() for view in views] == [v["title"] for v in body["views"].values()]
    for name, view in zip(body["views"], views):
        svg = view.find("svg")
        assert svg.attrs["role"] == "group" and svg.attrs["aria-label"] == f"{body['views'][name]['title']} of the body, from the waist down"
        expected = {zone for zone, shapes in body["zones"].items()
                    if zone in zones and any(shape[0] == name for shape in shapes)}
        links = svg.find_all("a", cls="atlas-zone")
        assert expected and sorted(link.attrs["data-zone"] for link in links) == sorted(expected), name
        for link in links:
            zone = link.attrs["data-zone"]
            pages = zones[zone]
            href = f"../pain/{pages[0][0]}" if len(pages) == 1 else f"#zone-{zone}"
            assert link.attrs["href"] == href, zone
            assert link.attrs["aria-label"] == link.find("title", cls=None).text()
            assert link.attrs["aria-label"].startswith(model.ZONE_MAP_LABELS[zone] + ": ")
            assert len(link.find_all("rect", cls="atlas-hit")) == 1, f"{zone} has no label to tap"
            assert link.find("text", cls="atlas-label").text() == model.ZONE_MAP_LABELS[zone]


def test_the_body_map_links_only_the_zones_that_have_pain_pages(docs_copy: Path) -> None:
    zones = front_matter(docs_copy / "pain/outer-hip-pain.md")["zones"]  # the copy's only pain page
    assert set(zones) < set(model.ZONES)
    root = tree(render("[[body-map]]", "atlas.bodymap", docs=docs_copy))
    links = root.find_all("a", cls="atlas-zone")
    drawn = {link.attrs["data-zone"] for link in links}
    assert drawn == set(zones)
    assert {link.attrs["href"] for link in links} == {"pain/outer-hip-pain.md"}  # one page: straight to it
    listing = root.find("ul", cls="atlas-bodymap__list")
    assert [item.attrs["id"] for item in listing.children if isinstance(item, Node)] == [
        f"zone-{zone}" for zone in model.ZONES if zone in zones]


def test_the_body_map_lists_the_same_links_in_words() -> None:
    zones = pages_by_zone()
    root = tree(render("[[body-map]]", "atlas.bodymap", config={"atlas.bodymap": {"base": "../"}}))
    assert [h2.text() for h2 in root.find_all("h2")] == ["Pain pages by body zone"]
    listing = root.find("ul", cls="atlas-bodymap__list")
    entries = [item for item in listing.children if isinstance(item, Node)]
    assert [item.attrs["id"] for item in entries] == [f"zone-{zone}" for zone in model.ZONES if zone in zones]
    for item in entries:
        zone = item.attrs["id"].removeprefix("zone-")
        assert item.find("strong").text() == model.ZONE_LABELS[zone]
        links = {a.attrs["href"]: a.text() for a in item.find_all("a")}
        assert links == {f"../pain/{name}": title for name, title in zones[zone]}


def zone_words(zones: list[str]) -> str:
    return ", ".join(model.ZONE_LABELS[zone].lower() for zone in zones)


def test_a_muscle_pain_map_draws_the_muscle_and_says_it_in_words() -> None:
    body = body_yaml()
    meta = front_matter(DOCS / "muscles/piriformis.md")
    main, spill = meta["pain_map"]["main"], meta["pain_map"]["spill"]
    view, outline = body["muscles"]["piriformis"]["view"], body["muscles"]["piriformis"]["outline"]
    figure = tree(render("[[pain-map muscles/piriformis.md]]", "atlas.bodymap")).find("figure", cls="atlas-painmap")
    text = figure.find("span", cls="atlas-painmap__text").text()
    assert text == (f"Where the piriformis can send pain, shown on the right side of the body. "
                    f"Main pain area: {zone_words(main)}. Spill-over area: {zone_words(spill)}. "
                    "The muscle itself is outlined with a dashed line.")
    drawn_views = {shape[0] for zone in main + spill for shape in body["zones"][zone]} | {view}
    titles = [words["title"] for name, words in body["views"].items() if name in drawn_views]
    svgs = figure.find_all("svg")
    assert [svg.attrs["aria-label"] for svg in svgs] == [f"{title}: {text}" for title in titles]
    assert all(svg.attrs["role"] == "img" for svg in svgs)
    svg = svgs[titles.index(body["views"][view]["title"])]
    # The person's right side, where the muscle and its pain are drawn, is the picture's left seen
    # from the front and its right seen from the back.
    side = -1 if view == "front" else 1
    points = " ".join(f"{CENTRE + side * dx:.1f},{y:.1f}" for dx, y in outline)
    assert [p.attrs["points"] for p in svg.find_all("polygon", cls="atlas-muscle")] == [points]
    assert sum(len(other.find_all("polygon")) for other in svgs) == 1, "the muscle is drawn once"
    expected = sorted({(CENTRE + side * dx, float(y)) for zone in main
                       for shape_view, dx, y, _rx, _ry in body["zones"][zone] if shape_view == view})
    mains = sorted((float(e.attrs["cx"]), float(e.attrs["cy"])) for e in svg.find_all("ellipse", cls="atlas-pain-main"))
    assert expected and mains == expected, "a muscle's pain is drawn on the person's right side only"
    spills = svg.find_all("ellipse", cls="atlas-pain-spill")
    assert spills and all(e.attrs["fill"] == f"url(#atlas-map-hatch-{view})" for e in spills)
    assert [words(key.text()) for key in figure.find_all("span", cls="atlas-key")] == [
        "main pain area", "spill-over area (striped)", "the piriformis (dashed outline)"]


def test_a_pain_page_map_draws_both_sides_in_every_view_it_needs() -> None:
    body = body_yaml()
    zones = front_matter(DOCS / "pain/outer-hip-pain.md")["zones"]
    figure = tree(render("[[pain-map pain/outer-hip-pain.md]]", "atlas.bodymap")).find("figure", cls="atlas-painmap")
    text = figure.find("span", cls="atlas-painmap__text").text()
    assert text == f"Where this pain is felt, on either side of the body: {zone_words(zones)}."
    views = [view for view in body["views"] if any(s[0] == view for zone in zones for s in body["zones"][zone])]
    svgs = figure.find_all("svg")
    assert [svg.attrs["aria-label"] for svg in svgs] == [f"{body['views'][view]['title']}: {text}" for view in views]
    for view, svg in zip(views, svgs):
        expected = sorted({(x, float(y)) for zone in zones for shape_view, dx, y, _rx, _ry in body["zones"][zone]
                           if shape_view == view for x in (CENTRE - dx, CENTRE + dx)})
        drawn = sorted((float(e.attrs["cx"]), float(e.attrs["cy"]))
                       for e in svg.find_all("ellipse", cls="atlas-pain-main"))
        assert any(x < CENTRE for x, _y in drawn) and any(x > CENTRE for x, _y in drawn), f"one side only in {view}"
        assert drawn == expected, view
        assert svg.find_all("polygon") == [] and svg.find_all("ellipse", cls="atlas-pain-spill") == []


def remove_pain_map(docs: Path) -> None:
    edit(docs / "muscles/piriformis.md", "pain_map: {main: [buttock], spill: [sacrum, sacroiliac, thigh-back]}\n", "")


def remove_muscle_shape(docs: Path) -> None:
    body = docs / model.BODY_FILE
    text = body.read_text(encoding="utf-8")
    shape = re.search(r"^  piriformis:\n(?:    .*\n)+", text, flags=re.MULTILINE)
    assert shape, "body.yml has no shape for the piriformis to remove"
    body.write_text(text.replace(shape.group(0), ""), encoding="utf-8")


def break_body_yaml(docs: Path) -> None:
    edit(docs / model.BODY_FILE, "head: [100, 46, 27, 34]", "head: [100, 46, 27, 34")


def rename_a_zone(docs: Path) -> None:
    edit(docs / model.BODY_FILE, "  calf: [[back", "  calves: [[back")


def empty_body_yaml(docs: Path) -> None:
    (docs / model.BODY_FILE).write_text("# nothing drawn yet\n", encoding="utf-8")


def delete_body_yaml(docs: Path) -> None:
    (docs / model.BODY_FILE).unlink()


def nest_a_zone(docs: Path) -> None:
    edit(docs / "muscles/piriformis.md", "pain_map: {main: [buttock],", "pain_map: {main: [[buttock]],")


def no_change(docs: Path) -> None:
    pass


CALF_LINE = f"docs/{model.BODY_FILE}:{line_of(DOCS / model.BODY_FILE, '  calf: [[back')}: "  # rename_a_zone's line


@pytest.mark.parametrize(("marker", "change", "fragments"), [
    pytest.param("muscles/piriformis.md", remove_pain_map,
                 ["[[pain-map muscles/piriformis.md]]", "has no 'pain_map' in its front matter"],
                 id="muscle-without-pain-map"),
    pytest.param("muscles/piriformis.md", remove_muscle_shape,
                 ["[[pain-map muscles/piriformis.md]]", f"no shape to draw in {model.BODY_FILE}",
                               "under 'muscles' as 'piriformis'"],
                 id="muscle-without-shape"),
    pytest.param("pain/outer-hip-pain.md", break_body_yaml,
                 [f"docs/{model.BODY_FILE}:", "the YAML cannot be read"],
                 id="body-yml-not-yaml"),
    pytest.param("pain/outer-hip-pain.md", rename_a_zone,
                 [CALF_LINE, "zone 'calves' is not a zone of the page model"],
                 id="body-yml-unknown-zone"),
    pytest.param("muscles/no-such-muscle.md", no_change,
                 ["[[pain-map muscles/no-such-muscle.md]]", "there is no page docs/muscles/no-such-muscle.md"],
                 id="no-such-page"),
    pytest.param("stretches/half-kneeling-hip-flexor.md", no_change,
                 ["stretches/half-kneeling-hip-flexor.md is not a pain page or a muscle page"],
                 id="stretch-page"),
    # Each of these three once escaped as another exception: IndexError (body_data read problems[0] when
    # load_body gave none) and TypeError (a list as a zone name, looked up in a dict).
    pytest.param("pain/outer-hip-pain.md", empty_body_yaml, [f"docs/{model.BODY_FILE}:"], id="body-yml-empty"),
    pytest.param("pain/outer-hip-pain.md", delete_body_yaml, [f"docs/{model.BODY_FILE}:"], id="body-yml-missing"),
    pytest.param("muscles/piriformis.md", nest_a_zone,
                 ["[[pain-map muscles/piriformis.md]]", f"names zones that {model.BODY_FILE} does not draw"],
                 id="pain-map-zone-not-a-name"),
])
def test_a_pain_map_that_cannot_be_drawn_is_a_data_error_saying_what_to_fix(
        docs_copy: Path, marker: str, change: Callable[[Path], None], fragments: list[str]) -> None:
    change(docs_copy)
    with pytest.raises(DataError) as caught:
        render(f"# A page\n\n[[pain-map {marker}]]\n", "atlas.bodymap", docs=docs_copy)
    assert_data_error(caught.value, *fragments)


def test_a_broken_body_yml_stops_the_body_map_too(docs_copy: Path) -> None:
    rename_a_zone(docs_copy)
    with pytest.raises(DataError) as caught:
        render("[[body-map]]", "atlas.bodymap", docs=docs_copy)
    assert_data_error(caught.value, CALF_LINE, "zone 'calves'")


# --- atlas.figures -------------------------------------------------------------------------------

FIGURE = "half-kneeling-hip-flexor"
STAGES = ("start", "end")


def test_a_stretch_figure_draws_two_panels_with_their_words_and_a_legend() -> None:
    spec = read_yaml(DOCS / model.POSES_FILE)[FIGURE]
    figure = tree(render(f"[[stretch-figure {FIGURE}]]", "atlas.figures")).find("figure", cls="atlas-stretch")
    assert "data-search-exclude" in figure.attrs, "the figure's words (the same on every stretch) would be searched"
    panels = figure.find("div", cls="atlas-stretch__panels").find_all("div", cls="atlas-stretch__panel")
    assert len(panels) == 2
    for panel, stage, label in zip(panels, STAGES, ("1 Start", "2 Stretch")):
        says, seen = spec[stage]["says"], f"seen from the {spec[stage].get('view', spec.get('view', 'side'))}"
        svg = panel.find("svg")
        assert svg.attrs["role"] == "img"
        assert svg.attrs["aria-label"] == f"{label}, {seen}: {says}"
        assert svg.attrs["viewbox"] == " ".join(str(v) for v in spec["frame"])
        assert len(svg.find_all("line", cls="atlas-fig-body")) >= 3 and svg.find_all("circle", cls="atlas-fig-head")
        assert len(svg.find_all("line", cls="atlas-fig-muscle")) == 1, "the stretched muscle is not drawn"
        step = panel.find("p", cls="atlas-stretch__step")
        assert step.find("strong").text() == f"{label} ({seen}). " and step.find("span").text() == says
    arrows = [len(panel.find_all("path", cls="atlas-fig-arrow")) for panel in panels]
    assert arrows == [len(spec[stage].get("arrows", [])) for stage in STAGES] and sum(arrows) > 0
    caption = figure.find("figcaption")
    assert words(caption.find_all("span")[0].text()) == words(spec["caption"])
    keys = caption.find("span", cls="atlas-legend").find_all("span", cls="atlas-swatch")
    assert [key.classes()[1] for key in keys] == ["atlas-key-stretched", "atlas-key-arrow"]
    assert [words(key.text()) for key in caption.find_all("span", cls="atlas-key")] == [
        "the muscle being stretched (orange band)", "the direction to move (arrow)"]


def test_an_unknown_stretch_figure_is_a_data_error_naming_the_key() -> None:
    with pytest.raises(DataError) as caught:
        render("[[stretch-figure half-kneeling-hip-flexr]]", "atlas.figures")
    assert_data_error(caught.value, "[[stretch-figure half-kneeling-hip-flexr]]",
                      f"docs/{model.POSES_FILE} has no figure 'half-kneeling-hip-flexr'")


def test_a_bent_back_is_drawn_as_a_curve_and_the_muscle_band_follows_it(docs_copy: Path) -> None:
    poses = docs_copy / model.POSES_FILE
    poses.write_text(
        "curl:\n  caption: A curled back.\n  view: side\n  props: [mat]\n"
        "  start:\n    says: Flat back.\n    pelvis: [200, 250]\n    trunk: -90\n"
        "    limbs:\n      near_leg: [0, 0, 90]\n    muscle: {from: [trunk, 0.1], to: [trunk, 0.9]}\n"
        "  end:\n    says: Round back.\n    pelvis: [200, 250]\n    trunk: -90\n    trunk_bend: [0, -20]\n"
        "    limbs:\n      near_leg: [0, 0, 90]\n    muscle: {from: [trunk, 0.1], to: [trunk, 0.9]}\n",
        encoding="utf-8")
    flat, bent = tree(render("[[stretch-figure curl]]", "atlas.figures", docs=docs_copy)).find_all("svg")
    assert flat.find_all("line", cls="atlas-fig-muscle") and not flat.find_all("path", cls="atlas-fig-body")
    back = bent.find("path", cls="atlas-fig-body")  # the trunk: one quadratic curve, bulging upwards
    assert back is not None and " Q" in back.attrs["d"] and back.attrs["fill"] == "none"
    control_y = float(back.attrs["d"].split(" Q")[1].split()[0].split(",")[1])
    assert control_y == pytest.approx(250 - 2 * 20)
    band = bent.find("path", cls="atlas-fig-muscle")
    assert band is not None and not bent.find_all("line", cls="atlas-fig-muscle")
    ys = [float(point.split(",")[1]) for point in band.attrs["d"].lstrip("M").split(" L")]
    assert min(ys) == pytest.approx(250 - 20, abs=0.5), "the band does not follow the curve up to its top"
    assert ys[0] > min(ys) and ys[-1] > min(ys)


POSE_START = "      near_arm: [15, 50]\n    muscle: {from: [trunk, 0.14], to: [near_leg.thigh, 0.5], shift: [7, 0]}\n"
START_LIMBS = ("    limbs:\n      far_arm: [8, 40]\n      far_leg: [88.5, 9.8, 90]\n      near_leg: [0, -90, -90]\n"
               + POSE_START)


@pytest.mark.parametrize(("old", "new", "where", "says"), [
    pytest.param("      far_leg: [88.5, 9.8, 90]", "      far_lag: [88.5, 9.8, 90]", "far_lag:",
                 ["limb 'far_lag' is not a limb", "[far_|near_][right_|left_]leg or arm"], id="misspelt-limb"),
    # The loader once let these three through, and drawing them raised IndexError or AttributeError.
    pytest.param(POSE_START, POSE_START.replace("shift: [7, 0]", "shift: [7]"), "shift: [7]", ["'muscle'", "shift"],
                 id="short-shift"),
    pytest.param(POSE_START, POSE_START + "    scale: [1, 0.5]\n", "scale: [1, 0.5]", ["'scale'"],
                 id="scale-not-a-mapping"),
    pytest.param(START_LIMBS, "    limbs: []\n", "limbs: []", ["'limbs'"], id="limbs-not-a-mapping"),
])
def test_a_broken_pose_is_rejected_by_the_loader_and_not_drawn(
        docs_copy: Path, old: str, new: str, where: str, says: list[str]) -> None:
    poses = docs_copy / model.POSES_FILE
    only_first = poses.read_text(encoding="utf-8").split("\nstanding-side-bend:", 1)[0]  # less to read
    assert FIGURE in only_first
    poses.write_text(only_first, encoding="utf-8")
    edit(poses, old, new)
    line = line_of(poses, where)
    with pytest.raises(DataError) as caught:
        render(f"[[stretch-figure {FIGURE}]]", "atlas.figures", docs=docs_copy)
    assert_data_error(caught.value, f"docs/{model.POSES_FILE}:{line}: ", f"figure '{FIGURE}'", *says)
    figures, problems = load_poses(docs_copy)
    assert figures == {}, "the loader accepted the broken pose"
    assert problems[0][:2] == (model.POSES_FILE, line)


# --- atlas.data ----------------------------------------------------------------------------------

def test_the_real_data_files_load_without_problems() -> None:
    body, problems = load_body(DOCS)
    assert problems == [] and body is not None
    assert set(body.zones) == set(model.ZONES)
    assert set(body.muscles) == {path.stem for path in kind_pages("muscles")}
    assert set(body.views) == set(body_yaml()["views"])

    figures, problems = load_poses(DOCS)
    assert problems == []
    markers = {match.group("key") for path in kind_pages("stretches")
               for match in model.STRETCH_FIGURE_MARKER.finditer(path.read_text(encoding="utf-8"))}
    assert markers and markers <= set(figures)
    assert figures == read_yaml(DOCS / model.POSES_FILE)

    cautions, problems = load_cautions(DOCS)
    assert problems == []
    raw = read_yaml(DOCS / model.CAUTIONS_FILE)
    assert set(cautions) == set(raw)
    assert cautions[CAUTION].title == raw[CAUTION]["title"] and cautions[CAUTION].footnote == f"caution-{CAUTION}"
    assert len(cautions[CAUTION].sources) == len(raw[CAUTION]["sources"])


LOADERS = [
    pytest.param(load_body, model.BODY_FILE, id="body"),
    pytest.param(load_poses, model.POSES_FILE, id="poses"),
    pytest.param(load_cautions, model.CAUTIONS_FILE, id="cautions"),
]


@pytest.mark.parametrize(("load", "rel"), LOADERS)
def test_each_data_file_is_read_once(load: Callable[[Path], tuple[Any, list[Any]]], rel: str) -> None:
    assert (DOCS / rel).is_file()
    first = load(DOCS)
    assert first[0] and first[1] == []
    assert load(DOCS) is first
    assert load(Path(str(DOCS))) is first  # an equal path, not only the same object


@pytest.mark.parametrize(("load", "rel"), LOADERS)
def test_a_data_file_is_read_again_once_it_changes(
        tmp_path: Path, load: Callable[[Path], tuple[Any, list[Any]]], rel: str) -> None:
    docs = tmp_path / "docs"
    path = docs / rel
    path.parent.mkdir(parents=True)
    shutil.copyfile(DOCS / rel, path)
    first = load(docs)
    assert first[0] and first[1] == [] and load(docs) is first
    before = path.stat()
    path.write_text("broken: [\n", encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000_000_000))  # surely a new time
    second = load(docs)
    assert second is not first
    assert second[1] and second[1][0][0] == rel and "the YAML cannot be read" in second[1][0][2]
    assert load(docs) is second


# --- atlas.publish -------------------------------------------------------------------------------

def aliases() -> dict[str, str]:
    """'/alias/' -> the address of its page, from the front matter of every page."""
    found: dict[str, str] = {}
    for path in sorted(DOCS.rglob("*.md")):
        rel = path.relative_to(DOCS).as_posix()
        if model.is_page_file(rel):
            for alias in front_matter(path).get("aliases", []):
                found[f"/{alias}/"] = model.page_url(rel)
    return found


REAL_PAGE = "<p>A real page where an alias would go.</p>"


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    """The real docs published into a folder holding one real page, at /ql/ (publishing needs no other
    built pages): the folder, and what publish() says it wrote."""
    site = tmp_path_factory.mktemp("site")
    (site / "ql").mkdir()
    (site / "ql" / "index.html").write_text(REAL_PAGE, encoding="utf-8")
    return site, publish(DOCS, site)


def test_publish_writes_a_redirect_page_per_alias(published: tuple[Path, list[str]]) -> None:
    site, written = published
    expected = aliases()
    assert expected["/psoas/"] == "/muscles/iliopsoas/" and "/ql/" in expected
    del expected["/ql/"]  # a real page is there: see test_publish_never_overwrites_a_real_page
    assert sorted(written) == sorted([*expected, f"/{GRAPH_FILE}"])
    for alias, target in expected.items():
        page = (site / alias.strip("/") / "index.html").read_text(encoding="utf-8")
        assert f"<title>Redirecting to {target}</title>" in page, alias
    page = (site / "psoas" / "index.html").read_text(encoding="utf-8")
    assert '<meta http-equiv="refresh" content="0; url=../muscles/iliopsoas/">' in page
    assert '<link rel="canonical" href="../muscles/iliopsoas/">' in page
    assert '<meta name="robots" content="noindex">' in page
    assert '<a href="../muscles/iliopsoas/">/muscles/iliopsoas/</a>' in page
    assert 'location.replace("../muscles/iliopsoas/" + location.hash)' in page


def test_publish_writes_the_graph_with_every_pain_muscle_and_stretch_page(published: tuple[Path, list[str]]) -> None:
    site, _written = published
    graph = json.loads((site / GRAPH_FILE).read_text(encoding="utf-8"))
    kinds = {"pain": "pain", "muscles": "muscle", "stretches": "stretch"}
    expected = {f"{folder}/{path.name}": (kind, front_matter(path)["title"])
                for folder, kind in kinds.items() for path in kind_pages(folder)}
    assert {page["path"]: (page["kind"], page["title"]) for page in graph["pages"]} == expected
    assert len(graph["pages"]) == len(expected)
    linked = {edge["from"] for edge in graph["edges"]} | {edge["to"] for edge in graph["edges"]}
    assert linked == set(expected), "a page is in no table row of the graph"
    piriformis = [e for e in graph["edges"] if e["from"] == "muscles/piriformis.md" and e["to"].startswith("pain/")]
    assert {e["to"] for e in piriformis} >= {"pain/buttock-and-back-of-leg-pain.md"}


def test_publish_never_overwrites_a_real_page(published: tuple[Path, list[str]]) -> None:
    site, written = published
    assert "/ql/" not in written and "/ql-stretch/" in written
    assert (site / "ql" / "index.html").read_text(encoding="utf-8") == REAL_PAGE


def test_publish_escapes_markup_of_front_matter_titles_in_the_search_index(tmp_path: Path) -> None:
    docs, site = tmp_path / "docs", tmp_path / "site"
    (docs / "pain").mkdir(parents=True)
    (docs / "pain" / "hip.md").write_text(
        "---\ntitle: 'Hip pain <img src=x onerror=alert(1)>'\nzones: [hip-side]\n---\n\n## Where it hurts\n\nText.\n",
        encoding="utf-8")
    (docs / "pain" / "plain.md").write_text("---\ntitle: Plain & simple\n---\n\nText.\n", encoding="utf-8")
    index = site / "search" / "search_index.json"
    index.parent.mkdir(parents=True)
    docs_in_index = [
        {"location": "pain/hip/", "title": "Hip pain <img src=x onerror=alert(1)>", "text": "<p>Text.</p>",
         "tags": ["<b>hip</b>", "bursitis"]},
        {"location": "pain/hip/#where-it-hurts", "title": "Where it hurts", "text": "<p>Text.</p>"},
        {"location": "pain/plain/", "title": "Plain & simple", "text": ""},
        {"location": "other/", "title": "Not a page <of ours>", "text": ""},
    ]
    index.write_text(json.dumps({"config": {"lang": ["en"]}, "docs": docs_in_index}), encoding="utf-8")
    publish(docs, site)
    data = json.loads(index.read_text(encoding="utf-8"))
    assert data["config"] == {"lang": ["en"]}
    hip, section, plain, other = data["docs"]
    assert hip["title"] == "Hip pain &lt;img src=x onerror=alert(1)&gt;"
    assert hip["tags"] == ["&lt;b&gt;hip&lt;/b&gt;", "bursitis"]
    assert hip["text"] == "<p>Text.</p>", "the indexed HTML text is Material's own: left alone"
    assert section["title"] == "Where it hurts"
    assert plain["title"] == "Plain &amp; simple"
    assert other["title"] == "Not a page <of ours>", "only titles that come from our front matter are changed"


def test_publish_writes_each_pages_own_names_for_search(tmp_path: Path) -> None:
    """search/names.json: every title, alias and other name, compared as words in lower case, leads to
    its page; a title or alias wins over another page's other name; a name two pages share in the same
    rank leads to neither; a page left out of search is left out."""
    docs, site = tmp_path / "docs", tmp_path / "site"
    (docs / "muscles").mkdir(parents=True)
    (docs / "muscles" / "iliopsoas.md").write_text(
        "---\ntitle: Iliopsoas\naliases: [psoas, hip-flexor]\nalso_called: [Hip flexors, Knee to chest, both]\n---\n",
        encoding="utf-8")
    (docs / "muscles" / "one.md").write_text("---\ntitle: Knee-to-Chest?\naliases: [same-name]\nalso_called: [both]\n---\n",
                                             encoding="utf-8")
    (docs / "muscles" / "two.md").write_text("---\ntitle: Same name\n---\n", encoding="utf-8")
    (docs / "muscles" / "index.md").write_text("---\ntitle: Muscles\nsearch: {exclude: true}\n---\n", encoding="utf-8")
    (site / "search").mkdir(parents=True)
    assert "/search/names.json" in publish(docs, site)
    names = json.loads((site / "search" / "names.json").read_text(encoding="utf-8"))
    assert names == {"iliopsoas": "muscles/iliopsoas/", "psoas": "muscles/iliopsoas/",
                     "hip flexor": "muscles/iliopsoas/", "knee to chest": "muscles/one/",
                     "hip flexors": "muscles/iliopsoas/"}


def test_publish_writes_each_zones_words_and_pain_pages_for_search(tmp_path: Path) -> None:
    """search/zones.json: each zone's words from _data/zone-words.yml, the pain pages whose first zone
    it is, and every pain page that names it; a pain page left out of search is left out."""
    docs, site = tmp_path / "docs", tmp_path / "site"
    (docs / "pain").mkdir(parents=True)
    (docs / "_data").mkdir()
    words = {zone: {"part": ["word"]} for zone in model.ZONES}
    words["hip-side"] = {"part": ["hip"], "where": ["side", "outside"]}
    (docs / "_data" / "zone-words.yml").write_text(json.dumps(words), encoding="utf-8")
    (docs / "pain" / "outer.md").write_text("---\ntitle: Outer\nzones: [hip-side, thigh-side]\n---\n", encoding="utf-8")
    (docs / "pain" / "leg.md").write_text("---\ntitle: Leg\nzones: [buttock, hip-side]\n---\n", encoding="utf-8")
    (docs / "pain" / "hidden.md").write_text("---\ntitle: Hidden\nzones: [hip-side]\nsearch: {exclude: true}\n---\n",
                                             encoding="utf-8")
    (site / "search").mkdir(parents=True)
    assert "/search/zones.json" in publish(docs, site)
    zones = {entry["zone"]: entry for entry in json.loads((site / "search" / "zones.json").read_text(encoding="utf-8"))}
    assert list(zones) == list(model.ZONES)
    assert zones["hip-side"] == {"zone": "hip-side", "part": ["hip"], "where": ["side", "outside"],
                                 "main": ["pain/outer/"], "any": ["pain/leg/", "pain/outer/"]}
    assert zones["thigh-side"]["main"] == [] and zones["thigh-side"]["any"] == ["pain/outer/"]


def test_publish_writes_the_warning_signs_and_the_urgent_page_for_search(tmp_path: Path) -> None:
    """search/urgent.json: the urgent page's address and each sign's groups of words from
    _data/urgent-signs.yml; with no urgent page, no page to put first."""
    docs, site = tmp_path / "docs", tmp_path / "site"
    (docs / "_data").mkdir(parents=True)
    (docs / "_data" / "urgent-signs.yml").write_text("saddle:\n  - [numb]\n  - [groin, saddle]\nfever:\n  - [fever]\n",
                                                    encoding="utf-8")
    (site / "search").mkdir(parents=True)
    assert "/search/urgent.json" in publish(docs, site)
    assert json.loads((site / "search" / "urgent.json").read_text(encoding="utf-8")) == {
        "page": "", "signs": [[["numb"], ["groin", "saddle"]], [["fever"]]]}
    (docs / "urgent.md").write_text("---\ntitle: When to get help now\n---\n", encoding="utf-8")
    publish(docs, site)
    assert json.loads((site / "search" / "urgent.json").read_text(encoding="utf-8"))["page"] == "urgent/"


def test_publish_writes_the_name_words_and_the_words_to_keep_for_search(tmp_path: Path) -> None:
    """search/spelling.json: the words of page names that a misspelt word is put right to, and the
    words never put right, among them every word of the built search index."""
    docs, site = tmp_path / "docs", tmp_path / "site"
    (docs / "muscles").mkdir(parents=True)
    (docs / "muscles" / "piriformis.md").write_text("---\ntitle: Piriformis\n---\n", encoding="utf-8")
    (site / "search").mkdir(parents=True)
    (site / "search" / "search_index.json").write_text(json.dumps(
        {"docs": [{"location": "muscles/piriformis/", "title": "Piriformis", "text": "<p>Periformis &amp; spines</p>"}]}),
        encoding="utf-8")
    assert "/search/spelling.json" in publish(docs, site)
    table = json.loads((site / "search" / "spelling.json").read_text(encoding="utf-8"))
    assert table["words"] == ["piriformis"] and {"periformis", "spines"} <= set(table["keep"])


def test_the_warning_signs_file_is_well_formed() -> None:
    signs, problems = load_urgent_signs(ROOT / "docs")
    assert problems == [] and {"saddle-numbness", "bladder-or-bowel", "both-legs"} <= set(signs)


def test_the_zone_words_give_every_zone_of_the_page_model_its_words() -> None:
    words, problems = load_zone_words(ROOT / "docs")
    assert problems == [] and list(words) == list(model.ZONES)


def test_publish_writes_no_names_where_the_site_has_no_search(published: tuple[Path, list[str]]) -> None:
    site, written = published
    assert not (site / "search").exists() and "/search/names.json" not in written
    assert "/search/zones.json" not in written and "/search/urgent.json" not in written
    assert "/search/spelling.json" not in written


def test_every_zone_has_a_map_label_of_two_short_lines_at_most() -> None:
    assert list(model.ZONE_MAP_LABELS) == list(model.ZONES)
    for zone, label in model.ZONE_MAP_LABELS.items():
        assert len(textwrap.wrap(label, bodymap.LABEL_LETTERS)) <= 2, f"{zone}: {label!r} needs three lines"
