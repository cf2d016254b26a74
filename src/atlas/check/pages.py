"""Reading one Markdown page: front matter, `##` sections, named tables, links and footnotes."""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.admon import admon_plugin
from mdit_py_plugins.footnote import footnote_plugin

from .. import model
from ..model import kind_of, load_yaml

# Block structure only: inline parsing (links, emphasis) is done just for the few places that need it,
# table cells and index pages, which keeps a 2,000-page tree well under two seconds.
# Block rules the checker has no use for (quotes, rules, setext headings, HTML blocks, link
# references) are left out too: each is tried on every line, and a page is ~10 KB of prose.
_MD = (MarkdownIt("commonmark").enable("table").use(footnote_plugin).use(admon_plugin).disable("inline")
       .disable(["blockquote", "hr", "lheading", "html_block", "reference"]))
_INLINE = MarkdownIt("commonmark")
_FOOTNOTE_REF = re.compile(r"\[\^([^\]\s]+)\](?!:)")


@dataclass(frozen=True, order=True)
class Finding:
    path: str
    line: int
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.code} {self.message}"


@dataclass(frozen=True)
class Link:
    text: str
    href: str
    target: str | None  # docs-relative POSIX path of the linked .md file, None if not a page link


@dataclass
class Cell:
    text: str
    links: list[Link]


@dataclass
class Row:
    line: int
    cells: dict[str, Cell]


@dataclass
class Table:
    section: str
    line: int
    columns: list[str]
    rows: list[Row]


@dataclass(frozen=True)
class Marker:
    """A `[[name argument]]` in a page's text: a picture when it stands alone on its line."""

    name: str
    argument: str
    line: int
    alone: bool
    section: str | None  # the `##` section it is in, None above the first


@dataclass
class Page:
    rel: str  # POSIX path relative to docs/, e.g. "pain/outer-hip-pain.md"
    shown: str  # path as printed in findings, e.g. "docs/pain/outer-hip-pain.md"
    kind: str  # "pain", "muscle", "stretch", "index" or "other"
    meta: dict[str, Any] = field(default_factory=dict)
    sections: dict[str, int] = field(default_factory=dict)  # `##` heading -> line
    section_order: list[str] = field(default_factory=list)
    tables: dict[str, Table] = field(default_factory=dict)  # first table under each `##`
    ordered_list_sections: set[str] = field(default_factory=set)
    links: list[Link] = field(default_factory=list)  # every link on the page
    has_summary: bool = False
    footnotes_defined: set[str] = field(default_factory=set)
    footnote_refs: list[tuple[str, int]] = field(default_factory=list)  # undefined-looking refs
    red_flags_snippet: str | None = None  # which urgent-care box the page includes, if any
    markers: list[Marker] = field(default_factory=list)  # every `[[name argument]]` in the text, in order
    repeated_fields: list[tuple[str, int]] = field(default_factory=list)  # front-matter keys given twice, with lines
    readable: bool = True
    meta_ok: bool = False  # front matter present and readable; field rules apply only then
    field_lines: dict[str, int] = field(default_factory=dict)  # top-level field -> line in the file
    # Names from also_called / described_as that the page text does not show: (field, name). Worked out
    # where the page is read, so that the page's text need not travel with it.
    names_not_shown: list[tuple[str, str]] = field(default_factory=list)

    @property
    def caution_boxes(self) -> list[tuple[str, int]]:
        """`[[caution KEY]]` lines above the first `##` section: (key, line)."""
        return [(m.argument, m.line) for m in self.markers if m.name == "caution" and m.alone and m.section is None]

    @property
    def body_map_line(self) -> int | None:
        """Where the page shows the body map, if it does."""
        return next((m.line for m in self.markers if m.name == "body-map" and m.alone), None)

    @property
    def title(self) -> str | None:
        title = self.meta.get("title")
        return title.strip() if isinstance(title, str) and title.strip() else None


