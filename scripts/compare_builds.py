#!/usr/bin/env python3
"""Compare two built sites page by page, ignoring white space: what a change to the build altered.

    python scripts/compare_builds.py SITE_BEFORE SITE_AFTER

Prints the files only one site has, then for each page whose HTML differs (white space folded) the
first place it differs, and a count. Exit status 0 when every page is the same, 1 otherwise.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

SPACE = re.compile(r"\s+")
IGNORED = ("sitemap.xml.gz",)  # compressed, with the build date inside


def folded(path: Path) -> str:
    text = path.read_text(encoding="utf-8", errors="replace")
    return SPACE.sub(" ", re.sub(r">\s+<", "><", text)).strip()


def first_difference(a: str, b: str, context: int = 60) -> str:
    at = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    return f"    before: …{a[max(0, at - context):at + context]}…\n    after:  …{b[max(0, at - context):at + context]}…"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    args = parser.parse_args(argv)
    files = {side: {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file() and p.name not in IGNORED}
             for side, root in (("before", args.before), ("after", args.after))}
    for name in sorted(files["before"] ^ files["after"]):
        print(f"only {'before' if name in files['before'] else 'after'}: {name}")
    differing = 0
    for name in sorted(files["before"] & files["after"]):
        if not name.endswith((".html", ".json", ".xml", ".css", ".js")):
            continue
        a, b = folded(args.before / name), folded(args.after / name)
        if a != b:
            differing += 1
            print(f"differs: {name}\n{first_difference(a, b)}")
    print(f"{differing} of {len(files['before'] & files['after'])} files differ; "
          f"{len(files['before'] ^ files['after'])} are in one site only.")
    return 1 if differing or files["before"] ^ files["after"] else 0


if __name__ == "__main__":
    sys.exit(main())
