"""Statistical disclosure control for published count tables (pure Python, no Django).

A *cube* holds a count for every combination of members of its dimensions, leaves and
aggregates alike (``cube_build``). Along an *additive* dimension every non-leaf member is the sum
of its children, so a *line* - an aggregate cell with its children along one additive dimension,
the other members fixed - is one linear equation that anyone holding the published table can use.

``protect`` chooses the cells to suppress:

1. Primary: every cell below ``k`` (0 included: the public contract is "every count >= k or null").
2. Complementary, greedy and deterministic, over a work queue of dirty lines until stable:

   - a line must not have exactly one suppressed cell (its total included);
   - if a line's total is published and some of its children are suppressed, those children must
     sum to at least ``k`` (otherwise each one's upper bound, total minus published children,
     would be below ``k``);
   - a line is repaired by suppressing its smallest unsuppressed, non-fixed child (ties by key),
     or its total only when no child can be taken.

3. Audit and strengthen: the line rules look at one equation at a time, and the equations of a
   cube interact (a suppressed cell may be a "bridge" between two otherwise closed patterns and be
   exactly recoverable; random cubes fail the audit below with the line rules alone). So every
   suppressed cell below ``k`` must then hold a *certificate*: a hypercube move of the leaves that
   raises it to ``k`` or more while leaving every published cell unchanged and every leaf
   non-negative. Per dimension the move pairs the cell's member, or one of its ancestors, with a
   sibling (signs + and -, so their common parent does not change), or, when the member is a
   root, stays at it; it moves one leaf under each chosen member (or spreads over all the leaves
   of a sibling, or of the root, in proportion to their counts), with the sign of the product.
   The cells that change are the products of the chosen paths, and each must be suppressed; the
   cell grows by as much as the smallest shrinking corner holds. A cell without a certificate
   gets the cheapest one (fewest, then smallest, new suppressions: the 3 cheapest options per
   dimension first, all of them when fixed cells block those); when no single hypercube is big
   enough, several leaf hypercubes are added up (``_accumulate``). A certificate found for one
   cell also certifies the other cells of the hypercube it lifts to ``k``. Suppressing more
   never invalidates a certificate, so one pass suffices; the line queue then runs again.

The guarantee: for every suppressed cell whose true value is below ``k``, some assignment of
non-negative leaf counts reproduces every published cell exactly and gives that cell a value of at
least ``k``, so no combination of the published cells (through all the cube's sums) shows it to be
below ``k``. A certificate is such an assignment, so the guarantee holds by construction for every
certified cell; in a cube protected with ``fixed`` cells from another one, a few cells may find no
certificate within the search (they count in ``_Cube.uncertified``) and rest on the line rules.
``beoncosup/insights/tests/test_disclosure.py`` proves the guarantee by linear programming
(maximising each such cell subject to every published cell) on 125 random cubes of five shapes,
and on linked cubes attacked together as one system, including those uncertified cells.
"""

from beoncosup.insights.disclosure.cube import Dimension, Key, cube_build, published, round_public
from beoncosup.insights.disclosure.protection import protect

__all__ = ["Dimension", "Key", "cube_build", "protect", "published", "round_public"]
