#!/usr/bin/env python3
"""The table checker: `python scripts/check_atlas.py [DOCS] [--json]`, the same as `atlas-check`.

Prints one finding per line, `path:line: CODE message`, sorted, then a summary line. Exit status: 0
when there are no findings, 1 when there are, 2 for a usage error. Checks the project's docs/ unless
given another folder.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))  # so that it runs from a checkout before `pip install .` too

from atlas.check.cli import main  # noqa: E402 - after the path is set

if __name__ == "__main__":
    sys.exit(main(default_docs=ROOT / "docs"))
