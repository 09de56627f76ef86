"""The public verification form: one field, the certificate's code."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from beoncosup.training.selectors.certificates import CODE_INPUT_MAX


class VerifyForm(forms.Form):
    """Anything typed is looked up the same way: a malformed code is simply not found."""

    code = forms.CharField(
        label=_("Verification code"),
        help_text=_("The 12 characters printed on the certificate, for example ABCD-EFGH-JKLM."),
        # Longer input is cut, not refused: the answer is "no certificate" either way.
        max_length=CODE_INPUT_MAX * 4,
        strip=True,
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["code"].widget.attrs.update(
            {"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        )
