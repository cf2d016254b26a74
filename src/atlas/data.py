"""The site's data files under docs/_data/, each read once per build and checked line by line.

- `body.yml`: the body outline, where each zone is drawn, and each muscle's shape (the body map and
  every referred-pain map);
- `stretch-figures.yml`: the poses the stretch illustrations are drawn from;
- `cautions.yml`: the cautions a stretch can declare, with their words and sources;
- `zone-words.yml`: the words people use for each body zone when they search.
- `urgent-signs.yml`: the warning signs, in searchers' words, that put "When to get help now" first.

Each loader returns the data and a list of problems (file, line, message). The table checker reports
the problems as findings; the Markdown extensions draw only from data without problems, and stop the
build with one clear message otherwise (see `DataError`).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from . import model

Problem = tuple[str, int, str]  # (file relative to docs/, line, message)


class DataError(ValueError):
    """A data file or a marker that cannot be drawn. Raised by the Markdown extensions; MkDocs shows its
    message (no traceback) when it is a MkDocs error, which it is whenever MkDocs is installed."""


try:  # under MkDocs, a BuildError: the build stops with the message alone
    from mkdocs.exceptions import BuildError

    class _BuildDataError(BuildError, DataError):  # BuildError first: it sets the message MkDocs prints
        pass

    BUILD_ERROR: type[DataError] = _BuildDataError
except ImportError:  # pragma: no cover - another generator
    BUILD_ERROR = DataError


def fail(message: str) -> DataError:
    """The error an extension raises: the page and line come from the generator, this says what to fix."""
    return BUILD_ERROR(f"{message}. Run the table checker (python scripts/check_atlas.py) for the file and line.")


# --- reading YAML with line numbers --------------------------------------------------------------

def _compose(path: Path, rel: str) -> tuple[yaml.Node | None, list[Problem]]:
    """The file's YAML as nodes that know their lines; a missing file is no data and no problem (the
    markers that need it say so)."""
    if not path.is_file():
        return None, []
    try:
        text = path.read_text(encoding="utf-8")
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except (OSError, UnicodeDecodeError) as err:
        return None, [(rel, 1, f"cannot read the file: {err}")]
    except yaml.MarkedYAMLError as err:
        line = err.problem_mark.line + 1 if err.problem_mark else 1
        return None, [(rel, line, f"the YAML cannot be read: {err.problem or 'invalid YAML'}")]
    except yaml.YAMLError as err:
        return None, [(rel, 1, f"the YAML cannot be read: {err}")]
    return node, [(rel, _line(key), f"'{key.value}' is given twice") for key in _repeated_keys(node)]


def _repeated_keys(node: yaml.Node | None) -> Iterator[yaml.ScalarNode]:
    """Every key that a mapping in the tree gives again (YAML itself would silently keep the last)."""
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                if key.value in seen:
                    yield key
                seen.add(key.value)
            yield from _repeated_keys(value)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _repeated_keys(item)


def _mapping(path: Path, rel: str, what: str) -> tuple[yaml.MappingNode | None, list[Problem]]:
    """The file's top-level mapping (None if the file is missing, unreadable or not a mapping: then a
    problem says the file must map `what`)."""
    root, problems = _compose(path, rel)
    if root is None or isinstance(root, yaml.MappingNode):
        return root, problems
    return None, [*problems, (rel, 1, f"the file must map {what}")]


def _valid_entries(root: yaml.MappingNode, rel: str, label: str, problem_of: Callable[[str, Any], str | None],
                   problems: list[Problem]) -> Iterator[tuple[str, Any]]:
    """Each (key, value) of the file's mapping that `problem_of` finds nothing wrong with; for each
    other one, a problem at its line is added to `problems`."""
    for key, key_node, node in _items(root):
        entry = _value(node)
        problem = problem_of(key, entry)
        if problem:
            problems.append((rel, _line(key_node), f"{label} '{key}' {problem}"))
        else:
            yield key, entry


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def _value(node: yaml.Node) -> Any:
    return yaml.SafeLoader("").construct_object(node, deep=True)  # type: ignore[no-untyped-call]


def _items(node: yaml.Node) -> Iterator[tuple[str, yaml.Node, yaml.Node]]:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield str(key.value), key, value


def _numbers(node: yaml.Node, count: int | None = None) -> list[float] | None:
    """A list of numbers (exactly `count` of them, if given), or None."""
    if not isinstance(node, yaml.SequenceNode):
        return None
    values = [_value(item) for item in node.value]
    if not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in values):
        return None
    return [float(v) for v in values] if count is None or len(values) == count else None


def _mtime(path: Path) -> int:
    return path.stat().st_mtime_ns if path.exists() else 0


# --- body.yml ------------------------------------------------------------------------------------

Shape = tuple[str, float, float, float, float]  # (view, x offset from the centre line, y, radius x, radius y)


@dataclass(frozen=True)
class Body:
    outline: tuple[tuple[float, float], ...]  # half the outline, right of the picture, neck to crotch
    head: tuple[float, float, float, float]  # centre x, centre y, radius x, radius y
    views: dict[str, tuple[str, str, str]]  # view: (title, label on the left, label on the right)
    zones: dict[str, tuple[Shape, ...]]  # every zone of the page model: where it is drawn
    muscles: dict[str, tuple[str, tuple[tuple[float, float], ...]]]  # muscle page name: (view, outline)


def load_body(docs: Path) -> tuple[Body | None, list[Problem]]:
    path = docs / model.BODY_FILE
    return _load_body(path, _mtime(path))


@functools.lru_cache(maxsize=8)
def _load_body(path: Path, _changed: int) -> tuple[Body | None, list[Problem]]:
    rel = model.BODY_FILE
    root, problems = _compose(path, rel)
    if root is None:
        return None, problems
    fields = {key: (key_node, value) for key, key_node, value in _items(root)}
    for name in ("outline", "head", "views", "zones", "muscles"):
        if name not in fields:
            problems.append((rel, 1, f"'{name}' is missing"))
    for name, (key_node, _value_node) in fields.items():
        if name not in ("outline", "head", "views", "zones", "muscles"):
            problems.append((rel, _line(key_node), f"'{name}' is not one of: outline, head, views, zones, muscles"))
    if problems:
        return None, problems
    outline = [(_numbers(item, 2), item) for item in getattr(fields["outline"][1], "value", [])]
    if not outline or any(point is None for point, _node in outline):
        problems.append((rel, _line(fields["outline"][1]), "'outline' must be a list of [x, y] points"))
    head = _numbers(fields["head"][1], 4)
    if head is None:
        problems.append((rel, _line(fields["head"][1]), "'head' must be [centre x, centre y, radius x, radius y]"))
    views: dict[str, tuple[str, str, str]] = {}
    for view, key_node, value in _items(fields["views"][1]):
        words = _value(value)
        if not (isinstance(words, dict) and set(words) == {"title", "left", "right"}
                and all(isinstance(w, str) and w for w in words.values())):
            problems.append((rel, _line(key_node), f"view '{view}' needs title, left and right, as words"))
        else:
            views[view] = (words["title"], words["left"], words["right"])
    zones: dict[str, tuple[Shape, ...]] = {}
    for zone, key_node, value in _items(fields["zones"][1]):
        if zone not in model.ZONE_LABELS:
            problems.append((rel, _line(key_node), f"zone '{zone}' is not a zone of the page model; "
                                                   f"known zones: {', '.join(model.ZONES)}"))
            continue
        shapes = _shapes(value, views)
        if shapes is None:
            problems.append((rel, _line(key_node), f"zone '{zone}' must be a list of [view, x offset, y, "
                                                   f"radius x, radius y], with a view from: {', '.join(views)}"))
        else:
            zones[zone] = shapes
    for zone in model.ZONES:
        if zone not in zones and not any(p[2].startswith(f"zone '{zone}'") for p in problems):
            problems.append((rel, _line(fields["zones"][1]), f"zone '{zone}' of the page model is not drawn: "
                                                             "give it a shape"))
    muscles: dict[str, tuple[str, tuple[tuple[float, float], ...]]] = {}
    for muscle, key_node, value in _items(fields["muscles"][1]):
        spec = _value(value)
        view = spec.get("view") if isinstance(spec, dict) else None
        outline_node = next((v for k, _kn, v in _items(value) if k == "outline"), None)
        points = [_numbers(item, 2) for item in outline_node.value] if isinstance(outline_node, yaml.SequenceNode) else None
        if not isinstance(spec, dict) or set(spec) != {"view", "outline"} or view not in views \
                or not points or len(points) < 3 or any(p is None for p in points):
            problems.append((rel, _line(key_node), f"muscle '{muscle}' must be {{view: one of {', '.join(views)}, "
                                                   "outline: [[x, y], ...]}} with at least 3 points"))
        else:
            muscles[muscle] = (str(view), tuple((p[0], p[1]) for p in points if p))
    if problems:
        return None, problems
    return Body(tuple((p[0], p[1]) for p, _n in outline if p), tuple(head) if head else (0, 0, 0, 0),  # type: ignore[arg-type]
                views, zones, muscles), []


def pain_map_problem(rel: str, meta: dict[str, Any], body: Body) -> str | None:
    """Why the page at docs/`rel` (with front matter `meta`) cannot have a referred-pain map, or None."""
    kind = model.kind_of(rel)
    if kind == "pain":
        zones, spec = meta.get("zones"), {}
    elif kind == "muscle":
        spec = meta.get("pain_map")
        if not isinstance(spec, dict):
            return f"{rel} has no 'pain_map' in its front matter to draw"
        zones = spec.get("main")
        if Path(rel).stem not in body.muscles:
            return (f"{rel} has no shape to draw in {model.BODY_FILE}: add its outline under 'muscles' as "
                    f"'{Path(rel).stem}'")
    else:
        return f"{rel} is not a pain page or a muscle page"
    for value in (zones, spec.get("spill", [])):
        if not isinstance(value, list) or any(not isinstance(zone, str) or zone not in body.zones for zone in value):
            return f"{rel} names zones that {model.BODY_FILE} does not draw"
    return None


def _shapes(node: yaml.Node, views: dict[str, tuple[str, str, str]]) -> tuple[Shape, ...] | None:
    if not isinstance(node, yaml.SequenceNode) or not node.value:
        return None
    shapes: list[Shape] = []
    for item in node.value:
        value = _value(item)
        if not (isinstance(value, list) and len(value) == 5 and value[0] in views
                and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in value[1:])):
            return None
        shapes.append((str(value[0]), float(value[1]), float(value[2]), float(value[3]), float(value[4])))
    return tuple(shapes)


# --- stretch-figures.yml ---------------------------------------------------------------------------

LIMB = re.compile(r"(?:(?:far|near)_)?(?:(?:right|left)_)?(?:leg|arm)")
LIMB_PARTS = {"leg": ("thigh", "shank", "foot"), "arm": ("upper_arm", "forearm")}
PROPS = ("floor", "mat", "wall-left", "wall-right")
FIGURE_VIEWS = ("side", "front", "feet")
FIGURE_FIELDS = ("caption", "view", "props", "frame", "start", "end")
POSE_FIELDS = ("says", "view", "props", "frame", "pelvis", "trunk", "trunk_scale", "trunk_bend", "hips", "head",
               "limbs", "scale", "muscle", "arrows")
POSE_REQUIRED = ("says", "pelvis", "trunk", "limbs")


def load_poses(docs: Path) -> tuple[dict[str, Any], list[Problem]]:
    path = docs / model.POSES_FILE
    return _load_poses(path, _mtime(path))


@functools.lru_cache(maxsize=8)
def _load_poses(path: Path, _changed: int) -> tuple[dict[str, Any], list[Problem]]:
    """Every stretch's figure, checked: known fields, limbs, props and views, numbers where numbers go,
    and the stretched muscle drawn on a segment the pose has."""
    rel = model.POSES_FILE
    root, problems = _compose(path, rel)
    if root is None:
        return {}, problems
    if not isinstance(root, yaml.MappingNode):
        return {}, [(rel, 1, "the file must map each stretch's name to its figure")]
    figures: dict[str, Any] = {}
    for name, key_node, node in _items(root):
        found = list(_figure_problems(node, rel))
        if not isinstance(node, yaml.MappingNode):
            found = [(rel, _line(key_node), f"'{name}' must be a figure: caption, start and end")]
        problems += [(file, line, f"figure '{name}': {message}") for file, line, message in found]
        if not found:
            figures[name] = _value(node)
    return figures, problems


def _figure_problems(node: yaml.Node, rel: str) -> Iterator[Problem]:
    fields = {key: (key_node, value) for key, key_node, value in _items(node)}
    for key, (key_node, _value_node) in fields.items():
        if key not in FIGURE_FIELDS:
            yield rel, _line(key_node), f"'{key}' is not one of: {', '.join(FIGURE_FIELDS)}"
    for key in ("caption", "start", "end"):
        if key not in fields:
            yield rel, _line(node), f"'{key}' is missing"
    if "caption" in fields and not (isinstance(_value(fields["caption"][1]), str) and _value(fields["caption"][1])):
        yield rel, _line(fields["caption"][1]), "'caption' must be words"
    yield from _view_props_frame(fields, rel)
    for stage in ("start", "end"):
        if stage in fields:
            yield from ((file, line, f"{stage}: {message}") for file, line, message in _pose_problems(fields[stage][1], rel))


def _view_props_frame(fields: dict[str, tuple[yaml.Node, yaml.Node]], rel: str) -> Iterator[Problem]:
    if "view" in fields and _value(fields["view"][1]) not in FIGURE_VIEWS:
        yield rel, _line(fields["view"][1]), f"view '{_value(fields['view'][1])}' is not one of: {', '.join(FIGURE_VIEWS)}"
    if "props" in fields:
        props = _value(fields["props"][1])
        unknown = [p for p in props if p not in PROPS] if isinstance(props, list) else [props]
        if unknown:
            yield rel, _line(fields["props"][1]), f"prop(s) {', '.join(map(str, unknown))} not one of: {', '.join(PROPS)}"
    if "frame" in fields and _numbers(fields["frame"][1], 4) is None:
        yield rel, _line(fields["frame"][1]), "'frame' must be [x, y, width, height]"


def _pose_problems(node: yaml.Node, rel: str) -> Iterator[Problem]:
    if not isinstance(node, yaml.MappingNode):
        yield rel, _line(node), "a pose must be a mapping"
        return
    fields = {key: (key_node, value) for key, key_node, value in _items(node)}
    for key, (key_node, _value_node) in fields.items():
        if key not in POSE_FIELDS:
            yield rel, _line(key_node), f"'{key}' is not one of: {', '.join(POSE_FIELDS)}"
    for key in POSE_REQUIRED:
        if key not in fields:
            yield rel, _line(node), f"'{key}' is missing"
    yield from _view_props_frame(fields, rel)
    if "says" in fields and not (isinstance(_value(fields["says"][1]), str) and _value(fields["says"][1])):
        yield rel, _line(fields["says"][1]), "'says' must be words"
    if "pelvis" in fields and _numbers(fields["pelvis"][1], 2) is None:
        yield rel, _line(fields["pelvis"][1]), "'pelvis' must be [x, y]"
    if "trunk_bend" in fields and _numbers(fields["trunk_bend"][1], 2) is None:
        yield rel, _line(fields["trunk_bend"][1]), "'trunk_bend' must be [x, y]: how far the middle of the back is pushed"
    for key in ("trunk", "trunk_scale", "hips", "head"):
        value = _value(fields[key][1]) if key in fields else 0
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            yield rel, _line(fields[key][1]), f"'{key}' must be a number"
    segments = {"trunk"}
    for key in ("limbs", "scale"):
        if key in fields and not isinstance(fields[key][1], yaml.MappingNode):
            yield rel, _line(fields[key][1]), f"'{key}' must map each limb's name to its numbers"
    limbs = {name: (key_node, value) for name, key_node, value in _items(fields["limbs"][1])} if "limbs" in fields else {}
    for name, (key_node, value) in limbs.items():
        kind = "leg" if name.endswith("leg") else "arm"
        if not LIMB.fullmatch(name):
            yield rel, _line(key_node), (f"limb '{name}' is not a limb: write [far_|near_][right_|left_]leg or arm, "
                                         "e.g. near_leg, far_right_leg, left_arm")
        elif _numbers(value, len(LIMB_PARTS[kind])) is None:
            yield rel, _line(value), f"limb '{name}' needs {len(LIMB_PARTS[kind])} angles: {', '.join(LIMB_PARTS[kind])}"
        else:
            segments.update(f"{name}.{part}" for part in LIMB_PARTS[kind])
    if "scale" in fields:
        for name, key_node, value in _items(fields["scale"][1]):
            if name not in limbs:
                yield rel, _line(key_node), f"scale names limb '{name}', which the pose does not have"
            elif _numbers(value) is None:
                yield rel, _line(value), f"scale of '{name}' must be a list of numbers"
    if "muscle" in fields:
        muscle = _value(fields["muscle"][1])
        ends_ok = isinstance(muscle, dict) and {"from", "to"} <= set(muscle) <= {"from", "to", "shift"}
        shift = muscle.get("shift", [0, 0]) if isinstance(muscle, dict) else None
        if not (isinstance(shift, list) and len(shift) == 2 and all(isinstance(v, (int, float)) for v in shift)):
            ends_ok = False
        for end in ("from", "to"):
            point = muscle.get(end) if isinstance(muscle, dict) else None
            if not (isinstance(point, list) and len(point) == 2 and point[0] in segments
                    and isinstance(point[1], (int, float))):
                ends_ok = False
        if not ends_ok:
            yield rel, _line(fields["muscle"][1]), ("'muscle' must be {from: [segment, 0..1], to: [segment, 0..1], "
                                                    "shift: [dx, dy] (optional)}, "
                                                    f"on segments the pose has: {', '.join(sorted(segments))}")
    if "arrows" in fields:
        arrows = fields["arrows"][1]
        if not isinstance(arrows, yaml.SequenceNode) or not all(
                isinstance(a, yaml.SequenceNode) and len(a.value) == 2 and all(_numbers(p, 2) for p in a.value)
                for a in arrows.value):
            yield rel, _line(arrows), "'arrows' must be a list of [[x1, y1], [x2, y2]]"


# --- cautions.yml --------------------------------------------------------------------------------

CAUTION_KEY = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
CAUTION_TEXTS = ("title", "short", "text")
SHORT_LIMIT = 60  # characters: the short line sits in a table cell after a link


@dataclass(frozen=True)
class Caution:
    key: str
    title: str  # the box's heading on the stretch page
    short: str  # what a table row says after the link to the stretch
    text: str  # the box's text (Markdown)
    sources: tuple[str, ...]  # full references (Markdown), listed on every page that shows the caution

    @property
    def footnote(self) -> str:
        return f"{model.CAUTION_FOOTNOTE}{self.key}"


def load_cautions(docs: Path) -> tuple[dict[str, Caution], list[Problem]]:
    """The cautions file (none when it is missing), and every problem in it."""
    path = docs / model.CAUTIONS_FILE
    return _load_cautions(path, _mtime(path))


@functools.lru_cache(maxsize=8)
def _load_cautions(path: Path, _changed: int) -> tuple[dict[str, Caution], list[Problem]]:
    rel = model.CAUTIONS_FILE
    root, problems = _mapping(path, rel, "each caution's key to its texts")
    if root is None:
        return {}, problems
    cautions: dict[str, Caution] = {}
    for key, entry in _valid_entries(root, rel, "caution", _caution_problem, problems):
        cautions[key] = Caution(key, entry["title"].strip(), entry["short"].strip(), entry["text"].strip(),
                                tuple(s.strip() for s in entry["sources"]))
    return cautions, problems


def _caution_problem(key: str, entry: object) -> str | None:
    if not CAUTION_KEY.fullmatch(key):
        return "must be named in lower case with hyphens, e.g. outer-hip-tendons"
    if not isinstance(entry, dict) or set(entry) != {*CAUTION_TEXTS, "sources"}:
        return f"must have exactly these fields: {', '.join(CAUTION_TEXTS)}, sources"
    if not all(isinstance(entry[name], str) and entry[name].strip() for name in CAUTION_TEXTS):
        return f"must give {', '.join(CAUTION_TEXTS)} as non-empty text"
    if '"' in entry["title"]:
        return "title must not contain '\"': it is the heading of a warning box"
    if "|" in entry["short"] or len(entry["short"].strip()) > SHORT_LIMIT:
        return f"short text must fit a table cell: at most {SHORT_LIMIT} characters and no '|'"
    sources = entry["sources"]
    if not (isinstance(sources, list) and sources and all(isinstance(s, str) and s.strip() for s in sources)):
        return "must list its sources: at least one full reference"
    return None


# --- zone-words.yml ------------------------------------------------------------------------------

SEARCH_WORD = re.compile(r"[a-z]+")  # one plain word: the results script compares whole words
ZoneWords = dict[str, dict[str, list[str]]]  # {zone: {"part": [...], "where": [...]}}


def load_zone_words(docs: Path) -> tuple[ZoneWords, list[Problem]]:
    """The words for each body zone in a search (none when the file is missing), and every problem."""
    path = docs / model.ZONE_WORDS_FILE
    return _load_zone_words(path, _mtime(path))


@functools.lru_cache(maxsize=8)
def _load_zone_words(path: Path, _changed: int) -> tuple[ZoneWords, list[Problem]]:
    rel = model.ZONE_WORDS_FILE
    root, problems = _mapping(path, rel, "each body zone to its words: {part: [...], where: [...]}")
    if root is None:
        return {}, problems
    found: ZoneWords = {}
    given = [zone for zone, _key_node, _node in _items(root)]
    for zone, entry in _valid_entries(root, rel, "zone", _zone_words_problem, problems):
        found[zone] = {"part": list(entry["part"]), "where": list(entry.get("where") or [])}
    missing = [zone for zone in model.ZONE_LABELS if zone not in given]
    if missing:
        problems.append((rel, 1, f"no words for the zones {', '.join(missing)}: give each zone of the page model its words"))
    return found, problems


def _zone_words_problem(zone: str, entry: object) -> str | None:
    if zone not in model.ZONE_LABELS:
        return f"is not a body zone of the page model (one of: {', '.join(model.ZONE_LABELS)})"
    if not isinstance(entry, dict) or "part" not in entry or not set(entry) <= {"part", "where"}:
        return "must give its words as {part: [...]} or {part: [...], where: [...]}"
    for field in ("part", "where"):
        words = entry.get(field, [])
        if not isinstance(words, list) or (field == "part" and not words) or not all(
                isinstance(word, str) and SEARCH_WORD.fullmatch(word) for word in words):
            return f"must list its {field} words as single words in lower case, e.g. [thigh, thighs]"
    return None


# --- urgent-signs.yml ----------------------------------------------------------------------------

UrgentSigns = dict[str, list[list[str]]]  # {sign: [[word, ...], ...]}: a word of every group names it


def load_urgent_signs(docs: Path) -> tuple[UrgentSigns, list[Problem]]:
    """The warning signs for a search (none when the file is missing), and every problem."""
    rel = model.URGENT_SIGNS_FILE
    root, problems = _mapping(docs / rel, rel, "each warning sign to its groups of words: [[numb], [groin, saddle]]")
    if root is None:
        return {}, problems
    signs = {sign: [list(group) for group in entry]
             for sign, entry in _valid_entries(root, rel, "sign", _urgent_sign_problem, problems)}
    return signs, problems


def _urgent_sign_problem(_sign: str, entry: object) -> str | None:
    if not isinstance(entry, list) or not entry or not all(
            isinstance(group, list) and group and all(isinstance(word, str) and SEARCH_WORD.fullmatch(word)
                                                      for word in group) for group in entry):
        return ("must be a list of groups of single words in lower case, e.g. [[numb, numbness], "
                "[groin, saddle]]: a query names the sign when it holds a word of every group")
    return None
