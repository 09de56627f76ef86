"""Forms of the day: the attendance list and the same-day evaluation. Text fields reject NUL
characters (Django's CharField does; PostgreSQL refuses them)."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from beoncosup.training.codes import Profession, Score
from beoncosup.training.models import Enrolment, Trainer
from beoncosup.training.services.evaluation import MAX_COMMENT, MAX_PRACTICE_CHANGE


class AttendanceForm(forms.Form):
    """The trainer's list: one checkbox per confirmed participant. ``was`` carries who was
    ticked when the page was shown, so a QR check-in made meanwhile is not undone."""

    present = forms.MultipleChoiceField(
        label=_("Present"), required=False, widget=forms.CheckboxSelectMultiple
    )
    was = forms.MultipleChoiceField(required=False, widget=forms.MultipleHiddenInput)

    def __init__(self, *args: Any, enrolments: list[Enrolment], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [(str(enrolment.pk), enrolment.name) for enrolment in enrolments]
        for name in ("present", "was"):
            field = cast(forms.MultipleChoiceField, self.fields[name])
            field.choices = choices
        self.enrolments = {str(enrolment.pk): enrolment for enrolment in enrolments}

    def chosen(self, name: str) -> list[Enrolment]:
        return [self.enrolments[pk] for pk in self.cleaned_data[name]]


SCORE_CHOICES = [(str(score.value), score.label) for score in Score]


def _score_field(label: Any) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        choices=SCORE_CHOICES,
        coerce=int,
        widget=forms.RadioSelect(attrs={"class": "score-choice"}),
        error_messages={"required": _("Choose a score from 1 to 5.")},
    )


class EvaluationForm(forms.Form):
    """The same-day evaluation: relevance, then clarity and didactic skills for each trainer
    of the session, what will change in practice, a comment and (optional) the profession."""

    relevance = _score_field(_("How relevant was this session for your practice?"))
    practice_change = forms.CharField(
        label=_("What will you change in your practice?"),
        required=False,
        max_length=MAX_PRACTICE_CHANGE,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    comment = forms.CharField(
        label=_("Any other comment (optional)"),
        required=False,
        max_length=MAX_COMMENT,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    profession = forms.ChoiceField(
        label=_("Your profession (optional)"),
        required=False,
        choices=[("", pgettext_lazy("profession", "I prefer not to say")), *Profession.choices],
    )

    def __init__(self, *args: Any, trainers: list[Trainer], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.trainers = trainers
        for trainer in trainers:
            self.fields[f"clarity_{trainer.pk}"] = _score_field(
                _("%(name)s: clarity") % {"name": trainer.name}
            )
            self.fields[f"didactics_{trainer.pk}"] = _score_field(
                _("%(name)s: didactic skills") % {"name": trainer.name}
            )
        # The trainers' questions between relevance and the open questions.
        order = ["relevance"]
        for trainer in trainers:
            order += [f"clarity_{trainer.pk}", f"didactics_{trainer.pk}"]
        self.order_fields([*order, "practice_change", "comment", "profession"])

    def trainer_fields(self) -> list[tuple[Trainer, Any, Any]]:
        """(trainer, clarity field, didactics field), for the template's fieldsets."""
        return [
            (trainer, self[f"clarity_{trainer.pk}"], self[f"didactics_{trainer.pk}"])
            for trainer in self.trainers
        ]

    def trainer_scores(self) -> dict[int, tuple[int, int]]:
        return {
            trainer.pk: (
                self.cleaned_data[f"clarity_{trainer.pk}"],
                self.cleaned_data[f"didactics_{trainer.pk}"],
            )
            for trainer in self.trainers
        }
