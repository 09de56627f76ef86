"""Per-language columns (label_nl, label_fr, …) through django-modeltranslation."""

from modeltranslation.translator import TranslationOptions, register

from beoncosup.taxonomy.models import Category, Domain, Need


@register(Domain)
class DomainTranslation(TranslationOptions):
    fields = ("label", "description")
    required_languages = ("nl", "fr", "de", "en")


@register(Category)
class CategoryTranslation(TranslationOptions):
    fields = ("label",)
    required_languages = ("nl", "fr", "de", "en")


@register(Need)
class NeedTranslation(TranslationOptions):
    fields = ("label", "description")
    required_languages = ("nl", "fr", "de", "en")
