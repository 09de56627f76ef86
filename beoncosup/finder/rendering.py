"""The finder form's HTML without a template per checkbox or option.

The finder page is the site's busiest page and its form is most of its HTML: ~130 need
checkboxes and 13 widgets whose Django templates include one template per ``<option>`` and per
attribute list. Rendered through the template engine, that was most of the page's time
(docs/benchmarks.md, "Load"). Here the same markup is written in Python:

- ``need_picker_html``: the needs picker, built once per picker (``queries.needs_picker`` keeps
  one per process and language while the taxonomy is unchanged); a request only marks the
  ticked needs and opened domains;
- ``FastWidgetRenderer``: a form renderer that writes Django's own widget templates (input,
  select, radio and checkbox lists) character for character, and hands any other template to
  the template engine. A test compares both for every field of the form.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Collection, Sequence
from typing import Any

from django.forms import BoundField
from django.forms.renderers import DjangoTemplates
from django.template.defaultfilters import linebreaksbr
from django.utils.safestring import SafeData, SafeString, mark_safe
from django.utils.translation import gettext

from beoncosup.core.i18n_text import PickedText
from beoncosup.finder.queries import PickerDomain


def _text(value: Any) -> str:
    """``{{ value }}`` in a template: text, escaped unless marked safe (Django's ``escape`` is
    ``html.escape``, quotes included)."""
    if isinstance(value, SafeData):
        return str(value)
    return html.escape(str(value))


# -- The needs picker -------------------------------------------------------------------------

# A piece of the picker: fixed markup, or where a ticked need's " checked" or an opened
# domain's " open" goes.
_Piece = str | tuple[str, str]

# The last picker rendered per language (a picker is kept as long as the taxonomy is
# unchanged, so the identity check is enough).
_picker_pieces: dict[int, tuple[Sequence[PickerDomain], list[_Piece]]] = {}


def _pieces(domains: Sequence[PickerDomain]) -> list[_Piece]:
    cached = _picker_pieces.get(id(domains))
    if cached is not None and cached[0] is domains:
        return cached[1]
    pieces: list[_Piece] = []
    for domain in domains:
        pieces += ['<details class="need-domain"', ("domain", domain.code)]
        pieces.append(f">\n<summary>{_text(domain.label)}</summary>\n")
        for category in domain.categories:
            pieces.append(
                f'<fieldset class="need-category">\n<legend>{_text(category.label)}</legend>\n'
                '<ul class="plain check-list">\n'
            )
            for code, label in category.needs:
                value = _text(code)
                pieces += [
                    f'<li><input type="checkbox" name="need" value="{value}" id="need-{value}"',
                    ("need", code),
                    f'> <label for="need-{value}">{_text(label)}</label></li>\n',
                ]
            pieces.append("</ul>\n</fieldset>\n")
        pieces.append("</details>\n")
    if len(_picker_pieces) > 16:  # one per language; old pickers go
        _picker_pieces.clear()
    _picker_pieces[id(domains)] = (domains, pieces)
    return pieces


def need_picker_html(
    domains: Sequence[PickerDomain], picked: Collection[str], open_domains: Collection[str]
) -> SafeString:
    """The needs picker's domains (``<details>``), categories and checkboxes."""
    marks = {"need": (picked, " checked"), "domain": (open_domains, " open")}
    out = []
    for piece in _pieces(domains):
        if isinstance(piece, str):
            out.append(piece)
        else:
            chosen, mark = marks[piece[0]]
            if piece[1] in chosen:
                out.append(mark)
    return mark_safe("".join(out))  # noqa: S308 - every value above is escaped


# -- Django's widget templates ----------------------------------------------------------------

WIDGETS = "django/forms/widgets/"


def _attrs(attrs: dict[str, Any]) -> str:
    """django/forms/widgets/attrs.html"""
    return "".join(
        f" {_text(name)}" if value is True else f' {_text(name)}="{_text(value)}"'
        for name, value in attrs.items()
        if value is not False
    )


def _input(widget: dict[str, Any]) -> str:
    """django/forms/widgets/input.html (with its closing newline)"""
    value = "" if widget["value"] is None else f' value="{_text(widget["value"])}"'
    return (
        f'<input type="{_text(widget["type"])}" name="{_text(widget["name"])}"{value}'
        f"{_attrs(widget['attrs'])}>\n"
    )


def _input_option(option: dict[str, Any]) -> str:
    """radio_option.html and checkbox_option.html: input_option.html and two newlines."""
    if not option["wrap_label"]:
        return _input(option) + "\n\n"
    target = option["attrs"].get("id")
    label_for = f' for="{_text(target)}"' if target else ""
    return f"<label{label_for}>{_input(option)} {_text(option['label'])}</label>\n\n"


def _select_option(option: dict[str, Any]) -> str:
    """select_option.html (with its closing newline)"""
    return (
        f'<option value="{_text(option["value"])}"{_attrs(option["attrs"])}>'
        f"{_text(option['label'])}</option>\n"
    )


