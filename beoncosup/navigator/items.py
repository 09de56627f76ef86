"""A measure as one checklist item for a reader: texts in their language (with a note when
another language is shown), contacts, article and finder links, sources. The wizard's result
page and the JSON API both use it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlencode

from django.http import HttpRequest
from django.urls import reverse

from beoncosup.core.i18n_text import PickedText, pick
from beoncosup.navigator.enums import Audience, Contact
from beoncosup.navigator.models import Measure
from beoncosup.navigator.selectors import Answers


@dataclass(frozen=True)
class Source:
    title: str
    url: str
    date: dt.date


@dataclass(frozen=True)
class ChecklistItem:
    code: str
    title: PickedText | None
    summary: PickedText | None
    next_steps: PickedText | None
    contact: PickedText | None
    change_note: PickedText | None
    contacts: list[tuple[str, str]]  # (code, label)
    article_url: str | None
    finder_url: str | None
    sources: list[Source]
    valid_from: dt.date | None
    valid_until: dt.date | None
    rules_as_of: dt.date
    is_demo: bool


def finder_url(measure: Measure, answers: Answers) -> str | None:
    """The finder pre-filled with the measure's needs and the person's postcode, status and
    audience as services know them (the kernel's eligibility projections: an employer looks for
    the employee, public contract staff count as employees); None when the measure names no
    needs. A measure written for employers only (help for the workplace) asks the finder for
    services for employers and colleagues themselves."""
    if not measure.need_codes:
        return None
    person = answers.person()
    query: list[tuple[str, str]] = [("need", code) for code in measure.need_codes]
    if person.postcode:
        query.append(("postcode", person.postcode))
    if person.eligibility_status:
        query.append(("status", person.eligibility_status))
    if measure.audiences == [Audience.EMPLOYER]:
        query.append(("for_employers", "true"))
    elif person.seeker_audience:
        query.append(("audience", person.seeker_audience))
    return f"{reverse('finder:finder')}?{urlencode(query)}"


def article_url(measure: Measure, request: HttpRequest | None) -> str | None:
    """The linked hub article, in the reader's language when it is translated; None when no
    article is set or it is not published."""
    page = measure.article
    if page is None or not page.live:
        return None
    localized = page.localized
    url: str | None = (localized if localized.live else page).get_url(request)
    return url


def checklist_item(
    measure: Measure, *, language: str, answers: Answers, request: HttpRequest | None = None
) -> ChecklistItem:
    labels = dict(Contact.choices)
    return ChecklistItem(
        code=measure.code,
        title=pick(measure.title, language),
        summary=pick(measure.summary, language),
        next_steps=pick(measure.next_steps, language),
        contact=pick(measure.contact, language),
        change_note=pick(measure.change_note, language),
        contacts=[(code, str(labels.get(code, code))) for code in measure.contacts],
        article_url=article_url(measure, request),
        finder_url=finder_url(measure, answers),
        sources=[
            Source(title=source.title, url=source.url, date=source.consulted_on)
            for source in measure.sources.all()
        ],
        valid_from=measure.valid_from,
        valid_until=measure.valid_until,
        rules_as_of=measure.rules_as_of,
        is_demo=measure.is_demo,
    )
