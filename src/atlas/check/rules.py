"""The rules: each page on its own, then the graph that the tables make together."""

from __future__ import annotations

import datetime as dt
import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from .. import model
from ..data import Caution
from .pages import Finding, Link, Page, Row, as_date, resolve
from .urls import alias_problem

# A Markdown link in a table cell's text, or a caution marker: read in order, each marker belongs to
# the link before it.
_LINK_OR_CAUTION = re.compile(r"\[(?P<text>[^\]]*)\]\((?P<href>[^)\s]+)[^)]*\)|" + model.CAUTION_MARKER.pattern)


@dataclass
class Edge:
    """One table row: `source` lists `target`, with the row's controlled values."""

    source: Page
    spec: model.TableSpec
    target: Page
    line: int
    values: dict[str, str | None]
    extra: dict[str, list[Page]] = field(default_factory=dict)  # targets of other link columns


@dataclass
class Graph:
    pages: dict[str, Page]
    edges: list[Edge] = field(default_factory=list)
    # Tables that were read well enough to check the other end against: (page rel, section).
    usable: set[tuple[str, str]] = field(default_factory=set)


def read_graph(pages: dict[str, Page]) -> tuple[Graph, list[Finding]]:
    """The graph that the pages' tables make, and what is wrong with the tables themselves."""
    graph = Graph(pages)
    findings: list[Finding] = []
    for page in pages.values():
        if page.readable:
            findings.extend(_read_edges(page, graph))
    return graph, findings


def graph_of(pages: dict[str, Page]) -> Graph:
    """The graph alone, for publishing: no rule is run on it."""
    return read_graph(pages)[0]


def check(pages: dict[str, Page], cautions: dict[str, Caution] | None = None,
          today: dt.date | None = None) -> tuple[list[Finding], Graph]:
    """Every rule. `cautions` are the known cautions (docs/_data/cautions.yml); `today` is the day the
    review dates are checked against (the real date unless given)."""
    cautions = cautions or {}
    today = today or dt.date.today()
    graph, findings = read_graph(pages)
    for page in pages.values():
        if page.readable:
            findings.extend(_check_page(page, cautions, today))
    findings.extend(_check_cautions(graph, cautions))
    findings.extend(_check_relations(graph))
    findings.extend(_check_empty_tables(graph))
    findings.extend(_check_suggested_stretches(graph))
    findings.extend(_check_reach(graph))
    findings.extend(_check_map_zones(pages))
    return sorted(set(findings)), graph


# --- one page on its own -------------------------------------------------------------------------

def _check_page(page: Page, cautions: dict[str, Caution], today: dt.date) -> Iterable[Finding]:
    if page.meta_ok:
        yield from _check_fields(page, cautions)
        yield from _check_dates(page, today)
    shown = page.shown
    if page.kind not in model.SECTIONS:
        return
    if not page.has_summary:
        yield Finding(shown, 1, "SUMMARY_MISSING",
                      f'the page must open with a `!!! {model.SUMMARY_TAG} "{model.SUMMARY_TITLE}"` box')
    required = model.SECTIONS[page.kind]
    for name in required:
        if name not in page.sections:
            yield Finding(shown, 1, "SECTION_MISSING", f"no '## {name}' section")
    present = [name for name in page.section_order if name in required]
    expected = [name for name in required if name in page.sections]
    if present != expected:
        first_wrong = next(a for a, b in zip(present, expected) if a != b)
        yield Finding(shown, page.sections[first_wrong], "SECTION_ORDER",
                      f"'## {first_wrong}' is out of order; sections go: {' / '.join(required)}")
    if page.kind == "pain":
        yield from _check_red_flags(page)
    if page.kind == "stretch" and model.STEPS_SECTION in page.sections \
            and model.STEPS_SECTION not in page.ordered_list_sections:
        yield Finding(shown, page.sections[model.STEPS_SECTION], "STEPS_MISSING",
                      f"'## {model.STEPS_SECTION}' needs a numbered list of steps")
    references = page.sections.get(model.REFERENCES_SECTION)
    if references is not None and not {label for label in page.footnotes_defined
                                       if not model.is_reserved_footnote(label)}:
        yield Finding(shown, references, "REFERENCES_MISSING",
                      "'## References' lists no sources: add footnote definitions ([^label]: ...)")
    for label, line in page.footnote_refs:
        if label not in page.footnotes_defined and not model.is_reserved_footnote(label):
            yield Finding(shown, line, "FOOTNOTE_UNDEFINED",
                          f"[^{label}] cites a reference that '## References' does not define")


