"""Misspelt names: "piriformus", "sacroilliac", "abdomem" find the page they mean.

People in pain misspell the long words of anatomy, and Material's search matches only words that
start with what was typed, so a misspelt name finds nothing. The built site publishes
`search/spelling.json` and the script in `overrides/main.html` puts a word right before the query goes
to the search worker, when all of these hold:

- the word has at least SHORTEST letters and is not the start of a name word (it may still be typed);
- a name word (a word of some page's names, or an everyday word for one: `words`) is one edit away,
  or two for a word of LONG letters or more, and starts with the same letter (an edit is a letter
  added, left out, changed, or two neighbouring letters swapped);
- the word is not one the site knows, nor a word's start: `keep` holds every word of the built search
  index (its text and tags) and the real English words one edit from a name word (by LemmInflect's
  lexicon: "spikes" is not "spines");
- the word is not a name word with up to three letters more ("hamstringed"), another form of it.

Where two name words are as near, the one in more pages' names wins. Under another search engine, or
without the file, the query goes as typed.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from lemminflect import getAllLemmas

from .wordforms import names, words_of

SHORTEST = 5  # shorter words have too many real neighbours ("heal", "heel", "hell", "help")
LONG = 8  # from this length, two edits
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def edits(word: str) -> set[str]:
    """Every word one edit from `word`, keeping its first letter."""
    splits = [(word[:i], word[i:]) for i in range(1, len(word) + 1)]
    found = {head + tail[1:] for head, tail in splits if tail}
    found |= {head + tail[1] + tail[0] + tail[2:] for head, tail in splits if len(tail) > 1}
    found |= {head + letter + tail[1:] for head, tail in splits if tail for letter in LETTERS}
    found |= {head + letter + tail for head, tail in splits for letter in LETTERS}
    found.discard(word)
    return found


def name_words(all_meta: Iterable[Mapping[str, Any]], everyday: Mapping[str, list[str]]) -> list[str]:
    """The words of every page's names and of the everyday words for them, with SHORTEST letters or
    more: the most common first (in the names of the most pages), then in alphabetical order."""
    counts: Counter[str] = Counter()
    for meta in all_meta:
        if not meta.get("title"):
            continue
        words = set(words_of(names(meta)))
        for word in list(words):
            words.update(words_of(everyday.get(word, [])))
        counts.update(word for word in words if len(word) >= SHORTEST)
    return sorted(counts, key=lambda word: (-counts[word], word))


def words_to_keep(words: list[str], text_words: Iterable[str] = ()) -> list[str]:
    """The words never to put right: the site's own words (`text_words`, from its search index), and
    the English words one edit from a name word that LemmInflect knows, each of SHORTEST letters or
    more, leaving out the name words themselves."""
    own = set(words)
    found = {word for word in text_words if len(word) >= SHORTEST}
    found.update(near for word in words for near in edits(word)
                 if len(near) >= SHORTEST and near not in found and getAllLemmas(near))
    return sorted(found - own)


def spelling_table(all_meta: Iterable[Mapping[str, Any]], everyday: Mapping[str, list[str]],
                   text_words: Iterable[str] = ()) -> dict[str, Any]:
    """The contents of search/spelling.json."""
    words = name_words(all_meta, everyday)
    return {"shortest": SHORTEST, "long": LONG, "words": words, "keep": words_to_keep(words, text_words)}
