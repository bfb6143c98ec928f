import json
import re
import zoneinfo

from django.http import QueryDict
from django.middleware.gzip import GZipMiddleware as DjangoGZipMiddleware
from django.utils import timezone

from medsocial.core.text import (
    has_control_characters,
    strip_control_characters,
    strip_control_characters_deep,
)


class UserTimezoneMiddleware:
    """Show times in the signed-in person's own time zone when they chose one."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        tzname = getattr(getattr(request, "user", None), "time_zone", "") or ""
        if tzname:
            try:
                timezone.activate(zoneinfo.ZoneInfo(tzname))
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                timezone.deactivate()
        else:
            timezone.deactivate()
        return self.get_response(request)


NUL = "\x00"


def _json_fields_with_nul(value, name: str = "") -> list[str]:
    """Names (dotted paths) of the strings in a parsed JSON value that contain a NUL character."""
    if isinstance(value, str):
        return [name or "__all__"] if NUL in value else []
    if isinstance(value, dict):
        found = [name + "." + key if name else key for key in value if NUL in key]
        for key, item in value.items():
            found += _json_fields_with_nul(item, f"{name}.{key}" if name else str(key))
        return found
    if isinstance(value, list):
        return [
            field
            for index, item in enumerate(value)
            for field in _json_fields_with_nul(item, f"{name}.{index}" if name else str(index))
        ]
    return []


def _form_fields_with_nul(data) -> list[str]:
    """Names of the fields of a QueryDict whose name or any value contains a NUL character."""
    return [key for key, values in data.lists() if NUL in key or any(NUL in value for value in values)]


class RejectNulCharactersMiddleware:
    """Refuse any request whose path, query or submitted text holds a NUL character.

    No person types one; PostgreSQL cannot store one in a text column, so without this such
    input would fail deep in a query instead of being answered with a clear message."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        fields = self._nul_fields(request)
        if not fields:
            return self.get_response(request)
        message = "Text may not contain NUL (0x00) characters."
        if request.path.startswith("/api/"):
            from django.http import JsonResponse

            return JsonResponse(
                {"detail": message, "errors": {field: [message] for field in fields}}, status=400
            )
        from django.http import HttpResponseBadRequest

        return HttpResponseBadRequest(f"{message} Fields: {', '.join(fields)}.", content_type="text/plain")

    @staticmethod
    def _nul_fields(request) -> list[str]:
        if NUL in request.path:
            return ["path"]
        fields = _form_fields_with_nul(request.GET)
        if request.method in ("GET", "HEAD", "OPTIONS"):
            return fields
        content_type = request.content_type or ""
        if content_type == "application/json":
            body = request.body or b""
            # JSON carries a NUL as the escape \u0000; only then is the body parsed to name the field.
            if b"\\u0000" in body or NUL.encode() in body:
                try:
                    fields += _json_fields_with_nul(json.loads(body))
                except ValueError:
                    pass  # malformed JSON is the view's to refuse, with its own message
        elif content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
            fields += _form_fields_with_nul(request.POST)
        return fields


# Raw control bytes, UTF-8 encoded C1 controls, or a JSON escape of either.
_CONTROL_IN_BODY = re.compile(
    rb"[\x01-\x08\x0b\x0c\x0e-\x1f\x7f]|\xc2[\x80-\x9f]|\\u00[01][0-9a-fA-F]|\\u00[89][0-9a-fA-F]|\\u007[fF]"
)


def _cleaned_query_dict(data: QueryDict) -> QueryDict | None:
    """A copy of `data` with control characters stripped from names and values, or None when
    nothing needed cleaning (so the common request is not copied)."""
    if not any(
        has_control_characters(key) or any(map(has_control_characters, values))
        for key, values in data.lists()
    ):
        return None
    cleaned = QueryDict(mutable=True, encoding=data.encoding)
    for key, values in data.lists():
        cleaned.setlist(strip_control_characters(key), [strip_control_characters(v) for v in values])
    cleaned._mutable = False
    return cleaned


class StripControlCharactersMiddleware:
    """Remove control characters (all but tab, newline and carriage return) from every piece of
    submitted text: query strings, form fields and JSON bodies, for pages and the API alike.

    Cleaning here, once, means no form, endpoint or service has to remember it, and text that
    reaches the database can always be written into XML feeds, CSV cells and emails."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        cleaned_get = _cleaned_query_dict(request.GET)
        if cleaned_get is not None:
            request.GET = cleaned_get
        if request.method not in ("GET", "HEAD", "OPTIONS"):
            self._clean_body(request)
        return self.get_response(request)

    @staticmethod
    def _clean_body(request) -> None:
        content_type = request.content_type or ""
        if content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
            cleaned_post = _cleaned_query_dict(request.POST)
            if cleaned_post is not None:
                request.POST = cleaned_post
        elif content_type == "application/json":
            body = request.body or b""
            if not _CONTROL_IN_BODY.search(body):
                return
            try:
                # strict=False: raw control characters inside strings are read, then removed.
                value = json.loads(body, strict=False)
            except ValueError:
                return  # malformed JSON is the view's to refuse, with its own message
            request._body = json.dumps(strip_control_characters_deep(value), ensure_ascii=False).encode()


class GZipMiddleware(DjangoGZipMiddleware):
    """Django's gzip, except for files served with byte ranges and media compressed already.

    A compressed body has other byte offsets than the file, so a player's `Range: bytes=…`
    would get the wrong bytes (and a gzipped 206 is no slice at all); images, audio and video
    gain nothing from gzip anyway."""

    def process_response(self, request, response):
        content_type = response.get("Content-Type", "")
        if (
            response.has_header("Content-Range")
            or response.get("Accept-Ranges") == "bytes"
            or content_type.startswith(("image/", "audio/", "video/"))
        ):
            return response
        return super().process_response(request, response)
