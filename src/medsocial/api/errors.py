"""One error format for every endpoint: {"detail": "...", "errors": {"field": ["..."]}}."""

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from medsocial.api.auth import www_authenticate
from medsocial.core.errors import DomainError


def error_body(detail: str, errors: dict[str, list[str]] | None = None) -> dict:
    return {"detail": detail, "errors": errors or {}}


def _field_of(loc: list) -> str:
    parts = [str(p) for p in loc]
    if parts and parts[0] in {"body", "query", "path", "form", "file", "header", "cookie"}:
        source, parts = parts[0], parts[1:]
        # Body fields arrive under the name of the schema argument: drop it.
        if source in {"body", "form"} and len(parts) > 1:
            parts = parts[1:]
    return ".".join(parts) or "__all__"


def install_error_handlers(api: NinjaAPI) -> None:
    @api.exception_handler(ValidationError)
    def on_validation_error(request, exc: ValidationError):
        errors: dict[str, list[str]] = {}
        for item in exc.errors:
            errors.setdefault(_field_of(item.get("loc", [])), []).append(item.get("msg", "Invalid value."))
        return api.create_response(request, error_body("The request has invalid fields.", errors), status=422)

    @api.exception_handler(DomainError)
    def on_domain_error(request, exc: DomainError):
        errors = {exc.field: [exc.message]} if exc.field else {}
        return api.create_response(request, error_body(exc.message, errors), status=exc.status_code)

    @api.exception_handler(DjangoValidationError)
    def on_django_validation_error(request, exc: DjangoValidationError):
        if hasattr(exc, "error_dict"):
            errors = {
                field: [str(m) for e in errs for m in e.messages] for field, errs in exc.error_dict.items()
            }
        else:
            errors = {"__all__": list(exc.messages)}
        return api.create_response(request, error_body("The request has invalid fields.", errors), status=422)

    @api.exception_handler(AuthenticationError)
    def on_authentication_error(request, exc):
        response = api.create_response(request, error_body("Authentication required."), status=401)
        response["WWW-Authenticate"] = www_authenticate(request)
        return response

    @api.exception_handler(PermissionDenied)
    def on_permission_denied(request, exc):
        return api.create_response(request, error_body(str(exc) or "You may not do this."), status=403)

    @api.exception_handler(Http404)
    def on_not_found(request, exc):
        return api.create_response(request, error_body("Not found."), status=404)

    @api.exception_handler(HttpError)
    def on_http_error(request, exc: HttpError):
        return api.create_response(request, error_body(str(exc)), status=exc.status_code)