def _check_red_flags(page: Page) -> Iterable[Finding]:
    zones = page.meta.get("zones") if isinstance(page.meta.get("zones"), list) else []
    wanted, why = model.red_flags_needed([str(zone) for zone in zones])
    if page.red_flags_snippet is None:
        yield Finding(page.shown, 1, "RED_FLAGS_MISSING",
                      f'a pain page must include the urgent-care box: --8<-- "{wanted}"')
    elif why and page.red_flags_snippet != wanted:
        yield Finding(page.shown, 1, "RED_FLAGS_MISSING", f'this pain {why}: --8<-- "{wanted}"')


def _check_fields(page: Page, cautions: dict[str, Caution]) -> Iterable[Finding]:
    fields = model.FIELDS.get(page.kind, model.FIELDS["other"])
    for name, line in page.repeated_fields:
        yield Finding(page.shown, line, "FIELD_DUPLICATE",
                      f"'{name}' is given twice in the front matter; only the last would count: keep one")
    for name in sorted(set(page.meta) - fields.allowed):
        yield Finding(page.shown, page.field_lines.get(name, 1), "FIELD_UNKNOWN",
                      f"front-matter field '{name}' is not one of: {', '.join(sorted(fields.allowed))}")
    for name in fields.required:
        if name not in page.meta:
            yield Finding(page.shown, 1, "FIELD_MISSING", f"front matter has no '{name}' field")
    faulty: set[str] = set()
    for name, value in page.meta.items():
        problem = _field_finding(page, name, value, cautions)
        if problem:
            faulty.add(name)
            yield problem
    for field_name, name in page.names_not_shown:
        if field_name not in faulty:
            yield Finding(page.shown, page.field_lines.get(field_name, 1), "NAME_NOT_SHOWN",
                          f"'{name}' is in {field_name} but not in the page text, so search cannot find "
                          f"the page by it: add it to the '{model.SHOWN_NAME_FIELDS[field_name]}' line")


def _field_finding(page: Page, name: str, value: Any, cautions: dict[str, Caution]) -> Finding | None:
    """The first thing wrong with one field: unsafe text, then length, then its form."""
    line = page.field_lines.get(name, 1)
    if any(f"[[{model.TODO_MARKER}" in text for text in _texts(value)):
        return Finding(page.shown, line, "UNFINISHED", f"'{name}' is still to write")
    unsafe = next(filter(None, (_unsafe_text(text) for text in _texts(value))), None)
    if unsafe:
        return Finding(page.shown, line, "FIELD_UNSAFE", f"'{name}' {unsafe}")
    too_long = _too_long(name, value)
    if too_long:
        return Finding(page.shown, line, "FIELD_TOO_LONG", f"'{name}' {too_long}")
    problem = _field_problem(name, value, cautions)
    return Finding(page.shown, line, "FIELD_INVALID", f"'{name}' {problem}") if problem else None


