"""The authors' guide (docs/about/contributing.md) says what the page model (atlas.model) is: its
reference tables and lists must agree with the model, so a change to one without the other fails."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from atlas import model

GUIDE = (Path(__file__).resolve().parent.parent / "docs" / "about" / "contributing.md").read_text(encoding="utf-8")
KINDS = ("pain", "muscle", "stretch")


def section(heading: str) -> str:
    return GUIDE.split(f"\n{heading}\n", 1)[1].split("\n## ", 1)[0]


def test_front_matter_table_is_the_model() -> None:
    rows = [line for line in section("## Front matter").splitlines() if line.startswith("| `")]
    documented: dict[str, dict[str, str]] = {}
    for row in rows:
        cells = [cell.strip() for cell in row.strip("|").split("|")]
        for name in re.findall(r"`([a-z_]+)`", cells[0]):
            documented[name] = dict(zip(KINDS, cells[1:4]))
    for kind in KINDS:
        fields = model.FIELDS[kind]
        for name in fields.allowed:
            assert name in documented, f"'{name}' is not in the guide's front-matter table"
            expected = "required" if name in fields.required else "optional"
            assert documented[name][kind] == expected, f"{name} on a {kind} page"
        for name, kinds in documented.items():
            if kinds[kind] in ("required", "optional"):
                assert name in fields.allowed, f"the guide allows '{name}' on a {kind} page, the model does not"


def test_zones_are_the_model() -> None:
    listed = re.search(r"Body zones, named from the patient's point of view: (.*?)\.\n", GUIDE, re.S)
    assert listed is not None
    assert tuple(re.findall(r"`([a-z-]+)`", listed.group(1))) == model.ZONES


@pytest.mark.parametrize(("kind", "label"), [("pain", "Pain page"), ("muscle", "Muscle page"), ("stretch", "Stretch page")])
def test_required_sections_are_the_model(kind: str, label: str) -> None:
    item = re.search(rf"- \*\*{label}:\*\* (.*?)(?=\n- \*\*|\n\n)", GUIDE, re.S)
    assert item is not None
    assert tuple(re.findall(r"`## ([^`]+)`", item.group(1))) == model.SECTIONS[kind]


@pytest.mark.parametrize("spec", [spec for specs in model.TABLES.values() for spec in specs], ids=lambda s: s.section)
def test_table_columns_are_the_model(spec: model.TableSpec) -> None:
    block = GUIDE.split(f": `## {spec.section}`\n", 1)[1]
    header = next(line for line in block.splitlines() if line.startswith("|"))
    assert tuple(cell.strip() for cell in header.strip("|").split("|")) == spec.columns
    for column, allowed in spec.values.items():
        for value in allowed:
            assert f"`{value}`" in GUIDE, f"{column} value {value!r} is not in the guide"
