"""Publishing a copy at another address: one setting (ATLAS_SITE_URL) changes the address everywhere the
site prints or encodes it, and the site builds from any folder."""

from __future__ import annotations

import gzip
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ADDRESS = "https://clinic.example.org/atlas/"
PAGE = "stretches/half-kneeling-hip-flexor/"


@pytest.fixture(scope="module")
def elsewhere(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One strict build for another address, run from another folder with `mkdocs build -f`: snippets,
    data and hooks must be found from the config file, not the working folder."""
    folder = tmp_path_factory.mktemp("elsewhere")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "ATLAS_SITE_URL": ADDRESS}  # the banner: see scripts/dev.py
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(ROOT / "mkdocs.yml"), "-d", str(folder / "site")],
        cwd=folder, capture_output=True, text=True, env=env,
    )
    assert result.returncode == 0, result.stderr
    return folder / "site"


def test_the_address_is_on_handouts_qr_codes_links_data_and_sitemap(elsewhere: Path) -> None:
    html = (elsewhere / PAGE / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{ADDRESS}{PAGE}">' in html
    header = html.split('<div class="atlas-print-header">', 1)[1].split("</div>", 1)[0]
    assert f'<span class="atlas-print-address">{ADDRESS}{PAGE}</span>' in header
    assert f"QR code for {ADDRESS}{PAGE}" in html.split('class="atlas-qr"', 1)[1]
    assert f'data-atlas-copy="{ADDRESS}{PAGE}"' in html
    data = json.loads(re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)[0])
    assert data["url"] == f"{ADDRESS}{PAGE}" and data["isPartOf"]["url"] == ADDRESS
    sitemap = (elsewhere / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{ADDRESS}{PAGE}</loc>" in sitemap and "musclepainatlas.org" not in sitemap
    assert f"<loc>{ADDRESS}{PAGE}</loc>".encode() in gzip.decompress((elsewhere / "sitemap.xml.gz").read_bytes())
    for page in elsewhere.rglob("*.html"):
        assert "https://musclepainatlas.org" not in page.read_text(encoding="utf-8"), page


def test_the_site_builds_from_another_folder(elsewhere: Path) -> None:
    assert "Go to an emergency department now if" in (elsewhere / "pain" / "outer-hip-pain" / "index.html").read_text("utf-8")
    assert (elsewhere / "psoas" / "index.html").is_file()  # the hooks ran
