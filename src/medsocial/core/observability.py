"""What an operator reads when something goes wrong: one JSON object per log line carrying the
request's id, the same id in the X-Request-ID response header, and errors sent to Sentry (or a
compatible service) when SENTRY_DSN is set."""

import contextvars
import json
import logging
import re
import time
import uuid

import sentry_sdk

request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="")

# An id from the load balancer is kept when it is a plain token, so one id follows the request
# through every hop; anything else (too long, odd characters) is replaced.
ACCEPTED_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")


class RequestIdMiddleware:
    """Give each request an id (the proxy's X-Request-ID when it sent a plain one), put it in
    every log line written while the request runs and in the response's X-Request-ID header."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.META.get("HTTP_X_REQUEST_ID", "")
        current = incoming if ACCEPTED_ID.match(incoming) else uuid.uuid4().hex
        request.request_id = current
        token = request_id.set(current)
        try:
            _tag_error_reports(current)
            response = self.get_response(request)
        finally:
            request_id.reset(token)
        response["X-Request-ID"] = current
        return response


def _tag_error_reports(current: str) -> None:
    # A no-op until SENTRY_DSN starts the client.
    sentry_sdk.get_isolation_scope().set_tag("request_id", current)


class RequestIdFilter(logging.Filter):
    """Adds `request_id` (empty outside a request) to every record."""

    def filter(self, record):
        # Django logs a response's status after the middleware returned; it passes the request.
        record.request_id = request_id.get() or getattr(getattr(record, "request", None), "request_id", "")
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, request id, and the traceback."""

    converter = time.gmtime  # times in UTC, like everything else the site stores

    def format(self, record):
        entry = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S") + f".{int(record.msecs):03d}Z",
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", "") or request_id.get(),
        }
        status = getattr(record, "status_code", None)
        if status is not None:
            entry["status"] = status
        request = getattr(record, "request", None)
        if request is not None and hasattr(request, "path"):
            entry["method"], entry["path"] = request.method, request.path
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, default=str)


def configure_error_reporting(dsn: str, *, environment: str, release: str) -> bool:
    """Send unhandled errors (pages, API, tasks) to Sentry or a compatible service. Sentry's
    default sends no personal data (cookies, user addresses); request bodies are never sent."""
    if not dsn:
        return False
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        release=release,
        integrations=[DjangoIntegration()],
        traces_sample_rate=0.0,
        max_request_body_size="never",
    )
    return True
