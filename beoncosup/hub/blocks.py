"""The building blocks of an article's body. Each block renders with its own template under
hub/blocks/; headings inside the body are h2 (the article title is the only h1) and h3 below."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from beoncosup.hub.enums import Audience, EmploymentStatus, Region

# Plain formatting only: headings come from the heading block so their order stays right.
TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class HeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        template = "hub/blocks/heading.html"
        label = _("Section heading")


class TextBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(features=TEXT_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        template = "hub/blocks/text.html"
        label = _("Text")


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Step"), max_length=200)
    text = blocks.RichTextBlock(features=TEXT_FEATURES, required=False, label=_("Explanation"))


class StepsBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=200)
    steps = blocks.ListBlock(StepBlock(), label=_("Steps"), min_num=1)

    class Meta:
        icon = "list-ol"
        template = "hub/blocks/steps.html"
        label = _("Numbered steps")


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        choices=[("info", _("Good to know")), ("warning", _("Watch out")), ("tip", _("Tip"))],
        default="info",
        label=_("Kind"),
    )
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=200)
    text = blocks.RichTextBlock(features=TEXT_FEATURES, label=_("Text"))

    class Meta:
        icon = "warning"
        template = "hub/blocks/callout.html"
        label = _("Callout")


class QuestionBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=300)
    answer = blocks.RichTextBlock(features=TEXT_FEATURES, label=_("Answer"))


class QuestionsBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), required=False, max_length=200)
    questions = blocks.ListBlock(QuestionBlock(), label=_("Questions"), min_num=1)

    class Meta:
        icon = "help"
        template = "hub/blocks/questions.html"
        label = _("Questions and answers")


class ContactBlock(blocks.StructBlock):
    """A helpline or office that is not (yet) in the directory."""

    name = blocks.CharBlock(label=_("Name"), max_length=200)
    description = blocks.TextBlock(label=_("What they do"), required=False)
    phone = blocks.CharBlock(
        label=_("Phone (as shown)"), required=False, max_length=40, help_text="0800 35 445"
    )
    phone_link = blocks.RegexBlock(
        regex=r"^\+?[0-9]{3,15}$",
        label=_("Phone (for the link, digits only)"),
        required=False,
        help_text="+3280035445",
        error_messages={"invalid": _("Digits only, optionally starting with +.")},
    )
    url = blocks.URLBlock(label=_("Web page"), required=False)
    hours = blocks.CharBlock(label=_("When to reach them"), required=False, max_length=200)

    class Meta:
        icon = "mail"
        template = "hub/blocks/contact.html"
        label = _("Contact card")


class ServiceBlock(blocks.StructBlock):
    """A service from the directory: its card stays up to date with the directory record."""

    service = SnippetChooserBlock("directory.Service", label=_("Service"))
    note = blocks.CharBlock(label=_("Why this service"), required=False, max_length=300)

    class Meta:
        icon = "link"
        template = "hub/blocks/service.html"
        label = _("Service card")


class AppliesToBlock(blocks.StructBlock):
    """Marks a part of the article that only fits some people ("This applies to …")."""

    audiences = blocks.MultipleChoiceBlock(
        choices=Audience.choices, required=False, label=_("Audiences")
    )
    employment_statuses = blocks.MultipleChoiceBlock(
        choices=EmploymentStatus.choices, required=False, label=_("Employment statuses")
    )
    regions = blocks.MultipleChoiceBlock(choices=Region.choices, required=False, label=_("Regions"))
    text = blocks.RichTextBlock(features=TEXT_FEATURES, label=_("Text"))

    def get_context(self, value: Any, parent_context: dict[str, Any] | None = None) -> Any:
        context = super().get_context(value, parent_context=parent_context)
        labels = []
        for codes, choices in (
            (value.get("audiences"), Audience),
            (value.get("employment_statuses"), EmploymentStatus),
            (value.get("regions"), Region),
        ):
            names = dict(choices.choices)
            labels += [str(names[code]) for code in codes or [] if code in names]
        context["labels"] = labels
        return context

    class Meta:
        icon = "user"
        template = "hub/blocks/applies_to.html"
        label = _("Applies to")


class ChecklistBlock(blocks.StructBlock):
    """Items with a box to tick on paper (the employer's adjustments checklist)."""

    title = blocks.CharBlock(label=_("Title"), max_length=200)
    items = blocks.ListBlock(blocks.CharBlock(max_length=300), label=_("Items"), min_num=1)

    class Meta:
        icon = "tick"
        template = "hub/blocks/checklist.html"
        label = _("Checklist")


class WorksheetFieldBlock(blocks.StructBlock):
    label = blocks.CharBlock(label=_("Label"), max_length=200)
    hint = blocks.CharBlock(label=_("Hint"), required=False, max_length=300)
    lines = blocks.IntegerBlock(label=_("Lines to write on"), default=2, min_value=1, max_value=8)


class WorksheetBlock(blocks.StructBlock):
    """A form to fill in on paper (the return-to-work plan template): labels with empty lines."""

    title = blocks.CharBlock(label=_("Title"), max_length=200)
    fields = blocks.ListBlock(WorksheetFieldBlock(), label=_("Fields"), min_num=1)

    class Meta:
        icon = "form"
        template = "hub/blocks/worksheet.html"
        label = _("Worksheet to fill in")


class ArticleBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    text = TextBlock()
    steps = StepsBlock()
    callout = CalloutBlock()
    questions = QuestionsBlock()
    contact = ContactBlock()
    service = ServiceBlock()
    applies_to = AppliesToBlock()
    checklist = ChecklistBlock()
    worksheet = WorksheetBlock()
