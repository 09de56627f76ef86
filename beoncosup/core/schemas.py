"""What every JSON API answers when it cannot answer as asked: low in the stack, so each
app's router can declare it (``response={..., 422: Problem}``) without importing
``beoncosup.api``, which imports the routers."""

from __future__ import annotations

from ninja import Schema
from pydantic import BaseModel, ConfigDict


class FieldProblem(Schema):
    field: str
    message: str


# The body of every 400, 404 and 422 (core.middleware.RejectNulMiddleware answers the same shape).
class Problem(Schema):
    """What went wrong: `detail` in a sentence, `errors` per invalid parameter."""

    detail: str
    errors: list[FieldProblem] | None = None


class Out(BaseModel):
    """Base of the response objects. Plain pydantic: ninja's Schema wraps every value for
    attribute lookups, which objects built by keyword or from dicts do not need. An unknown key
    is refused (a 500 in tests) rather than dropped silently from the answer. Keys are written
    in the order the fields are declared."""

    model_config = ConfigDict(extra="forbid")
