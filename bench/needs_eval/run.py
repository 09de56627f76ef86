"""Evaluate the needs matcher on everyday phrasings: recall@1, recall@3, MRR and the "not sure"
rate per language, for the lexical matcher alone, the semantic one alone, reciprocal-rank fusion
and the hybrid (the learned blend the site uses).

    .venv/bin/python bench/needs_eval/run.py                  # the development half
    .venv/bin/python bench/needs_eval/run.py --split heldout  # the frozen held-out half
    .venv/bin/python bench/needs_eval/run.py --fit            # fit the blend on dev only
    .venv/bin/python bench/needs_eval/run.py --failures nl    # dev misses, to read

The queries (dev/ and heldout/, 70 per language and half: 60 with expected needs, 10
off-topic) were written before tuning, by writers who saw the needs' labels but not our
synonyms. Only the development half may be looked at: ``--fit`` and ``--failures`` refuse the
held-out half, and for it the script prints aggregates only.

Uses the database of the settings in force (the taxonomy must be loaded: ``manage.py
load_taxonomy``); nothing is written.
"""

# ruff: noqa: T201 - a command-line report
from __future__ import annotations

import argparse
import os
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "beoncosup.settings")

import django  # noqa: E402

django.setup()

import numpy as np  # noqa: E402

from beoncosup.search import embeddings  # noqa: E402
from beoncosup.search.needs import fusion, lexical, understand  # noqa: E402
from beoncosup.search.needs.semantic import semantic_scores  # noqa: E402
from beoncosup.search.text import LANGUAGES  # noqa: E402

RRF_K = 60
OLD_THRESHOLD = 0.5  # the lexical matcher's old "strong match" floor (finder, hub)


@dataclass(frozen=True)
class Query:
    text: str
    codes: frozenset[str]
    language: str
    multi: bool


def load(split: str, languages: tuple[str, ...] = LANGUAGES) -> list[Query]:
    found = []
    for language in languages:
        path = HERE / split / f"{language}.yaml"
        if not path.exists():
            continue
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        for item in document["queries"]:
            found.append(
                Query(
                    text=str(item["q"]),
                    codes=frozenset(item.get("codes") or ()),
                    language=language,
                    multi=bool(item.get("multi")),
                )
            )
    return found


# ---------------------------------------------------------------- the four matchers
# Each returns (ranked codes, understood?).


def run_lexical(query: Query) -> tuple[list[str], bool]:
    ranked = lexical.match_needs(query.text, query.language, limit=10)
    return [code for code, _ in ranked], bool(ranked) and ranked[0][1] >= OLD_THRESHOLD


_SEMANTIC: dict[str, dict[str, float]] = {}


def _semantic(query: Query) -> dict[str, float]:
    if query.text not in _SEMANTIC:
        _SEMANTIC[query.text] = semantic_scores(embeddings.embed_queries([query.text]))[0]
    return _SEMANTIC[query.text]


def run_semantic(query: Query) -> tuple[list[str], bool]:
    scores = fusion.fuse(_semantic(query), {})
    ranked = sorted(scores, key=lambda code: -scores[code])
    return ranked[:10], scores[ranked[0]] >= fusion.CONFIDENT


def run_rrf(query: Query) -> tuple[list[str], bool]:
    semantic = _semantic(query)
    lexical_scores = lexical.scores(query.text, query.language)
    by_semantic = sorted(semantic, key=lambda code: -semantic[code])
    by_lexical = sorted(lexical_scores, key=lambda code: -lexical_scores[code])
    fused: dict[str, float] = {}
    for ranking in (by_semantic, by_lexical):
        for rank, code in enumerate(ranking, start=1):
            fused[code] = fused.get(code, 0.0) + 1.0 / (RRF_K + rank)
    ranked = sorted(fused, key=lambda code: -fused[code])
    # RRF gives ranks, not a calibrated score: "not sure" borrows the hybrid's decision.
    return ranked[:10], understand(query.text, query.language).understood


def run_hybrid(query: Query) -> tuple[list[str], bool]:
    found = understand(query.text, query.language, limit=10)
    return [m.code for m in found.results], found.understood


