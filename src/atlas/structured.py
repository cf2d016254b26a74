"""schema.org structured data for a page, from its front matter and the page model: a MedicalWebPage
about a muscle (Muscle), a pain pattern (MedicalSignOrSymptom) or a stretch (ExercisePlan).

`json_ld()` returns the text of the page's `<script type="application/ld+json">`, safe to put in HTML.
"""

from __future__ import annotations

import json
from typing import Any

from . import model

AUDIENCE = [{"@type": "PeopleAudience", "audienceType": "Patients"},
            {"@type": "MedicalAudience", "audienceType": "Clinicians"}]


def reviewer_of(meta: dict[str, Any]) -> dict[str, Any] | None:
    """The page's named reviewer, only when the name, profession and date are all given."""
    reviewer = meta.get("reviewer")
    if isinstance(reviewer, dict) and all(reviewer.get(name) for name in model.REVIEWER_FIELDS):
        return reviewer
    return None


def structured_data(rel: str, meta: dict[str, Any], title: str, url: str, site_name: str,
                    site_url: str) -> dict[str, Any]:
    """The page's structured data as a mapping. `rel` is the page's file under docs/."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "MedicalWebPage",
        "name": title,
        "url": url,
        "inLanguage": "en",
        "isPartOf": {"@type": "WebSite", "name": site_name, "url": site_url},
        "audience": AUDIENCE,
    }
    if meta.get("description"):
        data["description"] = meta["description"]
    if meta.get("updated"):
        data["dateModified"] = str(meta["updated"])
    reviewer = reviewer_of(meta)
    if reviewer:
        data["lastReviewed"] = str(reviewer["date"])
        data["reviewedBy"] = {"@type": "Person", "name": str(reviewer["name"]), "jobTitle": str(reviewer["profession"])}
    names = meta.get("also_called") or []
    kind = model.kind_of(rel)
    if kind == "muscle":
        about: dict[str, Any] = {"@type": "Muscle", "name": title, "alternateName": names}
        if meta.get("action"):
            about["muscleAction"] = meta["action"]
        if meta.get("nerve"):
            about["nerve"] = {"@type": "Nerve", "name": meta["nerve"]}
        data["about"] = about
    elif kind == "pain":
        data["about"] = {"@type": "MedicalSignOrSymptom", "name": title, "alternateName": names}
    elif kind == "stretch":
        plan: dict[str, Any] = {"@type": "ExercisePlan", "name": title, "alternateName": names,
                                "exerciseType": "Stretching"}
        dose = meta.get("dose")
        if isinstance(dose, dict):
            if "hold_seconds" in dose:  # a movement that is repeated, not held, has no hold time
                plan["activityDuration"] = f"PT{dose['hold_seconds']}S"
            plan["repetitions"] = {"@type": "QuantitativeValue", "minValue": dose["repeats"][0],
                                   "maxValue": dose["repeats"][1]}
            plan["activityFrequency"] = dose["how_often"]
        data["about"] = plan
        data["mainEntity"] = plan
    return data


def json_ld(rel: str, meta: dict[str, Any], title: str, url: str, site_name: str, site_url: str) -> str:
    """The structured data as JSON that cannot end its <script> element or start markup."""
    text = json.dumps(structured_data(rel, meta, title, url, site_name, site_url), sort_keys=True)
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("'", "\\u0027"))
