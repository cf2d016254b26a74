#!/usr/bin/env python3
"""Benchmark the strict MkDocs build on synthetic atlases, and print how it grows.

    .venv/bin/python scripts/bench_build.py [--sizes 100 500 2000] [--kind muscles] [--prune on|off]
                                            [--keep] [--profile]

For each size N it copies the project (mkdocs.yml, overrides/, scripts/atlas_hooks.py and the whole of
docs/, with its data, snippets, assets, about and index pages) into a temporary folder and adds about N
pages: whole copies of the real pain, muscle and stretch pages, so the three kinds keep the real ratio
and every page is as long as a real one. Each copy gets its own file name, title and aliases, and its
links point at the same copy, so every table still agrees; each keeps its picture (a muscle shape
added to _data/body.yml, a pose added to _data/stretch-figures.yml). The copies are added
to the section index pages and to _data/published-urls.txt, and the table checker is run on the tree.
N is rounded to whole copies of the real pages, and the pages column counts every page, the real ones
too. Then it times the strict build

    NO_MKDOCS_2_WARNING=1 mkdocs build --strict -f <tmp>/mkdocs.yml -d <tmp>/site

and prints, per size: the build time; the median size of one kind's pages (their index.html) and of
the navigation in them (<nav class="md-nav md-nav--primary ..."> to its closing tag); the whole site; the
search index; and how many times the build opened each data file. Last, the growth from the
second-largest size to the largest.

Target: a 2,000-page build in minutes, with build time and page size growing at most linearly with
the number of pages (so a page's own size stays about flat, and the site grows linearly). It prints
figures and never fails on them. --prune on|off sets Material's navigation.prune in the copy of
mkdocs.yml (default: as the project has it); --profile also profiles the largest build with cProfile.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import posixpath
import pstats
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import yaml

from atlas import model

ROOT = Path(__file__).resolve().parent.parent
COPIED = ("mkdocs.yml", "overrides", "scripts/atlas_hooks.py", "docs")
TARGET_SECONDS = 600.0  # "in minutes"
TARGET_PAGES = 2000
LINEAR = 1.2  # a growth ratio up to this counts as linear (timing noise)
PRUNE = "navigation.prune"

LINK = re.compile(r"\[(?P<text>[^\]\n]*)\]\((?P<target>[^)\s#]+\.md)(?P<anchor>#[^)\s]*)?\)")
PRIMARY_NAV = '<nav class="md-nav md-nav--primary'  # then " or more classes (md-nav--lifted with tabs)
NAV_TAG = re.compile(r"<nav\b|</nav>")

# `mkdocs build` as its console script runs it, with an audit hook that counts every time a file
# under docs/_data/ is opened for reading (the data loaders cache by path and modification time).
BUILD = """\
import json, os, sys
from collections import Counter
data, out = sys.argv[1], sys.argv[2]
del sys.argv[1:3]
reads = Counter()
def count(event, args):
    if event == "open" and isinstance(args[0], (str, os.PathLike)) and isinstance(args[1], str) and "r" in args[1]:
        path = os.path.abspath(os.fspath(args[0]))
        if path.startswith(data + os.sep):
            reads[os.path.relpath(path, data)] += 1
sys.addaudithook(count)
from mkdocs.__main__ import cli
try:
    cli(prog_name="mkdocs")
finally:
    with open(out, "w", encoding="utf-8") as file:
        json.dump(reads, file)