MATCHERS = {
    "lexical": run_lexical,
    "semantic": run_semantic,
    "rrf": run_rrf,
    "hybrid": run_hybrid,
}


# ---------------------------------------------------------------- metrics


@dataclass
class Tally:
    answerable: int = 0
    top1: int = 0
    top3: int = 0
    reciprocal: float = 0.0
    unsure_answerable: int = 0
    off_topic: int = 0
    unsure_off_topic: int = 0

    def add(self, query: Query, ranked: list[str], understood: bool) -> None:
        if not query.codes:
            self.off_topic += 1
            self.unsure_off_topic += not understood
            return
        self.answerable += 1
        self.unsure_answerable += not understood
        rank = next((i for i, code in enumerate(ranked, 1) if code in query.codes), None)
        if rank is not None:
            self.top1 += rank == 1
            self.top3 += rank <= 3
            self.reciprocal += 1.0 / rank

    def row(self) -> str:
        n, m = max(self.answerable, 1), max(self.off_topic, 1)
        return (
            f"{self.top1 / n:6.2f} {self.top3 / n:6.2f} {self.reciprocal / n:6.2f} "
            f"{self.unsure_answerable / n:8.2f} {self.unsure_off_topic / m:9.2f}"
        )


def evaluate(queries: list[Query], names: list[str]) -> None:
    print(
        f"{'matcher':9} {'lang':4} {'r@1':>6} {'r@3':>6} {'MRR':>6} {'unsure':>8} {'offtopic':>9}"
    )
    for name in names:
        matcher = MATCHERS[name]
        tallies = {language: Tally() for language in LANGUAGES}
        total = Tally()
        for query in queries:
            ranked, understood = matcher(query)
            tallies[query.language].add(query, ranked, understood)
            total.add(query, ranked, understood)
        for language in LANGUAGES:
            if tallies[language].answerable:
                print(f"{name:9} {language:4} {tallies[language].row()}")
        print(f"{name:9} {'all':4} {total.row()}")
    multi = [q for q in queries if q.multi]
    if multi:
        complete = sum(
            q.codes <= {m.code for m in understand(q.text, q.language).confident} for q in multi
        )
        some = sum(
            bool(q.codes & {m.code for m in understand(q.text, q.language).confident})
            for q in multi
        )
        print(
            f"several needs in one query ({len(multi)}): every need understood in "
            f"{complete}, at least one in {some}"
        )


def calibration(queries: list[Query]) -> None:
    """Per language: of the needs the hybrid calls confident, how many are right, against the
    mean score it gave them (a calibrated score matches)."""
    print(f"{'lang':4} {'confident':>9} {'right':>6} {'mean score':>10}")
    for language in LANGUAGES:
        given, right, total = 0, 0, 0.0
        for query in queries:
            if query.language != language:
                continue
            for match in understand(query.text, language).confident:
                given += 1
                right += match.code in query.codes
                total += match.score
        if given:
            print(f"{language:4} {given:9} {right / given:6.2f} {total / given:10.2f}")


def failures(queries: list[Query], language: str) -> None:
    for query in queries:
        if query.language != language:
            continue
        found = understand(query.text, language, limit=3)
        codes = [m.code for m in found.results]
        ok = bool(query.codes & set(codes)) if query.codes else not found.understood
        if not ok or (query.codes and codes and codes[0] not in query.codes):
            shown = [(m.code, m.score, "*" if m.confident else "") for m in found.results]
            print(f"{'MISS' if not ok else 'r@1 '} {query.text!r} want {sorted(query.codes)}")
            print(f"     got {shown}")


# ---------------------------------------------------------------- fitting the blend


def _rows(queries: list[Query]) -> tuple[np.ndarray, np.ndarray]:
    features, labels = [], []
    for query in queries:
        semantic = _semantic(query)
        lexical_scores = lexical.scores(query.text, query.language)
        for code, values in fusion.features(semantic, lexical_scores).items():
            features.append(values)
            labels.append(1.0 if code in query.codes else 0.0)
    return np.asarray(features, dtype=np.float64), np.asarray(labels, dtype=np.float64)


