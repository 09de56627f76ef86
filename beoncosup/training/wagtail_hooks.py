"""Editors manage the training catalogue in the Wagtail admin (Snippets → Training): courses
(four languages, evidence sources, needs, professions, trainers, coordinators), editions with
their sessions, and trainers.

The edition form checks what registration relies on: the registration closes before the first
session, each session ends after it starts, has a place (a venue) or an online link, and a known
Belgian postcode of four digits; the capacity never drops below the confirmed registrations.

Cancelling an edition or one of its sessions e-mails its participants (services.notices), once:
the form compares with the row stored before it saves (locked, so two editors saving at the same
time send one notice), so saving again changes nothing.
"""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from beoncosup.geo.models import PostalCode
from beoncosup.geo.selectors import POSTCODE_PATTERN
from beoncosup.taxonomy.widgets import NeedPicker
from beoncosup.training.codes import Profession, Registration
from beoncosup.training.models import Course, Edition, Session, Trainer
from beoncosup.training.services import notices, registration

TEXT_SEARCH = [f"title__{lang}" for lang in ("nl", "fr", "de", "en")]


class CourseForm(WagtailAdminModelForm):
    """The professions a course is for, as checkboxes of codes (stored as a JSON list)."""

    professions = forms.TypedMultipleChoiceField(
        label=_("For which professions"),
        choices=Profession.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )


CONSTRAINT = "training_session_ends_after_start"


def _session_problems(form: forms.BaseForm) -> None:
    """Add the errors of one session form of the edition (in words, not a constraint's name)."""
    data = form.cleaned_data
    start, end = data.get("starts_at"), data.get("ends_at")
    if start and end and end <= start:
        # The model's check constraint says the same in technical words: say it once, plainly.
        general = form.errors.get(NON_FIELD_ERRORS)
        if general is not None:
            kept = [str(error) for error in general if CONSTRAINT not in str(error)]
            if kept:
                form.errors[NON_FIELD_ERRORS] = form.error_class(kept)
            else:
                del form.errors[NON_FIELD_ERRORS]
        form.add_error("ends_at", _("The session must end after it starts."))
    postcode = (data.get("postcode") or "").strip()
    if postcode and not re.match(POSTCODE_PATTERN, postcode):
        form.add_error("postcode", _("Give a Belgian postcode of four digits, like 9000."))
    elif postcode and not PostalCode.objects.filter(code=postcode).exists():
        form.add_error("postcode", _("This postcode does not exist in Belgium."))
    if "venue" in data and not (data.get("venue") or "").strip() and not data.get("online_url"):
        form.add_error("venue", _("Give a venue, an online link, or both."))


class EditionForm(WagtailAdminModelForm):
    """Checks the edition with its sessions (see the module's docstring)."""

    def clean(self) -> dict[str, Any]:
        cleaned: dict[str, Any] = super().clean()
        capacity = cleaned.get("capacity")
        if self.instance.pk and capacity is not None:
            confirmed = self.instance.enrolments.filter(status=Registration.CONFIRMED).count()
            if capacity < confirmed:
                self.add_error(
                    "capacity",
                    ngettext(
                        "%(count)d person already has a confirmed place: the capacity cannot "
                        "be lower. Cancel registrations first, or keep at least %(count)d "
                        "place.",
                        "%(count)d people already have a confirmed place: the capacity cannot "
                        "be lower. Cancel registrations first, or keep at least %(count)d "
                        "places.",
                        confirmed,
                    )
                    % {"count": confirmed},
                )
        sessions = self.formsets.get("sessions")
        if sessions is None:
            return cleaned
        for form in sessions.forms:
            form.is_valid()  # cleans it: its own errors first
        kept = [
            form
            for form in sessions.forms
            if getattr(form, "cleaned_data", None) and not form.cleaned_data.get("DELETE")
        ]
        for form in kept:
            _session_problems(form)
        starts = [
            form.cleaned_data["starts_at"] for form in kept if form.cleaned_data.get("starts_at")
        ]
        if not kept and sessions.is_valid():
            raise forms.ValidationError(_("Add at least one session."))
        deadline = cleaned.get("registration_deadline")
        if deadline and starts and deadline >= min(starts):
            self.add_error(
                "registration_deadline", _("Registration must close before the first session.")
            )
        return cleaned

    def save(self, commit: bool = True) -> Any:
        """Saves the edition and its sessions, then the sessions' trainers (a plain
        many-to-many that modelcluster would write before the new sessions exist)."""
        sessions = self.formsets.get("sessions")
        chosen = []
        for form in sessions.forms if sessions is not None else []:
            data = getattr(form, "cleaned_data", None) or {}
            if "trainers" in data and not data.get("DELETE"):
                chosen.append((form, data.pop("trainers")))
        was_cancelled, sessions_cancelled = self._stored_cancellations() if commit else (True, {})
        edition = super().save(commit=commit)
        if commit:
            for form, trainers in chosen:
                if form.instance.pk:
                    form.instance.trainers.set(trainers)
            self._cancellations_notify(edition, was_cancelled, sessions_cancelled)
        return edition

    def _stored_cancellations(self) -> tuple[bool, dict[int, bool]]:
        """Whether the stored edition and each of its stored sessions are cancelled (a new
        edition counts as cancelled: nobody registered for it yet). Locks the edition row."""
        if not self.instance.pk:
            return True, {}
        stored = Edition.objects.select_for_update().filter(pk=self.instance.pk)
        was = stored.values_list("cancelled", flat=True).first()
        sessions = Session.objects.filter(edition_id=self.instance.pk).values_list(
            "pk", "cancelled"
        )
        return bool(was) if was is not None else True, dict(sessions)

    def _cancellations_notify(
        self, edition: Edition, was_cancelled: bool, sessions_cancelled: dict[int, bool]
    ) -> None:
        """E-mail the participants about what this save cancelled (only that)."""
        actor = getattr(self, "for_user", None)
        if edition.cancelled:
            if not was_cancelled:
                notices.edition_cancelled_notify(edition=edition, actor=actor)
            return
        for session in Session.objects.filter(
            pk__in=[pk for pk, was in sessions_cancelled.items() if not was], cancelled=True
        ):
            notices.session_cancelled_notify(session=session, actor=actor)