"""


@dataclass(frozen=True)
class Original:
    """A real pain, muscle or stretch page that the synthetic atlas copies."""

    rel: str  # e.g. muscles/piriformis.md
    title: str
    aliases: tuple[str, ...]

    @property
    def folder(self) -> str:
        return self.rel.partition("/")[0]

    @property
    def stem(self) -> str:
        return posixpath.basename(self.rel)[: -len(".md")]

    def name(self, k: int) -> str:
        return copy_name(self.stem, k)

    def rel_of(self, k: int) -> str:
        return f"{self.folder}/{self.name(k)}.md"

    def title_of(self, k: int) -> str:
        return f"{self.title} (copy {k})"


@dataclass(frozen=True)
class Atlas:
    root: Path
    generated: dict[str, list[str]]  # folder -> generated pages (docs-relative)

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def pages(self) -> int:
        return sum(1 for path in self.docs.rglob("*.md") if model.is_page_file(path.relative_to(self.docs).as_posix()))


@dataclass(frozen=True)
class Figures:
    pages: int
    seconds: float
    page_kb: float
    nav_kb: float
    site_mb: float
    search_kb: float
    reads: dict[str, int]
    checker: str


def copy_name(stem: str, k: int) -> str:
    return f"{stem}-copy-{k}"


# --- the synthetic atlas -------------------------------------------------------------------------

def read_originals(docs: Path) -> list[Original]:
    originals = []
    for folder, kind in model.KIND_BY_FOLDER.items():
        for path in sorted((docs / folder).glob("*.md")):
            rel = f"{folder}/{path.name}"
            if model.kind_of(rel) == kind:
                meta = model.read_meta(path)
                originals.append(Original(rel, str(meta["title"]), tuple(str(a) for a in meta.get("aliases") or ())))
    return originals


def relink(text: str, folder: str, k: int, originals: dict[str, Original]) -> str:
    """Point every link to a copied page at its copy k, with the copy's title where the link text was
    the original's title (as table links must be)."""
    def swap(match: re.Match[str]) -> str:
        target = match["target"]
        original = originals.get(posixpath.normpath(posixpath.join(folder, target)))
        if original is None:
            return match[0]
        text = original.title_of(k) if match["text"] == original.title else match["text"]
        new_target = target[: -len(f"{original.stem}.md")] + f"{original.name(k)}.md"
        return f"[{text}]({new_target}{match['anchor'] or ''})"
    return LINK.sub(swap, text)


def copy_page(docs: Path, original: Original, k: int, originals: dict[str, Original]) -> None:
    lines = (docs / original.rel).read_text(encoding="utf-8").split("\n")
    end = model.front_matter_end(lines)
    assert end is not None, f"{original.rel} has no front matter"
    front = []
    for line in lines[1:end]:
        if line.startswith("title:"):
            line = f"title: {original.title_of(k)}"
        elif line.startswith("aliases:"):
            line = f"aliases: [{', '.join(copy_name(alias, k) for alias in original.aliases)}]"
        front.append(line)
    body = relink("\n".join(lines[end + 1:]), original.folder, k, originals)
    body = model.PAIN_MAP_MARKER.sub(
        lambda m: f"[[pain-map {originals[m['page']].rel_of(k)}]]" if m["page"] in originals else m[0], body)
    body = model.STRETCH_FIGURE_MARKER.sub(lambda m: f"[[stretch-figure {copy_name(m['key'], k)}]]", body)
    text = "\n".join(["---", *front, lines[end], body])
    (docs / original.rel_of(k)).write_text(text, encoding="utf-8")


def extend_index(docs: Path, folder: str, copies: int, originals: dict[str, Original]) -> None:
    """Append to the folder's index.md one table with a row for every copy, made from the index's
    own rows for the originals."""
    path = docs / folder / "index.md"
    lines = path.read_text(encoding="utf-8").rstrip("\n").split("\n")
    start = next(i for i in range(len(lines) - 1) if lines[i].startswith("|") and lines[i + 1].startswith("| ---"))

    def lists_original(line: str) -> bool:
        first = LINK.search(line)
        return bool(line.startswith("|") and first
                    and posixpath.normpath(posixpath.join(folder, first["target"])) in originals)

    rows = [line for line in lines if lists_original(line)]
    added = [relink(row, folder, k, originals) for k in range(1, copies + 1) for row in rows]
    extra = ["", "## More pages", "", lines[start], lines[start + 1], *added]
    path.write_text("\n".join(lines + extra) + "\n", encoding="utf-8")


def extend_data(docs: Path, originals: list[Original], copies: int) -> None:
    """A muscle shape per muscle copy and a pose per stretch copy, each the original's."""
    body_file, poses_file = docs / model.BODY_FILE, docs / model.POSES_FILE
    body = yaml.safe_load(body_file.read_text(encoding="utf-8"))
    poses = yaml.safe_load(poses_file.read_text(encoding="utf-8"))
    figure_keys = {m["key"] for o in originals
                   for m in model.STRETCH_FIGURE_MARKER.finditer((docs / o.rel).read_text(encoding="utf-8"))}
    for k in range(1, copies + 1):
        for original in originals:
            if model.kind_of(original.rel) == "muscle" and original.stem in body["muscles"]:
                body["muscles"][original.name(k)] = copy.deepcopy(body["muscles"][original.stem])
        for key in sorted(figure_keys):
            poses[copy_name(key, k)] = copy.deepcopy(poses[key])
    for path, data in ((body_file, body), (poses_file, poses)):
        path.write_text(yaml.safe_dump(data, sort_keys=False, default_flow_style=None, width=120,
                                       allow_unicode=True), encoding="utf-8")


