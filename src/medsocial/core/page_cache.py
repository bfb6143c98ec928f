"""Whole pages cached for anonymous visitors, made stale by version bumps, never by waiting.

A cached page is stored with the current *version* of every area it shows ("learning",
"events", "census", "publishing"), and read in the same round trip as those versions. A write
to an area bumps its version, so the next request finds the stored page's versions out of date
and builds the page again. Writes bump
through `bump()`: the signal receivers in `core.apps` call it for every saved or deleted model
of an area, and services that write in bulk (the census recompute) call it themselves.

Every page carries the visitor's CSRF token (the htmx header and the newsletter form). The
page is stored cut around the token, and a fresh token for this visitor is put back on each
hit, so the CSRF cookie is set exactly as on an uncached page. The pieces are also stored
compressed, each on its own, so a hit for a browser that accepts gzip joins compressed bytes
instead of compressing a whole page again.
"""

import functools
import hashlib
import re
import struct
import uuid
import zlib

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.db import connection, transaction
from django.http import HttpResponse
from django.middleware.csrf import _unmask_cipher_token, get_token
from django.utils.cache import patch_vary_headers

# A safety net for what changes with time alone (an event whose registration has closed).
PAGE_TIMEOUT = 300
AREAS = ("learning", "events", "census", "publishing")
_CSRF_PLACEHOLDER = "__medsocial_csrf_token__"
_MASKED_TOKEN = re.compile(r"\b[a-zA-Z0-9]{64}\b")
_ACCEPTS_GZIP = re.compile(r"\bgzip\b")
# A gzip member header: deflate, no flags, no time stamp, no extra flags, unknown system.
_GZIP_HEADER = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"


def _version_key(area: str) -> str:
    return f"page-version:{area}"


def versions(areas) -> list[str]:
    """The current version of each area, creating the missing ones."""
    keys = [_version_key(area) for area in areas]
    found = cache.get_many(keys)
    missing = {key: uuid.uuid4().hex for key in keys if key not in found}
    if missing:
        for key, value in missing.items():
            cache.add(key, value, None)
        found.update(cache.get_many(list(missing)))
    return [found.get(key, "") for key in keys]


def bump(*areas: str) -> None:
    """Make every cached page of these areas stale.

    Bumped at once and again after the transaction commits: a page rebuilt in between from
    data not yet committed would otherwise be kept under the new version."""

    areas = tuple(sorted(areas))

    def new_versions():
        cache.set_many({_version_key(area): uuid.uuid4().hex for area in areas}, None)

    new_versions()
    # One bump after commit is enough however many rows the transaction wrote.
    if connection.in_atomic_block and any(
        getattr(callback, "page_areas", None) == areas for _, callback, _ in connection.run_on_commit
    ):
        return
    new_versions.page_areas = areas
    transaction.on_commit(new_versions)


def _page_key(request, view_name: str) -> str:
    variant = "|".join(
        [
            request.get_full_path(),
            request.headers.get("HX-Request", ""),
            request.headers.get("HX-Target", ""),
        ]
    )
    return f"page:{view_name}:{hashlib.blake2b(variant.encode(), digest_size=16).hexdigest()}"


def _stored_page_and_versions(key: str, areas) -> tuple:
    """The stored page (or None) and the areas' current versions, read in one round trip.

    A page is kept with the versions it was built under and served only while they are still
    the current ones, so reading both together cannot serve a page of an older version."""
    version_keys = [_version_key(area) for area in areas]
    found = cache.get_many([key, *version_keys])
    current = [found.get(version_key) for version_key in version_keys]
    if None in current:
        current = versions(areas)
    stored = found.get(key)
    if stored is not None and stored[0] == current:
        return stored[1:], current
    return None, current


def _may_use_cache(request) -> bool:
    # Only visitors without a session: a signed-in person, or a guest whose session remembers
    # something (their own comments awaiting moderation), gets the page built for them.
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "Authorization" not in request.headers
        # A page showing a one-time message ("You signed out") is neither served from nor kept.
        and len(get_messages(request)) == 0
    )


def _storable(response) -> bool:
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "private" not in cache_control
        and "no-store" not in cache_control
    )


