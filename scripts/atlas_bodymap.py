"""The body outline and the pictures drawn on it: the body map, and a referred-pain map per page.

Used three ways:
- as a Python-Markdown extension (`atlas_bodymap` in mkdocs.yml): a line `[[body-map]]` on a page
  becomes the map, drawn as inline SVG from the `zones` of every page in docs/pain/, followed by the
  same links as a plain list. Adding a pain page adds it to the map; nothing else needs editing.
- as a Python-Markdown extension too for referred-pain maps: a line `[[pain-map muscles/piriformis]]`
  becomes a picture of where that page's pain is felt, from its front matter (a muscle page's
  `pain_map`, a pain page's `zones`), on the same outline, with the muscle drawn in.
- as the list of zones the table checker accepts (`ZONES`): a zone is known when it is drawn here.

The map is plain links in inline SVG, so it works without JavaScript. Left and right are named as
the reader's own sides: seen from the front, your right side is on the left of the picture.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element, SubElement

from markdown import Extension, Markdown
from markdown.blockprocessors import BlockProcessor
from markdown.util import AtomicString

MARKER = "[[body-map]]"

# Figure coordinates: one figure is 200 units wide, centred on x = 100, head at the top (y = 10)
# and soles at the bottom (y = 560). Points below are for the figure's half on the right of the
# picture, from the neck down the outside and back up the inside of the leg; the other half is
# the mirror image.
CENTRE = 100.0
HALF_OUTLINE: tuple[tuple[float, float], ...] = (
    (11, 80), (13, 98), (40, 106), (58, 116), (66, 134), (71, 170), (77, 212), (85, 252),
    (92, 290), (97, 312), (92, 326), (84, 318), (79, 292), (70, 252), (62, 214), (54, 176),
    (49, 160), (47, 196), (44, 234), (52, 268), (58, 300), (57, 340), (52, 384), (45, 420),
    (46, 446), (45, 482), (36, 528), (37, 546), (30, 558), (13, 557), (12, 540), (14, 500),
    (13, 462), (12, 430), (10, 390), (6, 340), (0, 318),
)
HEAD = (CENTRE, 46.0, 27.0, 34.0)  # centre x, centre y, radius x, radius y


@dataclass(frozen=True)
class Zone:
    """A body zone: its name in front matter, the words shown to readers, and where it is drawn."""

    name: str
    label: str
    # (view, x offset from the centre line, y, radius x, radius y). Shapes with an offset are drawn
    # on both sides of the body; shapes on the centre line once.
    shapes: tuple[tuple[str, float, float, float, float], ...]


ZONE_LIST: tuple[Zone, ...] = (
    Zone("lower-back", "Lower back", (("back", 0, 246, 40, 26),)),
    Zone("sacrum", "Base of the spine (sacrum)", (("back", 0, 292, 17, 20),)),
    Zone("buttock", "Buttock", (("back", 27, 318, 24, 22),)),
    Zone("groin", "Groin", (("front", 16, 306, 12, 13),)),
    Zone("hip-side", "Side of the hip", (("front", 53, 300, 9, 20), ("back", 53, 300, 9, 20))),
    Zone("thigh-front", "Front of the thigh", (("front", 30, 372, 17, 42),)),
    Zone("thigh-side", "Outside of the thigh", (("front", 52, 368, 7, 38), ("back", 52, 368, 7, 38))),
    Zone("thigh-back", "Back of the thigh", (("back", 28, 380, 17, 42),)),
    Zone("knee-side", "Outside of the knee", (("front", 43, 428, 7, 13), ("back", 43, 428, 7, 13))),
    Zone("leg-side", "Outside of the lower leg", (("front", 42, 484, 6, 32), ("back", 42, 484, 6, 32))),
    Zone("calf", "Calf", (("back", 28, 476, 13, 34),)),
    Zone("ankle", "Ankle", (("front", 33, 534, 7, 9), ("back", 33, 534, 7, 9))),
)
ZONES: tuple[str, ...] = tuple(zone.name for zone in ZONE_LIST)
VIEWS = {
    # view: (title, label on the left of the picture, label on the right)
    "front": ("Front", "Your right", "Your left"),
    "back": ("Back", "Your left", "Your right"),
}
HIT_RADIUS = 13.0  # every zone is at least this big to a finger, whatever its drawn size

# Where each muscle lies, drawn on the right side of the body: (view, outline as (distance from the
# centre line, y) points). Deep muscles are drawn as seen through the ones above them.
MUSCLE_SHAPES: dict[str, tuple[str, tuple[tuple[float, float], ...]]] = {
    "iliopsoas": ("front", ((6, 224), (13, 224), (18, 262), (41, 263), (40, 290), (27, 334), (19, 337), (11, 292))),
    "quadratus-lumborum": ("back", ((6, 212), (29, 213), (39, 262), (8, 263))),
    "gluteus-medius": ("back", ((12, 262), (31, 255), (50, 265), (57, 296), (47, 301), (25, 291))),
    "gluteus-minimus": ("back", ((21, 272), (42, 267), (55, 295), (45, 300), (29, 292))),
    "tensor-fasciae-latae": ("front", ((42, 266), (50, 267), (57, 300), (55, 324), (47, 320), (41, 290))),
    "piriformis": ("back", ((6, 287), (14, 282), (53, 295), (51, 304), (14, 301))),
}
ZONE_BY_NAME = {zone.name: zone for zone in ZONE_LIST}


@dataclass(frozen=True)
class PainPage:
    title: str
    url: str  # relative to the page that shows the map
    zones: tuple[str, ...]


def read_pain_pages(docs: Path, base: str) -> list[PainPage]:
    """Every pain page with its title and zones, in title order. `base` is the path from the map
    page to docs/ (such as '' or '../')."""
    from atlas_check.pages import read_page  # the checker's reader: one front-matter parser

    pages: list[PainPage] = []
    for path in sorted((docs / "pain").glob("*.md")):
        if path.name == "index.md":
            continue
        page, _problems = read_page(path, f"pain/{path.name}", str(path))
        zones = page.meta.get("zones")
        if page.title and isinstance(zones, list):
            pages.append(PainPage(page.title, f"{base}pain/{path.name}", tuple(str(z) for z in zones)))
    return sorted(pages, key=lambda p: p.title.lower())


def smooth_path(points: list[tuple[float, float]]) -> str:
    """A closed, smooth SVG path through the points (Catmull-Rom turned into cubic Béziers)."""
    n = len(points)
    parts = [f"M{points[0][0]:.1f},{points[0][1]:.1f}"]
    for i in range(n):
        p0, p1, p2, p3 = points[i - 1], points[i], points[(i + 1) % n], points[(i + 2) % n]
        c1 = (p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6)
        c2 = (p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6)
        parts.append(f"C{c1[0]:.1f},{c1[1]:.1f} {c2[0]:.1f},{c2[1]:.1f} {p2[0]:.1f},{p2[1]:.1f}")
    return " ".join(parts) + "Z"


@cache
def body_path() -> str:
    right = [(CENTRE + x, y) for x, y in HALF_OUTLINE]
    left = [(CENTRE - x, y) for x, y in reversed(HALF_OUTLINE[:-1])]
    return smooth_path(right + left)


def zone_targets(pages: Iterable[PainPage]) -> dict[str, list[PainPage]]:
    targets: dict[str, list[PainPage]] = {name: [] for name in ZONES}
    for page in pages:
        for zone in page.zones:
            if zone in targets:
                targets[zone].append(page)
    return targets


def zone_href(zone: Zone, pages: list[PainPage]) -> str:
    """One page: straight to it. Several: to the zone's entry in the list under the map."""
    return pages[0].url if len(pages) == 1 else f"#zone-{zone.name}"


