"""The section "What was done with your input" on a consultation's pages (registered with
consultations.extensions from ParticipationConfig.ready())."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from beoncosup.participation.selectors.actions import actions_for_consultation

if TYPE_CHECKING:
    from beoncosup.consultations.models import Consultation


def consultation_actions(request: HttpRequest, consultation: Consultation) -> SafeString:
    """The published actions from this consultation; nothing when there are none yet."""
    found = actions_for_consultation(consultation.pk)
    if not found:
        return SafeString("")
    return SafeString(
        render_to_string(
            "participation/includes/consultation_actions.html",
            {"actions": found},
            request=request,
        )
    )
