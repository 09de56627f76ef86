"""The search index: kept in step with edits and imports, the same matches on SQLite and
PostgreSQL (CI runs this module on both), stemming, accents, synonyms and "did you mean"."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.core.management import call_command

from beoncosup.directory.hsds.importer import hsds_import
from beoncosup.directory.models import Organization, Service, ServiceLanguage
from beoncosup.directory.tests.factories import make_geo, make_needs, service_record
from beoncosup.search import selectors
from beoncosup.search.models import MatchNeed, MatchProfile, SearchDocument
from beoncosup.search.needs import clear_cache
from beoncosup.search.selectors import search_scores, text_query
from beoncosup.search.vocabulary import clear_vocabulary, suggest
from beoncosup.taxonomy.models import Need, NeedSynonym

pytestmark = pytest.mark.django_db


def service(name: dict[str, str], description: dict[str, str] | None = None) -> Service:
    organization = Organization.objects.create(name={"nl": "Vzw Test", "fr": "Asbl Test"})
    created: Service = Service.objects.create(
        organization=organization, name=name, description=description or {}
    )
    return created


def found(text: str, language: str) -> set[str]:
    return set(search_scores("service", text_query(text, language)))


def test_the_needs_a_service_addresses_follow_edits_from_either_side():
    make_needs()
    created = service({"nl": "Praatgroep"})
    pain, fatigue = Need.objects.get(code="MED-PAIN"), Need.objects.get(code="MED-FATIGUE")

    def codes() -> set[str]:
        return set(
            MatchNeed.objects.filter(profile__object_id=str(created.pk)).values_list(
                "code", flat=True
            )
        )

    created.needs.set([pain])  # the admin's form saves the links this way
    assert codes() == {"MED-PAIN"}
    fatigue.services.add(created)  # from the need's side
    assert codes() == {"MED-PAIN", "MED-FATIGUE"}
    created.needs.remove(pain)
    assert codes() == {"MED-FATIGUE"}
    created.needs.clear()
    assert codes() == set()


def test_a_saved_service_is_indexed_per_language_and_follows_edits():
    created = service({"nl": "Praatgroep", "fr": "Groupe de parole"})

    scopes = set(
        SearchDocument.objects.filter(object_id=str(created.pk)).values_list("scope", flat=True)
    )
    assert scopes == {"servicenl", "servicefr"}
    assert found("praatgroepen", "nl") == {str(created.pk)}

    created.name = {"nl": "Lotgenotencontact"}
    created.save()
    assert found("praatgroep", "nl") == set()
    assert found("lotgenoten contact", "nl") | found("lotgenotencontact", "nl") == {str(created.pk)}

    ServiceLanguage.objects.create(service=created, code="fr")
    assert MatchProfile.objects.get(kind="service", object_id=str(created.pk)).languages == "|fr|"

    pk = str(created.pk)
    created.delete()
    assert not SearchDocument.objects.filter(object_id=pk).exists()
    assert not MatchProfile.objects.filter(kind="service", object_id=pk).exists()


@pytest.mark.parametrize(
    ("indexed", "typed", "language"),
    [
        ({"nl": "Begeleiding bij vermoeidheid"}, "vermoeid", "nl"),  # stemming
        ({"fr": "Soutien pendant la chimiothérapie"}, "chimiotherapie", "fr"),  # accents
        ({"de": "Beratung für Perücken"}, "Perücke", "de"),  # plural, umlaut
        ({"en": "Returning to work"}, "return to working", "en"),
    ],
)
def test_stemming_and_accents_per_language(indexed, typed, language):
    created = service(indexed)

    assert found(typed, language) == {str(created.pk)}
    # Each language has its own scope: the same words in another language find nothing.
    other = "fr" if language != "fr" else "nl"
    assert found(typed, other) == set()


def test_taxonomy_synonyms_expand_the_query():
    make_needs()
    need = Need.objects.get(code="MED-FATIGUE")
    need.label_nl = "Vermoeidheid"
    need.save()
    NeedSynonym.objects.create(need=need, language="nl", text="moe")
    clear_cache()
    created = service({"nl": "Programma tegen vermoeidheid"})

    query = text_query("ik ben altijd moe", "nl")

    assert query.terms == ("moe",)
    assert "vermoeid" in query.expanded
    assert found("ik ben altijd moe", "nl") == {str(created.pk)}


def test_title_words_weigh_more_than_description_words():
    in_title = service({"nl": "Voedingsadvies"}, {"nl": "Een dienst"})
    in_body = service({"nl": "Een dienst"}, {"nl": "Wij geven ook voedingsadvies"})

    scores = search_scores("service", text_query("voedingsadvies", "nl"))

    assert scores[str(in_title.pk)] == 1.0
    assert scores[str(in_body.pk)] < 1.0


def test_did_you_mean_corrects_unknown_words_only():
    make_needs()
    need = Need.objects.get(code="MED-FATIGUE")
    need.label_nl, need.label_de = "Vermoeidheid", "Müdigkeit"
    need.save()
    NeedSynonym.objects.create(need=need, language="de", text="Perücke")
    service({"nl": "Psycholoog aan huis"})
    clear_vocabulary()

    assert suggest("vermoeidhied", "nl") == "vermoeidheid"
    assert suggest("ik ben altijd psycholoog", "nl") is None  # stop words are not typos
    assert suggest("Perüke", "de") == "perücke"  # accents kept, as people write it
    assert suggest("xqzwv", "nl") is None


def test_import_indexes_the_services_it_writes(tmp_path: Path):
    make_geo()
    make_needs()
    path = tmp_path / "nl.json"
    path.write_text(json.dumps([service_record("import")]), encoding="utf-8")

    hsds_import(sources=[(path, "nl")])

    imported = Service.objects.get()
    assert SearchDocument.objects.filter(object_id=str(imported.pk), scope="servicenl").exists()
    profile = MatchProfile.objects.get(kind="service", object_id=str(imported.pk))
    assert profile.areas == "|BE-VLG|"
    assert profile.points and profile.min_lat is not None


def test_rebuild_command_restores_a_lost_index(capsys):
    make_needs()
    created = service({"nl": "Praatgroep"})
    SearchDocument.objects.all().delete()
    MatchProfile.objects.all().delete()

    call_command("rebuild_search_index")

    assert found("praatgroep", "nl") == {str(created.pk)}
    assert MatchProfile.objects.filter(kind="service", object_id=str(created.pk)).exists()
    assert SearchDocument.objects.filter(kind="need").count() == 4 * 4
    assert "16 need documents and 1 services" in capsys.readouterr().out


def test_terms_in_a_large_share_of_documents_are_not_searched(monkeypatch):
    monkeypatch.setattr(selectors, "COMMON_MIN_DOCUMENTS", 3)
    monkeypatch.setattr(selectors, "COMMON_SHARE", 0.5)
    selectors.clear_term_stats()
    wig = service({"nl": "Pruiken bij kanker"})
    for number in range(4):
        service({"nl": f"Steun bij kanker {number}"})

    assert selectors.informative_terms("servicenl", ("kanker", "pruik")) == ("pruik",)
    assert found("kanker pruik", "nl") == {str(wig.pk)}
    assert found("kanker", "nl") == set()  # every term common: the needs decide, not the text
    selectors.clear_term_stats()
