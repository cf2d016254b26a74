"""A new page in one command: `python3 scripts/dev.py new muscle "Gluteus maximus"`.

Writes docs/<folder>/<name>.md with every section and table its kind needs (from the page model), the
front matter filled where it can be, and `[[todo ...]]` wherever an author must write. The table
checker reports each `[[todo ...]]` as UNFINISHED (and the empty tables as such), so a half-written
page cannot pass. The page's address is added to docs/_data/published-urls.txt; the navigation reaches it
through its section's index page.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path

from . import model

TODO = "[[todo {}]]"


def slug(title: str) -> str:
    return "-".join(re.findall(r"[a-z0-9]+", title.lower()))


def page_text(kind: str, title: str, today: dt.date) -> str:
    """The Markdown of a new page of `kind` ("pain", "muscle" or "stretch")."""
    due = today.replace(year=today.year + 1)
    front = [
        "---",
        f"title: {title}",
        f"description: \"{TODO.format('one or two plain sentences, at most 200 characters')}\"",
        f"also_called: [\"{TODO.format('other names: lay, clinical, abbreviations')}\"]",
    ]
    if kind == "pain":
        front.append(f"zones: [{model.ZONES[0]}]  # {TODO.format('the zones where this pain is felt')}")
        front.append(f"search: {{boost: {model.PAIN_SEARCH_BOOST}}}")
    front += [f"updated: {today.isoformat()}", f"review_due: {due.isoformat()}", "---", ""]
    body = [
        '!!! summary "In short"',
        f"    {TODO.format('two or three sentences a patient understands, reading age about 12')}",
        "",
        f"**Also called:** {TODO.format('other names: lay, clinical, abbreviations')}.",
        "{: .atlas-names }",
        "",
    ]
    # Phone first: a pain or stretch page puts its longer explanation after what a reader acts on
    # (see the authors' guide); a muscle page keeps it at the top.
    about = [f"{TODO.format('what this is, in plain words, with a source for every clinical statement')}[^todo]", ""]
    if kind == "muscle":
        body += about
    if kind == "pain":
        body += ['--8<-- "urgent-jump.md"', ""]
    tables = {spec.section: spec for spec in model.TABLES[kind]}
    for section in model.SECTIONS[kind]:
        if (kind, section) in (("pain", "What else it could be"), ("stretch", "Easier and harder versions")):
            body += [f"## About this {kind}", "", *about]
        body += [f"## {section}", ""]
        if (kind, section) == ("pain", "What you can do"):
            body += ['--8<-- "red-flags.md"', ""]
        spec = tables.get(section)
        if spec is not None:
            body += ["| " + " | ".join(spec.columns) + " |", "|" + " --- |" * len(spec.columns), ""]
            body += [f"{TODO.format(f'a row per {spec.target} page, linked both ways')}", ""]
        elif section == model.STEPS_SECTION:
            body += [f"1. {TODO.format('the first step')}", f"2. {TODO.format('the next step')}", ""]
        elif section == model.REFERENCES_SECTION:
            body += [TODO.format("a footnote per source, read before it is cited"), "",
                     f"[^todo]: {TODO.format('a full reference: authors, title, journal, year;volume(issue):pages, doi or PMID')}", ""]
        else:
            body += [TODO.format(f"what a reader needs under '{section}'"), ""]
    return "\n".join(front + body)


def new_page(root: Path, kind: str, title: str, today: dt.date | None = None) -> Path:
    """Write the page and list its address; return its path. Refuses to overwrite a page."""
    folder = model.FOLDER_BY_KIND[kind]
    rel = f"{folder}/{slug(title)}.md"
    path = root / "docs" / rel
    if path.exists():
        raise FileExistsError(f"docs/{rel} already exists")
    path.write_text(page_text(kind, title, today or dt.date.today()), encoding="utf-8")
    published = root / "docs" / model.PUBLISHED_FILE
    if published.is_file():
        text = published.read_text(encoding="utf-8")
        published.write_text(text.rstrip("\n") + f"\n{model.page_url(rel)}\n", encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="dev.py new", description="Write a new page with every section it needs.")
    parser.add_argument("kind", choices=sorted(model.FOLDER_BY_KIND))
    parser.add_argument("title", help='the page title, e.g. "Gluteus maximus"')
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the project folder (default: here)")
    args = parser.parse_args(argv)
    try:
        path = new_page(args.root, args.kind, args.title.strip())
    except FileExistsError as err:
        print(f"dev.py new: {err}", file=sys.stderr)
        return 2
    rel = path.relative_to(args.root / "docs").as_posix()
    print(f"Wrote docs/{rel} and listed {model.page_url(rel)} in docs/{model.PUBLISHED_FILE}.\n"
          f"Link it from docs/{model.FOLDER_BY_KIND[args.kind]}/index.md, fill every [[todo ...]], and run the "
          "table checker until it is clean.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
