"""The person's situation as a plan shows it ("Postcode: 9000 Gent", "Work status: Employee"),
read back from the search the plan was made from (``SupportPlan.query``), so whoever reads
the plan or its PDF (a GP, a social worker) sees who the services were chosen for."""

from __future__ import annotations

from django.http import QueryDict
from django.utils.translation import gettext as _

from beoncosup.geo.selectors import place_suggestions
from beoncosup.situation.forms import situation_fields
from beoncosup.situation.values import FIELDS, SituationError, situation_parse


def situation_rows(query: str, language: str) -> list[tuple[str, str]]:
    """(question, answer) for each answer the search gave, in the kernel's order, with labels
    in the active language; empty for a search without answers or one that no longer parses
    (a code list changed since the plan was made: better nothing than a wrong answer)."""
    if not query:
        return []
    try:
        situation = situation_parse(QueryDict(query))
    except SituationError:
        return []
    fields = situation_fields()
    rows: list[tuple[str, str]] = []
    for name in FIELDS:
        value = getattr(situation, name)
        if value in (None, "", ()):
            continue
        field = fields[name]
        label = str(field.label)
        choices = {str(code): str(text) for code, text in getattr(field, "choices", [])}
        if name == "postcode":
            places = dict(place_suggestions(str(value), language, limit=1))
            answer = places.get(str(value), str(value))
        elif name == "languages":
            answer = ", ".join(choices.get(code, code) for code in value)
        elif name == "cancer_type":
            label = _("Type of cancer")
            answer = choices.get(str(value), str(value))
        else:
            answer = choices.get(str(value), str(value))
        rows.append((label, answer))
    return rows