def zone_name_for_readers(zone: Zone, pages: list[PainPage]) -> str:
    if len(pages) == 1:
        return f"{zone.label}: {pages[0].title}"
    return f"{zone.label}: {len(pages)} pain pages"


def sub_element(parent: Element, tag: str, text: str | None = None, **attributes: str) -> Element:
    element = SubElement(parent, tag, {key.rstrip("_").replace("_", "-"): value for key, value in attributes.items()})
    if text is not None:
        element.text = AtomicString(text)  # plain words: no Markdown or abbreviation processing
    return element


def _ellipse(parent: Element, x: float, y: float, rx: float, ry: float, **attributes: str) -> None:
    sub_element(parent, "ellipse", cx=f"{x:.1f}", cy=f"{y:.1f}", rx=f"{rx:.1f}", ry=f"{ry:.1f}", **attributes)


def outline_svg(parent: Element, view: str, clip: str, labels_y: int, **attributes: str) -> Element:
    """An SVG of the body seen from `view`: the outline (also kept as clip path `clip`, so that what
    is drawn on the body stays inside it) and the reader's own right and left named at `labels_y`."""
    _title, left_label, right_label = VIEWS[view]
    svg = sub_element(parent, "svg", viewBox="-10 -26 220 610", **attributes)
    clip_path = sub_element(sub_element(svg, "defs"), "clipPath", id=clip)
    body = sub_element(svg, "g", class_="atlas-body", aria_hidden="true")
    for group in (clip_path, body):
        sub_element(group, "path", d=body_path())
        _ellipse(group, *HEAD)
    sub_element(svg, "text", left_label, class_="atlas-side", x="-6", y=str(labels_y), aria_hidden="true")
    sub_element(svg, "text", right_label, class_="atlas-side", x="206", y=str(labels_y), text_anchor="end",
                aria_hidden="true")
    return svg


