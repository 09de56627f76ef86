"""What higher apps add to the providers' home page, registered from their ``AppConfig.ready()``
(the feedback app's open reports): the providers app names none of them, as the taxonomy's
need-page sections do (docs/architecture.md, "Who may import whom")."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest
from django.utils.safestring import SafeString

# One section of the home page: the request in, HTML out (empty when there is nothing to say).
HomeSection = Callable[[HttpRequest], SafeString]

_home_sections: dict[str, HomeSection] = {}


def home_section_register(*, key: str, render: HomeSection) -> None:
    """Add a section to the providers' home page (or replace the one under ``key``)."""
    _home_sections[key] = render


def home_sections(request: HttpRequest) -> list[SafeString]:
    """The registered sections' HTML for this request, empty ones left out."""
    rendered = (render(request) for render in _home_sections.values())
    return [html for html in rendered if html]