def read_page(path: Path, rel: str, shown: str) -> tuple[Page, list[Finding]]:
    page = Page(rel=rel, shown=shown, kind=kind_of(rel))
    findings: list[Finding] = []

    def report(line: int, code: str, message: str) -> None:
        findings.append(Finding(shown, line, code, message))

    try:
        data = path.read_bytes()
    except OSError as err:
        report(1, "FILE_UNREADABLE", f"cannot read the file: {err.strerror or err}")
        page.readable = False
        return page, findings
    if len(data) > model.PAGE_SIZE_LIMIT:
        report(1, "PAGE_TOO_LARGE", f"the page is {len(data) // 1024} KB; split it into pages of at most "
                                    f"{model.PAGE_SIZE_LIMIT // 1024} KB")
        page.readable = False
        return page, findings
    if b"\x00" in data:
        report(1, "FILE_UNREADABLE", "the file is binary, not Markdown text")
        page.readable = False
        return page, findings
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        report(1, "FILE_UNREADABLE", f"the file is not UTF-8 text (bad byte at offset {err.start})")
        page.readable = False
        return page, findings
    if not text.strip():
        report(1, "FILE_UNREADABLE", "the file is empty")
        page.readable = False
        return page, findings

    lines = text.splitlines()
    body_start = _read_front_matter(page, lines, report)
    if page.meta_ok:
        page.names_not_shown = _names_not_shown(page.meta, " ".join(" ".join(lines[body_start:]).lower().split()))
    _read_body(page, lines, body_start, report)
    return page, findings


def _names_not_shown(meta: dict[str, Any], body_text: str) -> list[tuple[str, str]]:
    missing = []
    for field_name in model.SHOWN_NAME_FIELDS:
        names = meta.get(field_name)
        if isinstance(names, list):
            missing += [(field_name, name) for name in names
                        if isinstance(name, str) and " ".join(name.lower().split()) not in body_text]
    return missing


def _read_front_matter(page: Page, lines: list[str], report: Any) -> int:
    """Fill page.meta; return the index of the first body line."""
    if not lines or lines[0].rstrip() != "---":
        report(1, "FRONT_MATTER_MISSING", "the page must start with a '---' line opening its YAML front matter")
        return 0
    end = model.front_matter_end(lines)
    if end is None:
        report(1, "FRONT_MATTER_INVALID", "the front matter opened on line 1 is never closed with '---'")
        return len(lines)
    try:
        meta, repeated = load_yaml("\n".join(lines[1:end]))
    except yaml.MarkedYAMLError as err:
        line = err.problem_mark.line + 2 if err.problem_mark else 1
        problem = err.problem or "invalid YAML"
        report(line, "FRONT_MATTER_INVALID", f"the YAML cannot be read: {problem}")
        return end + 1
    except (yaml.YAMLError, ValueError, TypeError, OverflowError, RecursionError) as err:
        report(1, "FRONT_MATTER_INVALID", f"the YAML cannot be read: {err}")
        return end + 1
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        report(2, "FRONT_MATTER_INVALID", "the front matter must be a set of 'field: value' lines")
        return end + 1
    page.meta = {str(key): value for key, value in meta.items()}
    page.meta_ok = True
    page.repeated_fields = [(key, line + 2) for key, line in repeated]
    for number, line in enumerate(lines[1:end], start=2):
        name, colon, _ = line.partition(":")
        if colon and name and not name[0].isspace() and name.strip() not in page.field_lines:
            page.field_lines[name.strip().strip("\"'")] = number
    return end + 1


def _read_body(page: Page, lines: list[str], start: int, report: Any) -> None:
    env: dict[str, Any] = {}
    tokens = _MD.parse("\n".join(lines[start:]), env)
    offset = start + 1  # token maps are 0-based within the body; findings are 1-based in the file

    refs = env.get("footnotes", {}).get("refs", {})
    page.footnotes_defined = {label[1:] for label in refs if label.startswith(":")}

    section: str | None = None
    first_block = True
    for i, token in enumerate(tokens):
        if token.level == 0 and token.nesting != -1 and token.map is not None:
            if first_block:
                page.has_summary = _is_summary(token, tokens, i)
                first_block = False
        if token.type == "heading_open" and token.tag == "h2":
            section = tokens[i + 1].content.strip()
            if section not in page.sections:
                page.sections[section] = token.map[0] + offset if token.map else offset
                page.section_order.append(section)
        elif token.type == "table_open" and section is not None and section not in page.tables:
            page.tables[section] = _read_table(tokens, i, section, lines, offset, page.rel, report)
        elif token.type == "ordered_list_open" and section is not None:
            page.ordered_list_sections.add(section)
        elif token.type == "inline":
            line = token.map[0] + offset if token.map else offset
            if token.level <= 1 and page.red_flags_snippet is None:
                page.red_flags_snippet = _red_flags_include(token.content)
            if "[[" in token.content:
                text = token.content.strip()
                for match in model.ANY_MARKER.finditer(model.CODE_SPAN.sub("", text)):
                    page.markers.append(Marker(match.group("name"), (match.group("argument") or "").strip(), line,
                                               alone=match.group(0) == text, section=section))
            if page.kind == "index":
                page.links.extend(_inline_links(token.content, page.rel))
            if "[^" in token.content:
                for label in _FOOTNOTE_REF.findall(_without_code(token.content)):
                    page.footnote_refs.append((label, line))


