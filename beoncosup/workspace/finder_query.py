"""The finder's query string as a saved search keeps it: only the finder's own parameters,
values the finder accepts, a bounded length; and a readable name for it (needs + postcode)."""

from __future__ import annotations

from functools import cache

from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.utils.translation import gettext as _

from beoncosup.finder.forms import FinderForm
from beoncosup.finder.queries import needs_picker
from beoncosup.workspace.models import NAME_MAX, QUERY_MAX

# Not kept: a saved search runs from its first page.
DROPPED = frozenset({"page"})


@cache
def finder_parameters() -> frozenset[str]:
    """The parameters of the finder's form (need, q, postcode, languages, …)."""
    return frozenset(FinderForm(need_codes=[]).fields) - DROPPED


def _need_labels() -> dict[str, str]:
    return {
        code: str(label)
        for domain in needs_picker()
        for category in domain.categories
        for code, label in category.needs
    }


def _field_labels(form: FinderForm) -> str:
    names = [str(form.fields[name].label) for name in form.errors if name in form.fields]
    return ", ".join(names) or _("the needs")


def search_query_clean(raw: str) -> str:
    """The finder query ``raw`` made canonical (empty values and the page left out), or
    ValidationError saying what is wrong: too long, a NUL character, a parameter the finder does
    not know, or an answer the finder refuses."""
    raw = raw.strip().lstrip("?")
    if len(raw) > QUERY_MAX:
        raise ValidationError(_("This search is too long to save."), code="max_length")
    if "\x00" in raw:
        raise ValidationError(_("This search contains a character we cannot store."), code="null")
    data = QueryDict(raw)
    unknown = sorted(set(data) - finder_parameters() - DROPPED)
    if unknown:
        raise ValidationError(
            _("The finder does not know these parts of the search: %(names)s.")
            % {"names": ", ".join(name[:30] for name in unknown[:5])},
            code="unknown",
        )
    if any("\x00" in value for _name, values in data.lists() for value in values):
        raise ValidationError(_("This search contains a character we cannot store."), code="null")
    form = FinderForm(data, need_codes=list(_need_labels()))
    if not form.is_valid():
        raise ValidationError(
            _("The finder does not accept this search: %(names)s.")
            % {"names": _field_labels(form)},
            code="invalid",
        )
    kept = QueryDict(mutable=True)
    for name, values in data.lists():
        if name in DROPPED:
            continue
        for value in values:
            if value.strip():
                kept.appendlist(name, value.strip())
    return kept.urlencode()


def search_postcode(query: str) -> str:
    """The postcode of a cleaned query ("" when none): the finder accepts a municipality name
    too, so this reads the parsed answer."""
    data = QueryDict(query)
    if not data.get("postcode"):
        return ""
    form = FinderForm(data, need_codes=list(_need_labels()))
    if not form.is_valid():
        return ""
    return str(form.cleaned_data.get("postcode") or "")


def search_languages(query: str) -> list[str]:
    return [
        code for code in QueryDict(query).getlist("languages") if code in {"nl", "fr", "de", "en"}
    ]


def search_summary(query: str) -> str:
    """A readable name for a search: its needs (or words) and postcode."""
    data = QueryDict(query)
    labels = _need_labels()
    parts = [labels.get(code, code) for code in data.getlist("need")]
    text = str(data.get("q", "")).strip()
    if text:
        parts.insert(0, f"“{text}”")
    summary = ", ".join(parts) or _("Search")
    postcode = str(data.get("postcode", "")).strip()
    if postcode:
        summary = f"{summary} – {postcode}"
    if len(summary) > NAME_MAX:
        summary = summary[: NAME_MAX - 1] + "…"
    return summary
