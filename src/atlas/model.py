"""The page model: what a well-formed atlas is. Kinds of page and their folders and addresses, front
matter and its fields, the body zones, the markers that put pictures and cautions on a page, the data
files, and the required sections and tables.

Everything else (the checker, the Markdown extensions, the publisher, the structured data and the
tests) reads this module; it imports nothing of theirs. docs/about/contributing.md explains every
rule in words, and a test keeps its reference tables in step with this module.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

# Folder (first path segment under docs/) -> kind of page.
KIND_BY_FOLDER = {"pain": "pain", "muscles": "muscle", "stretches": "stretch"}
FOLDER_BY_KIND = {kind: folder for folder, kind in KIND_BY_FOLDER.items()}

# Body zones a pain page may name, from the patient's point of view, with the words shown to
# readers. Each is drawn on the body map from docs/_data/body.yml.
ZONE_LABELS: dict[str, str] = {
    "lower-belly": "Lower belly",
    "flank": "Side of the waist (flank)",
    "lower-back": "Lower back",
    "sacrum": "Base of the spine (sacrum)",
    "sacroiliac": "Dimples at the base of the spine (sacroiliac joints)",
    "coccyx": "Tailbone (coccyx)",
    "buttock": "Buttock",
    "groin": "Groin",
    "perineum": "Between the legs (perineum)",
    "hip-side": "Side of the hip",
    "thigh-front": "Front of the thigh",
    "thigh-inner": "Inner thigh",
    "thigh-side": "Outside of the thigh",
    "thigh-back": "Back of the thigh",
    "knee-front": "Front of the knee",
    "knee-side": "Outside of the knee",
    "knee-back": "Back of the knee",
    "leg-side": "Outside of the lower leg",
    "calf": "Calf",
    "ankle": "Ankle",
    "heel": "Heel",
}
ZONES: tuple[str, ...] = tuple(ZONE_LABELS)
# The short names printed beside the body map, where a label has two short lines (about 10 letters each).
ZONE_MAP_LABELS: dict[str, str] = {
    "lower-belly": "Lower belly",
    "flank": "Side of waist",
    "lower-back": "Lower back",
    "sacrum": "Base of spine",
    "sacroiliac": "Back dimples",
    "coccyx": "Tailbone",
    "buttock": "Buttock",
    "groin": "Groin",
    "perineum": "Between the legs",
    "hip-side": "Side of hip",
    "thigh-front": "Front of thigh",
    "thigh-inner": "Inner thigh",
    "thigh-side": "Outer thigh",
    "thigh-back": "Back of thigh",
    "knee-front": "Front of knee",
    "knee-side": "Outer knee",
    "knee-back": "Back of knee",
    "leg-side": "Outer lower leg",
    "calf": "Calf",
    "ankle": "Ankle",
    "heel": "Heel",
}

# Data files under docs/ (not pages: folders starting with "_" are not published).
DATA_DIR = "_data"
SNIPPETS_DIR = "_snippets"
BODY_FILE = "_data/body.yml"
POSES_FILE = "_data/stretch-figures.yml"
PUBLISHED_FILE = "_data/published-urls.txt"
EVERYDAY_WORDS_FILE = "_data/everyday-words.yml"  # everyday words for search (atlas.wordforms)
ZONE_WORDS_FILE = "_data/zone-words.yml"  # the words for each zone in a search (atlas.publish)
URGENT_SIGNS_FILE = "_data/urgent-signs.yml"  # the warning signs that put the urgent page first in a search
URGENT_PAGE = "urgent.md"  # "When to get help now"

# Markers: a line that the site's Markdown extensions turn into a picture, or (inline) a caution.
BODY_MAP_MARKER = "[[body-map]]"
PAIN_MAP_MARKER = re.compile(r"\[\[pain-map (?P<page>[^\]\s]+)\]\]")
STRETCH_FIGURE_MARKER = re.compile(r"\[\[stretch-figure (?P<key>[^\]\s]+)\]\]")
ANY_MARKER = re.compile(r"\[\[(?P<name>[^\]\s]*)(?:\s+(?P<argument>[^\]]*))?\]\]")  # to catch mistyped ones
MARKER_NAMES = ("body-map", "pain-map", "stretch-figure", "caution")
TODO_MARKER = "todo"  # `[[todo what to write]]`: left by `dev.py new`, reported as UNFINISHED until written

# Search ranks pain pages a little higher than muscle and stretch pages, since a person typing a symptom
# wants the page about that pain first (Material's `search: {boost: ...}` front matter).
PAIN_SEARCH_BOOST = 1.5

ZONE_VALUES = ("Main", "Spill-over")
ZONE_COLUMN = "Zone"
# What the Zone column means, said above every table that uses it (atlas.tables), on the page and on
# its printed handout, where the column itself is left out and "spill-over" is printed under the muscle.
ZONE_KEY = "Zone: “Main”, the muscle’s pain is mostly felt here; “Spill-over”, it only sometimes spreads here."
EVIDENCE_VALUES = ("Experimental referral", "Clinical studies", "Clinical description")
ROLE_VALUES = ("Main target", "Also stretched")

SUMMARY_TAG = "summary"
SUMMARY_TITLE = "In short"
# The urgent-care box every pain page includes. A page whose pain reaches the calf includes the version
# that adds the signs of a blood clot in the leg; one whose pain is in the belly or flank, between the
# legs, or in the groin, the version with the warning signs there. The first that applies, in this order, is
# needed.
RED_FLAGS_SNIPPET = "red-flags.md"


@dataclass(frozen=True)
class RedFlagsVariant:
    """A version of the urgent-care box that a pain page in any of `zones` must include, and why."""

    zones: tuple[str, ...]
    snippet: str
    why: str


RED_FLAGS_VARIANTS = (
    RedFlagsVariant(("calf",), "red-flags-calf.md",
                    "reaches the calf, so the box must be the one with the signs of a blood clot"),
    RedFlagsVariant(("lower-belly", "flank"), "red-flags-belly.md",
                    "is in the belly or flank, so the box must be the one with the signs of an emergency in the belly"),
    RedFlagsVariant(("perineum",), "red-flags-pelvic.md",
                    "is in the pelvis or between the legs, so the box must be the one with the pelvic warning signs"),
    RedFlagsVariant(("groin",), "red-flags-groin.md",
                    "is in the groin, so the box must be the one with the signs of an emergency in the groin and hip"),
)
RED_FLAGS_SNIPPETS = (RED_FLAGS_SNIPPET, *(variant.snippet for variant in RED_FLAGS_VARIANTS))


def red_flags_needed(zones: list[str]) -> tuple[str, str]:
    """The urgent-care box a pain page with these zones must include, and why (empty for the plain one)."""
    for variant in RED_FLAGS_VARIANTS:
        if any(zone in variant.zones for zone in zones):
            return variant.snippet, variant.why
    return RED_FLAGS_SNIPPET, ""


# Footnotes that shared text brings with it (the urgent-care box, the cautions): not the page's own.
RESERVED_FOOTNOTE_PREFIXES = ("urgent-", "caution-")


def is_reserved_footnote(label: str) -> bool:
    return label.startswith(RESERVED_FOOTNOTE_PREFIXES)


@dataclass(frozen=True)
class Fields:
    required: tuple[str, ...]
    optional: tuple[str, ...] = ()

    @property
    def allowed(self) -> frozenset[str]:
        return frozenset(self.required + self.optional)


# Every page of the three kinds says when its content and sources were last checked (`updated`) and
# when they are next due to be checked (`review_due`). Only a page that a named clinician has reviewed
# carries `reviewer: {name: ..., profession: ..., date: YYYY-MM-DD}`, and only then says so.
_DATED = ("updated", "review_due")
_NAMES = ("aliases", "described_as", "tags", "search", "reviewer")
FIELDS: dict[str, Fields] = {
    "pain": Fields(("title", "description", "also_called", *_DATED, "zones"), _NAMES),
    "muscle": Fields(("title", "description", "also_called", *_DATED), ("pain_map", "nerve", "action", *_NAMES)),
    "stretch": Fields(("title", "description", "also_called", *_DATED), ("dose", "cautions", *_NAMES)),
    # Home, index and about pages: a title is enough, but only known fields are allowed.
    "other": Fields(("title",), ("description", "also_called", *_DATED, *_NAMES, "hide")),
}
REVIEWER_FIELDS = ("name", "profession", "date")

# Front-matter text is printed into every page's HTML (titles in the navigation, the description in a
# <meta> tag), so it may hold no markup, control or text-direction characters, and stays short enough
# for search results and the navigation.
MARKUP_CHARACTERS = '<>"`'
BIDI_CHARACTERS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
TEXT_LIMITS = {"title": 80, "description": 200}
NAME_LIMIT = 80  # each entry of also_called, described_as and tags
PAGE_SIZE_LIMIT = 200 * 1024  # bytes: a page longer than this is split, not published

# Cautions a stretch declares in its front matter (`cautions: [outer-hip-tendons]`), defined once in
# docs/_data/cautions.yml. The stretch page shows each as a box (a `[[caution KEY]]` line above its
# first section), and every table row that links the stretch shows it right after the link.
CAUTIONS_FILE = "_data/cautions.yml"
CAUTION_MARKER = re.compile(r"\[\[caution(?:\s+(?P<key>[^\]]*))?\]\]")
CAUTION_FOOTNOTE = "caution-"  # footnote labels the cautions bring with them: caution-<key>
CODE_SPAN = re.compile(r"(`+).+?\1")  # markers inside `code` are shown as written, not expanded

# Lists of words people use for a page. Search reads the page text, not the front matter, so every
# entry must also be shown on the page (NAME_NOT_SHOWN). `tags` are search words that are not shown:
# common misspellings and abbreviations, which Material's search indexes and ranks first.
SHOWN_NAME_FIELDS = {"also_called": "**Also called:**", "described_as": "**People describe it as:**"}
NAME_LIST_FIELDS = (*SHOWN_NAME_FIELDS, "tags")


@dataclass(frozen=True)
class TableSpec:
    """A named table: the `##` heading above it, its columns and what its cells must hold."""

    section: str
    columns: tuple[str, ...]
    target: str  # kind of page the first column links to
    empty_code: str  # reported when the table has no rows
    values: dict[str, tuple[str, ...]] = field(default_factory=dict)
    link_columns: dict[str, str] = field(default_factory=dict)  # other columns holding links: kind

    @property
    def link_column(self) -> str:
        return self.columns[0]


PAIN_MUSCLES = TableSpec(
    "Muscles that can cause this pain",
    ("Muscle", "Zone", "Where you feel it", "Often mistaken for", "Stretches", "Evidence"),
    target="muscle",
    empty_code="NO_MUSCLE",
    values={"Zone": ZONE_VALUES, "Evidence": EVIDENCE_VALUES},
    link_columns={"Stretches": "stretch"},
)
MUSCLE_PAIN = TableSpec(
    "Pain this muscle can cause",
    ("Pain", "Zone", "Evidence"),
    target="pain",
    empty_code="NO_PAIN",
    values={"Zone": ZONE_VALUES, "Evidence": EVIDENCE_VALUES},
)
MUSCLE_STRETCHES = TableSpec(
    "Stretches for this muscle",
    ("Stretch", "Role", "Notes"),
    target="stretch",
    empty_code="NO_STRETCH",
    values={"Role": ROLE_VALUES},
)
STRETCH_MUSCLES = TableSpec(
    "Muscles this stretches",
    ("Muscle", "Role", "Notes"),
    target="muscle",
    empty_code="NO_MUSCLE",
    values={"Role": ROLE_VALUES},
)

TABLES: dict[str, tuple[TableSpec, ...]] = {
    "pain": (PAIN_MUSCLES,),
    "muscle": (MUSCLE_PAIN, MUSCLE_STRETCHES),
    "stretch": (STRETCH_MUSCLES,),
}


@dataclass(frozen=True)
class Relation:
    """Two tables that must mirror each other. Values in `compared` must agree; the `primary`
    table's value is the reference, so a disagreement is reported on the other table's row."""

    primary: TableSpec
    mirror: TableSpec
    compared: tuple[str, ...]


RELATIONS = (
    Relation(PAIN_MUSCLES, MUSCLE_PAIN, ("Zone", "Evidence")),
    Relation(MUSCLE_STRETCHES, STRETCH_MUSCLES, ("Role",)),
)

MISMATCH_CODES = {"Zone": "ZONE_MISMATCH", "Evidence": "EVIDENCE_MISMATCH", "Role": "ROLE_MISMATCH"}

SECTIONS: dict[str, tuple[str, ...]] = {
    "pain": (
        "Muscles that can cause this pain", "What you can do", "What else it could be", "References",
    ),
    "muscle": (
        "Pain this muscle can cause", "Stretches for this muscle", "Anatomy", "What keeps it tight",
        "What else the pain could be", "References",
    ),
    "stretch": (
        "How to do it", "How long and how often", "What you should feel", "When to stop",
        "Muscles this stretches", "Easier and harder versions",
        "If you cannot kneel or get down to the floor", "References",
    ),
}
STEPS_SECTION = "How to do it"
REFERENCES_SECTION = "References"


# --- addresses -----------------------------------------------------------------------------------

def kind_of(rel: str) -> str:
    """A page's kind from where its file sits: "pain", "muscle", "stretch", "index" or "other"."""
    folder, _, name = rel.partition("/")
    if not name:
        return "index" if rel == "index.md" else "other"
    if name == "index.md":
        return "index"
    if "/" in name:
        return "other"
    return KIND_BY_FOLDER.get(folder, "other")


