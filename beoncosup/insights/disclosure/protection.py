"""Choosing the cells to suppress: primary, the line rules, certificates (see the package
docstring)."""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Mapping, Sequence

from beoncosup.insights.disclosure.cube import Dimension, Key

# One dimension's part of a certificate: (cost in the 1-D slice, level, sequence, members with
# sign +, members with sign -, the leaf that grows, the leaf that shrinks or None).
_Option = tuple[int, int, int, tuple[str, ...], tuple[str, ...], str, str | None]
_BREADTH = 3  # options tried per dimension (plus the path to the root) ...
_AFTER_FIRST = 12  # combinations still tried once one works (they come cheapest first)
_WIDEST = 1 << 30  # ... or all of them when those are blocked by fixed cells


class _Cube:
    """Integer-indexed cells and lines of a cube, with the suppression state."""

    def __init__(
        self,
        cells: Mapping[Key, int],
        dimensions: Sequence[Dimension],
        k: int,
        fixed: Mapping[Key, bool],
    ) -> None:
        self.dimensions = dimensions
        self.k = k
        self.keys: list[Key] = sorted(cells)
        self.index: dict[Key, int] = {key: number for number, key in enumerate(self.keys)}
        self.values: list[int] = [cells[key] for key in self.keys]
        count = len(self.keys)
        self.fixed: list[bool] = [False] * count
        self.suppressed: list[bool] = [False] * count
        for key, status in fixed.items():
            number = self.index.get(key)
            if number is not None:
                self.fixed[number] = True
                self.suppressed[number] = bool(status)
        # Lines: line_total[i] is the aggregate cell, line_children[i] its children (sorted by
        # value then key, the repair order); cell_lines[c] the lines a cell belongs to.
        self.line_total: list[int] = []
        self.line_children: list[list[int]] = []
        self.cell_lines: list[list[int]] = [[] for _ in range(count)]
        index = self.index
        for position, dimension in enumerate(dimensions):
            if not dimension.additive:
                continue
            kids = {member: dimension.children(member) for member in dimension.parents}
            for number, key in enumerate(self.keys):
                children_members = kids[key[position]]
                if not children_members:
                    continue
                head, tail = key[:position], key[position + 1 :]
                children = [
                    child
                    for child in (index.get((*head, member, *tail)) for member in children_members)
                    if child is not None
                ]
                if not children:
                    continue
                values = self.values
                children.sort(key=lambda c: (values[c], c))
                line = len(self.line_total)
                self.line_total.append(number)
                self.line_children.append(children)
                self.cell_lines[number].append(line)
                for child in children:
                    self.cell_lines[child].append(line)
        self.certified: list[bool] = [False] * count
        self.uncertified = 0  # cells left to the line rules alone (see _accumulate)
        self.queue: deque[int] = deque()
        self.queued: list[bool] = [False] * len(self.line_total)

    def suppress(self, cell: int) -> None:
        self.suppressed[cell] = True
        for line in self.cell_lines[cell]:
            if not self.queued[line]:
                self.queued[line] = True
                self.queue.append(line)

    def enqueue_all(self) -> None:
        for line in range(len(self.line_total)):
            if not self.queued[line]:
                self.queued[line] = True
                self.queue.append(line)

    def line_repair(self, line: int) -> None:
        """Apply the line rules to one line until it is safe."""
        total = self.line_total[line]
        children = self.line_children[line]
        suppressed, values, fixed, k = self.suppressed, self.values, self.fixed, self.k
        while True:
            hidden = [child for child in children if suppressed[child]]
            total_hidden = suppressed[total]
            count = len(hidden) + (1 if total_hidden else 0)
            if count == 1 or (not total_hidden and hidden and sum(values[c] for c in hidden) < k):
                pass
            else:
                return
            candidate = next(
                (child for child in children if not suppressed[child] and not fixed[child]), None
            )
            if candidate is None:
                if total_hidden or fixed[total]:
                    raise ValueError(
                        "cannot protect the line of "
                        f"{self.keys[total]!r} without changing a fixed cell"
                    )
                candidate = total
            self.suppress(candidate)

    # -- certificates -----------------------------------------------------------------------

    def _down(self, key: Key, position: int, member: str) -> list[str]:
        """A path from ``member`` down to a leaf, preferring suppressed then larger cells."""
        dimension = self.dimensions[position]
        path = [member]
        if not dimension.additive:
            return path
        head, tail = key[:position], key[position + 1 :]
        index, suppressed, values = self.index, self.suppressed, self.values
        kids = dimension._children[member]
        while kids:
            best: tuple[bool, int, str] | None = None
            for kid in kids:
                cell = index.get((*head, kid, *tail))
                if cell is None:
                    continue
                rank = (suppressed[cell], values[cell], kid)
                if best is None or rank > best:
                    best = rank
            if best is None:
                break
            member = best[2]
            path.append(member)
            kids = dimension._children[member]
        return path

    def _options(self, key: Key, position: int) -> list[_Option]:  # noqa: PLR0915
        """Ways for one dimension of a certificate, cheapest first (in the 1-D slice)."""
        dimension = self.dimensions[position]
        member = key[position]
        if not dimension.additive:
            return [(0, 0, 0, (member,), (), member, None)]
        head, tail = key[:position], key[position + 1 :]
        index, suppressed, fixed = self.index, self.suppressed, self.fixed
        down = self._down(key, position, member)
        up: list[str] = list(reversed(down))  # leaf ... member
        options: list[_Option] = []
        sequence = 0

        def cost(members: Sequence[str]) -> int | None:
            missing = 0
            for item in members:
                cell = index.get((*head, item, *tail))
                if cell is None or suppressed[cell]:
                    continue
                if fixed[cell]:
                    return None
                missing += 1
            return missing

        if dimension.parents[member] is None and len(down) > 1:
            # A root: the move may stay at the root, spread over everything below it.
            spread = dimension.descendants(member)
            price = cost(spread)
            if price is not None:
                options.append((price, 0, -1, spread, (), member, None))
        ancestor = member
        level = 0
        while True:
            parent = dimension.parents[ancestor]
            if parent is None:
                price = cost(up)
                if price is not None:
                    options.append((price, level, sequence, tuple(up), (), up[0], None))
                break
            base = cost(up)
            if base is not None:
                for sibling in dimension._children[parent]:
                    if sibling == ancestor:
                        continue
                    sequence += 1
                    negative = self._down(key, position, sibling)
                    price = cost(negative)
                    if price is None:
                        continue
                    options.append(
                        (
                            base + price,
                            level,
                            sequence,
                            tuple(up),
                            tuple(negative),
                            up[0],
                            negative[-1],
                        )
                    )
                    if len(negative) > 1:
                        # Or spread the decrease over all of the sibling's leaves, in proportion.
                        spread = dimension.descendants(sibling)
                        price = cost(spread)
                        if price is not None:
                            options.append(
                                (base + price, level, sequence, tuple(up), spread, up[0], sibling)
                            )
            up.append(parent)
            ancestor = parent
            level += 1
        values = self.values

        def rank(option: _Option) -> tuple[int, int, int, int]:
            # Cheapest first; among equals, the one whose shrinking cell is largest.
            shrink = option[6]
            cell = index.get((*head, shrink, *tail)) if shrink is not None else None
            room = values[cell] if cell is not None else (1 << 62 if shrink is None else 0)
            return (option[0], -room, option[1], option[2])

        options.sort(key=rank)
        return options

    def certify(self, cell: int, breadth: int) -> None:  # noqa: PLR0912, PLR0915
        """Make sure suppressed ``cell`` (below k) has a certificate; suppress one if needed."""
        key = self.keys[cell]
        need = self.k - self.values[cell]
        index, suppressed, fixed, values = self.index, self.suppressed, self.fixed, self.values
        per_dimension = []
        all_options = []
        for position in range(len(self.dimensions)):
            options = self._options(key, position)
            all_options.append(options)
            if not options:
                raise ValueError(f"cannot protect {key!r} without changing a fixed cell")
            chosen = options[:breadth]
            root = [option for option in options if option[6] is None]
            if root and root[0] not in chosen:
                chosen.append(root[0])
            per_dimension.append(chosen)
        combos = sorted(
            itertools.product(*per_dimension), key=lambda combo: sum(o[0] for o in combo)
        )
        best: tuple[int, int, list[int], tuple[_Option, ...], int | None, int | None] | None = None
        tried_after = 0
        for combo in combos:
            if best is not None:
                tried_after += 1
                if best[0] == 0 or tried_after > _AFTER_FIRST:
                    break
            # Each leaf corner moves by +t or -t: the shrinking ones bound t.
            smallest: dict[int, int | None] = {1: None, -1: None}
            for corner in itertools.product(
                *(((o[5], 1),) + (((o[6], -1),) if o[6] is not None else ()) for o in combo)
            ):
                sign = 1
                for _, part in corner:
                    sign *= part
                leaf = index.get(tuple(member for member, _ in corner))
                value = values[leaf] if leaf is not None else 0
                current = smallest[sign]
                smallest[sign] = value if current is None else min(current, value)
            shrink = smallest[-1]
            if shrink is not None and shrink < need:
                continue
            new: list[int] = []
            possible = True
            limit = best[0] if best is not None else None
            for members in itertools.product(*(o[3] + o[4] for o in combo)):
                target = index.get(members)
                if target is None or suppressed[target]:
                    continue
                if fixed[target] or (limit is not None and len(new) >= limit):
                    possible = False
                    break
                new.append(target)
            if not possible:
                continue
            price = (len(new), sum(values[c] for c in new))
            if best is None or price < best[:2]:
                best = (*price, new, combo, smallest[1], shrink)
        if best is None:
            if breadth < _WIDEST and any(len(o) > breadth for o in all_options):
                self.certify(cell, breadth=_WIDEST)  # the cheap options are blocked: try all
                return
            self._accumulate(combos, need)
            return
        for target in best[2]:
            self.suppress(target)
        # The same hypercube, one way or the other, lifts every cell it changes: mark those it
        # lifts to k as certified too.
        _, _, _, combo, grow_limit, shrink_limit = best
        signed = [[(m, 1) for m in o[3]] + [(m, -1) for m in o[4]] for o in combo]
        certified, k = self.certified, self.k
        for corner in itertools.product(*signed):
            target = index.get(tuple(member for member, _ in corner))
            if target is None or certified[target] or values[target] >= k:
                continue
            sign = 1
            for _, part in corner:
                sign *= part
            bound = shrink_limit if sign > 0 else grow_limit
            if bound is None or values[target] + bound >= k:
                certified[target] = True

    def _accumulate(self, combos: Sequence[tuple[_Option, ...]], need: int) -> None:  # noqa: PLR0912
        """Lift a cell by several leaf hypercubes together when no single one is enough.

        Each hypercube whose cells are or can be suppressed moves the cell by ``t``, bounded by
        what the shrinking leaves still hold once the earlier ones took their share (positive
        moves are not counted back, so this is conservative). Hypercubes spreading over an
        aggregate are left out (their shares of a leaf are not tracked). Stops when the moves
        add up to ``need``; when they never do, the line rules alone protect the cell, and the
        audit in the tests is what shows it safe.
        """
        index, suppressed, fixed, values = self.index, self.suppressed, self.fixed, self.values
        left: dict[int, int] = {}
        gathered = 0
        for combo in combos:
            if any(
                (o[6] is not None and o[4][-1] != o[6]) or (len(o[3]) > 1 and o[3][0] == o[5])
                for o in combo
            ):
                continue  # a spread option
            shrinking: list[int] = []
            for corner in itertools.product(
                *(((o[5], 1),) + (((o[6], -1),) if o[6] is not None else ()) for o in combo)
            ):
                sign = 1
                for _, part in corner:
                    sign *= part
                if sign < 0:
                    leaf = index.get(tuple(member for member, _ in corner))
                    if leaf is None:
                        shrinking = []
                        break
                    shrinking.append(leaf)
            else:
                if not shrinking:
                    continue
                step = min(left.get(leaf, values[leaf]) for leaf in shrinking)
                if step <= 0:
                    continue
                new = []
                for members in itertools.product(*(o[3] + o[4] for o in combo)):
                    target = index.get(members)
                    if target is None or suppressed[target]:
                        continue
                    if fixed[target]:
                        break
                    new.append(target)
                else:
                    for target in new:
                        self.suppress(target)
                    for leaf in shrinking:
                        left[leaf] = left.get(leaf, values[leaf]) - step
                    gathered += step
                    if gathered >= need:
                        return
        self.uncertified += 1

    def run(self) -> None:
        queue, queued = self.queue, self.queued
        while queue:
            line = queue.popleft()
            queued[line] = False
            self.line_repair(line)