def _texts(value: Any) -> Iterable[str]:
    """Every piece of text in a front-matter value, however deeply it is nested."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _texts(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield str(key)
            yield from _texts(item)


_UNSAFE = re.compile("[" + re.escape(model.MARKUP_CHARACTERS) + "".join(sorted(model.BIDI_CHARACTERS))
                     + "\x00-\x09\x0b-\x1f\x7f-\x9f]")  # markup, text direction, control (all but newline)


def _unsafe_text(text: str) -> str | None:
    found = _UNSAFE.search(text)
    if found is None:
        return None
    char = found.group()
    if char in model.MARKUP_CHARACTERS:
        return (f"contains the markup character {char!r}, which pages print into their HTML: "
                "write it without < > \" or `")
    if char in model.BIDI_CHARACTERS:
        return f"contains the invisible text-direction character U+{ord(char):04X}: delete it"
    return f"contains the control character U+{ord(char):04X}: delete it"


def _too_long(name: str, value: Any) -> str | None:
    limit = model.TEXT_LIMITS.get(name)
    if limit is not None and isinstance(value, str) and len(value.strip()) > limit:
        return f"is {len(value.strip())} characters long; keep it to {limit}"
    if name in model.NAME_LIST_FIELDS and isinstance(value, list):
        for item in value:
            if isinstance(item, str) and len(item.strip()) > model.NAME_LIMIT:
                return f"entry '{item.strip()[:30]}...' is {len(item.strip())} characters long; keep each to {model.NAME_LIMIT}"
    return None


def _check_dates(page: Page, today: dt.date) -> Iterable[Finding]:
    """Last updated no later than today, next review not overdue, and a reviewer named in full."""
    updated, due = as_date(page.meta.get("updated")), as_date(page.meta.get("review_due"))
    if updated and updated > today:
        yield Finding(page.shown, page.field_lines.get("updated", 1), "DATE_IN_FUTURE",
                      f"'updated' is {updated}, after today ({today}): give the date the page was last checked")
    if due and due < today:
        yield Finding(page.shown, page.field_lines.get("review_due", 1), "REVIEW_OVERDUE",
                      f"the page was due for review on {due}: check its content and sources, then set "
                      "'updated' to today and 'review_due' to the next date")
    reviewer = page.meta.get("reviewer")
    if not isinstance(reviewer, dict):
        return  # absent, or FIELD_INVALID says what it should look like
    line = page.field_lines.get("reviewer", 1)
    missing = [name for name in model.REVIEWER_FIELDS if not str(reviewer.get(name) or "").strip()]
    if missing:
        yield Finding(page.shown, line, "REVIEWER_INCOMPLETE",
                      f"a reviewer needs {', '.join(model.REVIEWER_FIELDS)}; missing: {', '.join(missing)} "
                      "(e.g. {name: A. Patel, profession: Physiotherapist, date: 2026-11-30})")
        return
    unknown = sorted(set(reviewer) - set(model.REVIEWER_FIELDS))
    reviewed = as_date(reviewer["date"])
    if unknown:
        yield Finding(page.shown, line, "FIELD_INVALID", f"'reviewer' has unknown field(s): {', '.join(unknown)}")
    elif reviewed is None:
        yield Finding(page.shown, line, "FIELD_INVALID", "'reviewer' date must be a date written YYYY-MM-DD")
    elif reviewed > today:
        yield Finding(page.shown, line, "DATE_IN_FUTURE",
                      f"the reviewer's date is {reviewed}, after today ({today}): give the date of the review")


def _field_problem(name: str, value: Any, cautions: dict[str, Caution]) -> str | None:
    if name in ("title", "description", "nerve", "action"):
        return None if isinstance(value, str) and value.strip() else "must be non-empty text"
    if name in ("updated", "review_due"):
        return None if as_date(value) else "must be a date written YYYY-MM-DD"
    if name == "reviewer":
        return None if isinstance(value, dict) else "must be like '{name: ..., profession: ..., date: YYYY-MM-DD}'"
    if name == "cautions":
        if not (isinstance(value, list) and value and all(isinstance(v, str) for v in value)):
            return "must be a non-empty list of cautions, e.g. [outer-hip-tendons]"
        unknown = [v for v in value if v not in cautions]
        if unknown:
            known = ", ".join(sorted(cautions)) or "none"
            return f"names caution(s) {', '.join(unknown)} that {model.CAUTIONS_FILE} does not define; known: {known}"
        return None
    if name in model.NAME_LIST_FIELDS:
        ok = isinstance(value, list) and value and all(isinstance(v, str) and v.strip() for v in value)
        return None if ok else "must be a non-empty list of names"
    if name == "zones":
        if not (isinstance(value, list) and value and all(isinstance(v, str) for v in value)):
            return f"must be a non-empty list of zones from: {', '.join(model.ZONES)}"
        unknown = [v for v in value if v not in model.ZONES]
        if unknown:
            return (f"names zone(s) {', '.join(unknown)} that the body map does not draw; "
                    f"known zones: {', '.join(model.ZONES)}")
        return None
    if name == "dose":
        # hold_seconds may be left out for a movement that is repeated rather than held
        ok = (isinstance(value, dict) and {"repeats", "how_often"} <= set(value) <= {"hold_seconds", "repeats", "how_often"}
              and isinstance(value.get("hold_seconds", 0), int) and isinstance(value["how_often"], str)
              and isinstance(value["repeats"], list) and len(value["repeats"]) == 2
              and all(isinstance(n, int) for n in value["repeats"]))
        return None if ok else ("must be like '{hold_seconds: 30, repeats: [2, 4], how_often: once a day}' "
                                "(leave out hold_seconds for a movement that is repeated, not held)")
    if name == "aliases":
        return alias_problem(value)
    if name == "pain_map":
        return _pain_map_problem(value)
    if name == "search":
        return None if isinstance(value, dict) else "must be a mapping, e.g. 'boost: 2'"
    if name == "hide":
        return None if isinstance(value, list) else "must be a list, e.g. [navigation, toc]"
    return None


# --- tables into edges ---------------------------------------------------------------------------

def _read_edges(page: Page, graph: Graph) -> Iterable[Finding]:
    for spec in model.TABLES.get(page.kind, ()):
        line = page.sections.get(spec.section)
        if line is None:
            continue  # SECTION_MISSING says it already
        table = page.tables.get(spec.section)
        if table is None:
            yield Finding(page.shown, line, "TABLE_MISSING", f"'## {spec.section}' has no table under it")
            continue
        if tuple(table.columns) != spec.columns:
            yield Finding(page.shown, table.line, "TABLE_COLUMNS",
                          f"the columns must be exactly: {' | '.join(spec.columns)}")
            continue
        graph.usable.add((page.rel, spec.section))
        seen: dict[str, int] = {}
        last_main_after_spill = False
        spill_seen = False
        for row in table.rows:
            target, problems = _row_target(page, row, spec.link_column, spec.target, graph.pages)
            yield from problems
            values: dict[str, str | None] = {}
            for column, allowed in spec.values.items():
                text = row.cells[column].text
                if text in allowed:
                    values[column] = text
                else:
                    values[column] = None
                    yield Finding(page.shown, row.line, "VALUE_INVALID",
                                  f"{column} '{text}' is not one of: {', '.join(allowed)}")
            zone = values.get("Zone")
            if zone == "Spill-over":
                spill_seen = True
            elif zone == "Main" and spill_seen and not last_main_after_spill:
                last_main_after_spill = True
                yield Finding(page.shown, row.line, "ZONE_ORDER",
                              "a 'Main' row comes after a 'Spill-over' row: list Main rows first")
            extra: dict[str, list[Page]] = {}
            for column, kind in spec.link_columns.items():
                extra[column] = []
                for link in row.cells[column].links:
                    linked, problems = _link_target(page, row.line, link, column, kind, graph.pages)
                    yield from problems
                    if linked is not None:
                        extra[column].append(linked)
            if target is None:
                continue
            if target.rel in seen:
                yield Finding(page.shown, row.line, "DUPLICATE_ROW",
                              f"{target.rel} is already listed on line {seen[target.rel]}")
                continue
            seen[target.rel] = row.line
            graph.edges.append(Edge(page, spec, target, row.line, values, extra))


def _row_target(page: Page, row: Row, column: str, kind: str,
                pages: dict[str, Page]) -> tuple[Page | None, list[Finding]]:
    links = row.cells[column].links
    if not links:
        return None, [Finding(page.shown, row.line, "LINK_MISSING",
                              f"the {column} cell must link to a {kind} page")]
    return _link_target(page, row.line, links[0], column, kind, pages)


def _link_target(page: Page, line: int, link: Link, column: str, kind: str,
                 pages: dict[str, Page]) -> tuple[Page | None, list[Finding]]:
    folder = model.FOLDER_BY_KIND[kind]
    if link.target is None:
        return None, [Finding(page.shown, line, "LINK_WRONG_KIND",
                              f"{column} link '{link.href}' must point to a page's .md file in {folder}/")]
    target = pages.get(link.target)
    if target is None:
        return None, [Finding(page.shown, line, "LINK_BROKEN",
                              f"{column} link '{link.href}' points to {link.target}, which does not exist")]
    if target.kind != kind:
        return None, [Finding(page.shown, line, "LINK_WRONG_KIND",
                              f"{column} link points to {target.rel}, which is not a {kind} page")]
    if target.title is not None and link.text != target.title:
        return target, [Finding(page.shown, line, "LINK_TEXT_MISMATCH",
                                f"link text '{link.text}' is not the title of {target.rel}: '{target.title}'")]
    return target, []


# --- cautions ------------------------------------------------------------------------------------

def declared_cautions(page: Page, cautions: dict[str, Caution]) -> list[str]:
    value = page.meta.get("cautions") if page.kind == "stretch" else None
    return [key for key in value if isinstance(key, str) and key in cautions] if isinstance(value, list) else []


def _check_cautions(graph: Graph, cautions: dict[str, Caution]) -> Iterable[Finding]:
    """A stretch's cautions are shown on its page and right after every table link to it."""
    cautioned = {rel for rel, page in graph.pages.items() if page.readable and declared_cautions(page, cautions)}
    for page in graph.pages.values():
        if not page.readable:
            continue
        declared = declared_cautions(page, cautions)
        shown = [key for key, _line in page.caution_boxes]
        for key in declared:
            if key not in shown:
                yield Finding(page.shown, page.field_lines.get("cautions", 1), "CAUTION_MISSING",
                              f"the page declares the caution '{key}' but does not show it: add a line "
                              f"[[caution {key}]] above its first '##' section")
        for key, line in page.caution_boxes:
            if key not in declared:
                yield Finding(page.shown, line, "CAUTION_UNDECLARED",
                              f"[[caution {key}]] is shown, but {_declares(page, key)}")
        for table in page.tables.values():
            for row in table.rows:
                for cell in row.cells.values():
                    if "[[caution" in cell.text or any(link.target in cautioned for link in cell.links):
                        yield from _cell_cautions(page, row.line, cell.text, graph.pages, cautions)


