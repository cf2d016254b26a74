"""The body outline and the pictures drawn on it: the body map, and a referred-pain map per page.

A Python-Markdown extension (`atlas.bodymap` in mkdocs.yml), drawing from docs/_data/body.yml:
- a line `[[body-map]]` on a page becomes the map, drawn as inline SVG from the `zones` of every page
  in docs/pain/, followed by the same links as a plain list. Adding a pain page adds it to the map;
  nothing else needs editing.
- a line `[[pain-map muscles/piriformis.md]]` becomes a picture of where that page's pain is felt,
  from its front matter (a muscle page's `pain_map`, a pain page's `zones`), on the same outline, with
  the muscle's own shape drawn in.

The map is plain links in inline SVG, so it works without JavaScript. Left and right are named as
the reader's own sides: seen from the front, your right side is on the left of the picture.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element

from markdown import Extension, Markdown

from . import model
from .blocks import MarkerProcessor
from .data import Body, fail, load_body, pain_map_problem
from .svg import ellipse, legend, smooth_path, sub_element

CENTRE = 100.0  # the figure's centre line


def body_data(docs: Path) -> Body:
    """The body outline, zones and muscle shapes, or a build error that says what to fix."""
    body, problems = load_body(docs)
    if body is None:
        file, line, message = problems[0] if problems else (model.BODY_FILE, 1, "the file is missing or empty")
        raise fail(f"docs/{file}:{line}: {message}")
    return body


@dataclass(frozen=True)
class PainPage:
    title: str
    url: str  # relative to the page that shows the map
    zones: tuple[str, ...]


def read_pain_pages(docs: Path, base: str) -> list[PainPage]:
    """Every pain page with its title and zones, in title order. `base` is the path from the map
    page to docs/ (such as '' or '../')."""
    pages: list[PainPage] = []
    for path in sorted((docs / "pain").glob("*.md")):
        if path.name == "index.md":
            continue
        meta = model.read_meta(path)
        title, zones = meta.get("title"), meta.get("zones")
        if isinstance(title, str) and isinstance(zones, list):
            pages.append(PainPage(title.strip(), f"{base}pain/{path.name}", tuple(str(z) for z in zones)))
    return sorted(pages, key=lambda p: p.title.lower())


def body_path(body: Body) -> str:
    right = [(CENTRE + x, y) for x, y in body.outline]
    left = [(CENTRE - x, y) for x, y in reversed(body.outline[:-1])]
    return smooth_path(right + left)


def zone_targets(pages: Iterable[PainPage]) -> dict[str, list[PainPage]]:
    targets: dict[str, list[PainPage]] = {name: [] for name in model.ZONES}
    for page in pages:
        for zone in page.zones:
            if zone in targets:
                targets[zone].append(page)
    return targets


def zone_href(zone: str, pages: list[PainPage]) -> str:
    """One page: straight to it. Several: to the zone's entry in the list under the map."""
    return pages[0].url if len(pages) == 1 else f"#zone-{zone}"


def zone_name_for_readers(zone: str, pages: list[PainPage]) -> str:
    """The link's name starts with the label shown on the map, so that speech input finds it by its words."""
    label = model.ZONE_MAP_LABELS[zone]
    if len(pages) == 1:
        return f"{label}: {pages[0].title}"
    return f"{label}: {len(pages)} pain pages"


def outline_svg(parent: Element, body: Body, view: str, clip: str, labels_y: int, **attributes: str) -> Element:
    """An SVG of the body seen from `view`: the outline (also kept as clip path `clip`, so that what
    is drawn on the body stays inside it) and the reader's own right and left named at `labels_y`."""
    _title, left_label, right_label = body.views[view]
    svg = sub_element(parent, "svg", viewBox="-10 -26 220 610", **attributes)
    clip_path = sub_element(sub_element(svg, "defs"), "clipPath", id=clip)
    drawn = sub_element(svg, "g", class_="atlas-body", aria_hidden="true")
    outline = body_path(body)
    for group in (clip_path, drawn):
        sub_element(group, "path", d=outline)
        ellipse(group, *body.head)
    sub_element(svg, "text", left_label, class_="atlas-side", x="-6", y=str(labels_y), aria_hidden="true")
    sub_element(svg, "text", right_label, class_="atlas-side", x="206", y=str(labels_y), text_anchor="end",
                aria_hidden="true")
    return svg


