"""One calibrated score from the semantic and the lexical matcher.

A learned linear blend (logistic regression) of seven features per need, fitted on the
development half of bench/needs_eval and our own off-topic texts (never on the held-out half) by
``bench/needs_eval/run.py --fit``; its output is the estimated probability that the need is one
the person meant, so the threshold means the same in Dutch, French, German and English.
docs/benchmarks.md compares it with reciprocal-rank fusion.

Features of a need for one text:

- ``z``: its semantic similarity, standardised over all needs for this text (how much it
  stands out; raw cosines of short texts crowd into 0.80-0.87);
- ``gap``: its similarity minus the best need's (0 for the best);
- ``top``: the best need's raw similarity (how on-topic the text is at all);
- ``lexical``: the lexical matcher's score (0 when it shares no word);
- ``margin``: the best need's similarity minus the second best's (a text about nothing in
  particular is about as close to many needs);
- ``rank_semantic`` and ``rank_lexical``: 1 / the need's rank in each matcher (1 for the
  first, 0 when the lexical matcher does not list it), as in reciprocal-rank fusion: ranks
  carry what raw scores of two different matchers do not share.
"""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class Weights:
    bias: float
    z: float
    gap: float
    top: float
    lexical: float
    margin: float
    rank_semantic: float
    rank_lexical: float


# Fitted by `bench/needs_eval/run.py --fit` on the development half (docs/benchmarks.md).
HYBRID = Weights(
    bias=-18.289,
    z=0.606,
    gap=75.758,
    top=15.526,
    lexical=2.521,
    margin=-8.087,
    rank_semantic=-0.114,
    rank_lexical=2.809,
)
# Embeddings off (settings.BEONCOSUP_EMBEDDINGS = "off"): the lexical score alone, calibrated.
LEXICAL = Weights(
    bias=-6.792,
    z=0.0,
    gap=0.0,
    top=0.0,
    lexical=5.366,
    margin=0.0,
    rank_semantic=0.0,
    rank_lexical=4.464,
)
# At or above this score a need is confident (understood), below it only suggested.
CONFIDENT = 0.6


def _sigmoid(value: float) -> float:
    if value < -50:
        return 0.0
    return 1.0 / (1.0 + math.exp(-value))


Features = tuple[float, float, float, float, float, float, float]


def _reciprocal_ranks(scores: dict[str, float]) -> dict[str, float]:
    ordered = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    return {code: 1.0 / rank for rank, (code, _) in enumerate(ordered, start=1)}


def features(semantic: dict[str, float] | None, lexical: dict[str, float]) -> dict[str, Features]:
    """(z, gap, top, lexical, margin, rank_semantic, rank_lexical) per candidate need."""
    lexical_ranks = _reciprocal_ranks(lexical)
    if not semantic:
        return {
            code: (0.0, 0.0, 0.0, value, 0.0, 0.0, lexical_ranks[code])
            for code, value in lexical.items()
        }
    values = sorted(semantic.values(), reverse=True)
    mean = sum(values) / len(values)
    spread = math.sqrt(sum((v - mean) ** 2 for v in values) / len(values)) or 1.0
    top = values[0]
    margin = top - values[1] if len(values) > 1 else 0.0
    semantic_ranks = _reciprocal_ranks(semantic)
    return {
        code: (
            (value - mean) / spread,
            value - top,
            top,
            lexical.get(code, 0.0),
            margin,
            semantic_ranks[code],
            lexical_ranks.get(code, 0.0),
        )
        for code, value in semantic.items()
    }


def fuse(semantic: dict[str, float] | None, lexical: dict[str, float]) -> dict[str, float]:
    """Every candidate need's calibrated score (0-1)."""
    weights = HYBRID if semantic else LEXICAL
    return {
        code: _sigmoid(
            weights.bias
            + weights.z * z
            + weights.gap * gap
            + weights.top * top
            + weights.lexical * lex
            + weights.margin * margin
            + weights.rank_semantic * rank_semantic
            + weights.rank_lexical * rank_lexical
        )
        for code, (z, gap, top, lex, margin, rank_semantic, rank_lexical) in features(
            semantic, lexical
        ).items()
    }