def _cell_cautions(page: Page, line: int, text: str, pages: dict[str, Page],
                   cautions: dict[str, Caution]) -> Iterable[Finding]:
    text = model.CODE_SPAN.sub("", text)
    linked: list[tuple[Page | None, list[str]]] = []  # each link's page, and the markers after it
    for match in _LINK_OR_CAUTION.finditer(text):
        if match.group("href") is not None:
            target_rel = resolve(match.group("href"), page.rel)
            linked.append((pages.get(target_rel) if target_rel else None, []))
        else:
            key = (match.group("key") or "").strip()
            if linked and linked[-1][0] is not None and not linked[-1][0].meta_ok:
                continue  # the stretch page cannot be read, and says so itself
            if not linked or linked[-1][0] is None or linked[-1][0].kind != "stretch":
                yield Finding(page.shown, line, "CAUTION_UNDECLARED",
                              f"[[caution {key}]] must come right after the link to the stretch it belongs to")
                continue
            linked[-1][1].append(key)
    for target, keys in linked:
        if target is None or target.kind != "stretch" or not target.meta_ok:
            continue
        declared = declared_cautions(target, cautions)
        for key in declared:
            if key not in keys:
                yield Finding(page.shown, line, "CAUTION_MISSING",
                              f"links {target.rel} without its caution: add [[caution {key}]] right after the link")
        for key in keys:
            if key not in declared:
                yield Finding(page.shown, line, "CAUTION_UNDECLARED",
                              f"[[caution {key}]] follows the link to {target.rel}, but {_declares(target, key)}")