# The body map's layout, in CSS pixels when the map fills a phone's 358 px column (it scales with its
# column): the body from the waist down in the middle, and a column of labels on each side, each joined
# by a line to its zone. The labels are the tap targets: at least 44 x 44 px, and never overlapping.
MAP_WIDTH = 358.0
MAP_SCALE = 1.2  # pixels per body unit
MAP_FROM_Y = 176.0  # the body is drawn from here (body units, just below the chest) to the soles
MAP_TOP = 30.0  # room above the body for "Your right" and "Your left"
LABEL_WIDTH = 96.0
LABEL_HEIGHT = 44.0
LABEL_GAP = 4.0
LABEL_LETTERS = 10  # letters per line of a label; a label has at most two lines
LINE_HEIGHT = 15.0


@dataclass(frozen=True)
class Label:
    zone: str
    pages: list[PainPage]
    column: int  # 0: the picture's left, 1: its right
    anchor: tuple[float, float]  # where the line meets the zone, in pixels
    centre_y: float = 0.0  # where the label sits


def to_pixels(x: float, y: float) -> tuple[float, float]:
    return MAP_WIDTH / 2 + (x - CENTRE) * MAP_SCALE, MAP_TOP + (y - MAP_FROM_Y) * MAP_SCALE


def lower_body_path(body: Body) -> str:
    """The outline without its arms (from the armpit down), in body units; the map shows it from MAP_FROM_Y."""
    points = body.outline
    armpit = max(range(len(points)), key=lambda i: points[i][0])  # the hand, then round the fingertips
    while armpit + 1 < len(points) and points[armpit + 1][1] >= points[armpit][1]:
        armpit += 1
    while armpit + 1 < len(points) and points[armpit + 1][1] < points[armpit][1]:  # up the inside of the arm
        armpit += 1
    half = [(points[armpit][0], MAP_FROM_Y - 60), *points[armpit:]]
    right = [(CENTRE + x, y) for x, y in half]
    left = [(CENTRE - x, y) for x, y in reversed(half[:-1])]
    return smooth_path(right + left)


def place(labels: list[Label], top: float) -> list[Label]:
    """Labels of one column in order down the page, each as near its zone as the others allow."""
    step = LABEL_HEIGHT + LABEL_GAP
    ys = [max(label.anchor[1], top) for label in labels]
    for i in range(1, len(ys)):
        ys[i] = max(ys[i], ys[i - 1] + step)
    bottom = to_pixels(CENTRE, 562)[1] - LABEL_HEIGHT / 2
    for i in reversed(range(len(ys))):
        limit = bottom if i == len(ys) - 1 else ys[i + 1] - step
        ys[i] = max(min(ys[i], limit), top if i == 0 else ys[i - 1] + step)
    return [Label(l.zone, l.pages, l.column, l.anchor, y) for l, y in zip(labels, ys)]


def map_labels(body: Body, view: str, targets: dict[str, list[PainPage]]) -> list[Label]:
    """The view's zones that have pain pages, top to bottom, given to the two columns in turn."""
    found: list[tuple[float, str]] = []
    for zone in model.ZONES:
        shapes = [shape for shape in body.zones[zone] if shape[0] == view]
        if targets[zone] and shapes:
            found.append((min(shape[2] for shape in shapes), zone))
    labels: list[Label] = []
    for turn, (_y, zone) in enumerate(sorted(found)):
        _view, dx, y, _rx, _ry = next(shape for shape in body.zones[zone] if shape[0] == view)
        column = turn % 2
        anchor = to_pixels(CENTRE - dx if column == 0 else CENTRE + dx, y)
        labels.append(Label(zone, targets[zone], column, anchor))
    top = MAP_TOP + LABEL_HEIGHT / 2
    return [*place([l for l in labels if l.column == 0], top), *place([l for l in labels if l.column == 1], top)]


