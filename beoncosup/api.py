"""The JSON APIs: one django-ninja instance, documented at /api/docs (served offline)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.utils.datastructures import MultiValueDict
from ninja import NinjaAPI
from ninja.errors import ValidationError as NinjaValidationError
from ninja.openapi.schema import OpenAPISchema
from ninja.parser import Parser

from beoncosup.accounts.api import router as accounts_router
from beoncosup.consultations.api import router as consultations_router
from beoncosup.core.schemas import Problem
from beoncosup.directory.api import router as hsds_router
from beoncosup.feedback.api import router as feedback_router
from beoncosup.finder.api import router as finder_router
from beoncosup.insights.api import router as insights_router
from beoncosup.jobs.api import router as jobs_router
from beoncosup.navigator.api import router as navigator_router
from beoncosup.network.api import router as network_router
from beoncosup.participation.api import router as participation_router
from beoncosup.referrals.api import router as referrals_router
from beoncosup.research.api import router as research_router
from beoncosup.screening.api import router as screening_router
from beoncosup.search.api import router as search_router
from beoncosup.training.api import router as training_router
from beoncosup.workplans.api import router as workplans_router

ERROR_RESPONSES = {
    "400": "The body is not JSON.",
    "404": "No such object: `detail` says which.",
    "422": (
        "The request cannot be answered as asked: `detail` names each parameter and its "
        "problem (also listed in `errors` for invalid parameters)."
    ),
}


class SingleValueParser(Parser):
    """Refuses a repeated parameter unless it is a list (``need``): ``?lang=nl&lang=fr`` would
    otherwise silently use the last value, and a caller would never learn of the mistake."""

    def parse_querydict(
        self, data: MultiValueDict[str, Any], list_fields: list[str], request: HttpRequest
    ) -> dict[str, Any]:
        repeated = [
            name for name in data if name not in list_fields and len(data.getlist(name)) > 1
        ]
        if repeated:
            raise NinjaValidationError(
                [
                    {"loc": (name,), "msg": "give this parameter once", "type": "repeated"}
                    for name in repeated
                ]
            )
        return super().parse_querydict(data, list_fields, request)


class BeoncosupAPI(NinjaAPI):
    def get_openapi_schema(
        self, *, path_prefix: str | None = None, path_params: dict[str, Any] | None = None
    ) -> OpenAPISchema:
        """The generated schema, with the 422 every operation can answer (bad parameters, a
        NUL character, a repeated parameter) and the 404 of every operation that looks up a
        path parameter, so clients and schemathesis see each status they can get."""
        schema = super().get_openapi_schema(path_prefix=path_prefix, path_params=path_params)
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        problem = Problem.model_json_schema(ref_template="#/components/schemas/{model}")
        components.update(problem.pop("$defs", {}))
        components["Problem"] = problem
        for operations in schema["paths"].values():
            for operation in operations.values():
                statuses = ["422"]
                if any(p.get("in") == "path" for p in operation.get("parameters", [])):
                    statuses.append("404")
                if "requestBody" in operation:
                    statuses.append("400")  # django-ninja's answer to a body it cannot parse
                responses = operation["responses"]
                # django-ninja keys its own statuses as integers, JSON as strings: one of each.
                # A status a route declares (``response={404: Problem}``) keeps its schema and
                # gets the sentence here instead of ninja's generic "Not Found".
                for status in [s for s in statuses if int(s) in responses]:
                    responses[int(status)]["description"] = ERROR_RESPONSES[status]
                for status in [s for s in statuses if int(s) not in responses]:
                    responses.setdefault(
                        status,
                        {
                            "description": ERROR_RESPONSES[status],
                            "content": {
                                "application/json": {
                                    "schema": {"$ref": "#/components/schemas/Problem"}
                                }
                            },
                        },
                    )
        return schema


api = BeoncosupAPI(
    title="BeONCOsup API",
    version="1",
    description=(
        "Supportive care for people with cancer in Belgium. `/api/hsds/` is a read API "
        "following Open Referral HSDS 3.0 with the Belgian profile (docs/hsds-profile.md). "
        "Invalid parameters, a repeated single-valued parameter or a NUL character answer "
        "422 with `detail` naming the parameter; an unknown id in a path answers 404; a body "
        "that is not JSON answers 400."
    ),
    docs_url="/docs",
    urls_namespace="api",
    parser=SingleValueParser(),
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
api.add_router("/v1/", accounts_router)
api.add_router("/v1/", referrals_router)
api.add_router("/v1/", insights_router)
api.add_router("/v1/", training_router)
api.add_router("/v1/", network_router)
api.add_router("/v1/", research_router)
api.add_router("/v1/", consultations_router)
api.add_router("/v1/", participation_router)
api.add_router("/v1/", feedback_router)
api.add_router("/v1/", jobs_router)
api.add_router("/v1/", workplans_router)