def extend_published(docs: Path, originals: list[Original], copies: int) -> None:
    urls = [model.page_url(o.rel_of(k)) for k in range(1, copies + 1) for o in originals]
    urls += [f"/{copy_name(alias, k)}/" for k in range(1, copies + 1) for o in originals for alias in o.aliases]
    with (docs / model.PUBLISHED_FILE).open("a", encoding="utf-8") as file:
        file.write("\n# Copies made by scripts/bench_build.py\n" + "".join(f"{url}\n" for url in urls))


def extend_config(path: Path, prune: str | None) -> None:
    """Set navigation.prune in the copy of mkdocs.yml. The generated pages need no nav entries: the
    navigation lists each section by its index page (the rest are `not_in_nav`)."""
    lines = path.read_text(encoding="utf-8").split("\n")
    if prune == "off":
        lines = [line for line in lines if line.strip() != f"- {PRUNE}"]
    elif prune == "on" and f"- {PRUNE}" not in (line.strip() for line in lines):
        at = next(i for i, line in enumerate(lines) if line.strip() == "features:")
        indent = re.match(r"\s*", lines[at + 1])[0]  # type: ignore[index]
        lines.insert(at + 1, f"{indent}- {PRUNE}")
    path.write_text("\n".join(lines), encoding="utf-8")


def make_atlas(root: Path, pages: int, prune: str | None) -> Atlas:
    """The project copied to `root`, with about `pages` pages added as whole copies of the real ones."""
    for name in COPIED:
        source, target = ROOT / name, root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, target)
        else:
            shutil.copy2(source, target)
    docs = root / "docs"
    originals = read_originals(docs)
    by_rel = {o.rel: o for o in originals}
    copies = max(1, round(pages / len(originals)))
    generated: dict[str, list[str]] = {folder: [] for folder in model.KIND_BY_FOLDER}
    for k in range(1, copies + 1):
        for original in originals:
            copy_page(docs, original, k, by_rel)
            generated[original.folder].append(original.rel_of(k))
    for folder in model.KIND_BY_FOLDER:
        extend_index(docs, folder, copies, by_rel)
    extend_data(docs, originals, copies)
    extend_published(docs, originals, copies)
    extend_config(root / "mkdocs.yml", prune)
    return Atlas(root, generated)


# --- building and measuring ----------------------------------------------------------------------

def run_checker(docs: Path) -> str:
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "check_atlas.py"), str(docs)],
                            capture_output=True, text=True, check=False)
    lines = result.stdout.strip().splitlines()
    if result.returncode != 0:
        print("\n".join(["checker findings (first 5):", *lines[:5]]), file=sys.stderr)
    return "All clear" if result.returncode == 0 else f"{len(lines) - 1} findings"


def build_command(atlas: Atlas, site: Path) -> list[str]:
    return ["build", "--strict", "-f", str(atlas.root / "mkdocs.yml"), "-d", str(site)]


def build(atlas: Atlas, site: Path) -> tuple[float, dict[str, int]]:
    """Build the atlas strictly; return the seconds it took and how often each data file was opened."""
    reads_file = atlas.root / "data-reads.json"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-c", BUILD, str(atlas.docs / model.DATA_DIR), str(reads_file),
               *build_command(atlas, site)]
    start = time.perf_counter()
    result = subprocess.run(command, cwd=atlas.root, env=env, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"the strict build failed:\n{result.stderr[-3000:]}")
    return seconds, json.loads(reads_file.read_text(encoding="utf-8"))


def profile(atlas: Atlas, site: Path, top: int = 20) -> None:
    """Build again under cProfile and print where the time goes."""
    out = atlas.root / "build.prof"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "cProfile", "-o", str(out), "-m", "mkdocs", *build_command(atlas, site)],
                   cwd=atlas.root, env=env, capture_output=True, check=True)
    print(f"\ncProfile of the {atlas.pages}-page build ({out}):")
    stats = pstats.Stats(str(out), stream=sys.stdout)
    stats.sort_stats("cumulative").print_stats(top)
    stats.sort_stats("tottime").print_stats(top)


def primary_nav(html: str) -> str:
    """The sidebar navigation: <nav class="md-nav md-nav--primary ..."> to its own closing tag."""
    start = html.find(PRIMARY_NAV)
    if start < 0:
        return ""
    depth = 0
    for tag in NAV_TAG.finditer(html, start):
        depth += 1 if tag[0] == "<nav" else -1
        if depth == 0:
            return html[start:tag.end()]
    return html[start:]


