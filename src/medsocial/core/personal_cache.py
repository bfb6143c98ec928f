"""Whole signed-in pages cached per session, made stale by any committed write to a table they read.

Two pieces work together:

- **Every SQL statement** on every database connection goes through `_track` (installed when
  the connection is created). A statement that writes (INSERT, UPDATE, DELETE, and anything else
  that is not a plain read or transaction control: raw SQL, `queryset.update()`, bulk writes,
  migrations) gives a new random *generation* to each table it names, once its transaction has
  committed. A write whose tables cannot be told gives a new generation to everything.
- **A page opted in with `@cache_page_per_person`** is rendered while the statements it runs are
  recorded: the tables it read, and whether it wrote anything. It is stored with the generations
  its tables had *before* it was rendered, and served again only while every one of them is still
  the current one, for the same session (and the same data in it), address, htmx headers and
  minute of the clock. A write committed while the page was being built therefore always leaves
  the stored copy out of date, never the other way round.

A page is neither served from nor kept in the cache when a message waits for the person, when
it sets a cookie, changes the session or writes to the database while it renders, when its
status is not 200, or when it is not a GET. Times shown relative to now change at most once a
minute (the site keeps times to the minute), so the minute is part of the key: a page is never
served in a later minute than the one it was built in.

Generations live in the shared cache without expiry; one evicted is replaced by a new random
value, which only makes the pages stored with the old one miss.
"""

import functools
import hashlib
import json
import re
import time
import uuid

from django.apps import apps
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.auth import middleware as auth_middleware
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.db import connections
from django.urls import Resolver404, get_urlconf, resolve
from django.utils.functional import SimpleLazyObject

from medsocial.core import page_cache

# How long a stored page is kept at most; the minute in its key already ends its use sooner.
PAGE_TIMEOUT = 120
# The generation that every page depends on: bumped by a write whose tables are unknown.
EVERYTHING = "*"
# Statements that neither read nor write rows.
_NEUTRAL = ("SAVEPOINT", "RELEASE", "ROLLBACK", "BEGIN", "COMMIT", "SET ", "SHOW", "PRAGMA", "EXPLAIN")
_WORD = re.compile(r"[a-z_][a-z0-9_$]*")
_MESSAGES_COOKIE = "messages"
# Headers a stored page may vary on: all of them are part of its key, or handled on each hit.
_VARY_HANDLED = {"cookie", "accept-encoding"}


def cache_page_per_person(view):
    """Serve this view's page to a signed-in person from the cache while nothing it read changed.

    Put it outermost (above `login_required`). The view must not depend on anything but the
    database, the session, the address, the htmx headers and the current minute."""

    view.personal_page_cache = True
    return view


def _minute() -> int:
    return int(time.time() // 60)


def enabled() -> bool:
    return getattr(settings, "PERSONAL_PAGE_CACHE", False)


# --- Tracking every statement ----------------------------------------------------------------


@functools.cache
def _known_tables() -> frozenset[str]:
    return frozenset(model._meta.db_table.lower() for model in apps.get_models(include_auto_created=True))


def _tables_in(sql: str) -> frozenset[str]:
    """Every table of the project's models that the statement names (a superset is harmless)."""
    if len(sql) > 4000:  # long multi-row inserts: not worth keeping
        return _known_tables().intersection(_WORD.findall(sql.lower()))
    return _tables_in_short(sql)


@functools.lru_cache(maxsize=4096)
def _tables_in_short(sql: str) -> frozenset[str]:
    return _known_tables().intersection(_WORD.findall(sql.lower()))


def _generation_key(table: str) -> str:
    return f"table-generation:{table}"


def bump(tables) -> None:
    """Give these tables new generations now: every page stored with the old ones is stale."""
    cache.set_many({_generation_key(table): uuid.uuid4().hex for table in tables}, None)


def _bump_after_commit(connection, tables) -> None:
    if connection.get_autocommit() and not connection.in_atomic_block:
        bump(tables)  # the statement committed itself
    else:
        connection._written_tables.update(tables)


class _Recording:
    """What a page read while it rendered: each table's generation, taken before its first read."""

    def __init__(self, generations: dict[str, str]):
        self.generations = generations
        self.wrote = False

    def reading(self, tables) -> None:
        new = [table for table in tables if table not in self.generations]
        if new:
            self.generations.update(_current_generations({}, new))


def _track(execute, sql, params, many, context):
    connection = context["connection"]
    text = sql if isinstance(sql, str) else str(sql)
    head = text.lstrip(" \t\n(")[:9].upper()  # "(SELECT ...) UNION (SELECT ...)" reads
    recording = getattr(connection, "_personal_recording", None)
    if head.startswith("SELECT"):
        if recording is not None:
            recording.reading(_tables_in(text))
        return execute(sql, params, many, context)
    if head.startswith(_NEUTRAL):
        return execute(sql, params, many, context)
    tables = _tables_in(text) or frozenset((EVERYTHING,))
    if recording is not None:
        recording.reading(tables)  # a WITH ... SELECT reads them too
        recording.wrote = True
    result = execute(sql, params, many, context)
    _bump_after_commit(connection, tables)
    return result


def install(connection, **kwargs) -> None:
    """Track the statements of this connection (idempotent; called for each new connection).

    Tables written inside a transaction are kept on the connection and bumped right after it
    commits (not through on-commit callbacks, which would show up among those that tests and
    services capture); a rollback forgets them, as nothing they wrote remains."""
    if getattr(connection, "_generation_tracking", False):
        return
    connection._generation_tracking = True
    connection._written_tables = set()
    commit, rollback = connection.commit, connection.rollback

    def commit_and_bump():
        commit()
        tables, connection._written_tables = connection._written_tables, set()
        if tables:
            bump(tables)

    def rollback_and_forget():
        try:
            rollback()
        finally:
            connection._written_tables = set()

    connection.commit = commit_and_bump
    connection.rollback = rollback_and_forget
    connection.execute_wrappers.insert(0, _track)


# --- Serving pages -----------------------------------------------------------------------------

# The tables each view read when last rendered in this process: their generations are read in
# the same round trip as the stored page, so a hit costs one cache read (after the session's).
# Tables a render reads beyond these have their generation read just before their first read.
_TABLES_OF_VIEW: dict[str, frozenset[str]] = {}


def _view_of(request):
    return _view_of_path(get_urlconf(), request.path_info)


@functools.lru_cache(maxsize=4096)
def _view_of_path(urlconf, path: str):
    """The opted-in view's name for this address, or None (the resolver walk, remembered)."""
    try:
        match = resolve(path, urlconf)
    except Resolver404:
        return None
    if not getattr(match.func, "personal_page_cache", False):
        return None
    return match.view_name or match._func_path


def _session_fingerprint(request) -> str | None:
    """The session key and a digest of its data, or None when this request may not use the cache."""
    session = request.session
    data = dict(session.items())
    if SESSION_KEY not in data or "_messages" in data or not session.session_key:
        return None
    digest = json.dumps(data, sort_keys=True, default=str)
    return f"{session.session_key}|{hashlib.blake2b(digest.encode(), digest_size=16).hexdigest()}"


def _page_key(request, view_name: str, fingerprint: str, minute: int) -> str:
    htmx = sorted((name, value) for name, value in request.META.items() if name.startswith("HTTP_HX_"))
    variant = "|".join([fingerprint, str(minute), request.get_full_path(), repr(htmx)])
    return f"person-page:{view_name}:{hashlib.blake2b(variant.encode(), digest_size=20).hexdigest()}"


def _current_generations(found: dict, tables) -> dict[str, str]:
    """The generation of each table, from what was read already, creating the missing ones."""
    current = {table: found.get(_generation_key(table)) for table in tables}
    missing = [table for table, value in current.items() if value is None]
    if missing:
        more = cache.get_many([_generation_key(table) for table in missing])
        for table in missing:
            key = _generation_key(table)
            if key not in more:
                cache.add(key, uuid.uuid4().hex, None)
                more[key] = cache.get(key)
            current[table] = more[key]
    return current


def _storable(request, response, wrote: bool) -> bool:
    if wrote or response.status_code != 200 or response.streaming or response.cookies:
        return False
    if "no-store" in response.get("Cache-Control", ""):
        return False
    vary = {name.strip().lower() for name in response.get("Vary", "").split(",") if name.strip()}
    if any(name not in _VARY_HANDLED and not name.startswith("hx-") for name in vary):
        return False
    if request.session.modified or len(get_messages(request)) != 0:
        return False
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)