class CourseViewSet(SnippetViewSet):
    model = Course
    icon = "doc-full"
    menu_label = _("Courses")
    list_display = ["__str__", "format", "published", "is_demo", "updated_at"]
    list_filter = ["published", "format"]
    search_fields = TEXT_SEARCH
    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("title"),
                    FieldPanel("slug"),
                    FieldPanel("summary"),
                    FieldPanel("objectives"),
                    FieldRowPanel(
                        [
                            FieldPanel("format"),
                            FieldPanel("duration_hours"),
                        ]
                    ),
                    FieldRowPanel(
                        [
                            FieldPanel("accreditation_points"),
                            FieldPanel("accreditation_body"),
                        ]
                    ),
                    FieldPanel("organiser"),
                    FieldRowPanel([FieldPanel("published"), FieldPanel("is_demo")]),
                ],
                heading=_("Course"),
            ),
            ObjectList(
                [FieldPanel("professions"), FieldPanel("needs", widget=NeedPicker())],
                heading=_("For whom"),
            ),
            ObjectList(
                [
                    FieldPanel("evidence"),
                    InlinePanel(
                        "sources",
                        heading=_("Sources"),
                        label=_("Source"),
                        panels=[
                            FieldPanel("citation"),
                            FieldRowPanel([FieldPanel("year"), FieldPanel("url")]),
                        ],
                    ),
                ],
                heading=_("Evidence base"),
            ),
            ObjectList(
                [
                    FieldPanel("trainers", widget=forms.CheckboxSelectMultiple),
                    FieldPanel("coordinators"),
                    FieldRowPanel(
                        [FieldPanel("alert_threshold"), FieldPanel("min_attendance_percent")]
                    ),
                ],
                heading=_("Trainers and follow-up"),
            ),
        ],
        base_form_class=CourseForm,
    )


class EditionViewSet(SnippetViewSet):
    model = Edition
    icon = "date"
    menu_label = _("Editions and sessions")
    list_display = ["__str__", "language", "capacity", "registration_deadline", "cancelled"]
    list_filter = ["language", "cancelled"]
    edit_handler = ObjectList(
        [
            FieldPanel("course"),
            FieldPanel("name"),
            FieldRowPanel([FieldPanel("language"), FieldPanel("capacity")]),
            FieldRowPanel([FieldPanel("registration_deadline"), FieldPanel("cancelled")]),
            FieldPanel("is_demo"),
            InlinePanel(
                "sessions",
                heading=_("Sessions"),
                label=_("Session"),
                min_num=1,
                panels=[
                    FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
                    FieldRowPanel([FieldPanel("venue"), FieldPanel("postcode")]),
                    FieldPanel("address"),
                    FieldPanel("online_url"),
                    FieldPanel("trainers", widget=forms.CheckboxSelectMultiple),
                    FieldPanel("cancelled"),
                ],
            ),
        ],
        base_form_class=EditionForm,
    )


class TrainerViewSet(SnippetViewSet):
    model = Trainer
    icon = "user"
    menu_label = _("Trainers")
    list_display = ["name", "profession", "is_demo"]
    search_fields = ["name"]
    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("profession")]),
        FieldPanel("bio"),
        FieldPanel("user"),
        FieldPanel("is_demo"),
    ]


class TrainingGroup(SnippetViewSetGroup):
    menu_label = _("Training")
    menu_icon = "group"
    menu_order = 260
    items = (CourseViewSet, EditionViewSet, TrainerViewSet)


register_snippet(TrainingGroup)


@hooks.register("after_edit_snippet")  # type: ignore[untyped-decorator]
def edition_waiting_promote(request: HttpRequest, instance: Any) -> None:
    """A raised capacity moves people up from the waiting list at once (and e-mails them)."""
    if isinstance(instance, Edition):
        registration.waiting_promote(edition=instance, request=request)
