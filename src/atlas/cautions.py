"""Cautions shown from data: a Python-Markdown extension (`atlas.cautions` in mkdocs.yml).

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

from pathlib import Path
from typing import Any

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

from .data import Caution, fail, load_cautions
from .model import CAUTION_MARKER, CODE_SPAN


class CautionPreprocessor(Preprocessor):
    def __init__(self, md: Markdown, docs: Path) -> None:
        super().__init__(md)
        self.docs = docs

    def run(self, lines: list[str]) -> list[str]:
        if not any("[[caution" in line for line in lines):
            return lines
        cautions, problems = load_cautions(self.docs)
        if problems:
            file, number, message = problems[0]
            raise fail(f"docs/{file}:{number}: {message}")
        used: dict[str, Caution] = {}

        def caution(key: str | None) -> Caution:
            found = cautions.get((key or "").strip())
            if found is None:
                known = ", ".join(sorted(cautions)) or "none"
                raise fail(f"[[caution {key or ''}]] names no caution in docs/_data/cautions.yml (known: {known})")
            used[found.key] = found
            return found

        out: list[str] = []
        for line in lines:
            block = CAUTION_MARKER.fullmatch(line.strip()) if not line[:1].isspace() else None
            if block:
                found = caution(block.group("key"))
                body = f"{found.text}[^{found.footnote}]".splitlines()
                out += ["", f'!!! warning atlas-caution-box "{found.title}"', *(f"    {text}" if text else "" for text in body), ""]
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
        self.config = {"docs_dir": ["docs", "the docs folder (in mkdocs.yml: !relative $docs_dir)"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        # After snippets (32) and fenced code (25), so included text is expanded and code is left alone.
        md.preprocessors.register(CautionPreprocessor(md, Path(self.getConfig("docs_dir"))), "atlas_cautions", 24)


def makeExtension(**kwargs: Any) -> CautionExtension:  # noqa: N802 - Python-Markdown's name
    return CautionExtension(**kwargs)
