"""The authorization matrix rows for the back-to-work pages outside the jobs and workplans apps
(issue #19): the employers' landing page, public in every language."""

from __future__ import annotations

from tests.authz.rowkit import Row, public
from tests.authz.world import World

ROWS: dict[str, Row] = {
    # Public: the employer toolkit, measures, services for employers, jobs and plan links.
    "finder:employers": public(),
}


def world_add(w: World) -> None:
    """Nothing to add: the page shows no object of the world."""