def page_url(rel: str) -> str:
    """`muscles/piriformis.md` -> `/muscles/piriformis/`; `pain/index.md` -> `/pain/`; `index.md` -> `/`."""
    stem = rel[: -len(".md")]
    if stem == "index":
        return "/"
    if stem.endswith("/index"):
        stem = stem[: -len("/index")]
    return f"/{stem}/"


def is_page_file(rel: str) -> bool:
    """Whether docs/`rel` is a page: a .md file outside snippets, data and hidden folders."""
    return rel.endswith(".md") and not any(part.startswith(("_", ".")) for part in rel.split("/"))


# --- front matter --------------------------------------------------------------------------------

try:  # the C loader is several times faster on large trees; the pure one gives the same result
    _BaseLoader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _BaseLoader = yaml.SafeLoader


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    """The safe loader, noting each key a mapping repeats (YAML itself silently keeps the last)."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.repeated: list[tuple[str, int]] = []  # (key, 0-based line in the YAML)

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[str] = set()
        for key_node, _value in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                if key_node.value in seen:
                    self.repeated.append((key_node.value, key_node.start_mark.line))
                seen.add(key_node.value)
        return super().construct_mapping(node, deep)  # type: ignore[no-any-return]


def load_yaml(text: str) -> tuple[Any, list[tuple[str, int]]]:
    """Parse YAML safely; return the data and the keys that a mapping in it repeats."""
    loader = _Loader(text)
    try:
        return loader.get_single_data(), loader.repeated
    finally:
        loader.dispose()


def front_matter_end(lines: list[str]) -> int | None:
    """The index of the line that closes the front matter opened on the first line, or None."""
    if not lines or lines[0].rstrip() != "---":
        return None
    return next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)


def read_meta(path: Path) -> dict[str, Any]:
    """A page's front matter as a mapping ({} when it has none or it cannot be read: the checker
    reports why)."""
    return meta_of(read_page(path))


def read_page(path: Path) -> str:
    """A page's text ("" when it cannot be read: the checker reports why)."""
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return ""


def meta_of(text: str) -> dict[str, Any]:
    """The front matter of a page's text as a mapping ({} when it has none or it cannot be read)."""
    try:
        lines = text.splitlines()
        end = front_matter_end(lines)
        meta = load_yaml("\n".join(lines[1:end]))[0] if end else None
    except (yaml.YAMLError, ValueError, TypeError, OverflowError, RecursionError):
        return {}
    return {str(key): value for key, value in meta.items()} if isinstance(meta, dict) else {}
