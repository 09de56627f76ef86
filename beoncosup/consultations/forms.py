"""The answer form (built from the consultation's questions) and the editors' publish form."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from beoncosup.consultations.codes import AUDIENCES, QuestionKind
from beoncosup.consultations.models import TEXT_MAX, Consultation, Question
from beoncosup.consultations.selectors.public import text
from beoncosup.consultations.services.answering import AnswerValue, Submission
from beoncosup.consultations.services.retention import retention_days
from beoncosup.core.i18n_text import I18nFormField
from beoncosup.situation.codes import AgeBand, Region

NOT_SAYING = ("", pgettext_lazy("profile question", "I prefer not to say"))


class AnswerForm(forms.Form):
    """One field per question (``q_<id>``), the optional open answer, the optional anonymous
    profile questions and the optional e-mail address (kept apart from the answers)."""

    def __init__(
        self,
        *args: Any,
        consultation: Consultation,
        questions: list[Question],
        language: str,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.consultation = consultation
        self.questions = questions
        self.language = language
        for question in questions:
            self.fields[f"q_{question.pk}"] = self._question_field(question)
        if consultation.has_open_answer:
            self.fields["open_text"] = forms.CharField(
                label=text(consultation.open_answer_prompt, language),
                required=False,
                max_length=TEXT_MAX,
                widget=forms.Textarea(attrs={"rows": 4}),
                help_text=_("Optional. Please do not write names or anything that identifies you."),
            )
        self.fields["audience"] = forms.ChoiceField(
            label=_("You are"),
            choices=[*AUDIENCES, NOT_SAYING],
            required=False,
            widget=forms.RadioSelect,
        )
        self.fields["region"] = forms.ChoiceField(
            label=_("Where do you live?"),
            choices=[*Region.choices, NOT_SAYING],
            required=False,
            widget=forms.RadioSelect,
        )
        self.fields["age_band"] = forms.ChoiceField(
            label=_("Your age"),
            choices=[*AgeBand.choices, NOT_SAYING],
            required=False,
            widget=forms.RadioSelect,
        )
        self.fields["email"] = forms.EmailField(
            label=_("Your e-mail address (optional)"),
            required=False,
            max_length=254,
            help_text=gettext(
                "Only to tell you what is done with the answers. It is stored apart from your "
                "answers, with no link between them, and deleted when you ask or at the latest "
                "%(days)d days after the consultation closes."
            )
            % {"days": retention_days()},
            widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        )

    def _question_field(self, question: Question) -> forms.Field:
        label = text(question.text, self.language)
        required = question.required
        if question.kind == QuestionKind.TEXT:
            return forms.CharField(
                label=label,
                required=required,
                max_length=TEXT_MAX,
                widget=forms.Textarea(attrs={"rows": 3}),
                help_text=_("At most %(max)d characters. Please do not write names.")
                % {"max": TEXT_MAX},
            )
        if question.kind == QuestionKind.SCALE:
            choices = []
            for value in question.scale_values:
                caption = str(value)
                if value == question.scale_min and text(question.scale_min_label, self.language):
                    caption = f"{value} – {text(question.scale_min_label, self.language)}"
                elif value == question.scale_max and text(question.scale_max_label, self.language):
                    caption = f"{value} – {text(question.scale_max_label, self.language)}"
                choices.append((str(value), caption))
            return forms.ChoiceField(
                label=label, choices=choices, required=required, widget=forms.RadioSelect
            )
        options = [
            (str(option["value"]), text(option.get("label"), self.language) or str(option["value"]))
            for option in question.options or []
        ]
        if question.kind == QuestionKind.MULTIPLE:
            return forms.MultipleChoiceField(
                label=label,
                choices=options,
                required=required,
                widget=forms.CheckboxSelectMultiple,
                help_text=_("Choose all that apply."),
            )
        return forms.ChoiceField(
            label=label, choices=options, required=required, widget=forms.RadioSelect
        )

    def question_pairs(self) -> list[tuple[Question, forms.BoundField]]:
        return [(question, self[f"q_{question.pk}"]) for question in self.questions]

    def submission(self) -> Submission:
        data = self.cleaned_data
        answers: dict[int, AnswerValue] = {}
        for question in self.questions:
            value = data.get(f"q_{question.pk}")
            answers[question.pk] = value if value not in ("", None) else None
        return Submission(
            answers=answers,
            audience=data.get("audience") or "",
            region=data.get("region") or "",
            age_band=data.get("age_band") or "",
            open_text=data.get("open_text") or "",
            email=data.get("email") or "",
            language=self.language,
        )


class PublishForm(forms.Form):
    summary = I18nFormField(
        label=_("Summary of the results"),
        multiline=True,
        max_length=5000,
        required=True,
        help_text=_(
            "Your reading of the answers, including the open answers (which are never shown "
            "themselves). Do not quote anything that could identify someone."
        ),
    )
