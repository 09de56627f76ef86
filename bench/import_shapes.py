"""Lean HSDS files of one shape each, for the import memory benchmark (issue #10).

    .venv/bin/python bench/import_shapes.py --shape page --services 100000 --out var/bench/page

Every service has one location with one address, one phone, one language and two need
attributes (about 2.8 kB of JSON each, so 100,000 services make a file of about 280 MB), the
shape the import was found to peak at 2.0 GB with. Shapes:

- ``array``: ``services.json``, a top-level array on one line per service;
- ``page``: ``services.json``, an HSDS page object with the services in ``contents`` (the
  envelope's other keys before and after it), written on a single line;
- ``export``: an export folder, ``services.nl.json`` and ``services.fr.json`` with the same
  services in id order (the second language adds translations).

Written a service at a time, so generating never holds the file in memory. Deterministic.
"""

from __future__ import annotations

import argparse
import json
import random
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

SHAPES = ("array", "page", "export")
# Postcodes and need codes that load_geo and load_taxonomy create.
POSTCODES = [("1000", "Brussel"), ("2000", "Antwerpen"), ("9000", "Gent"), ("4000", "Liège")]
NEEDS = ["MED-PAIN", "MED-FATIGUE", "MED-SLEEP", "PSY-ANXIETY", "PSY-FEAR-RECURRENCE", "PSY-COPING"]
FILLER = {
    "nl": "Begeleiding bij vermoeidheid, pijn en angst tijdens en na de behandeling. ",
    "fr": "Accompagnement de la fatigue, de la douleur et de l'angoisse pendant le traitement. ",
}


def _uid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _need(service_id: str, code: str) -> dict[str, Any]:
    term_id = str(uuid.uuid5(uuid.NAMESPACE_URL, f"urn:beoncosup:beoncosup-needs:{code}"))
    return {
        "id": str(uuid.uuid5(uuid.UUID(service_id), f"beoncosup-needs:{code}")),
        "link_id": service_id,
        "link_type": "service",
        "taxonomy_term_id": term_id,
        "taxonomy_term": {
            "id": term_id,
            "code": code,
            "name": code,
            "description": code,
            "taxonomy": "beoncosup-needs",
        },
    }


def services(count: int, seed: int, languages: tuple[str, ...]) -> Iterator[list[dict[str, Any]]]:
    """Per service (in increasing id order, as exports list them) its object in each language."""
    rng = random.Random(seed)  # noqa: S311 - synthetic data, not security
    ids = sorted((_uid(rng) for _ in range(count)), key=lambda text: uuid.UUID(text).int)
    for number, sid in enumerate(ids):
        org, loc = _uid(rng), _uid(rng)
        postcode, city = POSTCODES[number % len(POSTCODES)]
        needs = rng.sample(NEEDS, 2)
        base: dict[str, Any] = {
            "id": sid,
            "organization_id": org,
            "status": "active",
            "url": f"https://example.org/{sid[:8]}",
            "email": "info@example.org",
            "last_modified": "2026-11-20T10:00:00.000Z",
            "phones": [{"id": _uid(rng), "service_id": sid, "number": "+32 2 555 00 00"}],
            "languages": [{"id": _uid(rng), "service_id": sid, "code": "nl"}],
            "service_at_locations": [
                {
                    "id": _uid(rng),
                    "service_id": sid,
                    "location_id": loc,
                    "location": {
                        "id": loc,
                        "location_type": "physical",
                        "latitude": 50.85,
                        "longitude": 4.35,
                        "addresses": [
                            {
                                "id": _uid(rng),
                                "location_id": loc,
                                "address_1": f"Kerkstraat {number % 200 + 1}",
                                "city": city,
                                "state_province": "-",
                                "postal_code": postcode,
                                "country": "BE",
                                "address_type": "physical",
                            }
                        ],
                    },
                }
            ],
            "attributes": [_need(sid, code) for code in needs],
        }
        yield [_texts(base, language, number) for language in languages]


def _texts(base: dict[str, Any], language: str, number: int) -> dict[str, Any]:
    filler = FILLER[language]
    return {
        **base,
        "name": f"Dienst {number} ({language})",
        "description": filler * 7,
        "application_process": filler * 3,
        "organization": {
            "id": base["organization_id"],
            "name": f"Organisatie {number} ({language})",
            "description": filler * 3,
            "website": "https://example.org",
        },
    }


def write(out: Path, shape: str, count: int, seed: int = 2026) -> list[Path]:
    """Write ``count`` services in ``shape`` under ``out``; returns what to import."""
    out.mkdir(parents=True, exist_ok=True)
    if shape == "export":
        paths = [out / "services.nl.json", out / "services.fr.json"]
        handles = [p.open("w", encoding="utf-8") for p in paths]
        for handle in handles:
            handle.write("[")
        for number, versions in enumerate(services(count, seed, ("nl", "fr"))):
            for handle, service in zip(handles, versions, strict=True):
                _item(handle, number, service)
        for handle in handles:
            handle.write("\n]\n")
            handle.close()
        return [out]
    path = out / "services.json"
    with path.open("w", encoding="utf-8") as handle:
        if shape == "page":
            handle.write(f'{{"total_items": {count}, "page_number": 1, "contents": [')
        else:
            handle.write("[")
        for number, (service,) in enumerate(services(count, seed, ("nl",))):
            _item(handle, number, service, newline=shape == "array")
        handle.write('], "total_pages": 1, "empty": false}' if shape == "page" else "\n]\n")
    return [path]


def _item(handle: IO[str], number: int, service: dict[str, Any], *, newline: bool = True) -> None:
    separator = ",\n" if newline else ","
    handle.write((separator if number else "\n" if newline else "") + json.dumps(service))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shape", choices=SHAPES, required=True)
    parser.add_argument("--services", type=int, default=100_000)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    paths = write(args.out, args.shape, args.services, args.seed)
    files = [f for p in paths for f in (sorted(p.glob("*.json")) if p.is_dir() else [p])]
    sizes = {f.name: f.stat().st_size for f in files}
    print(f"{args.services} services as {args.shape}: {sizes}")  # noqa: T201


if __name__ == "__main__":
    main()
