"""Several needs in one sentence: "altijd moe, en bang om terug te gaan werken" is two clauses,
each matched on its own, so each need it names can be recognised."""

from __future__ import annotations

import re

from beoncosup.search.text import content_words

# Words that join two things a person lists ("moe en bang", "fatigue et peur", "müde und
# Angst", "tired and scared"), per language. Punctuation splits in every language.
JOINERS = {
    "nl": ("en", "maar", "plus", "ook", "daarnaast", "bovendien", "of", "en ook"),
    "fr": ("et", "mais", "plus", "aussi", "ou", "et aussi", "puis"),
    "de": ("und", "aber", "sowie", "auch", "oder", "und auch", "außerdem", "ausserdem"),
    "en": ("and", "but", "plus", "also", "or", "and also", "as well as"),
}
PUNCTUATION = re.compile(r"[,;:.!?\n/+&()]+|\s-\s")
MAX_CLAUSES = 4


def _joiner_pattern(language: str) -> re.Pattern[str]:
    words = sorted(JOINERS.get(language, ()), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE)


_PATTERNS = {language: _joiner_pattern(language) for language in JOINERS}


def clauses(text: str, language: str) -> list[str]:
    """The clauses of a text that each carry at least one meaningful word, in order; a text
    without a joiner or punctuation is one clause. At most MAX_CLAUSES (the rest is dropped
    from the split, not from the whole-text match)."""
    pieces = PUNCTUATION.split(text)
    pattern = _PATTERNS.get(language)
    if pattern is not None:
        pieces = [part for piece in pieces for part in pattern.split(piece)]
    found = [" ".join(p.split()) for p in pieces if content_words(p, language)]
    return found[:MAX_CLAUSES] if found else [" ".join(text.split())]
