"""The word forms and everyday words that a page's hidden search tags get from its names
(atlas.wordforms), in-process."""

from __future__ import annotations

from pathlib import Path

from atlas import model
from atlas.wordforms import common_words, compounds, everyday_words, forms, plain_words, search_tags

DOCS = Path(__file__).resolve().parent.parent / "docs"


def test_forms_cover_plurals_verb_forms_irregulars_and_agent_nouns() -> None:
    assert {"hike", "hiking", "hikers"} <= forms("hiker")
    assert {"ache", "aches", "ached"} <= forms("aching")
    assert "flexor" in forms("flexors")  # a word the lexicon does not know, by its rules
    assert "calves" in forms("calf") and {"sit", "sat", "sitting"} <= forms("sitting")
    assert {"anaesthetic", "anesthetic"} <= forms("anaesthetic")  # British and American spellings


def test_forms_leave_out_a_different_word_given_as_the_base() -> None:
    """The lexicon gives "bad" as the base of "worse" and "go" of "went": their forms are other words."""
    assert not {"bad", "ill"} & forms("worse") and not {"go", "going"} & forms("went")
    assert {"lie", "lay"} <= forms("lying") and {"feel", "feeling"} <= forms("felt")


def test_a_pages_tags_hold_its_names_their_forms_and_everyday_words() -> None:
    meta = {"title": "Gluteus maximus", "also_called": ["glute max", "hip hiker"], "aliases": ["glute-max"],
            "described_as": ["my buttock aches when I climb stairs"], "tags": ["glutues"]}
    tags = search_tags(meta, everyday={"buttock": ["bum", "butt"], "gluteus": ["glute"]})
    assert tags[:3] == ["Gluteus maximus", "glute max", "glutues"]  # title, alias, written tag
    assert "hip hiker" not in tags  # also_called names stay in the text, where another page may share one
    assert "my buttock aches when I climb stairs" not in tags
    assert {"bum", "butt", "buttocks", "hiking", "climbing", "stair"} <= set(tags)


def test_two_words_of_a_name_that_make_one_word_are_tagged_as_one() -> None:
    """People type "backache" for "back ache": Material matches the start of a word, so "backache"
    finds nothing unless a page holds it."""
    assert compounds("low back ache") == ["backache"]
    assert compounds("knee hurts going down stairs") == ["downstairs"]
    assert compounds("can't stand up") == [] and compounds("it hurts me at night") == []  # not cant, meat
    assert compounds("pain in the hip") == []  # "inthe", "thehip": no such word
    tags = search_tags({"title": "Lower back pain", "also_called": ["low back ache"]})
    assert {"backache", "backaches"} <= set(tags)


def test_words_common_to_most_pages_are_left_out() -> None:
    pages = [{"title": f"Pain {word}", "also_called": [word]} for word in ("alpha", "beta", "gamma", "delta")]
    assert common_words(pages, share=0.5) == frozenset({"pain"})
    assert "pain" not in search_tags(pages[0], common=frozenset({"pain"}))[1:]


def test_other_forms_that_most_pages_use_are_left_out() -> None:
    """ "running" is another form of "runner's knee", but in most pages' text: as a tag it would lift
    the knee page for every query about running. Forms of rarer words, and the page's own words, stay."""
    texts = ["Bend your knee when running.", "Stop running if it hurts.", "Running uphill hurts the calf."]
    assert plain_words(texts, share=0.5) == frozenset({"running", "hurts"})
    meta = {"title": "Knee pain", "also_called": ["runner's knee"], "described_as": ["it hurts"]}
    tags = search_tags(meta, plain=plain_words(texts, share=0.5))
    assert "running" not in tags and {"runs", "ran", "knees", "hurt", "hurting"} <= set(tags)
    assert "running" in search_tags(meta)


def test_the_everyday_words_file_maps_lower_case_words_to_lists() -> None:
    words = everyday_words(DOCS / model.EVERYDAY_WORDS_FILE)
    assert words["buttock"][:3] == ["bum", "butt", "bottom"]
    assert all(key == key.lower() and values for key, values in words.items())
