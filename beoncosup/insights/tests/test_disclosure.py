"""Disclosure control: unit tests of the rules, and the proof by linear programming.

The proof (``audit``): for a protected cube, an attacker knows every published cell exactly and
that every leaf count is a non-negative number. For each suppressed cell whose true value is below
k, we maximise that cell over all non-negative leaf assignments that reproduce every published cell
(scipy's HiGHS); the maximum must be at least k, so nobody can conclude the cell is below k.
"""

# ruff: noqa: S311 - seeded generators make the random cubes, not secrets

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence

import numpy as np
import pytest
from scipy.optimize import linprog  # type: ignore[import-untyped]

from beoncosup.insights.disclosure import (
    Dimension,
    Key,
    cube_build,
    protect,
    published,
    round_public,
)

K = 10


def hierarchy(name: str, tree: Mapping[str, Sequence[str]], *, additive: bool = True) -> Dimension:
    """A dimension from {parent: [children]}; members never named as a child are roots."""
    parents: dict[str, str | None] = {}
    for parent, children in tree.items():
        parents.setdefault(parent, None)
        for child in children:
            parents[child] = parent
    return Dimension(name=name, parents=parents, additive=additive)


def flat(name: str, members: Sequence[str], total: str | None = "*") -> Dimension:
    tree: dict[str, list[str]] = {total: list(members)} if total else {m: [] for m in members}
    return hierarchy(name, tree)


def skewed(rng: random.Random) -> int:
    """Mostly small counts (0-15), some large ones."""
    draw = rng.random()
    if draw < 0.3:
        return 0
    if draw < 0.75:
        return rng.randint(1, 15)
    return int(rng.lognormvariate(3.5, 1.0))


def random_leaves(rng: random.Random, dimensions: Sequence[Dimension]) -> dict[Key, int]:
    leaves = [dimension.leaves() for dimension in dimensions]
    return {key: skewed(rng) for key in _product(leaves)}


def _product(lists: Sequence[Sequence[str]]) -> list[Key]:
    keys: list[Key] = [()]
    for members in lists:
        keys = [(*key, member) for key in keys for member in members]
    return keys


# ---------------------------------------------------------------------------------------------
# The audit
# ---------------------------------------------------------------------------------------------


def leaf_sets(dimensions: Sequence[Dimension], key: Key) -> list[Key]:
    return _product([dim.leaves_under(member) for dim, member in zip(dimensions, key, strict=True)])


def audit(
    dimensions: Sequence[Dimension],
    published_cells: Sequence[tuple[Key, int]],
    secrets: Sequence[tuple[Key, int]],
    *,
    k: int = K,
) -> list[tuple[Key, int, float]]:
    """Cells of ``secrets`` (true value < k) that an attacker can bound below k.

    Variables are the leaves of ``dimensions``; every cell is the sum of its leaves; every
    published cell must equal its true value. Returns (key, true value, maximum) per failure.
    """
    variables = {leaf: n for n, leaf in enumerate(_product([d.leaves() for d in dimensions]))}

    def row(key: Key) -> np.ndarray:
        vector = np.zeros(len(variables))
        for leaf in leaf_sets(dimensions, key):
            vector[variables[leaf]] = 1.0
        return vector

    a_eq = np.array([row(key) for key, _ in published_cells]) if published_cells else None
    b_eq = np.array([float(value) for _, value in published_cells]) if published_cells else None
    failures = []
    for key, value in secrets:
        result = linprog(-row(key), A_eq=a_eq, b_eq=b_eq, bounds=(0, None), method="highs")
        if result.status == 3:  # unbounded: the cell can be anything
            continue
        assert result.status == 0, result.message
        maximum = -result.fun
        if maximum < k - 1e-6:
            failures.append((key, value, maximum))
    return failures


def audit_cube(
    cells: Mapping[Key, int], dimensions: Sequence[Dimension], hidden: set[Key], *, k: int = K
) -> list[tuple[Key, int, float]]:
    shown = [(key, value) for key, value in cells.items() if key not in hidden]
    secrets = [(key, cells[key]) for key in sorted(hidden) if cells[key] < k]
    return audit(dimensions, shown, secrets, k=k)


# ---------------------------------------------------------------------------------------------
# Unit tests
# ---------------------------------------------------------------------------------------------

AREA = hierarchy("area", {"BE": ["P1", "P2"], "P1": ["a1", "a2"], "P2": ["a3"]})
NEED = flat("need", ["n1", "n2", "n3"])


def test_cube_build_sums_along_hierarchies() -> None:
    cells = cube_build({("a1", "n1"): 4, ("a2", "n1"): 5, ("a3", "n2"): 7}, [AREA, NEED])

    assert len(cells) == 6 * 4
    assert cells[("P1", "n1")] == 9
    assert cells[("P2", "n2")] == 7  # the single child and its parent are equal
    assert cells[("BE", "*")] == 16
    assert cells[("a1", "*")] == 4
    assert cells[("a3", "n3")] == 0


