"""A new page in one command: every section and table of its kind, and nothing that passes the checker
until an author has written it."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from atlas import model
from atlas.check.cli import run_checks
from atlas.check.pages import read_page
from atlas.scaffold import new_page

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("kind", sorted(model.FOLDER_BY_KIND))
def test_a_new_page_has_every_part_and_cannot_pass_unfinished(tmp_path: Path, kind: str) -> None:
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    path = new_page(tmp_path, kind, "Tibialis anterior", today=dt.date(2026, 12, 2))
    rel = path.relative_to(tmp_path / "docs").as_posix()
    assert rel == f"{model.FOLDER_BY_KIND[kind]}/tibialis-anterior.md"
    page, problems = read_page(path, rel, rel)
    assert problems == [] and page.meta_ok and page.has_summary
    assert [name for name in page.section_order if name in model.SECTIONS[kind]] == list(model.SECTIONS[kind])
    extra = [name for name in page.section_order if name not in model.SECTIONS[kind]]
    assert extra == ([] if kind == "muscle" else [f"About this {kind}"])
    for spec in model.TABLES[kind]:
        assert tuple(page.tables[spec.section].columns) == spec.columns
    findings, _graph = run_checks(tmp_path / "docs", "")
    mine = {f.code for f in findings if f.path == rel}
    assert "UNFINISHED" in mine
    assert {f.path for f in findings} == {rel}, "a new page must not break any other page"
    assert model.page_url(rel) in (tmp_path / "docs" / model.PUBLISHED_FILE).read_text(encoding="utf-8")
    with pytest.raises(FileExistsError):
        new_page(tmp_path, kind, "Tibialis anterior")