def _without_csrf_token(request, content: str) -> str:
    """The page with every masked form of this visitor's CSRF secret replaced by a placeholder."""
    secret = request.META.get("CSRF_COOKIE")
    if not (secret and request.META.get("CSRF_COOKIE_NEEDS_UPDATE")):
        return content

    def replace(match):
        return _CSRF_PLACEHOLDER if _unmask_cipher_token(match.group(0)) == secret else match.group(0)

    return _MASKED_TOKEN.sub(replace, content)


def _deflated(parts: list[bytes]) -> list[bytes]:
    """Each part compressed on its own (raw deflate, byte-aligned, no reference to what came
    before), so a hit joins them around the visitor's token instead of compressing the page."""
    deflated = []
    for index, part in enumerate(parts):
        compressor = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
        last = index == len(parts) - 1
        deflated.append(
            compressor.compress(part) + compressor.flush(zlib.Z_FINISH if last else zlib.Z_FULL_FLUSH)
        )
    return deflated


def _gzip_around_token(parts: list[bytes], deflated: list[bytes], token: bytes) -> bytes:
    """One gzip member (RFC 1952): the stored compressed parts with the token between them."""
    compressor = zlib.compressobj(1, zlib.DEFLATED, -zlib.MAX_WBITS)
    token_deflated = compressor.compress(token) + compressor.flush(zlib.Z_FULL_FLUSH)
    crc, size = 0, 0
    pieces = [_GZIP_HEADER]
    for index, (part, compressed) in enumerate(zip(parts, deflated, strict=True)):
        if index:
            crc, size = zlib.crc32(token, crc), size + len(token)
            pieces.append(token_deflated)
        crc, size = zlib.crc32(part, crc), size + len(part)
        pieces.append(compressed)
    pieces.append(struct.pack("<II", crc & 0xFFFFFFFF, size & 0xFFFFFFFF))
    return b"".join(pieces)


def _response_from(request, headers, parts: list[bytes], deflated: list[bytes]) -> HttpResponse:
    token = get_token(request).encode() if len(parts) > 1 else b""
    if _ACCEPTS_GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", "")):
        response = HttpResponse(_gzip_around_token(parts, deflated, token))
        response["Content-Encoding"] = "gzip"  # GZipMiddleware leaves an encoded response alone
        patch_vary_headers(response, ("Accept-Encoding",))
    else:
        response = HttpResponse(token.join(parts))
    for name, value in headers:
        response[name] = value
    return response


def cache_page_for_visitors(*areas: str):
    """Serve the view's page to anonymous visitors from the cache while `areas` are unchanged."""
    unknown = set(areas) - set(AREAS)
    if unknown:
        raise ValueError(f"Unknown cache areas: {sorted(unknown)}")

    def decorator(view):
        view_name = f"{view.__module__}.{getattr(view, '__qualname__', type(view).__name__)}"

        @functools.wraps(view)
        def cached_view(request, *args, **kwargs):
            if not _may_use_cache(request):
                return view(request, *args, **kwargs)
            key = _page_key(request, view_name)
            stored, current = _stored_page_and_versions(key, areas)
            if stored is not None:
                return _response_from(request, *stored)
            response = view(request, *args, **kwargs)
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            # A message the view added for this visitor is theirs alone.
            if _storable(response) and len(get_messages(request)) == 0:
                charset = response.charset or "utf-8"
                body = _without_csrf_token(request, response.content.decode(charset))
                parts = [part.encode(charset) for part in body.split(_CSRF_PLACEHOLDER)]
                headers = [(name, value) for name, value in response.items() if name != "Content-Length"]
                cache.set(key, (current, headers, parts, _deflated(parts)), PAGE_TIMEOUT)
            return response

        # Signed-in people get the page cached for them alone (core.personal_cache).
        cached_view.personal_page_cache = True
        return cached_view

    return decorator


def area_etag(*areas: str):
    """An `etag_func` for Django's `condition` decorator: the areas' versions and the address.

    A client holding the tag of an export gets a 304 without the rows being read again."""

    def etag(request, *args, **kwargs) -> str:
        variant = "|".join([request.get_full_path(), *versions(areas)])
        return hashlib.blake2b(variant.encode(), digest_size=16).hexdigest()

    return etag