def test_cube_build_keeps_non_additive_members_and_refuses_aggregates() -> None:
    lang = Dimension("lang", {"nl": None, "fr": None, "any": None}, additive=False)
    cells = cube_build({("a1", "nl"): 3, ("a1", "any"): 4, ("a2", "fr"): 2}, [AREA, lang])

    assert cells[("P1", "any")] == 4  # summed along area, never along lang
    assert cells[("BE", "nl")] == 3
    with pytest.raises(ValueError, match="not a leaf"):
        cube_build({("P1", "nl"): 1}, [AREA, lang])


def table(rows: Mapping[str, Sequence[int]]) -> tuple[dict[Key, int], list[Dimension]]:
    """A 2-D cube with margins from {row: [counts per column]}."""
    columns = len(next(iter(rows.values())))
    dims = [flat("row", list(rows)), flat("col", [f"c{n}" for n in range(columns)])]
    leaves: dict[Key, int] = {
        (r, f"c{n}"): v for r, values in rows.items() for n, v in enumerate(values)
    }
    return cube_build(leaves, dims), dims


def test_primary_suppression_takes_every_cell_below_k_zero_included() -> None:
    cells, dims = table({"r0": [50, 0, 40], "r1": [30, 60, 70], "r2": [40, 50, 3]})

    hidden = protect(cells, dims, k=K)

    assert ("r0", "c1") in hidden and ("r2", "c2") in hidden
    assert all(value >= K for key, value in cells.items() if key not in hidden)


def test_a_line_with_one_suppressed_cell_gets_a_complement() -> None:
    cells, dims = table({"r0": [50, 4, 40], "r1": [30, 60, 70], "r2": [40, 50, 80]})

    hidden = protect(cells, dims, k=K)

    row = [key for key in hidden if key[0] == "r0"]
    column = [key for key in hidden if key[1] == "c1"]
    assert len(row) >= 2 and len(column) >= 2
    assert ("r0", "c0") in hidden  # the smallest other cell of the row (40 is c2, 50 is c0)...
    assert audit_cube(cells, dims, hidden) == []


def test_suppressed_children_of_a_published_total_sum_to_k() -> None:
    # r0's two small cells (2 and 3) could be each other's complement, but they sum to 5 < k.
    cells, dims = table({"r0": [2, 3, 40, 60], "r1": [30, 60, 70, 20], "r2": [40, 50, 80, 30]})

    hidden = protect(cells, dims, k=K)

    in_row = [key for key in hidden if key[0] == "r0" and key[1] != "*"]
    assert sum(cells[key] for key in in_row) >= K
    assert audit_cube(cells, dims, hidden) == []


def test_fixed_cells_never_change() -> None:
    cells, dims = table({"r0": [50, 4, 40], "r1": [30, 60, 70], "r2": [40, 50, 80]})
    fixed: dict[Key, bool] = {("r0", "c2"): False, ("r1", "c0"): True, ("nowhere", "c0"): True}

    hidden = protect(cells, dims, k=K, fixed=fixed)

    assert ("r0", "c2") not in hidden
    assert ("r1", "c0") in hidden
    assert ("nowhere", "c0") not in hidden
    assert audit_cube(cells, dims, hidden) == []


def test_value_error_when_only_fixed_cells_could_protect() -> None:
    cells, dims = table({"r0": [50, 4], "r1": [30, 60]})
    fixed = {key: False for key in cells if key != ("r0", "c1")}

    with pytest.raises(ValueError, match="fixed"):
        protect(cells, dims, k=K, fixed=fixed)


def test_a_fixed_published_cell_below_k_is_refused() -> None:
    cells, dims = table({"r0": [50, 4], "r1": [30, 60]})

    with pytest.raises(ValueError, match="below k"):
        protect(cells, dims, k=K, fixed={("r0", "c1"): False})


def test_protect_is_deterministic_whatever_the_input_order() -> None:
    dims = [AREA, NEED]
    cells = cube_build(random_leaves(random.Random(3), dims), dims)
    shuffled = list(cells.items())
    random.Random(4).shuffle(shuffled)

    assert protect(cells, dims, k=K) == protect(dict(shuffled), dims, k=K)


@pytest.mark.parametrize(
    ("value", "k", "expected"),
    [
        (11, 10, 10),
        (12, 10, 10),
        (13, 10, 15),
        (10, 10, 10),
        (14, 10, 15),
        (12, 12, 15),
        (17, 10, 15),
        (18, 10, 20),
        (1234, 10, 1235),
        (1232, 10, 1230),
        (15, 10, 15),
    ],
)
def test_round_public(value: int, k: int, expected: int) -> None:
    assert round_public(value, k=k) == expected


