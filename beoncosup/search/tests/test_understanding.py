"""The hybrid needs matcher understands people's own words (issue #13), in four languages:
paraphrase, several needs in one sentence, compounds, no false corrections, and "not sure"."""

from __future__ import annotations

import numpy as np
import pytest
from django.test import Client, override_settings

from beoncosup.search import embeddings
from beoncosup.search.models import NeedPassage
from beoncosup.search.needs import clear_cache, understand, warm
from beoncosup.search.needs.fusion import CONFIDENT, fuse
from beoncosup.search.needs.segments import clauses
from beoncosup.search.needs.words import is_real_word, split_compound
from beoncosup.search.vocabulary import suggest
from beoncosup.taxonomy.models import Need, NeedSynonym

# Needs about going back to work: a sentence about it may fit more than one.
BACK_TO_WORK = {"WORK-GRADUAL-RETURN", "WORK-RTW-GUIDANCE", "WORK-REINTEGRATION"}


def confident(text: str, language: str) -> list[str]:
    return [m.code for m in understand(text, language).confident]


# ---------------------------------------------------------------- the examples


@pytest.mark.django_db
def test_being_afraid_is_anxiety_not_pain(taxonomy):
    found = understand("ik ben bang", "nl")

    assert found.results[0].code != "MED-PAIN"
    assert found.results[0].code in {"PSY-ANXIETY", "PSY-FEAR-RECURRENCE"}


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("geldzorgen", "nl", "SOC-INCOME-LOSS"),
        ("mijn baas", "nl", "WORK-TALK-EMPLOYER"),
        ("Geldsorgen", "de", "SOC-INCOME-LOSS"),
        ("chemobrein", "nl", "MED-MEMORY"),
    ],
)
def test_everyday_and_belgian_words_are_understood(taxonomy, text, language, expected):
    assert expected in confident(text, language)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("alles smaakt naar karton en mijn broeken zakken af", "nl", "MED-APPETITE-WEIGHT"),
        (
            "everything tastes like cardboard and my trousers are falling off",
            "en",
            "MED-APPETITE-WEIGHT",
        ),
        ("ça me fout les jetons que le cancer revienne", "fr", "PSY-FEAR-RECURRENCE"),
        ("la mutuelle ne rembourse pas la perruque", "fr", "MED-AIDS-PROSTHESES"),
        ("Haarausfall nach der Chemo", "de", "MED-SKIN-HAIR"),
    ],
)
def test_paraphrase_finds_the_need_first(taxonomy, text, language, expected):
    found = understand(text, language)

    assert found.understood
    assert found.results[0].code == expected


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["nl", "en"])
def test_not_sleeping_before_every_scan_is_among_the_top_three(taxonomy, language):
    text = {
        "nl": "de week voor elke scan slaap ik niet",
        "en": "the week before every scan I cannot sleep",
    }[language]
    top = [m.code for m in understand(text, language, limit=3).results[:3]]

    assert {"PSY-FEAR-RECURRENCE", "MED-SLEEP"} & set(top)


# ---------------------------------------------------------------- several needs at once


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "language", "first"),
    [
        ("altijd moe, bang om terug te gaan werken", "nl", "MED-FATIGUE"),
        ("fatigue et peur de reprendre le travail", "fr", "MED-FATIGUE"),
        ("immer müde und Angst vor der Rückkehr zur Arbeit", "de", "MED-FATIGUE"),
    ],
)
def test_several_needs_in_one_sentence_are_each_understood(taxonomy, text, language, first):
    found = understand(text, language)

    assert found.understood
    assert len(found.segments) == 2
    codes = confident(text, language)
    assert codes[0] == first  # in the order the person named them
    assert BACK_TO_WORK & set(codes)


@pytest.mark.django_db
def test_tired_and_worried_about_money_gives_both(taxonomy):
    codes = confident("tired all the time and worried about money", "en")

    assert {"MED-FATIGUE", "SOC-INCOME-LOSS"} <= set(codes)


