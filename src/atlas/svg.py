"""Small helpers for the site's inline SVG pictures (the body map, pain maps, stretch figures)."""

from __future__ import annotations

from xml.etree.ElementTree import Element, SubElement

from markdown.util import AtomicString

Point = tuple[float, float]


def sub_element(parent: Element, tag: str, text: str | None = None, **attributes: str) -> Element:
    """A child element; attribute names are written in Python style (`class_`, `aria_label`)."""
    element = SubElement(parent, tag, {key.rstrip("_").replace("_", "-"): value for key, value in attributes.items()})
    if text is not None:
        element.text = AtomicString(text)  # plain words: no Markdown or abbreviation processing
    return element


def ellipse(parent: Element, x: float, y: float, rx: float, ry: float, **attributes: str) -> None:
    sub_element(parent, "ellipse", cx=f"{x:.1f}", cy=f"{y:.1f}", rx=f"{rx:.1f}", ry=f"{ry:.1f}", **attributes)


def line(parent: Element, a: Point, b: Point, css: str, width: float | None = None) -> None:
    attributes = {"x1": f"{a[0]:.1f}", "y1": f"{a[1]:.1f}", "x2": f"{b[0]:.1f}", "y2": f"{b[1]:.1f}", "class_": css}
    if width is not None:
        attributes["stroke_width"] = f"{width:.1f}"
    sub_element(parent, "line", **attributes)


def smooth_path(points: list[Point]) -> str:
    """A closed, smooth SVG path through the points (Catmull-Rom turned into cubic Béziers)."""
    n = len(points)
    parts = [f"M{points[0][0]:.1f},{points[0][1]:.1f}"]
    for i in range(n):
        p0, p1, p2, p3 = points[i - 1], points[i], points[(i + 1) % n], points[(i + 2) % n]
        c1 = (p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6)
        c2 = (p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6)
        parts.append(f"C{c1[0]:.1f},{c1[1]:.1f} {c2[0]:.1f},{c2[1]:.1f} {p2[0]:.1f},{p2[1]:.1f}")
    return " ".join(parts) + "Z"


def legend(parent: Element, keys: list[tuple[str, str]]) -> None:
    """A legend in words, each with a small swatch (class, words): the words carry the meaning."""
    box = sub_element(parent, "span", class_="atlas-legend")
    for css, words in keys:
        key = sub_element(box, "span", class_="atlas-key")
        sub_element(key, "span", class_=f"atlas-swatch {css}", aria_hidden="true")
        sub_element(key, "span", words)
