"""A fake second catalogue kind ("course"), kept in memory, registered the way training,
network, research and jobs apps will register theirs (situation.catalogues)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from beoncosup.situation.catalogues import Entry, catalogue_announce

GENT = (51.05, 3.72)
LIEGE = (50.63, 5.57)


class Courses:
    """A fake catalogue: rows in memory, as a courses app would keep them in its tables."""

    def __init__(self) -> None:
        self.rows: dict[str, Entry] = {}

    def entries(self, ids: Sequence[str] | None) -> Iterator[list[Entry]]:
        wanted = list(self.rows) if ids is None else [i for i in ids if i in self.rows]
        yield [self.rows[i] for i in wanted]

    def save(self, entry: Entry) -> None:
        self.rows[entry.object_id] = entry
        catalogue_announce(kind="course", ids=[entry.object_id])

    def delete(self, object_id: str) -> None:
        del self.rows[object_id]
        catalogue_announce(kind="course", ids=[object_id], deleted=True)


def course(object_id: str, **facts: Any) -> Entry:
    defaults: dict[str, Any] = {
        "needs": ("MED-FATIGUE",),
        "points": (GENT,),
        "languages": ("nl",),
        "delivery": ("group",),
        "texts": {"nl": (f"Cursus {object_id}", "Bewegen bij vermoeidheid")},
    }
    return Entry(object_id=object_id, **{**defaults, **facts})
