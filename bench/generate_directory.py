"""Generate a synthetic HSDS 3.0 directory for benchmarks (not demo data: never loaded by the
site). Realistic shape and text in four languages, real Belgian postcodes and need codes.

    .venv/bin/python bench/generate_directory.py --services 100000 --out var/bench/100k

writes OUT/services.<lang>.json (the layout export_hsds writes and import_hsds reads). Every
service has Dutch or French text; national ones all four languages. Deterministic (--seed).
"""

from __future__ import annotations

import argparse
import json
import random
import uuid
from pathlib import Path
from typing import Any

import yaml
from countrystatecity_postal_codes import get_postcodes_of_country

ROOT = Path(__file__).resolve().parents[1]
TAXONOMY = ROOT / "beoncosup" / "taxonomy" / "data" / "needs-taxonomy.yaml"
LANGUAGES = ("nl", "fr", "de", "en")
WORDS = {
    "nl": "steun begeleiding kanker vermoeidheid werk terugkeer gezin kinderen angst pijn voeding "
    "beweging revalidatie thuiszorg praatgroep psycholoog maatschappelijk werk geld rechten",
    "fr": "soutien accompagnement cancer fatigue travail retour famille enfants peur douleur "
    "nutrition activité revalidation soins domicile groupe psychologue social argent droits",
    "de": "Unterstützung Begleitung Krebs Müdigkeit Arbeit Rückkehr Familie Kinder Angst Schmerz "
    "Ernährung Bewegung Rehabilitation Pflege Gruppe Psychologe Sozialarbeit Geld Rechte",
    "en": "support guidance cancer fatigue work return family children fear pain nutrition "
    "exercise rehabilitation homecare group psychologist social money rights",
}
KINDS = {"nl": "Dienst", "fr": "Service", "de": "Dienst", "en": "Service"}
CODES = {
    "beoncosup-audience": ["patient", "relative", "child", "professional"],
    "beoncosup-employment-status": [
        "employee",
        "civil_servant",
        "self_employed",
        "self_employed_secondary",
        "job_seeker",
        "student",
        "other",
    ],
    "beoncosup-phase": ["diagnosis", "treatment", "after_treatment", "palliative"],
    "beoncosup-delivery": ["in_person", "home_visit", "phone", "online", "group"],
    "beoncosup-access": ["self_referral", "gp_referral", "hospital_referral", "mutuality"],
    "beoncosup-cost": ["free", "reimbursed", "partly_reimbursed", "paid"],
}


