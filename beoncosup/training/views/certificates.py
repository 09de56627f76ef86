"""Training views: the participant's certificate (a PDF behind their enrolment's token) and
the public verification page (by the code printed on the certificate)."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import wraps
from typing import Any
from urllib.parse import urlencode

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import URLPattern, path, reverse
from django.utils import translation
from django.utils.translation import gettext, pgettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from beoncosup.core.pdf import html_to_pdf, stylesheet_path
from beoncosup.core.qr import qr_svg
from beoncosup.training.forms.certificates import VerifyForm
from beoncosup.training.models import Certificate, Enrolment
from beoncosup.training.selectors.certificates import (
    certificate_by_code,
    certificate_eligibility,
    certificate_facts,
)
from beoncosup.training.services.certificates import CertificateNotEligible, certificate_issue

# An enrolment token as models.token_new makes them (anything else is not a link of ours).
TOKEN = re.compile(r"[A-Za-z0-9_-]{1,100}")


def _private(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """No caching, no indexing, no Referer (the token is in the URL)."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        response["Referrer-Policy"] = "no-referrer"
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response

    return never_cache(wrapped)


def _enrolment_or_404(token: str) -> Enrolment:
    if not TOKEN.fullmatch(token):
        raise Http404
    enrolment = Enrolment.objects.select_related("edition__course").filter(token=token).first()
    if enrolment is None:
        raise Http404
    return enrolment


@require_safe
@_private
def certificate(request: HttpRequest, token: str) -> HttpResponse:
    """The certificate as a PDF in the participant's language, made on the first download
    once the edition is over and attendance is enough; otherwise a page saying why."""
    enrolment = _enrolment_or_404(token)
    issued = Certificate.objects.filter(enrolment=enrolment).first()
    if issued is None:
        try:
            issued = certificate_issue(enrolment=enrolment, request=request)
        except CertificateNotEligible:
            context = {
                "enrolment": enrolment,
                "eligibility": certificate_eligibility(enrolment),
                "revoked": False,
            }
            return render(request, "training/certificates/not_available.html", context)
    if issued.revoked:
        context = {"enrolment": enrolment, "eligibility": None, "revoked": True}
        return render(request, "training/certificates/not_available.html", context)
    return _certificate_pdf(request, issued)


def _certificate_pdf(request: HttpRequest, issued: Certificate) -> HttpResponse:
    enrolment = issued.enrolment
    stylesheet = stylesheet_path("training/certificate.css")
    with translation.override(enrolment.language):
        verify_url = request.build_absolute_uri(
            f"{reverse('training:verify')}?{urlencode({'code': issued.code})}"
        )
        context = {
            "facts": certificate_facts(issued, language=enrolment.language),
            "verify_url": verify_url,
            "qr": qr_svg(verify_url, title=gettext("QR code to verify this certificate online")),
        }
        html = render_to_string("training/certificates/certificate_pdf.html", context)
    pdf = html_to_pdf(html, base_url=stylesheet)
    filename = f"certificate-{enrolment.edition.course.slug}-{issued.code}.pdf"
    return HttpResponse(
        pdf,
        content_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


@require_safe
@never_cache
def verify(request: HttpRequest) -> HttpResponse:
    """Check a certificate by its code. Known, revoked and unknown codes answer with the same
    page; a malformed one (too long, NUL, wrong letters) is simply not found."""
    form = VerifyForm(request.GET if "code" in request.GET else None)
    searched = False
    found: Certificate | None = None
    if form.is_bound:
        if form.is_valid():
            searched = True
            found = certificate_by_code(form.cleaned_data["code"])
        elif not form.has_error("code", "required"):
            # NUL characters or far too long: not a code, answered like an unknown one.
            searched = True
            form = VerifyForm(initial={"code": ""})
    language = translation.get_language() or "en"
    facts = None
    if found is not None and not found.revoked:
        facts = certificate_facts(found, language=language)
    response = render(
        request,
        "training/certificates/verify.html",
        {"form": form, "searched": searched, "found": found, "facts": facts},
    )
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


urlpatterns: list[URLPattern] = [
    # Three segments: never taken for a course's "training/<slug>/".
    path(pgettext_lazy("URL path", "training/certificates/verify/"), verify, name="verify"),
    path(
        pgettext_lazy("URL path", "training/certificates/<str:token>/"),
        certificate,
        name="certificate",
    ),
]
