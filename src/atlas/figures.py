"""Stretch illustrations drawn from pose descriptions, so every figure on the site has one style.

A Python-Markdown extension (`atlas.figures` in mkdocs.yml): a line `[[stretch-figure half-kneeling-hip-flexor]]`
on a page becomes two panels, the start and the stretch, drawn from that stretch's entry in
docs/_data/stretch-figures.yml (read once per build, and checked by the table checker). A pose gives the pelvis position and the angle of each body segment;
the figure's proportions, stroke and colours are fixed here, the same for every stretch. The stretched
muscle is drawn as a band between two points on the body, and an arrow shows the movement.

Angles are in degrees in the picture: 0 points straight down, 90 to the right, 180 straight up,
270 (or -90) to the left.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element

from markdown import Extension, Markdown

from . import model
from .blocks import MarkerProcessor
from .data import fail, load_poses
from .svg import Point, legend, line, sub_element

# One figure for the whole site: segment lengths in picture units (a standing figure is about 330 tall).
TRUNK, NECK, HEAD_R = 104.0, 3.0, 17.0
UPPER_ARM, FOREARM = 60.0, 56.0
THIGH, SHANK, FOOT = 86.0, 82.0, 24.0
HALF_HIPS, HALF_SHOULDERS = 11.0, 21.0  # how far apart the limbs sit when the body faces us
SHOULDER_DROP = 9.0  # the shoulders sit this far below the base of the neck
LIMB, TRUNK_SIDE = 13.0, 28.0
FLOOR = 326.0
FRAME = (0.0, -10.0, 320.0, 350.0)  # x, y, width, height of a panel, unless a stretch sets its own
LIMBS = {"leg": (THIGH, SHANK, FOOT), "arm": (UPPER_ARM, FOREARM)}



def direction(angle: float) -> Point:
    radians = math.radians(angle)
    return math.sin(radians), math.cos(radians)


def along(start: Point, angle: float, length: float) -> Point:
    dx, dy = direction(angle)
    return start[0] + dx * length, start[1] + dy * length


@dataclass(frozen=True)
class Body:
    """Where every joint of one pose is, ready to draw."""

    segments: dict[str, tuple[Point, Point]]  # "limb.part" -> (start, end), e.g. "near_leg.thigh"
    head: Point
    trunk: tuple[Point, Point]  # pelvis, neck
    torso: tuple[Point, ...]  # the outline of the trunk when the body faces us (any view but "side")
    bend: Point = (0.0, 0.0)  # how far the middle of the trunk is pushed off the straight line (a curved spine)

    def trunk_control(self) -> Point:
        """The control point of the trunk's curve: the curve's middle lies `bend` off the straight line."""
        (x1, y1), (x2, y2) = self.trunk
        return (x1 + x2) / 2 + 2 * self.bend[0], (y1 + y2) / 2 + 2 * self.bend[1]

    def point(self, segment: str, fraction: float) -> Point:
        if segment == "trunk":  # along the trunk's curve (a straight line when it is not bent)
            (x1, y1), (x2, y2), (cx, cy) = *self.trunk, self.trunk_control()
            a, b, c = (1 - fraction) ** 2, 2 * (1 - fraction) * fraction, fraction ** 2
            return a * x1 + b * cx + c * x2, a * y1 + b * cy + c * y2
        start, end = self.segments[segment]
        return start[0] + (end[0] - start[0]) * fraction, start[1] + (end[1] - start[1]) * fraction


def pose_body(pose: dict[str, Any], view: str) -> Body:
    pelvis = tuple(pose["pelvis"])
    trunk_angle = float(pose["trunk"])
    neck = along(pelvis, trunk_angle, TRUNK * float(pose.get("trunk_scale", 1.0)))  # type: ignore[arg-type]
    head = along(neck, float(pose.get("head", trunk_angle)), NECK + HEAD_R)
    # Across the body (towards the figure's left when it faces us): hips and shoulders sit apart.
    # The hips stay level when only the trunk leans ("hips" gives their own angle).
    across = trunk_angle - 90
    hips_across = float(pose.get("hips", trunk_angle)) - 90
    shoulders = along(neck, trunk_angle, -SHOULDER_DROP)
    torso = (along(pelvis, hips_across, HALF_HIPS + 3), along(shoulders, across, HALF_SHOULDERS + 2),  # type: ignore[arg-type]
             along(shoulders, across, -HALF_SHOULDERS - 2), along(pelvis, hips_across, -HALF_HIPS - 3))  # type: ignore[arg-type]
    segments: dict[str, tuple[Point, Point]] = {}
    for name, angles in pose.get("limbs", {}).items():
        kind = "leg" if name.endswith("leg") else "arm"
        side = -1 if "right" in name or name.startswith("near") else 1
        spread = (HALF_HIPS if kind == "leg" else HALF_SHOULDERS) if view != "side" else 0.0
        root = along(pelvis if kind == "leg" else shoulders,  # type: ignore[arg-type]
                     hips_across if kind == "leg" else across, side * spread)
        scale = pose.get("scale", {}).get(name, [1.0, 1.0, 1.0])
        parts = ("thigh", "shank", "foot") if kind == "leg" else ("upper_arm", "forearm")
        start = root
        for part, angle, length, factor in zip(parts, angles, LIMBS[kind], scale):
            end = along(start, float(angle), length * float(factor))
            segments[f"{name}.{part}"] = (start, end)
            start = end
    bend = pose.get("trunk_bend", [0, 0])
    return Body(segments, head, (pelvis, neck), torso, (float(bend[0]), float(bend[1])))  # type: ignore[arg-type]


def draw_props(svg: Element, props: list[str], frame: tuple[float, float, float, float]) -> None:
    """The floor, and what stands or lies on it: "floor", "mat", "wall-left" or "wall-right"."""
    if not props:
        return
    left, right = frame[0] + 6, frame[0] + frame[2] - 6
    for prop in props:
        if prop == "mat":
            sub_element(svg, "rect", x=f"{left + 14:.0f}", y=f"{FLOOR - 7:.0f}", width=f"{right - left - 28:.0f}",
                        height="7", rx="3", class_="atlas-fig-prop")
        elif prop.startswith("wall-"):
            x = left + 12 if prop == "wall-left" else right - 12
            top = frame[1] + 4
            sub_element(svg, "rect", x=f"{x - 6:.0f}", y=f"{top:.0f}", width="12", height=f"{FLOOR - top:.0f}",
                        class_="atlas-fig-prop")
    line(svg, (left, FLOOR), (right, FLOOR), "atlas-fig-ground")


def draw_body(svg: Element, body: Body, view: str, limbs: list[str]) -> None:
    """Far limbs first and paler, then the trunk and head, then the near limbs on top."""
    def limb(name: str) -> None:
        css = "atlas-fig-far" if name.startswith("far") else "atlas-fig-body"
        for part in ("thigh", "shank", "foot", "upper_arm", "forearm"):
            if f"{name}.{part}" in body.segments:
                a, b = body.segments[f"{name}.{part}"]
                line(svg, a, b, css, LIMB if part != "foot" else LIMB * 0.8)

    for name in limbs:
        if name.startswith("far"):
            limb(name)
    pelvis, neck = body.trunk
    if view == "side" and body.bend != (0.0, 0.0):  # a curved back: a thick curve through the trunk
        start, end = body.point("trunk", 0.12), body.point("trunk", 0.88)
        control = body.trunk_control()
        sub_element(svg, "path", d=f"M{start[0]:.1f},{start[1]:.1f} Q{control[0]:.1f},{control[1]:.1f} "
                    f"{end[0]:.1f},{end[1]:.1f}", class_="atlas-fig-body", fill="none", stroke_width=f"{TRUNK_SIDE:.1f}")
    elif view == "side":  # a thick line whose rounded ends stop at the hips and the neck
        dx, dy = neck[0] - pelvis[0], neck[1] - pelvis[1]
        length = math.hypot(dx, dy) or 1.0
        inset = (dx / length * TRUNK_SIDE / 2, dy / length * TRUNK_SIDE / 2)
        line(svg, (pelvis[0] + inset[0], pelvis[1] + inset[1]), (neck[0] - inset[0], neck[1] - inset[1]),
              "atlas-fig-body", TRUNK_SIDE)
    else:
        sub_element(svg, "polygon", points=" ".join(f"{x:.1f},{y:.1f}" for x, y in body.torso), class_="atlas-fig-torso")
    sub_element(svg, "circle", cx=f"{body.head[0]:.1f}", cy=f"{body.head[1]:.1f}", r=f"{HEAD_R:.1f}", class_="atlas-fig-head")
    for name in limbs:
        if not name.startswith("far"):
            limb(name)


def draw_panel(parent: Element, spec: dict[str, Any], stage: str, label: str) -> None:
    pose = spec[stage]
    view = pose.get("view", spec.get("view", "side"))
    frame = tuple(float(v) for v in pose.get("frame", spec.get("frame", FRAME)))
    body = pose_body(pose, view)
    panel = sub_element(parent, "div", class_="atlas-stretch__panel")
    seen = {"side": "seen from the side", "front": "seen from the front", "feet": "seen from the feet"}[view]
    svg = sub_element(panel, "svg", viewBox=" ".join(f"{v:.0f}" for v in frame), role="img",
               aria_label=f"{label}, {seen}: {pose['says']}")
    arrow_id = f"atlas-arrow-{stage}"
    marker = sub_element(sub_element(svg, "defs"), "marker", id=arrow_id, viewBox="0 0 10 10", refX="8", refY="5",
                  markerWidth="4", markerHeight="4", orient="auto-start-reverse")
    sub_element(marker, "path", d="M0,0 L10,5 L0,10 z", class_="atlas-fig-arrowhead")
    draw_props(svg, list(pose.get("props", spec.get("props", []))), frame)  # type: ignore[arg-type]
    draw_body(svg, body, view, list(pose.get("limbs", {})))
    muscle = pose.get("muscle")
    if muscle:
        shift = muscle.get("shift", [0, 0])
        (start, t0), (end, t1) = muscle["from"], muscle["to"]
        if start == end == "trunk" and body.bend != (0.0, 0.0):  # follow the curve of a bent back
            points = [body.point("trunk", float(t0) + (float(t1) - float(t0)) * i / 8) for i in range(9)]
            d = "M" + " L".join(f"{x + shift[0]:.1f},{y + shift[1]:.1f}" for x, y in points)
            for css in ("atlas-fig-muscle-edge", "atlas-fig-muscle"):
                sub_element(svg, "path", d=d, class_=css, fill="none")
        else:
            a, b = body.point(start, float(t0)), body.point(end, float(t1))
            a, b = (a[0] + shift[0], a[1] + shift[1]), (b[0] + shift[0], b[1] + shift[1])
            line(svg, a, b, "atlas-fig-muscle-edge")
            line(svg, a, b, "atlas-fig-muscle")
    for (x1, y1), (x2, y2) in pose.get("arrows", []):
        sub_element(svg, "path", d=f"M{x1},{y1} L{x2},{y2}", class_="atlas-fig-arrow", marker_end=f"url(#{arrow_id})")
    caption = sub_element(panel, "p", class_="atlas-stretch__step")
    sub_element(caption, "strong", f"{label} ({seen}). ")
    sub_element(caption, "span", pose["says"])


def render(parent: Element, spec: dict[str, Any]) -> None:
    figure = sub_element(parent, "figure", class_="atlas-stretch", data_search_exclude="")  # words repeated on every page
    panels = sub_element(figure, "div", class_="atlas-stretch__panels")
    draw_panel(panels, spec, "start", "1 Start")
    draw_panel(panels, spec, "end", "2 Stretch")
    caption = sub_element(figure, "figcaption")
    sub_element(caption, "span", spec["caption"])
    legend(caption, [("atlas-key-stretched", "the muscle being stretched (orange band)"),
                     ("atlas-key-arrow", "the direction to move (arrow)")])


class StretchFigureExtension(Extension):
    def __init__(self, **kwargs: Any) -> None:
        self.config = {"docs_dir": ["docs", "the docs folder (in mkdocs.yml: !relative $docs_dir)"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        docs = Path(self.getConfig("docs_dir"))

        def draw(parent: Element, match: re.Match[str]) -> None:
            figures, problems = load_poses(docs)
            if problems:
                file, number, message = problems[0]
                raise fail(f"docs/{file}:{number}: {message}")
            key = match.group("key")
            if key not in figures:
                raise fail(f"[[stretch-figure {key}]]: docs/{model.POSES_FILE} has no figure '{key}'")
            render(parent, figures[key])

        md.parser.blockprocessors.register(MarkerProcessor(md, model.STRETCH_FIGURE_MARKER, draw), "atlas_figures", 93)


def makeExtension(**kwargs: Any) -> StretchFigureExtension:  # noqa: N802 - Python-Markdown's name
    return StretchFigureExtension(**kwargs)