@pytest.mark.unit
@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("moe, en bang om terug te gaan werken", "nl", ["moe", "bang om terug te gaan werken"]),
        ("fatigue et peur", "fr", ["fatigue", "peur"]),
        ("Schmerzen; Geldsorgen und Angst", "de", ["Schmerzen", "Geldsorgen", "Angst"]),
        ("bang om terug te gaan werken", "nl", ["bang om terug te gaan werken"]),
        ("en en en", "nl", ["en en en"]),  # nothing meaningful: the text stays one piece
    ],
)
def test_clauses_split_on_punctuation_and_joining_words(text, language, expected):
    assert clauses(text, language) == expected


# ---------------------------------------------------------------- compounds and typos


@pytest.mark.unit
@pytest.mark.parametrize(
    ("word", "language", "parts"),
    [
        ("geldzorgen", "nl", ["geld", "zorgen"]),
        ("Rückkehrangst", "de", ["ruckkehr", "angst"]),
        ("werkhervatting", "nl", ["werk", "hervatting"]),
        ("zakken", "nl", None),  # too short to be a compound
        ("fatigue", "fr", None),  # French has no such compounds
    ],
)
def test_dutch_and_german_compounds_split_into_real_words(word, language, parts):
    assert split_compound(word, language) == parts


@pytest.mark.django_db
def test_a_compound_unknown_to_the_taxonomy_is_matched_through_its_parts(taxonomy):
    assert "PSY-FEAR-RECURRENCE" in [m.code for m in understand("Rückfallsangst", "de").results[:3]]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("bang om terug te gaan werken", "nl"),
        ("terug gaan werken", "nl"),
        ("peur de reprendre le travail", "fr"),
        ("Angst vor der Rückkehr", "de"),
        ("scared to go back to work", "en"),
        ("bang om terug te gaan werken", "en"),  # Dutch words on the English page: no typos
    ],
)
def test_real_words_are_never_corrected(taxonomy, text, language):
    assert suggest(text, language) is None


@pytest.mark.django_db
def test_a_real_typo_is_still_corrected(taxonomy):
    assert suggest("vermoeidhied", "nl") == "vermoeidheid"
    assert "MED-FATIGUE" in confident("vermoeidhied", "nl")


@pytest.mark.unit
def test_real_words_of_any_of_the_four_languages_count():
    assert is_real_word("gaan", "nl")
    assert is_real_word("werken", "en")  # a Dutch word typed on the English page
    assert not is_real_word("vermoeidhied", "nl")


# ---------------------------------------------------------------- not sure


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("weer morgen in Gent", "nl"),
        ("recette de gaufres", "fr"),
        ("Wetter morgen Eupen", "de"),
        ("waffle recipe", "en"),
    ],
)
def test_off_topic_text_is_not_understood_and_gets_three_suggestions(taxonomy, text, language):
    found = understand(text, language)

    assert not found.understood
    assert len(found.results) == 3
    assert not any(m.confident for m in found.results)
    assert all(m.score < CONFIDENT for m in found.results)


@pytest.mark.django_db
def test_api_says_when_it_is_not_sure(taxonomy, client: Client):
    response = client.get("/api/v1/needs/match", {"q": "waffle recipe", "lang": "en"})

    body = response.json()
    assert response.status_code == 200
    assert body["understood"] is False
    assert len(body["results"]) == 3
    assert {result["confident"] for result in body["results"]} == {False}


@pytest.mark.django_db
def test_api_returns_every_segment_with_its_needs(taxonomy, client: Client):
    response = client.get(
        "/api/v1/needs/match", {"q": "altijd moe, bang om terug te gaan werken", "lang": "nl"}
    )

    body = response.json()
    assert [segment["text"] for segment in body["segments"]] == [
        "altijd moe",
        "bang om terug te gaan werken",
    ]
    assert "MED-FATIGUE" in body["segments"][0]["codes"]
    assert BACK_TO_WORK & set(body["segments"][1]["codes"])
    assert body["results"][0]["code"] == "MED-FATIGUE"
    assert body["results"][0]["confident"] is True


# ---------------------------------------------------------------- scores and vectors