class PersonalPageCacheMiddleware:
    """Serve opted-in pages to signed-in people from the cache (see the module's notes).

    Placed after the session and CSRF middleware (a hit puts a fresh CSRF token in) and before
    authentication, so that loading the person is among the reads a page is stored with."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not (
            enabled()
            and request.method == "GET"
            and settings.SESSION_COOKIE_NAME in request.COOKIES
            and _MESSAGES_COOKIE not in request.COOKIES
            and "Authorization" not in request.headers
        ):
            return self.get_response(request)
        view_name = _view_of(request)
        if view_name is None:
            return self.get_response(request)
        fingerprint = _session_fingerprint(request)
        if fingerprint is None:
            return self.get_response(request)
        minute = _minute()
        key = _page_key(request, view_name, fingerprint, minute)
        expected = _TABLES_OF_VIEW.get(view_name, frozenset()) | {EVERYTHING}
        found = cache.get_many([key, *(_generation_key(table) for table in expected)])
        stored = found.get(key)
        if stored is not None:
            tables, generations, headers, parts, deflated = stored
            current = _current_generations(found, tables)
            if all(
                current[table] == generation for table, generation in zip(tables, generations, strict=True)
            ):
                # As the authentication middleware would: loaded only if something asks.
                request.user = SimpleLazyObject(lambda: auth_middleware.get_user(request))
                return page_cache._response_from(request, headers, parts, deflated)
        recording = _Recording(_current_generations(found, expected))
        response = self._render_recording(request, recording)
        generations = recording.generations
        _TABLES_OF_VIEW[view_name] = frozenset(generations)
        # Store only what was built within the minute of its key.
        if _minute() == minute and _storable(request, response, recording.wrote):
            tables = tuple(sorted(generations))
            charset = response.charset or "utf-8"
            body = page_cache._without_csrf_token(request, response.content.decode(charset))
            parts = [part.encode(charset) for part in body.split(page_cache._CSRF_PLACEHOLDER)]
            headers = [(name, value) for name, value in response.items() if name != "Content-Length"]
            stored = (
                tables,
                tuple(generations[table] for table in tables),
                headers,
                parts,
                page_cache._deflated(parts),
            )
            cache.set(key, stored, PAGE_TIMEOUT)
        return response

    def _render_recording(self, request, recording: _Recording):
        connections_used = list(connections.all())
        for connection in connections_used:
            connection._personal_recording = recording
        try:
            response = self.get_response(request)
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            # Loading the person (if nothing did so yet) counts among the page's reads.
            if getattr(request, "user", None) is not None:
                request.user.is_authenticated  # noqa: B018
        finally:
            for connection in connections_used:
                connection._personal_recording = None
        return response