def _declares(page: Page, key: str) -> str:
    if page.kind != "stretch":
        return f"{page.rel} is not a stretch page: only a stretch declares cautions"
    return f"{page.rel} does not declare it in 'cautions' (or {model.CAUTIONS_FILE} does not define it)"


# --- the graph -----------------------------------------------------------------------------------

def _mirrored(graph: Graph) -> Iterable[tuple[Edge, model.TableSpec, model.Relation]]:
    """Each row of a mirrored table, with the table on the linked page that must list it back."""
    for relation in model.RELATIONS:
        for spec, other in ((relation.primary, relation.mirror), (relation.mirror, relation.primary)):
            for edge in graph.edges:
                if edge.spec is spec:
                    yield edge, other, relation


def _check_relations(graph: Graph) -> Iterable[Finding]:
    index = {(e.source.rel, e.spec.section, e.target.rel): e for e in graph.edges}
    for edge, other, relation in _mirrored(graph):
        target, source = edge.target, edge.source
        if (target.rel, other.section) not in graph.usable or not target.tables[other.section].rows:
            continue  # that table is missing, unreadable or empty, and says so itself
        back = index.get((target.rel, other.section, source.rel))
        if back is None:
            code = f"{other.target.upper()}_MISSING"
            table_line = target.tables[other.section].line
            yield Finding(target.shown, table_line, code,
                          f"{source.shown}:{edge.line} lists this page, but '## {other.section}' "
                          f"has no row for [{source.title}]({posixpath.relpath(source.rel, posixpath.dirname(target.rel))})")
        elif edge.spec is relation.primary:
            for column in relation.compared:
                mine, theirs = back.values.get(column), edge.values.get(column)
                if mine is not None and theirs is not None and mine != theirs:
                    yield Finding(target.shown, back.line, model.MISMATCH_CODES[column],
                                  f"{column} is '{mine}' here but '{theirs}' in "
                                  f"{source.shown}:{edge.line}")