def render_label(link: Element, label: Label) -> None:
    left = 0.0 if label.column == 0 else MAP_WIDTH - LABEL_WIDTH
    top = label.centre_y - LABEL_HEIGHT / 2
    edge = left + LABEL_WIDTH if label.column == 0 else left
    sub_element(link, "line", x1=f"{edge:.1f}", y1=f"{label.centre_y:.1f}", x2=f"{label.anchor[0]:.1f}",
                y2=f"{label.anchor[1]:.1f}", class_="atlas-leader")
    sub_element(link, "circle", cx=f"{label.anchor[0]:.1f}", cy=f"{label.anchor[1]:.1f}", r="2.5",
                class_="atlas-leader-end")
    sub_element(link, "rect", x=f"{left:.1f}", y=f"{top:.1f}", width=f"{LABEL_WIDTH:.0f}",
                height=f"{LABEL_HEIGHT:.0f}", rx="6", class_="atlas-hit")
    lines = textwrap.wrap(model.ZONE_MAP_LABELS[label.zone], LABEL_LETTERS)[:2]
    text = sub_element(link, "text", class_="atlas-label", x=f"{left + LABEL_WIDTH / 2:.1f}",
                       y=f"{label.centre_y - (len(lines) - 1) * LINE_HEIGHT / 2:.1f}", text_anchor="middle",
                       dominant_baseline="central", aria_hidden="true")
    for i, words in enumerate(lines):
        words = words if i == len(lines) - 1 else words + " "  # the link's text reads as the label's words
        sub_element(text, "tspan", words, x=f"{left + LABEL_WIDTH / 2:.1f}", dy="0" if i == 0 else f"{LINE_HEIGHT:.0f}")


def render_view(parent: Element, body: Body, view: str, targets: dict[str, list[PainPage]]) -> None:
    title, left_label, right_label = body.views[view]
    clip = f"atlas-body-{view}"
    figure = sub_element(parent, "figure", class_="atlas-bodymap__view")
    sub_element(figure, "figcaption", title)
    labels = map_labels(body, view, targets)
    height = max([to_pixels(CENTRE, 562)[1], *(label.centre_y + LABEL_HEIGHT / 2 for label in labels)]) + 2
    svg = sub_element(figure, "svg", viewBox=f"0 0 {MAP_WIDTH:.0f} {height:.0f}", role="group",
                      aria_label=f"{title} of the body, from the waist down")
    defs = sub_element(svg, "defs")
    outline = lower_body_path(body)
    sub_element(sub_element(defs, "clipPath", id=clip), "path", d=outline)
    sub_element(sub_element(defs, "clipPath", id=f"{clip}-cut"), "rect", x="0", y=f"{MAP_TOP:.0f}",
                width=f"{MAP_WIDTH:.0f}", height=f"{height:.0f}")
    ox, oy = to_pixels(0, 0)
    placed = f"translate({ox:.1f} {oy:.1f}) scale({MAP_SCALE})"
    sub_element(sub_element(sub_element(svg, "g", clip_path=f"url(#{clip}-cut)", aria_hidden="true"), "g",
                            class_="atlas-body", transform=placed), "path", d=outline)
    for words, x, anchor in ((left_label, 0, "start"), (right_label, MAP_WIDTH, "end")):
        sub_element(svg, "text", words, class_="atlas-side", x=f"{x:.0f}", y="16", text_anchor=anchor,
                    aria_hidden="true")
    for label in labels:
        pages = label.pages
        name = zone_name_for_readers(label.zone, pages)
        link = sub_element(svg, "a", href=zone_href(label.zone, pages), class_="atlas-zone", data_zone=label.zone,
                           aria_label=name)
        sub_element(link, "title", name)
        drawn = sub_element(sub_element(link, "g", clip_path=f"url(#{clip}-cut)"), "g", transform=placed,
                            clip_path=f"url(#{clip})", class_="atlas-zone-area")
        for _view, dx, y, rx, ry in (shape for shape in body.zones[label.zone] if shape[0] == view):
            for x in sorted({CENTRE - dx, CENTRE + dx}):
                ellipse(drawn, x, y, rx, ry)
        render_label(link, label)


