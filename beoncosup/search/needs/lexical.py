"""The lexical half of the needs matcher: free text in any of the four languages is matched
to the taxonomy through labels, lay synonyms and descriptions, with per-language stemming,
accent folding, compound splitting and typo tolerance (rapidfuzz) for words that are not real
words (search.needs.words)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from beoncosup.search.needs.words import is_real_word, split_compound
from beoncosup.search.text import LANGUAGES, content_words, fold, stem_word, stems
from beoncosup.taxonomy.models import Need, NeedSynonym

# A label or synonym is strong evidence, a word of the description a small bonus. Matches in
# another language than the one asked count a little less.
BONUS_PER_WORD = 0.05
MAX_BONUS = 0.15
OTHER_LANGUAGE = 0.85
TYPO_CUTOFF = 82  # rapidfuzz ratio: "vermoeidhied" -> "vermoeidheid" scores 91.7
MIN_TYPO_LENGTH = 5


@dataclass(frozen=True)
class _Phrase:
    need: str
    stems: frozenset[str]
    is_description: bool  # a single description word (a bonus), else a label or synonym


@dataclass(frozen=True)
class _Index:
    phrases: dict[str, list[_Phrase]]  # language -> phrases
    vocabulary: dict[str, list[str]]  # language -> folded words, for typo correction
    known: dict[str, frozenset[str]]  # the same words as a set
    # language -> stem -> weight in (0, 1]: 1 for a stem only one need uses, less for stems
    # many needs share ("chemo", "kanker"); stems the taxonomy does not use weigh 1.
    weights: dict[str, dict[str, float]]
    labels: dict[str, dict[str, str]]  # language -> code -> label


@lru_cache(maxsize=1)
def _index() -> _Index:
    phrases: dict[str, list[_Phrase]] = {lang: [] for lang in LANGUAGES}
    vocabulary: dict[str, set[str]] = {lang: set() for lang in LANGUAGES}
    labels: dict[str, dict[str, str]] = {lang: {} for lang in LANGUAGES}

    def add(language: str, code: str, text: str, *, is_description: bool = False) -> None:
        found = frozenset(stems(text, language))
        if found:
            phrases[language].append(_Phrase(code, found, is_description))
            vocabulary[language].update(fold(w) for w in content_words(text, language))

    for need in Need.objects.all():
        for language in LANGUAGES:
            label = getattr(need, f"label_{language}") or ""
            labels[language][need.code] = label or need.code
            add(language, need.code, label)
            for word in content_words(getattr(need, f"description_{language}") or "", language):
                add(language, need.code, word, is_description=True)
    for synonym in NeedSynonym.objects.select_related("need"):
        add(synonym.language, synonym.need.code, synonym.text)
    weights: dict[str, dict[str, float]] = {}
    for language in LANGUAGES:
        needs_of: dict[str, set[str]] = {}
        for phrase in phrases[language]:
            if not phrase.is_description:
                for stem in phrase.stems:
                    needs_of.setdefault(stem, set()).add(phrase.need)
        total = max(len(labels[language]), 1)
        top = math.log(1 + total)
        weights[language] = {
            stem: math.log(1 + total / len(codes)) / top for stem, codes in needs_of.items()
        }
    return _Index(
        phrases=phrases,
        weights=weights,
        vocabulary={lang: sorted(words) for lang, words in vocabulary.items()},
        known={lang: frozenset(words) for lang, words in vocabulary.items()},
        labels=labels,
    )


def clear_cache() -> None:
    _index.cache_clear()
    _matches.cache_clear()


def _query_stems(text: str, language: str, index: _Index) -> set[str]:
    """The text's stems. A word the taxonomy does not know is split when it is a compound of
    known or everyday words ("geldzorgen" -> geld, zorgen), else, when it is no real word of
    the language either, replaced by the closest known word if one is close enough (a typo:
    "vermoeidhied"). Real words are never replaced: "gaan" stays "gaan", not "omgaan"."""
    vocabulary = index.vocabulary[language]
    known = index.known[language]
    result: set[str] = set()
    for typed in content_words(text, language):
        word = typed
        folded = fold(typed)
        if folded not in known:
            parts = split_compound(typed, language, known)
            # Only parts the taxonomy knows help; "zakken" is no zak + ken.
            if parts and any(part in known for part in parts):
                result.update(stem_word(part, language) for part in parts)
                continue
            if len(folded) >= MIN_TYPO_LENGTH and not is_real_word(folded, language):
                best = process.extractOne(
                    folded, vocabulary, scorer=fuzz.ratio, score_cutoff=TYPO_CUTOFF
                )
                if best is not None:
                    word = best[0]
        result.add(stem_word(word, language))
    return result


def labels(language: str) -> dict[str, str]:
    """Need code -> label in the language."""
    return _index().labels.get(language, {})


def scores(text: str, language: str) -> dict[str, float]:
    """Every need the text shares words with, and its lexical score between 0 and 1."""
    return dict(_matches(text, language))


def match_needs(text: str, language: str, *, limit: int = 10) -> list[tuple[str, float]]:
    """The lexical matcher alone, best first (bench/needs_eval compares it with the hybrid)."""
    return list(_matches(text, language)[:limit])


MAX_MATCHES = 50  # the API's largest limit


@lru_cache(maxsize=256)
def _matches(text: str, language: str) -> tuple[tuple[str, float], ...]:
    """The needs a text is about, best first, with a score between 0 and 1.

    A label or synonym scores by how much of it the text contains and how much of the text it
    explains (their harmonic mean, like an F-score), each word weighted by how few needs use
    it (a word every chemotherapy need shares explains less than "haarausfall"). So "back to
    work part-time" prefers the need labelled "Going back to work part-time" over one whose
    synonym is "back to work".
    Description words add a small bonus. See docs/finder.md.
    """
    index = _index()
    scores: dict[str, float] = {}
    for candidate in LANGUAGES:
        query = _query_stems(text, candidate, index)
        if not query:
            continue
        factor = 1.0 if candidate == language else OTHER_LANGUAGE
        weight = index.weights[candidate]
        query_weight = sum(weight.get(stem, 1.0) for stem in query)
        best_phrase: dict[str, float] = {}
        bonus: dict[str, float] = {}
        for phrase in index.phrases[candidate]:
            common = query & phrase.stems
            if not common:
                continue
            if phrase.is_description:
                bonus[phrase.need] = min(bonus.get(phrase.need, 0.0) + BONUS_PER_WORD, MAX_BONUS)
                continue
            shared = sum(weight.get(stem, 1.0) for stem in common)
            phrase_weight = sum(weight.get(stem, 1.0) for stem in phrase.stems)
            covered, explained = shared / phrase_weight, shared / query_weight
            f_score = 2 * covered * explained / (covered + explained)
            best_phrase[phrase.need] = max(best_phrase.get(phrase.need, 0.0), f_score)
        for code in best_phrase.keys() | bonus.keys():
            value = min(best_phrase.get(code, 0.0) + bonus.get(code, 0.0), 1.0) * factor
            scores[code] = max(scores.get(code, 0.0), value)
    best = sorted(scores.items(), key=lambda item: (-item[1], item[0]))[:MAX_MATCHES]
    return tuple((code, round(value, 3)) for code, value in best)
