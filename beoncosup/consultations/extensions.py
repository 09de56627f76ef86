"""What other apps show on a consultation's pages, registered from their ``AppConfig.ready()``.

The consultations sit below the participation app (docs/architecture.md, "Who may import
whom"), yet the consultation's page and its results show "what was done with your input". So
the participation app registers a section here and the consultations call what is registered,
naming none.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from django.http import HttpRequest
from django.utils.safestring import SafeString

if TYPE_CHECKING:
    from beoncosup.consultations.models import Consultation

# One section of a consultation's pages: the request and the consultation in, HTML out.
ConsultationSection = Callable[[HttpRequest, "Consultation"], SafeString]

_sections: dict[str, ConsultationSection] = {}


def consultation_section_register(render: ConsultationSection) -> None:
    """Adds a section to the consultation's page and to its results page, after their own
    content. Registering the same function again replaces it (``ready()`` may run twice);
    sections show in the order of registration."""
    key = f"{render.__module__}.{render.__qualname__}"
    _sections[key] = render


def consultation_sections(request: HttpRequest, consultation: Consultation) -> list[SafeString]:
    """Every registered section for ``consultation``, empty ones left out."""
    rendered = (render(request, consultation) for render in _sections.values())
    return [html for html in rendered if html.strip()]
