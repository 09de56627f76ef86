"""The words the index knows, per language, for "did you mean …?" suggestions.

Built from need labels and synonyms and from service names. Cached per process; edits in
this process clear it, other processes pick edits up after MAX_AGE.
"""

from __future__ import annotations

import threading
import time

from rapidfuzz import fuzz, process

from beoncosup.search.models import SearchDocument
from beoncosup.search.needs.words import is_real_word
from beoncosup.search.text import LANGUAGES, STOP_WORDS, content_words, fold, words
from beoncosup.taxonomy.models import Need, NeedSynonym

MAX_AGE = 600.0  # seconds
CUTOFF = 80  # rapidfuzz ratio; "vermoeidhied" -> "vermoeidheid" scores 91.7
MIN_LENGTH = 4

_lock = threading.Lock()
# language -> (built at, folded word -> the word as written, folded words in order)
_cache: dict[str, tuple[float, dict[str, str], list[str]]] = {}


def clear_vocabulary() -> None:
    with _lock:
        _cache.clear()


def _build(language: str) -> dict[str, str]:
    found: dict[str, str] = {}
    texts = list(Need.objects.values_list(f"label_{language}", flat=True))
    texts += NeedSynonym.objects.filter(language=language).values_list("text", flat=True)
    texts += SearchDocument.objects.filter(scope=f"service{language}").values_list(
        "title", flat=True
    )
    for text in texts:
        for word in content_words(text or "", language):
            folded = fold(word)
            if len(folded) >= MIN_LENGTH:
                found.setdefault(folded, word)
    return found


def vocabulary(language: str) -> tuple[dict[str, str], list[str]]:
    now = time.monotonic()
    with _lock:
        cached = _cache.get(language)
    if cached is None or now - cached[0] > MAX_AGE:
        known = _build(language)
        cached = (now, known, sorted(known))
        with _lock:
            _cache[language] = cached
    return cached[1], cached[2]


def suggest(text: str, language: str) -> str | None:
    """The text with each misspelt word replaced by the closest known word, or None when every
    word is known (or nothing close enough exists). A word is misspelt when neither the index
    nor the language's everyday words know it: a real word is never "corrected" into another
    one ("gaan" stays, it is not a typo of "omgaan")."""
    if language not in LANGUAGES:
        return None
    known, ordered = vocabulary(language)
    changed = False
    result = []
    for token in words(text):
        prefix, _, word = token.rpartition("'")  # l'hôpital: check hôpital
        folded = fold(word)
        if (
            len(folded) >= MIN_LENGTH
            and folded not in known
            and folded not in STOP_WORDS[language]
            and word not in STOP_WORDS[language]
            and not is_real_word(folded, language)
        ):
            best = process.extractOne(folded, ordered, scorer=fuzz.ratio, score_cutoff=CUTOFF)
            if best is not None:
                written = known[best[0]]
                result.append(f"{prefix}'{written}" if prefix else written)
                changed = True
                continue
        result.append(token)
    return " ".join(result) if changed else None
