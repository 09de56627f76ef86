"""Editors manage consultations in the Wagtail admin (Snippets → Consultations): the texts in
four languages, who is asked, the topic, the dates and the questions. Publishing the results is
on the consultation's own page (``consultations:manage``), where the editor sees the counts.

A choice question's options are written one per line, in the same order in every language; once
answers came in, the number of options cannot change (the answers point to an option's place).
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, ObjectList, TabbedInterface
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from beoncosup.consultations.codes import AUDIENCES, CHOICE_KINDS, QuestionKind
from beoncosup.consultations.models import Consultation
from beoncosup.core.i18n_text import LANGUAGES, I18nFormField
from beoncosup.taxonomy.widgets import NeedPicker

TEXT_SEARCH = [f"title__{lang}" for lang in LANGUAGES]


def options_from_lines(texts: dict[str, str]) -> tuple[list[dict[str, Any]], str]:
    """The options from one text per language, one option per line: (options, problem)."""
    lines = {
        lang: [line.strip() for line in text.splitlines() if line.strip()]
        for lang, text in texts.items()
    }
    lines = {lang: found for lang, found in lines.items() if found}
    if not lines:
        return [], str(_("Give at least two options, one per line."))
    counts = {len(found) for found in lines.values()}
    if len(counts) > 1:
        return [], str(_("Give the same number of options, in the same order, in every language."))
    count = counts.pop()
    if count < 2:
        return [], str(_("Give at least two options, one per line."))
    if count > 20:
        return [], str(_("Give at most 20 options."))
    options = [
        {"value": str(number + 1), "label": {lang: found[number] for lang, found in lines.items()}}
        for number in range(count)
    ]
    return options, ""


class QuestionForm(WagtailAdminModelForm):
    """A question; its options as one text per language, one option per line."""

    options_text = I18nFormField(
        label=_("Options (choice questions)"),
        multiline=True,
        max_length=3000,
        help_text=_("One option per line, in the same order in every language."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        options = self.instance.options or []
        self.initial.setdefault(
            "options_text",
            {
                lang: "\n".join(str(option["label"].get(lang, "")) for option in options)
                for lang in LANGUAGES
                if any(option["label"].get(lang) for option in options)
            },
        )

    def clean(self) -> dict[str, Any]:
        cleaned: dict[str, Any] = super().clean()
        kind = cleaned.get("kind")
        if cleaned.get("DELETE"):
            return cleaned
        if kind in CHOICE_KINDS:
            options, problem = options_from_lines(cleaned.get("options_text") or {})
            if problem:
                self.add_error("options_text", problem)
                return cleaned
            previous = len(self.instance.options or [])
            if self.instance.pk and previous != len(options) and self.instance.answers.exists():
                self.add_error(
                    "options_text",
                    _(
                        "People already answered this question: keep %(count)d options (you may "
                        "change their words)."
                    )
                    % {"count": previous},
                )
                return cleaned
            self.instance.options = options
        else:
            self.instance.options = []
        if kind == QuestionKind.SCALE:
            low, high = cleaned.get("scale_min"), cleaned.get("scale_max")
            if low is not None and high is not None and high <= low:
                self.add_error("scale_max", _("The scale must end above where it starts."))
        return cleaned


class QuestionsPanel(InlinePanel):
    """The questions, with QuestionForm for each (InlinePanel takes no form of its own)."""

    def get_form_options(self) -> dict[str, Any]:
        options: dict[str, Any] = super().get_form_options()
        options["formsets"][self.relation_name]["form"] = QuestionForm
        return options


class ConsultationForm(WagtailAdminModelForm):
    """Who is asked as checkboxes of codes (stored as a JSON list); the dates in order."""

    audiences = forms.TypedMultipleChoiceField(
        label=_("Who is asked"),
        choices=AUDIENCES,
        widget=forms.CheckboxSelectMultiple,
        required=True,
    )

    def clean(self) -> dict[str, Any]:
        cleaned: dict[str, Any] = super().clean()
        opens, closes = cleaned.get("opens_at"), cleaned.get("closes_at")
        if opens and closes and closes <= opens:
            self.add_error("closes_at", _("The consultation must close after it opens."))
        return cleaned


class ConsultationViewSet(SnippetViewSet):
    model = Consultation
    icon = "clipboard-list"
    menu_label = _("Consultations")
    menu_order = 270
    add_to_admin_menu = True
    list_display = ["__str__", "opens_at", "closes_at", "results_published_at", "is_demo"]
    list_filter = ["is_demo"]
    search_fields = TEXT_SEARCH
    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("title"),
                    FieldPanel("slug"),
                    FieldPanel("question"),
                    FieldPanel("context"),
                    FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
                    FieldPanel("is_demo"),
                ],
                heading=_("Consultation"),
            ),
            ObjectList(
                [
                    FieldPanel("audiences"),
                    FieldPanel("domain"),
                    FieldPanel("needs", widget=NeedPicker()),
                ],
                heading=_("For whom and about what"),
            ),
            ObjectList(
                [
                    QuestionsPanel(
                        "questions",
                        heading=_("Questions"),
                        label=_("Question"),
                        panels=[
                            FieldRowPanel([FieldPanel("kind"), FieldPanel("required")]),
                            FieldPanel("text"),
                            FieldPanel("options_text"),
                            FieldRowPanel([FieldPanel("scale_min"), FieldPanel("scale_max")]),
                            FieldRowPanel(
                                [FieldPanel("scale_min_label"), FieldPanel("scale_max_label")]
                            ),
                        ],
                    ),
                    FieldPanel("open_answer_prompt"),
                ],
                heading=_("Questions"),
            ),
        ],
        base_form_class=ConsultationForm,
    )


register_snippet(ConsultationViewSet)
