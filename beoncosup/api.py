"""The JSON APIs: one django-ninja instance, documented at /api/docs (served offline)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import ValidationError as NinjaValidationError

from beoncosup.directory.api import router as hsds_router
from beoncosup.finder.api import router as finder_router
from beoncosup.navigator.api import router as navigator_router
from beoncosup.screening.api import router as screening_router
from beoncosup.search.api import router as search_router

api = NinjaAPI(
    title="BeONCOsup API",
    version="1",
    description=(
        "Supportive care for people with cancer in Belgium. `/api/hsds/` is a read API "
        "following Open Referral HSDS 3.0 with the Belgian profile (docs/hsds-profile.md)."
    ),
    docs_url="/docs",
    urls_namespace="api",
)


@api.exception_handler(NinjaValidationError)
def validation_error(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
    """422 with a sentence per problem, so a hospital developer sees what to fix."""
    problems = [
        {
            "field": ".".join(
                str(part) for part in error.get("loc", []) if part not in ("query", "path")
            ),
            "message": str(error.get("msg")),
        }
        for error in exc.errors
    ]
    detail = "; ".join(f"{p['field']}: {p['message']}" for p in problems)
    return api.create_response(request, {"detail": detail, "errors": problems}, status=422)


api.add_router("/hsds/", hsds_router)
api.add_router("/v1/", search_router)
api.add_router("/v1/", finder_router)
api.add_router("/v1/", navigator_router)
api.add_router("/v1/", screening_router)
