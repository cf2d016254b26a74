"""Sites for tests: throw-away docs trees for the checker, strict MkDocs builds of a project, and the
screens the browser tests use."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

FIXTURES = Path(__file__).parent / "fixtures"
BASE = FIXTURES / "base"
# The screens the browser tests look at: a phone (an iPhone 14's 390 x 844 CSS pixels) and a desktop.
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
RULES = FIXTURES / "rules"


def build_site(fixture: Path, into: Path) -> dict[str, Any]:
    """Copy the base site into `into`, apply the fixture's edits, and return the fixture's data."""
    data = yaml.safe_load(fixture.read_text(encoding="utf-8"))
    shutil.copytree(BASE, into, dirs_exist_ok=True)
    for edit in data["edits"]:
        target = into / edit["file"]
        if edit.get("delete"):
            target.unlink()
        elif "copy" in edit:
            shutil.copyfile(into / edit["copy"], target)
        elif "write" in edit:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(edit["write"] + edit.get("then", "") * edit.get("times", 0), encoding="utf-8")
        elif "symlink" in edit:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.symlink_to(edit["symlink"], target_is_directory=True)
        elif "write_bytes" in edit:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(edit["write_bytes"].encode("latin-1"))
        else:
            text = target.read_text(encoding="utf-8")
            count = text.count(edit["replace"])
            if count != 1:
                raise AssertionError(f"{fixture.name}: the text to replace occurs {count} times in {edit['file']}")
            target.write_text(text.replace(edit["replace"], edit["with"]), encoding="utf-8")
    return data


def build(project: Path, site: Path, **environment: str) -> subprocess.CompletedProcess[str]:
    """Build `project` strictly into `site`, as the README's check command does, with any extra
    environment variables given (such as ATLAS_SITE_URL)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **environment}  # the banner: see scripts/dev.py
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=project, capture_output=True, text=True, env=env,
    )


def copy_project(root: Path, into: Path) -> Path:
    """A copy of what a build reads (config, pages, templates, the site's own extensions), to change."""
    project = into / "project"
    project.mkdir()
    for name in ("mkdocs.yml", "docs", "overrides", "scripts"):
        source = root / name
        if source.is_dir():
            shutil.copytree(source, project / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, project / name)
    return project
