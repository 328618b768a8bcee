"""The glossary's words (data/glossary.yml) as search and checks use them: which terms a
text mentions, in any inflected form, and which ruled-out words it uses.

Russian and Belarusian words change their endings (экстрадыцыя, экстрадыцыі,
экстрадыцыю), so a word is matched by its stem: the word without the longest ending in
ENDINGS, followed by any letters. The page script strips the same endings from a
reader's query (the list is handed to it by the search page), so that Pagefind, which
matches the beginnings of words, finds every form."""

from __future__ import annotations

import re
from functools import cache

# Noun, adjective and verb endings of Russian and Belarusian, longest first when matching.
ENDINGS_TEXT = """ямі амі ымі імі ого его ому ему ага яга аму яму ями ами ях ах ям ам ов ев ей ой ёй
ый ий ая яя ое ее ые ие ую юю ом ем ым им ых их ою ею ія ыя ае яе ай яй іх ім аў яў ць ть
а я ы и і у ю е о ь й"""
ENDINGS = tuple(sorted(ENDINGS_TEXT.split(), key=len, reverse=True))
SHORTEST_STEM = 3
CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def stem(word: str) -> str:
    """The word without its inflectional ending, if what is left is long enough."""
    lowered = word.lower()
    if not CYRILLIC.search(lowered):
        return lowered
    for ending in ENDINGS:
        if lowered.endswith(ending) and len(lowered) - len(ending) >= SHORTEST_STEM:
            return lowered[: -len(ending)]
    return lowered


@cache
def phrase_pattern(phrase: str) -> re.Pattern:
    """A pattern for the phrase in any inflected form: each word's stem plus any letters."""
    words = [re.escape(stem(word)) + r"\w*" for word in phrase.split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words), re.IGNORECASE)


def words_of(entry: dict) -> list[str]:
    """All the words of one term in one language: the term, its variants, the ruled-out ones."""
    return [entry["term"], *entry.get("variants", []), *entry.get("avoid", [])]


def terms_in(text: str, glossary: dict, lang: str) -> list[str]:
    """The glossary terms (their ids) the text mentions by any of their words."""
    return [
        term_id
        for term_id, languages in glossary.items()
        if lang in languages and any(phrase_pattern(word).search(text) for word in words_of(languages[lang]))
    ]


def search_words(text: str, glossary: dict, lang: str) -> list[str]:
    """Every word of every term the text mentions: indexed with the page, so that a reader
    who searches for one of a term's words finds the pages that use another."""
    found = []
    for term_id in terms_in(text, glossary, lang):
        found += [word for word in words_of(glossary[term_id][lang]) if word not in found]
    return found


def ruled_out_in(text: str, glossary: dict, lang: str) -> list[tuple[str, str, str]]:
    """(term id, ruled-out word, the text as found) for every ruled-out word the text uses."""
    found = []
    for term_id, languages in glossary.items():
        for word in languages.get(lang, {}).get("avoid", []):
            found += [(term_id, word, match.group(0)) for match in phrase_pattern(word).finditer(text)]
    return found
