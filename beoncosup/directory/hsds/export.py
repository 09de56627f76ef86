"""Export the whole directory as HSDS 3.0 JSON, one file per language."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from beoncosup.directory.hsds.serialize import service_json
from beoncosup.directory.models import Service
from beoncosup.directory.selectors import services_for_hsds

LANGUAGES = ("nl", "fr", "de", "en")
CHUNK = 1000


def export_json(directory: Path) -> dict[str, int]:
    """Write ``services.<lang>.json`` (an array of fully nested services, by id) for every
    language that has services; returns the count per language. A service appears in the
    files of the languages its name is written in, with only that language's texts."""
    directory.mkdir(parents=True, exist_ok=True)
    counts = {}
    for language in LANGUAGES:
        target = directory / f"services.{language}.json"
        count = 0
        with target.open("w", encoding="utf-8") as handle:
            handle.write("[")
            for service in services_in(language):
                handle.write(",\n" if count else "\n")
                handle.write(
                    json.dumps(
                        service_json(service, language, exact=True),
                        ensure_ascii=False,
                        sort_keys=True,
                    )
                )
                count += 1
            handle.write("\n]\n")
        if count:
            counts[language] = count
        else:
            target.unlink()
    return counts


def services_in(language: str) -> Iterator[Service]:
    """Services with a name in ``language``, in id order, a chunk of prefetched rows at a time."""
    last_id = None
    while True:
        queryset = services_for_hsds().filter(**{f"name__{language}__isnull": False})
        if last_id is not None:
            queryset = queryset.filter(id__gt=last_id)
        chunk = list(queryset[:CHUNK])
        if not chunk:
            return
        yield from (s for s in chunk if s.name.get(language))
        last_id = chunk[-1].id