class Generator:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)  # noqa: S311 - synthetic data, not security
        taxonomy = yaml.safe_load(TAXONOMY.read_text(encoding="utf-8"))
        self.needs = [need["code"] for need in taxonomy["needs"]]
        self.places = [
            (p.code, float(p.latitude), float(p.longitude), p.localityName or p.code)
            for p in get_postcodes_of_country("BE")
            if p.latitude is not None and p.longitude is not None
        ]

    def uid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def sentence(self, language: str, words: int) -> str:
        chosen = self.rng.choices(WORDS[language].split(), k=words)
        return (" ".join(chosen) + ".").capitalize()

    def term(self, taxonomy: str, code: str, owner: str) -> dict[str, Any]:
        term_id = str(uuid.uuid5(uuid.NAMESPACE_URL, f"urn:beoncosup:{taxonomy}:{code}"))
        return {
            "id": str(uuid.uuid5(uuid.UUID(owner), f"{taxonomy}:{code}")),
            "taxonomy_term_id": term_id,
            "taxonomy_term": {
                "id": term_id,
                "code": code,
                "name": code,
                "description": code,
                "taxonomy": taxonomy,
            },
        }

    def service(
        self, number: int | None, only: str | None = None
    ) -> tuple[dict[str, Any], tuple[str, ...]]:
        """One service's language-independent skeleton and the languages it has text in.
        With ``number``, the service id starts with it, so services come in id order as
        export_hsds writes them."""
        rng = self.rng
        languages: tuple[str, ...] = rng.choice(
            [("nl",), ("fr",), ("nl", "fr"), ("fr", "de"), LANGUAGES]
        )
        if only:
            languages = (only,)
        sid, org, loc = self.uid(), self.uid(), self.uid()
        if number is not None:
            sid = str(uuid.UUID(int=(number << 96) | rng.getrandbits(96), version=4))
        code, lat, lon, locality = rng.choice(self.places)
        attributes = [self.term("beoncosup-needs", c, sid) for c in rng.sample(self.needs, 3)]
        for taxonomy, codes in CODES.items():
            if taxonomy == "beoncosup-employment-status" and rng.random() < 0.7:
                continue
            count = 1 if taxonomy == "beoncosup-cost" else rng.randint(1, 2)
            attributes += [self.term(taxonomy, c, sid) for c in rng.sample(codes, count)]
        skeleton = {
            "id": sid,
            "organization_id": org,
            "status": "active",
            "url": f"https://example.org/{sid[:8]}",
            "email": "info@example.org",
            "assured_date": f"2026-{rng.randint(1, 11):02d}-{rng.randint(1, 28):02d}",
            "last_modified": "2026-11-20T10:00:00.000Z",
            "organization": {"id": org, "website": "https://example.org"},
            "phones": [{"id": self.uid(), "number": f"+32 2 555 {rng.randint(10, 99)} 00"}],
            "schedules": [
                {
                    "id": self.uid(),
                    "freq": "WEEKLY",
                    "byday": "MO,TU,WE,TH,FR",
                    "opens_at": "09:00",
                    "closes_at": "17:00",
                }
            ],
            "service_areas": [{"id": self.uid(), "uri": "urn:beoncosup:area:BE"}]
            if len(languages) == 4
            else [],
            "languages": [{"id": self.uid(), "code": lang} for lang in languages],
            "service_at_locations": [
                {
                    "id": self.uid(),
                    "service_id": sid,
                    "location_id": loc,
                    "location": {
                        "id": loc,
                        "location_type": "physical",
                        "latitude": round(lat + rng.uniform(-0.01, 0.01), 6),
                        "longitude": round(lon + rng.uniform(-0.01, 0.01), 6),
                        "addresses": [
                            {
                                "id": self.uid(),
                                "location_id": loc,
                                "postal_code": code,
                                "country": "BE",
                                "address_type": "physical",
                                "city": locality,
                                "state_province": "-",
                            }
                        ],
                    },
                }
            ],
            "attributes": attributes,
        }
        return skeleton, languages

    def texts(self, skeleton: dict[str, Any], language: str) -> dict[str, Any]:
        service: dict[str, Any] = json.loads(json.dumps(skeleton))
        service["name"] = f"{KINDS[language]} {self.sentence(language, 3)}"
        service["description"] = " ".join(self.sentence(language, 12) for _ in range(3))
        service["application_process"] = self.sentence(language, 10)
        service["organization"]["name"] = self.sentence(language, 3)
        service["organization"]["description"] = self.sentence(language, 15)
        address = service["service_at_locations"][0]["location"]["addresses"][0]
        address["address_1"] = f"{self.sentence(language, 1)[:-1]} {self.rng.randint(1, 200)}"
        service["service_at_locations"][0]["location"]["name"] = self.sentence(language, 2)
        return service


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--services", type=int, default=10_000)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument(
        "--language", choices=LANGUAGES, help="every service in this one language only"
    )
    parser.add_argument(
        "--shuffled", action="store_true", help="services in random id order (not as exported)"
    )
    args = parser.parse_args()
    generator = Generator(args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    handles = {
        lang: (args.out / f"services.{lang}.json").open("w", encoding="utf-8") for lang in LANGUAGES
    }
    counts = dict.fromkeys(LANGUAGES, 0)
    for handle in handles.values():
        handle.write("[")
    for number in range(args.services):
        skeleton, languages = generator.service(None if args.shuffled else number, args.language)
        for language in languages:
            handle = handles[language]
            handle.write(",\n" if counts[language] else "\n")
            handle.write(json.dumps(generator.texts(skeleton, language), ensure_ascii=False))
            counts[language] += 1
    for language, handle in handles.items():
        handle.write("\n]\n")
        handle.close()
        if not counts[language]:
            (args.out / f"services.{language}.json").unlink()
    print(f"{args.services} services written to {args.out}: {counts}")  # noqa: T201


if __name__ == "__main__":
    main()
