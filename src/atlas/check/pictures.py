"""Rules for what the build draws: the data files, and every marker on every page.

Whatever would stop the build (or be published as literal text) is found here first, with its file
and line: a mistyped marker, a stretch figure with no poses, a pain map the body data cannot draw, and
any mistake in docs/_data/body.yml, stretch-figures.yml, cautions.yml, zone-words.yml or
urgent-signs.yml.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .. import model
from ..data import (Body, Caution, Problem, load_body, load_cautions, load_poses, load_urgent_signs,
                    load_zone_words, pain_map_problem)
from .pages import Finding, Page

PICTURES = ("body-map", "pain-map", "stretch-figure")  # markers that must stand alone on their line


def load_data(docs: Path, shown_root: str) -> tuple[dict[str, Caution], list[Finding]]:
    """The cautions, and a DATA_INVALID finding for every problem in any data file."""
    cautions, problems = load_cautions(docs)
    _body, body_problems = load_body(docs)
    _poses, pose_problems = load_poses(docs)
    _words, word_problems = load_zone_words(docs)
    _signs, sign_problems = load_urgent_signs(docs)
    return cautions, [_finding(shown_root, problem)
                      for problem in (*problems, *body_problems, *pose_problems, *word_problems, *sign_problems)]


def _finding(shown_root: str, problem: Problem) -> Finding:
    file, line, message = problem
    return Finding(f"{shown_root}/{file}" if shown_root else file, line, "DATA_INVALID", message)


def check_markers(docs: Path, pages: dict[str, Page]) -> Iterable[Finding]:
    body, _body_problems = load_body(docs)
    poses, pose_problems = load_poses(docs)
    for page in pages.values():
        for marker in page.markers:
            if marker.name == model.TODO_MARKER:
                yield Finding(page.shown, marker.line, "UNFINISHED", f"[[todo {marker.argument}]] is still to write")
            elif marker.name not in model.MARKER_NAMES:
                known = ", ".join(f"[[{name}]]" for name in model.MARKER_NAMES)
                yield Finding(page.shown, marker.line, "MARKER_UNKNOWN",
                              f"[[{marker.name} {marker.argument}]] is not a marker the site draws "
                              f"(known: {known}); it would be published as it is")
            elif marker.name in PICTURES and not marker.alone:
                yield Finding(page.shown, marker.line, "MARKER_UNKNOWN",
                              f"[[{marker.name}]] must stand alone on its own line to be drawn")
            elif marker.name == "stretch-figure" and not pose_problems and marker.argument not in poses:
                yield Finding(page.shown, marker.line, "FIGURE_MISSING",
                              f"[[stretch-figure {marker.argument}]]: {model.POSES_FILE} has no figure "
                              f"'{marker.argument}'; known: {', '.join(sorted(poses)) or 'none'}")
            elif marker.name in ("pain-map", "body-map") and body is None and not _body_problems:
                yield Finding(page.shown, marker.line, "PAIN_MAP_INVALID",
                              f"[[{marker.name}]] draws on the body from {model.BODY_FILE}, which is missing")
            elif marker.name == "pain-map" and body is not None:
                problem = _pain_map(marker.argument, pages, body)
                if problem:
                    yield Finding(page.shown, marker.line, "PAIN_MAP_INVALID", f"[[pain-map {marker.argument}]]: {problem}")
            elif marker.name == "body-map" and marker.argument:
                yield Finding(page.shown, marker.line, "MARKER_UNKNOWN", "[[body-map]] takes nothing after its name")


def _pain_map(rel: str, pages: dict[str, Page], body: Body) -> str | None:
    target = pages.get(rel)
    if target is None or not target.readable:
        return f"there is no page docs/{rel}: name it from the docs folder, e.g. muscles/piriformis.md"
    if not target.meta_ok:
        return None  # its front matter cannot be read, and the page says so itself
    return pain_map_problem(rel, target.meta, body)