def render_list(parent: Element, targets: dict[str, list[PainPage]]) -> None:
    # The list repeats every pain page's title: left out of search, so it does not outrank the pages.
    wrapper = sub_element(parent, "section", class_="atlas-bodymap__zones", data_search_exclude="")
    listing = sub_element(wrapper, "ul", class_="atlas-bodymap__list")
    for zone in model.ZONES:
        pages = targets[zone]
        if not pages:
            continue
        item = sub_element(listing, "li", id=f"zone-{zone}")
        sub_element(item, "strong", model.ZONE_LABELS[zone])
        links = sub_element(item, "ul")
        for page in pages:
            sub_element(sub_element(links, "li"), "a", page.title, href=page.url)


def render(parent: Element, body: Body, pages: list[PainPage]) -> None:
    """Append the map, then the same links as a plain list, to `parent`."""
    targets = zone_targets(pages)
    views = sub_element(parent, "div", class_="atlas-bodymap", data_search_exclude="")  # labels repeat the list
    for view in body.views:
        render_view(views, body, view, targets)
    sub_element(parent, "h2", "Pain pages by body zone")
    render_list(parent, targets)


def side_x(view: str, dx: float) -> float:
    """x of a point `dx` from the centre line on the person's right side: the picture's left when
    seen from the front, its right when seen from the back."""
    return CENTRE - dx if view == "front" else CENTRE + dx


def _points(view: str, outline: tuple[tuple[float, float], ...]) -> str:
    return " ".join(f"{side_x(view, dx):.1f},{y:.1f}" for dx, y in outline)


def zone_words(names: Iterable[str]) -> str:
    return ", ".join(model.ZONE_LABELS[name].lower() for name in names)


@dataclass(frozen=True)
class PainMap:
    """What one page's referred-pain map shows."""

    main: tuple[str, ...]
    spill: tuple[str, ...] = ()
    muscle: str | None = None  # the muscle's page name, drawn in on the right side only
    muscle_label: str = ""

    def views(self, body: Body) -> list[str]:
        wanted = {shape[0] for name in (*self.main, *self.spill) for shape in body.zones[name]}
        if self.muscle:
            wanted.add(body.muscles[self.muscle][0])
        return [view for view in body.views if view in wanted]

    def describe(self) -> str:
        if self.muscle:
            text = f"Where the {self.muscle_label.lower()} can send pain, shown on the right side of the body. "
            text += f"Main pain area: {zone_words(self.main)}."
            if self.spill:
                text += f" Spill-over area: {zone_words(self.spill)}."
            return text + " The muscle itself is outlined with a dashed line."
        return f"Where this pain is felt, on either side of the body: {zone_words(self.main)}."


