"""Disclosure control at the size of the insights cube: how long ``protect`` takes in pure Python.

    .venv/bin/python bench/disclosure_benchmark.py [--events 1000000] [--k 10] [--seed 16]

Builds, with a seeded random generator, a cube of demand counts with four additive dimensions:

- need: 111 needs -> 4 domains -> "*";
- area: 43 arrondissements -> 11 provinces (Brussels one of them) -> "BE";
- period: 12 quarters -> 3 years (no total over the years);
- a 4-member breakdown (e.g. language) + its total;

about 480,000 cells. --events signals are spread over the leaves with skewed weights (a few
needs and the populous arrondissements take most of them, a breakdown member is rare, demand
grows over the quarters), each leaf drawn from a Poisson law around its expected count, so the
counts look like real ones: many zeros and small cells, a few large ones. Then times
``cube_build`` and ``protect`` and prints the cells, the primary (below k) and complementary
suppressions. No Django and no database: the module is pure Python.
"""

# ruff: noqa: T201, S311 - a command-line report; the generator is not for secrets

from __future__ import annotations

import argparse
import math
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from beoncosup.insights.disclosure import Dimension, Key, cube_build, protect  # noqa: E402

PROVINCES = [3, 4, 5, 4, 5, 3, 6, 3, 4, 5, 1]  # arrondissements per province (43; Brussels 1)


def dimensions() -> list[Dimension]:
    need: dict[str, str | None] = {"*": None}
    for number in range(111):
        domain = f"D{number % 4}"
        need.setdefault(domain, "*")
        need[f"N{number:03d}"] = domain
    area: dict[str, str | None] = {"BE": None}
    arrondissement = 0
    for province, size in enumerate(PROVINCES):
        area[f"P{province:02d}"] = "BE"
        for _ in range(size):
            area[f"A{arrondissement:02d}"] = f"P{province:02d}"
            arrondissement += 1
    period: dict[str, str | None] = {}
    for year in range(3):
        period[f"{2024 + year}"] = None
        for quarter in range(4):
            period[f"{2024 + year}Q{quarter + 1}"] = f"{2024 + year}"
    breakdown: dict[str, str | None] = {"*": None, "nl": "*", "fr": "*", "de": "*", "en": "*"}
    return [
        Dimension("need", need),
        Dimension("area", area),
        Dimension("period", period),
        Dimension("language", breakdown),
    ]


def poisson(rng: random.Random, mean: float) -> int:
    if mean > 30:
        return max(0, round(rng.gauss(mean, math.sqrt(mean))))
    limit, product, count = math.exp(-mean), rng.random(), 0
    while product > limit:
        product *= rng.random()
        count += 1
    return count


def leaf_counts(dims: list[Dimension], events: int, rng: random.Random) -> dict[Key, int]:
    def weights(members: list[str], spread: float) -> dict[str, float]:
        raw = {member: rng.lognormvariate(0, spread) for member in members}
        total = sum(raw.values())
        return {member: value / total for member, value in raw.items()}

    need = weights(dims[0].leaves(), 1.2)
    area = weights(dims[1].leaves(), 0.8)
    quarters = dims[2].leaves()
    period = {q: (1 + n / 6) / sum(1 + i / 6 for i in range(12)) for n, q in enumerate(quarters)}
    language = {"nl": 0.55, "fr": 0.38, "de": 0.01, "en": 0.06}
    counts: dict[Key, int] = {}
    for n, wn in need.items():
        for a, wa in area.items():
            for q, wq in period.items():
                for lang, wl in language.items():
                    count = poisson(rng, events * wn * wa * wq * wl)
                    if count:
                        counts[(n, a, q, lang)] = count
    return counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--k", type=int, default=10)
    parser.add_argument("--seed", type=int, default=16)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    dims = dimensions()
    leaves = leaf_counts(dims, args.events, rng)
    started = time.perf_counter()
    cells = cube_build(leaves, dims)
    built = time.perf_counter() - started
    started = time.perf_counter()
    hidden = protect(cells, dims, k=args.k)
    took = time.perf_counter() - started
    primary = sum(1 for value in cells.values() if value < args.k)
    complementary = len(hidden) - primary
    print(f"events {args.events:,}, k {args.k}, seed {args.seed}")
    print(f"cells {len(cells):,} (non-zero leaves {len(leaves):,})")
    print(f"suppressed: primary {primary:,}, complementary {complementary:,}")
    print(f"published {len(cells) - len(hidden):,} ({(len(cells) - len(hidden)) / len(cells):.1%})")
    print(f"cube_build {built:.1f} s, protect {took:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
