"""The table checker, on fixture sites that each break one rule, and on the real docs/."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from atlas.data import load_cautions
from atlas.check.pages import read_page
from atlas.check.rules import check
from atlas.check.cli import load, run_checks
from sites import BASE, RULES, build_site

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "check_atlas.py"
CONTRIBUTING = ROOT / "docs" / "about" / "contributing.md"
RULE_FIXTURES = sorted(RULES.glob("*.yml"))


def findings_in(docs: Path) -> list[str]:
    findings, _graph = run_checks(docs, "")
    return sorted(f"{f.path}:{f.line}: {f.code}" for f in findings)


def documented_codes() -> set[str]:
    """Rule codes from the 'What the checker reports' table for authors."""
    text = CONTRIBUTING.read_text(encoding="utf-8")
    section = text.split("## What the checker reports", 1)[1]
    return set(re.findall(r"`([A-Z][A-Z_]+)`", section))


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, cwd=ROOT)


def test_base_fixture_is_clean() -> None:
    assert findings_in(BASE) == []


@pytest.mark.skipif(bool(os.environ.get("ATLAS_CHECKED")), reason="dev.py check ran the table checker just before")
def test_real_docs_are_clean() -> None:
    result = run()
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("All clear:")


@pytest.mark.parametrize("fixture", RULE_FIXTURES, ids=[f.stem for f in RULE_FIXTURES])
def test_fixture_breaks_exactly_its_rule(fixture: Path, tmp_path: Path) -> None:
    data = build_site(fixture, tmp_path)
    rule = fixture.stem.split("--")[0]
    assert findings_in(tmp_path) == sorted(data["expect"]), data["why"]
    assert {line.rsplit(" ", 1)[1] for line in data["expect"]} == {rule}


def test_every_documented_rule_has_a_fixture() -> None:
    covered = {f.stem.split("--")[0] for f in RULE_FIXTURES}
    assert documented_codes() - covered == set()
    assert covered - documented_codes() == set(), "a fixture tests a rule the authors' page does not document"


def test_cli_reports_sorted_linter_lines_and_exit_1(tmp_path: Path) -> None:
    build_site(RULES / "MUSCLE_MISSING.yml", tmp_path)
    (tmp_path / "stretches" / "cross-body.md").write_text("", encoding="utf-8")
    result = run(str(tmp_path))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    findings, summary = lines[:-1], lines[-1]
    assert len(findings) == 2
    for line in findings:
        assert re.fullmatch(rf"{re.escape(str(tmp_path))}/[\w/.-]+\.md:\d+: [A-Z_]+ .+", line), line
    assert findings == sorted(findings)
    assert "MUSCLE_MISSING" in findings[0] and "stretches/cross-body.md:1: FILE_UNREADABLE" in findings[1]
    assert summary.startswith("Found 2 problems in 2 files")
    assert result.stderr == ""


def test_cli_message_names_the_other_end(tmp_path: Path) -> None:
    build_site(RULES / "PAIN_MISSING.yml", tmp_path)
    result = run(str(tmp_path))
    assert f"{tmp_path}/muscles/gluteus-medius.md:14: PAIN_MISSING {tmp_path}/pain/buttock-pain.md:20 lists " \
           "this page" in result.stdout


def test_cli_missing_docs_folder_is_a_usage_error(tmp_path: Path) -> None:
    result = run(str(tmp_path / "nope"))
    assert result.returncode == 2
    assert "docs folder not found" in result.stderr
    assert "Traceback" not in result.stderr


def test_cli_unknown_option_is_a_usage_error() -> None:
    result = run("--frobnicate")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_cli_json_has_findings_and_graph(tmp_path: Path) -> None:
    build_site(RULES / "ZONE_MISMATCH.yml", tmp_path)
    result = run(str(tmp_path), "--json")
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert [f["code"] for f in data["findings"]] == ["ZONE_MISMATCH"]
    assert {p["path"] for p in data["graph"]["pages"]} == {
        "pain/buttock-pain.md", "pain/low-back-pain.md", "muscles/piriformis.md",
        "muscles/gluteus-medius.md", "stretches/piriformis-stretch.md", "stretches/cross-body.md",
    }
    edge = next(e for e in data["graph"]["edges"]
                if e["from"] == "pain/buttock-pain.md" and e["to"] == "muscles/piriformis.md")
    assert edge == {"from": "pain/buttock-pain.md", "to": "muscles/piriformis.md",
                    "table": "Muscles that can cause this pain", "line": 19, "zone": "Main",
                    "evidence": "Clinical studies", "stretches": ["stretches/piriformis-stretch.md"]}


def test_json_on_clean_site_exits_0() -> None:
    result = run(str(BASE), "--json")
    assert result.returncode == 0
    assert json.loads(result.stdout)["findings"] == []


def test_page_reader_reports_table_lines_in_file_coordinates() -> None:
    page, problems = read_page(BASE / "pain" / "buttock-pain.md", "pain/buttock-pain.md", "x")
    assert problems == []
    table = page.tables["Muscles that can cause this pain"]
    assert table.line == 17
    assert [row.line for row in table.rows] == [19, 20]
    assert [link.target for link in table.rows[0].cells["Stretches"].links] == ["stretches/piriformis-stretch.md"]


def test_review_dates_are_checked_against_the_day_given(tmp_path: Path) -> None:
    """A page is due for review on its review_due date, and overdue the day after."""
    build_site(RULES / "REVIEW_OVERDUE.yml", tmp_path)
    page = tmp_path / "stretches" / "cross-body.md"
    page.write_text(page.read_text(encoding="utf-8").replace("review_due: 2001-01-01", "review_due: 2030-06-30"),
                    encoding="utf-8")
    pages, _ = load(tmp_path, "")
    on_the_day, _graph = check(pages, load_cautions(tmp_path)[0], today=dt.date(2030, 6, 30))
    day_after, _graph = check(pages, load_cautions(tmp_path)[0], today=dt.date(2030, 7, 1))
    assert [f.code for f in on_the_day] == []
    assert [(f.path, f.line, f.code) for f in day_after] == [("stretches/cross-body.md", 7, "REVIEW_OVERDUE")]
