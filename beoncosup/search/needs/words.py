"""Everyday words of each language (beoncosup/search/data, derived from wordfreq): a word on
the list is a real word, so it is never "corrected" into another one (`gaan` is not a typo of
`omgaan`), and Dutch and German compounds the taxonomy does not know are split into real words
(`geldzorgen` -> `geld` + `zorgen`, `Rückkehrangst` -> `Rückkehr` + `Angst`)."""

from __future__ import annotations

import gzip
from collections.abc import Collection
from functools import cache
from pathlib import Path

from beoncosup.search.text import fold

DATA = Path(__file__).resolve().parent.parent / "data"
WORD_LANGUAGES = ("nl", "fr", "de", "en")
COMPOUND_LANGUAGES = ("nl", "de")
MIN_PART = 3  # "geld", "pijn", "Arzt"; shorter parts split too much ("ei", "la")
MIN_COMPOUND = 7  # "geldzorgen"; shorter words are rarely compounds of two real words
# Linking sounds between the parts of a compound: "werk-s-hervatting", "Arbeit-s-platz",
# "ziekt-e-verlof", "Kind-er-garten", "pann-en-koek".
LINKS = {"nl": ("", "s", "e", "en", "n"), "de": ("", "s", "es", "n", "en", "e", "er")}


@cache
def everyday_words(language: str) -> frozenset[str]:
    """The language's 60,000 most frequent words, folded (no accents)."""
    path = DATA / f"words-{language}.txt.gz"
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return frozenset(fold(line.strip()) for line in handle if line.strip())


def is_real_word(word: str, language: str) -> bool:
    """True for an everyday word of the language, or of any of our four: people mix them
    ("mijn burn-out", "la mutualiteit"), and a Dutch word in an English search is no typo of
    an English one ("werken" is not "were")."""
    folded = fold(word)
    return folded in everyday_words(language) or any(
        folded in everyday_words(other) for other in WORD_LANGUAGES if other != language
    )


def split_compound(word: str, language: str, known: Collection[str] = ()) -> list[str] | None:
    """The parts of a Dutch or German compound, or None when the word is not one.

    Parts must be everyday words or words the taxonomy uses (``known``, folded); of several
    ways to split, the one with the longest head that the taxonomy knows wins, so
    "terugvalangst" gives "terugval" + "angst" rather than "terug" + "valangst". Splits
    recursively into at most three parts."""
    if language not in COMPOUND_LANGUAGES:
        return None
    folded = fold(word)
    if len(folded) < MIN_COMPOUND:
        return None
    words = everyday_words(language)

    def real(part: str) -> bool:
        return len(part) >= MIN_PART and (part in known or part in words)

    best: tuple[int, list[str]] | None = None
    for cut in range(len(folded) - MIN_PART, MIN_PART - 1, -1):
        head, rest = folded[:cut], folded[cut:]
        if not real(head):
            continue
        for link in LINKS[language]:
            if not rest.startswith(link):
                continue
            tail = rest[len(link) :]
            if real(tail):
                parts = [head, tail]
            else:
                inner = _split_two(tail, language, real)
                if inner is None:
                    continue
                parts = [head, *inner]
            # Prefer parts the taxonomy knows, then the longer head.
            rank = sum(p in known for p in parts) * 100 + len(head)
            if best is None or rank > best[0]:
                best = (rank, parts)
    return best[1] if best else None


def _split_two(word: str, language: str, real: object) -> list[str] | None:
    for cut in range(len(word) - MIN_PART, MIN_PART - 1, -1):
        head, rest = word[:cut], word[cut:]
        if not real(head):  # type: ignore[operator]
            continue
        for link in LINKS[language]:
            if rest.startswith(link) and real(rest[len(link) :]):  # type: ignore[operator]
                return [head, rest[len(link) :]]
    return None