def render_pain_map(parent: Element, body: Body, plan: PainMap) -> None:
    figure = sub_element(parent, "figure", class_="atlas-painmap", data_search_exclude="")  # its words repeat the page
    views = sub_element(figure, "div", class_="atlas-painmap__views")
    both_sides = plan.muscle is None
    for view in plan.views(body):
        title = body.views[view][0]
        clip = f"atlas-map-clip-{view}"
        svg = outline_svg(views, body, view, clip, 12, role="img", aria_label=f"{title}: {plan.describe()}")
        hatch = sub_element(svg.find("defs"), "pattern", id=f"atlas-map-hatch-{view}", width="6", height="6",  # type: ignore[arg-type]
                            patternUnits="userSpaceOnUse", patternTransform="rotate(45)")
        sub_element(hatch, "rect", width="6", height="6", class_="atlas-spill-back")
        sub_element(hatch, "line", x1="0", y1="0", x2="0", y2="6", class_="atlas-spill-line")
        sub_element(svg, "text", title, class_="atlas-view", x="100", y="-10", text_anchor="middle")
        areas = sub_element(svg, "g", clip_path=f"url(#{clip})")
        for names, css in ((plan.spill, "atlas-pain-spill"), (plan.main, "atlas-pain-main")):
            for name in names:
                for shape_view, dx, y, rx, ry in body.zones[name]:
                    if shape_view != view:
                        continue
                    sides = {CENTRE - dx, CENTRE + dx} if both_sides or dx == 0 else {side_x(view, dx)}
                    paint = {"fill": f"url(#atlas-map-hatch-{view})"} if css == "atlas-pain-spill" else {}
                    for x in sorted(sides):
                        ellipse(areas, x, y, rx, ry, class_=css, **paint)
        if plan.muscle and body.muscles[plan.muscle][0] == view:
            sub_element(svg, "polygon", points=_points(view, body.muscles[plan.muscle][1]), class_="atlas-muscle")
    caption = sub_element(figure, "figcaption")
    sub_element(caption, "span", plan.describe(), class_="atlas-painmap__text")
    keys = [("atlas-key-main", "main pain area")]
    if plan.spill:
        keys.append(("atlas-key-spill", "spill-over area (striped)"))
    if plan.muscle:
        keys.append(("atlas-key-muscle", f"the {plan.muscle_label.lower()} (dashed outline)"))
    legend(caption, keys)


def read_pain_map(docs: Path, rel: str, body: Body) -> PainMap:
    """The map for the page at docs/`rel`: a pain page's zones, or a muscle page's `pain_map`."""
    path = docs / rel
    if not path.is_file():
        raise fail(f"[[pain-map {rel}]]: there is no page docs/{rel}")
    meta = model.read_meta(path)
    problem = pain_map_problem(rel, meta, body)
    if problem:
        raise fail(f"[[pain-map {rel}]]: {problem}")
    if model.kind_of(rel) == "pain":
        return PainMap(main=tuple(meta["zones"]))
    spec = meta["pain_map"]
    title = meta.get("title")
    return PainMap(main=tuple(spec["main"]), spill=tuple(spec.get("spill", [])), muscle=path.stem,
                   muscle_label=title if isinstance(title, str) else path.stem)


class BodyMapExtension(Extension):
    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "docs_dir": ["docs", "the docs folder (in mkdocs.yml: !relative $docs_dir)"],
            "base": ["", "the path from the page that shows the map to the docs folder"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        docs, base = Path(self.getConfig("docs_dir")), self.getConfig("base")

        def body_map(parent: Element, _match: object) -> None:
            render(parent, body_data(docs), read_pain_pages(docs, base))

        def pain_map(parent: Element, match: Any) -> None:
            body = body_data(docs)
            render_pain_map(parent, body, read_pain_map(docs, match.group("page"), body))

        md.parser.blockprocessors.register(
            MarkerProcessor(md, re.compile(re.escape(model.BODY_MAP_MARKER)), body_map), "atlas_bodymap", 95)
        md.parser.blockprocessors.register(MarkerProcessor(md, model.PAIN_MAP_MARKER, pain_map), "atlas_painmap", 94)


def makeExtension(**kwargs: Any) -> BodyMapExtension:  # noqa: N802 - Python-Markdown's name
    return BodyMapExtension(**kwargs)