@pytest.mark.unit
def test_fused_scores_are_probabilities_and_grow_with_the_evidence():
    semantic = {"A": 0.90, "B": 0.85, "C": 0.84, "D": 0.80}
    weak = fuse(semantic, {})
    strong = fuse(semantic, {"A": 1.0})

    assert all(0.0 <= value <= 1.0 for value in (*weak.values(), *strong.values()))
    assert strong["A"] > weak["A"]
    assert weak["A"] > weak["D"]


@pytest.mark.django_db
def test_passages_are_stored_for_every_label_and_synonym(taxonomy):
    need = Need.objects.get(code="MED-FATIGUE")
    passages = NeedPassage.objects.filter(code="MED-FATIGUE", model=embeddings.model_name())
    synonyms = NeedSynonym.objects.filter(need=need).count()

    assert passages.filter(source=NeedPassage.LABEL).count() == 4  # one per language
    assert passages.filter(source=NeedPassage.SYNONYM).count() == synonyms
    first = passages.first()
    assert first is not None
    vector = np.frombuffer(bytes(first.vector), dtype="<f4")
    assert vector.shape == (384,)
    assert abs(float(np.linalg.norm(vector)) - 1.0) < 1e-3


@pytest.mark.django_db
def test_an_edited_synonym_is_embedded_and_understood_at_once(taxonomy):
    need = Need.objects.get(code="SOC-TRANSPORT")
    before = set(NeedPassage.objects.filter(code="SOC-TRANSPORT").values_list("pk", flat=True))

    synonym = NeedSynonym.objects.create(
        need=need, language="nl", text="belbus naar het ziekenhuis"
    )
    after = NeedPassage.objects.filter(code="SOC-TRANSPORT")

    assert after.filter(text="belbus naar het ziekenhuis").exists()
    assert before <= set(after.values_list("pk", flat=True))  # unchanged texts keep vectors
    synonym.delete()
    assert not NeedPassage.objects.filter(text="belbus naar het ziekenhuis").exists()


@pytest.mark.django_db
def test_a_deleted_need_loses_its_passages(taxonomy):
    Need.objects.filter(code="MED-SMOKING").delete()

    assert not NeedPassage.objects.filter(code="MED-SMOKING").exists()
    clear_cache()
    assert "MED-SMOKING" not in [m.code for m in understand("stoppen met roken", "nl").results]
    clear_cache()


@pytest.mark.django_db
def test_warm_loads_the_model_and_every_passage(taxonomy):
    clear_cache()
    loaded = warm()

    assert loaded["passages"] == NeedPassage.objects.filter(model=embeddings.model_name()).count()


@pytest.mark.django_db
def test_with_embeddings_off_the_lexical_matcher_answers_alone(taxonomy):
    with override_settings(BEONCOSUP_EMBEDDINGS="off"):
        embeddings.embedder.cache_clear()
        clear_cache()
        try:
            assert not embeddings.enabled()
            assert "MED-FATIGUE" in confident("ik ben altijd moe", "nl")
            assert not understand("recette de gaufres", "fr").understood
        finally:
            embeddings.embedder.cache_clear()
            clear_cache()


@pytest.mark.unit
def test_passage_vectors_are_reused_from_the_data_folder_by_the_next_process(tmp_path, monkeypatch):
    texts = [f"passage number {i}" for i in range(embeddings.DISK_MINIMUM)]
    monkeypatch.setattr(embeddings, "_passages", {})
    monkeypatch.setattr(embeddings, "_disk_read", set())
    with override_settings(DATA_DIR=tmp_path):
        first = embeddings.embed_passages(texts)
        assert list((tmp_path / "cache").glob("passages-*.npz"))

        # A new process: nothing in memory, and the model must not be asked again.
        monkeypatch.setattr(embeddings, "_passages", {})
        monkeypatch.setattr(embeddings, "_disk_read", set())
        model = embeddings.embedder()
        assert model is not None

        def refuse(texts):
            raise AssertionError(f"embedded again: {texts[:1]}")

        monkeypatch.setattr(model, "embed_passages", refuse)
        again = embeddings.embed_passages(texts)

    assert np.array_equal(first, again)
