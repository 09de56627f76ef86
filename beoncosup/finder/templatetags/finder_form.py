"""``{% finder_field form.q %}``: one field of the finder form (rendering.field_html)."""

from __future__ import annotations

from django import template
from django.forms import BoundField
from django.utils.safestring import SafeString

from beoncosup.finder.rendering import field_html

register = template.Library()


@register.simple_tag
def finder_field(field: BoundField, checkbox: bool = False, datalist: bool = False) -> SafeString:
    return field_html(field, checkbox=checkbox, datalist=datalist)
