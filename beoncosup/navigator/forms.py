"""The wizard's questions: which ones a person is asked, in which words, and their checks.

One question per step. Which questions apply depends on who you are (docs/navigator.md):

- patient and professional: status, postcode, situation, how long (5 questions with "who");
- relative: status (their own: carer leave depends on it) and postcode; the situation is
  "caring" and the duration of the patient's illness does not change a carer's rights;
- employer: the employee's status (only the statuses that have an employer) and postcode, and
  how long the employee has been ill; the situation is "employer".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from beoncosup.navigator.enums import Duration, Situation, Status
from beoncosup.situation.forms import situation_fields

QUESTION_KEYS = ("audience", "status", "postcode", "situation", "duration")
SEQUENCES = {
    "patient": ("audience", "status", "postcode", "situation", "duration"),
    "professional": ("audience", "status", "postcode", "situation", "duration"),
    "relative": ("audience", "status", "postcode"),
    "employer": ("audience", "status", "postcode", "duration"),
}
MAX_QUESTIONS = max(len(sequence) for sequence in SEQUENCES.values())
# Answers that follow from who you are instead of being asked.
FIXED = {"relative": {"situation": "caring"}, "employer": {"situation": "employer"}}
EMPLOYER_STATUSES = ("employee", "contractual_public", "civil_servant")
PERSON_SITUATIONS = ("sick_leave", "working", "resume_partly", "change_job")

LEGENDS: dict[str, dict[str, Promise]] = {
    "audience": {"": _("Who are you?")},
    "status": {
        "patient": _("What is your work status?"),
        "relative": _("What is your own work status?"),
        "employer": _("What is the work status of your employee?"),
        "professional": _("What is the work status of the person you help?"),
    },
    "postcode": {
        "patient": _("What is your postcode?"),
        "relative": _("What is your postcode?"),
        "employer": _("What is the postcode of your employee's home?"),
        "professional": _("What is the postcode of the person you help?"),
    },
    "situation": {
        "patient": _("What is your situation now?"),
        "professional": _("What is the situation of the person you help?"),
    },
    "duration": {
        "patient": _("How long have you been ill or off work?"),
        "employer": _("How long has your employee been ill?"),
        "professional": _("How long has the person been ill?"),
    },
}
HINTS: dict[str, Promise] = {
    "audience": _("We ask a few short questions and then show what applies."),
    "status": _("Rights at work depend on how someone is employed."),
    "postcode": _("Four digits, for example 9000. We use it only to know the region."),
    "situation": _("Choose what fits best today."),
    "duration": _("Count from the first day of illness."),
}
SUMMARY_LABELS: dict[str, Promise] = {
    "audience": _("Who"),
    "status": _("Work status"),
    "postcode": _("Postcode"),
    "situation": _("Situation"),
    "duration": _("How long"),
}
CHOOSE_ONE = _("Choose one of the answers to go on.")


@dataclass(frozen=True)
class Question:
    key: str
    legend: str
    hint: str


def question_for(key: str, audience: str | None) -> Question:
    legends = LEGENDS[key]
    legend = legends.get(audience or "") or next(iter(legends.values()))
    return Question(key=key, legend=str(legend), hint=str(HINTS[key]))


def sequence_for(audience: str | None) -> tuple[str, ...]:
    return SEQUENCES.get(audience or "", ("audience",))


# The wizard's wording of the kernel's codes: the person answers in the first person.
AUDIENCE_WORDING: dict[str, Promise] = {  # keys: NAVIGATOR_AUDIENCES (a test checks)
    "patient": _("I have cancer"),
    "relative": _("Someone close to me has cancer"),
    "employer": _("I am the employer of someone with cancer"),
    "professional": _("I am a professional helping someone"),
}
STATUS_WORDING: dict[str, Promise] = {
    "employee": _("Employee in the private sector"),
    "contractual_public": _("Contract employee in the public sector"),
    "civil_servant": _("Statutory civil servant (appointed)"),
    "self_employed": _("Self-employed as main occupation"),
    "self_employed_secondary": _("Self-employed as a side job, next to a salaried job"),
    "job_seeker": _("Job seeker"),
    "student": _("Student"),
    "other": _("Retired or other"),
}
# Where the person lives, as the checklist names it.
REGION_WORDING: dict[str, Promise] = {
    "BE-VLG": _("Flanders"),
    "BE-WAL": _("Wallonia (outside the German-speaking Community)"),
    "BE-BRU": _("Brussels"),
    "BE-DG": _("German-speaking Community"),
}


def _choices(key: str, audience: str | None) -> list[tuple[str, Any]]:
    if key == "audience":
        # In the wizard's order (who has cancer first, then who helps).
        return [(code, label) for code, label in AUDIENCE_WORDING.items()]
    if key == "status":
        codes = [c for c in Status.values if audience != "employer" or c in EMPLOYER_STATUSES]
        return [(code, STATUS_WORDING[code]) for code in codes]
    if key == "situation":
        allowed = PERSON_SITUATIONS + (("caring",) if audience == "professional" else ())
        return [(v, label) for v, label in Situation.choices if v in allowed]
    return list(Duration.choices)


def answer_label(key: str, value: str, audience: str | None) -> str:
    if key == "postcode":
        return value
    return str(dict(_choices(key, audience)).get(value, value))


class QuestionForm(forms.Form):
    """One question as a form with a single field named after the question."""

    def __init__(self, *args: Any, key: str, audience: str | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.key = key
        self.regions: list[str] = []
        question = question_for(key, audience)
        if key == "postcode":
            # The kernel's question: the same parsing and messages as every other journey.
            postcode = situation_fields()["postcode"]
            postcode.label = question.legend
            postcode.help_text = question.hint
            postcode.required = True
            postcode.error_messages["required"] = _("Enter a postcode to go on.")
            postcode.widget.attrs.update(
                {"inputmode": "numeric", "autocomplete": "postal-code", "size": "6"}
            )
            self.fields[key] = postcode
        else:
            self.fields[key] = forms.ChoiceField(
                label=question.legend,
                help_text=question.hint,
                choices=_choices(key, audience),
                widget=forms.RadioSelect,
                error_messages={"required": CHOOSE_ONE, "invalid_choice": CHOOSE_ONE},
            )

    def clean_postcode(self) -> str:
        place = self.cleaned_data["postcode"]
        self.regions = sorted(place.regions)
        return str(place.postcode)