def render_view(parent: Element, view: str, targets: dict[str, list[PainPage]]) -> None:
    title = VIEWS[view][0]
    clip = f"atlas-body-{view}"
    figure = sub_element(parent, "figure", class_="atlas-bodymap__view")
    sub_element(figure, "figcaption", title)
    svg = outline_svg(figure, view, clip, -10, role="group", aria_label=f"{title} of the body")
    for zone in ZONE_LIST:
        pages = targets[zone.name]
        shapes = [shape for shape in zone.shapes if shape[0] == view]
        if not pages or not shapes:
            continue
        name = zone_name_for_readers(zone, pages)
        link = sub_element(svg, "a", href=zone_href(zone, pages), class_="atlas-zone", data_zone=zone.name, aria_label=name)
        sub_element(link, "title", name)
        places = [(x, y, rx, ry) for _view, dx, y, rx, ry in shapes for x in sorted({CENTRE - dx, CENTRE + dx})]
        for x, y, rx, ry in places:  # a touch area at least a finger wide, under the drawn zone
            _ellipse(link, x, y, max(rx, HIT_RADIUS), max(ry, HIT_RADIUS), class_="atlas-hit")
        drawn = sub_element(link, "g", clip_path=f"url(#{clip})")
        for x, y, rx, ry in places:
            _ellipse(drawn, x, y, rx, ry)


def render_list(parent: Element, targets: dict[str, list[PainPage]]) -> None:
    listing = sub_element(parent, "ul", class_="atlas-bodymap__list")
    for zone in ZONE_LIST:
        pages = targets[zone.name]
        if not pages:
            continue
        item = sub_element(listing, "li", id=f"zone-{zone.name}")
        sub_element(item, "strong", zone.label)
        links = sub_element(item, "ul")
        for page in pages:
            sub_element(sub_element(links, "li"), "a", page.title, href=page.url)


