"""The table that lets search put a misspelt name right (atlas.spelling), in-process. The browser
side is in tests/test_search.py."""

from __future__ import annotations

from atlas.spelling import LONG, SHORTEST, edits, name_words, spelling_table, words_to_keep


def test_edits_are_one_letter_added_left_out_changed_or_swapped_after_the_first() -> None:
    near = edits("heel")
    assert {"hel", "heeel", "hell", "hele"} <= near  # left out, added, changed, swapped
    assert "heel" not in near and "feel" not in near  # the first letter stays
    assert {"sciatia", "scaitica", "sciattica"} <= edits("sciatica") and "siatika" not in edits("sciatica")


def test_name_words_are_the_long_words_of_page_names_and_their_everyday_words_most_shared_first() -> None:
    pages = [{"title": "Piriformis", "also_called": ["piriformis muscle"]},
             {"title": "Gluteus medius", "described_as": ["hip muscle pain"]},
             {"also_called": ["no title, not a page"]}]
    words = name_words(pages, {"gluteus": ["glutes"]})
    assert words == ["muscle", "glutes", "gluteus", "medius", "piriformis"]  # "hip" and "pain" are too short
    assert all(len(word) >= SHORTEST for word in words)


def test_real_words_near_a_name_word_and_the_sites_own_words_are_kept_as_typed() -> None:
    keep = words_to_keep(["spines", "gluteus"], text_words=["spines", "stretches", "hip", "glutious"])
    assert "spikes" in keep  # English, one edit from "spines": never "put right" to it
    assert {"stretches", "glutious"} <= set(keep)  # the site's own words
    assert "spines" not in keep and "hip" not in keep  # a name word, and a word too short to be put right
    assert "spinxs" not in keep and "glutteus" not in keep  # not words: these are put right


def test_the_published_table_says_how_far_a_word_may_be_from_a_name() -> None:
    table = spelling_table([{"title": "Quadratus lumborum"}], {}, ["quadrant"])
    assert table["shortest"] == SHORTEST and table["long"] == LONG and LONG > SHORTEST
    assert table["words"] == ["lumborum", "quadratus"] and "quadrant" in table["keep"]
