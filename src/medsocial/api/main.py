"""The one API object. Each app contributes a router from its own `api.py`."""

from ninja import NinjaAPI, Swagger

from medsocial.accounts.api import router as accounts_router
from medsocial.api.auth import REQUIRED_AUTH
from medsocial.api.errors import install_error_handlers
from medsocial.awards.api import router as awards_router
from medsocial.census.api import router as census_router
from medsocial.consulting.api import router as consulting_router
from medsocial.events.api import router as events_router
from medsocial.fellows.api import router as fellows_router
from medsocial.learning.api import router as learning_router
from medsocial.programs.api import router as programs_router
from medsocial.publishing.api import router as publishing_router
from medsocial.residency.api import router as residency_router
from medsocial.safety.api import router as safety_router

ERROR_SCHEMA = {
    "title": "Error",
    "type": "object",
    "properties": {
        "detail": {"type": "string", "description": "What went wrong, in words a person can read."},
        "errors": {
            "type": "object",
            "description": "Messages per input field.",
            "additionalProperties": {"type": "array", "items": {"type": "string"}},
        },
    },
    "required": ["detail", "errors"],
}
ERROR_RESPONSES = {
    "400": "The request was refused by a rule of the hub.",
    "401": "Authentication required.",
    "403": "Not allowed for this account.",
    "404": "Not found, or not visible to this account.",
    "409": "Conflicts with the current state (a duplicate, a full event).",
    "422": "Invalid fields.",
}


class MedSocialAPI(NinjaAPI):
    """The API, with the shared error format documented on every operation."""

    def get_openapi_schema(self, *args, **kwargs):
        schema = super().get_openapi_schema(*args, **kwargs)
        schema.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_SCHEMA
        for operations in schema.get("paths", {}).values():
            for operation in operations.values():
                responses = operation.setdefault("responses", {})
                for status, description in ERROR_RESPONSES.items():
                    responses.setdefault(
                        status,
                        {
                            "description": description,
                            "content": {
                                "application/json": {"schema": {"$ref": "#/components/schemas/Error"}}
                            },
                        },
                    )
        return schema


api = MedSocialAPI(
    title="MedSocial API",
    version="1",
    description=(
        "The hub's JSON API. Authenticate with a personal access token "
        "(`Authorization: Bearer …`) or a browser session with its CSRF token. "
        'Errors always have the form `{"detail": "...", "errors": {"field": ["..."]}}`.'
    ),
    auth=REQUIRED_AUTH,
    docs=Swagger(),
    docs_url="/docs",
    urls_namespace="api",
)
install_error_handlers(api)

api.add_router("/", accounts_router)
api.add_router("/learning/", learning_router)
api.add_router("/events/", events_router)
api.add_router("/consulting/", consulting_router)
api.add_router("/census/", census_router)
api.add_router("/publishing/", publishing_router)
api.add_router("/safety/", safety_router)
api.add_router("/programs/", programs_router)
api.add_router("/awards/", awards_router)
api.add_router("/residency/", residency_router)
api.add_router("/fellows/", fellows_router)
