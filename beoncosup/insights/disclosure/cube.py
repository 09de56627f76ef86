"""Cubes: dimensions with their hierarchies, building every cell from the leaves, and rounding
what the public sees (see the package docstring)."""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

Key = tuple[str, ...]


@dataclass(frozen=True)
class Dimension:
    """One dimension of a cube: its members and their hierarchy.

    ``parents`` maps every member to its parent member (None for a root). Along an additive
    dimension every non-leaf member is the sum of its children; a non-additive dimension's members
    are counted separately (no sum relation, each member is its own leaf).
    """

    name: str
    parents: Mapping[str, str | None]
    additive: bool = True
    _children: dict[str, list[str]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        children: dict[str, list[str]] = {member: [] for member in self.parents}
        for member, parent in self.parents.items():
            if parent is None:
                continue
            if parent not in children:
                raise ValueError(f"{self.name}: parent {parent!r} of {member!r} is not a member")
            children[parent].append(member)
        for member in self.parents:  # refuse cycles
            seen = {member}
            parent = self.parents[member]
            while parent is not None:
                if parent in seen:
                    raise ValueError(f"{self.name}: the hierarchy has a cycle at {member!r}")
                seen.add(parent)
                parent = self.parents[parent]
        object.__setattr__(self, "_children", children)

    def members(self) -> list[str]:
        return list(self.parents)

    def children(self, member: str) -> list[str]:
        return list(self._children[member])

    def leaves(self) -> list[str]:
        """Members without children (every member when the dimension is not additive)."""
        if not self.additive:
            return list(self.parents)
        return [member for member, kids in self._children.items() if not kids]

    def ancestors(self, member: str) -> list[str]:
        """The member itself, then its parent, up to its root."""
        chain = [member]
        parent = self.parents[member]
        while parent is not None:
            chain.append(parent)
            parent = self.parents[parent]
        return chain

    def descendants(self, member: str) -> tuple[str, ...]:
        """The member and every member below it."""
        found = [member]
        for child in self._children[member]:
            found.extend(self.descendants(child))
        return tuple(found)

    def leaves_under(self, member: str) -> list[str]:
        """The leaves summed into ``member`` (itself for a leaf or a non-additive member)."""
        if not self.additive or not self._children[member]:
            return [member]
        found: list[str] = []
        for child in self._children[member]:
            found.extend(self.leaves_under(child))
        return found


def cube_build(leaf_counts: Mapping[Key, int], dimensions: Sequence[Dimension]) -> dict[Key, int]:
    """Every cell of the cube: each combination of members of all dimensions.

    Aggregates are summed from the leaves along additive dimensions; combinations with no count
    are 0. For a non-additive dimension ``leaf_counts`` already holds every member's count.
    """
    leaf_sets = [set(dimension.leaves()) for dimension in dimensions]
    current: dict[Key, int] = {}
    for key, count in leaf_counts.items():
        if len(key) != len(dimensions):
            raise ValueError(f"key {key!r} does not have {len(dimensions)} members")
        for member, leaves, dimension in zip(key, leaf_sets, dimensions, strict=True):
            if member not in leaves:
                raise ValueError(f"{member!r} is not a leaf of dimension {dimension.name}")
        if count < 0:
            raise ValueError(f"negative count at {key!r}")
        current[key] = current.get(key, 0) + count
    for position, dimension in enumerate(dimensions):
        if not dimension.additive:
            continue
        chains = {member: dimension.ancestors(member) for member in dimension.parents}
        rolled: dict[Key, int] = {}
        for key, count in current.items():
            for ancestor in chains[key[position]]:
                target = (*key[:position], ancestor, *key[position + 1 :])
                rolled[target] = rolled.get(target, 0) + count
        current = rolled
    return {
        key: current.get(key, 0)
        for key in itertools.product(*(dimension.members() for dimension in dimensions))
    }


def round_public(value: int, *, k: int, base: int = 5) -> int:
    """``value`` to the nearest multiple of ``base`` (halves up), never below ``k``.

    Values that would round below ``k`` round up to the first multiple of ``base`` >= ``k``.
    Only published cells (value >= k) are rounded.
    """
    rounded = (2 * value + base) // (2 * base) * base
    if rounded < k:
        rounded = -(-k // base) * base
    return rounded


def published(cells: Mapping[Key, int], suppressed: set[Key]) -> dict[Key, int | None]:
    """``cells`` with the suppressed ones as None."""
    return {key: (None if key in suppressed else value) for key, value in cells.items()}
