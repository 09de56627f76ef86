"""One calibrated score from the semantic and the lexical matcher.

A learned linear blend (logistic regression) of four features per need, fitted on the
development half of bench/needs_eval (never on the held-out half) by
``bench/needs_eval/run.py --fit``; its output is the estimated probability that the need is one
the person meant, so the threshold means the same in Dutch, French, German and English.
docs/benchmarks.md compares it with reciprocal-rank fusion.

Features of a need for one text:

- ``z``: its semantic similarity, standardised over all needs for this text (how much it
  stands out; raw cosines of short texts crowd into 0.80-0.87);
- ``gap``: its similarity minus the best need's (0 for the best);
- ``top``: the best need's raw similarity (how on-topic the text is at all);
- ``lexical``: the lexical matcher's score (0 when it shares no word).
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


# Fitted by `bench/needs_eval/run.py --fit` on the development half (docs/benchmarks.md).
HYBRID = Weights(bias=-30.0, z=1.0, gap=20.0, top=30.0, lexical=4.0)
# Embeddings off (settings.BEONCOSUP_EMBEDDINGS = "off"): the lexical score alone, calibrated.
LEXICAL = Weights(bias=-3.0, z=0.0, gap=0.0, top=0.0, lexical=6.0)
# At or above this score a need is confident (understood), below it only suggested.
CONFIDENT = 0.5


def _sigmoid(value: float) -> float:
    if value < -50:
        return 0.0
    return 1.0 / (1.0 + math.exp(-value))


def features(semantic: dict[str, float] | None, lexical: dict[str, float]) -> dict[str, tuple[float, float, float, float]]:
    """(z, gap, top, lexical) per candidate need."""
    if not semantic:
        return {code: (0.0, 0.0, 0.0, value) for code, value in lexical.items()}
    values = list(semantic.values())
    mean = sum(values) / len(values)
    spread = math.sqrt(sum((v - mean) ** 2 for v in values) / len(values)) or 1.0
    top = max(values)
    return {
        code: ((value - mean) / spread, value - top, top, lexical.get(code, 0.0))
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
        )
        for code, (z, gap, top, lex) in features(semantic, lexical).items()
    }
