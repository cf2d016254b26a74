"""Random mangling of real pages never crashes the checker: bad input is a finding, not a traceback."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from atlas.check.rules import check
from atlas.check.cli import load
from sites import BASE
from test_checker import documented_codes

ROOT = Path(__file__).resolve().parent.parent
REAL_PAGES = sorted(
    p for p in (ROOT / "docs").rglob("*.md") if "_snippets" not in p.parts
) + sorted(p for p in BASE.rglob("*.md") if "_snippets" not in p.parts)
TARGETS = sorted(p.relative_to(BASE).as_posix() for p in BASE.rglob("*.md") if "_snippets" not in p.parts)
TRICKY = [
    b"---", b"...", b"| a | b |", b"| --- | --- |", b"|", b"| [x](../muscles/nope.md) | Main |",
    b"[Piriformis](../muscles/piriformis.md)", b"!!! summary \"In short\"", b"[^x]: y", b"[^undefined]",
    b"## References", b"## Muscles this stretches", b"zones: [", b"title: [", b"updated: 2026-02-30",
    b"reviewer: {name: x}", b"title: \x1b<b>", b"[[caution outer-hip-tendons]]", b"[[caution", b"cautions: [x]",
    b"  - nested: {", b"\x00", b"\xff\xfe", b"\xef\xbb\xbf", b"--8<-- \"red-flags.md\"", b"1. step",
    b"    indented", b"<div>", b"```", b"[^", b"](", b"\r", b"\t|\t",
]


@st.composite
def mangled(draw: st.DrawFn) -> tuple[str, bytes]:
    source = draw(st.sampled_from(REAL_PAGES))
    lines = source.read_bytes().split(b"\n")
    for _ in range(draw(st.integers(1, 5))):
        action = draw(st.sampled_from(["delete", "duplicate", "insert", "swap", "garble", "truncate"]))
        at = draw(st.integers(0, max(len(lines) - 1, 0)))
        if action == "delete" and lines:
            del lines[at: at + draw(st.integers(1, 8))]
        elif action == "duplicate" and lines:
            lines.insert(at, lines[at])
        elif action == "insert":
            fragment = draw(st.one_of(st.sampled_from(TRICKY), st.binary(max_size=40),
                                      st.text(max_size=40).map(lambda s: s.encode("utf-8"))))
            lines.insert(at, fragment)
        elif action == "swap" and len(lines) > 1:
            other = draw(st.integers(0, len(lines) - 1))
            lines[at], lines[other] = lines[other], lines[at]
        elif action == "garble" and lines:
            line = lines[at]
            cut = draw(st.integers(0, len(line)))
            lines[at] = line[:cut] + draw(st.sampled_from(TRICKY)) + line[cut:]
        elif action == "truncate":
            joined = b"\n".join(lines)
            lines = joined[: draw(st.integers(0, len(joined)))].split(b"\n")
    return draw(st.sampled_from(TARGETS)), b"\n".join(lines)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(mangled(), min_size=1, max_size=3))
def test_mangled_pages_give_findings_not_tracebacks(changes: list[tuple[str, bytes]]) -> None:
    codes = documented_codes()
    with tempfile.TemporaryDirectory() as tmp:
        docs = Path(tmp) / "docs"
        shutil.copytree(BASE, docs)
        for rel, data in changes:
            (docs / rel).write_bytes(data)
        pages, findings = load(docs, "docs")
        more, _graph = check(pages)
        for finding in [*findings, *more]:
            assert finding.line >= 1
            assert finding.code in codes, finding
            assert finding.path.startswith("docs/") and finding.path.endswith(".md")
            assert finding.message