def _logistic(x: np.ndarray, y: np.ndarray, l2: float = 1e-3) -> np.ndarray:
    """Logistic regression by Newton's method; returns [bias, weights...]."""
    design = np.hstack([np.ones((x.shape[0], 1)), x])
    weights = np.zeros(design.shape[1])
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-design @ weights))
        gradient = design.T @ (p - y) + l2 * weights
        hessian = design.T @ (design * (p * (1 - p))[:, None]) + l2 * np.eye(design.shape[1])
        step = np.linalg.solve(hessian, gradient)
        weights -= step
        if np.abs(step).max() < 1e-8:
            break
    return weights


def negatives() -> list[Query]:
    """Our own extra texts that name no need (tuning/negatives.yaml), for fitting only."""
    document = yaml.safe_load((HERE / "tuning" / "negatives.yaml").read_text(encoding="utf-8"))
    return [
        Query(text=text, codes=frozenset(), language=language, multi=False)
        for language, texts in document["queries"].items()
        for text in texts
    ]


def fit(queries: list[Query]) -> None:
    x, y = _rows(queries + negatives())
    w = _logistic(x, y)
    print(
        f"HYBRID = Weights(bias={w[0]:.3f}, z={w[1]:.3f}, gap={w[2]:.3f}, "
        f"top={w[3]:.3f}, lexical={w[4]:.3f}, margin={w[5]:.3f}, "
        f"rank_semantic={w[6]:.3f}, rank_lexical={w[7]:.3f})"
    )
    lexical_only = _logistic(x[:, [3, 6]], y)
    print(
        f"LEXICAL = Weights(bias={lexical_only[0]:.3f}, z=0.0, gap=0.0, top=0.0, "
        f"lexical={lexical_only[1]:.3f}, margin=0.0, rank_semantic=0.0, "
        f"rank_lexical={lexical_only[2]:.3f})"
    )
    predicted = 1.0 / (1.0 + np.exp(-(np.hstack([np.ones((len(x), 1)), x]) @ w)))
    # Lexical-only rows: the features fusion.py uses when embeddings are off.
    loss = -np.mean(y * np.log(predicted + 1e-12) + (1 - y) * np.log(1 - predicted + 1e-12))
    print(f"log loss on dev: {loss:.4f} ({int(y.sum())} right needs of {len(y)} rows)")
    # Threshold sweep, with the weights now in fusion.py (paste the new ones, re-run to read).
    print("threshold: unsure on answerable / on off-topic (dev, weights in fusion.py)")
    tops = [
        (bool(q.codes), max((m.score for m in understand(q.text, q.language).results), default=0))
        for q in queries
    ]
    answerable = [top for has, top in tops if has]
    off = [top for has, top in tops if not has]
    extra = [
        max((m.score for m in understand(q.text, q.language).results), default=0)
        for q in negatives()
    ]
    for threshold in (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7):
        unsure = sum(top < threshold for top in answerable) / max(len(answerable), 1)
        rejected = sum(top < threshold for top in off) / max(len(off), 1)
        ours = sum(top < threshold for top in extra) / max(len(extra), 1)
        print(f"  {threshold:.2f}: {unsure:.2f} / {rejected:.2f} (our negatives {ours:.2f})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("dev", "heldout"), default="dev")
    parser.add_argument("--fit", action="store_true", help="fit the blend (dev only)")
    parser.add_argument("--failures", metavar="LANG", help="print dev misses for a language")
    parser.add_argument("--matchers", default="lexical,semantic,rrf,hybrid")
    args = parser.parse_args()
    if (args.fit or args.failures) and args.split != "dev":
        parser.error("the held-out half is never used for tuning or read query by query")
    if not embeddings.enabled():
        parser.error("embeddings are off (BEONCOSUP_EMBEDDINGS): nothing semantic to evaluate")
    queries = load(args.split)
    if args.fit:
        fit(queries)
        return 0
    if args.failures:
        failures(queries, args.failures)
        return 0
    print(f"{args.split}: {len(queries)} queries, model {embeddings.model_name()}")
    evaluate(queries, args.matchers.split(","))
    calibration(queries)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
