"""Uploaded files, served by the application: access checked, byte ranges, proxy offload.

`/media/<name>` finds which model field holds `name` (by its upload folder), asks that app's
selector whether the viewer may open it (404 otherwise: a private file is never confirmed to
exist), and answers with `file_response`, which players and download managers can seek in
(RFC 9110 ranges, `If-Range`). With `MEDIA_ACCEL` set, the proxy in front (nginx's
`X-Accel-Redirect`, Apache's or Caddy's `X-Sendfile`) sends the bytes after the check.
"""

import mimetypes
import re
from dataclasses import dataclass
from urllib.parse import quote

from django.conf import settings
from django.http import FileResponse, Http404, HttpResponse, HttpResponseNotModified, StreamingHttpResponse
from django.utils.http import http_date, parse_http_date_safe
from django.utils.module_loading import import_string
from django.views.decorators.http import require_safe


@dataclass(frozen=True)
class MediaSource:
    folder: str  # the field's upload_to
    selector: str  # dotted path of `selector(user, name) -> FieldFile`, raising Http404
    public: bool  # may shared caches keep it?


# Every upload folder the site serves. Consulting documents are absent on purpose: they have
# their own download view inside the engagement workspace.
MEDIA_SOURCES = [
    MediaSource("learning/media/", "medsocial.learning.selectors.lesson_media_file", public=False),
    MediaSource("learning/resources/", "medsocial.learning.selectors.lesson_resource_file", public=False),
    MediaSource("learning/covers/", "medsocial.learning.selectors.course_cover_file", public=False),
    MediaSource("events/covers/", "medsocial.events.selectors.event_cover_file", public=True),
    MediaSource("events/speakers/", "medsocial.events.selectors.speaker_photo_file", public=True),
    MediaSource("publishing/covers/", "medsocial.publishing.selectors.article_cover_file", public=True),
    MediaSource("publishing/shows/", "medsocial.publishing.selectors.show_art_file", public=True),
    MediaSource("publishing/episodes/", "medsocial.publishing.selectors.episode_file", public=True),
    MediaSource("publishing/audio/", "medsocial.publishing.selectors.episode_file", public=True),
    MediaSource("residency/capstones/", "medsocial.residency.selectors.access_capstone_file", public=False),
]

# Shown in the page (img, audio, video, PDF viewer); anything else is offered as a download, so
# an uploaded HTML or SVG file can never run script on the site's origin.
INLINE_TYPES = re.compile(r"^(image/(png|jpeg|gif|webp|avif)|audio/.+|video/.+|application/pdf)$")
RANGE_RE = re.compile(r"^bytes=(\d*)-(\d*)$")
CHUNK = 64 * 1024


@require_safe
def media(request, name: str):
    """An uploaded file, if the viewer may open it."""
    source = next((s for s in MEDIA_SOURCES if name.startswith(s.folder)), None)
    if source is None or ".." in name.split("/"):
        raise Http404("No such file.")
    field_file = import_string(source.selector)(request.user, name)
    response = file_response(request, field_file)
    response["Cache-Control"] = "public, max-age=86400" if source.public else "private, max-age=3600"
    return response


def file_response(request, field_file, *, content_type: str | None = None, filename: str | None = None):
    """The stored file as a response that honours Range, If-Range and conditional requests."""
    storage, name = field_file.storage, field_file.name
    try:
        size = storage.size(name)
        modified = int(storage.get_modified_time(name).timestamp())
    except (FileNotFoundError, OSError, NotImplementedError):
        raise Http404("The file is missing.") from None
    content_type = content_type or mimetypes.guess_type(name)[0] or "application/octet-stream"
    etag = f'"{size:x}-{modified:x}"'
    headers = {
        "ETag": etag,
        "Last-Modified": http_date(modified),
        "Accept-Ranges": "bytes",
        "X-Content-Type-Options": "nosniff",
        "Content-Disposition": _disposition(content_type, filename or name.rsplit("/", 1)[-1]),
    }
    if _not_modified(request, etag, modified):
        response = HttpResponseNotModified()
        for header in ("ETag", "Last-Modified"):
            response[header] = headers[header]
        return response

    accel = _accel_header(storage, name)
    if accel is not None:
        # The proxy sends the bytes (ranges included); this answer only carries the headers.
        response = HttpResponse(content_type=content_type)
        response[accel[0]] = accel[1]
        return _with(response, headers)

    byte_range = _requested_range(request, size, etag, modified)
    if byte_range == "unsatisfiable":
        response = HttpResponse(status=416, content_type="text/plain")
        response["Content-Range"] = f"bytes */{size}"
        return _with(response, headers)
    if byte_range is None:
        start, end, status = 0, size - 1, 200
    else:
        (start, end), status = byte_range, 206
    length = max(end - start + 1, 0)
    if request.method == "HEAD":
        response = HttpResponse(status=status, content_type=content_type)
    elif status == 200:
        response = FileResponse(storage.open(name, "rb"), content_type=content_type)
    else:
        response = StreamingHttpResponse(
            _chunks(storage.open(name, "rb"), start, length), status=206, content_type=content_type
        )
    if status == 206:
        response["Content-Range"] = f"bytes {start}-{end}/{size}"
    response["Content-Length"] = str(length)
    return _with(response, headers)


def _with(response, headers: dict):
    for header, value in headers.items():
        response[header] = value
    return response


def _disposition(content_type: str, filename: str) -> str:
    kind = "inline" if INLINE_TYPES.match(content_type) else "attachment"
    ascii_name = filename.encode("ascii", "ignore").decode().replace('"', "") or "download"
    return f"{kind}; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(filename)}"


def _not_modified(request, etag: str, modified: int) -> bool:
    if_none_match = request.headers.get("If-None-Match")
    if if_none_match is not None:
        tags = [t.strip().removeprefix("W/") for t in if_none_match.split(",")]
        return "*" in tags or etag in tags
    since = parse_http_date_safe(request.headers.get("If-Modified-Since", ""))
    return since is not None and modified <= since


def _requested_range(request, size: int, etag: str, modified: int):
    """(start, end) of the one range asked for, None for the whole file, or "unsatisfiable".

    Several ranges, a malformed header or an `If-Range` that no longer matches mean the whole
    file, as RFC 9110 allows (and requires for a changed file)."""
    match = RANGE_RE.match(request.headers.get("Range", "").strip())
    if match is None or not any(match.groups()):
        return None
    if_range = request.headers.get("If-Range")
    if if_range is not None:
        if if_range.startswith(('"', "W/")):
            if if_range != etag:  # strong comparison: a weak tag never matches
                return None
        elif parse_http_date_safe(if_range) != modified:
            return None
    first, last = match.groups()
    if first == "":  # the final N bytes
        length = min(int(last), size)
        if length == 0:
            return "unsatisfiable"
        return size - length, size - 1
    start = int(first)
    end = min(int(last), size - 1) if last else size - 1
    if start >= size or end < start:
        return "unsatisfiable"
    return start, end


def _accel_header(storage, name: str) -> tuple[str, str] | None:
    mode = (settings.MEDIA_ACCEL or "").lower()
    if mode == "x-accel-redirect":
        return "X-Accel-Redirect", settings.MEDIA_ACCEL_PREFIX.rstrip("/") + "/" + quote(name)
    if mode == "x-sendfile":
        return "X-Sendfile", storage.path(name)
    return None


def _chunks(handle, start: int, length: int):
    with handle:
        handle.seek(start)
        while length > 0:
            data = handle.read(min(CHUNK, length))
            if not data:
                break
            length -= len(data)
            yield data
