"""Which needs does a person mean? The hybrid needs matcher behind ``GET /api/v1/needs/match``,
the finder's free text, the hub's search and the self-check.

1. Each clause of the text (search.needs.segments) and the whole text are embedded with a
   multilingual sentence model (search.embeddings) and compared with every text a need is known
   by (search.needs.semantic): this reaches paraphrase ("alles smaakt naar karton").
2. The lexical matcher (search.needs.lexical: stems, synonyms, compounds, typos) scores them
   too: exact words stay exact.
3. Both are fused into one calibrated score (search.needs.fusion): the estimated chance that
   the need is one the person meant, so 0.6 means the same in every language.
4. Needs at or above the threshold are *confident*; a text with none is *not understood*, and
   its three closest needs are offered as suggestions instead of a guess.

docs/finder.md explains it for editors, docs/benchmarks.md gives the figures.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from functools import lru_cache

from beoncosup.search import embeddings
from beoncosup.search.needs import lexical
from beoncosup.search.needs.fusion import CONFIDENT, fuse
from beoncosup.search.needs.segments import clauses
from beoncosup.search.needs.semantic import clear_vectors, semantic_scores
from beoncosup.search.needs.semantic import warm as warm_vectors
from beoncosup.search.needs.words import WORD_LANGUAGES, everyday_words

SUGGESTIONS = 3  # needs offered when the matcher is not sure
MAX_RESULTS = 50  # the API's largest limit
MAX_PER_CLAUSE = 2  # a clause names one need, rarely two ("pijn en slaap" is split anyway)


@dataclass(frozen=True)
class NeedMatch:
    code: str
    label: str
    score: float  # 0-1, calibrated: the estimated chance this is a need the person meant
    confident: bool = False


@dataclass(frozen=True)
class Segment:
    text: str
    codes: tuple[str, ...]


@dataclass(frozen=True)
class Understanding:
    results: tuple[NeedMatch, ...]
    understood: bool
    segments: tuple[Segment, ...]

    @property
    def confident(self) -> list[NeedMatch]:
        return [m for m in self.results if m.confident]


def clear_cache() -> None:
    lexical.clear_cache()
    clear_vectors()
    _understand.cache_clear()


def _normalise(text: str) -> str:
    return " ".join(text.split())


def understand(text: str, language: str, *, limit: int = 10) -> Understanding:
    """What the text is about: the needs, best first; which are confident; the clauses."""
    found = _understand(_normalise(text), language)
    return Understanding(found.results[:limit], found.understood, found.segments)


def match_needs(text: str, language: str, *, limit: int = 10) -> list[NeedMatch]:
    """The needs a text is about, best first (see ``understand``)."""
    return list(understand(text, language, limit=limit).results)


def _scores(pieces: list[str], language: str) -> list[dict[str, float]]:
    """The fused score of every candidate need for each piece of text."""
    lexical_scores = [lexical.scores(piece, language) for piece in pieces]
    if not embeddings.enabled():
        return [fuse(None, scores) for scores in lexical_scores]
    semantic = semantic_scores(embeddings.embed_queries(pieces))
    return [fuse(s, scores) for s, scores in zip(semantic, lexical_scores, strict=True)]


def _confident_codes(scores: dict[str, float], limit: int) -> list[str]:
    ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    return [code for code, value in ranked[:limit] if value >= CONFIDENT]


@lru_cache(maxsize=1024)
def _understand(text: str, language: str) -> Understanding:
    if not text:
        return Understanding((), False, ())
    parts = clauses(text, language)
    pieces = [text, *parts] if len(parts) > 1 else [text]
    scored = _scores(pieces, language)
    whole = scored[0]
    segments: list[Segment] = []
    confident: dict[str, float] = {}
    for part, scores in zip(parts, scored[1:] if len(parts) > 1 else scored, strict=True):
        codes = _confident_codes(scores, MAX_PER_CLAUSE)
        segments.append(Segment(part, tuple(codes)))
        for code in codes:
            confident[code] = max(confident.get(code, 0.0), scores[code])
    if len(parts) > 1:  # the whole text may name what no clause does alone
        for code in _confident_codes(whole, MAX_PER_CLAUSE):
            confident[code] = max(confident.get(code, 0.0), whole[code])
    labels = lexical.labels(language)
    if not confident:
        ranked = sorted(whole.items(), key=lambda item: (-item[1], item[0]))[:SUGGESTIONS]
        return Understanding(
            tuple(NeedMatch(c, labels.get(c, c), round(v, 3)) for c, v in ranked),
            False,
            tuple(segments),
        )
    # Confident needs in the order the person named them, then the rest by score.
    order = list(dict.fromkeys(code for segment in segments for code in segment.codes))
    order += [code for code in confident if code not in order]
    rest = sorted(
        ((c, v) for c, v in whole.items() if c not in confident), key=lambda i: (-i[1], i[0])
    )
    results = [NeedMatch(c, labels.get(c, c), round(confident[c], 3), True) for c in order]
    results += [NeedMatch(c, labels.get(c, c), round(v, 3)) for c, v in rest]
    return Understanding(tuple(results[:MAX_RESULTS]), True, tuple(segments))


def warm() -> dict[str, float]:
    """Load everything the matcher reads (the model, the needs' vectors, the lexical index,
    the word lists) now, at start-up, so the first person to type is not the one who waits.
    Returns what was loaded and how long it took (seconds)."""
    started = time.perf_counter()
    passages = warm_vectors()
    for language in WORD_LANGUAGES:
        everyday_words(language)
    lexical.labels("nl")  # builds the lexical index
    return {"passages": passages, "seconds": round(time.perf_counter() - started, 3)}
