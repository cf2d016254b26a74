"""The words search matches a page by: its own names, and every other form of the words in them.

Material's search matches each word of a query as the start of a word in the index, and does not
reduce words to a stem: "hiking" does not find "hiker", "aching" does not find "ache", "flexors" does
not find "flexor". So, at build time, a page's hidden search tags (Material's `tags` field, which the
site does not show) get, from the page model's name fields:

- the page's own title, aliases (`sciatica` for `/sciatica/`) and written tags (misspellings), so that a
  query naming the page ranks it above pages that only mention it (its `also_called` and
  `described_as` names stay in its text: another page may share one, as "piriformis syndrome" is a
  name of a pain page and "Piriformis" the title of a muscle page);
- every inflection of each word in all its names (plural and singular, -s, -ing, -ed and irregular forms such
  as calf and calves), from LemmInflect's English lexicon, with its rules for words it does not know
  (flexor, adductor);
- the verb behind a word for a person who does something (hiker: hike, hiking), where the lexicon
  knows the verb;
- the British and American spellings of each (anaesthetic, anesthetic), from Breame's word lists;
- the one-word spelling of two neighbouring words of a name, where the lexicon knows it ("low back
  ache": backache), with its forms;
- the everyday words for a name's words from docs/_data/everyday-words.yml (buttock: bum, butt,
  bottom, glute...), with their forms too.

`search_tags(meta, common, everyday, plain)` gives the list for a page's front matter, leaving out
words common to many pages' names (`common_words`) and other forms that are words of most pages'
text (`plain_words`: "running" is another form of "runner's knee", but a query about running is not
about that page); the MkDocs hook puts it in place of the page's `tags` before the search index is
built.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from breame.spelling import get_american_spelling, get_british_spelling
from lemminflect import getAllInflections, getAllInflectionsOOV, getAllLemmas, getAllLemmasOOV

NAME_FIELDS = ("title", "also_called", "described_as", "aliases", "tags")
TAGGED_FIELDS = ("title", "aliases", "tags")  # names copied whole into the tags
WORD = re.compile(r"[a-z]+")
SHORTEST = 3  # shorter words (hip, leg) are kept as they are: their forms are found by prefix anyway
COMMON_SHARE = 0.5  # a word in the names of more than this share of pages is too common to tag
# Words too common to be worth other forms (the search leaves these out of the index anyway).
COMMON = frozenset({"the", "and", "for", "but", "with", "when", "from", "that", "this", "what", "your", "you",
                    "can", "not", "have", "has", "had", "are", "was", "were", "into", "out", "all", "one"})


def names(meta: Mapping[str, Any]) -> list[str]:
    """A page's own names from its front matter: title, also_called, described_as, aliases (as words)
    and tags, in that order, each once."""
    found: list[str] = []
    for field in NAME_FIELDS:
        value = meta.get(field)
        values = [value] if isinstance(value, str) else value if isinstance(value, list) else []
        for item in values:
            text = str(item).replace("-", " ") if field == "aliases" else str(item)
            if text and text not in found:
                found.append(text)
    return found


@lru_cache(maxsize=None)
def forms(word: str) -> frozenset[str]:
    """Every form of `word` that search should match: its inflections, those of the verb behind an
    -er noun, and their British and American spellings (the word itself included)."""
    found = {word}
    lemmas: set[str] = set()
    for upos, lemma_set in (getAllLemmas(word) or getAllLemmasOOV(word, upos="NOUN")).items():
        for lemma in lemma_set:
            if not _same_word(word, lemma):
                continue
            lemmas.add(lemma)
            inflections = getAllInflections(lemma, upos=upos) or getAllInflectionsOOV(lemma, upos=upos)
            found.update(form for group in inflections.values() for form in group)
    for lemma in {word, *lemmas}:
        found.update(_verb_behind(lemma))
    for form in list(found):
        found.update(spelling for spelling in (get_american_spelling(form), get_british_spelling(form)) if spelling)
    return frozenset(form for form in found if WORD.fullmatch(form))


def _same_word(word: str, lemma: str) -> bool:
    """Whether `lemma` is the same word as `word` in another form (felt: feel, calves: calf), not a
    different word that the lexicon gives as its base (worse: bad, went: go), whose forms would let
    search match unrelated words ("bad" for "worse when lying on that side")."""
    return lemma[:1] == word[:1]


def _verb_behind(noun: str) -> set[str]:
    """hiker -> hike, hikes, hiked, hiking; runner -> run, ...; only where the lexicon knows the verb."""
    if not noun.endswith("er") or len(noun) < 5:
        return set()
    stems = [noun[:-1], noun[:-2]]
    if len(noun) > 5 and noun[-3] == noun[-4]:
        stems.append(noun[:-3])  # runner -> run
    for stem in stems:
        inflections = getAllInflections(stem, upos="VERB")
        if inflections:
            return {stem, *(form for group in inflections.values() for form in group)}
    return set()


def compounds(text: str) -> list[str]:
    """The one-word spellings of neighbouring words of `text` that the lexicon knows as one word ("low
    back ache": backache; "going down stairs": downstairs): people write both. Each part has at least
    SHORTEST letters, so "me at" is not "meat", and "can't" stays one word, so it is not "cant"."""
    words = [word.strip(".,;:!?()\"") for word in text.lower().replace("-", " ").split()]
    found: list[str] = []
    for first, second in zip(words, words[1:]):
        joined = first + second
        if min(len(first), len(second)) >= SHORTEST and WORD.fullmatch(joined) and joined not in found \
                and _known(joined):
            found.append(joined)
    return found


def _known(word: str) -> bool:
    """Whether the lexicon knows `word` as a word in its own right (not only by its rules)."""
    return any(word in lemma_set for lemma_set in getAllLemmas(word).values())


def words_of(texts: Iterable[str]) -> list[str]:
    """The distinct lower-case words of `texts`, in order."""
    seen: list[str] = []
    for text in texts:
        for word in WORD.findall(text.lower()):
            if word not in seen:
                seen.append(word)
    return seen


def common_words(all_meta: Iterable[Mapping[str, Any]], share: float = COMMON_SHARE) -> frozenset[str]:
    """Words in the names of more than `share` of the pages (pain, back, hip...): in a page's tags they
    would lift every page that names them, so the tags leave them out."""
    return _in_most([set(words_of(names(meta))) for meta in all_meta], share)


def plain_words(texts: Iterable[str], share: float = COMMON_SHARE) -> frozenset[str]:
    """Words in the text of more than `share` of the pages (muscle, feel, bend, running...): as another
    form of a name's word in a page's tags, such a word would lift that page for any query using it
    ("running" from "runner's knee"), so the tags leave it out."""
    return _in_most([set(words_of([text])) for text in texts], share)


def _in_most(pages: list[set[str]], share: float) -> frozenset[str]:
    """The words in more than `share` of `pages` (each page's set of words)."""
    counts: dict[str, int] = {}
    for words in pages:
        for word in words:
            counts[word] = counts.get(word, 0) + 1
    return frozenset(word for word, count in counts.items() if count > share * len(pages))


def everyday_words(path: Path) -> dict[str, list[str]]:
    """docs/_data/everyday-words.yml as {word: [everyday words]} ({} if the file is missing)."""
    if not path.is_file():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {str(key).lower(): [str(value) for value in values] for key, values in data.items()
            if isinstance(values, list)}


def search_tags(meta: Mapping[str, Any], common: frozenset[str] = frozenset(),
                everyday: Mapping[str, list[str]] | None = None, plain: frozenset[str] = frozenset()) -> list[str]:
    """The page's own names (title, aliases, written tags), the everyday words for the words in all its
    names, then every other form of those words, leaving out the words in `common` and, among the
    other forms, those in `plain`."""
    own = names({key: meta.get(key) for key in TAGGED_FIELDS})
    every_name = names(meta)
    words = words_of(every_name)
    tags = list(own)
    for word in list(words):
        for phrase in (everyday or {}).get(word, []):
            if phrase not in tags:
                tags.append(phrase)
            words.extend(extra for extra in words_of([phrase]) if extra not in words)
    joined = [word for name in every_name for word in compounds(name) if word not in words]
    for word in words + joined:
        if len(word) < SHORTEST or word in COMMON or word in common:
            continue
        for form in sorted(forms(word)):
            if form not in words and form not in tags and form not in plain:
                tags.append(form)
    return tags
