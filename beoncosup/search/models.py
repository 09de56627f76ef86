"""The search index: one row per object (need or service) and language, holding text that is
already folded and stemmed in Python (search.text), so SQLite and PostgreSQL match the same
words. The full-text structures over it are created by migration 0002: an FTS5 table kept in
step by triggers on SQLite, a generated tsvector column with a GIN index on PostgreSQL.

MatchProfile is the matcher's first pass: one row per entry of a registered catalogue
(situation.catalogues) with the facts eligibility depends on, and MatchNeed the needs it
addresses.
"""

from __future__ import annotations

from django.db import models


class SearchDocument(models.Model):
    # "need", or a registered catalogue's kind ("service", …)
    kind = models.CharField(max_length=10)
    object_id = models.CharField(max_length=64)  # the need code or the entry's object id
    language = models.CharField(max_length=2)
    # kind and language as one FTS token ("servicenl"), so a query stays within one scope.
    scope = models.CharField(max_length=12)
    title = models.TextField()  # as shown, for "did you mean" and debugging
    title_terms = models.TextField()  # folded stems of the title (weighs more)
    body = models.TextField()  # folded stems of the rest

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "object_id", "language"], name="search_document_unique"
            )
        ]
        indexes = [models.Index(fields=["object_id"])]

    def __str__(self) -> str:
        return f"{self.scope}:{self.object_id}"


class MatchProfile(models.Model):
    """One row per catalogue entry (kind, object id) with the facts eligibility depends on,
    flattened so one SQL statement can drop most entries that cannot fit (search.matching).

    Code lists are stored as "|a|b|" ("" = no restriction) so that a LIKE '%|a|%' tests
    membership the same way on both databases."""

    kind = models.CharField(max_length=10)
    object_id = models.CharField(max_length=64)
    active = models.BooleanField(default=True)
    statuses = models.CharField(max_length=200, blank=True)
    audiences = models.CharField(max_length=100, blank=True)
    phases = models.CharField(max_length=100, blank=True)
    cancer_types = models.CharField(max_length=200, blank=True)
    delivery = models.CharField(max_length=100, blank=True)
    costs = models.CharField(max_length=100, blank=True)
    access = models.CharField(max_length=100, blank=True)
    languages = models.CharField(max_length=200, blank=True)
    areas = models.TextField(blank=True)
    radius_km = models.PositiveSmallIntegerField(null=True)  # the largest radius area, if any
    minimum_age = models.PositiveSmallIntegerField(null=True)
    maximum_age = models.PositiveSmallIntegerField(null=True)
    remote = models.BooleanField(default=False)  # by phone or online
    points = models.TextField(blank=True)  # "lat,lon;lat,lon" of its places
    min_lat = models.FloatField(null=True)
    max_lat = models.FloatField(null=True)
    min_lon = models.FloatField(null=True)
    max_lon = models.FloatField(null=True)
    assured_date = models.DateField(null=True)
    # Capacity (issue #15, services only): closed to new referrals ranks below every open entry
    # of its language tier; a waiting list's band ("" otherwise) is said in the reasons.
    closed = models.BooleanField(default=False)
    waiting_band = models.CharField(max_length=30, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="match_profile_unique")
        ]

    def __str__(self) -> str:
        return f"{self.kind}:{self.object_id}"


class MatchNeed(models.Model):
    """A need an entry addresses: the eligibility statement starts from the index on (kind,
    need code) and reaches each profile by its integer key."""

    profile = models.ForeignKey(MatchProfile, on_delete=models.CASCADE, related_name="needs")
    kind = models.CharField(max_length=10)
    code = models.CharField(max_length=60)  # taxonomy.Need.code

    class Meta:
        indexes = [models.Index(fields=["kind", "code", "profile"], name="match_need_lookup")]

    def __str__(self) -> str:
        return f"{self.profile_id}:{self.code}"


class NeedPassage(models.Model):
    """A text a need is known by (its label with its description, or one lay synonym) in one
    language, with its sentence embedding: the semantic half of the needs matcher reads these
    rows, computed when the taxonomy is loaded or edited (search.services.needs_index), never
    while answering a request."""

    LABEL = "label"
    SYNONYM = "synonym"

    # The need's code, like SearchDocument.object_id: a derived index, rebuilt from the taxonomy,
    # not a foreign key (a need's synonyms are deleted, and re-indexed, before the need itself).
    code = models.CharField(max_length=60)
    language = models.CharField(max_length=2)
    source = models.CharField(max_length=10)  # LABEL or SYNONYM
    text = models.TextField()
    model = models.CharField(max_length=80)  # search.embeddings: the vector's model
    vector = models.BinaryField()  # float32, L2-normalised

    class Meta:
        indexes = [models.Index(fields=["model", "code"], name="need_passage_model")]

    def __str__(self) -> str:
        return f"{self.code}:{self.language}:{self.text[:30]}"
