"""Check that the atlas's pain, muscle and stretch tables agree with each other and with the pages.

Usage: atlas-check [DOCS] [--json]   (or: python scripts/check_atlas.py [DOCS] [--json])

Prints one finding per line, `path:line: CODE message`, sorted, then a summary line.
Exit status: 0 when there are no findings, 1 when there are, 2 for a usage error.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from ..model import is_page_file
from .pages import Finding, Page, read_page
from .pictures import check_markers, load_data
from .rules import Graph, check
from .urls import check_urls

DEFAULT_DOCS = Path("docs")


# Below this many pages, starting worker processes costs more than it saves.
PARALLEL_FROM = 300


def page_files(docs: Path, shown_root: str) -> tuple[list[tuple[Path, str, str]], list[Finding]]:
    """Every Markdown page under docs/ (not snippets, data or hidden folders), following folder links
    as MkDocs does, and a finding for each folder link that loops back on itself."""
    jobs: list[tuple[Path, str, str]] = []
    findings: list[Finding] = []

    def shown(rel: str) -> str:
        return f"{shown_root}/{rel}" if shown_root else rel

    for folder, subfolders, files in os.walk(docs, followlinks=True):
        here = Path(folder)
        real_here = here.resolve()
        for name in sorted(subfolders):
            link = here / name
            if link.is_symlink() and (real_here == link.resolve() or link.resolve() in real_here.parents):
                subfolders.remove(name)
                findings.append(Finding(shown(link.relative_to(docs).as_posix()), 1, "SYMLINK_LOOP",
                                        f"this folder link leads back to {link.resolve().relative_to(docs.resolve()).as_posix() or 'docs'}/, "
                                        "which contains it, so the build would never end: remove the link"
                                        if link.resolve().is_relative_to(docs.resolve()) else
                                        "this folder link leads back to a folder that contains it: remove the link"))
        subfolders.sort()
        for name in sorted(files):
            path = here / name
            rel = path.relative_to(docs).as_posix()
            if not is_page_file(rel):
                continue  # snippets, data and hidden folders are not pages
            if path.is_file():
                jobs.append((path, rel, shown(rel)))
    return sorted(jobs), findings


def load(docs: Path, shown_root: str) -> tuple[dict[str, Page], list[Finding]]:
    jobs, findings = page_files(docs, shown_root)
    workers = min(os.cpu_count() or 1, 4)
    if len(jobs) >= PARALLEL_FROM and workers > 1:
        with ProcessPoolExecutor(workers) as pool:
            results = list(pool.map(read_page, *zip(*jobs), chunksize=64))
    else:
        results = [read_page(*job) for job in jobs]
    pages = {page.rel: page for page, _ in results}
    findings += [finding for _, problems in results for finding in problems]
    return pages, findings


def run_checks(docs: Path, shown_root: str) -> tuple[list[Finding], Graph]:
    """Every rule on the docs tree: pages one by one, the graph of their tables, and the URLs."""
    pages, findings = load(docs, shown_root)
    cautions, data_findings = load_data(docs, shown_root)
    page_findings, graph = check(pages, cautions)
    findings += [*data_findings, *page_findings, *check_markers(docs, pages), *check_urls(docs, pages, shown_root)]
    return sorted(set(findings)), graph


def graph_json(graph: Graph) -> dict[str, Any]:
    pages = [
        {
            "path": page.rel,
            "kind": page.kind,
            "title": page.title,
            "also_called": page.meta.get("also_called") if isinstance(page.meta.get("also_called"), list) else [],
            "zones": page.meta.get("zones") if page.kind == "pain" and isinstance(page.meta.get("zones"), list) else [],
        }
        for page in sorted(graph.pages.values(), key=lambda p: p.rel)
        if page.kind in ("pain", "muscle", "stretch")
    ]
    edges = [
        {
            "from": edge.source.rel,
            "to": edge.target.rel,
            "table": edge.spec.section,
            "line": edge.line,
            **{column.lower(): value for column, value in edge.values.items()},
            **{column.lower(): [p.rel for p in linked] for column, linked in edge.extra.items()},
        }
        for edge in sorted(graph.edges, key=lambda e: (e.source.rel, e.line))
    ]
    return {"pages": pages, "edges": edges}


def main(argv: list[str] | None = None, default_docs: Path = DEFAULT_DOCS) -> int:
    parser = argparse.ArgumentParser(
        prog="atlas-check",
        description="Check that the atlas's pain, muscle and stretch tables agree.",
    )
    parser.add_argument("docs", nargs="?", help="the docs folder (default: the project's docs/)")
    parser.add_argument("--json", action="store_true", help="print findings and the page graph as JSON")
    args = parser.parse_args(argv)

    docs = Path(args.docs) if args.docs else default_docs
    shown_root = args.docs.rstrip("/\\") if args.docs else "docs"
    if not docs.is_dir():
        print(f"atlas-check: error: docs folder not found: {docs}", file=sys.stderr)
        return 2

    findings, graph = run_checks(docs, shown_root)
    pages = graph.pages

    if args.json:
        print(json.dumps({
            "findings": [vars(f) for f in findings],
            "summary": {"pages": len(pages), "rows": len(graph.edges), "findings": len(findings)},
            "graph": graph_json(graph),
        }, indent=2, default=str))
    else:
        for finding in findings:
            print(finding)
        files = len({f.path for f in findings})
        if findings:
            print(f"Found {len(findings)} problem{'s' * (len(findings) != 1)} in {files} "
                  f"file{'s' * (files != 1)} ({len(pages)} pages, {len(graph.edges)} table rows checked).")
        else:
            print(f"All clear: {len(pages)} pages, {len(graph.edges)} table rows checked.")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
