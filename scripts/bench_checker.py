#!/usr/bin/env python3
"""Benchmark the table checker on synthetic docs trees, and print its run time.

    python scripts/bench_checker.py [--pages 2000] [--repeat 3]

Builds consistent trees (every table agrees, so the checker walks the whole graph) of a quarter,
half and all of --pages pages, each page as long as a real one, then times a full check of each.
Prints the figures and whether the target (under 2 s for 2,000 pages) is met; it never fails.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from atlas.check.rules import check
from atlas.check.cli import load

TARGET_SECONDS = 2.0
TARGET_PAGES = 2000
PROSE = (
    "This paragraph stands in for the plain-language and clinical text of a real page. It has "
    "*emphasis*, a [link to the evidence page](../index.md) and a citation.[^src] "
) * 6


def front(title: str, extra: str = "") -> str:
    return (f"---\ntitle: {title}\ndescription: A page about {title}.\nalso_called: [{title} alias, other name]\n"
            f"updated: 2026-11-24\nreview_due: 2099-11-24\n{extra}---\n\n!!! summary \"In short\"\n    {title} in plain words.\n\n"
            f"**Also called:** {title} alias, other name\n\n")


def section(name: str, body: str = "") -> str:
    return f"## {name}\n\n{body or PROSE}\n\n"


REAL = Path(__file__).resolve().parent.parent / "docs"


def real_page_size() -> int:
    """The median size, in bytes, of the real pain, muscle and stretch pages."""
    sizes = sorted(p.stat().st_size for folder in ("pain", "muscles", "stretches")
                   for p in (REAL / folder).glob("*.md") if p.name != "index.md")
    return sizes[len(sizes) // 2] if sizes else 0


PAGE_SIZE = real_page_size()


def as_long_as_real(text: str) -> str:
    """The page padded with prose (before its references) to the median size of a real page."""
    missing = max(0, PAGE_SIZE - len(text.encode()))
    extra = "".join(PROSE + "\n\n" for _ in range(missing // (len(PROSE) + 2) + 1)) if missing else ""
    return text.replace("## References", extra + "## References", 1)


def references() -> str:
    return "## References\n\n[^src]: Author A. A source. Journal. 2020;1:1-2. doi:10.0000/example\n"


def make_tree(docs: Path, pages: int) -> None:
    """pages/3 muscles, pain pages and stretches; each pain lists 3 muscles, each muscle 2 stretches."""
    n = pages // 3
    muscles = [f"muscle-{i}" for i in range(n)]
    pains = [f"pain-{i}" for i in range(n)]
    stretches = [f"stretch-{i}" for i in range(pages - 2 * n)]
    pain_rows: dict[str, list[str]] = {p: [muscles[(i + k) % n] for k in range(3)] for i, p in enumerate(pains)}
    muscle_pains: dict[str, list[str]] = {m: [] for m in muscles}
    for pain, ms in pain_rows.items():
        for m in ms:
            muscle_pains[m].append(pain)
    muscle_stretches = {m: [stretches[(2 * i + k) % len(stretches)] for k in range(2)] for i, m in enumerate(muscles)}
    stretch_muscles: dict[str, list[str]] = {s: [] for s in stretches}
    for m, ss in muscle_stretches.items():
        for s in ss:
            stretch_muscles[s].append(m)

    for folder in ("pain", "muscles", "stretches", "_snippets"):
        (docs / folder).mkdir(parents=True)
    (docs / "index.md").write_text("---\ntitle: Home\n---\n\nHome.\n")
    for folder, names in (("pain", pains), ("muscles", muscles), ("stretches", stretches)):
        links = "\n".join(f"- [{name}]({name}.md)" for name in names)
        (docs / folder / "index.md").write_text(f"---\ntitle: {folder}\n---\n\n{links}\n")

    for pain, ms in pain_rows.items():
        rows = "\n".join(
            f"| [{m}](../muscles/{m}.md) | Main | here | sciatica | "
            f"[{muscle_stretches[m][0]}](../stretches/{muscle_stretches[m][0]}.md) | Clinical description |"
            for m in ms
        )
        table = ("| Muscle | Zone | Where you feel it | Often mistaken for | Stretches | Evidence |\n"
                 "| --- | --- | --- | --- | --- | --- |\n" + rows)
        text = (front(pain, "zones: [buttock]\n") + '--8<-- "red-flags.md"\n\n'
                + section("Muscles that can cause this pain", table) + section("What you can do")
                + section("What else it could be") + references())
        (docs / "pain" / f"{pain}.md").write_text(as_long_as_real(text))
    for m in muscles:
        pains_table = "| Pain | Zone | Evidence |\n| --- | --- | --- |\n" + "\n".join(
            f"| [{p}](../pain/{p}.md) | Main | Clinical description |" for p in muscle_pains[m])
        stretch_table = "| Stretch | Role | Notes |\n| --- | --- | --- |\n" + "\n".join(
            f"| [{s}](../stretches/{s}.md) | Main target | notes |" for s in muscle_stretches[m])
        text = (front(m) + section("Pain this muscle can cause", pains_table)
                + section("Stretches for this muscle", stretch_table) + section("Anatomy")
                + section("What keeps it tight") + section("What else the pain could be") + references())
        (docs / "muscles" / f"{m}.md").write_text(as_long_as_real(text))
    for s in stretches:
        table = "| Muscle | Role | Notes |\n| --- | --- | --- |\n" + "\n".join(
            f"| [{m}](../muscles/{m}.md) | Main target | notes |" for m in stretch_muscles[s])
        steps = "1. First step.\n2. Second step.\n3. Third step."
        text = (front(s) + section("Muscles this stretches", table) + section("How to do it", steps)
                + section("How long and how often") + section("What you should feel") + section("When to stop")
                + section("Easier and harder versions") + section("If you cannot kneel or get down to the floor")
                + references())
        (docs / "stretches" / f"{s}.md").write_text(as_long_as_real(text))


def time_check(docs: Path, repeat: int) -> tuple[float, int, int]:
    best = float("inf")
    findings_count = rows = 0
    for _ in range(repeat):
        start = time.perf_counter()
        pages, findings = load(docs, "docs")
        more, graph = check(pages)
        best = min(best, time.perf_counter() - start)
        findings_count, rows = len(findings) + len(more), len(graph.edges)
    return best, findings_count, rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=TARGET_PAGES)
    parser.add_argument("--repeat", type=int, default=3, help="runs per size; the best is reported")
    args = parser.parse_args()

    print(f"{'pages':>6} {'table rows':>10} {'findings':>8} {'seconds':>8} {'ms/page':>8}")
    results = []
    end_to_end = 0.0
    for size in (args.pages // 4, args.pages // 2, args.pages):
        with tempfile.TemporaryDirectory() as tmp:
            docs = Path(tmp) / "docs"
            make_tree(docs, size)
            pages = sum(1 for _ in docs.rglob("*.md"))
            seconds, findings, rows = time_check(docs, args.repeat)
            if size == args.pages:
                start = time.perf_counter()
                subprocess.run([sys.executable, str(Path(__file__).with_name("check_atlas.py")), str(docs)],
                               capture_output=True, check=False)
                end_to_end = time.perf_counter() - start
        results.append((pages, seconds))
        print(f"{pages:>6} {rows:>10} {findings:>8} {seconds:>8.3f} {1000 * seconds / pages:>8.3f}")
    print(f"end to end, including start-up (python scripts/check_atlas.py on {results[-1][0]} pages): "
          f"{end_to_end:.3f} s")
    (small_pages, small_s), (big_pages, big_s) = results[0], results[-1]
    growth = (big_s / small_s) / (big_pages / small_pages)
    print(f"growth: {big_pages / small_pages:.1f}x the pages took {big_s / small_s:.2f}x the time "
          f"(1.00 is linear; this run: {growth:.2f})")
    verdict = "met" if big_s < TARGET_SECONDS else "NOT met"
    print(f"target: {TARGET_PAGES} pages in under {TARGET_SECONDS:.1f} s: {verdict} ({big_s:.3f} s for {big_pages})")


if __name__ == "__main__":
    main()
