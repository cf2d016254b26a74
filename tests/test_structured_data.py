"""Structured data: each page carries schema.org JSON-LD made from its front matter, and the whole
graph is published as atlas-graph.json."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
ABOUT = {"muscles": "Muscle", "pain": "MedicalSignOrSymptom", "stretches": "ExercisePlan"}
PAGES = sorted(
    f"{folder}/{path.stem}" for folder in ABOUT for path in (ROOT / "docs" / folder).glob("*.md")
    if path.name != "index.md"
)


def json_ld(site: Path, page_path: str) -> dict:
    html = (site / page_path / "index.html").read_text(encoding="utf-8")
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1
    return json.loads(blocks[0])


@pytest.mark.parametrize("page_path", PAGES)
def test_page_carries_medical_web_page_json_ld(built: tuple[Path, str], page_path: str) -> None:
    data = json_ld(built[0], page_path)
    meta = yaml.safe_load((ROOT / "docs" / f"{page_path}.md").read_text(encoding="utf-8").split("---", 2)[1])
    assert data["@context"] == "https://schema.org" and data["@type"] == "MedicalWebPage"
    assert data["name"] == meta["title"] and data["description"] == meta["description"]
    assert data["url"] == f"https://musclepainatlas.org/{page_path}/"
    assert data["dateModified"] == str(meta["updated"])
    if "reviewer" in meta:
        assert data["lastReviewed"] == str(meta["reviewer"]["date"])
        assert data["reviewedBy"] == {"@type": "Person", "name": meta["reviewer"]["name"],
                                      "jobTitle": meta["reviewer"]["profession"]}
    else:
        assert "lastReviewed" not in data and "reviewedBy" not in data
    about = data["about"]
    assert about["@type"] == ABOUT[page_path.split("/")[0]] and about["name"] == meta["title"]
    assert about["alternateName"] == meta["also_called"]
    if about["@type"] == "Muscle":
        assert about["muscleAction"] == meta["action"] and about["nerve"] == {"@type": "Nerve", "name": meta["nerve"]}
    if about["@type"] == "ExercisePlan":
        if "hold_seconds" in meta["dose"]:
            assert about["activityDuration"] == f"PT{meta['dose']['hold_seconds']}S"
        else:
            assert "activityDuration" not in about
        assert about["repetitions"]["minValue"] <= about["repetitions"]["maxValue"]
        assert about["activityFrequency"] == meta["dose"]["how_often"] and data["mainEntity"] == about


def test_whole_graph_is_published_as_json(built: tuple[Path, str]) -> None:
    graph = json.loads((built[0] / "atlas-graph.json").read_text(encoding="utf-8"))
    assert {page["path"][: -len(".md")] for page in graph["pages"]} == set(PAGES)
    kinds = {edge["table"] for edge in graph["edges"]}
    assert kinds == {"Muscles that can cause this pain", "Pain this muscle can cause",
                     "Stretches for this muscle", "Muscles this stretches"}
