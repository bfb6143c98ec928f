"""Every error under /api/ answers in the API's one JSON format, wherever it was produced.

Endpoint errors already do (ninja exception handlers in `api.errors`); this catches the rest:
an unknown route (Django's resolver 404), a wrong method (ninja's 405), an unhandled exception
(Django's 500 page, after it has logged the error and sent `got_request_exception`), and any
middleware that answers with a page.
"""

from http import HTTPStatus

from django.http import JsonResponse

from medsocial.api.errors import error_body

API_PREFIX = "/api/"
# Headers of the original answer a client needs (which methods, how to authenticate, when to retry).
KEPT_HEADERS = ("Allow", "WWW-Authenticate", "Retry-After", "Vary")


def _detail(request, response) -> str:
    status = response.status_code
    if status == 404:
        return "Not found."
    if status == 405:
        allowed = response.get("Allow", "")
        return f"{request.method} is not allowed here." + (f" Allowed: {allowed}." if allowed else "")
    if status >= 500:
        return "Server error. It was logged; try again later."
    try:
        return HTTPStatus(status).phrase + "."
    except ValueError:
        return "The request failed."


def _is_json(response) -> bool:
    content_type = response.get("Content-Type", "").split(";")[0].strip().lower()
    return content_type == "application/json" or content_type.endswith("+json")


class ApiJsonErrorsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path.startswith(API_PREFIX) or response.status_code < 400:
            return response
        if response.streaming or _is_json(response):
            return response
        replacement = JsonResponse(error_body(_detail(request, response)), status=response.status_code)
        for header in KEPT_HEADERS:
            if header in response:
                replacement[header] = response[header]
        return replacement