def measure(atlas: Atlas, site: Path, kind: str, seconds: float, reads: dict[str, int], checker: str) -> Figures:
    files = [site / model.page_url(rel).strip("/") / "index.html" for rel in atlas.generated[kind]]
    sizes = [(path.stat().st_size, len(primary_nav(path.read_text(encoding="utf-8")).encode())) for path in files]
    total = sum(path.stat().st_size for path in site.rglob("*") if path.is_file())
    search = site / "search" / "search_index.json"
    return Figures(pages=atlas.pages, seconds=seconds,
                   page_kb=statistics.median(size for size, _nav in sizes) / 1024,
                   nav_kb=statistics.median(nav for _size, nav in sizes) / 1024,
                   site_mb=total / 1024 ** 2, search_kb=search.stat().st_size / 1024 if search.exists() else 0.0,
                   reads=reads, checker=checker)


def print_row(f: Figures) -> None:
    reads = " ".join(f"{Path(name).stem}:{count}" for name, count in sorted(f.reads.items())) or "none"
    print(f"{f.pages:>6} {f.seconds:>8.1f} {1000 * f.seconds / f.pages:>8.1f} {f.page_kb:>8.1f} {f.nav_kb:>8.1f} "
          f"{f.site_mb:>8.1f} {f.search_kb:>9.0f}  {f.checker:<11} {reads}")


def print_growth(small: Figures, big: Figures, kind: str) -> None:
    pages = big.pages / small.pages
    time_growth = (big.seconds / small.seconds) / pages
    print(f"\ngrowth from {small.pages} to {big.pages} pages ({pages:.2f}x the pages):")
    rows = [("build time", big.seconds / small.seconds, f"-> per page {time_growth:.2f} (1.00 is linear)"),
            (f"{kind} page", big.page_kb / small.page_kb, "(1.00 is flat: a page does not grow with the site)"),
            ("navigation", big.nav_kb / small.nav_kb, ""),
            ("whole site", big.site_mb / small.site_mb, f"-> per page {big.site_mb / small.site_mb / pages:.2f}"),
            ("search", big.search_kb / small.search_kb, f"-> per page {big.search_kb / small.search_kb / pages:.2f}")]
    for label, ratio, note in rows:
        print(f"  {label:<15} {ratio:6.2f}x  {note}".rstrip())
    time_ok = big.seconds < TARGET_SECONDS and time_growth <= LINEAR
    size_ok = big.page_kb / small.page_kb <= LINEAR
    print(f"target: {big.pages} pages built in minutes (< {TARGET_SECONDS:.0f} s), growing linearly: "
          f"{'met' if time_ok else 'NOT met'} ({big.seconds:.1f} s, {time_growth:.2f}); "
          f"page size flat, site linear: {'met' if size_ok else 'NOT met'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 500, TARGET_PAGES],
                        help="pages to add, rounded to whole copies of the real pages")
    parser.add_argument("--kind", choices=list(model.KIND_BY_FOLDER), default="muscles",
                        help="the kind of page whose median size is reported")
    parser.add_argument("--prune", choices=["on", "off"], help="navigation.prune in the copy (default: as in mkdocs.yml)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folders and print where they are")
    parser.add_argument("--profile", action="store_true", help="also profile the largest build with cProfile")
    args = parser.parse_args()

    features = "navigation.prune " + (args.prune or ("on" if f"- {PRUNE}" in (ROOT / "mkdocs.yml").read_text() else "off"))
    print(f"strict MkDocs build of synthetic atlases ({features}); page sizes are the median {args.kind} page")
    print(f"{'pages':>6} {'build s':>8} {'ms/page':>8} {'page KB':>8} {'nav KB':>8} {'site MB':>8} {'search KB':>9}  "
          f"{'checker':<11} data files opened")
    results: list[Figures] = []
    for size in args.sizes:
        tmp = Path(tempfile.mkdtemp(prefix=f"bench-build-{size}-"))
        try:
            atlas = make_atlas(tmp / "atlas", size, args.prune)
            checker = run_checker(atlas.docs)
            site = tmp / "site"
            seconds, reads = build(atlas, site)
            results.append(measure(atlas, site, args.kind, seconds, reads, checker))
            print_row(results[-1])
            if args.profile and size == max(args.sizes):
                profile(atlas, site)
        finally:
            if args.keep:
                print(f"        kept: {tmp}")
            else:
                shutil.rmtree(tmp, ignore_errors=True)
    if len(results) > 1:
        print_growth(results[-2], results[-1], args.kind)


if __name__ == "__main__":
    main()
