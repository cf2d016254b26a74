"""Cautions shown from data: a Python-Markdown extension (`atlas_cautions` in mkdocs.yml).

A stretch declares its cautions in front matter (`cautions: [outer-hip-tendons]`); their words live
once, in docs/_data/cautions.yml. On a page:

- a line `[[caution outer-hip-tendons]]` on its own becomes the caution's warning box (on the stretch
  page, above its first section);
- `[[caution outer-hip-tendons]]` inside a line (a table cell, right after the link to the stretch)
  becomes the caution's short line.

Either way the page gets the caution's sources as a footnote, so every page that shows a caution lists
what it rests on. The table checker makes sure that every table row linking the stretch shows its
cautions, and that no marker names a caution the stretch does not declare.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

from atlas_check.cautions import Caution, load_cautions
from atlas_check.schema import CAUTION_MARKER, CODE_SPAN


@functools.lru_cache(maxsize=4)
def _cautions(docs: Path, _changed: int) -> dict[str, Caution]:
    return load_cautions(docs)[0]


def cautions_in(docs: Path) -> dict[str, Caution]:
    """The cautions file, read once per build (again only when it changes, as under `mkdocs serve`)."""
    path = docs / "_data" / "cautions.yml"
    return _cautions(docs, path.stat().st_mtime_ns if path.exists() else 0)


class CautionError(ValueError):
    pass


class CautionPreprocessor(Preprocessor):
    def __init__(self, md: Markdown, docs: Path) -> None:
        super().__init__(md)
        self.docs = docs

    def run(self, lines: list[str]) -> list[str]:
        if not any("[[caution" in line for line in lines):
            return lines
        cautions = cautions_in(self.docs)
        used: dict[str, Caution] = {}

        def caution(key: str | None) -> Caution:
            found = cautions.get((key or "").strip())
            if found is None:
                known = ", ".join(sorted(cautions)) or "none"
                raise CautionError(f"[[caution {key or ''}]] names no caution in docs/_data/cautions.yml "
                                   f"(known: {known}); run the table checker for the page and line")
            used[found.key] = found
            return found

        out: list[str] = []
        for line in lines:
            block = CAUTION_MARKER.fullmatch(line.strip()) if not line[:1].isspace() else None
            if block:
                found = caution(block.group("key"))
                body = f"{found.text}[^{found.footnote}]".splitlines()
                out += ["", f'!!! warning "{found.title}"', *(f"    {text}" if text else "" for text in body), ""]
            elif "[[caution" in line:
                out.append(_outside_code(line, lambda match: _short(caution(match.group("key")))))
            else:
                out.append(line)
        for found in used.values():
            out += ["", f"[^{found.footnote}]: " + "\n    ".join(found.sources)]
        return out


def _short(found: Caution) -> str:
    return f'<span class="atlas-caution" data-search-exclude>(**Caution:** {found.short}[^{found.footnote}])</span>'


def _outside_code(line: str, replace: Any) -> str:
    """Replace the markers in a line, leaving those inside `code spans` as they are."""
    parts, last = [], 0
    for code in CODE_SPAN.finditer(line):
        parts.append(CAUTION_MARKER.sub(replace, line[last:code.start()]))
        parts.append(code.group(0))
        last = code.end()
    parts.append(CAUTION_MARKER.sub(replace, line[last:]))
    return "".join(parts)


class CautionExtension(Extension):
    def __init__(self, **kwargs: Any) -> None:
        self.config = {"docs_dir": ["docs", "The docs folder, whose _data/cautions.yml defines the cautions"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        # After snippets (32) and fenced code (25), so included text is expanded and code is left alone.
        md.preprocessors.register(CautionPreprocessor(md, Path(self.getConfig("docs_dir"))), "atlas_cautions", 24)


def makeExtension(**kwargs: Any) -> CautionExtension:  # noqa: N802 - Python-Markdown's name
    return CautionExtension(**kwargs)