def test_round_public_other_base() -> None:
    assert round_public(15, k=10, base=10) == 20  # halves up
    assert round_public(14, k=10, base=10) == 10
    assert round_public(11, k=11, base=10) == 20  # never below k


def test_published_hides_the_suppressed() -> None:
    assert published({("a",): 5, ("b",): 20}, {("a",)}) == {("a",): None, ("b",): 20}


# ---------------------------------------------------------------------------------------------
# The proof
# ---------------------------------------------------------------------------------------------

SHAPES: dict[str, list[Dimension]] = {
    "2-D with margins": [
        flat("row", [f"r{n}" for n in range(5)]),
        flat("col", [f"c{n}" for n in range(6)]),
    ],
    "3-D with hierarchies": [
        hierarchy(
            "area",
            {
                "BE": ["P1", "P2", "P3"],
                "P1": ["a1", "a2"],
                "P2": ["a3", "a4", "a5"],
                "P3": ["a6", "a7"],
            },
        ),
        hierarchy("need", {"*": ["D1", "D2"], "D1": ["n1", "n2", "n3"], "D2": ["n4", "n5"]}),
        flat("sex", ["f", "m"], "T"),
    ],
    "single-child parents": [
        hierarchy(
            "area",
            {"BE": ["P1", "P2", "P3"], "P1": ["a1", "a2"], "P2": ["a3"], "P3": ["a4", "a5", "a6"]},
        ),
        hierarchy("need", {"*": ["D1", "D2"], "D1": ["n1", "n2", "n3"], "D2": ["n4"]}),
        flat("sex", ["f", "m"], "T"),
    ],
    "non-additive dimension": [
        hierarchy("area", {"BE": ["P1", "P2"], "P1": ["a1", "a2", "a3"], "P2": ["a4", "a5"]}),
        flat("need", ["n1", "n2", "n3", "n4"]),
        Dimension("lang", {"nl": None, "fr": None, "de": None, "any": None}, additive=False),
    ],
    "several roots": [
        hierarchy("period", {"2024": ["q1", "q2", "q3", "q4"], "2025": ["q5", "q6", "q7", "q8"]}),
        flat("need", ["n1", "n2", "n3", "n4", "n5"]),
    ],
}


@pytest.mark.parametrize("shape", list(SHAPES))
def test_no_suppressed_cell_below_k_can_be_bounded_below_k(shape: str) -> None:
    dims = SHAPES[shape]
    for seed in range(25):
        cells = cube_build(random_leaves(random.Random(seed), dims), dims)
        hidden = protect(cells, dims, k=K)

        assert all(cells[key] >= K for key in cells if key not in hidden)
        assert audit_cube(cells, dims, hidden) == [], f"seed {seed}"


def test_the_audit_catches_an_unprotected_table() -> None:
    """The audit can fail: primary suppression alone leaves a cell recoverable from its margins."""
    cells, dims = table({"r0": [50, 4, 40], "r1": [30, 60, 70], "r2": [40, 50, 80]})

    assert audit_cube(cells, dims, {("r0", "c1")}) == [(("r0", "c1"), 4, 4.0)]


def test_two_linked_cubes_attacked_together() -> None:
    """Cube A (area x need) is cube B (area x need x language) at language "*"; B is protected
    with A's statuses fixed, and one LP over B's leaves holds both cubes' published cells."""
    area = hierarchy("area", {"BE": ["P1", "P2"], "P1": ["a1", "a2", "a3"], "P2": ["a4", "a5"]})
    need = hierarchy("need", {"*": ["D1", "D2"], "D1": ["n1", "n2"], "D2": ["n3", "n4"]})
    language = flat("language", ["nl", "fr", "de"])
    dims_a, dims_b = [area, need], [area, need, language]
    for seed in range(12):
        cells_b = cube_build(random_leaves(random.Random(100 + seed), dims_b), dims_b)
        cells_a = {key[:2]: value for key, value in cells_b.items() if key[2] == "*"}
        hidden_a = protect(cells_a, dims_a, k=K)
        fixed = {(*key, "*"): key in hidden_a for key in cells_a}

        hidden_b = protect(cells_b, dims_b, k=K, fixed=fixed)

        assert all(hidden_b.__contains__((*key, "*")) == (key in hidden_a) for key in cells_a)
        shown = [((*key, "*"), v) for key, v in cells_a.items() if key not in hidden_a]
        shown += [(key, v) for key, v in cells_b.items() if key not in hidden_b]
        secrets = [((*key, "*"), cells_a[key]) for key in sorted(hidden_a) if cells_a[key] < K]
        secrets += [(key, cells_b[key]) for key in sorted(hidden_b) if cells_b[key] < K]
        assert audit(dims_b, shown, secrets) == [], f"seed {seed}"