def render(parent: Element, pages: list[PainPage]) -> None:
    """Append the map, then the same links as a plain list, to `parent`."""
    targets = zone_targets(pages)
    views = sub_element(parent, "div", class_="atlas-bodymap")
    for view in VIEWS:
        render_view(views, view, targets)
    sub_element(parent, "h2", "Pain pages by body zone")
    render_list(parent, targets)


def side_x(view: str, dx: float) -> float:
    """x of a point `dx` from the centre line on the person's right side: the picture's left when
    seen from the front, its right when seen from the back."""
    return CENTRE - dx if view == "front" else CENTRE + dx


def _points(view: str, outline: tuple[tuple[float, float], ...]) -> str:
    return " ".join(f"{side_x(view, dx):.1f},{y:.1f}" for dx, y in outline)


def zone_words(names: Iterable[str]) -> str:
    return ", ".join(ZONE_BY_NAME[name].label.lower() for name in names)


@dataclass(frozen=True)
class PainMap:
    """What one page's referred-pain map shows."""

    main: tuple[str, ...]
    spill: tuple[str, ...] = ()
    muscle: str | None = None  # the muscle's page name, drawn in on the right side only
    muscle_label: str = ""

    @property
    def views(self) -> list[str]:
        zones = [ZONE_BY_NAME[name] for name in (*self.main, *self.spill)]
        wanted = {shape[0] for zone in zones for shape in zone.shapes}
        if self.muscle:
            wanted.add(MUSCLE_SHAPES[self.muscle][0])
        return [view for view in VIEWS if view in wanted]

    def describe(self) -> str:
        if self.muscle:
            text = f"Where the {self.muscle_label.lower()} can send pain, shown on the right side of the body. "
            text += f"Main pain area: {zone_words(self.main)}."
            if self.spill:
                text += f" Spill-over area: {zone_words(self.spill)}."
            return text + " The muscle itself is outlined with a dashed line."
        return f"Where this pain is felt, on either side of the body: {zone_words(self.main)}."


def render_pain_map(parent: Element, plan: PainMap) -> None:
    figure = sub_element(parent, "figure", class_="atlas-painmap")
    views = sub_element(figure, "div", class_="atlas-painmap__views")
    both_sides = plan.muscle is None
    for view in plan.views:
        title = VIEWS[view][0]
        clip = f"atlas-map-clip-{view}"
        svg = outline_svg(views, view, clip, 12, role="img", aria_label=f"{title}: {plan.describe()}")
        hatch = sub_element(svg.find("defs"), "pattern", id=f"atlas-map-hatch-{view}", width="6", height="6",  # type: ignore[arg-type]
                            patternUnits="userSpaceOnUse", patternTransform="rotate(45)")
        sub_element(hatch, "rect", width="6", height="6", class_="atlas-spill-back")
        sub_element(hatch, "line", x1="0", y1="0", x2="0", y2="6", class_="atlas-spill-line")
        sub_element(svg, "text", title, class_="atlas-view", x="100", y="-10", text_anchor="middle")
        areas = sub_element(svg, "g", clip_path=f"url(#{clip})")
        for names, css in ((plan.spill, "atlas-pain-spill"), (plan.main, "atlas-pain-main")):
            for name in names:
                for shape_view, dx, y, rx, ry in ZONE_BY_NAME[name].shapes:
                    if shape_view != view:
                        continue
                    sides = {CENTRE - dx, CENTRE + dx} if both_sides or dx == 0 else {side_x(view, dx)}
                    paint = {"fill": f"url(#atlas-map-hatch-{view})"} if css == "atlas-pain-spill" else {}
                    for x in sorted(sides):
                        _ellipse(areas, x, y, rx, ry, class_=css, **paint)
        if plan.muscle and MUSCLE_SHAPES[plan.muscle][0] == view:
            sub_element(svg, "polygon", points=_points(view, MUSCLE_SHAPES[plan.muscle][1]), class_="atlas-muscle")
    caption = sub_element(figure, "figcaption")
    sub_element(caption, "span", plan.describe(), class_="atlas-painmap__text")
    keys = [("atlas-key-main", "main pain area")]
    if plan.spill:
        keys.append(("atlas-key-spill", "spill-over area (striped)"))
    if plan.muscle:
        keys.append(("atlas-key-muscle", f"the {plan.muscle_label.lower()} (dashed outline)"))
    legend(caption, keys)