_OPTIONS: dict[str, Callable[[dict[str, Any]], str]] = {
    WIDGETS + "select_option.html": _select_option,
    WIDGETS + "radio_option.html": _input_option,
    WIDGETS + "checkbox_option.html": _input_option,
}


def _options_known(widget: dict[str, Any]) -> bool:
    return all(
        option["template_name"] in _OPTIONS
        for _group, options, _index in widget["optgroups"]
        for option in options
    )


def _select(widget: dict[str, Any]) -> str:
    """select.html"""
    out = [f'<select name="{_text(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group, options, _index in widget["optgroups"]:
        if group:
            out.append(f'\n  <optgroup label="{_text(group)}">')
        for option in options:
            out.append("\n  " + _OPTIONS[option["template_name"]](option))
        if group:
            out.append("\n  </optgroup>")
    out.append("\n</select>")
    return "".join(out)


def _multiple_input(widget: dict[str, Any]) -> str:
    """radio.html and checkbox_select.html: multiple_input.html"""
    target = widget["attrs"].get("id")
    css = widget["attrs"].get("class")
    out = [
        "<div"
        + (f' id="{_text(target)}"' if target else "")
        + (f' class="{_text(css)}"' if css else "")
        + ">"
    ]
    for group, options, _index in widget["optgroups"]:
        if group:
            out.append(f"\n  <div><label>{_text(group)}</label>")
        for option in options:
            out.append("<div>\n    " + _OPTIONS[option["template_name"]](option) + "</div>")
        if group:
            out.append("\n  </div>")
    out.append("\n</div>")
    return "".join(out)


_INPUTS = {f"{WIDGETS}{kind}.html" for kind in ("text", "number", "hidden", "checkbox")}
_CHOICES: dict[str, Callable[[dict[str, Any]], str]] = {
    WIDGETS + "select.html": _select,
    WIDGETS + "radio.html": _multiple_input,
    WIDGETS + "checkbox_select.html": _multiple_input,
}


class FastWidgetRenderer(DjangoTemplates):
    """Django's template form renderer, with the widget templates the finder form uses written
    in Python (same output; the renderer strips it as Django's does). Form, field and error
    templates, and any other widget, still go through the template engine."""

    def render(self, template_name: str, context: dict[str, Any], request: Any = None) -> str:
        widget = context.get("widget")
        if isinstance(widget, dict):
            if template_name in _INPUTS:
                return _input(widget).strip()
            choice = _CHOICES.get(template_name)
            if choice is not None and _options_known(widget):
                return choice(widget).strip()
        return str(super().render(template_name, context, request))


# -- One form field with its label, hint and errors -------------------------------------------


def field_html(field: BoundField, *, checkbox: bool = False, datalist: bool = False) -> SafeString:
    """A field of the finder form with its label, hint and errors; the ids match
    ``FinderForm.mark_errors`` (aria-describedby) and the error summary's links."""
    name = _text(field.name)
    errors = field.errors
    has_error = " field-has-error" if errors else ""
    prefix = _text(gettext("Error:"))
    error_lines = "".join(
        f'<p class="error-message" id="id_{name}_error"><span class="error-prefix">{prefix}</span>'
        f" {_text(error)}</p>"
        for error in errors
    )
    hint = (
        f'<p class="hint" id="id_{name}_helptext">{_text(field.help_text)}</p>'
        if field.help_text
        else ""
    )
    widget = str(field)  # the widget's HTML (FastWidgetRenderer), already escaped
    label = _text(field.label)
    if field.use_fieldset:
        described = f' aria-describedby="id_{name}_error"' if errors else ""
        html = (
            f'<fieldset class="field{has_error}"{described}>\n  <legend>{label}</legend>\n'
            f"  {hint}\n  {error_lines}\n  {widget}\n</fieldset>\n"
        )
    elif checkbox:
        html = (
            f'<div class="field field-checkbox{has_error}">\n  {error_lines}\n'
            f'  {widget} <label for="{_text(field.id_for_label)}">{label}</label>\n</div>\n'
        )
    else:
        options = '<datalist id="postcode-options"></datalist>' if datalist else ""
        html = (
            f'<div class="field{has_error}">\n'
            f'  <label for="{_text(field.id_for_label)}">{label}</label>\n'
            f"  {hint}\n  {error_lines}\n  {widget}{options}\n</div>\n"
        )
    return mark_safe(html)  # noqa: S308 - every value above is escaped or rendered HTML


# -- A result's texts -------------------------------------------------------------------------


def picked_html(text: PickedText | None) -> SafeString:
    """core/includes/picked_text.html: the text with its language, and "(in Dutch)" when it
    is not in the page's language."""
    if not text:
        return mark_safe("")
    note = (
        f' <span class="lang-note">({_text(text.language_note)})</span>' if text.is_fallback else ""
    )
    return mark_safe(  # noqa: S308 - escaped by linebreaksbr and _text
        f'<span lang="{_text(text.language)}">{linebreaksbr(text.text, autoescape=True)}</span>'
        f"{note}"
    )