def _is_summary(token: Token, tokens: list[Token], i: int) -> bool:
    if token.type != "admonition_open" or token.meta.get("tag") != model.SUMMARY_TAG:
        return False
    title = tokens[i + 2].content.strip() if i + 2 < len(tokens) else ""
    return title == model.SUMMARY_TITLE


def _red_flags_include(content: str) -> str | None:
    """The urgent-care snippet that a `--8<-- "..."` line includes, or None."""
    text = content.strip()
    if not text.startswith("--8<--"):
        return None
    name = text[len("--8<--"):].strip().strip("\"'")
    return name if name in model.RED_FLAGS_SNIPPETS else None


def _read_table(
    tokens: list[Token], start: int, section: str, lines: list[str], offset: int, rel: str, report: Any
) -> Table:
    header_line = (tokens[start].map[0] if tokens[start].map else 0) + offset
    columns: list[str] = []
    rows: list[Row] = []
    current: list[Cell] | None = None
    current_line = header_line
    for token in tokens[start + 1:]:
        if token.type == "table_close":
            break
        if token.type == "tr_open":
            current = []
            current_line = (token.map[0] if token.map else 0) + offset
        elif token.type == "inline" and current is not None:
            current.append(Cell(token.content.strip(), _inline_links(token.content, rel)))
        elif token.type == "tr_close" and current is not None:
            if not columns:
                columns = [cell.text for cell in current]
            else:
                rows.append(Row(current_line, dict(zip(columns, current))))
                raw = lines[current_line - 1] if current_line - 1 < len(lines) else ""
                found = count_cells(raw)
                if found != len(columns):
                    report(current_line, "TABLE_RAGGED",
                           f"this row has {found} cells but the table header has {len(columns)}")
            current = None
    return Table(section, header_line, columns, rows)


def count_cells(line: str) -> int:
    """Cells in a raw table row, as GFM counts them: split on pipes that are not escaped."""
    text = line.strip()
    if text.startswith("|"):
        text = text[1:]
    if text.endswith("|") and not text.endswith("\\|"):
        text = text[:-1]
    count, i = 1, 0
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text[i] == "|":
            count += 1
        i += 1
    return count


def _inline_links(content: str, rel: str) -> list[Link]:
    if "](" not in content and "]:" not in content and "<" not in content:
        return []  # no inline link, autolink or reference can be in this text
    tokens = _INLINE.parseInline(content)
    return _links(tokens[0].children or [], rel) if tokens else []


def _without_code(content: str) -> str:
    """Inline text with code spans blanked out, so `[^x]` shown as code is not taken for a citation."""
    if "`" not in content:
        return content
    tokens = _INLINE.parseInline(content)
    children = tokens[0].children or [] if tokens else []
    return "".join(child.content for child in children if child.type != "code_inline")


def _links(children: list[Token], rel: str) -> list[Link]:
    links: list[Link] = []
    href: str | None = None
    parts: list[str] = []
    for child in children:
        if child.type == "link_open":
            href, parts = str(child.attrs.get("href", "")), []
        elif child.type == "link_close" and href is not None:
            links.append(Link("".join(parts).strip(), href, resolve(href, rel)))
            href = None
        elif href is not None:
            parts.append(child.content)
    return links


def resolve(href: str, rel: str) -> str | None:
    """The docs-relative path a link points to, or None for links that are not to a .md page."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path.endswith(".md"):
        return None
    path = unquote(parts.path)
    if path.startswith("/"):
        return None
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(rel), path))
    return None if joined.startswith("../") or joined == ".." else joined


def as_date(value: Any) -> dt.date | None:
    """A front-matter date (YAML reads 2026-11-25 as a date; quoted, it is text), or None."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None