def protect(
    cells: Mapping[Key, int],
    dimensions: Sequence[Dimension],
    *,
    k: int,
    fixed: Mapping[Key, bool] | None = None,
) -> set[Key]:
    """The cells to suppress so that no published cell, alone or combined with the others through
    the cube's sums, lets anyone infer that a suppressed cell is below ``k``.

    ``cells`` is a whole cube (``cube_build``). ``fixed`` holds cells whose status another
    published cube sharing them decided (True = suppressed there, False = published there); they
    never change, and those not in ``cells`` are ignored. Raises ValueError when a cell cannot be
    protected without changing a fixed cell. See the module docstring for the rules.
    """
    if k < 1:
        raise ValueError("k must be at least 1")
    cube = _Cube(cells, dimensions, k, fixed or {})
    for number, value in enumerate(cube.values):
        if value < k and not cube.suppressed[number]:
            if cube.fixed[number]:
                raise ValueError(f"fixed published cell {cube.keys[number]!r} is below k")
            cube.suppress(number)
    cube.enqueue_all()
    cube.run()
    # Certificates: suppressing more never invalidates one, so one pass over the cells below k
    # suffices; the line rules then run again over the lines the new suppressions touched.
    for number, value in enumerate(cube.values):
        if value < k and not cube.certified[number]:
            cube.certify(number, breadth=_BREADTH)
    cube.run()
    return {cube.keys[number] for number, hidden in enumerate(cube.suppressed) if hidden}
