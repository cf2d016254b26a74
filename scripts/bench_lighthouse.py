#!/usr/bin/env python3
"""Run Lighthouse 12 (mobile) on one page of each kind, served with gzip, and print its figures.

    .venv/bin/python scripts/bench_lighthouse.py [--site DIR] [--pages / /pain/outer-hip-pain/ ...] [--runs 1]

Without --site it first builds the site strictly into a temporary folder. It serves the folder on
127.0.0.1 with gzip for text files (as a real web host does), then runs Lighthouse with its default
mobile settings (a mid-range phone on a slow 4G connection, simulated), in headless Chromium, once
per page (or --runs times, keeping the median performance run). Lighthouse comes from the npm
registry, at the version pinned below, through `npx` (Node.js and npm needed). The browser is
Debian's chromium-headless-shell or chromium.

It prints, per page: the four category scores (performance, accessibility, best practices, SEO), the
largest contentful paint (LCP), the first contentful paint and the page weight (bytes sent, gzipped),
and last the search index's size, raw and gzipped. The targets are accessibility, best practices and
SEO 100, performance 95 or more and LCP at most 2.0 s on every kind of page: a page that misses one
is marked, but the script never fails on its figures.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = "lighthouse@12.8.2"
PAGES = ("/", "/where-does-it-hurt/", "/pain/outer-hip-pain/", "/muscles/piriformis/",
         "/stretches/half-kneeling-hip-flexor/", "/urgent/", "/about/clinicians/")
BROWSERS = ("chromium-headless-shell", "chromium")
# Chromium's own flags for a machine with no screen and no outside network (as in tests/conftest.py).
CHROME_FLAGS = ("--headless --no-sandbox --disable-gpu --disable-background-networking "
                "--disable-component-update --disable-sync --no-first-run")
COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")
TARGET_SCORE = {"performance": 0.95, "accessibility": 1.0, "best-practices": 1.0, "seo": 1.0}
TARGET_LCP_MS = 2000.0


class GzipHandler(SimpleHTTPRequestHandler):
    """Static files, gzipped when the browser accepts it and the file is text."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
        pass

    def do_GET(self) -> None:  # noqa: N802 - the base class's name
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.suffix in COMPRESSED and path.is_file()):
            super().do_GET()
            return
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=3600")
        self.end_headers()
        self.wfile.write(body)


@dataclass(frozen=True)
class Result:
    page: str
    scores: dict[str, float]
    lcp_ms: float
    fcp_ms: float
    weight_bytes: float
    error: str = ""


def build(site: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(ROOT / "mkdocs.yml"),
                    "-d", str(site)], check=True, env=env)


def serve(site: Path) -> tuple[ThreadingHTTPServer, str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(GzipHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def lighthouse(url: str, browser: str, out: Path) -> Result:
    env = {**os.environ, "CHROME_PATH": browser}
    out.unlink(missing_ok=True)
    command = ["npx", "--yes", LIGHTHOUSE, url, "--quiet", "--output=json", f"--output-path={out}",
               f"--chrome-flags={CHROME_FLAGS}"]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    page = url.split("/", 3)[3] if url.count("/") >= 3 else url
    if done.returncode != 0 or not out.is_file():
        return Result("/" + page, {}, 0, 0, 0, error=(done.stderr.strip().splitlines() or ["no report"])[-1])
    report = json.loads(out.read_text(encoding="utf-8"))
    audits = report["audits"]
    return Result(
        page="/" + page,
        scores={name: category["score"] or 0.0 for name, category in report["categories"].items()},
        lcp_ms=audits["largest-contentful-paint"]["numericValue"],
        fcp_ms=audits["first-contentful-paint"]["numericValue"],
        weight_bytes=audits["total-byte-weight"]["numericValue"],
        error=str(report.get("runtimeError", {}).get("message", "")) if report.get("runtimeError") else "",
    )


def misses(result: Result) -> list[str]:
    found = [f"{name} {result.scores.get(name, 0) * 100:.0f}" for name, least in TARGET_SCORE.items()
             if result.scores.get(name, 0) < least]
    if result.lcp_ms > TARGET_LCP_MS:
        found.append(f"LCP {result.lcp_ms / 1000:.2f} s")
    return found


def print_results(results: list[Result]) -> None:
    print(f"{'page':40} {'perf':>4} {'a11y':>4} {'b.p.':>4} {'seo':>4} {'LCP':>6} {'FCP':>6} {'weight':>9}")
    for r in results:
        if r.error:
            print(f"{r.page:40} error: {r.error}")
            continue
        s = {name: round(r.scores.get(name, 0) * 100) for name in TARGET_SCORE}
        note = "" if not misses(r) else "  misses: " + ", ".join(misses(r))
        print(f"{r.page:40} {s['performance']:>4} {s['accessibility']:>4} {s['best-practices']:>4} {s['seo']:>4} "
              f"{r.lcp_ms / 1000:>5.2f}s {r.fcp_ms / 1000:>5.2f}s {r.weight_bytes / 1024:>6.0f} KiB{note}")


def print_index(site: Path) -> None:
    index = site / "search" / "search_index.json"
    if index.is_file():
        raw = index.read_bytes()
        print(f"\nsearch index: {len(raw) / 1024:.0f} KiB, {len(gzip.compress(raw, 6)) / 1024:.0f} KiB gzipped "
              f"({len(json.loads(raw)['docs'])} entries)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one now)")
    parser.add_argument("--pages", nargs="+", default=list(PAGES))
    parser.add_argument("--runs", type=int, default=1, help="runs per page; the median performance run is kept")
    args = parser.parse_args()
    browser = next((found for name in BROWSERS if (found := shutil.which(name))), None)
    if browser is None or shutil.which("npx") is None:
        print("bench_lighthouse: needs Node.js (npx) and chromium-headless-shell or chromium", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as scratch:
        site = args.site or Path(scratch) / "site"
        if args.site is None:
            build(site)
        server, base = serve(site)
        results = []
        for page in args.pages:
            runs = [lighthouse(base + page, browser, Path(scratch) / f"report-{i}.json") for i in range(args.runs)]
            good = [r for r in runs if not r.error] or runs
            middle = statistics.median_low([r.scores.get("performance", 0) for r in good])
            results.append(next(r for r in good if r.scores.get("performance", 0) == middle))
        server.shutdown()
        print(f"Lighthouse {LIGHTHOUSE.split('@')[1]}, mobile (simulated slow 4G), served with gzip, {browser}")
        print_results(results)
        print_index(site)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