def legend(parent: Element, keys: list[tuple[str, str]]) -> None:
    """A legend in words, each with a small swatch (class, words): the words carry the meaning."""
    box = sub_element(parent, "span", class_="atlas-legend")
    for css, words in keys:
        key = sub_element(box, "span", class_="atlas-key")
        sub_element(key, "span", class_=f"atlas-swatch {css}", aria_hidden="true")
        sub_element(key, "span", words)


def read_pain_map(docs: Path, rel: str) -> PainMap:
    """The map for the page at docs/`rel`: a pain page's zones, or a muscle page's `pain_map`."""
    from atlas_check.pages import read_page

    path = docs / rel
    if not path.is_file():
        raise ValueError(f"[[pain-map {rel}]]: there is no page {path}")
    page, _problems = read_page(path, rel, str(path))
    if page.kind == "pain":
        return PainMap(main=tuple(_known_zones(page.meta.get("zones"), path)))
    spec = page.meta.get("pain_map")
    if page.kind != "muscle" or not isinstance(spec, dict):
        raise ValueError(f"[[pain-map {rel}]]: {path} is not a pain page or a muscle page with 'pain_map'")
    return PainMap(
        main=tuple(_known_zones(spec.get("main"), path)),
        spill=tuple(_known_zones(spec.get("spill", []), path)),
        muscle=path.stem if path.stem in MUSCLE_SHAPES else None,
        muscle_label=page.title or path.stem,
    )


def _known_zones(value: object, path: Path) -> list[str]:
    if not isinstance(value, list):
        raise ValueError(f"{path}: zones must be a list")
    unknown = [str(v) for v in value if v not in ZONE_BY_NAME]
    if unknown:
        raise ValueError(f"{path}: zones not drawn on the body: {', '.join(unknown)}")
    return [str(v) for v in value]


class MarkerProcessor(BlockProcessor):
    """Replaces a paragraph that is just a marker line with the picture `draw` appends for it."""

    def __init__(self, md: Markdown, pattern: str, draw: Callable[[Element, re.Match[str]], None]) -> None:
        super().__init__(md.parser)
        self.pattern = re.compile(pattern)
        self.draw = draw

    def test(self, parent: Element, block: str) -> bool:
        return bool(self.pattern.fullmatch(block.strip()))

    def run(self, parent: Element, blocks: list[str]) -> None:
        match = self.pattern.fullmatch(blocks.pop(0).strip())
        assert match is not None
        self.draw(parent, match)


class BodyMapExtension(Extension):
    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "docs_dir": ["docs", "the docs folder, relative to where the site is built from"],
            "base": ["", "the path from the page that shows the map to the docs folder"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        docs, base = Path(self.getConfig("docs_dir")), self.getConfig("base")
        body_map = MarkerProcessor(md, re.escape(MARKER), lambda parent, _match: render(parent, read_pain_pages(docs, base)))
        pain_map = MarkerProcessor(md, r"\[\[pain-map ((?:pain|muscles)/[\w-]+\.md)\]\]",
                                   lambda parent, match: render_pain_map(parent, read_pain_map(docs, match.group(1))))
        md.parser.blockprocessors.register(body_map, "atlas_bodymap", 95)
        md.parser.blockprocessors.register(pain_map, "atlas_painmap", 94)


def makeExtension(**kwargs: Any) -> BodyMapExtension:  # noqa: N802 - Python-Markdown's name
    return BodyMapExtension(**kwargs)