def _check_empty_tables(graph: Graph) -> Iterable[Finding]:
    """An empty table is one finding that names the pages listing this one, not one per missing row.
    A page whose tables are all empty and that no table links to is an ORPHAN_PAGE instead."""
    listed_by: dict[tuple[str, str], list[str]] = {}
    for edge, other, _relation in _mirrored(graph):
        listed_by.setdefault((edge.target.rel, other.section), []).append(f"{edge.source.shown}:{edge.line}")
    orphans = _orphans(graph)
    for rel, section in sorted(graph.usable):
        page = graph.pages[rel]
        table = page.tables[section]
        if table.rows or rel in orphans:
            continue
        spec = next(s for s in model.TABLES[page.kind] if s.section == section)
        sources = listed_by.get((rel, section), [])
        hint = f"; listed by {', '.join(sorted(sources))}" if sources else ""
        yield Finding(page.shown, table.line, spec.empty_code,
                      f"'## {section}' has no rows: link at least one {spec.target} page{hint}")


def _orphans(graph: Graph) -> set[str]:
    """Pages connected to nothing: no table links to them and their own tables link nowhere."""
    connected: set[str] = set()
    for edge in graph.edges:
        connected.add(edge.source.rel)
        for target in [edge.target, *(p for pages in edge.extra.values() for p in pages)]:
            if target.rel != edge.source.rel:
                connected.add(target.rel)
    return {rel for rel, page in graph.pages.items()
            if page.kind in model.TABLES and page.readable and rel not in connected}


def _check_suggested_stretches(graph: Graph) -> Iterable[Finding]:
    stretches_of: dict[str, set[str]] = {}
    for edge in graph.edges:
        if edge.spec is model.MUSCLE_STRETCHES:
            stretches_of.setdefault(edge.source.rel, set()).add(edge.target.rel)
    for edge in graph.edges:
        muscle = edge.target
        if edge.spec is not model.PAIN_MUSCLES \
                or (muscle.rel, model.MUSCLE_STRETCHES.section) not in graph.usable:
            continue
        for stretch in edge.extra.get("Stretches", []):
            if stretch.rel not in stretches_of.get(muscle.rel, set()):
                yield Finding(edge.source.shown, edge.line, "STRETCH_NOT_FOR_MUSCLE",
                              f"suggests {stretch.rel} for {muscle.rel}, but that muscle's "
                              f"'## {model.MUSCLE_STRETCHES.section}' does not list it")


def _check_reach(graph: Graph) -> Iterable[Finding]:
    orphans = _orphans(graph)
    indexed: dict[str, set[str]] = {}
    for page in graph.pages.values():
        if page.kind == "index" and page.readable:
            indexed[page.rel] = {link.target for link in page.links if link.target}
    for page in sorted(graph.pages.values(), key=lambda p: p.rel):
        if page.kind not in model.TABLES or not page.readable:
            continue
        if page.rel in orphans:
            yield Finding(page.shown, 1, "ORPHAN_PAGE",
                          "no table on any other page links to this page, and its own tables link nowhere")
        index_rel = f"{model.FOLDER_BY_KIND[page.kind]}/index.md"
        if index_rel not in graph.pages:
            shown = page.shown[: -len(page.rel)] + index_rel
            yield Finding(shown, 1, "INDEX_MISSING",
                          f"{index_rel} does not exist; it must list every page in the folder")
        elif index_rel in indexed and page.rel not in indexed[index_rel]:
            yield Finding(page.shown, 1, "INDEX_MISSING", f"{index_rel} does not link to this page")


def _pain_map_problem(value: Any) -> str | None:
    shape = "must be a mapping like '{main: [buttock], spill: [thigh-back]}' of zones"
    if not isinstance(value, dict) or "main" not in value or set(value) - {"main", "spill"}:
        return shape
    for key, zones in value.items():
        if not isinstance(zones, list) or (key == "main" and not zones) or not all(isinstance(z, str) for z in zones):
            return shape
        unknown = [z for z in zones if z not in model.ZONES]
        if unknown:
            return f"{key} names zone(s) {', '.join(unknown)} that the body map does not draw"
    return None


def _check_map_zones(pages: dict[str, Page]) -> Iterable[Finding]:
    """Every zone the body map draws must lead somewhere: at least one pain page must name it."""
    maps = [page for page in pages.values() if page.readable and page.body_map_line is not None]
    if not maps:
        return
    used = {zone for page in pages.values() if page.kind == "pain"
            for zone in (page.meta.get("zones") if isinstance(page.meta.get("zones"), list) else [])}
    for page in maps:
        for zone in model.ZONES:
            if zone not in used:
                yield Finding(page.shown, page.body_map_line or 1, "ZONE_UNUSED",
                              f"the body map draws zone '{zone}', but no pain page lists it in 'zones'")
