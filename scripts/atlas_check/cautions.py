"""Cautions that travel with a stretch, defined once in docs/_data/cautions.yml.

Each entry has a short line for table rows, a box title and text for the stretch page, and the sources
behind it, which every page that shows the caution lists among its references:

    outer-hip-tendons:
      title: Not if the outside of your hip hurts
      short: not if the outside of your hip hurts
      text: Bringing the thigh across the body can press on sore tendons ...
      sources:
        - Grimaldi A, ... doi:[10.1007/...](https://doi.org/10.1007/...).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from . import schema
from .pages import Finding, load_yaml

KEY = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
TEXT_FIELDS = ("title", "short", "text")
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
        return f"{schema.CAUTION_FOOTNOTE}{self.key}"


def load_cautions(docs: Path, shown_root: str = "docs") -> tuple[dict[str, Caution], list[Finding]]:
    """Read the cautions file; a missing file is no cautions, and every problem in it is a finding."""
    path = docs / schema.CAUTIONS_FILE
    shown = f"{shown_root}/{schema.CAUTIONS_FILE}" if shown_root else schema.CAUTIONS_FILE
    if not path.is_file():
        return {}, []
    try:
        text = path.read_text(encoding="utf-8")
        data, repeated = load_yaml(text)
    except (OSError, UnicodeDecodeError) as err:
        return {}, [Finding(shown, 1, "DATA_INVALID", f"cannot read the file: {err}")]
    except yaml.MarkedYAMLError as err:
        line = err.problem_mark.line + 1 if err.problem_mark else 1
        return {}, [Finding(shown, line, "DATA_INVALID", f"the YAML cannot be read: {err.problem or 'invalid YAML'}")]
    except (yaml.YAMLError, ValueError, TypeError, RecursionError) as err:
        return {}, [Finding(shown, 1, "DATA_INVALID", f"the YAML cannot be read: {err}")]
    findings = [Finding(shown, line + 1, "DATA_INVALID", f"'{key}' is given twice") for key, line in repeated]
    if data is None:
        return {}, findings
    if not isinstance(data, dict):
        return {}, [*findings, Finding(shown, 1, "DATA_INVALID", "the file must map each caution's key to its texts")]
    lines = {key: number for number, key in _top_level_keys(text)}
    cautions: dict[str, Caution] = {}
    for key, entry in data.items():
        line = lines.get(str(key), 1)
        problem = _entry_problem(str(key), entry)
        if problem:
            findings.append(Finding(shown, line, "DATA_INVALID", f"caution '{key}' {problem}"))
            continue
        cautions[str(key)] = Caution(str(key), entry["title"].strip(), entry["short"].strip(),
                                     entry["text"].strip(), tuple(s.strip() for s in entry["sources"]))
    return cautions, findings


def _entry_problem(key: str, entry: object) -> str | None:
    if not KEY.fullmatch(key):
        return "must be named in lower case with hyphens, e.g. outer-hip-tendons"
    if not isinstance(entry, dict) or set(entry) != {*TEXT_FIELDS, "sources"}:
        return f"must have exactly these fields: {', '.join(TEXT_FIELDS)}, sources"
    if not all(isinstance(entry[name], str) and entry[name].strip() for name in TEXT_FIELDS):
        return f"must give {', '.join(TEXT_FIELDS)} as non-empty text"
    if '"' in entry["title"]:
        return "title must not contain '\"': it is the heading of a warning box"
    if "|" in entry["short"] or len(entry["short"].strip()) > SHORT_LIMIT:
        return f"short text must fit a table cell: at most {SHORT_LIMIT} characters and no '|'"
    sources = entry["sources"]
    if not (isinstance(sources, list) and sources and all(isinstance(s, str) and s.strip() for s in sources)):
        return "must list its sources: at least one full reference"
    return None


def _top_level_keys(text: str) -> list[tuple[int, str]]:
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        name, colon, _ = line.partition(":")
        if colon and name and not name[0].isspace() and not name.startswith("#"):
            found.append((number, name.strip().strip("\"'")))
    return found
